"""Measure peak RSS of ``taikai batch`` on 100,000 and 1,000,000-row CSV dumps (psutil, whole process tree).

``python bench/bench_memory.py [--model DIR] [--rows 100000 1000000] [--jobs 1] [--workdir DIR]``
Targets: at most 500 MB at 1M rows, and within 10 % of the peak at 100k rows.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_dump import make_dump

TAIKAI = Path(sys.executable).with_name("taikai")


def peak_rss(command: list[str], interval: float = 0.05) -> tuple[int, float]:
    """Run *command*; return the peak summed RSS (bytes) of it and its children, and the wall time."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            total = sum(p.memory_info().rss for p in [root, *root.children(recursive=True)])
        except psutil.Error:
            total = 0
        peak = max(peak, total)
        time.sleep(interval)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{proc.stderr.read().decode()}")
    return peak, wall


def main() -> None:
    """Make the dumps, run the batch on each, and print peak RSS and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="taikai-bench-"))
    print(f"cores: {os.cpu_count()}  jobs: {args.jobs}  model: {args.model or 'default'}  workdir: {workdir}")
    peaks = {}
    for n in args.rows:
        dump = workdir / f"dump_{n}.csv"
        if not dump.exists():
            make_dump(n, dump)
        out = workdir / f"out_{n}.csv"
        command = [
            str(TAIKAI),
            "batch",
            str(dump),
            "-o",
            str(out),
            "--text-column",
            "text",
            "--id-column",
            "id",
            "--jobs",
            str(args.jobs),
            "--quiet",
        ]
        if args.model:
            command += ["--model", args.model]
        peak, wall = peak_rss(command)
        peaks[n] = peak
        size = dump.stat().st_size / 1e6
        print(
            f"{n:>10,} rows ({size:,.0f} MB): peak RSS {peak / 2**20:,.1f} MiB, {wall:,.1f} s, {n / wall:,.0f} rows/s"
        )
        print("command: " + " ".join(command))
        out.unlink()
    if len(peaks) >= 2:
        small, large = min(peaks), max(peaks)
        print(f"peak ratio {large:,} / {small:,} rows: {peaks[large] / peaks[small]:.3f} (target <= 1.10)")


if __name__ == "__main__":
    main()
