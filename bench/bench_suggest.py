"""How ``taikai.suggest`` scales with the size of a predictions file, measured in one run.

``python bench/bench_suggest.py [--rows 100000 1000000] [--n 200]``
Builds predictions frames of each size (texts of ``data/sample_dump.csv`` repeated with a row number, so that
every text differs but many are near-duplicates of each other; random reason probabilities) and times
``taikai.suggest`` on each with ``margin`` (the default). Prints seconds, rows per second and the ratio of each
size's time to the smallest one's against the ratio of their sizes: near-linear scaling means a 1M-row dump costs
about ten times a 100k-row one, not a hundred (the near-duplicate search only sees the pre-filtered candidates).
"""

from __future__ import annotations

import argparse
import time
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    texts = pd.read_csv(ROOT / "data" / "sample_dump.csv")["text"].tolist()
    times = {}
    for rows in sorted(args.rows):
        frame = predictions(rows, texts)
        began = time.perf_counter()
        chosen = taikai.suggest(frame, n=args.n, id_column="review_id")
        times[rows] = time.perf_counter() - began
        print(
            f"{rows:>9,} rows: {times[rows]:6.2f} s ({rows / times[rows]:,.0f} rows/s), {len(chosen.rows)} chosen, "
            f"{chosen.duplicates} near-duplicate candidates passed over"
        )
    smallest = min(times)
    for rows, seconds in times.items():
        if rows != smallest:
            ratio = seconds / times[smallest]
            print(f"{rows:,} vs {smallest:,} rows: time x{ratio:.1f} for size x{rows / smallest:.0f}")


if __name__ == "__main__":
    main()
