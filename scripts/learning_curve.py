"""Print a learning curve: test-split macro-F1 when training on 25/50/75/100 % of the train split.

Usage: python scripts/learning_curve.py [data/reviews.csv] [--repeats 3]

Each fraction is a stratified subsample of the train split (seeds 0..repeats-1, mean ± spread); the test split
is always the whole test split. Prints a Markdown table for data/README.md.
"""

import argparse

import numpy as np
from sklearn.model_selection import train_test_split

from taikai.evaluation import evaluate
from taikai.io import read_labelled
from taikai.model import FeatureConfig, Model, build_pipeline
from taikai.text import normalize

FRACTIONS = (0.25, 0.5, 0.75, 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default="data/reviews.csv")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    df = read_labelled(args.data)
    train, test = df[df["split"] == "train"], df[df["split"] == "test"]
    print("| share of train | rows | reason macro-F1 (test) | sentiment macro-F1 (test) |")
    print("|---:|---:|---:|---:|")
    for fraction in FRACTIONS:
        reason, sentiment = [], []
        for seed in range(args.repeats if fraction < 1 else 1):
            part = train
            if fraction < 1:
                part, _ = train_test_split(train, train_size=fraction, stratify=train["primary"], random_state=seed)
            pipeline = build_pipeline(FeatureConfig()).fit(
                [normalize(t) for t in part["text"]], np.column_stack([part["primary"], part["sentiment"]])
            )
            report = evaluate(Model(pipeline), test)
            reason.append(report.reason.macro_f1)
            sentiment.append(report.sentiment.macro_f1)
        print(
            f"| {fraction:.0%} | {len(part)} | {np.mean(reason):.3f} ± {np.ptp(reason) / 2:.3f} "
            f"| {np.mean(sentiment):.3f} ± {np.ptp(sentiment) / 2:.3f} |"
        )


if __name__ == "__main__":
    main()
