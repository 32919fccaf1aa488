"""How ``taikai.suggest`` scales with the size of a predictions file, measured in one run.

``python bench/bench_suggest.py [--rows 100000 1000000] [--n 200]``
Builds predictions frames of each size (texts of ``data/sample_dump.csv`` repeated with a row number, so that
every text differs but many are near-duplicates of each other; random reason probabilities) and times
``taikai.suggest`` on each with ``margin`` (the default), after one untimed call on a frame of the smallest size
(the first call imports ``taikai.model`` and scikit-learn, which would otherwise fall on the first size timed).
Prints wall and CPU seconds, rows per second, and for each larger size the ratio of its time to the smallest one's
against the ratio of their sizes, with the exponent k of time ∝ rows^k that the two give (1: linear; 2: quadratic).
"""

from __future__ import annotations

import argparse
import math
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

import taikai
from taikai.labels import REASON_IDS, SENTIMENTS

ROOT = Path(__file__).resolve().parent.parent


def predictions(rows: int, texts: list[str], seed: int = 0) -> pd.DataFrame:
    """Return a predictions frame of *rows* rows as ``predict_frame`` writes it (probabilities random)."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {"review_id": np.arange(rows), "text": [f"{texts[i % len(texts)]}（{i}）" for i in range(rows)], "status": "ok"}
    )
    reason = rng.dirichlet(np.full(len(REASON_IDS), 0.5), size=rows)
    sentiment = rng.dirichlet(np.ones(len(SENTIMENTS)), size=rows)
    for j, label in enumerate(REASON_IDS):
        frame[f"p_reason_{label}"] = reason[:, j]
    for j, label in enumerate(SENTIMENTS):
        frame[f"p_sentiment_{label}"] = sentiment[:, j]
    frame["reasons"] = [REASON_IDS[j] for j in reason.argmax(axis=1)]
    return frame


@dataclass(frozen=True)
class Scaling:
    """How a size's time compares with the smallest size's: time ratio = size ratio ** exponent."""

    rows: int
    smallest: int
    size_ratio: float
    time_ratio: float
    exponent: float


def scaling(times: dict[int, float]) -> list[Scaling]:
    """Return, for each size but the smallest in *times* (rows -> seconds), largest last, how it scales."""
    smallest = min(times)
    out = []
    for rows in sorted(times):
        if rows != smallest:
            time_ratio, size_ratio = times[rows] / times[smallest], rows / smallest
            out.append(Scaling(rows, smallest, size_ratio, time_ratio, math.log(time_ratio) / math.log(size_ratio)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    texts = pd.read_csv(ROOT / "data" / "sample_dump.csv")["text"].tolist()
    taikai.suggest(predictions(min(args.rows), texts), n=args.n, id_column="review_id")  # warm-up, not timed
    times: dict[int, float] = {}
    cpu: dict[int, float] = {}
    for rows in sorted(args.rows):
        frame = predictions(rows, texts)
        began, began_cpu = time.perf_counter(), time.process_time()
        chosen = taikai.suggest(frame, n=args.n, id_column="review_id")
        times[rows], cpu[rows] = time.perf_counter() - began, time.process_time() - began_cpu
        print(
            f"{rows:>9,} rows: {times[rows]:6.2f} s, CPU {cpu[rows]:6.2f} s ({rows / times[rows]:,.0f} rows/s), "
            f"{len(chosen.rows)} chosen, {chosen.duplicates} near-duplicate candidates passed over"
        )
    for wall, on_cpu in zip(scaling(times), scaling(cpu)):
        print(
            f"{wall.rows:,} vs {wall.smallest:,} rows: size x{wall.size_ratio:.0f}, time x{wall.time_ratio:.1f} "
            f"(time ~ rows^{wall.exponent:.2f}), CPU x{on_cpu.time_ratio:.1f} (rows^{on_cpu.exponent:.2f})"
        )
    print(f"load average now: {Path('/proc/loadavg').read_text().split()[0]}")


if __name__ == "__main__":
    main()
