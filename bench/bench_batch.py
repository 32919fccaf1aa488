"""Time, in one run on the same texts: raw fugashi tokenisation, ``taikai batch --jobs 1`` and ``--jobs 2``.

``python bench/bench_batch.py [--rows 50000] [--model DIR] [--workdir DIR]``
Targets: batch (--jobs 1) at least 0.6 of the raw tokenisation rate; --jobs 2 at least 1.7x --jobs 1 on 2 cores.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_dump import make_dump

TAIKAI = Path(sys.executable).with_name("taikai")


def raw_rate(texts: list[str]) -> tuple[float, float]:
    """Return texts per second (wall, CPU) for plain fugashi tokenisation (surface forms of every node)."""
    import fugashi

    tagger = fugashi.Tagger()
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        [w.surface for w in tagger(text)]
    return len(texts) / (time.perf_counter() - start), len(texts) / (time.process_time() - cpu)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def batch_rate(dump: Path, out: Path, jobs: int, model: str | None) -> tuple[float, float, float, list[str]]:
    """Run ``taikai batch``; return rows/s (wall; its summary's; per CPU second of all its processes), command."""
    command = [str(TAIKAI), "batch", str(dump), "-o", str(out), "--text-column", "text", "--jobs", str(jobs)]
    if model:
        command += ["--model", model]
    start, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(command, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    rows = int(re.search(r"^([\d,]+) rows classified", done.stderr, re.M).group(1).replace(",", ""))
    reported = float(re.search(r"\(([\d,]+) rows/s\)", done.stderr).group(1).replace(",", ""))
    return rows / wall, reported, rows / cpu, command


def main() -> None:
    """Make the dump, time the three ways, and print rates and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="taikai-bench-"))
    dump = make_dump(args.rows, workdir / f"bench_{args.rows}.csv")
    with open(dump, encoding="utf-8", newline="") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    print(f"cores: {os.cpu_count()}  rows: {len(texts):,}  model: {args.model or 'default'}")
    raw, raw_cpu = raw_rate(texts)
    print(f"raw fugashi tokenisation:   {raw:10,.0f} texts/s ({raw_cpu:,.0f} per CPU second)")
    rates = {}
    for jobs in (1, 2):
        out = workdir / f"out_jobs{jobs}.csv"
        wall, reported, per_cpu, command = batch_rate(dump, out, jobs, args.model)
        rates[jobs] = (wall, reported, per_cpu)
        print(
            f"taikai batch --jobs {jobs}:      {reported:10,.0f} rows/s in the run, {wall:,.0f} rows/s wall "
            f"(with start-up), {per_cpu:,.0f} rows per CPU second\n  command: {' '.join(command)}"
        )
    same = (workdir / "out_jobs1.csv").read_bytes() == (workdir / "out_jobs2.csv").read_bytes()
    print(f"--jobs 2 output identical to --jobs 1: {same}")
    print(
        f"batch/raw (jobs 1): {rates[1][1] / raw:.2f} in the run, {rates[1][0] / raw:.2f} wall, "
        f"{rates[1][2] / raw_cpu:.2f} per CPU second  (target >= 0.6)"
    )
    print(
        f"jobs2/jobs1:        {rates[2][1] / rates[1][1]:.2f} in the run, {rates[2][0] / rates[1][0]:.2f} wall "
        f"(target >= 1.7 on 2 cores); CPU per row, jobs 2 / jobs 1: {rates[1][2] / rates[2][2]:.2f}"
    )
    print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine skews rates)")


if __name__ == "__main__":
    main()
