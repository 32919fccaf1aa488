"""Keywords: the model's strongest features per label, and distinctive words in a classified frame."""

import json
import re
from functools import partial

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai import analysis
from taikai.analysis import keywords
from taikai.cli import cli
from taikai.model import centred_coefficients, feature_blocks


def _coefficients(model, head):
    estimator = getattr(model.pipeline.named_steps["classify"], f"{head}_")
    coef, _, classes = centred_coefficients(estimator)
    blocks = feature_blocks(model.pipeline)
    names = [(str(n), b.kind) for b in blocks for n in b.names()]
    return {label: dict(zip(names, coef[i])) for i, label in enumerate(classes)}


def test_keywords_are_non_empty_and_label_consistent(model):
    found = keywords(model, top=5)
    assert list(found.reason) == model.reason_labels
    assert list(found.sentiment) == model.sentiment_labels
    for head, per_label in (("reason", found.reason), ("sentiment", found.sentiment)):
        coefficients = _coefficients(model, head)
        for label, words in per_label.items():
            assert 0 < len(words) <= 5, (head, label)
            weights = [k.weight for k in words]
            assert weights == sorted(weights, reverse=True)
            for k in words:
                assert k.weight > 0
                assert coefficients[label][(k.feature, k.kind)] == pytest.approx(k.weight)
                # the feature pushes toward this label more than toward the average label
                others = [coefficients[other][(k.feature, k.kind)] for other in per_label if other != label]
                assert k.weight > np.mean(others)


def test_keywords_match_the_intuition(tiny_model):
    words = {k.feature.replace(" ", "") for k in keywords(tiny_model, top=10, kind="word").reason["fees"]}
    assert words & {"手数", "料", "手数料"}


def test_keywords_kind_filter_and_frame(tiny_model):
    found = taikai.keywords(tiny_model, top=3, kind="word")
    assert all(k.kind == "word" for words in found.reason.values() for k in words)
    frame = found.to_frame()
    assert list(frame.columns) == ["head", "label", "rank", "feature", "kind", "weight"]
    assert set(frame["head"]) == {"reason", "sentiment"} and (frame["weight"] > 0).all()
    data = json.loads(json.dumps(found.to_dict(), ensure_ascii=False))
    assert set(data) == {"reason", "sentiment"} and list(data["reason"]) == tiny_model.reason_labels
    first = found.reason["fees"][0]
    assert data["reason"]["fees"][0] == {"feature": first.feature, "kind": "word", "weight": first.weight}
    with pytest.raises(taikai.InputError, match=r"^kind must be 'all', 'word', 'char' or None \(all\), not 'bigram'$"):
        keywords(tiny_model, kind="bigram")


def test_kind_all_is_none_as_the_command_line_s_default(model):
    both = keywords(model, top=5, kind="all")
    assert both == keywords(model, top=5, kind=None)
    assert both.to_dict() == keywords(model, top=5).to_dict()


def test_asking_for_a_kind_the_model_lacks_names_the_kinds_it_has(tiny_model):
    """Regression: the message said the model "uses vector n-grams and word n-grams"."""
    with pytest.raises(taikai.InputError) as caught:
        keywords(tiny_model, kind="char")
    assert str(caught.value) == (
        f"the model {tiny_model.path} has no character n-grams (its features are word n-grams and pooled word "
        "vectors); ask for kind='word' or kind='all' (--kind word or --kind all on the command line)"
    )
    result = CliRunner().invoke(cli, ["keywords", "-m", str(tiny_model.path), "--kind", "char"])
    assert result.exit_code == 2 and "vector n-grams" not in result.output
    assert "has no character n-grams (its features are word n-grams and pooled word vectors)" in result.output


def test_distinctive_words_per_reason(tiny_csv):
    df = pd.read_csv(tiny_csv)
    df["reason"] = df["reasons"].str.split("|").str[0]
    df["status"] = "ok"
    df.loc[0, "status"] = "error"  # not counted
    found = taikai.distinctive_words(df, "text", top=3, min_count=1)
    assert list(found.columns) == ["label", "rank", "word", "z", "count", "count_rest"]
    assert list(found["label"].unique()) == list(taikai.REASON_IDS)
    assert "手数料" in set(found.loc[found["label"] == "fees", "word"])
    # 出す is in two rejection rows and no other; 提案 twice in one row counts once (rows, not occurrences)
    assert "出す" in set(found.loc[found["label"] == "rejection", "word"])
    assert not found["word"].isin(["が", "て", "の", "、", "。", "url"]).any()
    assert (found.groupby("label")["z"].apply(lambda z: z.is_monotonic_decreasing)).all()


@pytest.mark.parametrize("limit", [0, 4, 1000])
def test_distinctive_words_and_drift_sharing_tags_are_those_counted_alone(tiny_model, limit):
    # the report tags a text once for both (sharing_words, compact ids); whatever is kept, the words and the drift
    # figures are those of each counted alone
    from taikai.text import sharing_words

    texts = ["手数料が高い", "手数料が高すぎる", "", "english", "案件が少ない", "[人名]さんに", "手数料 1", "辞めた"]
    frame = tiny_model.predict_frame(pd.DataFrame({"text": texts * 3}))
    words = taikai.distinctive_words(frame, "text", min_count=1)
    drift = taikai.check_drift(frame, tiny_model).to_dict()
    with sharing_words(limit):
        shared_words = taikai.distinctive_words(frame, "text", min_count=1)
        shared_drift = taikai.check_drift(frame, tiny_model).to_dict()
    pd.testing.assert_frame_equal(shared_words, words, check_exact=True)
    assert shared_drift == drift
    assert len(words) > 2


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["手数料が高い", 12345, "手数料が高すぎる"], ["手数料", "高い"]),  # a number is read as str
        (["手数料が高い", None, "手数料が高すぎる"], ["手数料", "高い"]),  # missing: no words (was a TypeError)
        (["手数料が高い", "手数料が高すぎる"], ["手数料", "高い"]),
    ],
)
def test_distinctive_words_leave_the_frames_texts_as_they_were(texts, expected):
    # regression: the texts were made str with astype(str), whose pyarrow conversion left a UTF-8 copy inside every
    # text of the frame for as long as it lived (0.23 GB more at a million rows)
    frame = pd.DataFrame({"text": pd.Series(texts, dtype=object), "reason": "fees"})
    before = frame.memory_usage(deep=True).sum()
    found = taikai.distinctive_words(frame, "text", min_count=2)
    assert sorted(found["word"]) == expected
    assert frame.memory_usage(deep=True).sum() == before


def test_distinctive_words_skips_unclassified_rows_and_checks_columns(tiny_model):
    frame = tiny_model.predict_frame(pd.DataFrame({"text": ["手数料が高い", "手数料が高すぎる", "", "english"]}))
    found = taikai.distinctive_words(frame, "text", min_count=1)
    assert set(found["label"]) == {"fees"}
    with pytest.raises(taikai.InputError, match="no column 'body'"):
        taikai.distinctive_words(frame, "body")
    assert taikai.distinctive_words(frame.iloc[2:], "text").empty


def test_distinctive_words_count_only_the_first_max_chars_characters():
    frame = pd.DataFrame({"text": ["手数料が高い" + "登録" * 50, "手数料が高い"], "reason": ["fees", "fees"]})
    cut = taikai.distinctive_words(frame, "text", min_count=1, max_chars=6)
    assert set(cut["word"]) == {"手数料", "高い"}
    assert "登録" in set(taikai.distinctive_words(frame, "text", min_count=1)["word"])


def test_distinctive_words_of_a_text_of_a_million_characters_runs():
    """Regression: MeCab was given the whole text and the process died with a segfault (exit 139)."""
    import subprocess
    import sys

    code = (
        "import pandas as pd, taikai\n"
        "frame = pd.DataFrame({'text': ['手数料が高い。' * 150_000, '案件が少ない'], 'reason': ['fees', 'few_jobs']})\n"
        "print(sorted(taikai.distinctive_words(frame, 'text', min_count=1)['word']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "手数料" in done.stdout


def test_cli_keywords(tiny_model_dir):
    runner = CliRunner()
    result = runner.invoke(cli, ["keywords", "--model", str(tiny_model_dir), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "reason fees (手数料が高い):" in result.output
    result = runner.invoke(cli, ["keywords", "--model", str(tiny_model_dir), "--format", "json", "--kind", "word"])
    data = json.loads(result.output)
    assert data["reason"]["fees"] and all(k["kind"] == "word" for k in data["reason"]["fees"])


@pytest.mark.parametrize(
    ("config", "kind", "missing"),
    [
        (
            taikai.FeatureConfig(min_df=1),
            "char",
            "has no character n-grams (its features are word n-grams); ask for kind='word' or kind='all' "
            "(--kind word or --kind all on the command line)",
        ),
        (
            taikai.FeatureConfig(word_ngrams=None, char_ngrams=(1, 3), min_df=1),
            "word",
            "has no word n-grams (its features are character n-grams); ask for kind='char' or kind='all' "
            "(--kind char or --kind all on the command line)",
        ),
    ],
)
def test_keywords_of_a_kind_the_model_lacks_is_an_error(tiny_csv, tmp_path, config, kind, missing):
    out = tmp_path / "m"
    taikai.train(tiny_csv, out, config=config, folds=0, test_size=0)
    with pytest.raises(taikai.InputError) as caught:
        keywords(taikai.load_model(out), kind=kind)
    assert missing in str(caught.value)
    result = CliRunner().invoke(cli, ["keywords", "--model", str(out), "--kind", kind])
    assert result.exit_code == 2, result.output
    assert missing in result.stderr and str(out) in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("given", ["str", "path", "none", "default"])
def test_keywords_takes_a_model_directory_or_none_as_check_drift_does(tiny_model, tiny_model_dir, monkeypatch, given):
    monkeypatch.setenv("TAIKAI_MODEL", str(tiny_model_dir))  # None: the default model, named by TAIKAI_MODEL
    args = {"str": (str(tiny_model_dir),), "path": (tiny_model_dir,), "none": (None,), "default": ()}[given]
    assert taikai.keywords(*args, top=3).to_dict() == keywords(tiny_model, top=3).to_dict()


def test_keywords_of_a_missing_model_directory_is_a_model_error(tmp_path):
    with pytest.raises(taikai.ModelError, match=r"nope: no such model directory"):
        taikai.keywords(tmp_path / "nope")


def _kw(*features):
    return tuple(analysis.Keyword(f, "word", 1.0 / (i + 1)) for i, f in enumerate(features))


@pytest.mark.parametrize(
    "found, sep, expected",
    [
        (analysis.Keywords({}, {}), " / ", []),
        (
            analysis.Keywords({"fees": _kw("手数料", "高い"), "time": _kw("時間")}, {"negative": _kw("最悪")}),
            " / ",
            [("reason", "fees", "手数料 / 高い"), ("reason", "time", "時間"), ("sentiment", "negative", "最悪")],
        ),
        # a label without keywords keeps its row, with an empty cell
        (
            analysis.Keywords({"fees": (), "time": _kw("時間", "残業")}, {}),
            ", ",
            [("reason", "fees", ""), ("reason", "time", "時間, 残業")],
        ),
    ],
    ids=["empty", "both heads", "label without keywords"],
)
def test_keywords_by_label_joins_each_labels_features_strongest_first(found, sep, expected):
    table = found.by_label(sep=sep)
    assert list(table.index.names) == ["head", "label"]
    assert list(table.columns) == ["features"]
    assert [(*key, value) for key, value in table["features"].items()] == expected


def test_keywords_by_label_of_a_model_has_every_label(tiny_model):
    found = keywords(tiny_model, top=3, kind="word")
    table = found.by_label()
    assert [label for head, label in table.index if head == "reason"] == tiny_model.reason_labels
    first = tiny_model.reason_labels[0]
    assert table.loc[("reason", first), "features"] == " / ".join(k.feature for k in found.reason[first])


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([], []),
        (
            [("fees", 1, "手数料"), ("fees", 2, "高い"), ("time", 1, "時間")],
            [("fees", "手数料 / 高い"), ("time", "時間")],
        ),
        # labels in the frame's order (not alphabetical), words by rank
        (
            [("time", 2, "残業"), ("time", 1, "時間"), ("fees", 1, "手数料")],
            [("time", "時間 / 残業"), ("fees", "手数料")],
        ),
    ],
    ids=["empty", "ranked", "frame order"],
)
def test_words_by_label_joins_each_labels_words_in_rank_order(rows, expected):
    words = pd.DataFrame(rows, columns=["label", "rank", "word"])
    table = analysis.words_by_label(words)
    assert table.index.name == "label"
    assert list(table.columns) == ["words"]
    assert list(table["words"].items()) == expected


def test_words_by_label_of_distinctive_words(tiny_csv):
    frame = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False).assign(
        reason=lambda d: d["reasons"].str.split("|").str[0]
    )
    found = taikai.distinctive_words(frame, "text", top=3)
    table = analysis.words_by_label(found)
    assert list(table.index) == list(dict.fromkeys(found["label"]))
    for label, group in found.groupby("label"):
        assert table.loc[label, "words"] == " / ".join(group.sort_values("rank")["word"])


@pytest.mark.parametrize(
    "given, error, message",
    [
        ("words.csv", TypeError, "words must be a pandas DataFrame (taikai.distinctive_words), not str 'words.csv'"),
        (
            pd.DataFrame({"label": ["fees"], "feature": ["x"]}),
            taikai.InputError,
            "no column 'word': pass the frame taikai.distinctive_words returns (its columns are ['label', 'feature'])",
        ),
    ],
    ids=["not a frame", "no word column"],
)
def test_words_by_label_refuses_what_is_not_distinctive_words(given, error, message):
    with pytest.raises(error) as caught:
        analysis.words_by_label(given)
    assert str(caught.value) == message


@pytest.mark.parametrize(("sep", "shown"), [(3, "int 3"), (None, "None"), (b"/", "bytes b'/'")])
@pytest.mark.parametrize("call", ["Keywords.by_label", "words_by_label"])
def test_a_sep_that_is_not_a_str_is_refused_naming_it(tiny_model, call, sep, shown):
    """Regression: by_label(sep=3) and words_by_label(words, sep=3) raised AttributeError: 'int' object has no
    attribute 'join', from inside the join."""
    words = pd.DataFrame({"label": ["fees"], "rank": [1], "word": ["手数料"]})
    run = (
        keywords(tiny_model, top=1).by_label if call == "Keywords.by_label" else partial(analysis.words_by_label, words)
    )
    with pytest.raises(TypeError) as caught:
        run(sep=sep)
    assert str(caught.value) == f"sep must be a str such as ' / ', not {shown}"


@pytest.mark.parametrize("text_column", [0, "0"])
def test_distinctive_words_of_a_frame_with_integer_column_labels(tiny_model, text_column):
    """Regression: a frame read with header=None named its text column 0, and "0" was not found."""
    frame = tiny_model.predict_frame(pd.DataFrame({"text": ["手数料が高い", "手数料が高すぎる"]}))
    expected = taikai.distinctive_words(frame, "text", min_count=1)
    found = taikai.distinctive_words(frame.rename(columns={"text": 0}), text_column, min_count=1)
    pd.testing.assert_frame_equal(found, expected)


@pytest.mark.parametrize(
    ("texts", "word", "count"),
    [
        (["手数料、手数料、手数料が高い", "手数料が高い"], "手数料", 2),  # three times in one review: one row
        (["手数料が高い", "手数料が高い"], "手数料", 2),
        (["単価が安い", "手数料が高い"], "手数料", 1),
    ],
    ids=["repeated in a row", "once per row", "one row"],
)
def test_distinctive_words_count_rows_not_occurrences(texts, word, count):
    frame = pd.DataFrame({"text": texts, "reason": ["fees"] * len(texts)})
    found = taikai.distinctive_words(frame, "text", min_count=1)
    assert found.set_index("word").loc[word, "count"] == count


def test_distinctive_words_leave_out_the_placeholders_of_masked_data():
    texts = ["手数料が高いと[人名]さんに[メール]で伝えた", "[人名]に[電話番号]で手数料の話をした", "手数料が高い"]
    masked = pd.DataFrame({"text": texts, "reason": ["trouble", "trouble", "fees"]})
    words = set(taikai.distinctive_words(masked, "text", min_count=1)["word"])
    assert "手数料" in words and not words & {"人名", "メール", "電話番号", "電話", "番号", "○"}, words


@pytest.mark.parametrize(
    ("labels", "reasons", "sentiments"),
    [
        # regression: only `taikai keywords fees` kept some labels; taikai.keywords had no labels= (a notebook
        # filtered the dicts by hand, without the Japanese names nor the message naming the label meant)
        ("fees", ["fees"], []),
        (["手数料が高い"], ["fees"], []),
        (("FEES", "ネガティブ", "low_pay"), ["low_pay", "fees"], ["negative"]),  # the model's order
        (pd.Series(["negative", "negative"]), [], ["negative"]),
        (None, None, None),  # every label, as before
    ],
)
def test_keywords_keeps_the_labels_named(tiny_model, labels, reasons, sentiments):
    found = taikai.keywords(tiny_model, top=2, labels=labels)
    assert list(found.reason) == (tiny_model.reason_labels if reasons is None else reasons)
    assert list(found.sentiment) == (tiny_model.sentiment_labels if sentiments is None else sentiments)
    assert found.reason == {k: v for k, v in taikai.keywords(tiny_model, top=2).reason.items() if k in found.reason}


@pytest.mark.parametrize(
    ("labels", "error", "message"),
    [
        (["fess"], taikai.InputError, r"^keywords: 'fess' is no reason or sentiment of the model \(did you mean fees"),
        ("negatve", taikai.InputError, r"'negatve' is no reason .*\(did you mean negative \(ネガティブ\)\?\): its "),
        ([], taikai.InputError, r"^labels is empty: give one or more reasons or sentiments of the model, or None"),
        (3, TypeError, r"^labels must be a label such as 'fees', a list of labels, or None \(every label\), not int 3"),
        (["fees", 3], TypeError, r"^each of labels must be a str such as 'fees' or '手数料が高い', not int 3$"),
    ],
)
def test_keywords_refuses_labels_the_model_has_not(tiny_model, labels, error, message):
    with pytest.raises(error, match=message):
        taikai.keywords(tiny_model, labels=labels)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # regression: keywords("fees"), as `taikai keywords fees` is written, said "fees: no such model directory"
        (("fees",), "it was given 'fees' as the model; write keywords(labels='fees') for the default model, or "),
        ((["手数料が高い", "negative"],), "given ['手数料が高い', 'negative'] as the model; write keywords(labels=["),
        (("MODEL", "FEES"), "it was given 'FEES' as top; write keywords(model, labels='FEES')$"),
    ],
)
def test_keywords_refuses_labels_given_for_the_model_or_top(tiny_model, args, message):
    args = tuple(tiny_model if a == "MODEL" else a for a in args)
    with pytest.raises(
        TypeError, match=r"^keywords\(model, top, kind, mask_pii, labels\) takes the labels as labels=: "
    ):
        taikai.keywords(*args)
    with pytest.raises(TypeError, match=re.escape(message).replace(r"\$", "$")):
        taikai.keywords(*args)


def test_keywords_loads_a_model_directory_named_as_a_label(tiny_model_dir, tmp_path, monkeypatch):
    import shutil

    shutil.copytree(tiny_model_dir, tmp_path / "fees")
    monkeypatch.chdir(tmp_path)
    assert list(taikai.keywords("fees", top=1).reason) == taikai.load_model(tiny_model_dir).reason_labels
