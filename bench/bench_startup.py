"""Start-up time of the command line against ``python -c "import sklearn"``, measured in one run.

``python bench/bench_startup.py [--repeat 7] [--model DIR]``
Targets (issue 10): ``taikai --help`` at most 0.25x and ``taikai predict TEXT`` at most 1.0x the time of
``import sklearn``. Commands alternate, each run ``--repeat`` times; the median of each is compared, so that
load from other work on the machine falls on all of them alike. The CPU time of each (user + system, median)
is printed beside it: it depends less on that load than the wall time, which can hide CPU work the load happens to
offset. So each target is judged on both ratios, wall and CPU, and both must be met: a ``MET``/``MISSED`` line per
target and ratio, then a verdict line; the exit code is 1 when any is missed. ``--model DIR`` runs predict with
another model (e.g. the shipped one re-saved in the current format, before it is retrained).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from verdict import Target, finish

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from script_main import check_model, says_errors

PYTHON = sys.executable
TAIKAI = str(Path(PYTHON).with_name("taikai"))
COMMANDS = {
    "python -c 'import sklearn'": [PYTHON, "-c", "import sklearn"],
    "taikai --help": [TAIKAI, "--help"],
    "taikai batch --help": [TAIKAI, "batch", "--help"],
    "taikai predict TEXT": [TAIKAI, "predict", "20%の手数料を引かれると、モチベーションが続かなかった"],
}
BASE = "python -c 'import sklearn'"
TARGETS = {"taikai --help": 0.25, "taikai predict TEXT": 1.0}  # at most this ratio to BASE, wall and CPU


def startup_targets(times: dict[str, list[float]], cpu: dict[str, list[float]]) -> list[Target]:
    """Return each target twice, judged on the ratio of medians to ``import sklearn``'s: wall time, then CPU time."""
    targets = []
    for name, bound in TARGETS.items():
        for kind, values in (("wall", times), ("CPU", cpu)):
            ratio = statistics.median(values[name]) / statistics.median(values[BASE])
            targets.append(Target(f"{name} / import sklearn, {kind} time, medians", ratio, bound, at_most=True))
    return targets


def timed(command: list[str]) -> tuple[float, float]:
    """Return the wall time and the CPU time (user + system, all its threads) of one run of *command* (which must
    succeed)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def bytecode_note() -> str:
    """Say whether taikai's modules run from cached bytecode, as they do once installed (pip compiles them)."""
    import importlib.util

    import taikai

    sources = list(Path(taikai.__file__).parent.rglob("*.py"))
    cached = sum(Path(importlib.util.cache_from_source(str(s))).exists() for s in sources)
    note = f"taikai bytecode cached for {cached} of {len(sources)} modules"
    if cached < len(sources) and sys.dont_write_bytecode:
        note += " (PYTHONDONTWRITEBYTECODE is set: the others compile on every run; python -m compileall src/taikai)"
    return note


@says_errors()
def main(argv: list[str] | None = None) -> int | None:
    """Time every command, alternating, print medians and ratios to ``import sklearn``, and judge them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--model", help="the model directory predict uses (default: the shipped model)")
    args = parser.parse_args(argv)
    check_model(args.model)
    if args.model:
        COMMANDS["taikai predict TEXT"][2:2] = ["--model", args.model]
    for command in COMMANDS.values():  # warm the file cache once
        timed(command)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpu: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.repeat):
        for name, command in COMMANDS.items():
            wall, used = timed(command)
            times[name].append(wall)
            cpu[name].append(used)
    base = statistics.median(times[BASE])
    base_cpu = statistics.median(cpu[BASE])
    model = args.model or "the shipped model"
    print(f"cores: {os.cpu_count()}  repeat: {args.repeat}  python: {sys.version.split()[0]}  predict: {model}")
    for name, values in times.items():
        median = statistics.median(values)
        used = statistics.median(cpu[name])
        print(
            f"{name:32s} median {median:6.3f} s  (min {min(values):.3f})  ratio {median / base:5.2f}"
            f"  | cpu {used:6.3f} s  ratio {used / base_cpu:5.2f}"
        )
    print(bytecode_note())
    print(f"load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    finish(startup_targets(times, cpu))


if __name__ == "__main__":
    sys.exit(main())
