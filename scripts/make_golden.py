"""Regenerate the golden output: ``data/sample_dump.csv`` classified by the shipped model.

``python scripts/make_golden.py`` writes ``tests/golden/sample_dump.predictions.csv.gz`` and, beside it,
``sample_dump.json`` with the sha256 of the input, of the model artifact and of the output. ``tests/test_golden.py``
classifies the dump again and requires byte-identical output; it fails, asking for this script, when the shipped
model is not the one the golden was made with. Run it only after a deliberate change of the model (a retrain),
and look at how many predictions changed (the script prints it) before committing the new golden.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import tempfile
from pathlib import Path

import taikai
from taikai.model import ARTIFACT_NAME, default_model_dir, sha256_file

ROOT = Path(__file__).resolve().parents[1]
INPUT = ROOT / "data" / "sample_dump.csv"
GOLDEN = ROOT / "tests" / "golden"
OUTPUT = GOLDEN / "sample_dump.predictions.csv.gz"
RECORD = GOLDEN / "sample_dump.json"
COMMAND = "taikai batch data/sample_dump.csv -o OUT.csv --text-column text --id-column review_id"


def classify(out: Path) -> bytes:
    """Classify the sample dump with the shipped model as the README's command does; return the output bytes."""
    taikai.classify_file(INPUT, out, "text", id_column="review_id")
    return out.read_bytes()


def _changed_rows(old: bytes, new: bytes) -> int:
    def rows(data: bytes) -> list[tuple[str, ...]]:
        return [tuple(r[4:10]) for r in csv.reader(io.StringIO(data.decode("utf-8")))]

    return sum(a != b for a, b in zip(rows(old), rows(new), strict=False))


def main() -> None:
    """Write the golden output and its record."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = classify(Path(tmp) / "out.csv")
    if OUTPUT.exists():
        old = gzip.decompress(OUTPUT.read_bytes())
        print(f"rows whose labels changed against the previous golden: {_changed_rows(old, data):,}")
    OUTPUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    record = {
        "input": "data/sample_dump.csv",
        "input_sha256": sha256_file(INPUT),
        "output": OUTPUT.name,
        "command": COMMAND,
        "model": "models/default/model.joblib",
        "model_sha256": sha256_file(default_model_dir() / ARTIFACT_NAME),
        "output_sha256": hashlib.sha256(data).hexdigest(),
    }
    RECORD.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(data):,} bytes) and {RECORD}")


if __name__ == "__main__":
    main()
