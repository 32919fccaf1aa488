"""Compare two model directories on one labelled set, paired: both heads' macro-F1 and B − A over the same resamples.

Usage: python bench/paired.py BASE_MODEL NEW_MODEL [--data CSV] [--resamples 2000] [--seed 0]

The data is a CSV with ``id, text, reasons, sentiment``. Each head is scored on every item (``all``) and on the
items two readers agreed on (``agreed``), which the file says in one of two ways: a column ``annotators_agree``
(``yes``: the real dev set, both heads on the same items), or columns ``reader_reasons`` and ``reader_sentiment`` (a
second reader's labels: the reason on the items whose primary reasons agree, the sentiment on those whose sentiments
agree; ``data/heldout/``). The reason macro-F1 is over the reasons with at least 10 gold primary items of the subset
(``realdev_score.py``'s rule); the interval is the percentile bootstrap over items (90 %), the same resamples for both
models, so the difference's interval is paired. Used by the rules in ``docs/model_selection.md`` that ship a retrain
only when a named set says it helps and the dev set says it does no harm. No text is printed: only figures.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "scripts"))
from real_text import (  # noqa: E402  (bench/real_text.py: the metric helpers)
    DEFAULT_DATA,
    SENTIMENTS,
    interval,
    macro_f1,
    paired_difference,
    read_dev,
    resample_weights,
    scored_reasons,
    weighted_macro_f1,
)
from script_main import says_errors  # noqa: E402  (scripts/script_main.py: errors said in one line)


@dataclass(frozen=True)
class Comparison:
    """One head on one subset: both models' macro-F1 with intervals, and the paired difference B − A."""

    head: str
    subset: str
    n: int
    base: float
    base_ci: tuple[float, float]
    new: float
    new_ci: tuple[float, float]
    diff: float
    diff_ci: tuple[float, float]
    win: float
    changed: int


def agreed_subsets(rows: list[dict]) -> dict[str, list[int]]:
    """Return the items each head is scored on in the ``agreed`` subset (empty when the file says nothing)."""
    if rows and "reader_reasons" in rows[0]:
        reason = [i for i, r in enumerate(rows) if r["reader_reasons"].split("|")[0] == r["reasons"].split("|")[0]]
        sentiment = [i for i, r in enumerate(rows) if r["reader_sentiment"] == r["sentiment"]]
        return {"reason": reason, "sentiment": sentiment}
    agreed = [i for i, r in enumerate(rows) if r.get("annotators_agree") == "yes"]
    return {"reason": agreed, "sentiment": agreed}


def compare(rows: list[dict], base: list, new: list, resamples: int = 2000, seed: int = 0) -> list[Comparison]:
    """Return the comparisons of predictions *new* against *base* (objects with ``.reason`` and ``.sentiment``)."""
    everything = list(range(len(rows)))
    agreed = agreed_subsets(rows)
    out = []
    for head in ("reason", "sentiment"):
        for subset, idx in (("all", everything), ("agreed", agreed[head])):
            if not idx:
                continue
            if head == "reason":
                gold = [rows[i]["reasons"].split("|")[0] for i in idx]
                a, b = [base[i].reason for i in idx], [new[i].reason for i in idx]
                labels = scored_reasons(gold)
            else:
                gold = [rows[i]["sentiment"] for i in idx]
                a, b = [base[i].sentiment for i in idx], [new[i].sentiment for i in idx]
                labels = list(SENTIMENTS)
            weights = resample_weights(len(idx), resamples, seed)
            paired = paired_difference(gold, a, b, labels, weights)
            out.append(
                Comparison(
                    head=head,
                    subset=subset,
                    n=len(idx),
                    base=macro_f1(gold, a, labels),
                    base_ci=interval(weighted_macro_f1(gold, a, labels, weights)),
                    new=macro_f1(gold, b, labels),
                    new_ci=interval(weighted_macro_f1(gold, b, labels, weights)),
                    diff=paired["diff"],
                    diff_ci=(paired["lo"], paired["hi"]),
                    win=paired["win"],
                    changed=sum(x != y for x, y in zip(a, b)),
                )
            )
    return out


def render(comparisons: list[Comparison]) -> str:
    """Return the comparisons as a Markdown table."""
    lines = [
        "| head | subset | n | A macro-F1 [90 %] | B macro-F1 [90 %] | B − A [90 %] | B better in | changed |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for c in comparisons:
        lines.append(
            f"| {c.head} | {c.subset} | {c.n} | {c.base:.3f} [{c.base_ci[0]:.3f}, {c.base_ci[1]:.3f}] "
            f"| {c.new:.3f} [{c.new_ci[0]:.3f}, {c.new_ci[1]:.3f}] "
            f"| {c.diff:+.3f} [{c.diff_ci[0]:+.3f}, {c.diff_ci[1]:+.3f}] | {c.win:.0%} | {c.changed} |"
        )
    return "\n".join(lines)


@says_errors(model_option="BASE_MODEL or NEW_MODEL")
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="model directory A (the one shipped)")
    parser.add_argument("new", help="model directory B (the candidate)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="labelled CSV (default: the real dev set)")
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"labelled set not found at {args.data}: skipped")
        return 0
    import taikai

    rows = read_dev(args.data)
    texts = [r["text"] for r in rows]
    base = taikai.load_model(args.base).predict(texts)
    new = taikai.load_model(args.new).predict(texts)
    print(
        f"A = {args.base}, B = {args.new}, data {args.data} ({len(rows)} items); {args.resamples} resamples, "
        f"seed {args.seed}; reason macro-F1 over reasons with >= 10 gold items of the subset"
    )
    print(render(compare(rows, base, new, args.resamples, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
