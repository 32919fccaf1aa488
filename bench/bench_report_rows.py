"""Peak memory and time of ``taikai report`` on a dump of N rows, as ratios against ``taikai batch`` of the same file.

``python bench/bench_report.py --rows 1000000 [--workdir /tmp/bench-report]`` (or this module's ``run_rows``).

The dump is ``data/sample_dump.csv`` repeated: each copy's ids get ``-<copy>``, its texts ``（<copy>）`` (so every
text is distinct), its dates shifted by a few months. Then, each a process of its own, measured by ``wait4`` (wall
time, peak RSS): ``taikai batch --jobs 2``, ``taikai report -o r.html --date-column posted_at --by platform``, and
reading alone (``taikai.io.read_predictions``), whose peak is set against the frame's ``memory_usage(deep=True)``.
The code measured is that of the ``taikai`` the current ``PYTHONPATH`` imports: run it with ``PYTHONPATH`` set to
each checkout to compare two.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAIKAI = str(Path(sys.executable).with_name("taikai"))
_READ = (
    "import sys; from taikai.io import read_predictions; "
    "df = read_predictions(sys.argv[1]); print(int(df.memory_usage(deep=True).sum()))"
)


def make_rows_dump(rows: int, out: Path, sample: Path = ROOT / "data" / "sample_dump.csv") -> Path:
    """Write *rows* rows of *sample* repeated to *out*, ids and texts made unique, dates shifted per copy."""
    with open(sample, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        records = list(reader)
    i_id, i_date, i_text = (header.index(c) for c in ("review_id", "posted_at", "text"))
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        written, copy = 0, 0
        while written < rows:
            shift = dt.timedelta(days=(copy * 37) % 401 - 200)
            for record in records[: rows - written]:
                row = list(record)
                row[i_id] = f"{row[i_id]}-{copy}"
                row[i_text] = f"{row[i_text]}（{copy}）"
                row[i_date] = (dt.date.fromisoformat(row[i_date]) + shift).isoformat()
                writer.writerow(row)
            written += min(len(records), rows - written)
            copy += 1
    return out


def measured(command: list[str]) -> tuple[float, int, str, float]:
    """Run *command*; return its wall seconds, its peak RSS in bytes (``wait4``), its stdout and its CPU seconds
    (user and system, its children's included)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    out = process.stdout.read() if process.stdout is not None else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{command[:2]} failed with exit code {process.returncode}")
    return seconds, usage.ru_maxrss * 1024, out, usage.ru_utime + usage.ru_stime


def run_rows(rows: int, workdir: Path) -> None:
    """Build the dump, run batch, report and reading, and print their times and peaks as ratios."""
    workdir.mkdir(parents=True, exist_ok=True)
    dump = make_rows_dump(rows, workdir / f"dump{rows}.csv")
    predictions = workdir / f"pred{rows}.csv"
    for stale in (predictions, predictions.with_name(f"pred{rows}.summary.json")):
        stale.unlink(missing_ok=True)
    batch = [TAIKAI, "batch", str(dump), "-o", str(predictions), "--text-column", "text", "--jobs", "2", "-q"]
    b_seconds, b_peak, _, b_cpu = measured(batch)
    page = workdir / "r.html"
    report = [TAIKAI, "report", str(predictions), "-o", str(page), "--date-column", "posted_at", "--by", "platform"]
    r_seconds, r_peak, _, r_cpu = measured(report)
    read_seconds, read_peak, out, _ = measured([sys.executable, "-c", _READ, str(predictions)])
    deep = int(out.split()[-1])
    import taikai

    gb = 1e9
    print(f"{rows:,} rows ({predictions.stat().st_size / 1e6:,.0f} MB of predictions); taikai from {taikai.__file__}")
    print(f"load average at the end {Path('/proc/loadavg').read_text().split()[0]}")
    print(f"taikai batch --jobs 2: {b_seconds:7.1f} s, peak RSS {b_peak / gb:5.2f} GB, CPU {b_cpu:7.1f} s")
    print(f"taikai report:         {r_seconds:7.1f} s, peak RSS {r_peak / gb:5.2f} GB, CPU {r_cpu:7.1f} s")
    print(f"report / batch:        time {r_seconds / b_seconds:.2f}, peak RSS {r_peak / b_peak:.2f}")
    print(f"read_predictions:      {read_seconds:7.1f} s, peak RSS {read_peak / gb:5.2f} GB (with start-up)")
    print(f"frame (deep):          {deep / gb:5.2f} GB; reading peak / frame {read_peak / deep:.2f}")
