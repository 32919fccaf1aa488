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


def fake_checkout(root):
    """Return the src directory of a checkout whose taikai is an empty package."""
    (root / "src" / "taikai").mkdir(parents=True)
    (root / "src" / "taikai" / "__init__.py").write_text("", encoding="utf-8")
    return root / "src"


@pytest.mark.parametrize("given", [True, False])
def test_environment_sets_pythonpath_to_the_checkout_or_leaves_it(tmp_path, monkeypatch, given):
    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    env = bench_report_rows.environment(tmp_path if given else None)
    assert env["PYTHONPATH"] == (str(tmp_path.resolve()) if given else "/elsewhere")


def test_taikai_from_names_the_checkouts_package(tmp_path):
    src = fake_checkout(tmp_path)
    assert bench_report_rows.taikai_from(src) == str(src / "taikai" / "__init__.py")


def test_taikai_from_refuses_a_src_that_taikai_is_not_imported_from(tmp_path):
    with pytest.raises(SystemExit) as exited:
        bench_report_rows.taikai_from(tmp_path)  # no taikai inside: it is imported from elsewhere, or not at all
    message = str(exited.value.code)
    assert message.startswith(f"--src {tmp_path}: taikai is imported from ")
    assert message.endswith("not from inside it; give the checkout's src directory (the one holding taikai/)")


def test_ratios_are_the_second_checkouts_figures_over_the_firsts():
    measure = bench_report_rows.Measure
    first = {"batch": measure(10.0, 100, 20.0), "report": measure(50.0, 400, 40.0)}
    second = {"batch": measure(12.0, 100, 10.0), "report": measure(25.0, 200, 30.0), "read": measure(1.0, 1, 1.0)}
    assert bench_report_rows.ratios(first, second) == {"batch": (1.2, 1.0, 0.5), "report": (0.5, 0.5, 0.75)}
