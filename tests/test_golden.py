"""Golden output: the sample dump classified by the shipped model is byte-identical to the recorded output.

The golden was first made by the code before the package redesign; ``scripts/make_golden.py`` remakes it after a
deliberate retrain of the shipped model.
"""

import gzip
import hashlib
import json
from pathlib import Path

import pytest

import taikai
from taikai.model import ARTIFACT_NAME, default_model_dir, sha256_file

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
RECORD = json.loads((GOLDEN / "sample_dump.json").read_text(encoding="utf-8"))
REGENERATE = "regenerate the golden with scripts/make_golden.py (after checking that the change is intended)"


def test_the_golden_was_made_with_the_shipped_model_and_input():
    model = sha256_file(default_model_dir() / ARTIFACT_NAME)
    if model != RECORD["model_sha256"]:
        pytest.fail(f"the shipped model ({model}) is not the one the golden was made with; {REGENERATE}")
    data = sha256_file(ROOT / RECORD["input"])
    if data != RECORD["input_sha256"]:
        pytest.fail(f"{RECORD['input']} changed since the golden was made; {REGENERATE}")


def test_sample_dump_output_is_byte_identical(tmp_path):
    out = tmp_path / "out.csv"
    taikai.classify_file(ROOT / RECORD["input"], out, "text", id_column="review_id")
    got = out.read_bytes()
    want = gzip.decompress((GOLDEN / RECORD["output"]).read_bytes())
    assert hashlib.sha256(want).hexdigest() == RECORD["output_sha256"]
    if got != want:
        model = sha256_file(default_model_dir() / ARTIFACT_NAME)
        hint = REGENERATE if model != RECORD["model_sha256"] else "the code changed a prediction or the format"
        got_lines, want_lines = got.decode().splitlines(), want.decode().splitlines()
        first = next((i for i, (a, b) in enumerate(zip(got_lines, want_lines)) if a != b), None)
        where = (
            f"first difference on line {first + 1}:\n  got  {got_lines[first][:300]}\n  want {want_lines[first][:300]}"
        )
        pytest.fail(f"output differs from the golden ({hint}); {where if first is not None else 'lengths differ'}")
