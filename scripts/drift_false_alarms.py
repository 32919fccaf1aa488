"""Count drift's false alarms on the sample dump dated otherwise: its dates shuffled, its rows resampled.

    python scripts/drift_false_alarms.py [--model MODEL] [--runs 20]

The sample dump is classified once (taikai batch, into a temporary folder); then, per run, its posted_at values are
shuffled between rows (seed 0, 1, …), or its rows drawn with replacement (``sample(frac=1, replace=True)``, seed
100, 101, …), and drift is checked per week and per month. Neither changes what the reviews say, so every
``drift: yes`` is a false alarm. Prints the verdicts counted per rearrangement and period, and the periods past
each figure's limit (docs/drift.md, "Chance: each limit widens with the part's size", quotes them).
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from script_main import ROOT, says_errors

import taikai


@says_errors()
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    parser.add_argument("--runs", type=int, default=20, help="shuffles and resamples, each")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    model = taikai.load_model(args.model)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pred.csv"
        taikai.classify_file(ROOT / "data" / "sample_dump.csv", out, "text", model=model)
        predictions = pd.read_csv(out, keep_default_na=False, dtype=str)
    for column in [c for c in predictions.columns if c.startswith("p_")]:
        predictions[column] = pd.to_numeric(predictions[column], errors="coerce")
    verdicts: collections.Counter[tuple[str, str, str]] = collections.Counter()
    figures: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for kind in ("shuffled dates", "bootstrap"):
        for run in range(args.runs):
            frame = predictions.copy()
            if kind == "shuffled dates":
                frame["posted_at"] = np.random.default_rng(run).permutation(frame["posted_at"].to_numpy())
            else:
                frame = frame.sample(frac=1, replace=True, random_state=100 + run).reset_index(drop=True)
            for freq in ("W", "M"):
                report = taikai.check_drift(frame, model, text_column="text", date_column="posted_at", freq=freq)
                verdicts[(kind, freq, report.verdict.value)] += 1
                for part in report.periods:
                    figures.update((kind, freq, f.name) for f in part.figures if f.alert)
            print(f"{kind} {run}", file=sys.stderr)
    for key, count in sorted(verdicts.items()):
        print(*key, count, sep="\t")
    for key, count in sorted(figures.items()):
        print(*key, f"{count} periods", sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
