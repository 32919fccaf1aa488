"""bench/batch_run.py and bench_batch.py's rounds: the summary is parsed, start-up is taken off the CPU seconds,
the one-row dump reads back as one row, and the two models alternate which runs first."""

import csv
import importlib
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # bench_batch imports its siblings by name, as when run as a script


batch_run = importlib.import_module("batch_run")
bench_batch = importlib.import_module("bench_batch")

SUMMARY = "12,345 rows classified into out.csv in 2.5 s (4,938 rows/s)\nreasons: fees (手数料) 3\n"


@pytest.mark.parametrize(
    ("stderr", "rows", "reported"),
    [
        (SUMMARY, 12_345, 4_938.0),
        ("taikai: note\n1 rows classified into o.csv in 0.0 s (57 rows/s)\n", 1, 57.0),
        ("9 of 10 rows classified into o.csv in 0.1 s (100 rows/s)\n", 10, 100.0),
    ],
)
def test_parse_summary_reads_rows_and_rate(stderr, rows, reported):
    run = batch_run.parse_summary(stderr, ("taikai", "batch"), wall=3.0, cpu=4.0)
    assert (run.rows, run.reported, run.wall, run.cpu) == (rows, reported, 3.0, 4.0)


def test_parse_summary_without_a_summary_names_the_command():
    with pytest.raises(SystemExit, match=re.escape("taikai batch x.csv: no 'N rows classified")):
        batch_run.parse_summary("Error: no such column\n", ("taikai", "batch", "x.csv"), wall=1.0, cpu=1.0)


@pytest.mark.parametrize(("cpu", "startup", "expected"), [(5.0, 1.0, 2_500.0), (3.0, 2.0, 10_000.0)])
def test_per_cpu_takes_start_up_off(cpu, startup, expected):
    run = batch_run.BatchRun(("taikai",), rows=10_000, reported=1.0, wall=1.0, cpu=cpu)
    assert run.per_cpu(startup) == pytest.approx(expected)


@pytest.mark.parametrize("startup", [2.0, 2.5])
def test_per_cpu_refuses_a_run_no_longer_than_its_start_up(startup):
    run = batch_run.BatchRun(("taikai", "batch"), rows=10, reported=1.0, wall=1.0, cpu=2.0)
    with pytest.raises(SystemExit, match="use a larger dump"):
        run.per_cpu(startup)


@pytest.mark.parametrize("text", ["手数料が高い", '「高い」, "本当に"\n改行も'])
def test_one_row_dump_reads_back_as_one_row(tmp_path, text):
    path = batch_run.write_one_row(text, tmp_path / "one.csv")
    with open(path, encoding="utf-8", newline="") as f:
        assert list(csv.DictReader(f)) == [{"text": text}]


@pytest.mark.parametrize(
    ("k", "first"), [(1, ("model", "/m/vec")), (2, ("baseline", "/m/words")), (3, ("model", "/m/vec"))]
)
def test_rounds_alternate_which_model_runs_first(k, first):
    order = bench_batch.round_order(k, "/m/vec", "/m/words")
    assert order[0] == first
    assert sorted(order) == [("baseline", "/m/words"), ("model", "/m/vec")]


@pytest.mark.slow
def test_run_batch_measures_a_real_run(tmp_path, tiny_model_dir):
    dump = tmp_path / "dump.csv"
    dump.write_text("text\n手数料が高すぎてやめました\n単価が低くて続けられなかった\n", encoding="utf-8")
    run = batch_run.run_batch(dump, tmp_path / "out.csv", model=str(tiny_model_dir))
    assert run.rows == 2
    assert run.cpu > 0 and run.wall > 0 and run.reported > 0
    assert run.command[-2:] == ("--model", str(tiny_model_dir))
    assert (tmp_path / "out.csv").exists()
