"""bench/bench_report.py: both commands timed the same way, and report / batch as the ratio of their medians."""

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # the benches import their siblings by name, as when run as scripts

bench_report = importlib.import_module("bench_report")


@pytest.mark.parametrize(
    ("batch", "report", "expected"),
    [
        ([1.5, 1.4, 1.6], [3.0, 3.2, 2.9], (1.5, 3.0, 2.0)),
        ([2.0, 9.0, 2.2, 2.1], [2.0, 2.2, 2.4, 3.0], (2.15, 2.3, 2.3 / 2.15)),  # an outlier does not move it
        ([4.0], [1.0], (4.0, 1.0, 0.25)),
    ],
)
def test_compare_is_the_ratio_of_the_medians(batch, report, expected):
    got = bench_report.compare(batch, report)
    assert (got.batch, got.report, got.ratio) == pytest.approx(expected)


def test_both_commands_are_processes_of_the_taikai_script(tmp_path):
    batch = bench_report.batch_command(tmp_path / "dump.csv", tmp_path / "out.csv")
    report = bench_report.report_command(tmp_path / "pred.csv", tmp_path / "r.html")
    assert batch[0] == report[0] == str(Path(sys.executable).with_name("taikai"))
    assert batch[1:5] == ["batch", str(tmp_path / "dump.csv"), "-o", str(tmp_path / "out.csv")]
    assert report[1:] == [
        "report", str(tmp_path / "pred.csv"), "-o", str(tmp_path / "r.html"), "--date-column", "posted_at", "--by",
        "platform",
    ]  # fmt: skip


def test_unlink_run_deletes_the_output_and_its_summary(tmp_path):
    out, summary, other = tmp_path / "batch.csv", tmp_path / "batch.summary.json", tmp_path / "predictions.csv"
    for path in (out, summary, other):
        path.write_text("x", encoding="utf-8")
    bench_report.unlink_run(out)
    bench_report.unlink_run(tmp_path / "missing.csv")  # nothing to delete: no error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["predictions.csv"]
