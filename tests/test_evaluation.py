"""Evaluation scores checked against a small case computed by hand."""

import re
import shlex
import warnings

import numpy as np
import pandas as pd
import pytest

from taikai.errors import InputError
from taikai.evaluation import evaluate, score_multi, score_single
from taikai.model import Classified
from taikai.text import Status


def test_single_label_scores_by_hand():
    # gold a a b b c / predicted a b b b a
    s = score_single(["a", "a", "b", "b", "c"], ["a", "b", "b", "b", "a"], ["a", "b", "c"])
    assert s.labels == ["a", "b", "c"]
    assert s.precision == pytest.approx([0.5, 2 / 3, 0.0])
    assert s.recall == pytest.approx([0.5, 1.0, 0.0])
    assert s.f1 == pytest.approx([0.5, 0.8, 0.0])
    assert s.support == [2, 2, 1]
    assert s.accuracy == pytest.approx(0.6)
    assert s.macro_f1 == pytest.approx((0.5 + 0.8 + 0.0) / 3)
    assert s.confusion == [[1, 1, 0], [0, 2, 0], [1, 0, 0]]


def test_single_label_macro_ignores_labels_absent_from_gold_and_predictions():
    s = score_single(["a", "b"], ["a", "b"], ["a", "b", "z"])
    assert s.macro_f1 == pytest.approx(1.0)
    assert s.support == [1, 1, 0]


@pytest.mark.parametrize(
    ("gold", "pred", "headline", "dashed"),
    [
        # two of three labels met: the headline says over how many, the third reads – (not 0.000)
        (["a", "b"], ["a", "b"], "macro-F1 1.000 (over the 2 of 3 labels in the gold or the predicted labels", ["c"]),
        # a label only predicted is met (its F1 is a real 0), so every label counts and nothing is dashed
        (["a", "b", "b"], ["a", "b", "c"], "macro-F1 0.556 ·", []),
        # every label in the gold: the headline as before
        (["a", "b", "c"], ["a", "b", "c"], "macro-F1 1.000 ·", []),
    ],
)
def test_a_label_in_neither_gold_nor_predictions_is_dashed_and_the_macro_says_so(gold, pred, headline, dashed):
    from taikai.evaluation._scores import label_table, macro_line, single_table

    single = score_single(gold, pred, ["a", "b", "c"])
    multi = score_multi([[g] for g in gold], [[p] for p in pred], ["a", "b", "c"])
    for text in (
        "\n".join(single_table(single)),
        f"{macro_line(multi, multi.predicted)} · " + "\n".join(label_table(multi, multi.predicted)),
    ):
        assert headline in text.replace("\n", " · ", 1)
        per_label = text.split("Confusion")[0]  # the confusion matrix's rows start with the labels too
        table_rows = {line.split(" | ")[0][2:]: line for line in per_label.splitlines() if line.startswith("| ")}
        for label in ["a", "b", "c"]:
            assert ("| – | – | – |" in table_rows[label]) is (label in dashed)


@pytest.mark.parametrize(
    ("gold", "pred", "dashed"),
    [
        (["a", "b"], ["a", "b"], ["c"]),
        (["a", "b", "b"], ["a", "b", "c"], []),  # c only predicted: a real 0, not undefined
        (["a", "a"], ["a", "b"], ["c"]),  # b never in the gold but predicted: precision 0, as the table says
    ],
)
def test_the_json_of_a_label_in_neither_gold_nor_predictions_is_null_as_the_table_dashes_it(gold, pred, dashed):
    """Regression: --json gave 0.0 where the table says – (undefined, not averaged), so a per-label F1 taken from the
    JSON read as a label the model always misses, and a label never predicted looked like one always predicted wrong."""
    single = score_single(gold, pred, ["a", "b", "c"]).to_dict()["per_class"]
    multi = score_multi([[g] for g in gold], [[p] for p in pred], ["a", "b", "c"]).to_dict()["per_label"]
    for per_label in (single, multi):
        for label, scores in per_label.items():
            undefined = [scores[k] is None for k in ("precision", "recall", "f1")]
            assert undefined == [label in dashed] * 3
            assert scores["support"] == gold.count(label)
        met = [v["f1"] for v in per_label.values() if v["f1"] is not None]
        assert np.mean(met) == pytest.approx(score_single(gold, pred, ["a", "b", "c"]).macro_f1)


def test_labels_seen_only_in_data_are_appended():
    s = score_single(["a", "new"], ["a", "a"], ["a"])
    assert s.labels == ["a", "new"]
    assert s.recall == pytest.approx([1.0, 0.0])


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        pytest.param(
            # a: predicted in rows 0,1,3, gold in rows 0,1,3 -> P 3/3, R 3/3
            # b: predicted in rows 0,2, gold in rows 1,2 -> P 1/2, R 1/2, F1 1/2
            # c: never predicted, gold in row 3 -> P 0, R 0
            # micro: 4 hits of 5 predicted and 6 gold -> 2*4/(5+6); macro over a, b, c (all present)
            # exact match: row 2 only; jaccard per row 1/2, 1/2, 1, 1/2
            [["a"], ["a", "b"], ["b"], ["c", "a"]],
            [["a", "b"], ["a"], ["b"], ["a"]],
            {
                "precision": [1.0, 0.5, 0.0],
                "recall": [1.0, 0.5, 0.0],
                "f1": [1.0, 0.5, 0.0],
                "support": [3, 2, 1],
                "micro_f1": 8 / 11,
                "macro_f1": (1.0 + 0.5 + 0.0) / 3,
                "exact_match": 1 / 4,
                "jaccard": (0.5 + 0.5 + 1.0 + 0.5) / 4,
            },
            id="every-label-present",
        ),
        pytest.param(
            # a: predicted in row 0 only (right), gold in rows 0,1 -> P 1/1, R 1/2, F1 2/3
            # b: predicted in row 1 (wrong), never gold -> P 0, R 0 (no support), F1 0
            # c: neither gold nor predicted -> left out of the macro average
            # micro: 1 hit of 2 predicted and 2 gold -> 2*1/(2+2); macro over a and b only: (2/3 + 0) / 2
            # exact match: row 0 only; jaccard per row 1, 0
            [["a"], ["a"]],
            [["a"], ["b"]],
            {
                "precision": [1.0, 0.0, 0.0],
                "recall": [0.5, 0.0, 0.0],
                "f1": [2 / 3, 0.0, 0.0],
                "support": [2, 0, 0],
                "micro_f1": 0.5,
                "macro_f1": 1 / 3,
                "exact_match": 0.5,
                "jaccard": 0.5,
            },
            id="absent-label-left-out-of-macro",
        ),
    ],
)
def test_multi_label_scores_by_hand(gold, pred, expected):
    m = score_multi(gold, pred, ["a", "b", "c"])
    assert m.labels == ["a", "b", "c"]
    assert m.precision == pytest.approx(expected["precision"])
    assert m.recall == pytest.approx(expected["recall"])
    assert m.f1 == pytest.approx(expected["f1"])
    assert m.support == expected["support"]
    assert m.micro_f1 == pytest.approx(expected["micro_f1"])
    assert m.macro_f1 == pytest.approx(expected["macro_f1"])
    assert m.exact_match == pytest.approx(expected["exact_match"])
    assert m.jaccard == pytest.approx(expected["jaccard"])


class StubModel:
    """Predicts fixed labels, to test evaluate() without training."""

    reason_labels = ("a", "b", "c")
    sentiment_labels = ("positive", "negative")

    def classify(self, values):
        table = {"あ": (("a",), "positive"), "い": (("b", "a"), "negative"), "う": (("a",), "negative")}
        found = [table.get(str(v).split("\n")[0]) for v in values]  # a text's first line
        return Classified(
            reason_labels=tuple(self.reason_labels),
            sentiment_labels=tuple(self.sentiment_labels),
            statuses=[Status.OK if f else Status.EMPTY for f in found],
            messages=["" if f else "empty or whitespace-only text" for f in found],
            reasons=[f[0] if f else () for f in found],
            sentiments=[f[1] if f else None for f in found],
            reason_proba=np.full((len(values), 3), np.nan),
            sentiment_proba=np.full((len(values), 2), np.nan),
        )


def test_evaluate_reports_every_task_and_unscored_rows():
    df = pd.DataFrame(
        {
            "text": ["あ", "い", "う", " "],
            "reasons": ["a", "b", "c|a", "a"],
            "sentiment": ["positive", "positive", "negative", "negative"],
        }
    )
    report = evaluate(StubModel(), df)
    assert (report.n_rows, report.n_scored) == (4, 3)
    assert [u.to_dict() for u in report.unscored] == [
        {"row": 3, "line": None, "status": "empty", "message": "empty or whitespace-only text"}
    ]
    assert report.reason.accuracy == pytest.approx(2 / 3)
    assert report.reason.confusion == [[1, 0, 0], [0, 1, 0], [1, 0, 0]]
    assert report.sentiment.accuracy == pytest.approx(2 / 3)
    assert report.reasons.exact_match == pytest.approx(1 / 3)
    d = report.to_dict()
    assert d["reason"]["per_class"]["b"]["f1"] == pytest.approx(1.0)
    text = report.to_markdown()
    for heading in ("## Primary reason", "## All stated reasons", "## Sentiment", "Confusion"):
        assert heading in text
    assert str(report) == text


UNSCORED_CSV = """text,reasons,sentiment,split
あ,a,positive,test
"い
(a second line)",b,negative,test
,a,negative,train
 ,a,negative,test
う,c,negative,test
"""


@pytest.mark.parametrize(
    ("split", "rows", "expected"),
    [
        ("all", [2, 3], ["- {f}:5: empty or whitespace-only text", "- {f}:6: empty or whitespace-only text"]),
        ("test", [3], ["- {f}:6: empty or whitespace-only text"]),
    ],
)
def test_unscored_rows_are_named_by_their_file_line(tmp_path, split, rows, expected):
    """Regression: they were printed as a Python dict with a 0-based row (line 6 showed as row 4)."""
    path = tmp_path / "gold.csv"
    path.write_text(UNSCORED_CSV, encoding="utf-8")
    report = evaluate(StubModel(), path, split=split)
    assert [u.row for u in report.unscored] == rows
    text = report.to_markdown()
    assert f"Not scored (no usable text): {len(rows)} row(s):\n" + "\n".join(expected).format(f=path) in text
    assert "{'row'" not in text
    assert report.to_dict()["unscored"][0] == {
        "row": rows[0],
        "line": rows[0] + 3,  # the header, and the two lines of the quoted text
        "status": "empty",
        "message": "empty or whitespace-only text",
    }


def test_unscored_rows_of_a_frame_are_named_by_data_row_and_the_list_is_cut():
    df = pd.DataFrame({"text": [" "] * 7 + ["あ"], "reasons": ["a"] * 8}, index=[10 * i for i in range(8)])
    text = evaluate(StubModel(), df, sentiment_column=None).to_markdown()
    assert "Not scored (no usable text): 7 row(s):\n- <frame>: row 1 (data row, 1-based): empty" in text
    last = "- <frame>: row 5 (data row, 1-based; index 40): empty or whitespace-only text\n"
    # regression: a notebook was sent to the command line's --json for the rows left out, not to report.unscored
    assert last + "- … and 2 more (7 in all; every one in the --json report, or report.unscored in Python)" in text
    assert "row 6 (data row" not in text


@pytest.mark.parametrize(
    ("texts", "field", "shown"),
    [
        ([" "] * 7 + ["あ"], "unscored", 5),
        (["あ"] * 12, "misclassified", 10),  # あ is predicted a; every row's gold is b
    ],
)
def test_a_cut_list_names_where_every_row_is_in_python_too(texts, field, shown):
    df = pd.DataFrame({"text": texts, "reasons": ["b"] * len(texts)})
    report = evaluate(StubModel(), df, sentiment_column=None)
    rows = getattr(report, field)
    more = len(rows) - shown
    said = f"- … and {more} more ({len(rows)} in all; every one in the --json report, or report.{field} in Python)"
    assert said in report.to_markdown()


@pytest.mark.parametrize(
    ("index", "said", "saved"),
    [
        (pd.RangeIndex(3), "row 2 (data row, 1-based)", "absent"),
        (pd.Index(["r1", "r2", "r3"], name="review_id"), "row 2 (data row, 1-based; index 'r2')", "r2"),
        (pd.Index([7, 3, 9]), "row 2 (data row, 1-based; index 3)", 3),  # a filtered frame: df.loc[3], not row 3
        (pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-03"]), "index Timestamp('2026-01-02 00:00:00')", None),
    ],
    ids=["default index", "ids", "filtered", "dates"],
)
def test_an_unscored_row_of_a_frame_is_named_with_its_index_label(index, said, saved):
    # before: by its position alone, which df.loc does not find in a frame indexed by ids or filtered
    df = pd.DataFrame({"text": ["あ", " ", "う"], "reasons": ["a", "b", "c"]}, index=index)
    report = evaluate(StubModel(), df, sentiment_column=None)
    (unscored,) = report.unscored
    assert str(unscored).startswith(f"<frame>: {said}") if saved is not None else said in str(unscored)
    assert df.loc[unscored.index, "text"] == " "
    assert report.to_dict()["unscored"][0].get("index", "absent") == (str(index[1]) if saved is None else saved)


@pytest.fixture(scope="module")
def split_data(tmp_path_factory, tiny_csv):
    """A labelled file with a split column (every fourth row test) and models trained on it, with and without
    --refit-all."""
    import taikai

    root = tmp_path_factory.mktemp("split")
    rows = pd.read_csv(tiny_csv)
    rows["split"] = ["test" if i % 4 == 0 else "train" for i in range(len(rows))]
    data = root / "labelled.csv"
    rows.to_csv(data, index=False)
    taikai.train(data, root / "held_out", folds=0)
    taikai.train(data, root / "refit", folds=0, refit_all=True)
    return data, root


@pytest.mark.parametrize(
    ("model", "split", "seen", "rows"),
    [
        ("held_out", "test", 0, 10),
        ("held_out", "train", 30, 30),
        ("held_out", "all", 30, 40),
        ("refit", "test", 10, 10),
    ],
)
def test_evaluate_measures_the_rows_the_model_was_trained_on(split_data, model, split, seen, rows):
    import warnings

    import taikai

    data, root = split_data
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = evaluate(taikai.load_model(root / model), data, split=split)
    assert (report.n_rows, report.overlap.seen, report.split) == (rows, seen, split)
    said = [str(w.message) for w in caught if issubclass(w.category, taikai.DataWarning)]
    if seen:
        share = f"{seen} of {rows} rows ({100 * seen / rows:.0f} %) were in this model's training data"
        assert len(said) == 1 and share in said[0]
        # regression: Python callers were told "--split test" only; a refit model was told the split it was given
        advice = "not trained on: split='test' (--split test on the command line) scores the test rows"
        assert (advice in said[0]) is (model != "refit")
        refit = "trained with refit_all=True (--refit-all on the command line): refit on all the rows of its"
        assert (refit in said[0]) is (model == "refit")
        assert report.to_markdown().startswith(f"**WARNING: {share}")
        assert report.to_dict()["training_overlap"]["seen_in_training"] == seen
    else:
        assert said == [] and "WARNING" not in report.to_markdown()
    assert f"Scored {rows} of {rows} rows" in report.to_markdown()


@pytest.mark.parametrize(
    ("given", "named"),
    [
        ("directory", "taikai info -m {dir} prints them"),  # the model evaluated, as a path
        ("loaded", "taikai info -m {dir} prints them"),
        ("frame", "taikai info -m {dir} prints them"),  # the data a frame: the model still has its directory
        ("unsaved", "taikai info -m MODEL_DIR prints them"),  # a model never saved has none to name
    ],
)
def test_the_refit_model_advice_names_the_directory_of_the_model_evaluated(split_data, given, named):
    """Regression: evaluate with the shipped (refit) model advised `taikai info -m MODEL_DIR`, a placeholder the
    user of the default model cannot fill in, and which fails as written."""
    import warnings

    import taikai

    data, root = split_data
    directory = root / "refit"
    model = taikai.load_model(directory)
    if given == "unsaved":
        model = taikai.Model(model.pipeline, model.metadata)
    arguments = {
        "directory": (str(directory), data),
        "loaded": (model, data),
        "frame": (model, pd.read_csv(data)),
        "unsaved": (model, data),
    }[given]
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        report = evaluate(*arguments)
    warning = report.overlap.warning()
    assert warning is not None and named.format(dir=shlex.quote(str(directory))) in warning


@pytest.mark.parametrize(
    ("unseen", "split", "offers_test"),
    [
        (0, "all", False),  # a sheet every row of which was trained on (train --add): --split test has no row
        (0, "train", False),
        (2, "all", True),  # rows it was not fitted on: --split test scores them
        (2, "train", True),
    ],
)
def test_the_training_overlap_advice_to_give_split_test_works_when_followed(
    tiny_model, tiny_csv, tmp_path, unseen, split, offers_test
):
    """Regression: evaluating a train --add sheet with the model trained on it advised --split test, which then
    stopped with "none of its rows is one the model was not fitted on"."""
    import taikai

    rows = pd.read_csv(tiny_csv)
    new = pd.DataFrame({"text": ["手数料が二割も引かれて続ける気がしない", "報酬が低すぎて辞めた"][:unseen]})
    data = tmp_path / "sheet.csv"
    pd.concat([rows, new.assign(reasons="fees", sentiment="negative")]).to_csv(data, index=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        evaluate(tiny_model, data, split=split)
    said = [str(w.message) for w in caught if issubclass(w.category, taikai.DataWarning)]
    assert len(said) == 1 and "were in this model's training data" in said[0]
    assert ("split='test'" in said[0]) is offers_test
    if offers_test:  # the advice followed works
        assert evaluate(tiny_model, data, split="test").n_rows == unseen
    else:
        assert "no row of it is held out: score labelled rows it was not trained on" in said[0]


def _without_row_hashes(model_dir, tmp_path):
    import json
    import shutil

    copy = tmp_path / "old"
    shutil.copytree(model_dir, copy)
    meta = json.loads((copy / "metadata.json").read_text())
    del meta["training_data"]["row_hashes"]
    (copy / "metadata.json").write_text(json.dumps(meta))
    return copy


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ("same", "this is the very file this model was trained on, and it was fitted on all its rows"),
        ("crlf", "this is the very data (the same texts and labels) this model was trained on"),
        ("other", None),
    ],
)
def test_a_model_without_row_hashes_is_judged_by_file_and_content(split_data, tmp_path, data, says):
    import taikai

    path, root = split_data
    model = taikai.load_model(_without_row_hashes(root / "refit", tmp_path))
    if data == "crlf":  # the same rows in other bytes
        copy = tmp_path / "crlf.csv"
        copy.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
        path = copy
    elif data == "other":
        copy = tmp_path / "other.csv"
        pd.read_csv(path).head(5).to_csv(copy, index=False)
        path = copy
    if says:
        with pytest.warns(taikai.DataWarning, match=re.escape(says)):
            report = evaluate(model, path)
    else:
        report = evaluate(model, path)
        assert "records no row hashes" in report.to_markdown() and report.overlap.seen is None


@pytest.fixture(scope="module")
def no_split_models(tmp_path_factory, tiny_csv):
    """Models trained on the tiny file, which has no split column: 10 of its 40 rows held out by --test-size, with
    and without --refit-all."""
    import taikai

    root = tmp_path_factory.mktemp("no_split")
    taikai.train(tiny_csv, root / "held_out", folds=0, test_size=0.25, config=taikai.FeatureConfig())
    taikai.train(tiny_csv, root / "refit", folds=0, test_size=0.25, refit_all=True, config=taikai.FeatureConfig())
    return root


@pytest.mark.parametrize(
    ("split", "rows", "note"),
    [
        (
            "test",
            10,
            "Rows: no 'split' column: the 10 row(s) this model was not fitted on, told by the row hashes in its "
            "metadata; this is its training file, and these are the 10 test rows it held out.",
        ),
        ("train", 30, "Rows: no 'split' column: the 30 row(s) this model was fitted on, told by the row hashes"),
    ],
)
def test_without_a_split_column_the_model_s_row_hashes_choose_the_split(no_split_models, tiny_csv, split, rows, note):
    """Regression: after training with --test-size, evaluate --split test said "no 'split' column, so there are no
    test rows to select", and nothing scored the held-out rows again."""
    import warnings

    import taikai

    model = taikai.load_model(no_split_models / "held_out")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", taikai.DataWarning)  # --split train: rows it was fitted on, said loudly
        report = evaluate(model, tiny_csv, split=split)
    assert (report.n_rows, report.overlap.seen) == (rows, 0 if split == "test" else rows)
    assert note in report.to_markdown() and report.to_dict()["split_by"] == report.split_by
    if split == "test":  # the very scores training measured on its test rows
        assert model.metadata.metrics.test.reason_macro_f1 == report.reason.macro_f1
        assert model.metadata.metrics.test.sentiment_accuracy == report.sentiment.accuracy


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ("hello,fees,negative", "these are the 10 test rows it held out (and 1 without usable text, which training "),
        (None, " test rows: those with the same text as a training row count as fitted on"),
    ],
    ids=["unusable-text", "repeated-text"],
)
def test_the_held_out_rows_are_counted_as_training_counted_them(tiny_csv, tmp_path, extra, said):
    import warnings

    import taikai

    path = tmp_path / "data.csv"
    lines = tiny_csv.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, extra or lines[1]]) + "\n", encoding="utf-8")  # a row skipped, or repeated
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = taikai.train(path, tmp_path / "m", folds=0, test_size=0.25, config=taikai.FeatureConfig())
        report = evaluate(model, path, split="test")
    if extra is None:  # the repeated row is a training row or a test row; the other copy decides
        held, chosen = model.metadata.training_data.test_rows, report.n_rows
        assert (f"of which it held out {held} test rows" in report.split_by) == (held != chosen), report.split_by
        assert (said in report.split_by) == (held != chosen)
    else:
        assert said in report.split_by and report.n_rows == 11 and len(report.unscored) == 1


@pytest.mark.parametrize(
    ("model", "message"),
    [
        (
            "refit",
            "the model was trained with refit_all=True (--refit-all on the command line): refitted on every row of its "
            "training data, test rows too, so none",
        ),
        ("all_rows", "but none of its 40 labelled row(s) is one the model was not fitted on; add a split column"),
        ("no_hashes", "but it records no row hashes (the model was saved before taikai recorded them)"),
        ("classifier", "no 'split' column, so there are no test rows to select; add a split column"),
    ],
)
def test_without_a_split_column_test_rows_the_model_cannot_tell_are_refused(
    no_split_models, tiny_model, tiny_csv, tmp_path, model, message
):
    import taikai

    chosen = {
        "refit": lambda: taikai.load_model(no_split_models / "refit"),
        "all_rows": lambda: tiny_model,  # trained on every row (test_size=0)
        "no_hashes": lambda: taikai.load_model(_without_row_hashes(no_split_models / "held_out", tmp_path)),
        "classifier": lambda: taikai.Model(tiny_model.pipeline),  # a pipeline fitted by hand: no metadata
    }[model]()
    with pytest.raises(taikai.InputError) as caught:
        evaluate(chosen, tiny_csv, split="test")
    assert str(caught.value).startswith(f"{tiny_csv}: no 'split' column")
    assert message in str(caught.value) and str(caught.value).endswith(
        "or score all rows with split='all' (--split all on the command line)"
    )


def test_a_wrong_split_value_is_named_at_its_line_when_a_split_is_chosen(tiny_model, tiny_csv, tmp_path):
    import taikai

    path = tmp_path / "split.csv"
    pd.read_csv(tiny_csv).assign(split=["test", "dev"] * 20).to_csv(path, index=False)
    with pytest.raises(taikai.InputError) as caught:
        evaluate(tiny_model, path, split="test")
    assert f"\n  {path}:3: split 'dev'\n  {path}:5: split 'dev'\n" in str(caught.value)
    with pytest.warns(taikai.DataWarning):  # all rows: the split column is not read
        assert evaluate(tiny_model, path).n_rows == 40


def test_gold_labels_outside_the_model_are_refused_unless_free_labels(tiny_model, tiny_csv, tmp_path):
    import taikai

    rows = pd.read_csv(tiny_csv)
    rows.loc[2, "sentiment"] = "angry"
    path = tmp_path / "gold.csv"
    rows.to_csv(path, index=False)
    with pytest.raises(taikai.InputError, match=r"gold\.csv:4: sentiment: unknown label 'angry'"):
        evaluate(tiny_model, path)
    # the tiny model was trained on them; and it can never predict angry
    with pytest.warns(taikai.DataWarning, match="40 of 40 rows"), pytest.warns(taikai.DataWarning, match="'angry'"):
        assert "angry" in evaluate(tiny_model, path, free_labels=True).sentiment.labels


@pytest.mark.parametrize(
    ("column", "rows", "value", "said", "unpredictable"),
    [  # regression: the error offered --free-labels, which scored a typo as a miss without a word; and Japanese
        # names were not compared (手数料高い, ネガ had no closest label)
        (
            "reasons",
            [1, 3],
            "low-pay",
            "reasons: unknown label 'low-pay' (closest: low_pay (報酬・単価が低い)) (the same on 1 more line(s): 5)\n",
            {"low-pay": 2},
        ),
        (
            "reasons",
            [1, 3],
            "手数料高い",
            "reasons: unknown label '手数料高い' (closest: fees (手数料が高い)) (the same on 1 more line(s): 5)\n",
            {"手数料高い": 2},
        ),
        ("sentiment", [2], "ネガ", "sentiment: unknown label 'ネガ' (closest: negative (ネガティブ))\n", {"ネガ": 1}),
        ("sentiment", [2], "angry", "sentiment: unknown label 'angry'\n", {"angry": 1}),
    ],
)
def test_gold_labels_the_model_cannot_predict_are_named_with_their_rows(
    tiny_model, tiny_csv, tmp_path, column, rows, value, said, unpredictable
):
    import json

    import taikai
    from taikai.cli import cli

    data = pd.read_csv(tiny_csv)
    data.loc[rows, column] = value
    path = tmp_path / "gold.csv"
    data.to_csv(path, index=False)
    with pytest.raises(taikai.InputError) as caught:
        evaluate(tiny_model, path)
    assert said in str(caught.value)
    # --free-labels is offered for a label close to none of the model's (no typo), not for a likely typo
    assert ("--free-labels" in str(caught.value)) == (value == "angry"), str(caught.value)
    head = "reason" if column == "reasons" else "sentiment"
    with (
        pytest.warns(taikai.DataWarning, match="40 of 40 rows"),  # the tiny model was trained on these texts
        pytest.warns(taikai.DataWarning, match=f"{len(rows)} scored row\\(s\\) have a gold {head} label"),
    ):
        report = evaluate(tiny_model, path, free_labels=True)
    assert [(u.head, u.rows, u.labels) for u in report.unpredictable] == [(head, len(rows), unpredictable)]
    assert report.to_dict()["unpredictable_gold_labels"] == {head: {"rows": len(rows), "labels": unpredictable}}
    assert f"'{value}' ({len(rows)} row(s))" in report.to_markdown()
    from click.testing import CliRunner

    out = tmp_path / "r.json"
    args = ["evaluate", str(path), "--free-labels", "--json", str(out)]
    result = CliRunner().invoke(cli, [*args, "--model", str(tiny_model.path)])
    assert result.exit_code == 0, result.output
    assert f"taikai: warning: {path}: {len(rows)} scored row(s)" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["unpredictable_gold_labels"][head]["labels"] == unpredictable


def test_cli_evaluate_warns_on_stderr_and_refuses_a_json_folder_that_does_not_exist(split_data, tmp_path):
    from click.testing import CliRunner

    from taikai.cli import cli

    data, root = split_data
    args = ["evaluate", str(data), "--model", str(root / "held_out")]
    result = CliRunner().invoke(cli, [*args, "--json", str(tmp_path / "missing" / "r.json")])
    assert result.exit_code == 2 and "--json" in result.stderr and "missing" in result.stderr
    assert "Scored" not in result.stdout  # refused before the work
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert "taikai: warning:" in result.stderr and "30 of 40 rows (75 %)" in result.stderr
    result = CliRunner().invoke(cli, [*args, "--split", "test", "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 0 and "warning" not in result.stderr
    assert "Scored 10 of 10 rows (split: test)." in result.stdout


@pytest.mark.parametrize(
    ("reasons", "sentiments", "expected", "headline"),
    [
        # a suggest sheet filled in part: the rows left blank are skipped and counted, the others scored
        (["a", "", "b", ""], ["positive", "", "negative", ""], (2, 2), "Scored 2 of 4 rows (2 without any label)."),
        (["a", "b", "a", "a"], ["positive", "negative", "negative", "positive"], (4, 0), "Scored 4 of 4 rows."),
    ],
)
def test_rows_without_any_label_are_skipped_and_counted(reasons, sentiments, expected, headline):
    """Regression: a sheet with blank rows said ``Scored 2 of 2 rows``, as if every row read was scored."""
    # (the repeated あ is labelled alike: a text labelled in different ways would be warned of)
    df = pd.DataFrame({"text": ["あ", "い", "う", "あ"], "reasons": reasons, "sentiment": sentiments})
    report = evaluate(StubModel(), df)
    assert (report.n_scored, report.n_blank) == expected
    assert report.to_dict()["n_blank"] == expected[1]
    assert (report.to_dict()["n_read"], report.to_dict()["n_rows"]) == (4, expected[0])  # n_rows: as before
    assert report.to_markdown().splitlines()[0] == headline
    skipped = f"Skipped {expected[1]} row(s) without any label"
    assert (skipped in report.to_markdown()) is bool(expected[1])


@pytest.mark.parametrize(
    ("texts", "reasons", "message"),
    [
        (
            ["あ", "い"],
            ["", ""],
            r"no row to score: 0 labelled row\(s\), 0 of them without usable text, 2 row\(s\) without any label and 0",
        ),
        (
            [" ", ""],
            ["a", "b"],
            r"no row to score: none of the 2 labelled row\(s\) has a text the model can read in the column 'text'",
        ),
    ],
)
def test_nothing_to_score_is_an_input_error_not_a_traceback(texts, reasons, message):
    from taikai.errors import InputError

    df = pd.DataFrame(
        {"text": texts, "reasons": reasons, "sentiment": ["", ""] if not reasons[0] else ["positive"] * 2}
    )
    with pytest.raises(InputError, match=message):
        evaluate(StubModel(), df)


@pytest.mark.parametrize(
    ("options", "column", "shown"),
    [
        ({"text_column": "id"}, "id", "tmp.csv:2: no Japanese characters: the model only reads Japanese ('1')"),
        (  # a labels column not read as labels (text_column="reasons" is refused: tests/io/test_column_roles.py)
            {"text_column": "sentiment", "sentiment_column": None},
            "sentiment",
            "tmp.csv:2 (id 1): no Japanese characters: the model only reads Japanese ('negative')",  # id: found by name
        ),
        ({"text_column": "id", "split": "test"}, "id", "tmp.csv:3: no Japanese characters"),
    ],
)
def test_a_text_column_without_a_text_is_named_not_told_to_label_rows(tiny_model, tmp_path, options, column, shown):
    """Regression: every row labelled, the text column naming another column (an id, the labels), it said to "label
    some rows ... and evaluate again", which changes nothing; it now names the column and what its cells hold."""
    from taikai.errors import InputError

    path = tmp_path / "tmp.csv"
    rows = [
        "id,text,reasons,sentiment,split",
        "1,手数料が高い,fees,negative,test",
        "2,単価が安い,low_pay,negative,test",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        evaluate(tiny_model, path, **options)
    message = str(caught.value).replace(str(tmp_path) + "/", "")
    assert f"has a text the model can read in the column {column!r}" in message
    assert shown in message
    assert message.endswith(
        f"check that text_column={column!r} (--text-column on the command line) names the column of the Japanese "
        "review texts"
    )
    assert "label some rows" not in message


@pytest.mark.parametrize(
    ("rows", "line", "problem"),
    [
        ("あ,,,b\n", 2, "reasons: no label (only more_reasons); sentiment: no label"),
        ("あ,,negative,b\n", 2, "reasons: no label (only more_reasons)"),  # no primary reason: not trouble
        ("い,b,negative,\nあ,,positive,c\n", 3, "reasons: no label (only more_reasons)"),
    ],
)
def test_a_row_without_a_primary_reason_is_skipped_with_a_warning_as_train_add_does(tmp_path, rows, line, problem):
    """Regression: evaluate stopped on a partly filled sheet that train --add and rules test read."""
    from taikai.errors import DataWarning

    path = tmp_path / "half.csv"
    path.write_text("text,reasons,sentiment,more_reasons\n" + rows + "う,b,negative,\n", encoding="utf-8")
    with pytest.warns(DataWarning) as caught:
        report = evaluate(StubModel(), path)
    message = str(caught[0].message)
    assert message.startswith("1 row(s) labelled in part cannot be scored and were skipped:")
    assert f"{path}:{line}: {problem}" in message
    assert report.n_skipped == 1 and report.n_rows == rows.count("\n")
    assert "Skipped 1 row(s) labelled in part" in report.to_markdown()


@pytest.mark.parametrize(
    ("rows", "sentiment_rows", "sentiment_accuracy", "note"),
    [
        ("あ,a,\nい,b,\nう,a,negative\n", 1, 1.0, "Sentiment scored on 1 of the 3 scored rows"),
        ("あ,a,negative\nい,b,\nう,a,negative\n", 2, 0.5, "Sentiment scored on 2 of the 3 scored rows"),
        ("あ,a,\nい,b,\n", 0, None, "Sentiment scored on 0 of the 2 scored rows"),
        ("あ,a,positive\nい,b,negative\n", 2, 1.0, None),
    ],
)
def test_rows_coded_with_reasons_only_have_their_reasons_scored_not_their_sentiment(
    tmp_path, rows, sentiment_rows, sentiment_accuracy, note
):
    """Regression: a row with reasons and no sentiment was skipped as labelled in part, its reasons unscored."""
    path = tmp_path / "reasons.csv"
    path.write_text("text,reasons,sentiment\n" + rows, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is skipped, so nothing to warn about
        report = evaluate(StubModel(), path)
    assert (report.n_scored, report.n_skipped) == (rows.count("\n"), 0)
    assert report.reason.accuracy == 1.0 and sum(report.reason.support) == rows.count("\n")
    assert report.n_sentiment == sentiment_rows == report.to_dict()["n_sentiment_scored"]
    if sentiment_accuracy is None:
        assert report.sentiment is None and "sentiment_accuracy" not in report.summary()
    else:
        assert report.sentiment is not None and sum(report.sentiment.support) == sentiment_rows
        assert report.sentiment.accuracy == sentiment_accuracy
    markdown = report.to_markdown()
    if note:
        assert f"{note}: the others have reasons only (their reasons are scored)." in markdown
    else:
        assert "Sentiment scored on" not in markdown


@pytest.mark.parametrize(
    ("rows", "reason_rows", "reason_accuracy", "note"),
    [
        ("あ,,positive\nい,b,negative\nう,,positive\n", 1, 1.0, "Reasons scored on 1 of the 3 scored rows"),
        ("あ,a,positive\nい,a,negative\nう,,negative\n", 2, 0.5, "Reasons scored on 2 of the 3 scored rows"),
        ("あ,a,positive\nい,b,negative\n", 2, 1.0, None),
    ],
)
def test_rows_coded_with_a_sentiment_only_have_their_sentiment_scored_not_their_reasons(
    tmp_path, rows, reason_rows, reason_accuracy, note
):
    """Regression: a row with a sentiment and no reason was skipped as labelled in part, its sentiment unscored."""
    path = tmp_path / "sentiments.csv"
    path.write_text("text,reasons,sentiment\n" + rows, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is skipped, so nothing to warn about
        report = evaluate(StubModel(), path)
    n = rows.count("\n")
    assert (report.n_scored, report.n_skipped, report.n_sentiment) == (n, 0, n)
    assert report.n_reason == reason_rows == report.to_dict()["n_reason_scored"]
    assert sum(report.reason.support) == reason_rows and report.reason.accuracy == reason_accuracy
    assert report.sentiment is not None and sum(report.sentiment.support) == n
    markdown = report.to_markdown()
    if note:
        assert f"{note}: the others have a sentiment only (their sentiment is scored)." in markdown
    else:
        assert "Reasons scored on" not in markdown


def test_rows_all_coded_with_a_sentiment_only_say_there_is_no_reason_to_score(tmp_path):
    path = tmp_path / "sentiments.csv"
    path.write_text("text,reasons,sentiment\nあ,,positive\nい,,negative\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        evaluate(StubModel(), path)
    assert str(caught.value) == (
        f"{path}: no row with a reason to score: the 2 scorable row(s) have a sentiment only; label the reasons of "
        "some rows (the primary one first) and evaluate again"
    )


def test_no_sentiment_counts_rows_without_a_reason_as_blank_without_calling_them_empty(tmp_path):
    """Regression: the note said "reasons and sentiment both empty" of a row whose sentiment was filled."""
    path = tmp_path / "sheet.csv"
    path.write_text("text,reasons,sentiment\nあ,,negative\nい,b,negative\n", encoding="utf-8")
    report = evaluate(StubModel(), path, sentiment_column=None)
    assert report.n_blank == 1
    assert "Skipped 1 row(s) without any label (reasons empty; sentiment not read)." in report.to_markdown()


@pytest.mark.parametrize("given", ["str", "path", "none"])
def test_evaluate_takes_a_model_directory_or_none_as_check_drift_does(
    tiny_model, tiny_model_dir, tiny_csv, monkeypatch, given
):
    import taikai

    monkeypatch.setenv("TAIKAI_MODEL", str(tiny_model_dir))  # None: the default model, named by TAIKAI_MODEL
    spec = {"str": str(tiny_model_dir), "path": tiny_model_dir, "none": None}[given]
    with pytest.warns(taikai.DataWarning, match="40 of 40 rows"):  # the tiny model was trained on them
        report = taikai.evaluate(spec, tiny_csv)
    with pytest.warns(taikai.DataWarning):
        expected = evaluate(tiny_model, tiny_csv)
    assert report.to_dict() == expected.to_dict()


def test_evaluate_with_a_missing_model_directory_is_a_model_error(tiny_csv, tmp_path):
    import taikai

    with pytest.raises(taikai.ModelError, match=r"nope: no such model directory"):
        evaluate(str(tmp_path / "nope"), tiny_csv)


@pytest.mark.parametrize("version", [2, 3])
def test_a_model_keyed_before_references_were_decoded_finds_its_test_rows(tmp_path, tiny_csv, version):
    """Regression: a model trained before HTML references were decoded (row hashes version 2) on a file writing
    characters as '&#12356;' found none of its training rows, and evaluate --split test scored the whole file."""
    import base64
    import hashlib
    import json
    import warnings

    import taikai
    from taikai.model import RowHashes
    from taikai.text import normalize, same_text_key

    def v2_hash(text):  # by hand: the reference stays as written, the rest normalised and folded
        key = text[: text.index(";") + 1] + same_text_key(normalize(text[text.index(";") + 1 :]))
        return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")

    path = tmp_path / "refs.csv"
    df = pd.read_csv(tiny_csv)
    df["text"] = [f"&#{ord(text[0])};{text[1:]}" for text in df["text"]]  # each first character as a reference
    df.to_csv(path, index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        taikai.train(path, tmp_path / "m", folds=0, test_size=0.25, config=taikai.FeatureConfig())
    meta_path = tmp_path / "m" / "metadata.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    fitted = df["text"][RowHashes.from_dict(meta["training_data"]["row_hashes"]).contains(df["text"])]
    assert len(fitted) == 30
    if version == 2:  # the hashes an older taikai saved: of the text as written
        hashes = np.unique(np.array([v2_hash(text) for text in fitted], dtype=np.uint64))
        data = base64.b64encode(hashes.astype(">u8").tobytes()).decode("ascii")
        meta["training_data"]["row_hashes"] = {"version": 2, "count": len(hashes), "data": data}
        meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    model = taikai.load_model(tmp_path / "m")
    assert model.metadata.fitted_rows().version == version
    report = evaluate(model, path, split="test")
    assert (report.n_rows, report.overlap.seen) == (10, 0)
    assert "these are the 10 test rows it held out" in report.split_by


CONTACT = "担当の田中さん(090-1234-5678)に言われた。"


@pytest.fixture(scope="module")
def masked_model(tmp_path_factory, tiny_csv):
    """A model trained on the tiny file with a contact put before every text, masked (a suggest --mask-pii
    sheet), every fourth row held out; and the same file unmasked."""
    import taikai

    root = tmp_path_factory.mktemp("masked")
    rows = pd.read_csv(tiny_csv)
    rows["split"] = ["test" if i % 4 == 0 else "train" for i in range(len(rows))]
    rows["text"] = CONTACT + rows["text"]
    rows.to_csv(root / "raw.csv", index=False)
    rows.assign(text=[taikai.mask_pii(t).text for t in rows["text"]]).drop(columns="split").to_csv(
        root / "masked.csv", index=False
    )
    rows.assign(text=[taikai.mask_pii(t).text for t in rows["text"]]).to_csv(root / "masked_split.csv", index=False)
    taikai.train(root / "masked_split.csv", root / "model", folds=0)
    return root


@pytest.mark.parametrize(
    ("data", "split", "scored", "seen"),
    [  # regression: the unmasked rows of a model trained on them masked were found new (0 seen)
        ("raw.csv", "all", 40, 30),
        ("raw.csv", "test", 10, 0),
        ("masked.csv", "train", 30, 30),  # no split column: the row hashes choose the rows, masked or not
        ("masked.csv", "all", 40, 30),
    ],
)
def test_an_unmasked_row_of_a_model_trained_on_it_masked_was_trained_on(masked_model, data, split, scored, seen):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = evaluate(masked_model / "model", masked_model / data, split=split)
    assert report.overlap is not None
    assert (report.overlap.rows, report.overlap.seen) == (scored, seen)


def test_without_a_split_column_an_unmasked_row_is_told_fitted_on_by_its_masked_text(masked_model):
    raw = pd.read_csv(masked_model / "raw.csv").drop(columns="split")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = evaluate(masked_model / "model", raw, split="test")
    assert (report.overlap.rows, report.overlap.seen) == (10, 0)
    assert "the 10 row(s) this model was not fitted on" in (report.split_by or "")


@pytest.mark.parametrize(
    ("which", "placeholders", "seen", "masks"),
    [  # regression: evaluate masked every row it did not find (twice as slow), whatever the model was fitted on
        ("tiny", 0, 0, 0),  # fitted on no placeholder: no row is masked
        ("masked", 30, 30, 40),  # fitted on a masked sheet: the unmasked rows are masked to be found, as before
    ],
)
def test_evaluate_masks_rows_only_for_a_model_fitted_on_placeholders(
    monkeypatch, tiny_model_dir, masked_model, which, placeholders, seen, masks
):
    from dataclasses import replace

    import taikai
    from taikai.model import ModelMetadata
    from taikai.privacy._mask import PiiMasker

    model = taikai.load_model(tiny_model_dir if which == "tiny" else masked_model / "model")
    assert model.metadata.fitted_rows().placeholders == placeholders
    calls = []
    real = PiiMasker.mask
    monkeypatch.setattr(PiiMasker, "mask", lambda self, text: calls.append(text) or real(self, text))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = evaluate(model, masked_model / "raw.csv", split="all")
        assert (report.overlap.rows, report.overlap.seen, len(calls)) == (40, seen, masks)
        # as a model whose metadata does not count placeholders (the shipped one): every row not found is masked
        fitted_rows = ModelMetadata.fitted_rows
        monkeypatch.setattr(ModelMetadata, "fitted_rows", lambda self: replace(fitted_rows(self), placeholders=None))
        calls.clear()
        before = evaluate(model, masked_model / "raw.csv", split="all")
    assert (before.overlap.rows, before.overlap.seen, len(calls)) == (40, seen, 40)
    assert before.to_dict() == report.to_dict()


EDGE = ["Fees", "その他", "fees", "ｆｅｅｓ", "FEES", "手数料が高い"]
"""Gold reasons that name the taxonomy's fees and other in several spellings."""


@pytest.mark.parametrize(
    ("model_name", "unpredictable"),
    [
        ("taxonomy", None),  # every spelling is the taxonomy's fees or other, --free-labels or not
        ("own", {"fees": 2, "FEES": 1, "手数料が高い": 1}),  # labels of its own: Fees and その他 as written only
    ],
)
def test_gold_labels_are_read_as_the_model_s_labels_with_free_labels(
    tiny_model, tiny_csv, tmp_path, model_name, unpredictable
):
    """Pins the rule the README states: --free-labels does not decide how a label is read; the model's labels do
    (as written when they are labels of its own, the taxonomy's spellings when they are all taxonomy ids)."""
    import taikai

    model = tiny_model
    if model_name == "own":
        renamed = {"fees": "Fees", "other": "その他"}
        own = pd.read_csv(tiny_csv)
        own["reasons"] = ["|".join(renamed.get(x, x) for x in cell.split("|")) for cell in own["reasons"]]
        model = taikai.train(own, folds=0, test_size=0, free_labels=True, config=taikai.FeatureConfig(min_df=1))
        assert {"Fees", "その他"} <= set(model.reason_labels) and "fees" not in model.reason_labels
    texts = [
        "振込手数料が高い",
        "特に理由はない",
        "手数料が痛い",
        "システム利用料が高い",
        "出金手数料がかかる",
        "手数料で赤字",
    ]
    path = tmp_path / "edge3.csv"
    pd.DataFrame({"text": texts, "reasons": EDGE, "sentiment": "negative"}).to_csv(path, index=False)
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        report = evaluate(model, path, free_labels=True)
    if unpredictable is None:
        assert report.unpredictable == [] and report.to_dict()["unpredictable_gold_labels"] == {}
        assert set(report.reason.labels) >= {"fees", "other"} and "Fees" not in report.reason.labels
    else:
        assert report.to_dict()["unpredictable_gold_labels"] == {"reason": {"rows": 4, "labels": unpredictable}}


@pytest.mark.parametrize(
    ("split", "blank", "skipped", "headline"),
    [
        ("all", 0, 0, "Scored 9 of 10 rows."),
        ("all", 5, 2, "Scored 9 of 17 rows (5 without any label, 2 labelled in part)."),
        ("test", 0, 0, "Scored 9 of 10 rows (split: test)."),
        ("test", 5, 0, "Scored 9 of 10 rows (split: test); 40 read, 5 without any label."),
    ],
)
def test_the_headline_counts_the_rows_read_and_those_skipped(split, blank, skipped, headline):
    report = evaluate(StubModel(), pd.DataFrame({"text": ["あ"], "reasons": ["a"], "sentiment": ["positive"]}))
    report.n_scored, report.n_rows, report.n_blank, report.n_skipped, report.split = 9, 10, blank, skipped, split
    report.n_read = 40 if split == "test" else None
    assert report.headline() == headline and report.to_markdown().splitlines()[0] == headline


@pytest.mark.parametrize(
    ("refit", "split", "same_file", "said", "not_said"),
    [
        (True, "test", False, "so no split holds out rows for it; its held-out figures", "split='test'"),
        (True, "all", False, "metadata's metrics (taikai info -m MODEL_DIR prints them)", "split='test'"),
        (True, "test", True, "so no split holds out rows for it", "split='test'"),
        (False, "test", False, "the test rows of this file's split column are not the rows the model held", "split="),
        # its own training file's test rows: the rows counted are test rows with the text of a training row
        (False, "test", True, "these are the test rows its training file held out, but the ones counted", "split="),
        (False, "train", False, "split='test' (--split test on the command line) scores the test rows", "refit_all"),
        (False, "all", False, "split='test' (--split test on the command line) scores the test rows", "refit_all"),
    ],
)
def test_the_training_overlap_advice_never_names_the_split_given(refit, split, same_file, said, not_said):
    """Regression: a model refit on all rows, evaluated with --split test, was advised to use --split test."""
    from taikai.evaluation import TrainingOverlap

    overlap = TrainingOverlap(rows=10, seen=3, same_file=same_file, refit_on_all_rows=refit, split=split)
    warning = overlap.warning()
    assert warning is not None and said in warning and not_said not in warning


@pytest.mark.parametrize(
    ("refit", "split", "warned"),
    [
        (False, "test", False),  # its training file's split column: the test rows scored are those it held out
        (False, "all", True),
        (True, "test", True),  # refit on them too
    ],
)
def test_a_model_without_row_hashes_on_its_training_file_is_warned_unless_its_test_rows_are_scored(
    refit, split, warned
):
    """Regression: --split test on the very file (and split column) a model held its test rows out of was told
    that it remembers them, and to give --split test."""
    from taikai.evaluation import TrainingOverlap

    overlap = TrainingOverlap(rows=10, seen=None, same_file=True, refit_on_all_rows=refit, split=split)
    assert (overlap.warning() is not None) is warned


@pytest.mark.parametrize(
    ("seen", "rows", "said"),
    [
        (199, 200, "199 of 200 rows (99.5 %) were in this model's training data"),  # regression: (100 %)
        (1, 300, "1 of 300 rows (0.3 %) were in this model's training data"),  # not (0 %)
        (312, 734, "312 of 734 rows (43 %) were in this model's training data"),
        (200, 200, "200 of 200 rows (100 %) were in this model's training data"),
    ],
)
def test_the_training_overlap_share_is_not_rounded_to_all_or_none(seen, rows, said):
    from taikai.evaluation import TrainingOverlap

    warning = TrainingOverlap(rows=rows, seen=seen).warning()
    assert warning is not None and warning.startswith(said)


UNLABELLED = "no labels, as in an unlabelled dump of reviews; evaluate scores the model against labels people gave"


@pytest.mark.parametrize(
    ("columns", "sentiment_column", "said"),
    [
        (
            ["review_id", "text"],
            "sentiment",
            f"no column 'reasons' nor 'sentiment': the columns are ['review_id', 'text'], {UNLABELLED}",
        ),
        (["review_id", "text"], None, f"no column 'reasons': the columns are ['review_id', 'text'], {UNLABELLED}"),
        (["text", "Reasons", "Sentiment"], "sentiment", "no column 'reasons' (did you mean 'Reasons'?) nor "),
        (["text", "sentiment"], "sentiment", "no column 'reasons'; the columns are"),  # labelled in part: as before
        # labels, renamed: the argument that reads them first (taikai.evaluation._unlabelled's own tests)
        (["text", "label"], "sentiment", "no column 'reasons' nor 'sentiment', but 'label' looks to hold labels: "),
        (["text\treasons\tsentiment"], "sentiment", "The one column name holds tabs"),  # the wrong separator
    ],
)
def test_evaluate_on_a_file_without_labels_says_it_looks_like_a_dump(
    tiny_model, tmp_path, columns, sentiment_column, said
):
    """Regression: an unlabelled dump was told to pass --reasons-column and --sentiment-column, or --no-sentiment."""
    path = tmp_path / "dump.csv"
    pd.DataFrame([["x"] * len(columns)], columns=columns).to_csv(path, index=False)
    with pytest.raises(InputError) as caught:
        evaluate(tiny_model, path, sentiment_column=sentiment_column)
    assert said in str(caught.value)
    assert ("taikai batch" in str(caught.value)) == (UNLABELLED in said)


def test_unpredictable_gold_labels_are_told_reasons_first_then_sentiments():
    """The reason head is scored and reported first; its unpredictable labels are warned of before the sentiment's."""
    import taikai

    df = pd.DataFrame(
        {"text": ["あ", "い", "う"], "reasons": ["zz", "b", "a"], "sentiment": ["positive", "calm", "negative"]}
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = evaluate(StubModel(), df, free_labels=True)
    assert [(u.head, u.rows, u.labels) for u in report.unpredictable] == [
        ("reason", 1, {"zz": 1}),
        ("sentiment", 1, {"calm": 1}),
    ]
    told = [str(w.message) for w in caught if issubclass(w.category, taikai.DataWarning)]
    assert [("gold reason" in t, "gold sentiment" in t) for t in told] == [(True, False), (False, True)]
    assert list(report.to_dict()["unpredictable_gold_labels"]) == ["reason", "sentiment"]


@pytest.mark.parametrize(("empty", "cut"), [(4, False), (5, False), (6, True)])
def test_the_unscored_rows_are_listed_whole_up_to_five_and_cut_past_that(empty, cut):
    df = pd.DataFrame({"text": [" "] * empty + ["あ"], "reasons": ["a"] * (empty + 1)})
    text = evaluate(StubModel(), df, sentiment_column=None).to_markdown()
    listed = [line for line in text.splitlines() if line.startswith("- <frame>: row ")]
    assert len(listed) == min(empty, 5)
    assert ("- … and" in text) is cut


@pytest.mark.parametrize(
    ("rows", "conflicting"),
    [
        # two labellers' sheets put together: one text, two primary reasons
        ([["あ", "a", "positive"], ["い", "b", "negative"], ["あ", "b", "positive"]], (1, 2)),
        # the same text, another sentiment
        ([["あ", "a", "positive"], ["あ", "a", "negative"]], (1, 2)),
        # a text labelled twice alike is no conflict
        ([["あ", "a", "positive"], ["い", "b", "negative"], ["あ", "a", "positive"]], (0, 0)),
    ],
)
def test_evaluate_warns_of_a_text_labelled_in_different_ways(tmp_path, rows, conflicting):
    path = tmp_path / "two_labellers.csv"
    pd.DataFrame(rows, columns=["text", "reasons", "sentiment"]).to_csv(path, index=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = evaluate(StubModel(), path)
    said = [str(w.message) for w in caught if "labelled in different ways" in str(w.message)]
    assert (report.conflicts.texts, report.conflicts.rows) == conflicting
    assert report.to_dict()["label_conflicts"]["texts"] == conflicting[0]
    if conflicting[0]:
        assert said == [f"{path}: {report.warnings()[0]}"]
        assert f"{path}:2 (a, positive) and {path}:" in said[0]
        assert "scored wrong on one of them" in report.to_markdown()
    else:
        assert not said and not report.warnings()
