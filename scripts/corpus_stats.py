"""Print the data card's tables for data/reviews.csv: counts per label, sentiment, platform, split and length.

Usage: python scripts/corpus_stats.py [data/reviews.csv]
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from script_main import ROOT, ScriptError, says_errors

from taikai.labels import REASON_IDS, SENTIMENTS, parse_reasons


def table(header: tuple[str, ...], rows) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


COLUMNS = ("id", "text", "reasons", "sentiment", "platform", "split")
"""The corpus columns the tables read."""


@says_errors()
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shown = "the corpus CSV (default: data/reviews.csv of the repository)"
    parser.add_argument("data", nargs="?", default=str(ROOT / "data" / "reviews.csv"), help=shown)
    path = Path(parser.parse_args(argv).data)
    if not path.is_file():
        raise ScriptError(f"{path}: no such file (give the corpus CSV, e.g. data/reviews.csv)")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise ScriptError(f"{path}: missing column(s) {', '.join(missing)}; a corpus CSV has {', '.join(COLUMNS)}")
    report(df)
    return 0


def report(df: pd.DataFrame) -> None:
    labels = df["reasons"].map(parse_reasons)
    primary = labels.str[0]
    n = len(df)
    print(
        f"{n} reviews, {(df.split == 'test').sum()} in the test split, "
        f"{(labels.str.len() > 1).mean():.0%} with more than one reason.\n"
    )
    any_count = Counter(label for ls in labels for label in ls)
    rows = []
    for r in REASON_IDS:
        mask = primary == r
        rows.append((f"`{r}`", mask.sum(), f"{mask.mean():.1%}", any_count[r], (mask & (df.split == "test")).sum()))
    print(table(("reason", "primary", "share", "stated anywhere", "primary in test"), rows), "\n")
    rows = [(s, (df.sentiment == s).sum(), f"{(df.sentiment == s).mean():.1%}") for s in SENTIMENTS]
    print(table(("sentiment", "rows", "share"), rows), "\n")
    platforms = df["platform"].replace("", "(none named)").value_counts()
    print(table(("platform", "rows"), platforms.items()), "\n")
    lengths = df["text"].str.len()
    q = np.percentile(lengths, [10, 25, 50, 75, 90, 99])
    print(
        table(
            ("min", "p10", "p25", "median", "p75", "p90", "p99", "max"),
            [(lengths.min(), *(int(v) for v in q), lengths.max())],
        ),
        "\n",
    )
    batches = df["id"].str.split("-").str[0].value_counts().sort_index()
    print(table(("batch", "rows"), batches.items()))
    cross = pd.crosstab(primary, df["sentiment"]).reindex(index=list(REASON_IDS), columns=list(SENTIMENTS))
    print()
    print(table(("primary reason", *SENTIMENTS), ([f"`{r}`", *cross.loc[r].tolist()] for r in REASON_IDS)))


if __name__ == "__main__":
    sys.exit(main())
