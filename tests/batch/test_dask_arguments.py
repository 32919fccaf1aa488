"""The Dask API's arguments: a wrong type or value is refused by name before any work, as the local API refuses it;
a run on an output another run holds is refused before any slow step."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

import taikai
from taikai.batch._lock import DaskLock
from taikai.errors import InputError

dd = pytest.importorskip("dask.dataframe")


@pytest.fixture
def src(tmp_path) -> Path:
    path = tmp_path / "in.csv"
    path.write_text("text\n手数料が高い\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (-3, InputError, "partitions=-3 (--partitions on the command line) must be at least 1"),
        (0, InputError, "partitions=0 (--partitions on the command line) must be at least 1"),
        (True, TypeError, "partitions must be an int, not bool True"),
        ("4", TypeError, "partitions must be an int, not str '4'"),
        (2.5, TypeError, "partitions must be an int, not float 2.5"),
    ],
)
def test_classify_files_refuses_a_wrong_number_of_partitions(src, tmp_path, tiny_model_dir, value, error, message):
    from taikai.dask import classify_files

    with pytest.raises(error) as caught:
        classify_files(src, tmp_path / "out", "text", model=tiny_model_dir, partitions=value)
    assert str(caught.value) == message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


GLOB = "for several files, pass one glob string such as 'dump/*.csv', or their folder"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            {"input": ["a.csv", "b.csv"]},
            f"input must be a str or pathlib.Path: a file, a folder or a glob ({GLOB}), not list ['a.csv', 'b.csv']",
        ),
        ({"input": None}, f"input must be a str or pathlib.Path: a file, a folder or a glob ({GLOB}), not None"),
        ({"output": None}, "output must be a str or pathlib.Path, not None"),
        ({"output": 3}, "output must be a str or pathlib.Path, not int 3"),
        ({"scheduler": 3}, "scheduler must be a str such as 'tcp://10.0.0.5:8786', or None, not int 3"),
        (
            {"client": 3},
            "client must be a distributed.Client, or None (the current client, else scheduler=), not int 3",
        ),
        ({"prefix": None}, "prefix must be a str such as 'pred_', not None"),
        ({"prefix": 3}, "prefix must be a str such as 'pred_', not int 3"),
        ({"prepare": 3}, "prepare must be a function of a Dask DataFrame that returns one, or None, not int 3"),
    ],
)
def test_classify_files_refuses_a_wrong_type_by_name(src, tmp_path, tiny_model_dir, given, message):
    from taikai.dask import classify_files

    arguments = {"input": src, "output": tmp_path / "out"} | given
    with pytest.raises(TypeError) as caught:
        classify_files(arguments.pop("input"), arguments.pop("output"), "text", model=tiny_model_dir, **arguments)
    assert str(caught.value) == message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            {"ddf": pd.DataFrame({"text": ["手数料が高い"]})},
            "ddf must be a Dask DataFrame (for a pandas one, call Model.predict_frame, or dask.dataframe.from_pandas "
            "it), not a pandas DataFrame",  # before: "not a DataFrame", the very type it names
        ),
        ({"prefix": None}, "prefix must be a str such as 'pred_', not None"),
        ({"prefix": 3}, "prefix must be a str such as 'pred_', not int 3"),
        (
            {"client": 3},
            "client must be a distributed.Client, or None (the current client, else scheduler=), not int 3",
        ),
    ],
)
def test_classify_refuses_a_wrong_type_by_name(tiny_model, given, message):
    from taikai.dask import classify

    arguments = {"ddf": dd.from_pandas(pd.DataFrame({"text": ["手数料が高い"]}), npartitions=1)} | given
    with pytest.raises(TypeError) as caught:
        classify(arguments.pop("ddf"), "text", tiny_model, **arguments)
    assert str(caught.value) == message


PATTERN = f"pattern must be a str or pathlib.Path: a file, a folder or a glob ({GLOB})"
LOADED = "model must be a Model (load a model directory with taikai.load_model)"


@pytest.mark.parametrize(
    ("function", "given", "message"),
    [
        ("read_input", {"pattern": ["a.csv", "b.csv"]}, f"{PATTERN}, not list ['a.csv', 'b.csv']"),
        ("read_input", {"pattern": None}, f"{PATTERN}, not None"),
        (
            "read_input",
            {"client": 3},
            "client must be a distributed.Client, or None (the current client, else scheduler=), not int 3",
        ),
        ("input_header", {"pattern": ["a.csv"]}, f"{PATTERN}, not list ['a.csv']"),
        ("input_header", {"pattern": 3}, f"{PATTERN}, not int 3"),
        ("output_dtypes", {"model": "models/mine"}, f"{LOADED}, not str 'models/mine'"),
        ("output_dtypes", {"prefix": 3}, "prefix must be a str such as 'pred_', not int 3"),
        ("ship_model", {"model": "models/mine"}, f"{LOADED}, not str 'models/mine'"),
        ("ship_model", {"client": None}, "client must be a distributed.Client, not None"),
        (
            "ship_model",
            {"client": "tcp://127.0.0.1:8786"},
            "client must be a distributed.Client, not str 'tcp://127.0.0.1:8786'",
        ),
    ],
)
def test_the_other_functions_refuse_a_wrong_type_by_name(src, tiny_model, function, given, message):
    import taikai.dask

    defaults = {
        "read_input": {"pattern": src},
        "input_header": {"pattern": src},
        "output_dtypes": {"model": tiny_model},
        "ship_model": {"model": tiny_model, "client": None},
    }
    with pytest.raises(TypeError) as caught:
        getattr(taikai.dask, function)(**(defaults[function] | given))
    assert str(caught.value) == message


@pytest.mark.parametrize(("prefix", "shown"), [(None, "None"), (3, "int 3")])
def test_every_function_taking_a_prefix_refuses_one_that_is_not_a_str_alike(src, tmp_path, tiny_model, prefix, shown):
    from taikai.batch import output_types
    from taikai.dask import classify, classify_files, output_dtypes

    frame = pd.DataFrame({"text": ["手数料が高い"]})
    calls = {
        "Model.predict_frame": lambda: tiny_model.predict_frame(frame, "text", prefix=prefix),
        "taikai.classify_file": lambda: taikai.classify_file(src, tmp_path / "o.csv", "text", prefix=prefix),
        "taikai.dask.classify": lambda: classify(
            dd.from_pandas(frame, npartitions=1), "text", tiny_model, prefix=prefix
        ),
        "taikai.dask.classify_files": lambda: classify_files(src, tmp_path / "o", "text", prefix=prefix),
        "taikai.dask.output_dtypes": lambda: output_dtypes(tiny_model, prefix=prefix),
        "taikai.batch.output_types": lambda: output_types(tiny_model, prefix=prefix),
        "Model.check_columns": lambda: tiny_model.check_columns(["text"], "text", prefix=prefix),
        "Classified.to_frame": lambda: tiny_model.classify(["手数料が高い"]).to_frame(prefix=prefix),
    }
    for name, call in calls.items():
        with pytest.raises(TypeError) as caught:
            call()
        assert str(caught.value) == f"prefix must be a str such as 'pred_', not {shown}", name


def _never(*args, **kwargs):
    raise AssertionError("a slow step ran while another run held the output's lock")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_run_on_a_locked_output_is_refused_before_any_slow_step(src, tmp_path, monkeypatch, fmt):
    """Reading the input, loading the model, connecting: none of them runs, so that a second run started while the
    first writes is refused at once, not after the first has ended (it would then replace the first's output)."""
    import taikai.batch._dask_files as files
    import taikai.batch._dask_run as run
    from taikai.dask import classify_files

    if fmt == "parquet":
        pd.DataFrame({"text": ["手数料が高い"]}).to_parquet(tmp_path / "in.parquet")
        src = tmp_path / "in.parquet"
    for module, slow in (
        (files, "input_files"),
        (files, "read_files"),
        (files, "first_reader"),
        (files, "resolve_model"),
        (run, "read_files"),
        (run, "connect"),
    ):
        monkeypatch.setattr(module, slow, _never)
    out = tmp_path / "out"
    first = DaskLock(tmp_path / "out.taikai-partial", out)
    first.acquire()
    try:
        with pytest.raises(InputError) as caught:
            classify_files(src, out, "text", scheduler="tcp://127.0.0.1:9")
    finally:
        first.release(remove=True)
    assert str(caught.value) == (
        f"another taikai batch in this process (pid {os.getpid()}, another thread) is writing {out}; wait for it "
        f"to end or choose another output= (-o on the command line) (a run of the Dask engine; its lock is "
        f"{first.path})"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"text_column": "nope"}, "no column 'nope'"),
        ({"text_column": "text", "rules_mode": "override", "rules": "missing-rules.yaml"}, "missing-rules.yaml"),
    ],
)
def test_a_run_refused_after_taking_the_lock_releases_it(src, tmp_path, tiny_model_dir, options, message):
    from taikai.dask import classify_files

    with pytest.raises(InputError) as caught:
        classify_files(src, tmp_path / "out", model=tiny_model_dir, scheduler="tcp://127.0.0.1:9", **options)
    assert message in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"], "the lock or its folder was left"


TITLED = "2026年11月 退会アンケート\n本文,評価\n手数料が高い,1\n"


@pytest.mark.parametrize(
    ("engine", "given", "named"),
    [
        ("local", "in/a.csv", "in/a.csv"),
        ("dask", "in/a.csv", "in/a.csv"),
        ("dask", "in", "{tmp}/in/a.csv"),
        ("dask", "in/*.csv", "{tmp}/in/a.csv"),
    ],
)
def test_both_engines_say_that_the_header_is_below_a_title(tmp_path, monkeypatch, tiny_model_dir, engine, given, named):
    """Regression: the Dask engine said only "no column '本文'" of a file whose line 1 is a title, where the local
    engine says on which line the header is; a folder's or glob's message names the file whose columns it lists."""
    from click.testing import CliRunner

    from taikai.cli import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for name in ("a.csv", "b.csv"):
        (tmp_path / "in" / name).write_text(TITLED, encoding="utf-8")
    out = "out.csv" if engine == "local" else "out"
    args = ["batch", given, "-o", out, "--text-column", "本文", "-m", str(tiny_model_dir), "--engine", engine]
    result = CliRunner().invoke(cli, args + (["--scheduler", "tcp://127.0.0.1:9"] if engine == "dask" else []))
    assert result.exit_code == 2
    assert result.stderr == (
        f"taikai: error: {named.format(tmp=tmp_path)}: no column '本文'; the columns are "
        "['2026年11月 退会アンケート']; '本文' is on line 2: the lines above it look like a title; delete them (taikai "
        "reads the header from line 1)\n"
    )
