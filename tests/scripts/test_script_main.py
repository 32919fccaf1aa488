"""scripts/script_main.py, shared by the scripts and the benches: a wrong path is said in one line, ``NAME.py: error:``
with exit status 2, never a traceback; and default paths are resolved from the repository, not the current directory."""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import tempfile
from pathlib import Path

import pytest
from script_main import ROOT, ScriptError, check_model, check_src, error_message, says_errors

from taikai.errors import ModelNotFoundError

NO_MODEL = "m: no such model directory; give it with --model DIR"
DEV = "id,text,reasons,sentiment,annotators_agree\nd1,手数料が高い。,fees,negative,yes\n"


sys.path.insert(0, str(ROOT / "bench"))  # the benches import their siblings by name, as when run as scripts


def load(name: str):
    """Import scripts/NAME.py or bench/NAME.py."""
    return importlib.import_module(name)


@pytest.mark.parametrize(
    ("error", "option", "said"),
    [
        (FileNotFoundError(2, "No such file or directory", "/x/a.csv"), "--model DIR", "/x/a.csv: No such file"),
        (IsADirectoryError(21, "Is a directory", "/x"), "--model DIR", "/x: Is a directory"),
        (ModelNotFoundError(NO_MODEL), "MODEL_DIR", "give it with MODEL_DIR"),
        (ModelNotFoundError(NO_MODEL), "--model DIR", "with --model DIR"),
    ],
)
def test_error_message_is_one_line_in_the_scripts_terms(error, option, said):
    assert said in error_message(error, option) and "\n" not in error_message(error, option)


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (FileNotFoundError(2, "No such file or directory", "nowhere.csv"), "nowhere.csv: No such file or directory"),
        (ScriptError("x.csv: no such file (give the corpus CSV)"), "x.csv: no such file (give the corpus CSV)"),
        (ModelNotFoundError(NO_MODEL), NO_MODEL),
        (ValueError("a bug keeps its traceback"), None),
        (BrokenPipeError(32, "Broken pipe"), None),  # `| head`: not a wrong path, left as the CLI leaves it
    ],
)
def test_says_errors_returns_2_for_a_users_error_and_lets_others_through(capsys, error, said):
    @says_errors()
    def main(argv=None):
        raise error

    if said is None:
        with pytest.raises(type(error)):
            main([])
    else:
        assert main([]) == 2
        assert capsys.readouterr().err == f"test_script_main.py: error: {said}\n"


@pytest.mark.parametrize(
    ("name", "argv", "said"),
    [
        ("learning_curve", ["{tmp}/nowhere.csv"], "nowhere.csv: no such file"),
        ("select_model", ["{tmp}/nowhere.csv", "--dev", "{tmp}/dev.csv"], "nowhere.csv: no such file"),
        ("ablate_batches", ["{tmp}/nowhere.csv", "--dev", "{tmp}/dev.csv"], "nowhere.csv: no such file"),
        ("drift_thresholds", ["--model", "{tmp}/nowhere", "--split-model", "{tmp}"], "nowhere: no such model"),
        ("drift_false_alarms", ["--model", "{tmp}/nowhere"], "nowhere: no such model directory"),
        ("screenshot_report", ["--input", "{tmp}/nowhere.csv", "--out-dir", "{tmp}/out"], "nowhere.csv: no such file"),
        ("active_learning", ["--data", "{tmp}/nowhere.csv", "--out", "{tmp}/al"], "nowhere.csv: No such file"),
        ("real_errors", ["{tmp}/nowhere", "--data", "{tmp}/dev.csv"], "nowhere: no such model directory"),
        ("real_text", ["{tmp}/nowhere", "--data", "{tmp}/dev.csv"], "nowhere: no such model directory"),
        ("bench_batch", ["--rows", "5", "--model", "{tmp}/nowhere"], "nowhere: no such model directory"),
        ("bench_batch", ["--rows", "5", "--baseline-src", "{tmp}"], "--baseline-src {tmp}: no taikai/__init__.py"),
        ("bench_dask", ["--rows", "5", "--model", "{tmp}/nowhere"], "nowhere: no such model directory"),
        ("bench_dask_jsonl", ["--baseline-src", "{tmp}/nowhere"], "--baseline-src {tmp}/nowhere: no taikai/"),
        ("bench_mask", ["--rows", "5", "--model", "{tmp}"], "no metadata.json, so not a model directory"),
        ("bench_memory", ["--rows", "5", "--model", "{tmp}/nowhere"], "nowhere: no such model directory"),
        ("bench_reopen", ["--old-src", "{tmp}/nowhere"], "--old-src {tmp}/nowhere: no taikai/__init__.py"),
        ("bench_report", ["--input", "{tmp}/nowhere.csv"], "nowhere.csv: no such file; give a dump CSV with --input"),
        ("bench_rules", ["--rows", "5", "--rules", "{tmp}/nowhere.toml"], "nowhere.toml: no such rules file"),
        ("bench_startup", ["--model", "{tmp}/nowhere"], "nowhere: no such model directory"),
        ("make_dump", ["5", "{tmp}"], "Is a directory"),
    ],
)
def test_a_wrong_path_is_one_error_line_and_exit_2(tmp_path, monkeypatch, capsys, name, argv, said):
    """Regression: these ended in a traceback (its last line a taikai error, a bare FileNotFoundError, or a child's
    CalledProcessError with its message lost), or, given a --old-src/--baseline-src that is no checkout, compared
    the installed taikai with itself without a word. And bench_rules wrote its dump into a new temporary folder
    before it read --rules, and left it there (a taikai-bench-* folder in /tmp after every run of the tests)."""
    (tmp_path / "dev.csv").write_text(DEV, encoding="utf-8")
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # the system's temporary folder, as the script sees it
    assert load(name).main([a.format(tmp=tmp_path) for a in argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{name}.py: error: ") and said.format(tmp=tmp_path) in err and "Traceback" not in err
    assert len(err.splitlines()) == 1
    assert not list(temp.iterdir())  # nothing made before the error was found


@pytest.mark.parametrize(
    ("name", "argv", "said"),
    [
        ("real_errors", ["--data", "{dev}", "--task", "reason"], "real dev set not found at {dev}: skipped"),
        ("real_text", ["--data", "{dev}", "--out", "{out}"], "real dev set not found at {dev}: skipped"),
        ("select_model", ["--dev", "{dev}", "--out", "{out}"], "real dev set not found at {dev}: nothing to choose on"),
        ("ablate_batches", ["--dev", "{dev}", "--out", "{out}"], "real dev set not found at {dev}: nothing to measure"),
    ],
)
def test_without_the_real_dev_set_a_script_says_so_and_exits_0(tmp_path, capsys, name, argv, said):
    """The README ("On real text"): without ../shared these scripts say so and exit 0, and write no --out file."""
    paths = {"dev": tmp_path / "shared" / "realdev" / "real_dev.csv", "out": tmp_path / "doc.md"}
    assert load(name).main([a.format(**paths) for a in argv]) == 0
    captured = capsys.readouterr()
    assert said.format(**paths) in captured.out + captured.err and "Traceback" not in captured.err
    assert not paths["out"].exists()


@pytest.mark.parametrize("layout", ["empty", "no_init"])
@pytest.mark.parametrize("option", ["--baseline-src", "--old-src"])
def test_another_checkouts_src_must_hold_a_taikai_package(tmp_path, layout, option):
    if layout == "no_init":
        (tmp_path / "taikai").mkdir()
    with pytest.raises(ScriptError, match=re.escape(f"{option} {tmp_path}: no taikai/__init__.py there")) as said:
        check_src(str(tmp_path), option)
    assert f"then {option} /tmp/old/src" in str(said.value)  # the advice names the option the bench takes


def test_another_checkouts_src_of_a_checkout_is_taken():
    assert check_src(str(ROOT / "src"), "--old-src") == str((ROOT / "src").resolve())


@pytest.mark.parametrize(("make", "said"), [(None, "no such model directory"), ("dir", "no metadata.json")])
def test_check_model_says_the_librarys_error_for_a_wrong_model(tmp_path, make, said):
    if make:
        (tmp_path / "m").mkdir()
    with pytest.raises(ModelNotFoundError, match=said):
        check_model(str(tmp_path / "m"))
    check_model(None)  # the shipped model: left to the library


class Parsed(Exception):
    """Raised in place of running a script once its arguments are parsed: carries them."""


@pytest.mark.parametrize(
    ("name", "argv", "defaults"),
    [
        ("build_corpus", [], {"batches": [ROOT / "data" / "batches"], "out": ROOT / "data" / "reviews.csv"}),
        (
            "build_dump",
            [],
            {
                "batches": ROOT / "data" / "dump_batches",
                "corpus": ROOT / "data" / "reviews.csv",
                "out": ROOT / "data" / "sample_dump.csv",
            },
        ),
        ("corpus_stats", [], {"data": ROOT / "data" / "reviews.csv"}),
        ("learning_curve", [], {"data": ROOT / "data" / "reviews.csv"}),
        (
            "public_benchmarks",
            [],
            {"benchmarks": ROOT.parent / "shared" / "benchmarks", "out": ROOT / "docs" / "public_benchmarks.md"},
        ),
        ("select_model", [], {"data": ROOT / "data" / "reviews.csv"}),
        ("ablate_batches", [], {"data": ROOT / "data" / "reviews.csv"}),
        ("active_learning", [], {"data": ROOT / "data" / "reviews.csv"}),
        ("screenshot_report", [], {"input": ROOT / "data" / "sample_dump.csv"}),
    ],
)
def test_default_paths_are_the_repositorys_from_any_directory(tmp_path, monkeypatch, name, argv, defaults):
    """Regression: build_corpus, build_dump, corpus_stats, learning_curve and public_benchmarks read their default
    paths from the current directory, so they failed (or wrote elsewhere) when run from outside the repository."""
    parse = argparse.ArgumentParser.parse_args

    def parsed(self, args=None, namespace=None):
        raise Parsed(parse(self, args, namespace))

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(argparse.ArgumentParser, "parse_args", parsed)
    monkeypatch.setattr(sys, "argv", [f"{name}.py", *argv])
    with pytest.raises(Parsed) as stopped:
        load(name).main(argv)
    args = vars(stopped.value.args[0])
    assert {key: (args[key] if isinstance(args[key], list) else Path(args[key])) for key in defaults} == defaults
