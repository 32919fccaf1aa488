"""Make a synthetic review dump of N unique rows by sampling the corpus: ``python bench/make_dump.py N OUT.csv``."""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from script_main import says_errors

ROOT = Path(__file__).resolve().parent.parent
PLATFORMS = ("Lancers", "CrowdWorks", "Coconala", "ShuFti", "")


def corpus_texts(root: Path = ROOT) -> list[str]:
    """Return the corpus texts: data/reviews.csv (text column), else the 4th field of data/batches/*.tsv."""
    reviews = root / "data" / "reviews.csv"
    if reviews.exists():
        with open(reviews, encoding="utf-8-sig", newline="") as f:
            return [row["text"] for row in csv.DictReader(f) if row.get("text")]
    texts = []
    for path in sorted((root / "data" / "batches").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) >= 4 and fields[3].strip():
                texts.append(fields[3])
    if not texts:
        raise SystemExit("no corpus found: need data/reviews.csv or data/batches/*.tsv")
    return texts


def make_dump(n: int, out: Path, seed: int = 0) -> Path:
    """Write *n* rows ``id,posted,platform,text`` to *out*; every text ends with a unique row marker."""
    texts = corpus_texts()
    rng = random.Random(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "posted", "platform", "text"])
        for i in range(1, n + 1):
            day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            writer.writerow([f"r{i:07d}", day, rng.choice(PLATFORMS), f"{rng.choice(texts)} #{i}"])
    return out


def dump_texts(dump: Path) -> list[str]:
    """Return the texts of a dump written by :func:`make_dump`, in order."""
    with open(dump, encoding="utf-8", newline="") as f:
        return [row["text"] for row in csv.DictReader(f)]


@says_errors()
def main(argv: list[str] | None = None) -> None:
    """Parse the arguments and write the dump."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    make_dump(args.rows, args.out, args.seed)
    print(f"{args.rows:,} rows written to {args.out}")


if __name__ == "__main__":
    sys.exit(main())
