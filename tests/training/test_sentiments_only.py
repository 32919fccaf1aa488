"""Rows coded with a sentiment only (no reason) train the sentiment head: never held out, scored per head."""

import warnings

import pandas as pd
import pytest

import taikai
from taikai import FeatureConfig, InputError
from taikai.model._figures import describe_heads
from taikai.training import SkippedRowsWarning

CONFIG = FeatureConfig(min_df=1)
LAST_OF_EACH = set(range(4, 40, 5))
"""One row of each of the tiny fixture's 8 reasons (5 rows each): their reasons left empty keeps 4 of each."""
FIRST_OF_EACH = set(range(0, 40, 5))


def coded(tiny_csv, no_reason=(), no_sentiment=()):
    """Return the tiny fixture with the reasons of the rows *no_reason* and the sentiment of *no_sentiment* empty."""
    df = pd.read_csv(tiny_csv, keep_default_na=False)
    return df.assign(
        reasons=["" if i in no_reason else r for i, r in enumerate(df["reasons"])],
        sentiment=["" if i in no_sentiment else s for i, s in enumerate(df["sentiment"])],
    )


@pytest.mark.parametrize(
    ("no_reason", "no_sentiment", "options", "heads", "cv_rows", "line"),
    [
        (
            LAST_OF_EACH,
            (),
            {"test_size": 0},
            {"reason_rows": 32, "sentiment_rows": 40, "fitted_rows": 40},
            {"reason_rows": 32, "sentiment_rows": 32},
            "reason head 32 rows (not the 8 with a sentiment only), sentiment head 40",
        ),
        (  # the test rows are drawn from the 32 with a reason (8 of them); the other 8 all train
            LAST_OF_EACH,
            (),
            {"test_size": 0.25},
            {"reason_rows": 24, "sentiment_rows": 32, "fitted_rows": 32},
            {"reason_rows": 24, "sentiment_rows": 24},
            "reason head 24 rows (not the 8 with a sentiment only), sentiment head 32",
        ),
        (
            LAST_OF_EACH,
            FIRST_OF_EACH,
            {"test_size": 0},
            {"reason_rows": 32, "sentiment_rows": 32, "fitted_rows": 40},
            {"reason_rows": 32, "sentiment_rows": 24},
            "reason head 32 rows (not the 8 with a sentiment only), sentiment head 32 (not the 8 with reasons only)",
        ),
        (
            (),
            FIRST_OF_EACH,
            {"test_size": 0},
            {"reason_rows": 40, "sentiment_rows": 32, "fitted_rows": 40},
            {"sentiment_rows": 32},
            "reason head 40 rows, sentiment head 32 (not the 8 with reasons only)",
        ),
        ((), (), {"test_size": 0}, {}, {}, None),  # every row labelled both ways: nothing to say, as before
    ],
)
def test_rows_coded_with_a_sentiment_only_train_the_sentiment_head(
    tiny_csv, no_reason, no_sentiment, options, heads, cv_rows, line
):
    """Regression: a row with a sentiment and no reason was skipped ("reasons: no label"), its sentiment unlearned."""
    df = coded(tiny_csv, no_reason, no_sentiment)
    with warnings.catch_warnings():
        warnings.simplefilter("error", SkippedRowsWarning)  # no row is skipped
        model = taikai.train(df, config=CONFIG, folds=2, **options)
    data = model.metadata.training_data.to_dict()
    assert {k: data[k] for k in ("reason_rows", "sentiment_rows", "fitted_rows") if k in data} == heads
    assert "skipped_rows" not in data
    cv = model.metadata.metrics.cv.to_dict()
    assert {k: cv[k] for k in ("reason_rows", "sentiment_rows") if k in cv} == cv_rows
    assert model.metadata.reasons == tuple(sorted({r.split("|")[0] for r in df["reasons"] if r}))
    assert set(model.metadata.reason_thresholds) == set(model.metadata.reasons)
    assert describe_heads(model.metadata) == line
    drift, fitted_rows = model.metadata.drift, data.get("fitted_rows", data["train_rows"])
    # the figures are of the rows a fold held out (those with a reason); the word table of every training row
    assert drift is not None and (drift.rows, drift.word_rows) == (cv.get("reason_rows", fitted_rows), fitted_rows)
    if model.metadata.metrics.test is not None:  # every test row has a reason: none without one is held out
        report = model.metadata.metrics.test.report
        assert (report["n_scored"], report["n_reason_scored"]) == (8, 8)
        fitted = model.metadata.fitted_rows()
        assert fitted is not None and data["test_rows"] == 8
        assert fitted.contains(df["text"].iloc[sorted(no_reason)], model.metadata.max_chars).all()


def test_test_rows_of_a_split_column_without_a_reason_have_their_sentiment_scored(tiny_csv):
    """A split column decides: a test row coded with a sentiment only is scored on its sentiment alone."""
    df = coded(tiny_csv, LAST_OF_EACH)
    df["split"] = ["test" if i % 5 in (0, 4) else "train" for i in range(len(df))]
    model = taikai.train(df, config=CONFIG, folds=0)
    report = model.metadata.metrics.test.report
    assert (report["n_scored"], report["n_reason_scored"], report["n_sentiment_scored"]) == (16, 8, 16)
    assert sum(c["support"] for c in report["reason"]["per_class"].values()) == 8
    assert sum(c["support"] for c in report["sentiment"]["per_class"].values()) == 16


@pytest.mark.parametrize("given", ["frame", "file"])
def test_a_split_column_whose_test_rows_all_lack_a_reason_is_refused_before_training(tiny_csv, tmp_path, given):
    """The test scores reasons: test rows with a sentiment only leave it nothing to score, said up front (it was
    found after fitting, as evaluate's error, naming <frame> for the file and advising to evaluate again)."""
    df = coded(tiny_csv, LAST_OF_EACH)
    df["split"] = ["test" if i % 5 == 4 else "train" for i in range(len(df))]
    data = df if given == "frame" else tmp_path / "split.csv"
    if given == "file":
        df.to_csv(data, index=False)
    with pytest.raises(InputError) as caught:
        taikai.train(data, config=CONFIG, folds=0)
    name = "<frame>" if given == "frame" else str(data)
    assert str(caught.value).startswith(
        f"{name}: the 8 test row(s) of its split column have a sentiment only, but the test scores reasons: it needs "
        "test rows with a reason\nrows: 40 read, 40 usable, 0 skipped\nwhat to do: label the reasons of some test "
        "rows (the primary one first), or mark some rows with a reason test in the split column"
    )


def test_rows_without_a_reason_are_in_no_cross_validation_fold():
    """They train in every fold and are scored by none: the out-of-fold rows are those with a reason."""
    from taikai.training._cv import cross_validate

    df = pd.DataFrame(
        {
            "text": [f"手数料が高い{i}件目" for i in range(4)]
            + [f"時間がない{i}件目" for i in range(4)]
            + ["不明"] * 2,
            "primary": ["fees"] * 4 + ["time"] * 4 + [""] * 2,
            "label_set": [["fees"]] * 4 + [["time"]] * 4 + [[]] * 2,
            "sentiment": ["negative"] * 4 + ["neutral"] * 4 + ["positive"] * 2,
        }
    )
    scores, thresholds, held_out = cross_validate(df, CONFIG, folds=2, seed=0)
    assert held_out is not None and sorted(i for rows, _ in held_out.folds for i in rows) == list(range(8))
    assert (scores["folds"], scores["reason_rows"], scores["sentiment_rows"]) == (2, 8, 8)
    assert set(thresholds) == {"fees", "time"}


def test_a_test_share_too_small_counts_the_rows_with_a_reason(tiny_csv):
    """The stratified test rows are drawn from the rows with a reason: the advice counts those."""
    with pytest.raises(InputError) as caught:
        taikai.train(coded(tiny_csv, LAST_OF_EACH), config=CONFIG, folds=0)
    assert str(caught.value).startswith(
        "test_size=0.2 (--test-size 0.2 on the command line) holds out 7 of the 32 rows with a reason (the 8 with a "
        "sentiment only all "
        "train), fewer than their 8 primary reasons"
    )
    assert "hold out at least 8 rows with test_size=0.22 (--test-size 0.22 on the command line) or more" in str(
        caught.value
    )


def test_data_without_any_reason_says_so(tiny_csv):
    df = coded(tiny_csv, set(range(40)))
    with pytest.raises(InputError) as caught:
        taikai.train(df, config=CONFIG, folds=0, test_size=0)
    assert str(caught.value).startswith("a model needs at least two different reasons, and the 40 usable row(s) have")


def test_a_row_with_a_sentiment_only_is_skipped_by_a_training_without_sentiment(tiny_csv):
    """--no-sentiment reads no sentiment: such a row has nothing to train, and the skipped list says so."""
    df = coded(tiny_csv, {4})
    with pytest.warns(SkippedRowsWarning) as caught:
        model = taikai.train(df, config=CONFIG, folds=0, test_size=0, sentiment_column=None)
    assert "sentiment, which --no-sentiment does not read: nothing to train" in str(caught[0].message)
    assert model.metadata.training_data.skipped_rows == 1 and model.metadata.training_data.reason_rows is None
