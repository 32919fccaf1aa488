"""bench/verdict.py: a figure against its bound reads MET or MISSED, the summary names what was missed, and a bench
exits 1 when any target is missed."""

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # the benches import their siblings by name, as when run as scripts

verdict = importlib.import_module("verdict")
Target = verdict.Target


@pytest.mark.parametrize(
    ("target", "line"),
    [
        (Target("batch/raw", 0.46, 0.55), "MISSED batch/raw: 0.460 (target >= 0.55)"),
        (Target("batch/raw", 0.55, 0.55), "MET    batch/raw: 0.550 (target >= 0.55)"),
        (Target("jobs2/jobs1", 1.83, 1.7), "MET    jobs2/jobs1: 1.830 (target >= 1.7)"),
        (Target("predict", 1.03, 1.0, at_most=True), "MISSED predict: 1.030 (target <= 1)"),
        (Target("predict", 1.0, 1.0, at_most=True), "MET    predict: 1.000 (target <= 1)"),
        (Target("peak", 476.25, 500.0, at_most=True, unit=" MB"), "MET    peak: 476.250 MB (target <= 500 MB)"),
        (Target("peak", 512.0, 500.0, at_most=True, unit=" MB"), "MISSED peak: 512.000 MB (target <= 500 MB)"),
    ],
)
def test_a_target_reads_met_or_missed_with_figure_and_bound(target, line):
    assert target.line() == line
    assert target.met == line.startswith("MET")


MET, MISSED = Target("a", 1.0, 0.5), Target("b", 0.4, 0.5)


@pytest.mark.parametrize(
    ("targets", "summary", "code"),
    [
        ([MET, MET], "verdict: all targets MET (2 of 2)", 0),
        ([MET, MISSED], "verdict: 1 of 2 targets MISSED: b", 1),
        ([MISSED, Target("c", 2.0, 1.0, at_most=True)], "verdict: 2 of 2 targets MISSED: b; c", 1),
        ([], "verdict: no target judged in this run", 0),
    ],
)
def test_the_summary_and_exit_code_follow_the_missed_targets(targets, summary, code):
    assert verdict.summary(targets) == summary
    assert verdict.exit_code(targets) == code


@pytest.mark.parametrize(("targets", "code"), [([MET], 0), ([MET, MISSED], 1)])
def test_finish_prints_every_verdict_and_exits_with_the_code(capsys, targets, code):
    with pytest.raises(SystemExit) as exc:
        verdict.finish(targets)
    assert exc.value.code == code
    lines = capsys.readouterr().out.splitlines()
    assert lines == [*(t.line() for t in targets), verdict.summary(targets)]
