"""Merge the hand-written batches (data/batches/*.tsv) into data/reviews.csv.

Usage: python scripts/build_corpus.py [--batches data/batches [MORE ...]] [--out data/reviews.csv]

Several folders may be given: ``--batches data/batches data/candidates --out /tmp/candidate.csv`` builds the corpus
with the candidate batches that were measured and not added (data/candidates/README.md).

Each batch line is ``reasons<TAB>sentiment<TAB>platform<TAB>text``. The script validates every line, drops
exact and near-duplicate texts (character 3-gram Jaccard >= 0.8; the later one goes, and is listed), gives
each text an id ``<batch>-<line>``, and assigns a deterministic, stratified test split of at least 20 %:
within each primary reason, texts are ordered by the sha1 of their text and every fifth, starting with the
first, goes to test; then a group of texts with Jaccard >= 0.6 goes to test if any of them is there, so that
no near-duplicate crosses train and test. The same batches always give the same file.
"""

import argparse
import csv
import hashlib
import sys
from collections import defaultdict
from pathlib import Path

from corpus_schema import PLATFORMS
from dedupe import near_duplicates
from script_main import ROOT, ScriptError, says_errors

from taikai.labels import REASON_IDS, SENTIMENTS, parse_reasons

TEST_EVERY = 5
SAME_SPLIT = 0.6
"""Near-duplicates at or above this 3-gram Jaccard go to the same split (tests/scripts/test_corpus.py checks it)."""


def read_batches(folder: Path) -> list[dict]:
    """Return every valid line of every batch; exit with the list of problems if any line is invalid, and say so
    when *folder* holds no batch (a mistyped folder must not rebuild the corpus empty)."""
    rows, problems = [], []
    batches = sorted(folder.glob("*.tsv"))
    if not batches:
        what = "no batch (*.tsv) in it" if folder.is_dir() else "no such folder"
        advice = "give folders of batch TSVs (e.g. --batches data/batches); nothing written"
        raise ScriptError(f"{folder}: {what}; {advice}")
    for path in batches:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("\t")]
            if len(parts) != 4:
                problems.append(f"{path}:{n}: expected 4 tab-separated fields, got {len(parts)}")
                continue
            reasons, sentiment, platform, text = parts
            labels = parse_reasons(reasons)
            if not labels or not set(labels) <= set(REASON_IDS):
                problems.append(f"{path}:{n}: bad reasons {reasons!r}")
            if sentiment not in SENTIMENTS:
                problems.append(f"{path}:{n}: bad sentiment {sentiment!r}")
            if platform not in PLATFORMS:
                problems.append(f"{path}:{n}: bad platform {platform!r}")
            if not text:
                problems.append(f"{path}:{n}: empty text")
            rows.append(
                {
                    "id": f"{path.stem}-{n:04d}",
                    "text": text,
                    "reasons": "|".join(labels),
                    "sentiment": sentiment,
                    "platform": platform,
                }
            )
    if problems:
        raise ScriptError("\n".join(problems))
    return rows


def keep_together(rows: list[dict], pairs: list[tuple[int, int, float]]) -> int:
    """Put a group of near-duplicates in test if any of them is there, so that none crosses train and test.

    Moving to test, never out of it, keeps every reason's test share at or above the fifth it was given.

    Returns how many rows changed split.
    """
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in pairs:
        a, b = root(i), root(j)
        parent[max(a, b)] = min(a, b)
    in_test = {root(i) for i, row in enumerate(rows) if row["split"] == "test"}
    moved = 0
    for i, row in enumerate(rows):
        split = "test" if root(i) in in_test else row["split"]
        if row["split"] != split:
            row["split"], moved = split, moved + 1
    return moved


@says_errors()
def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=Path, nargs="+", default=[ROOT / "data" / "batches"])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "reviews.csv")
    args = parser.parse_args(argv)
    rows = [row for folder in args.batches for row in read_batches(folder)]
    pairs = near_duplicates([r["text"] for r in rows])
    drop = {j for _, j, _ in pairs}
    for i, j, sim in pairs:
        print(f"dropped {rows[j]['id']} (similarity {sim:.2f} to {rows[i]['id']}): {rows[j]['text'][:40]}")
    rows = [r for k, r in enumerate(rows) if k not in drop]
    by_reason = defaultdict(list)
    for r in rows:
        by_reason[r["reasons"].split("|")[0]].append(r)
    for group in by_reason.values():
        group.sort(key=lambda r: hashlib.sha1(r["text"].encode("utf-8")).hexdigest())
        for k, r in enumerate(group):
            r["split"] = "test" if k % TEST_EVERY == 0 else "train"
    moved = keep_together(rows, near_duplicates([r["text"] for r in rows], threshold=SAME_SPLIT))
    if moved:
        print(f"moved {moved} rows to the split of a near-duplicate (Jaccard >= {SAME_SPLIT})")
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "text", "reasons", "sentiment", "platform", "split"])
        writer.writeheader()
        writer.writerows(rows)
    tests = sum(r["split"] == "test" for r in rows)
    print(f"wrote {len(rows)} rows ({tests} test) to {args.out}; dropped {len(drop)} near-duplicates")


if __name__ == "__main__":
    sys.exit(main())
