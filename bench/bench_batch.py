"""Time, in one run on the same texts: MeCab's fastest output, ``taikai batch --jobs 1`` and ``--jobs 2``.

``python bench/bench_batch.py [--rows 50000] [--model DIR] [--baseline DIR] [--workdir DIR]``
The floor is ``fugashi.Tagger("-Owakati").parse(text)`` over the dump's texts. Targets (issue 10): batch
(--jobs 1) rows per second in the run at least 0.55 of that rate; --jobs 2 at least 1.7x --jobs 1 on 2 cores.
With ``--baseline DIR`` each round runs ``taikai batch --jobs 1`` with both models on the same dump, the measured
model first in odd rounds and last in even ones, and the median ratio measured/baseline says how a model change
moved throughput (issue 9: a fall of at most 10 %), two ways: rows/s as each run's summary reports it (wall time,
which other work on a shared machine skews), and rows per CPU second of the batch process less its start-up (the
CPU seconds of the same command on a one-row dump, measured in the same round), which load skews much less.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_run import BatchRun, run_batch, write_one_row
from make_dump import dump_texts, make_dump


def raw_rate(texts: list[str]) -> tuple[float, float]:
    """Return texts per second (wall, CPU) of MeCab's fastest output: ``Tagger("-Owakati").parse(text)``."""
    import fugashi

    parse = fugashi.Tagger("-Owakati").parse
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        parse(text)
    return len(texts) / (time.perf_counter() - start), len(texts) / (time.process_time() - cpu)


def round_order(k: int, model: str | None, baseline: str) -> list[tuple[str, str | None]]:
    """Return round *k*'s runs, (name, model directory): the measured model first in odd rounds, last in even."""
    runs: list[tuple[str, str | None]] = [("model", model), ("baseline", baseline)]
    return runs if k % 2 else runs[::-1]


def in_process_cpu_ratio(dump: Path, workdir: Path, model: str | None, texts: list[str]) -> float:
    """Return rows per CPU second of classify_file (model loaded, --jobs 1) over texts per CPU second of the floor."""
    import taikai

    loaded = taikai.load_model(model)
    taikai.classify_file(dump, workdir / "warm.csv", "text", model=loaded)  # tagger, tables and caches made
    cpu = time.process_time()
    summary = taikai.classify_file(dump, workdir / "cpu.csv", "text", model=loaded)
    batch = summary.rows / (time.process_time() - cpu)
    return batch / raw_rate(texts)[1]


def compare_round(
    k: int, dump: Path, one_row: Path, workdir: Path, model: str | None, baseline: str
) -> dict[str, tuple[BatchRun, float]]:
    """Run both models' start-up (the one-row dump) and then both on the dump, in round *k*'s order.

    Return, per name (``model``, ``baseline``), the run on the dump and the CPU seconds of its start-up."""
    order = round_order(k, model, baseline)
    startup = {name: run_batch(one_row, workdir / f"one_{name}.csv", model=m).cpu for name, m in order}
    outs = {"model": "out_jobs1.csv", "baseline": "out_baseline.csv"}
    return {name: (run_batch(dump, workdir / outs[name], model=m), startup[name]) for name, m in order}


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
    one_row = write_one_row(texts[0], workdir / "one_row.csv")
    print(f"cores: {os.cpu_count()}  rows: {len(texts):,}  model: {args.model or 'default'}")
    ratios: list[float] = []
    against: list[float] = []
    against_cpu: list[float] = []
    floor = raw_rate(texts)
    for k in range(1, args.rounds + 1):
        # Each round brackets the batch run(s) between two timings of the floor: the machine is shared.
        if args.baseline:
            runs = compare_round(k, dump, one_row, workdir, args.model, args.baseline)
            run = runs["model"][0]
        else:
            run = run_batch(dump, workdir / "out_jobs1.csv", model=args.model)
        after = raw_rate(texts)
        raw, raw_cpu = (floor[0] + after[0]) / 2, (floor[1] + after[1]) / 2
        ratios.append(run.reported / raw)
        print(
            f"round {k}: Tagger('-Owakati').parse {raw:8,.0f} texts/s ({floor[0]:,.0f} before, {after[0]:,.0f} after); "
            f"taikai batch --jobs 1 {run.reported:8,.0f} rows/s in the run, {run.wall:,.1f} s wall; "
            f"ratio {run.reported / raw:.2f} in the run, {run.rows / run.cpu / raw_cpu:.2f} per CPU second "
            "(start-up included)"
        )
        floor = after
        if args.baseline:
            for name, (done, startup) in runs.items():
                label = (args.model or "default") if name == "model" else args.baseline
                print(
                    f"  {name} {label}: {done.reported:8,.0f} rows/s in the run; {done.cpu:.2f} CPU s less "
                    f"{startup:.2f} of start-up (one row): {done.per_cpu(startup):8,.0f} rows per CPU second"
                )
            (model, start), (base, base_start) = runs["model"], runs["baseline"]
            against.append(model.reported / base.reported)
            against_cpu.append(model.per_cpu(start) / base.per_cpu(base_start))
            print(
                f"  measured/baseline ({' first, '.join(runs)} last): {against[-1]:.2f} rows/s in the run, "
                f"{against_cpu[-1]:.2f} rows per CPU second less start-up"
            )
    print(f"  command: {' '.join(run.command)}")
    if against:
        before, after_cpu = (in_process_cpu_ratio(dump, workdir, m, texts) for m in (args.baseline, args.model))
        print(
            f"measured/baseline model, median of {len(against)} rounds (issue 9: >= 0.90): "
            f"rows/s in the run {statistics.median(against):.2f} ({', '.join(f'{r:.2f}' for r in against)}); "
            f"rows per CPU second of the batch process less its start-up {statistics.median(against_cpu):.2f} "
            f"({', '.join(f'{r:.2f}' for r in against_cpu)}); per CPU second in one process: {after_cpu / before:.2f}"
        )
    cpu_ratio = in_process_cpu_ratio(dump, workdir, args.model, texts)
    print(f"in one process, CPU seconds only (start-up excluded, robust to other load): batch/raw {cpu_ratio:.2f}")
    print(
        f"batch/raw (jobs 1), in the run: median {statistics.median(ratios):.2f} of {len(ratios)} rounds "
        f"(target >= 0.55)"
    )
    jobs2 = run_batch(dump, workdir / "out_jobs2.csv", jobs=2, model=args.model)
    same = (workdir / "out_jobs1.csv").read_bytes() == (workdir / "out_jobs2.csv").read_bytes()
    print(
        f"taikai batch --jobs 2: {jobs2.reported:,.0f} rows/s in the run, {jobs2.wall:,.1f} s wall; "
        f"output identical: {same}"
    )
    print(f"jobs2/jobs1 (last round): {jobs2.reported / run.reported:.2f} in the run (target >= 1.7 on 2 idle cores)")
    print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine skews rates)")


if __name__ == "__main__":
    main()
