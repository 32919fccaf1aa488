"""Word vectors: the packed table round-trips and finds words both ways, WordVectors pools and normalises, refuses
a changed table, pickles without the table, and shares the tokenizer's one pass with the TF-IDF."""

import os
import pickle

import numpy as np
import pytest
from sklearn.base import clone

import taikai
from taikai.errors import InputError, ModelError
from taikai.model import FeatureConfig, WordVectors, _vector_table, build_pipeline, feature_blocks
from taikai.text import JapaneseTokenizer

VECTORS = {"手数料": [1.0, 0.0], "高い": [0.0, 1.0], "稼げる": [3.0, 4.0], "る": [1.0, 1.0], "web": [0.0, 2.0]}


@pytest.fixture
def table_file(tmp_path):
    path = tmp_path / "tiny"
    _vector_table.save_table(_vector_table.make_table(VECTORS, "test vectors"), path)
    return path


def test_table_round_trips_and_shares_equal_vectors(table_file):
    table = _vector_table.load_table(str(table_file))
    assert sorted(table.words()) == sorted(VECTORS)
    assert table.dim == 2 and len(table) == 5 and table.source == "test vectors"
    assert table.matrix.dtype == np.float16 and len(table.matrix) == 5  # no two vectors are equal here
    for word, vector in VECTORS.items():
        key = table.search(word)
        np.testing.assert_array_equal(table.matrix[table.rows[key]], vector)


@pytest.mark.parametrize("large", [False, True], ids=["bisect", "lexicon"])
def test_segment_finds_the_same_keys_by_bisect_and_by_lexicon(table_file, monkeypatch, large):
    table = _vector_table.load_table(str(table_file))
    monkeypatch.setattr(_vector_table, "DICT_MIN_TOKENS", 1 if large else 10**9)
    monkeypatch.setattr(_vector_table, "_LEXICONS", {})
    words = ["高い", "安い", "web", "る", "手数", "手数料", "稼げる"]
    docs, keys = table.segment([words, [], ["る"]])
    assert [(int(d), table.words()[k]) for d, k in zip(docs, keys)] == [
        *((0, w) for w in words if w in VECTORS),
        (2, "る"),
    ]
    assert table.search("") == -1 and table.search("安い") == -1
    assert (table.digest in _vector_table._LEXICONS) is large


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("手数料 が 高い", [1, 1]),  # the mean of the known words, L2-normalised
        ("手数料 手数料 高い", [2, 1]),  # a repeated word counts twice
        ("稼げる", [3, 4]),
        ("知らない 語 だけ", [0, 0]),  # nothing known: zeros
        ("", [0, 0]),
        ("  高い   web  ", [0, 3]),  # runs of spaces
    ],
)
def test_word_vectors_pool_and_normalise(table_file, text, expected):
    vectors = WordVectors(table=str(table_file)).fit(["手数料 が 高い"])
    out = vectors.transform(["高い", text, "稼げる"])
    assert out.shape == (3, 2) and out.dtype == np.float32
    want = np.asarray(expected, dtype=float)
    want = want / np.linalg.norm(want) if want.any() else want
    np.testing.assert_allclose(out[1], want, atol=1e-6)
    np.testing.assert_allclose(out[0], [0, 1], atol=1e-6)  # the neighbours are unaffected


@pytest.mark.parametrize("few_rows", [10**9, 0], ids=["rows-used", "whole-matrix"])
@pytest.mark.parametrize(
    "texts",
    [["高い"], ["手数料 が 高い", "", "稼げる 稼げる る web 高い"], ["知らない", "語"], []],
    ids=["one", "several", "none-known", "no-text"],
)
def test_pooling_a_few_texts_converts_only_their_rows(table_file, monkeypatch, few_rows, texts):
    table = _vector_table.load_table(str(table_file))
    vectors = WordVectors(table=str(table_file)).fit(["手数料 が 高い"])
    monkeypatch.setattr(_vector_table, "_MATRICES", {})
    monkeypatch.setattr(_vector_table, "FEW_ROWS", few_rows)
    out = vectors.transform(texts)
    assert (table.digest in _vector_table._MATRICES) is (few_rows == 0)  # the whole float32 matrix, or none
    monkeypatch.setattr(_vector_table, "FEW_ROWS", 0)
    whole = vectors.transform(texts)  # through the whole matrix: the same bytes
    assert out.dtype == whole.dtype == np.float32 and out.shape == whole.shape == (len(texts), 2)
    assert out.tobytes() == whole.tobytes()


def test_fit_records_the_table_and_the_coverage(table_file):
    vectors = WordVectors(table=str(table_file), weight=2.0).fit(["手数料 が 高い", "謎"])
    assert vectors.digest_ == _vector_table.load_table(str(table_file)).digest
    assert vectors.dim_ == 2 and vectors.coverage_ == pytest.approx(2 / 4)
    np.testing.assert_allclose(np.linalg.norm(vectors.transform(["高い 稼げる"])), 2.0, rtol=1e-6)
    assert list(vectors.get_feature_names_out()) == ["vector0", "vector1"]
    assert clone(vectors).get_params() == {"table": str(table_file), "weight": 2.0}


def test_a_fitted_block_pickles_without_the_table(table_file):
    vectors = WordVectors(table=str(table_file)).fit(["高い"])
    assert len(pickle.dumps(vectors)) < 1000
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(vectors)).transform(["高い"]), vectors.transform(["高い"]))


def test_a_changed_table_is_refused_with_what_to_do(table_file):
    vectors = WordVectors(table=str(table_file)).fit(["高い"])
    _vector_table.save_table(_vector_table.make_table(VECTORS | {"安い": [1.0, 2.0]}, "other"), table_file)
    stat = (table_file / "table.json").stat()
    os.utime(table_file / "table.json", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # not the cached one
    with pytest.raises(ModelError, match=r"is not the one this model was trained with.*retrain the model"):
        vectors.transform(["高い"])


def _change(table):
    """Write another table over *table*, dated apart from the one read (not the cached one)."""
    _vector_table.save_table(_vector_table.make_table(VECTORS | {"安い": [1.0, 2.0]}, "other"), table)
    stat = (table / "table.json").stat()
    os.utime(table / "table.json", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


@pytest.mark.parametrize(
    ("options", "retrain"),
    [
        ({}, ", folds=0, test_size=0"),
        ({"free_labels": True}, ", free_labels=True, folds=0, test_size=0"),
        ({"sentiment_column": None}, ", sentiment_column=None, folds=0, test_size=0"),
        ({"refit_all": True, "test_size": 0.2}, ", refit_all=True, folds=0"),  # the default test size: not given
    ],
    ids=["plain", "free-labels", "no-sentiment", "refit-all"],
)
@pytest.mark.parametrize("changed", ["before loading", "after loading", "after loading, rules of lemmas"])
def test_a_loaded_models_changed_table_is_refused_with_its_own_retrain_command(
    tmp_path, tiny_csv, options, retrain, changed
):
    """Regression: the refusal gave the plain train command, so that following it trained another kind of model
    (then the command line's, which trains with chiVe, not the table of one's own), and to install the taikai that
    trained it, which does not bring back one's own table; it is the model's own whether the table changed before
    the model was loaded or while it is held."""
    table = tmp_path / "table"
    _vector_table.save_table(_vector_table.make_table(VECTORS, "test vectors"), table)
    taikai.train(
        tiny_csv, tmp_path / "m", **{"folds": 0, "test_size": 0, **options}, config=FeatureConfig(vectors=str(table))
    )
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "r"\nlabel = "fees"\nany = ["lemma:高い"]\n', encoding="utf-8")
    if changed == "before loading":
        _change(table)
    with pytest.raises(ModelError, match=r"not the one this model was trained with") as caught:
        model = taikai.load_model(tmp_path / "m")
        _change(table)
        model.predict(["手数料が高い"], rules=rules if "rules" in changed else None)
    said = str(caught.value)
    assert "install the taikai version" not in said
    assert "put back the table it was trained with (its table.json's digest begins " in said
    call = f"taikai.train({str(tiny_csv)!r}, 'MODEL_DIR', config=taikai.FeatureConfig(vectors={str(table)!r}){retrain})"
    assert said.endswith(f"or retrain the model with the table now there: {call} in Python")


@pytest.mark.parametrize(
    ("moved", "said"),
    [
        ("gone", "the word-vector table this model was trained with was not found at {table}: put it back there"),
        ("changed", "the word-vector table {table} (digest "),
    ],
)
def test_a_loaded_models_own_table_is_asked_back_not_rebuilt_from_chive(tmp_path, tiny_csv, moved, said):
    """Regression: a model trained with a table of one's own whose table was gone was told to build it with
    scripts/extract_vectors.py (which builds chiVe) or to train without vectors; changed, to install the taikai
    version that trained it. Neither brings back the user's table: the refusal says where to put it back (and its
    digest), or to retrain with a table at hand."""
    import shutil

    table = tmp_path / "table"
    _vector_table.save_table(_vector_table.make_table(VECTORS, "test vectors"), table)
    config = FeatureConfig(vectors=str(table))
    taikai.train(tiny_csv, tmp_path / "m", folds=0, test_size=0, config=config)
    if moved == "gone":
        shutil.rmtree(table)
    else:
        _change(table)
    with pytest.raises(ModelError) as caught:
        taikai.load_model(tmp_path / "m")
    message = str(caught.value)
    assert said.format(table=table) in message
    assert "extract_vectors" not in message and "install the taikai" not in message
    assert f"digest begins {_vector_table.table_digest(*_packed(VECTORS))[:12]}" in message
    assert message.endswith(
        f"taikai.train({str(tiny_csv)!r}, 'MODEL_DIR', config=taikai.FeatureConfig(vectors={str(table)!r}), "
        "folds=0, test_size=0) in Python"
    )


def _packed(vectors):
    table = _vector_table.make_table(vectors, "")
    return table.blob, table.rows, table.matrix


@pytest.mark.parametrize("trained", ["shipped", "own table"])
def test_a_loaded_models_word_vectors_hold_only_their_parameters_and_learned_attributes(tmp_path, tiny_csv, trained):
    """Regression: loading gave each WordVectors a ``retrain`` attribute, neither an ``__init__`` argument nor a
    learned one ending in ``_``, against scikit-learn's estimator contract."""
    if trained == "shipped":
        model = taikai.load_model()
    else:
        _vector_table.save_table(_vector_table.make_table(VECTORS, "test vectors"), tmp_path / "table")
        config = FeatureConfig(vectors=str(tmp_path / "table"))
        model = taikai.load_model(taikai.train(tiny_csv, tmp_path / "m", folds=0, test_size=0, config=config).path)
    blocks = [v for v in model.pipeline.get_params(deep=True).values() if isinstance(v, WordVectors)]
    assert blocks
    for block in blocks:
        assert {k for k in vars(block) if not k.endswith("_")} == set(block.get_params()), vars(block)


@pytest.mark.parametrize(
    ("change", "said"),
    [("replace", "is not the one this model was trained with"), ("remove", "not found at")],
    ids=["changed-table", "missing-table"],
)
def test_info_refuses_a_model_whose_table_every_prediction_would_refuse(tmp_path, tiny_csv, change, said):
    """Regression: taikai info said "verified and loaded" of a model whose word-vector table had changed or gone,
    while every prediction with it was refused."""
    import shutil

    from click.testing import CliRunner

    from taikai.cli import cli

    table = tmp_path / "table"
    _vector_table.save_table(_vector_table.make_table(VECTORS, "test vectors"), table)
    taikai.train(tiny_csv, tmp_path / "m", folds=0, test_size=0, config=FeatureConfig(vectors=str(table)))
    assert CliRunner().invoke(cli, ["info", "-m", str(tmp_path / "m")]).exit_code == 0
    if change == "remove":
        shutil.rmtree(table)
    else:
        _vector_table.save_table(_vector_table.make_table(VECTORS | {"安い": [1.0, 2.0]}, "other"), table)
        stat = (table / "table.json").stat()
        os.utime(table / "table.json", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # not the cached one
    result = CliRunner().invoke(cli, ["info", "-m", str(tmp_path / "m")])
    assert result.exit_code == 2 and said in result.stderr and "verified and loaded" not in result.output
    assert CliRunner().invoke(cli, ["info", "-m", str(tmp_path / "m"), "--metadata-only"]).exit_code == 0


@pytest.mark.parametrize(
    ("remove", "refused", "shown"),
    [
        (True, True, "REFUSED when loading: the word-vector table this model was trained with was not found"),
        (False, None, "sha256 and library versions match"),
    ],
    ids=["missing-table", "table-there"],
)
def test_info_metadata_only_says_a_missing_table_refuses_the_model(tmp_path, tiny_csv, remove, refused, shown):
    """Regression: info --metadata-only said "sha256 and library versions match" (--json: no problems) of a model
    whose word-vector table was gone, which every load refuses; a missing table is seen without unpickling."""
    import json
    import shutil

    from click.testing import CliRunner

    from taikai.cli import cli

    table = tmp_path / "table"
    _vector_table.save_table(_vector_table.make_table(VECTORS, "test vectors"), table)
    taikai.train(tiny_csv, tmp_path / "m", folds=0, test_size=0, config=FeatureConfig(vectors=str(table)))
    if remove:
        shutil.rmtree(table)
    args = ["info", "-m", str(tmp_path / "m"), "--metadata-only"]
    status = json.loads(CliRunner().invoke(cli, [*args, "--json"]).stdout)["status"]
    assert status["refused"] is refused
    assert any("not found at" in problem for problem in status["problems"]) is remove
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and shown in result.stdout
    assert ("loading this model would be refused: the word-vector table this" in result.stderr) is remove


def test_info_metadata_only_advises_for_ones_own_table_what_works(tmp_path, tiny_csv):
    """Regression: info --metadata-only said of a model whose own table (not the shipped one) was gone "build it with
    scripts/extract_vectors.py (from the ja-ginza wheel …)", which builds the shipped chiVe table, not the user's;
    it now says what loading says: put it back there, or retrain with a table one has (the taikai.train call). Each
    advice, followed, works."""
    import shutil

    from click.testing import CliRunner

    from taikai.cli import cli

    table, aside = tmp_path / "table", tmp_path / "aside"
    _vector_table.save_table(_vector_table.make_table(VECTORS, "test vectors"), table)
    config = FeatureConfig(vectors=str(table), min_df=1)
    taikai.train(tiny_csv, tmp_path / "m", folds=0, test_size=0, config=config)
    shutil.move(table, aside)
    args = ["info", "-m", str(tmp_path / "m"), "--metadata-only"]
    said = CliRunner().invoke(cli, args).stderr
    assert f"was not found at {table}: put it back there, or retrain the model with a table you have" in said
    assert "extract_vectors" not in said
    call = said[said.index("taikai.train(") : said.rindex(" in Python")]
    _vector_table.save_table(_vector_table.make_table(VECTORS | {"安い": [1.0, 2.0]}, "mine"), tmp_path / "other")
    call = call.replace(repr(str(table)), repr(str(tmp_path / "other")))
    eval(call.replace("'MODEL_DIR'", repr(str(tmp_path / "m2"))))  # with the folds and test size it was trained with
    assert CliRunner().invoke(cli, ["info", "-m", str(tmp_path / "m2"), "--metadata-only"]).stderr == ""
    shutil.move(aside, table)  # put back
    assert CliRunner().invoke(cli, args).stderr == ""


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "/no/such/table",
            r"not found at /no/such/table: give vectors= the path of your own table .*, or train without vectors "
            r"\(config=FeatureConfig\(vectors=None\) in Python, --vectors none on the command line\)$",
        ),
        ("missing", r"'missing' not found at .*vectors/missing: give vectors= the path of your own table"),
    ],
)
def test_a_missing_table_says_where_it_looked(name, message):
    with pytest.raises(ModelError, match=message):
        WordVectors(table=name).fit(["高い"])


@pytest.mark.parametrize("key", ["二  語", " 語", "語 ", "a b c d", "一\n行", ""])
def test_make_table_refuses_keys_the_tokenizer_cannot_write(key):
    with pytest.raises(ValueError, match="1–3 tokens joined by single spaces"):
        _vector_table.make_table({key: [1.0], "語": [2.0]}, "x")


def test_a_compound_key_pools_as_one_word(tmp_path):
    _vector_table.save_table(
        _vector_table.make_table(VECTORS | {"手数 料": [0.0, 5.0]}, "with a compound"), tmp_path / "t"
    )
    vectors = WordVectors(table=str(tmp_path / "t")).fit(["手数 料 が 高い", "手数"])
    np.testing.assert_allclose(vectors.transform(["手数 料", "料 手数"]), [[0, 1], [0, 0]], atol=1e-6)
    assert vectors.coverage_ == pytest.approx(3 / 5)  # 手数 料 (two tokens) and 高い; not が, not 手数 alone


def test_the_chive_table_knows_dictionary_forms_through_their_lemmas():
    table = _vector_table.load_table(_vector_table.DEFAULT_VECTORS)
    tokens = JapaneseTokenizer(form="base").transform(["高くて稼げなかった"])[0].split()
    assert all(table.search(t) >= 0 for t in tokens), tokens
    assert table.dim == 300 and "chiVe" in table.source


@pytest.mark.parametrize(
    ("chive", "singles", "expected"),
    [
        ({"手数料": 3, "振込手数料": 1}, {}, {"手数 料": 3, "振込 手数 料": 1}),  # UniDic cuts them: runs
        ({"高い": 0}, {"高い": 0}, {}),  # a single token is no compound
        ({"webサイト": 5, "ＷＥＢサイト": 1}, {}, {"web サイト": 1}),  # one run, two words: chiVe's first row wins
        ({"手数料": 3, "手数 料": 1}, {"手数 料": 2}, {}),  # a run already keyed stays
        ({"webサイト": 5}, {}, {"web サイト": 5}),  # normalised as a review is (lower-case Latin)
    ],
)
def test_extract_vectors_keys_compounds_by_their_tokens(chive, singles, expected):
    extract_vectors = pytest.importorskip("extract_vectors")
    assert extract_vectors.compounds(chive, singles) == expected


def test_one_tokenizer_pass_feeds_ngrams_and_vectors(tiny_csv, vector_table, monkeypatch):
    import pandas as pd

    df = pd.read_csv(tiny_csv)
    config = FeatureConfig(min_df=1, vectors=vector_table)
    pipeline = build_pipeline(config).fit(df["text"].tolist(), df["reasons"].str.split("|").str[0])
    calls = []
    original = JapaneseTokenizer.transform
    monkeypatch.setattr(JapaneseTokenizer, "transform", lambda self, X: calls.append(1) or original(self, X))
    pipeline.predict(["手数料が高い", "時間がない"])
    assert len(calls) == 1
    kinds = [(b.kind, b.width) for b in feature_blocks(pipeline)]
    assert [k for k, _ in kinds] == ["word", "vector"] and kinds[1][1] == 8
    classifier = pipeline.named_steps["classify"]
    assert classifier.reason_.coef_.shape[1] == sum(w for _, w in kinds)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"token_form": "surface", "vectors": "chive"}, "need token_form='base'"),
        ({"word_ngrams": None, "char_ngrams": (1, 3), "vectors": "chive"}, "read the word tokens"),
    ],
)
def test_vectors_need_dictionary_form_word_tokens(fields, message):
    with pytest.raises(InputError, match=message):  # refused by the config, before a pipeline is built
        FeatureConfig(**fields)


def test_configs_written_before_vectors_read_as_without_them():
    old = {k: v for k, v in FeatureConfig().to_dict().items() if k not in ("vectors", "sentiment_class_weight")}
    config = FeatureConfig.from_dict(old | {"class_weight": None})
    assert config.vectors is None and config.sentiment_class_weight is None
    assert FeatureConfig.from_dict(FeatureConfig().to_dict()) == FeatureConfig()


def test_the_public_api_names_the_vector_block():
    assert taikai.model.WordVectors is WordVectors
    assert WordVectors.__module__ == "taikai.model"
