"""The drift report's verdict: any figure past its threshold, of the whole dump or of one of its periods."""

from dataclasses import replace

import pytest

from taikai.drift import MIN_ROWS, DriftReport, PeriodDrift, Verdict
from taikai.model import DriftStatistics
from tests.drift.test_figures import REFERENCE

DRIFTED = replace(REFERENCE, oov_tokens=600)  # OOV 30 %: past the reference's 5 % + 5 points, and chance at 100 rows


@pytest.mark.parametrize(
    ("whole", "period", "verdict", "drifted"),
    [
        (REFERENCE, REFERENCE, Verdict.NO_DRIFT, []),
        (REFERENCE, DRIFTED, Verdict.DRIFT, ["2025-07"]),  # one month past a limit, the whole dump not
        (DRIFTED, REFERENCE, Verdict.DRIFT, []),
    ],
    ids=["none", "a period", "the whole dump"],
)
def test_a_period_past_a_limit_makes_the_dump_drift(whole, period, verdict, drifted):
    """Mutation audit: a verdict taken from the whole dump alone survived (no test had a period drift alone)."""
    report = DriftReport(
        "dump.csv",
        REFERENCE,
        "reference.csv",
        PeriodDrift.of("all", whole, REFERENCE),
        (PeriodDrift.of("2025-07", period, REFERENCE),),
        date_column="posted_at",
        freq="M",
    )
    assert (report.alert, report.verdict, report.drifted_periods) == (verdict is Verdict.DRIFT, verdict, drifted)
    assert report.verdict_line() == f"drift: {verdict}"
    assert any(r.startswith("2025-07: token OOV rate") for r in report.reasons) is bool(drifted)
    assert report.to_text().splitlines()[-1] == f"drift: {verdict}"


TINY = DriftStatistics("tiny", rows=5, confidence=(5,) + (0,) * 19)  # 5 classified rows: too few to judge


@pytest.mark.parametrize(
    ("dump", "reference", "name", "said"),
    [
        (REFERENCE, TINY, "training statistics of the model m", "the model's stored statistics come from too few rows"),
        (REFERENCE, TINY, "ref.csv", "the reference (ref.csv) is too small or holds no classifiable Japanese text"),
        (DriftStatistics("dump"), REFERENCE, "ref.csv", "dump.csv has no rows; check a dump that holds reviews"),
        (TINY, REFERENCE, "ref.csv", f"check a larger dump (at least {MIN_ROWS} classifiable reviews)"),
    ],
    ids=["stored statistics", "reference file", "empty dump", "small dump"],
)
def test_a_report_not_judged_says_which_side_to_make_larger(dump, reference, name, said):
    """Mutation audit: the advice for the model's own statistics (retrain) was never tested; the reference file's
    stood in its place unseen."""
    report = DriftReport("dump.csv", reference, name, PeriodDrift.of("all", dump, reference))
    assert report.verdict is Verdict.NOT_JUDGED
    assert report.what_to_do().startswith(said)


@pytest.mark.parametrize(
    ("period", "stats", "shown"),
    [
        # regression: report.periods (and report.overall) showed every count, bin and figure field by field, some
        # 3,000 characters per period in a notebook
        ("2025-07", DRIFTED, "PeriodDrift(2025-07: 100 rows, 100 classified; drift: yes (token OOV rate))"),
        ("all", REFERENCE, "PeriodDrift(all: 100 rows, 100 classified; drift: no)"),
        ("2025-08", TINY, "PeriodDrift(2025-08: 5 rows, 5 classified; drift: too few rows)"),
    ],
)
def test_a_period_shows_its_rows_and_verdict_on_one_line(period, stats, shown):
    assert repr(PeriodDrift.of(period, stats, REFERENCE)) == shown
    assert repr((PeriodDrift.of(period, stats, REFERENCE),)) == f"({shown},)"  # as report.periods shows it
