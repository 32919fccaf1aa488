"""bench/bench_report_rows.py: the dump of N rows repeats the sample with unique ids and texts and valid dates."""

import csv
import datetime as dt
import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # bench_report imports its siblings by name, as when run as a script

bench_report_rows = importlib.import_module("bench_report_rows")


@pytest.mark.parametrize("rows", [1, 3, 7])
def test_the_dump_of_n_rows_has_unique_ids_and_texts(tmp_path, rows):
    sample = tmp_path / "sample.csv"
    sample.write_text("review_id,posted_at,platform,text\nR1,2025-01-01,A,x\nR2,2025-02-28,B,y\n", encoding="utf-8")
    out = bench_report_rows.make_rows_dump(rows, tmp_path / "dump.csv", sample)
    with open(out, encoding="utf-8", newline="") as f:
        records = list(csv.DictReader(f))
    assert len(records) == rows
    assert len({r["review_id"] for r in records}) == len({r["text"] for r in records}) == rows
    assert [r["review_id"] for r in records[:3]] == ["R1-0", "R2-0", "R1-1"][:rows]
    assert all(dt.date.fromisoformat(r["posted_at"]) for r in records)
