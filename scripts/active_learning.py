"""An honest test of active learning: does labelling what the model is unsure of beat labelling at random?

Usage: python scripts/active_learning.py [--data data/reviews.csv] [--rounds 5] [--per-round 100] [--seeds 0 1 2]
                                         [--strategies margin entropy random] [--out docs/active_learning]
                                         [--vectors none|chive]

Start: the train-split rows of two writer batches of the corpus (ids ``bNN-…``; seed *s* draws the pair) are the
labelled seed, the rest of the train split is the unlabelled pool. Each round trains a model on what is labelled
(``taikai.train`` with the shipped features, ``FeatureConfig.shipped()``: word n-grams beside the chiVe vectors;
``--vectors none``: words only), classifies the pool (``predict_frame``), lets ``taikai.suggestion`` pick
``--per-round`` rows with the strategy, and "labels" them with their corpus labels. Every model is scored on the
corpus test split (in-domain) and on ``../shared/realdev/real_dev.csv`` (real statements; evaluated only, never
trained on; skipped when missing). Writes ``OUT.csv`` (one row per strategy, seed and round), ``OUT.png`` (a
plot) and prints the Markdown tables for ``docs/active_learning.md``. Rerunnable: the same arguments give the
same numbers.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from script_main import ROOT, says_errors
from shipped_config import add_vectors_option, describe, feature_config

import taikai
from taikai.evaluation import EvaluationReport
from taikai.model import FeatureConfig
from taikai.training import SkippedRowsWarning

REALDEV = ROOT.parent / "shared" / "realdev" / "real_dev.csv"
MIN_SUPPORT = 10  # the real dev score: reason macro-F1 over the reasons with at least 10 gold items


def seed_batches(batches: list[str], seed: int) -> list[str]:
    """Return the two writer batches that start run *seed* (drawn among the full batches)."""
    rng = np.random.default_rng(seed)
    return sorted(rng.choice(batches, size=2, replace=False).tolist())


def realdev_scores(report: EvaluationReport) -> dict[str, float]:
    """Return the real dev figures: reason macro-F1 over reasons with >= 10 gold items, sentiment macro-F1."""
    reason = report.reason
    kept = [f for f, s in zip(reason.f1, reason.support, strict=True) if s >= MIN_SUPPORT]
    assert report.sentiment is not None
    return {"reason_macro_f1": float(np.mean(kept)), "sentiment_macro_f1": report.sentiment.macro_f1}


def score(model: taikai.Model, test: pd.DataFrame, realdev: pd.DataFrame | None) -> dict[str, float]:
    """Return the in-domain test and real dev figures of *model*."""
    report = taikai.evaluate(model, test)
    out = {
        "test_reason_macro_f1": report.reason.macro_f1,
        "test_sentiment_macro_f1": report.sentiment.macro_f1 if report.sentiment else float("nan"),
    }
    if realdev is not None:
        real = realdev_scores(taikai.evaluate(model, realdev))
        out |= {
            "realdev_reason_macro_f1": real["reason_macro_f1"],
            "realdev_sentiment_macro_f1": real["sentiment_macro_f1"],
        }
    return out


def fit(labelled: pd.DataFrame, config: FeatureConfig, seed: int) -> taikai.Model:
    """Train a model with *config* on the *labelled* rows (no CV, nothing held out)."""
    frame = labelled[["text", "reasons", "sentiment"]]
    with warnings.catch_warnings():
        warnings.simplefilter("error", SkippedRowsWarning)  # the corpus has no unusable rows: fail loudly if so
        return taikai.train(frame, config=config, folds=0, test_size=0, seed=seed)


def run(
    train: pd.DataFrame,
    test: pd.DataFrame,
    realdev: pd.DataFrame | None,
    config: FeatureConfig,
    strategy: str,
    seed: int,
    rounds: int,
    per_round: int,
) -> list[dict[str, object]]:
    """Run one strategy from one seed; return one record per round (round 0: the seed alone)."""
    batches = sorted({i.split("-")[0] for i in train["id"]})
    full = [b for b in batches if (train["id"].str.startswith(b + "-")).sum() >= 0.5 * len(train) / len(batches)]
    start = seed_batches(full, seed)
    in_seed = train["id"].str.split("-").str[0].isin(start)
    labelled, pool = train[in_seed], train[~in_seed]
    records = []
    for r in range(rounds + 1):
        began = time.perf_counter()
        model = fit(labelled, config, seed)
        figures = score(model, test, realdev)
        records.append(
            {"strategy": strategy, "seed": seed, "seed_batches": "+".join(start), "round": r, "labelled": len(labelled)}
            | {"features": describe(config)}
            | figures
        )
        if r == rounds:
            break
        predictions = model.predict_frame(pool[["id", "text"]], text_column="text")
        chosen = taikai.suggest(predictions, n=per_round, strategy=strategy, seed=seed * 1000 + r, id_column="id")
        ids = set(chosen.rows["id"])
        labelled = pd.concat([labelled, pool[pool["id"].isin(ids)]], ignore_index=True)
        pool = pool[~pool["id"].isin(ids)]
        print(
            f"{strategy:8s} seed {seed} round {r}: {len(labelled) - per_round} labelled, "
            f"test {figures['test_reason_macro_f1']:.3f} ({time.perf_counter() - began:.1f} s)",
            file=sys.stderr,
        )
    return records


def plot(results: pd.DataFrame, out: Path) -> None:
    """Plot mean ± spread of the reason macro-F1 per round, test split and real dev side by side."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from taikai.analysis import register_japanese_font

    font = register_japanese_font()
    panels = [("test_reason_macro_f1", "コーパスのテスト分割 (in-domain test split)")]
    if "realdev_reason_macro_f1" in results.columns:
        panels.append(("realdev_reason_macro_f1", "実データ開発セット (real dev set)"))
    fig, axes = plt.subplots(1, len(panels), figsize=(6 * len(panels), 4.2), squeeze=False)
    for ax, (column, title) in zip(axes[0], panels, strict=True):
        for strategy, rows in results.groupby("strategy", sort=False):
            stats = rows.groupby("labelled_mean")[column].agg(["mean", "min", "max"])
            ax.plot(stats.index, stats["mean"], marker="o", label=strategy)
            ax.fill_between(stats.index, stats["min"], stats["max"], alpha=0.15)
        ax.set_title(title, fontfamily=font)
        ax.set_xlabel("ラベル付きの行数 (labelled rows)", fontfamily=font)
        ax.set_ylabel("理由の macro-F1 (reason macro-F1)", fontfamily=font)
        ax.grid(alpha=0.3)
        ax.legend()
    fig.suptitle("能動学習: 不確かさ順 vs ランダム (平均と最小–最大, シード別)", fontfamily=font)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def table(results: pd.DataFrame) -> str:
    """Return a Markdown table: per strategy and round, the mean (min–max over seeds) of every figure."""
    figures = [c for c in results.columns if c.startswith(("test_", "realdev_"))]
    head = "| strategy | round | labelled | " + " | ".join(figures) + " |"
    lines = [head, "|---|---:|---:|" + "---:|" * len(figures)]
    for (strategy, r), rows in results.groupby(["strategy", "round"], sort=False):
        cells = [f"{rows[c].mean():.3f} ({rows[c].min():.3f}–{rows[c].max():.3f})" for c in figures]
        lines.append(f"| {strategy} | {r} | {rows['labelled'].mean():.0f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def paired_table(results: pd.DataFrame, baseline: str = "random") -> str:
    """Return a Markdown table: per round, each strategy's reason macro-F1 minus *baseline*'s from the same seed
    (the same start), mean (min, max) over seeds, on the test split and, where scored, the real dev set."""
    figures = [("test", "test_reason_macro_f1"), ("real dev", "realdev_reason_macro_f1")]
    figures = [(name, column) for name, column in figures if column in results.columns]
    others = [s for s in results["strategy"].unique() if s != baseline]
    wide = results.pivot_table(index=["round", "seed"], columns="strategy", values=[c for _, c in figures])
    labelled = results.groupby("round")["labelled"].mean()
    heads = [f"{name}: {strategy} − {baseline}" for name, _ in figures for strategy in others]
    lines = ["| round | labelled | " + " | ".join(heads) + " |", "|---:|---:|" + "---:|" * len(heads)]
    for r in sorted(results["round"].unique())[1:]:
        cells = []
        for _, column in figures:
            for strategy in others:
                diff = (wide.loc[r, (column, strategy)] - wide.loc[r, (column, baseline)]).to_numpy()
                cells.append(f"{diff.mean():+.3f} ({diff.min():+.3f}, {diff.max():+.3f})".replace("-", "−"))
        lines.append(f"| {r} | {labelled[r]:.0f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


@says_errors()
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "reviews.csv")
    parser.add_argument("--realdev", type=Path, default=REALDEV)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--per-round", type=int, default=100)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--strategies", nargs="+", default=["margin", "entropy", "random"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "active_learning")
    add_vectors_option(parser)
    args = parser.parse_args(argv)
    config = feature_config(args.vectors)
    sha = hashlib.sha256(args.data.read_bytes()).hexdigest()
    df = pd.read_csv(args.data, dtype=str, keep_default_na=False)
    train, test = df[df["split"] == "train"], df[df["split"] == "test"]
    realdev = None
    if args.realdev.exists():
        realdev = pd.read_csv(args.realdev, dtype=str, keep_default_na=False)[["text", "reasons", "sentiment"]]
    else:
        print(f"{args.realdev} not found: scoring on the test split only", file=sys.stderr)
    records = [
        record
        for seed in args.seeds
        for strategy in args.strategies
        for record in run(train, test, realdev, config, strategy, seed, args.rounds, args.per_round)
    ]
    results = pd.DataFrame(records)
    results["labelled_mean"] = results.groupby("round")["labelled"].transform("mean")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    results.drop(columns="labelled_mean").to_csv(args.out.with_suffix(".csv"), index=False)
    plot(results, args.out.with_suffix(".png"))
    print(f"data: {args.data.name} sha256 {sha}, {len(train)} train / {len(test)} test rows")
    print(f"features: {describe(config)}")
    print(f"realdev: {'yes' if realdev is not None else 'missing'}; seeds {args.seeds}; starts:")
    for seed, rows in results.groupby("seed"):
        print(
            f"  seed {seed}: {rows['seed_batches'].iloc[0]} ({rows.loc[rows['round'] == 0, 'labelled'].iloc[0]} rows)"
        )
    print(table(results.drop(columns="labelled_mean")))
    if "random" in args.strategies and len(args.strategies) > 1:
        print(
            "\nPaired by seed (same start), the difference to random in reason macro-F1, mean (min, max) over seeds:\n"
        )
        print(paired_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
