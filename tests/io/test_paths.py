"""An output that is one of the inputs is refused, however the two paths are spelled; an input that is a pipe or a
device is refused before it is read."""

import os
import re
import socket
from pathlib import Path

import pytest

from taikai.errors import InputError
from taikai.io import check_not_input, check_regular_file, open_reader, same_path


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data.csv").write_text("text\nあ\n", encoding="utf-8")
    (tmp_path / "other.csv").write_text("text\nい\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.csv").symlink_to(tmp_path / "data.csv")
    os.link(tmp_path / "data.csv", tmp_path / "hard.csv")
    return tmp_path


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("data.csv", True),
        ("./data.csv", True),
        ("sub/../data.csv", True),
        ("{abs}/data.csv", True),
        ("link.csv", True),  # a symlink to the input
        ("hard.csv", True),  # a hard link: the same inode
        ("other.csv", False),
        ("new.csv", False),  # does not exist yet
        ("sub/data.csv", False),
    ],
)
def test_same_path(files, output, expected):
    assert same_path(files / output.format(abs=files) if "{abs}" in output else output, "data.csv") is expected


@pytest.mark.parametrize(
    ("output", "inputs", "option", "folder", "message"),
    [
        ("data.csv", {"the input": "data.csv"}, "", False, "data.csv: the output would overwrite the input; "),
        ("link.csv", {"the dump": "data.csv"}, "--json", False, "--json link.csv: the output would overwrite the dump"),
        (
            "sub",
            {"the input": "sub/part.csv"},
            "",
            True,
            "sub: the output folder holds the input (sub/part.csv), which writing it would replace",
        ),
        (
            "sub",
            {"the input": "sub"},
            "",
            True,
            "sub: the output would overwrite the input; choose another output folder",
        ),
    ],
)
def test_check_not_input_refuses(files, output, inputs, option, folder, message):
    with pytest.raises(InputError, match="choose another output") as info:
        check_not_input(output, inputs, option, folder=folder)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("output", "inputs", "folder"),
    [
        ("other.csv", {"the input": "data.csv"}, False),
        ("data.csv", {"the input": None, "standard input": "-"}, False),
        ("sub/part.csv", {"the input": "sub/part.csv.bak"}, False),
        ("sub", {"the input": "data.csv"}, True),
        ("sub/part.csv", {"the input": "sub"}, False),  # an input folder beside the output file is not overwritten
    ],
)
def test_check_not_input_allows(files, output, inputs, folder):
    check_not_input(output, inputs, folder=folder)


@pytest.mark.parametrize(
    ("writer", "target"),
    [("write_report", "predictions"), ("write_report", "summary"), ("suggest", "predictions")],  # a sheet is .csv
)
def test_the_library_writers_refuse_to_overwrite_their_predictions(tmp_path, tiny_model_dir, writer, target):
    """Regression: the CLI refused it, but taikai.analysis.write_report and taikai.suggest wrote over the file."""
    import taikai
    from taikai.analysis import write_report
    from taikai.io import summary_path

    dump, predictions = tmp_path / "dump.csv", tmp_path / "predictions.csv"
    dump.write_text("text\n手数料が高い\n単価が安すぎる\n", encoding="utf-8")
    taikai.classify_file(dump, predictions, "text", model=tiny_model_dir)
    out = predictions if target == "predictions" else summary_path(predictions)
    before = out.read_bytes()
    with pytest.raises(InputError, match="the output would overwrite the predictions"):
        if writer == "write_report":
            write_report(predictions, out)
        else:
            taikai.suggest(predictions, out)
    assert out.read_bytes() == before


def _fifo(folder, name="in.jsonl"):
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs os.mkfifo")
    os.mkfifo(folder / name)
    return folder / name


def _socket(folder):
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("needs Unix sockets")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "in.jsonl"))
    sock.close()
    return folder / "in.jsonl"


UNKNOWN = (
    "Save it to a file first, named with the extension of its format (.csv, .tsv, .jsonl, .parquet or .xlsx: taikai "
    "tells the format by it), e.g. cat … > dump.csv for CSV, and give that file"
)


@pytest.mark.parametrize(
    ("make", "fmt", "message", "saved"),
    [
        (_fifo, "jsonl", "in.jsonl: is a pipe, not a regular file; taikai reads a data file more than once", "jsonl"),
        (_fifo, None, "in.jsonl: is a pipe, not a regular file;", "jsonl"),  # its name says its format
        (_fifo, "tsv", "in.jsonl: is a pipe, not a regular file;", "tsv"),  # the format given says it
        (lambda folder: _fifo(folder, "in"), None, "in: is a pipe, not a regular file;", None),  # it was dump.jsonl
        (_socket, None, "in.jsonl: is a socket, not a regular file;", "jsonl"),
        (lambda folder: Path(os.devnull), "csv", f"{os.devnull}: is a device, not a regular file;", "csv"),
        (lambda folder: Path(os.devnull), None, f"{os.devnull}: is a device, not a regular file;", None),
    ],
    ids=["fifo", "fifo-named", "fifo-given", "fifo-unnamed", "socket", "device", "device-unnamed"],
)
def test_check_regular_file_refuses_what_cannot_be_read_twice(tmp_path, make, fmt, message, saved):
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        check_regular_file(path, fmt)
    assert message in str(caught.value)
    save = UNKNOWN if saved is None else f"Save it to a file first, e.g. cat … > dump.{saved}, and give that file"
    assert str(caught.value).endswith(f"does not allow. {save}")
    with pytest.raises(InputError, match="is a"):  # the one way every command reads a data file checks too
        open_reader(path, fmt or "jsonl")


_MODEL_DIRECTORY = "is a directory, not a file: a model directory (it holds "


@pytest.mark.parametrize(
    ("name", "holds", "fmt", "said"),
    [
        ("mine", ("model.joblib", "metadata.json"), None, f"{_MODEL_DIRECTORY}model.joblib and metadata.json), not"),
        # h153: it said "(it holds model.joblib and metadata.json)" of a folder holding one of them
        ("mine", ("metadata.json",), "csv", f"{_MODEL_DIRECTORY}metadata.json), not data"),
        ("mine", ("model.joblib",), None, f"{_MODEL_DIRECTORY}model.joblib), not data"),
        ("dumps", ("a.csv",), None, "is a directory, not a file; give a data file in it (CSV, TSV, JSONL, Parquet"),
        ("dumps.csv", (), None, "is a directory, not a file; give a data file in it (CSV, TSV, JSONL, Parquet"),
    ],
    ids=["model", "model-as-csv", "model-file-only", "folder", "folder-named-csv"],
)
def test_a_folder_read_as_data_says_what_it_is(tmp_path, name, holds, fmt, said):
    """Regression: a model directory given as the data (``taikai drift dump.csv --reference models/mine``) or any
    folder without an extension was told "cannot tell the format from the extension ''" and to name a format."""
    folder = tmp_path / name
    folder.mkdir()
    for file in holds:
        (folder / file).write_text("{}", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_reader(folder, fmt)
    assert str(caught.value).startswith(f"{folder}: {said}")
    assert "extension" not in str(caught.value)
    if "model" in said:
        assert "not data; give a data file here (CSV, TSV, JSONL, Parquet or xlsx), and the model" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "fmt", "message"),
    [
        (
            "-",
            None,
            f"-: batch does not read standard input: it reads a data file more than once (to detect its "
            f"encoding and columns, then the rows). {UNKNOWN}; predict and explain read standard input, one review "
            "per line",
        ),
        (
            "-",
            "jsonl",
            "-: batch does not read standard input: it reads a data file more than once (to detect its "
            "encoding and columns, then the rows). Save it to a file first, e.g. cat … > dump.jsonl, and give that "
            "file; predict and explain read standard input, one review per line",
        ),
        ("pipe.csv", None, "pipe.csv: is a pipe, not a regular file;"),
        ("data.csv", None, None),
        ("missing.csv", None, None),
        ("folder", None, None),
    ],
)
def test_check_not_stream_refuses_standard_input_and_pipes_alone(files, name, fmt, message):
    """Both batch engines' first check of their input (it was written twice, once for each engine)."""
    from taikai.io import check_not_stream

    (files / "folder").mkdir()
    path = _fifo(files, name) if name == "pipe.csv" else name if name == "-" else files / name
    if message is None:
        check_not_stream(path, "batch", fmt)
        return
    with pytest.raises(InputError) as caught:
        check_not_stream(path, "batch", fmt)
    assert str(caught.value).startswith(message.replace("pipe.csv", str(path)))


@pytest.mark.parametrize("name", ["data.csv", "link.csv", "missing.csv"])
def test_check_regular_file_lets_files_and_missing_paths_through(files, name):
    check_regular_file(files / name)  # a missing path is for the reader to name


@pytest.fixture
def models(tmp_path, monkeypatch):
    """A model directory ``ow`` (both files), a folder holding a lone ``model.joblib`` (``half``), one holding a
    lone ``metadata.json`` (``meta``), and a symlink to ``ow``'s artifact."""
    monkeypatch.chdir(tmp_path)
    for folder, names in (("ow", ["model.joblib", "metadata.json"]), ("half", ["model.joblib"]), ("meta", [])):
        (tmp_path / folder).mkdir()
        for name in names:
            (tmp_path / folder / name).write_bytes(b"model")
    (tmp_path / "meta" / "metadata.json").write_text("{}", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(tmp_path / "ow" / "model.joblib")
    return tmp_path


@pytest.mark.parametrize(
    ("output", "option", "refused"),
    [
        (
            "ow/model.joblib",
            "-o",
            "-o ow/model.joblib: the output would overwrite ow/model.joblib, a file of the model in ow;",
        ),
        (
            "ow/metadata.json",
            "--json",
            "--json ow/metadata.json: the output would overwrite ow/metadata.json, a file of",
        ),
        ("./ow/../ow/metadata.json", "", "the output would overwrite ow/../ow/metadata.json, a file of the model in"),
        (
            "link.csv",
            "",
            "link.csv: the output would overwrite {tmp}/ow/model.joblib, a file of the model in {tmp}/ow;",
        ),
        ("half/metadata.json", "", "a file of the model in half; choose another output file"),
        ("meta/model.joblib", "", "the output would overwrite meta/model.joblib, a file of the model in meta;"),
        ("ow/report.html", "", None),  # another name: not a model's file
        ("meta/metadata.json", "--json", None),  # no model beside it: written again by the same command
        ("model.joblib", "", None),
    ],
)
def test_an_output_over_a_model_file_is_refused_whichever_model_is_in_use(models, output, option, refused):
    """Regression: only the files of the model a command used were refused, so ``report -o ow/model.joblib`` (the
    predictions' model another) wrote the report over another model's artifact."""
    if refused is None:
        check_not_input(Path(output), {}, option)
        return
    with pytest.raises(InputError, match=re.escape(refused.format(tmp=models))):
        check_not_input(Path(output), {}, option)
    check_not_input(Path(output), {}, option, model=True)  # train writes the model's own files


@pytest.mark.parametrize(
    ("output", "option", "folder", "message"),
    [
        ("-", "", False, "-: taikai writes a file, not to standard output"),
        ("-", "--output", False, "--output -: taikai writes a file, not to standard output"),
        ("./-", "--out", True, "--out -: taikai writes a folder, not to standard output"),
    ],
)
def test_dash_is_not_an_output_file(tmp_path, output, option, folder, message):
    """Regression: ``-`` as an output was written as a file named ``-``, not refused."""
    with pytest.raises(InputError, match=re.escape(message)):
        check_not_input(Path(output), {"the input": tmp_path / "in.csv"}, option, folder=folder)
