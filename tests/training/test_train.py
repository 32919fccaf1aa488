"""Training: reproducibility, splits, own label sets, and clear errors."""

import json
import re
import shutil
import unicodedata
import warnings
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

import taikai
from taikai import FeatureConfig, InputError, ModelError
from taikai.model import _vector_table, feature_blocks
from taikai.training import SkippedRowsWarning, frame_sha256, tune_thresholds


@pytest.mark.parametrize("name", ["split_frame", "cross_validate", "compare_added", "weak_data_warnings"])
def test_the_steps_on_the_frame_read_inputs_builds_are_not_public(name):
    """They need its ``primary`` and ``label_set`` columns (an ordinary labelled frame crashed with KeyError)."""
    import taikai.training as training

    assert name not in training.__all__
    assert not hasattr(training, name)


@pytest.mark.parametrize("columns", [["text", "reasons"], ["text", "reasons", "sentiment"]])
def test_the_public_frame_functions_take_an_ordinary_labelled_frame(columns):
    texts = ["手数料が高い", "時間がない"]
    df = pd.DataFrame({"text": texts, "reasons": ["fees", "time"], "sentiment": ["negative"] * 2})
    assert len(frame_sha256(df, columns)) == 64


@pytest.mark.slow
def test_training_is_reproducible(tiny_csv, tmp_path):
    a = taikai.train(tiny_csv, tmp_path / "a", folds=2, test_size=0)
    b = taikai.train(tiny_csv, tmp_path / "b", folds=2, test_size=0)
    texts = ["手数料が高い", "本業が忙しくなった", "詐欺案件に当たった"]
    pa, pb = a.predict(texts), b.predict(texts)
    assert [p.reason_proba for p in pa] == [p.reason_proba for p in pb]
    assert a.metadata.metrics.cv == b.metadata.metrics.cv
    assert a.metadata.training_data == b.metadata.training_data


def test_split_column_decides_train_and_test(tiny_csv):
    df = pd.read_csv(tiny_csv)
    df["split"] = ["test" if i % 5 == 0 else "train" for i in range(len(df))]
    model = taikai.train(df, folds=2)
    data = model.metadata.training_data
    assert (data.train_rows, data.test_rows) == (32, 8)
    test = model.metadata.metrics.test.to_dict()
    assert test["rows"] == 8
    again = taikai.evaluate(model, df[df["split"] == "test"])  # the model was fitted on the train rows only
    assert test["reason_macro_f1"] == again.reason.macro_f1
    assert test["sentiment_accuracy"] == again.sentiment.accuracy


@pytest.mark.parametrize(
    ("test_size", "warned"),
    [
        (
            0.5,
            "test_size=0.5 (--test-size 0.5 on the command line) is ignored: <frame> has a split column, which decides "
            "the train and "
            "test rows",
        ),
        (0.2, None),  # the default: nobody asked for it
    ],
)
def test_a_test_size_beside_a_split_column_is_said_to_be_ignored(tiny_csv, test_size, warned):
    df = pd.read_csv(tiny_csv)
    df["split"] = ["test" if i % 5 == 0 else "train" for i in range(len(df))]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = taikai.train(df, folds=0, test_size=test_size, config=FeatureConfig())
    said = [str(w.message) for w in caught if issubclass(w.category, taikai.DataWarning) and "split" in str(w.message)]
    assert len(said) == (warned is not None) and all(warned in message for message in said)
    assert model.metadata.training_data.test_rows == 8  # the split column decided either way
    # the split column decides again in a retrain: the test size given is not recorded, nor given again
    assert (model.metadata.folds, model.metadata.test_size) == (0, 0.2)
    assert "test_size" not in model.metadata.to_dict()


@pytest.mark.parametrize(
    ("folds", "test_size", "written"),
    [
        (5, 0.2, {}),  # the defaults: not written, as a model saved before they were recorded
        (0, 0, {"folds": 0, "test_size": 0.0}),  # the README's
        (2, 0.25, {"folds": 2, "test_size": 0.25}),
        (3, 0.2, {"folds": 3}),
    ],
)
def test_the_folds_and_test_size_are_recorded_when_not_the_defaults(tiny_csv, tmp_path, folds, test_size, written):
    """Regression: metadata.json did not record --folds and --test-size, so that every retrain command left them
    out: the model retrained after one trained with --folds 0 --test-size 0 held out a fifth of the rows."""
    model = taikai.train(tiny_csv, tmp_path / "m", folds=folds, test_size=test_size, config=FeatureConfig())
    values = json.loads((tmp_path / "m" / "metadata.json").read_text(encoding="utf-8"))
    assert {key: values[key] for key in ("folds", "test_size") if key in values} == written
    again = taikai.load_model(tmp_path / "m").metadata
    assert (again.folds, again.test_size) == (model.metadata.folds, model.metadata.test_size) == (folds, test_size)


@pytest.mark.parametrize(
    ("split", "test_size"),
    [
        ("train", 0.2),  # regression: a split column marking every row train was said to be --test-size 0
        (None, 0.0),
    ],
)
def test_a_model_without_test_rows_says_either_cause(tiny_csv, split, test_size):
    df = pd.read_csv(tiny_csv)
    if split is not None:
        df["split"] = split
    model = taikai.train(df, folds=0, test_size=test_size, config=FeatureConfig())
    assert model.metadata.training_data.test_rows == 0
    said = (
        "test:  none: no test split (test_size=0, --test-size 0 on the command line; or a split column in DATA that "
        "marks no row test"
    )
    assert said in model.training_summary()


def _vocabulary(model):
    [words] = [b for b in feature_blocks(model.pipeline) if b.kind == "word"]
    return set(words.vectorizer.vocabulary_)


@pytest.mark.slow
def test_refit_all_trains_on_every_row(tiny_csv):
    held_out = taikai.train(tiny_csv, folds=2, test_size=0.2)
    refit = taikai.train(tiny_csv, folds=2, test_size=0.2, refit_all=True)
    assert refit.metadata.refit_on_all_rows is True and not held_out.metadata.refit_on_all_rows
    assert refit.metadata.metrics.test == held_out.metadata.metrics.test  # measured before the refit
    assert _vocabulary(held_out) < _vocabulary(refit)  # the test rows' words are learned too
    everything = taikai.train(tiny_csv, folds=0, test_size=0)
    assert _vocabulary(refit) == _vocabulary(everything)


@pytest.mark.parametrize(
    ("config", "expected", "kinds"),
    [
        (None, FeatureConfig.shipped(), ["word", "vector"]),
        (FeatureConfig(), FeatureConfig(), ["word"]),
        (replace(FeatureConfig.shipped(), vectors=None), FeatureConfig(), ["word"]),
    ],
    ids=["default-is-shipped", "words-only", "shipped-without-vectors"],
)
def test_train_without_a_config_trains_the_shipped_configuration(tiny_csv, tmp_path, config, expected, kinds):
    taikai.train(tiny_csv, tmp_path / "m", config=config, folds=0, test_size=0)
    model = taikai.load_model(tmp_path / "m")
    assert model.metadata.feature_config() == expected
    assert [block.kind for block in feature_blocks(model.pipeline)] == kinds


def test_the_shipped_configuration_is_the_words_only_one_plus_vectors():
    shipped = FeatureConfig.shipped()
    assert FeatureConfig().vectors is None and shipped.vectors == "chive"
    assert replace(shipped, vectors=None) == FeatureConfig()


@pytest.mark.parametrize(
    ("config", "error"),
    [
        (None, r"training defaults to the shipped configuration, which pools word vectors: word-vector table "),
        (FeatureConfig.shipped(), r"^word-vector table 'chive' not found at "),
    ],
    ids=["default", "explicit"],
)
def test_a_missing_vector_table_fails_before_the_data_is_read(tmp_path, monkeypatch, config, error):
    monkeypatch.setattr(_vector_table, "TABLE_DIR", tmp_path / "no-tables")
    # the data does not exist: the table's error, not the file's, shows that the table is checked first
    with pytest.raises(ModelError, match=error + r".*scripts/extract_vectors\.py"):
        taikai.train(tmp_path / "no-such-data.csv", tmp_path / "m", config=config)
    assert not (tmp_path / "m").exists()


WORDS_ONLY = (
    "or train without vectors (config=FeatureConfig(vectors=None) in Python, --vectors none on the command line)"
)


@pytest.mark.parametrize(
    ("vectors", "said", "works"),
    [
        (
            "{tmp}/gone",
            "not found at {tmp}/gone: give vectors= the path of your own table (the directory holding its table.json), "
            "or 'chive' for the table that ships with taikai, " + WORDS_ONLY,
            "{tmp}/mine",
        ),
        ("gone/table", "not found at gone/table (from the current directory, {tmp}): give vectors= the path", "./mine"),
        ("gone", "not found at {tables}/gone: give vectors= the path of your own table", "./mine"),
        # a bare name of a folder here is a table inside taikai: said to be given by its path, which then works
        (
            "mine",
            "not found at {tables}/mine: a bare name is a table inside taikai; give your own table by its path: "
            "vectors='./mine', " + WORDS_ONLY,
            "./mine",
        ),
    ],
)
def test_a_missing_table_of_one_s_own_is_told_how_to_give_one(tmp_path, monkeypatch, tiny_csv, vectors, said, works):
    """Regression: it was told to build the table with scripts/extract_vectors.py, which builds the shipped chiVe
    table (into the package), not one's own."""
    tables = tmp_path / "no-tables"
    monkeypatch.setattr(_vector_table, "TABLE_DIR", tables)
    monkeypatch.chdir(tmp_path)
    _vector_table.save_table(
        _vector_table.make_table({"手数料": [1.0, 0.0], "高い": [0.0, 1.0]}, "mine"), tmp_path / "mine"
    )
    config = replace(FeatureConfig.shipped(), vectors=vectors.format(tmp=tmp_path))
    with pytest.raises(ModelError) as caught:
        taikai.train(tmp_path / "no-such-data.csv", tmp_path / "m", config=config)  # the table is checked first
    message = str(caught.value)
    assert message.startswith(f"word-vector table {config.vectors!r} ")
    assert said.format(tmp=tmp_path, tables=tables) in message and "extract_vectors" not in message
    followed = replace(config, vectors=works.format(tmp=tmp_path))  # the advice: the table's path
    model = taikai.train(tiny_csv, config=followed, folds=0, test_size=0)
    assert model.metadata.config.vectors == str(tmp_path / "mine")


def test_own_label_set_without_sentiment():
    df = pd.DataFrame(
        {
            "text": ["野球の試合で勝った", "サッカーの得点王", "新しいスマホが出た", "パソコンの性能が上がった"] * 3,
            "label": ["sports", "sports", "tech", "tech"] * 3,
        }
    )
    model = taikai.train(df, folds=2, test_size=0, reasons_column="label", sentiment_column=None, free_labels=True)
    assert model.reason_labels == ["sports", "tech"]
    assert model.sentiment_labels == []
    [p] = model.predict("野球の試合")
    assert p.reason_ja == p.reason  # display names fall back to the id
    assert p.sentiment is None


@pytest.mark.parametrize("blank", [[None], []])
def test_whole_number_labels_of_a_frame_read_as_the_file_s_cells(tmp_path, blank):
    """Regression: a float64 column of 0/1 (and a NaN) named the labels '0.0'/'1.0'; the same data as CSV gives
    '0'/'1', so evaluating the CSV stopped with "unknown label '1'"."""
    texts = ["野球の試合で勝った", "サッカーの得点王", "新しいスマホが出た", "パソコンの性能が上がった"] * 3
    y = pd.Series([1, 1, 0, 0] * 3 + blank, dtype="float64")
    df = pd.DataFrame({"text": texts + ["ラベルのない行"] * len(blank), "y": y})
    config = FeatureConfig(min_df=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", taikai.DataWarning)  # the row without a label, skipped
        model = taikai.train(
            df, config=config, folds=0, test_size=0, reasons_column="y", sentiment_column=None, free_labels=True
        )
    assert model.reason_labels == ["0", "1"]
    path = tmp_path / "y.csv"
    df.iloc[:12].assign(y=["1", "1", "0", "0"] * 3).to_csv(path, index=False)
    with pytest.warns(taikai.DataWarning, match="12 of 12 rows"):  # the rows it was trained on
        report = taikai.evaluate(model, path, reasons_column="y", sentiment_column=None)
    assert report.reason.labels == ["0", "1"] and report.n_scored == 12


def test_a_label_of_one_s_own_named_like_the_taxonomy_is_kept_as_written(tmp_path):
    """Regression: with free_labels, その他 became the taxonomy's `other` (in info, batch, the sheet and rules)."""
    df = pd.DataFrame(
        {
            "text": [  # each text once: the rows of a repeated text are held out together
                *("手数料が高すぎる", "振込手数料が痛い", "なんとなくやめた", "特に理由はない"),
                *("利用料が高い", "手数料で手取りが減る", "飽きてしまった", "理由は特にない"),
                *("システム手数料が重い", "出金手数料がかかる", "何となく離れた", "特にありません"),
            ],
            "reasons": ["お金", "お金", "その他", "その他"] * 3,
        }
    )
    model = taikai.train(df, folds=2, test_size=0.25, sentiment_column=None, free_labels=True)
    assert sorted(model.reason_labels) == ["お金", "その他"]
    assert model.predict("なんとなくやめた")[0].reason in {"お金", "その他"}
    assert model.metadata.metrics.test.reason_accuracy > 0  # the test rows' その他 is the model's その他
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "ほか"\nlabel = "その他"\nany = ["理由"]\n', encoding="utf-8")
    assert taikai.load_rules(rules, labels=model.reason_labels).rules[0].label == "その他"


def test_training_data_problems_name_the_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("text,reasons,sentiment\n手数料が高い,fees,negative\n,low_pay,negative\n単価,,\n")
    with pytest.raises(InputError, match=r"bad.csv:3: text: .*\n.*bad.csv:4: reasons: no label"):
        taikai.train(path, folds=0, test_size=0, on_bad_rows="error")


def test_bad_split_values_are_refused(tiny_csv):
    df = pd.read_csv(tiny_csv).assign(split="dev")
    with pytest.raises(InputError, match="split"):
        taikai.train(df)


def test_a_wrong_split_value_is_named_at_its_file_line(tmp_path):
    """Regression: "<data>: column 'split' must hold train or test, found ['dev']" named neither file nor line."""
    path = tmp_path / "data.csv"
    path.write_text("text,reasons,sentiment,split\n手数料が高い,fees,negative,Train\n単価が安い,low_pay,neutral,dev\n")
    with pytest.raises(InputError) as caught:
        taikai.train(path, folds=0)
    assert str(caught.value).startswith(f"{path}: column 'split' must hold train or test (in any case) in every row")
    assert f"\n  {path}:3: split 'dev'\n" in str(caught.value) and ":2:" not in str(caught.value)


def test_content_hash_ignores_column_order():
    df = pd.DataFrame({"text": ["あ"], "reasons": ["fees"]})
    assert frame_sha256(df, ["text", "reasons"]) == frame_sha256(df[["reasons", "text"]], ["text", "reasons"])


def test_tune_thresholds_picks_the_separating_value():
    import numpy as np

    from taikai.model import DEFAULT_THRESHOLD

    # Worked by hand over the grid 0.05, 0.10, ..., 0.95 (ties keep the lowest value):
    # a: top in rows 0,1; gold in rows 0,1,3; further rows by proba 2:0.20 (not a), 4:0.35 (not a), 3:0.45 (a).
    #    F1 is 6/8 up to 0.20, 6/7 up to 0.35, 6/6 up to 0.45, 4/5 above -> 0.40.
    # b: top in rows 2,3,4; gold in rows 0,2,3,4; further rows 1:0.55 (not b), 0:0.65 (b).
    #    F1 is 8/9 up to 0.55, 8/8 up to 0.65, 6/7 above -> 0.60.
    proba = np.array([[0.9, 0.65], [0.8, 0.55], [0.2, 0.8], [0.45, 0.7], [0.35, 0.9]])
    gold = [["a", "b"], ["a"], ["b"], ["a", "b"], ["b"]]
    thresholds = tune_thresholds(proba, ["a", "b"], gold)
    assert thresholds == pytest.approx({"a": 0.4, "b": 0.6})
    assert DEFAULT_THRESHOLD not in (0.4, 0.6)  # so an untuned default cannot pass


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (
            pd.DataFrame(
                {
                    "text": ["手数料が高い", "単価が安い"] * 4,
                    "reasons": ["fees", "low_pay"] * 4,
                    "sentiment": ["negative"] * 8,
                }
            ),
            "two different sentiments",
        ),
        (
            pd.DataFrame({"text": ["手数料が高い"], "reasons": ["fees"], "sentiment": ["negative"]}),
            "a model needs at least two different reasons, and the 1 usable row",
        ),
        (
            pd.DataFrame(
                {"text": ["高い", "安い"], "reasons": ["fees", "low_pay"], "sentiment": ["negative", "neutral"]}
            ),
            "cannot train on 2 rows",
        ),
    ],
)
def test_data_too_thin_to_train_is_a_clear_error(frame, message):
    with pytest.raises(InputError, match=message):
        taikai.train(frame, folds=0, test_size=0.5 if len(frame) == 1 else 0)


@pytest.mark.parametrize(
    ("frame", "test_size", "expected"),
    [
        (  # 2 of 5 rows usable, one of them held out for the test
            pd.DataFrame(
                {
                    "text": ["手数料が高すぎる", "本業が忙しい", "", "hello", "稼げない"],
                    "reasons": ["fees", "time", "fees", "fees", ""],
                    "sentiment": ["negative", "neutral", "negative", "negative", ""],  # the last: no label at all
                }
            ),
            0.2,
            [
                "training needs at least two different reasons in the training rows, and its 1 training row(s) have "
                "only ",
                "; 1 held out for the test by test_size=0.2 (--test-size 0.2 on the command line)\nrows: 5 read, 2 "
                "usable, 3 skipped:\n"
                "  <frame>: row 3 (data row, 1-based): text: empty",
                "  <frame>: row 5 (data row, 1-based): reasons: no label",
                "what to do: give more labelled rows (of at least two different reasons), or fix the skipped rows, or "
                "train on every usable row with test_size=0 (--test-size 0 on the command line)",
            ],
        ),
        (  # the split column holds the other reason out
            pd.DataFrame(
                {
                    "text": ["手数料が高い", "単価が安い"],
                    "reasons": ["fees", "low_pay"],
                    "sentiment": ["negative", "neutral"],
                    "split": ["train", "test"],
                }
            ),
            0.2,
            [
                "have only fees; 1 held out for the test (the split column)\nrows: 2 read, 2 usable, 0 skipped\n",
                "what to do: give more labelled rows (of at least two different reasons), or mark more rows train "
                "in the split column",
            ],
        ),
        (  # two rows of two reasons: nothing left to train on after the test rows
            pd.DataFrame(
                {
                    "text": ["手数料が高い", "単価が安い"],
                    "reasons": ["fees", "low_pay"],
                    "sentiment": ["negative", "neutral"],
                }
            ),
            0.9,
            [
                "cannot split 2 rows into train and test (",
                "rows: 2 read, 2 usable, 0 skipped\nwhat to do: give more labelled rows, or train on every usable "
                "row with test_size=0 (--test-size 0 on the command line)",
            ],
        ),
        (  # one reason overall: no test size helps, so none is advised (it was: try --test-size 0, which failed too)
            pd.DataFrame(
                {
                    "text": ["手数料が高い", "手数料が高すぎる", "料金が上がった"],
                    "reasons": ["fees"] * 3,
                    "sentiment": ["negative", "neutral", "negative"],
                }
            ),
            0.2,
            [
                "a model needs at least two different reasons, and the 3 usable row(s) have only fees\n"
                "rows: 3 read, 3 usable, 0 skipped\nwhat to do: give more labelled rows (of at least two different "
                "reasons)",
            ],
        ),
        (  # a label of one's own holding a comma is quoted, so that it reads as one label
            pd.DataFrame(
                {
                    "text": ["手数料が高い", "手数料が高すぎる", "料金が上がった"],
                    "reasons": ["支払い, 遅延"] * 3,
                    "sentiment": ["negative", "neutral", "negative"],
                }
            ),
            0.2,
            [
                "a model needs at least two different reasons, and the 3 usable row(s) have only '支払い, 遅延'\n"
                "rows: 3 read, 3 usable, 0 skipped\nwhat to do: give more labelled rows (of at least two different "
                "reasons)",
            ],
        ),
        (  # no row usable, each for its text: the text column names the ids (it said: give more rows, fix them)
            pd.DataFrame(
                {
                    "id": ["1", "2"],
                    "text": ["手数料が高い", "単価が安い"],
                    "reasons": ["fees", "low_pay"],
                    "sentiment": ["negative", "neutral"],
                }
            ),
            {"text_column": "id"},
            [
                "a model needs at least two different reasons, and the 0 usable row(s) have none\n",
                "  <frame>: row 1 (data row, 1-based): id: no Japanese characters",
                "what to do: check that text_column='id' (--text-column on the command line) names the column of the "
                "Japanese review texts",
            ],
        ),
        (  # no row usable, but not all for their text: the rows are to be fixed, as before
            pd.DataFrame({"text": ["abc", "手数料が高い"], "reasons": ["fees", ""], "sentiment": ["negative", ""]}),
            {},
            ["what to do: give more labelled rows (of at least two different reasons), or fix the skipped rows"],
        ),
    ],
    ids=["skipped-rows", "split-column", "two-rows", "one-reason", "one-own-reason", "text-column-ids", "not-all-text"],
)
def test_too_few_rows_says_how_many_were_usable_and_skipped_and_what_to_do(frame, test_size, expected):
    """Regression: "training needs at least two different reasons" said nothing of the skipped rows or
    --test-size."""
    with pytest.raises(InputError) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedRowsWarning)  # the error lists them too
        options = test_size if isinstance(test_size, dict) else {"test_size": test_size}
        taikai.train(frame, folds=0, free_labels=True, **options)
    for part in expected:
        assert part in str(caught.value)
    assert str(caught.value).endswith(expected[-1])  # what to do comes last, and nothing more is advised


def test_too_few_rows_names_both_spellings_of_the_option_that_lists_every_skipped_row():
    """Regression: the list of skipped rows, cut after five, said only "--on-bad-rows error lists every one"."""
    frame = pd.DataFrame({"text": ["手数料が高い"] + [""] * 7, "reasons": ["fees"] * 8, "sentiment": ["negative"] * 8})
    with pytest.raises(InputError) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedRowsWarning)
        taikai.train(frame, folds=0, test_size=0)
    every = "on_bad_rows='error' (--on-bad-rows error on the command line) lists every one"
    assert f"\n  … and 2 more (7 in all; {every})\n" in str(caught.value)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"seed": -5}, "seed must be from 0 to 4,294,967,295, not -5"),
        ({"seed": 2**32}, "seed must be from 0 to 4,294,967,295, not 4,294,967,296"),
        (
            {"test_size": 1.0},
            "test_size=1 (--test-size 1 on the command line): the share of rows held out for the test must be from 0",
        ),
        (
            {"test_size": -0.1},
            "test_size=-0.1 (--test-size -0.1 on the command line): the share of rows held out for the test must be",
        ),
    ],
)
def test_seed_and_test_size_are_checked_before_the_data_is_read(tmp_path, options, message):
    """Regression: --seed -5 failed after reading the data, with scikit-learn's words and "give more labelled rows"."""
    with pytest.raises(InputError) as caught:
        taikai.train(tmp_path / "not-read.csv", **options)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("test_size", "expected"),
    [
        (
            0.1,
            "test_size=0.1 (--test-size 0.1 on the command line) holds out 4 of the 40 rows, fewer than their 8 "
            "primary reasons: the test "
            "rows are drawn stratified, at least one of each reason\nrows: 40 read, 40 usable, 0 skipped\n"
            "what to do: hold out at least 8 rows with test_size=0.18 (--test-size 0.18 on the command line) or more, "
            "or train on every "
            "row with test_size=0 (--test-size 0 on the command line)",
        ),
        (
            0.9,
            "test_size=0.9 (--test-size 0.9 on the command line) holds out 36 of the 40 rows, leaving 4 to train on, "
            "fewer than their 8 "
            "primary reasons: the split is stratified, at least one training row of each reason\n"
            "rows: 40 read, 40 usable, 0 skipped\nwhat to do: use test_size=0.8 (--test-size 0.8 on the command line) "
            "or less",
        ),
    ],
)
def test_a_test_size_too_small_or_large_for_a_stratified_split_says_the_size_that_works(tiny_csv, test_size, expected):
    """Regression: --test-size 0.001 leaked scikit-learn's "test_size = 1 should be greater or equal to the number
    of classes" with the advice to give more labelled rows."""
    with pytest.raises(InputError) as caught:
        taikai.train(tiny_csv, folds=0, test_size=test_size, config=FeatureConfig())
    assert str(caught.value) == expected


@pytest.mark.parametrize(("test_size", "test_rows"), [(0.18, 8), (0.8, 32)])
def test_the_test_sizes_advised_do_split(tiny_csv, test_size, test_rows):
    model = taikai.train(tiny_csv, folds=0, test_size=test_size, config=FeatureConfig())
    assert model.metadata.training_data.test_rows == test_rows


@pytest.mark.parametrize(
    ("folds", "test_size", "source", "rows", "word_rows"),
    [
        (2, 0, "out-of-fold predictions of 2-fold cross-validation on 40 training rows", 40, 40),
        (2, 0.2, "out-of-fold predictions of 2-fold cross-validation on 32 training rows", 32, 32),
        (
            0,
            0.2,
            "predictions on the 8 test rows of a model fitted on the training rows (content words: its 32 training "
            "rows)",
            8,
            32,
        ),
        (0, 0, "predictions on its own 40 training rows (nothing held out: confidence is optimistic)", 40, 40),
    ],
)
def test_training_stores_drift_statistics_of_held_out_rows(tiny_csv, folds, test_size, source, rows, word_rows):
    """The word table is counted on the training rows, whatever is held out for the other figures (regression:
    with --folds 0 it was counted on the test rows only)."""
    model = taikai.train(tiny_csv, folds=folds, test_size=test_size)
    stats = model.metadata.drift
    assert stats is not None and stats.source == source
    assert stats.rows == stats.classified == rows and stats.word_rows == word_rows
    assert word_rows == model.metadata.training_data.train_rows
    assert sum(stats.reasons.values()) == sum(stats.sentiments.values()) == rows
    assert 0 < stats.oov_rate < 1 and stats.tokens_per_row > 3
    assert "手数料" in stats.words and stats.words_floor == 1  # 0.1 % of 40 rows or fewer: every word is kept


def test_the_word_table_is_the_training_rows_with_or_without_cross_validation(tiny_csv):
    """Regression: a --folds 0 model's word table was counted on its 20 % test rows (words.rows 80 of 400)."""
    tables = [
        taikai.train(tiny_csv, folds=folds, test_size=0.2, config=FeatureConfig()).metadata.drift for folds in (0, 2)
    ]
    assert [(t.word_rows, t.words_floor) for t in tables] == [(32, 1), (32, 1)]
    assert tables[0].words == tables[1].words and tables[0].rows == 8


def test_held_out_rows_meet_words_their_fold_never_saw(tiny_csv):
    held_out = taikai.train(tiny_csv, folds=2, test_size=0).metadata.drift
    in_sample = taikai.train(tiny_csv, folds=0, test_size=0).metadata.drift
    assert held_out.oov_rate > in_sample.oov_rate


def _write(path, rows):
    pd.DataFrame(rows, columns=["text", "reasons", "sentiment"]).to_csv(path, index=False)
    return path


def _run(*args):
    from click.testing import CliRunner

    from taikai.cli import cli

    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize(
    ("prepare", "force", "message"),
    [
        (lambda out, model: out.write_text("x"), False, "is a file, not a model directory"),
        (lambda out, model: out.write_text("x"), True, "is a file, not a model directory"),
        (
            lambda out, model: shutil.copytree(model, out),
            False,
            "already holds a model; .* overwrite=True \\(--force on the command line\\)",
        ),
        (lambda out, model: (out.mkdir(), (out / "notes.txt").write_text("x")), False, r"holds other files \(notes"),
    ],
)
def test_train_refuses_an_out_that_holds_a_model_or_is_a_file_before_training(
    tmp_path, tiny_model_dir, monkeypatch, prepare, force, message
):
    out = tmp_path / "out"
    prepare(out, tiny_model_dir)
    before = sorted((p.name, p.stat().st_mtime_ns) for p in tmp_path.rglob("*"))

    def no_training(*args, **kwargs):
        raise AssertionError("trained before refusing --out")

    monkeypatch.setattr("taikai.training._train.cross_validate", no_training)
    result = _run("train", "no-such-data.csv", "--out", out, *(["--force"] if force else []))
    assert result.exit_code == 2, result.output
    assert re.search(message, result.stderr) and "no-such-data" not in result.stderr
    assert sorted((p.name, p.stat().st_mtime_ns) for p in tmp_path.rglob("*")) == before


def test_train_force_replaces_a_model(tmp_path, tiny_model_dir, tiny_csv):
    out = tmp_path / "out"
    shutil.copytree(tiny_model_dir, out)
    # the copy is marked as made long ago: a retrain within the same second as the fixture's would otherwise
    # write the very same metadata, and the test could not tell it was replaced
    metadata = json.loads((out / "metadata.json").read_text())
    metadata["created_at"] = "2000-01-01T00:00:00+00:00"
    (out / "metadata.json").write_text(json.dumps(metadata))
    result = _run("train", tiny_csv, "--out", out, "--folds", "2", "--test-size", "0", "--force")
    assert result.exit_code == 0, result.output
    assert json.loads((out / "metadata.json").read_text())["created_at"] != "2000-01-01T00:00:00+00:00"
    assert taikai.load_model(out).reason_labels


@pytest.mark.parametrize(
    ("counts", "folds", "expected"),
    [
        ({"fees": 1}, 5, r"cross-validation was skipped: .*fees \(1\) have fewer.*default probability 0\.3"),
        ({"fees": 3}, 5, r"cross-validation used 3 folds instead of 5: the primary reason\(s\) fees \(3\)"),
        (
            {},
            0,
            r"folds=0 \(--folds 0 on the command line\): no cross-validation, so the multi-label thresholds were not "
            "tuned",
        ),
    ],
)
def test_train_on_weak_data_warns_in_the_summary(tmp_path, tiny_csv, counts, folds, expected):
    rows = pd.read_csv(tiny_csv)
    primary = rows["reasons"].str.split("|").str[0]
    for label, n in counts.items():
        rows = pd.concat([rows[primary != label], rows[primary == label].head(n)])
    data = _write(tmp_path / "weak.csv", rows.to_numpy().tolist())
    result = _run("train", data, "--out", tmp_path / "m", "--folds", folds, "--test-size", "0")
    assert result.exit_code == 0, result.output
    assert re.search(r"(?m)^warning: " + expected, result.stderr), result.stderr
    assert "cv: {}" not in result.stderr
    assert any(re.search(expected, w) for w in taikai.load_model(tmp_path / "m").metadata.warnings)
    assert "warning:" in _run("info", "--model", tmp_path / "m").stdout


@pytest.mark.parametrize(
    ("sentiments", "free", "expected"),
    [
        (  # the one positive row is held out in some fold: that fold's rows are all negative
            {"positive": 1},
            False,
            r"cross-validation was skipped: the training rows of one of its 2 folds would hold the sentiment "
            r"negative alone, as every row of positive \(1\) is held out in that fold, and a sentiment head needs two"
            r".*--no-sentiment",
        ),
        ({"怒り": 1}, True, r"cross-validation was skipped: .*every row of 怒り \(1\) is held out in that fold"),
        (  # both rare rows are low_pay rows, held out in the same fold
            {"positive": 1, "neutral": 1},
            False,
            r"cross-validation was skipped: .*every row of positive \(1\), neutral \(1\) is held out in that fold",
        ),
        ({"positive": 6}, False, None),  # one row of each of six reasons: some train in every fold
    ],
)
def test_a_sentiment_too_rare_for_a_fold_skips_cross_validation(tmp_path, tiny_csv, sentiments, free, expected):
    rows = pd.read_csv(tiny_csv).assign(sentiment="negative")
    for n, (label, count) in enumerate(sentiments.items()):
        rows.loc[[n + 5 * k for k in range(count)], "sentiment"] = label
    data = _write(tmp_path / "rare.csv", rows.to_numpy().tolist())
    options = ["--folds", 2, "--test-size", 0, "--vectors", "none", *(["--free-labels"] if free else [])]
    result = _run("train", data, "--out", tmp_path / "m", *options)
    assert result.exit_code == 0, result.output
    warnings = taikai.load_model(tmp_path / "m").metadata.warnings
    if expected is None:
        assert "sentiment macro-F1" in result.stderr and not any("cross-validation" in w for w in warnings)
    else:
        assert re.search(r"(?m)^warning: " + expected, result.stderr), result.stderr
        assert any(re.search(expected, w) for w in warnings)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("sentiment", "angry", r"bad\.csv:3: sentiment: unknown label .angry."),
        ("reasons", "fees|salary", r"bad\.csv:3: reasons: unknown label .salary."),
    ],
)
def test_labels_outside_the_taxonomy_are_refused_unless_free_labels(tmp_path, tiny_csv, column, value, message):
    rows = pd.read_csv(tiny_csv)
    rows.loc[1, column] = value
    data = _write(tmp_path / "bad.csv", rows.to_numpy().tolist())
    result = _run("train", data, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0")
    assert result.exit_code == 2
    assert re.search(message, result.stderr) and "--free-labels" in result.stderr
    assert not (tmp_path / "m").exists()
    result = _run("train", data, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0", "--free-labels")
    assert result.exit_code == 0, result.output
    with pytest.raises(InputError, match=message):  # the API refuses it too
        taikai.train(data, folds=0, test_size=0)


_TOPICS = {  # a label set of the user's own: two topics, two moods
    "野球": ("野球の試合で勝った", "サッカーの得点王", "野球の選手が打った"),
    "IT/技術": ("新しいスマホが出た", "パソコンの性能が上がった", "アプリを開発した"),
}


def _own_rows(extra):
    mood_words = {"楽しい": "嬉しい", "つらい": "悲しい"}
    rows = [
        (text + word, label, mood, "test" if i == 2 else "train")
        for label, texts in _TOPICS.items()
        for mood, word in mood_words.items()
        for i, text in enumerate(texts)
    ]
    return pd.DataFrame(rows + extra, columns=["text", "reasons", "sentiment", "split"])


@pytest.mark.parametrize(
    ("extra", "refit_all", "expected"),
    [
        (  # a reason only in the test rows: the model never learns it, and said nothing (it did)
            [("珍しい話題の記事です", "レア 話題", "楽しい", "test")],
            False,
            r"reason\(s\) レア 話題 \(1\) are in the data but never the primary \(first\) reason of a training row, "
            r"so the model cannot predict them",
        ),
        (  # a reason only after the first: the same
            [("野球の試合とスマホの話", "野球|注目", "楽しい", "train")] * 2,
            False,
            r"reason\(s\) 注目 \(2\) are in the data but never the primary",
        ),
        (  # a sentiment only in the test rows
            [("野球の試合を見た", "野球", "ふつう", "test")],
            False,
            r"sentiment\(s\) ふつう \(1\) are in the data but in no training row \(only in the test rows\), so the "
            r"model cannot predict them",
        ),
        ([("珍しい話題の記事です", "レア 話題", "楽しい", "test")], True, None),  # refitted on every row: learned
        ([], False, None),
    ],
)
def test_labels_the_model_never_learned_are_said(tmp_path, extra, refit_all, expected):
    data = tmp_path / "own.csv"
    _own_rows(extra).to_csv(data, index=False)
    args = ["train", data, "--out", tmp_path / "m", "--folds", "0", "--vectors", "none", "--free-labels"]
    result = _run(*args, *(["--refit-all"] if refit_all else []))
    assert result.exit_code == 0, result.output
    warned = [w for w in taikai.load_model(tmp_path / "m").metadata.warnings if "cannot predict" in w]
    if expected is None:
        assert warned == [] and "cannot predict" not in result.stderr
    else:
        assert len(warned) == 1 and re.search(expected, warned[0]), warned
        assert re.search("(?m)^warning: " + expected, result.stderr), result.stderr


@pytest.mark.parametrize("label", ["旅行、観光", "Sports, Outdoors", "経済，金融"])
def test_a_label_of_ones_own_keeps_its_comma_through_train_and_evaluate(tmp_path, label):
    rows = _own_rows([]).replace({"reasons": {"野球": label}})
    data = tmp_path / "own.csv"
    rows.to_csv(data, index=False)
    args = ["--free-labels", "--vectors", "none"]
    result = _run("train", data, "--out", tmp_path / "m", "--folds", "0", *args)
    assert result.exit_code == 0, result.output
    assert "cannot predict" not in result.stderr  # the label was split in two, its second half never first
    kept = unicodedata.normalize("NFKC", label)
    assert taikai.load_model(tmp_path / "m").reason_labels == sorted(["IT/技術", kept])
    result = _run("evaluate", data, "--model", tmp_path / "m", "--split", "test")
    assert result.exit_code == 0, result.output
    assert f"| {kept} | 1.000 | 1.000 | 1.000 | 2 |" in result.stdout


def test_refit_all_gives_a_reason_only_the_test_rows_have_the_default_threshold(tiny_csv, tmp_path):
    """Regression: such a reason had no threshold, so the saved model's metadata did not match its classes."""
    df = pd.read_csv(tiny_csv)
    df["split"] = ["test" if r == "other" or i % 5 == 0 else "train" for i, r in enumerate(df["reasons"])]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        taikai.train(df, tmp_path / "m", folds=2, refit_all=True, config=FeatureConfig())
    thresholds = taikai.load_model(tmp_path / "m").metadata.reason_thresholds
    assert thresholds["other"] == 0.3 and len(thresholds) == 8


TWO_WAYS = "name one label in two spellings (another case, or a taxonomy id and its Japanese name)"
FREE_TEXTS = ["アプリの画面が見づらい", "ボタンの配置が悪い", "文字が小さくて読めない", "色使いが好き"]


@pytest.mark.parametrize(
    ("reasons", "sentiments", "warned"),
    [
        (
            ["UI/UX", "ui/ux", "price", "price"],
            ["good", "good", "bad", "bad"],
            ["reason labels that differ only in case are different labels: 'UI/UX' and 'ui/ux'; if each group"],
        ),
        (
            ["ui", "ui", "price", "price"],
            ["Good", "good", "bad", "BAD"],
            ["sentiment labels that differ only in case are different labels: 'BAD' and 'bad'; 'Good' and 'good';"],
        ),
        (["ＵＩ", "UI", "price", "price"], ["good", "good", "bad", "bad"], []),  # one label after NFKC
        (  # free labels are kept as written, the taxonomy's ids too: Fees is not fees there
            ["Fees", "fees", "time", "time"],
            ["Negative", "negative", "neutral", "neutral"],
            [
                "reason labels that differ only in case are different labels: 'Fees' and 'fees'",
                "sentiment labels that differ only in case are different labels: 'Negative' and 'negative'",
            ],
        ),
        # Regression: a taxonomy id and its Japanese name, one label typed two ways in Excel, trained as two unsaid
        (
            ["手数料が高い", "fees", "Time", "time"],
            ["ネガティブ", "negative", "neutral", "neutral"],
            [
                f"reason labels that {TWO_WAYS} are different labels: 'Time' and 'time'; 'fees' and '手数料が高い'; "
                "if each group",
                f"sentiment labels that {TWO_WAYS} are different labels: 'negative' and 'ネガティブ'; if each group",
            ],
        ),
        (
            ["low_pay (報酬・単価が低い)", "low_pay", "その他", "スキル不足"],
            ["good", "bad"] * 2,
            [f"reason labels that {TWO_WAYS}"],
        ),
        (["スキル不足", "スキル", "その他", "other2"], ["good", "bad"] * 2, []),  # no two spellings of one label
    ],
)
def test_own_labels_that_differ_only_in_case_are_warned_about(tmp_path, reasons, sentiments, warned):
    """Regression: 'UI/UX' and 'ui/ux' were trained as two labels without a word."""
    df = pd.DataFrame({"text": FREE_TEXTS * 2, "reasons": reasons * 2, "sentiment": sentiments * 2})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = taikai.train(df, folds=0, test_size=0, free_labels=True, config=FeatureConfig())
    found = [w for w in model.metadata.warnings if "are different labels" in w]
    assert len(found) == len(warned) and all(w.startswith(start) for w, start in zip(found, warned, strict=True))


def reasons_only(df, rows):
    """Return *df* with the sentiment of the given rows left empty, as an analyst who codes only reasons does."""
    return df.assign(sentiment=["" if i in rows else s for i, s in enumerate(df["sentiment"])])


@pytest.mark.parametrize(
    ("blank", "options", "heads", "cv_sentiments", "test_sentiments"),
    [
        (range(0, 40, 4), {"test_size": 0}, {"reason_rows": 40, "sentiment_rows": 30}, 30, None),
        # the split column puts rows 0, 5, … in the test: of them 0, 20 have reasons only
        (range(0, 40, 4), {"split": True}, {"reason_rows": 32, "sentiment_rows": 24}, 24, 6),
        (range(0, 40, 4), {"split": True, "refit_all": True}, {"reason_rows": 40, "sentiment_rows": 30}, 24, 6),
        ((), {"test_size": 0}, {}, None, None),  # every row labelled: nothing to say, as before
    ],
)
def test_rows_coded_with_reasons_only_train_the_reason_head(
    tiny_csv, blank, options, heads, cv_sentiments, test_sentiments
):
    """Regression: a row with a reason and no sentiment was skipped as unusable, its reason never learned."""
    df = reasons_only(pd.read_csv(tiny_csv, keep_default_na=False), set(blank))
    if options.pop("split", False):
        df["split"] = ["test" if i % 5 == 0 else "train" for i in range(len(df))]
    with warnings.catch_warnings():
        warnings.simplefilter("error", SkippedRowsWarning)  # no row is skipped
        model = taikai.train(df, config=FeatureConfig(min_df=1), folds=2, **options)
    data = model.metadata.training_data.to_dict()
    assert {k: data[k] for k in ("reason_rows", "sentiment_rows") if k in data} == heads
    assert "skipped_rows" not in data
    assert model.metadata.sentiments == ("negative", "neutral", "positive")
    assert model.metadata.metrics.cv.sentiment_rows == cv_sentiments  # the sentiment scored on those
    if test_sentiments is not None:
        report = model.metadata.metrics.test.report
        assert (report["n_scored"], report["n_sentiment_scored"]) == (8, test_sentiments)
        assert sum(c["support"] for c in report["sentiment"]["per_class"].values()) == test_sentiments


def test_data_without_any_sentiment_says_to_train_the_reason_head_alone(tiny_csv):
    df = reasons_only(pd.read_csv(tiny_csv, keep_default_na=False), set(range(40)))
    with pytest.raises(InputError) as caught:
        taikai.train(df, config=FeatureConfig(min_df=1), folds=0, test_size=0)
    message = str(caught.value)
    assert message.startswith("a model needs at least two different sentiments, and the 40 usable row(s) have none")
    assert "train the reason head alone with sentiment_column=None (--no-sentiment on the command line)" in message


def test_training_rows_with_one_sentiment_among_reasons_only_rows_say_how_many_have_one(tiny_csv):
    df = pd.read_csv(tiny_csv, keep_default_na=False)
    df = reasons_only(df, {i for i, s in enumerate(df["sentiment"]) if s != "negative"})
    df["split"] = ["test" if s != "negative" and i % 2 else "train" for i, s in enumerate(df["sentiment"])]
    df.loc[df["split"] == "test", "sentiment"] = "positive"
    with pytest.raises(InputError, match=r"its \d+ training row\(s\) \(\d+ with a sentiment\) have only negative"):
        taikai.train(df, config=FeatureConfig(min_df=1), folds=0)


@pytest.mark.parametrize(("seed", "test_size"), [(np.int64(7), np.float64(0.2)), (np.uint32(0), np.float32(0.0))])
def test_numpy_numbers_are_a_seed_and_a_test_size(seed, test_size):
    """Regression: a numpy test_size or seed was refused as no number ("not float32 ...")."""
    from taikai.training._checks import check_split_options

    check_split_options(seed, test_size)  # raises for what it refuses


@pytest.mark.parametrize(("test_size", "shown"), [(True, "bool True"), (np.bool_(False), "bool np.False_")])
def test_a_bool_is_no_test_size(tiny_csv, test_size, shown):
    with pytest.raises(TypeError) as caught:
        taikai.train(tiny_csv, test_size=test_size)
    assert (
        str(caught.value)
        == f"test_size must be a number from 0 (hold nothing out) up to, not including, 1, not {shown}"
    )


@pytest.mark.parametrize(
    ("added", "counts"),
    [
        (
            ["単価が安すぎる", "手数料が高すぎる"],
            "the 4 usable row(s) have only fees\nrows: 4 read, 4 usable, 0 skipped\n",
        ),
        (["単価が安すぎる", "abc"], "the 3 usable row(s) have only fees\nrows: 4 read, 3 usable, 1 skipped:\n"),
    ],
    ids=["all-usable", "one-skipped"],
)
def test_the_rows_counted_usable_include_the_added_ones(tmp_path, added, counts):
    """The usable rows an error counts are those of the data and of add=, as the rows read and skipped are."""
    path = tmp_path / "added.csv"
    pd.DataFrame({"text": added, "reasons": ["fees"] * 2, "sentiment": ["negative"] * 2}).to_csv(path, index=False)
    frame = pd.DataFrame(
        {"text": ["手数料が高い", "料金が上がった"], "reasons": ["fees"] * 2, "sentiment": ["negative"] * 2}
    )
    with pytest.raises(InputError) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedRowsWarning)
        taikai.train(frame, folds=0, add=path)
    assert f"a model needs at least two different reasons, and {counts}" in str(caught.value)
