"""bench/batch_run.py and bench_batch.py's rounds: the summary is parsed, start-up is taken off the CPU seconds,
the one-row dump reads back as one row, another checkout's src goes on the run's PYTHONPATH, and every round times
--jobs 1, --jobs 2 and the baseline (model or code) in an order that alternates round by round."""

import csv
import importlib
import os
import re
import subprocess
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
    ("k", "expected"),
    [(1, ["a", "b", "c"]), (2, ["c", "b", "a"]), (3, ["a", "b", "c"]), (4, ["c", "b", "a"])],
)
def test_rounds_alternate_which_run_is_first(k, expected):
    assert batch_run.alternate(k, ("a", "b", "c")) == expected


ROOT_MODEL, ROOT_SRC = str(ROOT / "models" / "default"), str(ROOT / "src")


@pytest.mark.parametrize(
    ("model", "baseline", "baseline_src", "expected"),
    [
        (None, None, None, [("jobs1", None, None, 1), ("jobs2", None, None, 2)]),
        ("/m/v", "/m/w", None, [("jobs1", "/m/v", None, 1), ("baseline", "/m/w", None, 1), ("jobs2", "/m/v", None, 2)]),
        (
            None,
            None,
            "/old/src",
            [
                ("jobs1", ROOT_MODEL, ROOT_SRC, 1),
                ("baseline", ROOT_MODEL, "/old/src", 1),
                ("jobs2", ROOT_MODEL, ROOT_SRC, 2),
            ],
        ),
        (
            "/m/v",
            None,
            "/old/src",
            [("jobs1", "/m/v", ROOT_SRC, 1), ("baseline", "/m/v", "/old/src", 1), ("jobs2", "/m/v", ROOT_SRC, 2)],
        ),
    ],
    ids=["plain", "model", "code", "code-model"],
)
def test_round_specs_compare_one_thing_with_the_same_rest(model, baseline, baseline_src, expected):
    specs = bench_batch.round_specs(model, baseline, baseline_src)
    assert [(s.name, s.model, s.src, s.jobs) for s in specs] == expected


def fake_run(calls):
    def run(dump, out, *, jobs=1, model=None, extra=(), src=None):
        calls.append((dump.name, out.name, jobs, src))
        return batch_run.BatchRun(("taikai",), rows=100, reported=10.0, wall=1.0, cpu=2.0 if dump.name == "d" else 1.0)

    return run


@pytest.mark.parametrize(
    ("k", "expected"),
    [
        (
            1,
            [
                ("one", "one_jobs1.csv", 1, "/new"),
                ("one", "one_baseline.csv", 1, "/old"),
                ("d", "out_jobs1.csv", 1, "/new"),
                ("d", "out_baseline.csv", 1, "/old"),
                ("d", "out_jobs2.csv", 2, "/new"),
            ],
        ),
        (
            2,
            [
                ("one", "one_baseline.csv", 1, "/old"),
                ("one", "one_jobs1.csv", 1, "/new"),
                ("d", "out_jobs2.csv", 2, "/new"),
                ("d", "out_baseline.csv", 1, "/old"),
                ("d", "out_jobs1.csv", 1, "/new"),
            ],
        ),
    ],
)
def test_every_round_times_jobs2_and_the_baseline_in_alternating_order(monkeypatch, tmp_path, k, expected):
    calls = []
    monkeypatch.setattr(bench_batch, "run_batch", fake_run(calls))
    specs = [
        bench_batch.Spec("jobs1", "/m", "/new"),
        bench_batch.Spec("baseline", "/m", "/old"),
        bench_batch.Spec("jobs2", "/m", "/new", jobs=2),
    ]
    runs, startup = bench_batch.play_round(k, specs, Path("d"), Path("one"), tmp_path)
    assert calls == expected
    assert sorted(runs) == ["baseline", "jobs1", "jobs2"]
    assert startup == {"jobs1": 1.0, "baseline": 1.0}


def test_a_round_without_a_baseline_times_no_start_up(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(bench_batch, "run_batch", fake_run(calls))
    specs = bench_batch.round_specs(None, None, None)
    runs, startup = bench_batch.play_round(1, specs, Path("d"), Path("one"), tmp_path)
    assert sorted(runs) == ["jobs1", "jobs2"]
    assert calls == [("d", "out_jobs1.csv", 1, None), ("d", "out_jobs2.csv", 2, None)]
    assert startup == {}


@pytest.mark.parametrize(("src", "pythonpath"), [("/old/src", "/old/src"), (None, "inherited")])
def test_run_batch_puts_src_on_the_pythonpath(monkeypatch, tmp_path, src, pythonpath):
    seen = {}

    def run(command, **kwargs):
        seen["env"] = kwargs.get("env")
        return subprocess.CompletedProcess(command, 0, "", "3 rows classified into o.csv in 0.1 s (30 rows/s)\n")

    monkeypatch.setenv("PYTHONPATH", "inherited")
    monkeypatch.setattr(batch_run.subprocess, "run", run)
    batch_run.run_batch(tmp_path / "d.csv", tmp_path / "o.csv", src=src)
    env = seen["env"] if seen["env"] is not None else os.environ
    assert env["PYTHONPATH"] == pythonpath


@pytest.mark.slow
def test_run_batch_measures_a_real_run(tmp_path, tiny_model_dir):
    dump = tmp_path / "dump.csv"
    dump.write_text("text\n手数料が高すぎてやめました\n単価が低くて続けられなかった\n", encoding="utf-8")
    run = batch_run.run_batch(dump, tmp_path / "out.csv", model=str(tiny_model_dir))
    assert run.rows == 2
    assert run.cpu > 0 and run.wall > 0 and run.reported > 0
    assert run.command[-2:] == ("--model", str(tiny_model_dir))
    assert (tmp_path / "out.csv").exists()


@pytest.mark.slow  # a subprocess
def test_bench_batch_measures_this_checkouts_taikai_whatever_else_comes_first(tmp_path):
    """Another taikai first on the path (an editable install of another checkout, here a stand-in on PYTHONPATH):
    bench_batch imports this checkout's, which its in-process figure measures, even though script_main, which it
    imports, imports taikai itself."""
    other = tmp_path / "other" / "taikai"
    other.mkdir(parents=True)
    (other / "__init__.py").write_text("")
    (other / "errors.py").write_text("class TaikaiError(Exception):\n    pass\n")
    code = "import sys; sys.path.insert(0, sys.argv[1]); import bench_batch, taikai; print(taikai.__file__)"
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "other")}
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "bench")], env=env, capture_output=True, text=True, check=True
    )
    assert Path(done.stdout.strip()) == ROOT / "src" / "taikai" / "__init__.py"
