"""Print a learning curve: test-split macro-F1 when training on 25/50/75/100 % of the train split.

Usage: python scripts/learning_curve.py [data/reviews.csv] [--repeats 3] [--vectors none|chive]

Every model has the shipped configuration (``FeatureConfig.shipped()``: word n-grams beside the chiVe vectors, as
``taikai train`` trains by default; ``--vectors none``: words only).
Each fraction is a stratified subsample of the train split (seeds 0..repeats-1, mean ± spread); the test split
is always the whole test split. Where the real dev set is present (``../shared/realdev/real_dev.csv``), the same
models are also scored on it (reason macro-F1 over the reasons with at least 10 gold items, as
``realdev_score.py``; sentiment macro-F1). Prints a Markdown table for data/README.md.
"""

import argparse
import sys

import numpy as np
from script_main import ROOT, says_errors
from shipped_config import add_vectors_option, describe, feature_config
from sklearn.model_selection import train_test_split

from taikai.evaluation import evaluate
from taikai.io import read_labelled
from taikai.model import Model, build_pipeline
from taikai.text import normalize

sys.path.insert(0, str(ROOT / "bench"))
from real_text import DEFAULT_DATA, SENTIMENTS, gold_labels, macro_f1, read_dev, scored_reasons

FRACTIONS = (0.25, 0.5, 0.75, 1.0)


def dev_scores(model: Model, rows: list[dict]) -> tuple[float, float]:
    """Return (reason, sentiment) macro-F1 of *model* on the dev rows, as ``realdev_score.py`` computes them."""
    gold_r, gold_s = gold_labels(rows)
    preds = model.predict([r["text"] for r in rows])
    reason = macro_f1(gold_r, [p.reason for p in preds], scored_reasons(gold_r))
    return reason, macro_f1(gold_s, [p.sentiment for p in preds], list(SENTIMENTS))


@says_errors()
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(ROOT / "data" / "reviews.csv"))
    parser.add_argument("--repeats", type=int, default=3)
    add_vectors_option(parser)
    args = parser.parse_args(argv)
    config = feature_config(args.vectors)
    df = read_labelled(args.data)
    train, test = df[df["split"] == "train"], df[df["split"] == "test"]
    dev = read_dev(DEFAULT_DATA) if DEFAULT_DATA.exists() else []
    print(f"Features: {describe(config)}.\n")
    extra = " reason macro-F1 (real dev) | sentiment macro-F1 (real dev) |" if dev else ""
    print("| share of train | rows | reason macro-F1 (test) | sentiment macro-F1 (test) |" + extra)
    print("|---:|---:|---:|---:|" + ("---:|---:|" if dev else ""))
    for fraction in FRACTIONS:
        reason, sentiment, dev_reason, dev_sentiment = [], [], [], []
        for seed in range(args.repeats if fraction < 1 else 1):
            part = train
            if fraction < 1:
                part, _ = train_test_split(train, train_size=fraction, stratify=train["primary"], random_state=seed)
            pipeline = build_pipeline(config).fit(
                [normalize(t) for t in part["text"]], np.column_stack([part["primary"], part["sentiment"]])
            )
            report = evaluate(Model(pipeline), test)
            reason.append(report.reason.macro_f1)
            sentiment.append(report.sentiment.macro_f1)
            if dev:
                r, s = dev_scores(Model(pipeline), dev)
                dev_reason.append(r)
                dev_sentiment.append(s)
        cells = [(reason, sentiment), (dev_reason, dev_sentiment)] if dev else [(reason, sentiment)]
        row = " | ".join(
            f"{np.mean(a):.3f} ± {np.ptp(a) / 2:.3f} | {np.mean(b):.3f} ± {np.ptp(b) / 2:.3f}" for a, b in cells
        )
        print(f"| {fraction:.0%} | {len(part)} | {row} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
