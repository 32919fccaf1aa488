"""Check one hand-written corpus batch (TSV: reasons, sentiment, platform, text) and print its shape.

Usage: python scripts/check_batch.py data/batches/b01.tsv
Validates every line, then runs ../shared/tools/corpus_report.py on it (if present; else it says it is not).
"""

import argparse
import csv
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from corpus_schema import PLATFORMS
from script_main import ScriptError, says_errors

REASONS = {"low_pay", "fees", "rejection", "time", "graduated", "platform_switch", "trouble", "other"}
SENTIMENTS = {"positive", "neutral", "negative"}
REPORT = Path(__file__).resolve().parents[2] / "shared" / "tools" / "corpus_report.py"
"""The shared shape report, in ``../shared`` beside the repository."""


def main(path: str) -> int:
    rows, errors = [], []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            errors.append(f"{path}:{n}: expected 4 tab-separated fields, got {len(parts)}")
            continue
        reasons, sentiment, platform, text = (p.strip() for p in parts)
        labels = reasons.split("|")
        if not set(labels) <= REASONS or len(set(labels)) != len(labels):
            errors.append(f"{path}:{n}: bad reasons {reasons!r}")
        if sentiment not in SENTIMENTS:
            errors.append(f"{path}:{n}: bad sentiment {sentiment!r}")
        if platform not in PLATFORMS:
            errors.append(f"{path}:{n}: bad platform {platform!r}")
        if not text:
            errors.append(f"{path}:{n}: empty text")
        rows.append({"id": f"{Path(path).stem}-{n}", "text": text, "reasons": reasons, "sentiment": sentiment})
    print("\n".join(errors) or "format ok")
    print("primary:", Counter(r["reasons"].split("|")[0] for r in rows))
    if not REPORT.exists():
        print(f"shape not reported: {REPORT} not found (../shared beside the repository holds it)")
        return 1 if errors else 0
    with tempfile.TemporaryDirectory() as folder:
        batch_csv = Path(folder) / f"{Path(path).stem}.csv"
        with open(batch_csv, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=["id", "text", "reasons", "sentiment"])
            writer.writeheader()
            writer.writerows(rows)
        subprocess.run([sys.executable, str(REPORT), str(batch_csv)], check=False)
    return 1 if errors else 0


@says_errors()
def cli(argv: list[str] | None = None) -> int:
    """Parse the command line and check the batch it names: 0 if every line is valid, 1 if not."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch", help="the batch TSV, e.g. data/batches/b01.tsv")
    batch = parser.parse_args(argv).batch
    if not Path(batch).is_file():
        raise ScriptError(f"{batch}: no such file (give the path of one batch TSV)")
    return main(batch)


if __name__ == "__main__":
    sys.exit(cli())
