"""Peak memory and time of ``taikai report`` on a dump of N rows, as ratios against ``taikai batch`` of the same file.

``python bench/bench_report.py --rows 1000000 [--workdir /tmp/bench-report] [--src BEFORE/src --src AFTER/src]``
(or this module's ``run_rows``).

The dump is ``data/sample_dump.csv`` repeated: each copy's ids get ``-<copy>``, its texts ``（<copy>）`` (so every
text is distinct), its dates shifted by a few months. Then, each a process of its own, measured by ``wait4`` (wall
time, peak RSS, CPU): ``taikai batch --jobs 2``, ``taikai report -o r.html --date-column posted_at --by platform``,
and reading alone (``taikai.io.read_predictions``), whose peak is set against the frame's ``memory_usage(deep=True)``.
Without ``--src`` the processes import the ``taikai`` the current ``PYTHONPATH`` gives. With ``--src`` (twice, to
compare two checkouts in one run) each process runs with ``PYTHONPATH`` set to one of them, and the checkouts take
turns at every step (batch of each, report of each, reading of each), so that load on the shared machine hits them
alike; the last lines are the second checkout's figures as ratios of the first's.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
import time
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Measure:
    """One process: its wall seconds, peak RSS in bytes and CPU seconds (user and system, its children's too)."""

    seconds: float
    peak: int
    cpu: float


def measured(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str, float]:
    """Run *command* (with the environment *env*, default this one's); return its wall seconds, its peak RSS in
    bytes (``wait4``), its stdout and its CPU seconds (user and system, its children's included)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    out = process.stdout.read() if process.stdout is not None else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{command[:2]} failed with exit code {process.returncode}")
    return seconds, usage.ru_maxrss * 1024, out, usage.ru_utime + usage.ru_stime


def environment(src: Path | None) -> dict[str, str]:
    """Return this process's environment with ``PYTHONPATH`` set to *src* (unchanged for ``None``)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src.resolve())
    return env


def taikai_from(src: Path | None) -> str:
    """Return the ``taikai/__init__.py`` a process with :func:`environment` (*src*) imports; exit with a message
    when *src* is given and that file is not inside it (a wrong ``--src`` would compare a checkout with itself)."""
    command = [sys.executable, "-c", "import taikai; print(taikai.__file__)"]
    found = subprocess.run(command, env=environment(src), capture_output=True, text=True, check=False)
    path = found.stdout.strip()
    if src is not None and (found.returncode or not Path(path).resolve().is_relative_to(src.resolve())):
        raise SystemExit(
            f"--src {src}: taikai is imported from {path or 'nowhere'} there, not from inside it; give the checkout's "
            "src directory (the one holding taikai/)"
        )
    return path


def ratios(first: dict[str, Measure], second: dict[str, Measure]) -> dict[str, tuple[float, float, float]]:
    """Return, per step both measured, (wall time, peak RSS, CPU) of *second* as ratios of *first*'s."""
    return {
        step: (second[step].seconds / m.seconds, second[step].peak / m.peak, second[step].cpu / m.cpu)
        for step, m in first.items()
        if step in second
    }


def run_rows(rows: int, workdir: Path, srcs: list[Path] | None = None) -> None:
    """Build the dump, run batch, report and reading (for each of *srcs* in turn, as ``PYTHONPATH``; else as this
    process's environment has it) and print their times and peaks as ratios."""
    checkouts: list[Path | None] = list(srcs) if srcs else [None]
    found = {i: taikai_from(src) for i, src in enumerate(checkouts)}
    workdir.mkdir(parents=True, exist_ok=True)
    dump = make_rows_dump(rows, workdir / f"dump{rows}.csv")
    runs: dict[int, dict[str, Measure]] = {i: {} for i in found}
    deep: dict[int, int] = {}
    predictions = {i: workdir / (f"pred{rows}.csv" if srcs is None else f"pred{rows}-{i}.csv") for i in found}
    for i, src in enumerate(checkouts):  # batch of each checkout, then report of each, then reading of each
        for stale in (predictions[i], predictions[i].with_name(f"{predictions[i].stem}.summary.json")):
            stale.unlink(missing_ok=True)
        batch = [TAIKAI, "batch", str(dump), "-o", str(predictions[i]), "--text-column", "text", "--jobs", "2", "-q"]
        seconds, peak, _, cpu = measured(batch, environment(src))
        runs[i]["batch"] = Measure(seconds, peak, cpu)
    for i, src in enumerate(checkouts):
        page = predictions[i].with_name(f"r{'' if srcs is None else f'-{i}'}.html")
        report = [TAIKAI, "report", str(predictions[i]), "-o", str(page), "--date-column", "posted_at"]
        seconds, peak, _, cpu = measured([*report, "--by", "platform"], environment(src))
        runs[i]["report"] = Measure(seconds, peak, cpu)
    for i, src in enumerate(checkouts):
        seconds, peak, out, cpu = measured([sys.executable, "-c", _READ, str(predictions[i])], environment(src))
        runs[i]["read"] = Measure(seconds, peak, cpu)
        deep[i] = int(out.split()[-1])
    print(f"load average at the end {Path('/proc/loadavg').read_text().split()[0]}")
    for i in found:
        show(rows, predictions[i], found[i], runs[i], deep[i])
    if len(found) == 2:
        print(f"second / first checkout ({checkouts[1]} / {checkouts[0]}):")
        for step, (wall, peak, cpu) in ratios(runs[0], runs[1]).items():
            print(f"  {step:<7} time {wall:.2f}, peak RSS {peak:.2f}, CPU {cpu:.2f}")


def show(rows: int, predictions: Path, where: str, run: dict[str, Measure], deep: int) -> None:
    """Print one checkout's figures."""
    gb = 1e9
    b, r, read = run["batch"], run["report"], run["read"]
    print(f"{rows:,} rows ({predictions.stat().st_size / 1e6:,.0f} MB of predictions); taikai from {where}")
    print(f"taikai batch --jobs 2: {b.seconds:7.1f} s, peak RSS {b.peak / gb:5.2f} GB, CPU {b.cpu:7.1f} s")
    print(f"taikai report:         {r.seconds:7.1f} s, peak RSS {r.peak / gb:5.2f} GB, CPU {r.cpu:7.1f} s")
    print(f"report / batch:        time {r.seconds / b.seconds:.2f}, peak RSS {r.peak / b.peak:.2f}")
    print(f"read_predictions:      {read.seconds:7.1f} s, peak RSS {read.peak / gb:5.2f} GB (with start-up)")
    print(f"frame (deep):          {deep / gb:5.2f} GB; reading peak / frame {read.peak / deep:.2f}")
