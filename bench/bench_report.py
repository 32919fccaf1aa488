"""Time of ``taikai report`` on a classified dump against ``taikai batch`` classifying it, measured in one run.

``python bench/bench_report.py [--input data/sample_dump.csv] [--workdir /tmp/bench-report] [--repeat 3]``
``python bench/bench_report.py --rows 1000000 [--workdir /tmp/bench-report]``

Classifies the input once (``taikai batch``, timed), then builds its report ``--repeat`` times in this process,
timing each stage: reading the predictions, the section builders (tables, tests, distinctive words), drawing and
encoding the charts, subsetting the font. Prints medians, the report's time as a ratio of the batch time on the same
file, and the page's size with the embedded font's share.

With ``--rows N`` it measures memory at scale instead (see :mod:`bench_report_rows`): a dump of N rows built from the
sample dump, ``taikai batch --jobs 2`` and ``taikai report`` as processes (wall time, peak RSS) and reading alone.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAIKAI = str(Path(sys.executable).with_name("taikai"))


def main() -> None:
    """Classify, then build the report several times, and print the times and sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=ROOT / "data" / "sample_dump.csv")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-report"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", type=int, help="measure a dump of this many rows in processes (peak memory)")
    args = parser.parse_args()
    if args.rows:
        from bench_report_rows import run_rows

        run_rows(args.rows, args.workdir)
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    predictions = args.workdir / "predictions.csv"
    for stale in (predictions, predictions.with_name("predictions.summary.json")):
        stale.unlink(missing_ok=True)
    start = time.perf_counter()
    batch = [TAIKAI, "batch", str(args.input), "-o", str(predictions), "--text-column", "text", "-q"]
    subprocess.run([*batch, "--id-column", "review_id"], check=True)
    batch_seconds = time.perf_counter() - start

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
    page = ""
    for _ in range(args.repeat):
        begin = time.perf_counter()
        frame = timed("read predictions", read_predictions, predictions)
        page = _build.build_report(
            frame,
            "posted_at",
            "platform",
            source=predictions.name,
            run=read_summary(predictions),
            source_path=predictions,
        )
        stages.setdefault("whole report", []).append(time.perf_counter() - begin)
    whole = statistics.median(stages["whole report"])
    known = sum(statistics.median(v) for k, v in stages.items() if k != "whole report")
    stages["charts and rendering (the rest)"] = [whole - known]
    rows = len(frame)
    print(f"{args.input.name}: {rows:,} rows; load average {Path('/proc/loadavg').read_text().split()[0]}")
    print(f"taikai batch (one run, with start-up): {batch_seconds:.2f} s")
    for name, values in stages.items():
        print(f"  {name:<34} {statistics.median(values):6.2f} s (median of {len(values)})")
    font = len(page.split('format("woff")')[0].split("base64,")[-1]) if "@font-face" in page else 0
    print(f"report / batch: {whole / batch_seconds:.2f}")
    print(f"page: {len(page.encode()) / 1024:,.0f} KiB, of which the embedded font {font / 1024:,.0f} KiB (base64)")


if __name__ == "__main__":
    main()
