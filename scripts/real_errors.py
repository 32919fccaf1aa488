"""List the real-dev items a model gets wrong, grouped by (gold, predicted), for error analysis. Stdout only.

Usage: python scripts/real_errors.py [MODEL_DIR] [--task reason|sentiment|both] [--text] [--agreed] [--min-group 1]

For every wrong item: id, gold labels (all reasons), predicted labels, the top three probabilities, whether the
annotators agreed, and the annotation note; with ``--text`` also the text (to the terminal only: dev texts are
third-party and must never be written into the repository; cite items by id). Groups are sorted by size.
Exits 0 with a message when the dev set (``../shared/realdev/real_dev.csv``) is absent. Public API only.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

from script_main import says_errors

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "realdev" / "real_dev.csv"


def _top(proba: dict[str, float], k: int = 3) -> str:
    return " ".join(f"{label}:{p:.2f}" for label, p in sorted(proba.items(), key=lambda kv: -kv[1])[:k])


@says_errors(model_option="MODEL_DIR")  # this script takes the model as MODEL_DIR
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", nargs="?", default=None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--task", choices=("reason", "sentiment", "both"), default="both")
    parser.add_argument("--text", action="store_true", help="also print each text (terminal only)")
    parser.add_argument("--agreed", action="store_true", help="only items both annotators agreed on")
    parser.add_argument("--min-group", type=int, default=1, help="hide (gold, predicted) groups smaller than this")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"real dev set not found at {args.data}: skipped")
        return 0
    import taikai

    with open(args.data, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if args.agreed:
        rows = [r for r in rows if r.get("annotators_agree") == "yes"]
    model = taikai.load_model(args.model)
    preds = model.predict([r["text"] for r in rows])
    tasks = ("reason", "sentiment") if args.task == "both" else (args.task,)
    for task in tasks:
        groups = defaultdict(list)
        for row, pred in zip(rows, preds):
            gold = row["reasons"].split("|")[0] if task == "reason" else row["sentiment"]
            guess = pred.reason if task == "reason" else pred.sentiment
            if gold != guess:
                groups[(gold, guess)].append((row, pred))
        wrong = sum(len(v) for v in groups.values())
        print(f"\n=== {task}: {wrong} of {len(rows)} wrong, {len(groups)} (gold, predicted) groups ===")
        for (gold, guess), items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if len(items) < args.min_group:
                continue
            print(f"\n--- gold {gold} → predicted {guess}: {len(items)}")
            for row, pred in items:
                proba = pred.reason_proba if task == "reason" else pred.sentiment_proba
                other = (
                    f"sentiment {row['sentiment']}→{pred.sentiment}"
                    if task == "reason"
                    else (f"reasons {row['reasons']}→{'|'.join(pred.reasons)}")
                )
                agree = "" if row.get("annotators_agree") == "yes" else " [annotators differed]"
                print(
                    f"{row['id']}  gold {row['reasons'] if task == 'reason' else gold}  "
                    f"pred {'|'.join(pred.reasons) if task == 'reason' else guess}  [{_top(proba)}]  {other}{agree}"
                )
                if row.get("note"):
                    print(f"    note: {row['note']}")
                if args.text:
                    print(f"    {row['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
