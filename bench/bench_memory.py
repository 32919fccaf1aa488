"""Measure the peak memory of ``taikai batch`` on 100,000 and 1,000,000-row CSV dumps (psutil, whole process tree).

``python bench/bench_memory.py [--model DIR] [--rows 100000 1000000] [--jobs 1] [--workdir DIR]``
Targets: at most 500 MB at 1M rows (judged at the largest --rows when it is at least 1,000,000), and the peak at
the largest --rows within 10 % of the peak at the smallest (judged when there are two). Memory is summed over the
process and its children as PSS (proportional set size: a page shared by forked workers counts once, split between
them) where psutil can read it (Linux), else as RSS (which counts shared pages once per process, so --jobs 2 looks
larger than it is); the output says which. Each target ends in a ``MET``/``MISSED`` line, then a verdict line; the
exit code is 1 when any target is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_dump import make_dump
from verdict import Target, finish

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from script_main import check_model, says_errors

TAIKAI = Path(sys.executable).with_name("taikai")
CEILING_ROWS, CEILING_MB = 1_000_000, 500.0


def pss_readable() -> bool:
    """Whether psutil reads PSS on this system (``memory_full_info().pss``: Linux)."""
    try:
        return hasattr(psutil.Process().memory_full_info(), "pss")
    except (psutil.Error, NotImplementedError):
        return False


def process_memory(use_pss: bool) -> Callable[[psutil.Process], int]:
    """Return a function giving one process's PSS (when *use_pss*) or RSS, in bytes."""
    if use_pss:
        return lambda p: int(p.memory_full_info().pss)
    return lambda p: int(p.memory_info().rss)


def tree_memory(root: psutil.Process, measure: Callable[[psutil.Process], int]) -> int:
    """Return the memory of *root* and its children summed; a process that ends meanwhile counts as nothing."""
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            total += measure(process)
    return total


def peak_memory(command: list[str], use_pss: bool, interval: float = 0.05) -> tuple[int, float]:
    """Run *command*; return the peak summed memory (bytes) of it and its children, and the wall time."""
    measure = process_memory(use_pss)
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_memory(root, measure))
        time.sleep(interval)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{proc.stderr.read().decode()}")
    return peak, wall


def memory_targets(peaks: dict[int, int], kind: str) -> list[Target]:
    """Return the targets these peaks (bytes by row count) can be judged on: the ceiling at the largest count when
    it is at least 1,000,000 rows, and the ratio of the largest count's peak to the smallest's when there are two."""
    targets = []
    small, large = min(peaks), max(peaks)
    if large >= CEILING_ROWS:
        targets.append(
            Target(f"peak {kind} at {large:,} rows", peaks[large] / 1e6, CEILING_MB, at_most=True, unit=" MB")
        )
    if large != small:
        ratio = peaks[large] / peaks[small]
        targets.append(Target(f"peak {kind} {large:,} / {small:,} rows", ratio, 1.10, at_most=True))
    return targets


@says_errors()
def main(argv: list[str] | None = None) -> int | None:
    """Make the dumps, run the batch on each, print the peaks and the ratio, and judge them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    check_model(args.model)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="taikai-bench-"))
    use_pss = pss_readable()
    kind = "PSS" if use_pss else "RSS"
    print(f"cores: {os.cpu_count()}  jobs: {args.jobs}  model: {args.model or 'default'}  workdir: {workdir}")
    print(
        "memory: summed PSS of the process tree (shared pages split between processes)"
        if use_pss
        else "memory: summed RSS of the process tree (PSS not readable here: shared pages count once per process)"
    )
    peaks = {}
    for n in args.rows:
        dump = workdir / f"dump_{n}.csv"
        if not dump.exists():
            make_dump(n, dump)
        out = workdir / f"out_{n}.csv"
        command = [str(TAIKAI), "batch", str(dump), "-o", str(out), "--text-column", "text", "--id-column", "id"]
        command += ["--jobs", str(args.jobs), "--quiet", *(["--model", args.model] if args.model else [])]
        peak, wall = peak_memory(command, use_pss)
        peaks[n] = peak
        size = dump.stat().st_size / 1e6
        print(
            f"{n:>10,} rows ({size:,.0f} MB): peak {kind} {peak / 2**20:,.1f} MiB ({peak / 1e6:,.1f} MB), "
            f"{wall:,.1f} s, {n / wall:,.0f} rows/s"
        )
        print("command: " + " ".join(command))
        out.unlink()
    if max(peaks) < CEILING_ROWS:
        print(f"the {CEILING_MB:g} MB ceiling is for {CEILING_ROWS:,} rows: not judged in this run")
    finish(memory_targets(peaks, kind))


if __name__ == "__main__":
    sys.exit(main())
