"""The warning about gold labels a model cannot predict names the commonest and counts the rest."""

import pytest

from taikai.evaluation import score_multi, score_single
from taikai.evaluation._result import EvaluationReport, Unpredictable


@pytest.mark.parametrize(
    ("labels", "named", "more"),
    [
        (3, 3, None),
        (10, 10, None),
        (11, 10, ", and 1 more (11 in all; every one"),
        (300, 10, ", and 290 more (300 in all; "),
    ],
    ids=["few", "ten", "eleven", "three-hundred"],
)
def test_the_warning_names_ten_labels_and_says_where_every_one_is(labels, named, more):
    """Regression: evaluating a --free-labels model on data of hundreds of new labels warned with every one of them
    (twice: on stderr and in the report)."""
    counts = {f"l{i:03d}": labels - i for i in range(labels)}  # the commonest first, as evaluate orders them
    warning = Unpredictable("reason", sum(counts.values()), counts).warning()
    assert [f"'l{i:03d}' ({labels - i:,} row(s))" in warning for i in range(labels)] == [
        i < named for i in range(labels)
    ]
    if more is None:
        assert "more" not in warning and "--json report" not in warning
    else:
        assert more in warning and "every one in the --json report, 'unpredictable_gold_labels'" in warning
    assert warning.endswith("or leave those rows out to score what the model can predict.")


def _report(reasons: int, sentiments: int | None) -> EvaluationReport:
    reason = score_single(["a"] * reasons, ["a"] * reasons, ["a", "b"])
    sentiment = None if sentiments is None else score_single(["p"] * sentiments, ["p"] * sentiments, ["p", "n"])
    multi = score_multi([["a"]] * reasons, [["a"]] * reasons, ["a", "b"])
    return EvaluationReport(reasons, reasons, [], reason, multi, sentiment)


@pytest.mark.parametrize(
    ("reasons", "sentiments", "caution"),
    [
        (29, 29, "Few rows: scored on 29 rows, where one row moves an accuracy by 0.034, and a label's F1 by more"),
        (29, None, "Few rows: scored on 29 rows, where one row moves an accuracy by 0.034"),
        (
            30,
            12,
            "Few rows: the reasons scored on 30 rows, where one row moves the accuracy by 0.033; the sentiment scored "
            "on 12 rows, where one row moves the accuracy by 0.083, and",
        ),
        (60, 12, "Few rows: the sentiment scored on 12 rows, where one row moves the accuracy by 0.083, and"),
        (50, 50, None),  # enough rows: no caution
    ],
)
def test_scores_on_few_rows_are_said_to_be_rough(reasons, sentiments, caution):
    """Regression: 29 labelled rows gave an accuracy and per-label F1 as bare, as if firm figures."""
    report = _report(reasons, sentiments)
    found = report.few_rows()
    if caution is None:
        assert found is None and "Few rows" not in report.to_markdown()
    else:
        assert found is not None and found.startswith(caution)
        assert found in report.to_markdown().splitlines()
