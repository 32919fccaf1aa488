"""Merge the hand-written demo dump batches (data/dump_batches/*.tsv) into data/sample_dump.csv.

Usage: python scripts/build_dump.py [--batches DIR] [--corpus data/reviews.csv] [--out data/sample_dump.csv]

Each batch line is ``posted_at<TAB>platform<TAB>text``. Lines are validated, texts that nearly duplicate another
dump text or a corpus text (character 3-gram Jaccard >= 0.8) are dropped and listed, rows are sorted by date
(stable), and each gets a ``review_id``.
"""

import argparse
import csv
import sys
from datetime import date
from pathlib import Path

from corpus_schema import PLATFORMS
from dedupe import near_duplicates
from script_main import ROOT, ScriptError, says_errors


@says_errors()
def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=Path, default=ROOT / "data" / "dump_batches")
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "reviews.csv")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "sample_dump.csv")
    args = parser.parse_args(argv)
    batches = sorted(args.batches.glob("*.tsv"))
    if not batches:  # a mistyped folder must not rebuild the dump empty
        what = "no batch (*.tsv) in it" if args.batches.is_dir() else "no such folder"
        advice = "give the folder of dump batches (e.g. data/dump_batches); nothing written"
        raise ScriptError(f"{args.batches}: {what}; {advice}")
    if not args.corpus.is_file():
        raise ScriptError(f"{args.corpus}: no such file; give the corpus CSV with --corpus (e.g. data/reviews.csv)")
    rows, problems = [], []
    for path in batches:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("\t")]
            if len(parts) != 3:
                problems.append(f"{path}:{n}: expected 3 tab-separated fields, got {len(parts)}")
                continue
            posted_at, platform, text = parts
            try:
                date.fromisoformat(posted_at)
            except ValueError:
                problems.append(f"{path}:{n}: bad date {posted_at!r}")
            if platform not in PLATFORMS:
                problems.append(f"{path}:{n}: bad platform {platform!r}")
            if not text:
                problems.append(f"{path}:{n}: empty text")
            rows.append({"posted_at": posted_at, "platform": platform, "text": text, "source": f"{path.stem}:{n}"})
    if problems:
        raise ScriptError("\n".join(problems))
    with open(args.corpus, encoding="utf-8", newline="") as f:
        corpus = [r["text"] for r in csv.DictReader(f)]
    texts = [r["text"] for r in rows] + corpus
    drop = set()
    for i, j, sim in near_duplicates(texts):
        if j < len(rows):  # j is a dump text (corpus texts come after all dump texts)
            drop.add(j)
            print(
                f"dropped {rows[j]['source']} (similarity {sim:.2f} to {'dump ' if i < len(rows) else 'corpus '}text): "
                f"{rows[j]['text'][:40]}"
            )
    rows = sorted((r for k, r in enumerate(rows) if k not in drop), key=lambda r: r["posted_at"])
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["review_id", "posted_at", "platform", "text"])
        writer.writeheader()
        for k, r in enumerate(rows, 1):
            writer.writerow(
                {"review_id": f"R{k:05d}", "posted_at": r["posted_at"], "platform": r["platform"], "text": r["text"]}
            )
    print(f"wrote {len(rows)} rows to {args.out}; dropped {len(drop)}")


if __name__ == "__main__":
    sys.exit(main())
