"""Time, in one run on the same texts: MeCab's fastest output, ``taikai batch --jobs 1`` and ``--jobs 2``.

``python bench/bench_batch.py [--rows 50000] [--model DIR] [--baseline DIR] [--workdir DIR]``
The floor is ``fugashi.Tagger("-Owakati").parse(text)`` over the dump's texts. Targets (issue 10): batch
(--jobs 1) rows per second in the run at least 0.55 of that rate; --jobs 2 at least 1.7x --jobs 1 on 2 cores.
With ``--baseline DIR`` each round also runs ``taikai batch --jobs 1`` with that model right after the measured one,
and the median ratio measured/baseline says how a model change moved throughput (issue 9: a fall of at most 10 %).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_dump import dump_texts, make_dump

TAIKAI = Path(sys.executable).with_name("taikai")


def raw_rate(texts: list[str]) -> tuple[float, float]:
    """Return texts per second (wall, CPU) of MeCab's fastest output: ``Tagger("-Owakati").parse(text)``."""
    import fugashi

    parse = fugashi.Tagger("-Owakati").parse
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        parse(text)
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


def in_process_cpu_ratio(dump: Path, workdir: Path, model: str | None, texts: list[str]) -> float:
    """Return rows per CPU second of classify_file (model loaded, --jobs 1) over texts per CPU second of the floor."""
    import taikai

    loaded = taikai.load_model(model)
    taikai.classify_file(dump, workdir / "warm.csv", "text", model=loaded)  # tagger, tables and caches made
    cpu = time.process_time()
    summary = taikai.classify_file(dump, workdir / "cpu.csv", "text", model=loaded)
    batch = summary.rows / (time.process_time() - cpu)
    return batch / raw_rate(texts)[1]


def main() -> None:
    """Make the dump, time the floor and the batch in alternating rounds, and print rates and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of floor, batch --jobs 1, floor")
    parser.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    parser.add_argument("--baseline", default=None, help="a model directory to compare with, round by round")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="taikai-bench-"))
    dump = make_dump(args.rows, workdir / f"bench_{args.rows}.csv")
    texts = dump_texts(dump)
    print(f"cores: {os.cpu_count()}  rows: {len(texts):,}  model: {args.model or 'default'}")
    ratios, command, against = [], [], []
    floor = raw_rate(texts)
    for k in range(1, args.rounds + 1):
        # Each round brackets one batch run between two timings of the floor: the machine is shared.
        wall, reported, per_cpu, command = batch_rate(dump, workdir / "out_jobs1.csv", 1, args.model)
        after = raw_rate(texts)
        raw, raw_cpu = (floor[0] + after[0]) / 2, (floor[1] + after[1]) / 2
        ratios.append(reported / raw)
        print(
            f"round {k}: Tagger('-Owakati').parse {raw:8,.0f} texts/s ({floor[0]:,.0f} before, {after[0]:,.0f} after); "
            f"taikai batch --jobs 1 {reported:8,.0f} rows/s in the run, {wall:,.0f} wall; "
            f"ratio {reported / raw:.2f} in the run, {per_cpu / raw_cpu:.2f} per CPU second (start-up included)"
        )
        floor = after
        if args.baseline:
            _, base, _, _ = batch_rate(dump, workdir / "out_baseline.csv", 1, args.baseline)
            against.append(reported / base)
            print(f"  baseline {args.baseline}: {base:8,.0f} rows/s in the run; measured/baseline {against[-1]:.2f}")
    print(f"  command: {' '.join(command)}")
    if against:
        before, after_cpu = (in_process_cpu_ratio(dump, workdir, m, texts) for m in (args.baseline, args.model))
        print(
            f"measured/baseline model, rows/s in the run: median {statistics.median(against):.2f} of {len(against)} "
            f"rounds; per CPU second in one process: {after_cpu / before:.2f} (target >= 0.90)"
        )
    cpu_ratio = in_process_cpu_ratio(dump, workdir, args.model, texts)
    print(f"in one process, CPU seconds only (start-up excluded, robust to other load): batch/raw {cpu_ratio:.2f}")
    print(
        f"batch/raw (jobs 1), in the run: median {statistics.median(ratios):.2f} of {len(ratios)} rounds "
        f"(target >= 0.55)"
    )
    wall2, reported2, _, _ = batch_rate(dump, workdir / "out_jobs2.csv", 2, args.model)
    same = (workdir / "out_jobs1.csv").read_bytes() == (workdir / "out_jobs2.csv").read_bytes()
    print(f"taikai batch --jobs 2: {reported2:,.0f} rows/s in the run, {wall2:,.0f} wall; output identical: {same}")
    print(f"jobs2/jobs1 (last round): {reported2 / reported:.2f} in the run (target >= 1.7 on 2 idle cores)")
    print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine skews rates)")


if __name__ == "__main__":
    main()
