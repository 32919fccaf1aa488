"""Run ``taikai batch`` as a child process and measure it: rows/s as its summary reports it, wall time, CPU seconds.

Shared by the benches that compare two ``taikai batch`` runs on a shared machine (``bench_batch.py --baseline``
and ``--baseline-src``, ``bench_mask.py``). Wall-clock rates move with other work on the machine; rows per CPU
second of the batch process, less the CPU seconds of the same command on a one-row dump (start-up: imports, loading
the model), move much less, so both are reported.
"""

from __future__ import annotations

import csv
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

TAIKAI = Path(sys.executable).with_name("taikai")


@dataclass(frozen=True)
class BatchRun:
    """One ``taikai batch`` run: rows it classified, the rows/s its summary reports, wall and CPU seconds."""

    command: tuple[str, ...]
    rows: int
    reported: float
    wall: float
    cpu: float

    def per_cpu(self, startup: float) -> float:
        """Return rows per CPU second of the run less *startup* CPU seconds (the one-row run of the command)."""
        work = self.cpu - startup
        if work <= 0:
            raise SystemExit(
                f"{' '.join(self.command)}: {self.cpu:.2f} CPU s, not more than its start-up ({startup:.2f} CPU s); "
                "use a larger dump (--rows)"
            )
        return self.rows / work


def children_cpu() -> float:
    """Return the user + system CPU seconds of this process's waited-for children so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def alternate(k: int, runs: Sequence[T]) -> list[T]:
    """Return round *k*'s order of *runs*: as given in odd rounds, reversed in even ones (so that neither run is
    always the first or the last of a round, where a drift of the machine's load would fall on it alone)."""
    return list(runs) if k % 2 else list(runs)[::-1]


def run_batch(
    dump: Path,
    out: Path,
    *,
    jobs: int = 1,
    model: str | None = None,
    extra: Sequence[str] = (),
    src: str | None = None,
) -> BatchRun:
    """Run ``taikai batch DUMP -o OUT --text-column text --jobs N [EXTRA] [--model DIR]`` and measure it.

    With *src* (the ``src`` directory of a checkout) the command runs with ``PYTHONPATH=SRC``: that checkout's
    ``taikai`` package, with this venv's libraries."""
    command = [str(TAIKAI), "batch", str(dump), "-o", str(out), "--text-column", "text", "--jobs", str(jobs)]
    command += [*extra, *(["--model", model] if model else [])]
    env = None if src is None else {**os.environ, "PYTHONPATH": src}
    start, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    wall, cpu = time.perf_counter() - start, children_cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return parse_summary(done.stderr, tuple(command), wall, cpu)


def parse_summary(stderr: str, command: tuple[str, ...], wall: float, cpu: float) -> BatchRun:
    """Return the run described by ``taikai batch``'s summary (``N rows classified … (R rows/s)``) on *stderr*."""
    rows = re.search(r"^(?:[\d,]+ of )?([\d,]+) rows classified", stderr, re.M)  # "K of N": some not ok
    rate = re.search(r"\(([\d,.]+) rows/s\)", stderr)
    if rows is None or rate is None:
        raise SystemExit(f"{' '.join(command)}: no 'N rows classified … (R rows/s)' summary in its output:\n{stderr}")
    return BatchRun(command, int(rows.group(1).replace(",", "")), float(rate.group(1).replace(",", "")), wall, cpu)


def write_one_row(text: str, out: Path) -> Path:
    """Write a one-row dump (column ``text``) to *out*: the same command on it measures start-up alone."""
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerows([["text"], [text]])
    return out
