"""Time of ``taikai report`` on a classified dump against ``taikai batch`` classifying it, measured in one run.

``python bench/bench_report.py [--input data/sample_dump.csv] [--workdir /tmp/bench-report] [--repeat 3]``
``python bench/bench_report.py --rows 1000000 [--workdir /tmp/bench-report] [--src BEFORE/src --src AFTER/src]``

Classifies the input once (``taikai batch``) for the predictions the report reads. Then, ``--repeat`` times and
alternately (batch, report, batch, report, ...: load on the shared machine hits both alike), it times the two
commands the same way, each a process of its own with its start-up (wall and CPU seconds, from ``wait4``):
``taikai batch INPUT -o batch.csv --text-column text --id-column review_id -q`` and ``taikai report
predictions.csv -o r.html --date-column posted_at --by platform``. It prints their medians and **report / batch**,
the ratio of the medians (wall and CPU). Then it builds the report ``--repeat`` times more in this process (taikai
imported and warm, no start-up), timing each stage: reading the predictions, the section builders (tables, tests,
distinctive words), drawing and encoding the charts, subsetting the font; and prints the page's size with the
embedded font's share.

With ``--rows N`` it measures memory at scale instead (see :mod:`bench_report_rows`): a dump of N rows built from the
sample dump, ``taikai batch --jobs 2`` and ``taikai report`` as processes (wall time, peak RSS) and reading alone;
with ``--src`` twice, for two checkouts in turn in one run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench_report_rows import measured, run_rows

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from script_main import ScriptError, says_errors

ROOT = Path(__file__).resolve().parent.parent
TAIKAI = str(Path(sys.executable).with_name("taikai"))


@dataclass(frozen=True)
class Comparison:
    """Two commands timed alternately: their median seconds and the ratio of the medians (report / batch)."""

    batch: float
    report: float
    ratio: float


def compare(batch: list[float], report: list[float]) -> Comparison:
    """Return the medians of *batch* and *report* (seconds of the alternating runs) and their ratio."""
    b, r = statistics.median(batch), statistics.median(report)
    return Comparison(b, r, r / b)


def batch_command(dump: Path, output: Path) -> list[str]:
    """Return ``taikai batch`` classifying *dump* into *output*, as the bench runs it."""
    return [TAIKAI, "batch", str(dump), "-o", str(output), "--text-column", "text", "--id-column", "review_id", "-q"]


def report_command(predictions: Path, page: Path) -> list[str]:
    """Return ``taikai report`` of *predictions* into *page*, as the bench runs it."""
    return [TAIKAI, "report", str(predictions), "-o", str(page), "--date-column", "posted_at", "--by", "platform"]


def unlink_run(predictions: Path) -> None:
    """Delete *predictions* and the summary batch writes beside it, so that a batch run starts afresh."""
    for stale in (predictions, predictions.with_name(f"{predictions.stem}.summary.json")):
        stale.unlink(missing_ok=True)


@says_errors()
def main(argv: list[str] | None = None) -> None:
    """Classify, time batch and report alternately as commands, then the report's stages in this process."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=ROOT / "data" / "sample_dump.csv")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-report"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", type=int, help="measure a dump of this many rows in processes (peak memory)")
    parser.add_argument(
        "--src",
        type=Path,
        action="append",
        help="with --rows: a checkout's src directory for PYTHONPATH; twice to compare two checkouts in one run",
    )
    args = parser.parse_args(argv)
    if args.src and not args.rows:
        parser.error("--src goes with --rows (the memory bench); without --rows the current PYTHONPATH is timed")
    if args.src and len(args.src) > 2:
        parser.error(f"--src: at most two checkouts to compare, not {len(args.src)}")
    if args.rows:
        run_rows(args.rows, args.workdir, args.src)
        return
    if not args.input.is_file():
        raise ScriptError(f"{args.input}: no such file; give a dump CSV with --input (e.g. data/sample_dump.csv)")
    args.workdir.mkdir(parents=True, exist_ok=True)
    predictions = args.workdir / "predictions.csv"
    unlink_run(predictions)
    subprocess.run(batch_command(args.input, predictions), check=True)  # the predictions the report reads
    batch, report = (
        batch_command(args.input, args.workdir / "batch.csv"),
        report_command(predictions, args.workdir / "r.html"),
    )
    wall: dict[str, list[float]] = {"batch": [], "report": []}
    cpu: dict[str, list[float]] = {"batch": [], "report": []}
    for _ in range(args.repeat):  # alternating: batch, report, batch, report, ...
        for name, command in (("batch", batch), ("report", report)):
            if name == "batch":
                unlink_run(args.workdir / "batch.csv")
            seconds, _, _, cpu_seconds = measured(command)
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
    by_wall, by_cpu = compare(wall["batch"], wall["report"]), compare(cpu["batch"], cpu["report"])
    stages, page, rows = in_process(predictions, args.repeat)
    print(f"{args.input.name}: {rows:,} rows; load average {Path('/proc/loadavg').read_text().split()[0]}")
    for name, values in wall.items():
        shown = ", ".join(f"{w:.2f}" for w in values)
        print(
            f"taikai {name:<6} (command, with start-up): {statistics.median(values):6.2f} s median of {shown}; "
            f"CPU {statistics.median(cpu[name]):6.2f} s"
        )
    print(f"report / batch (commands, medians): {by_wall.ratio:.2f} wall, {by_cpu.ratio:.2f} CPU")
    print("the report built in this process (taikai imported, warm, no start-up):")
    for name, values in stages.items():
        print(f"  {name:<34} {statistics.median(values):6.2f} s (median of {len(values)})")
    font = len(page.split('format("woff")')[0].split("base64,")[-1]) if "@font-face" in page else 0
    print(f"page: {len(page.encode()) / 1024:,.0f} KiB, of which the embedded font {font / 1024:,.0f} KiB (base64)")


def in_process(predictions: Path, repeat: int) -> tuple[dict[str, list[float]], str, int]:
    """Build the report of *predictions* *repeat* times in this process; return each stage's seconds, the page and
    the number of rows."""
    from taikai.analysis._report import _build, _render
    from taikai.io import read_predictions, read_summary

    stages: dict[str, list[float]] = {}

    def timed(name: str, function, *a, **k):  # type: ignore[no-untyped-def]
        begin = time.perf_counter()
        out = function(*a, **k)
        stages.setdefault(name, []).append(time.perf_counter() - begin)
        return out

    original_sections, original_font = _build.build_sections, _render.font_face
    _build.build_sections = lambda ctx, steps=None: timed(
        "sections (tables, tests, words)", original_sections, ctx, steps
    )
    _render.font_face = lambda text: timed("font subset", original_font, text)
    page, rows = "", 0
    try:
        for _ in range(repeat):
            begin = time.perf_counter()
            frame = timed("read predictions", read_predictions, predictions)
            rows = len(frame)
            page = _build.build_report(
                frame,
                "posted_at",
                "platform",
                source=predictions.name,
                run=read_summary(predictions),
                source_path=predictions,
            )
            stages.setdefault("whole report", []).append(time.perf_counter() - begin)
    finally:
        _build.build_sections, _render.font_face = original_sections, original_font
    whole = statistics.median(stages["whole report"])
    known = sum(statistics.median(v) for k, v in stages.items() if k != "whole report")
    stages["charts and rendering (the rest)"] = [whole - known]
    return stages, page, rows


if __name__ == "__main__":
    sys.exit(main())
