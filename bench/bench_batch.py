"""Time, in one run on the same texts: MeCab's fastest output, ``taikai batch --jobs 1`` and ``--jobs 2``.

``python bench/bench_batch.py [--rows 50000] [--rounds 3] [--model DIR] [--baseline DIR | --baseline-src DIR]
[--workdir DIR]``
The floor is ``fugashi.Tagger("-Owakati").parse(text)`` over the dump's texts, timed before and after each round.
Targets (issue 10): batch (--jobs 1) rows per second at least 0.55 of the floor's rate, judged two ways that must
both be met: the median over the rounds of rows/s in the run (wall time, which other work on a shared machine
skews) and rows per CPU second in one process (start-up excluded; load skews it much less). --jobs 2 at least 1.7x
--jobs 1 on 2 cores: the median over the rounds, --jobs 1 and --jobs 2 timed in every round, alternating which runs
first; judged on wall time only (CPU time cannot show two cores at work). Each round also prints the CPU seconds of
both (the workers' included): with the second core busy the wall ratio falls towards 1 whatever the code does, while
the CPU seconds still say what two workers cost beyond one.
With ``--baseline DIR`` each round also runs ``taikai batch --jobs 1`` with that model on the same dump: the ratio
measured/baseline says how a model change moved throughput. With ``--baseline-src DIR`` (the ``src`` directory of
another checkout, e.g. made by ``git archive REV src | tar -x -C /tmp/old``) each round runs the same command with
``PYTHONPATH=DIR`` and with this checkout's ``src``, the same model for both: the ratio new/old says how a code
change moved it. Either way the order alternates round by round, and the median ratio is given two ways: rows/s as
each run's summary reports it, and rows per CPU second of the batch process less its start-up (the CPU seconds of
the same command on a one-row dump, measured in the same round). Target (issue 9, and a code change's budget): a
fall of at most 10 %, both ratios at least 0.90.
Every target ends in a ``MET``/``MISSED`` line, then a verdict line; the exit code is 1 when any target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# This checkout's taikai, imported first: script_main imports taikai, and an editable install of another checkout
# (the main one, seen from a worktree beside it) would otherwise be the one the in-process figure measures.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_run import BatchRun, alternate, run_batch, write_one_row
from make_dump import dump_texts, make_dump
from verdict import Target, finish

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from script_main import check_model, check_src, says_errors

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 0.90  # a change may cost at most 10 % of throughput


@dataclass(frozen=True)
class Spec:
    """One ``taikai batch`` run of every round: name, model, the ``src`` on its PYTHONPATH (None: inherited), jobs."""

    name: str
    model: str | None
    src: str | None = None
    jobs: int = 1


def round_specs(model: str | None, baseline: str | None, baseline_src: str | None) -> list[Spec]:
    """Return the runs of every round: ``jobs1``, then ``baseline`` when comparing, then ``jobs2``.

    With *baseline_src* both code versions run one model, *model* or this checkout's shipped one (an editable
    install finds its default model through the installed package, whatever PYTHONPATH says)."""
    if baseline_src is None:
        compared = [] if baseline is None else [Spec("baseline", baseline)]
        return [Spec("jobs1", model), *compared, Spec("jobs2", model, jobs=2)]
    same, src = model or str(ROOT / "models" / "default"), str(ROOT / "src")
    return [Spec("jobs1", same, src), Spec("baseline", same, baseline_src), Spec("jobs2", same, src, jobs=2)]


def raw_rate(texts: list[str]) -> tuple[float, float]:
    """Return texts per second (wall, CPU) of MeCab's fastest output: ``Tagger("-Owakati").parse(text)``."""
    import fugashi

    parse = fugashi.Tagger("-Owakati").parse
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        parse(text)
    return len(texts) / (time.perf_counter() - start), len(texts) / (time.process_time() - cpu)


def in_process_cpu_ratio(dump: Path, workdir: Path, model: str | None, texts: list[str]) -> float:
    """Return rows per CPU second of classify_file (model loaded, --jobs 1) over texts per CPU second of the floor.

    The taikai measured is this checkout's ``src`` (an editable install of another checkout, such as a helper's
    worktree beside the main one, would otherwise be imported): ``src`` is put first on the path at the top of this
    module, before anything imports taikai."""
    import taikai

    print(f"  (in one process: taikai from {Path(taikai.__file__).parent.parent}, model {model or 'default'})")
    loaded = taikai.load_model(model)
    taikai.classify_file(dump, workdir / "warm.csv", "text", model=loaded)  # tagger, tables and caches made
    cpu = time.process_time()
    summary = taikai.classify_file(dump, workdir / "cpu.csv", "text", model=loaded)
    batch = summary.rows / (time.process_time() - cpu)
    return batch / raw_rate(texts)[1]


def play_round(
    k: int, specs: list[Spec], dump: Path, one_row: Path, workdir: Path
) -> tuple[dict[str, BatchRun], dict[str, float]]:
    """Run round *k* in its alternating order: when comparing, the start-up of ``jobs1`` and ``baseline`` (the
    one-row dump); then every run on the dump. Return the runs and the start-up CPU seconds, by name."""
    order = alternate(k, specs)
    compared = [s for s in order if s.name != "jobs2"] if any(s.name == "baseline" for s in specs) else []
    startup = {
        s.name: run_batch(one_row, workdir / f"one_{s.name}.csv", model=s.model, src=s.src).cpu for s in compared
    }
    runs = {
        s.name: run_batch(dump, workdir / f"out_{s.name}.csv", jobs=s.jobs, model=s.model, src=s.src) for s in order
    }
    return runs, startup


def ratios_line(label: str, values: list[float]) -> str:
    """Return ``LABEL median (r1, r2, …)``."""
    return f"{label} {statistics.median(values):.2f} ({', '.join(f'{r:.2f}' for r in values)})"


def same_bytes(a: Path, b: Path) -> bool:
    """Whether two output files are byte-identical."""
    return a.read_bytes() == b.read_bytes()


@says_errors()
def main(argv: list[str] | None = None) -> int | None:
    """Make the dump, time the floor and the batch in alternating rounds, print rates and ratios, and judge them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of floor, batch --jobs 1 and 2, floor")
    parser.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    against = parser.add_mutually_exclusive_group()
    against.add_argument("--baseline", default=None, help="a model directory to compare with, round by round")
    against.add_argument("--baseline-src", default=None, help="another checkout's src directory to compare with")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    check_model(args.model)
    check_model(args.baseline)
    baseline_src = check_src(args.baseline_src, "--baseline-src") if args.baseline_src else None
    specs = round_specs(args.model, args.baseline, baseline_src)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="taikai-bench-"))
    dump = make_dump(args.rows, workdir / f"bench_{args.rows}.csv")
    texts = dump_texts(dump)
    one_row = write_one_row(texts[0], workdir / "one_row.csv")
    print(f"cores: {os.cpu_count()}  rows: {len(texts):,}  model: {specs[0].model or 'default'}")
    if baseline_src:
        print(f"code: new {specs[0].src}, old {baseline_src} (the PYTHONPATH of each run)")
    ratios: list[float] = []
    jobs2_ratios: list[float] = []
    versus: list[float] = []
    versus_cpu: list[float] = []
    floor = raw_rate(texts)
    for k in range(1, args.rounds + 1):
        # Each round brackets the batch runs between two timings of the floor: the machine is shared.
        runs, startup = play_round(k, specs, dump, one_row, workdir)
        run, jobs2 = runs["jobs1"], runs["jobs2"]
        after = raw_rate(texts)
        raw, raw_cpu = (floor[0] + after[0]) / 2, (floor[1] + after[1]) / 2
        ratios.append(run.reported / raw)
        jobs2_ratios.append(jobs2.reported / run.reported)
        print(
            f"round {k}: Tagger('-Owakati').parse {raw:8,.0f} texts/s ({floor[0]:,.0f} before, {after[0]:,.0f} after); "
            f"taikai batch --jobs 1 {run.reported:8,.0f} rows/s in the run, {run.wall:,.1f} s wall; "
            f"ratio {run.reported / raw:.2f} in the run, {run.rows / run.cpu / raw_cpu:.2f} per CPU second "
            "(start-up included)"
        )
        print(
            f"  --jobs 2 {jobs2.reported:8,.0f} rows/s in the run, {jobs2.wall:,.1f} s wall: jobs2/jobs1 "
            f"{jobs2_ratios[-1]:.2f} (order {', '.join(s.name for s in alternate(k, specs))}); CPU s {jobs2.cpu:.2f}, "
            f"its workers' included, against {run.cpu:.2f} (--jobs 1): what two workers cost beyond one, which a "
            "busy second core does not change"
        )
        floor = after
        if "baseline" in runs:
            for spec in specs[:2]:
                done, start = runs[spec.name], startup[spec.name]
                label = spec.src if baseline_src else spec.model or "default"
                print(
                    f"  {spec.name} {label}: {done.reported:8,.0f} rows/s in the run; {done.cpu:.2f} CPU s less "
                    f"{start:.2f} of start-up (one row): {done.per_cpu(start):8,.0f} rows per CPU second"
                )
            new, old = runs["jobs1"], runs["baseline"]
            versus.append(new.reported / old.reported)
            versus_cpu.append(new.per_cpu(startup["jobs1"]) / old.per_cpu(startup["baseline"]))
            print(f"  jobs1/baseline: {versus[-1]:.2f} rows/s in the run, {versus_cpu[-1]:.2f} per CPU s less start-up")
    print(f"  command: {' '.join(run.command)}")
    same = same_bytes(workdir / "out_jobs1.csv", workdir / "out_jobs2.csv")
    print(f"--jobs 2 output identical to --jobs 1 (last round): {same}")
    targets: list[Target] = []
    if versus:
        what = "new/old code" if baseline_src else "measured/baseline model"
        print(f"{what}, median of {len(versus)} rounds (budget >= {BUDGET:.2f}):")
        print(ratios_line("  rows/s in the run", versus))
        print(ratios_line("  rows per CPU second of the batch process less its start-up", versus_cpu))
        if baseline_src:
            same = same_bytes(workdir / "out_jobs1.csv", workdir / "out_baseline.csv")
            print(f"  output identical to the old code's (last round): {same}")
        else:
            before, after_cpu = (in_process_cpu_ratio(dump, workdir, m, texts) for m in (args.baseline, args.model))
            print(f"  per CPU second in one process: {after_cpu / before:.2f}")
        targets += [
            Target(f"{what}, rows/s in the run, median", statistics.median(versus), BUDGET),
            Target(f"{what}, rows per CPU s less start-up, median", statistics.median(versus_cpu), BUDGET),
        ]
    cpu_ratio = in_process_cpu_ratio(dump, workdir, specs[0].model, texts)
    print(f"in one process, CPU seconds only (start-up excluded, robust to other load): batch/raw {cpu_ratio:.2f}")
    print(ratios_line(f"batch/raw (jobs 1), in the run: median of {len(ratios)} rounds", ratios))
    print(ratios_line(f"jobs2/jobs1, in the run: median of {len(jobs2_ratios)} rounds", jobs2_ratios))
    print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine skews rates)")
    targets += [
        Target("batch/raw (jobs 1), rows/s in the run, median", statistics.median(ratios), 0.55),
        Target("batch/raw (jobs 1), rows per CPU second in one process", cpu_ratio, 0.55),
        Target("jobs2/jobs1 on 2 cores, rows/s in the run, median", statistics.median(jobs2_ratios), 1.7),
    ]
    finish(targets)


if __name__ == "__main__":
    sys.exit(main())
