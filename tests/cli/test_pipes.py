"""A data file given as a pipe (``cat … | taikai batch /dev/stdin``, a named pipe, ``<(...)``) is refused before any
work, with a message saying to save it to a file first: every command reads a data file more than once, and used
to hang on a named pipe or fail with "not seekable". A rules file, read once, may still be a pipe."""

import contextlib
import errno
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import InputError, RulesError

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo (named pipes)")


@contextlib.contextmanager
def fifo(path: Path, data: bytes):
    """Make a named pipe at *path* and feed it *data* once from a thread, then an empty input (end of file) to
    every later reader: a command that reads it twice gets nothing the second time instead of hanging."""
    os.mkfifo(path)
    stop = threading.Event()

    def feed() -> None:
        payload = data
        while not stop.is_set():
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO until a reader opens it
            except OSError as exc:
                if exc.errno != errno.ENXIO:
                    raise
                time.sleep(0.02)
                continue
            os.set_blocking(fd, True)
            with contextlib.suppress(BrokenPipeError):
                os.write(fd, payload)
            os.close(fd)
            payload = b""
            time.sleep(0.05)

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    try:
        yield path
    finally:
        stop.set()
        thread.join(timeout=5)


UNKNOWN = (
    "Save it to a file first, named with the extension of its format (.csv, .tsv, .jsonl, .parquet or .xlsx: taikai "
    "tells the format by it), e.g. cat … > dump.csv for CSV, and give that file"
)
"""What to do with data of a format no name nor option says: not a file name guessed for it (it was dump.jsonl)."""


def _save(fmt: str | None) -> str:
    return UNKNOWN if fmt is None else f"Save it to a file first, e.g. cat … > dump.{fmt}, and give that file"


@pytest.fixture
def work(tmp_path, monkeypatch, tiny_csv, tiny_model_dir):
    """A folder holding the labelled data, a model and (with rules.toml) a rule: the command lines' inputs."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(tiny_csv, "data.csv")
    shutil.copytree(tiny_model_dir, "m")
    Path("rules.toml").write_text('[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["手数料"]\n', encoding="utf-8")
    return tmp_path


REFUSED = [
    # (command line with {pipe} for the named pipe, the pipe's name)
    ("batch {pipe} -o out.csv --text-column text -m m -q", "in.csv"),
    ("batch {pipe} -o out.csv --text-column text -m m -q --input-format csv", "in"),
    ("batch {pipe} -o parts --text-column text -m m -q --engine dask", "in.csv"),
    ("report {pipe} -o report.html --no-drift", "in.csv"),
    ("suggest {pipe} -o sheet.xlsx --n 3", "in.csv"),
    ("drift {pipe}", "in.csv"),
    ("drift data.csv --reference {pipe}", "in.csv"),
    ("evaluate {pipe} -m m", "in.csv"),
    ("train {pipe} -o m2 --vectors none --folds 0 --test-size 0", "in.csv"),
    ("train data.csv --add {pipe} -o m2 --vectors none --folds 0 --test-size 0", "in.csv"),
    ("rules test rules.toml {pipe}", "in.csv"),
]


@pytest.mark.parametrize(("line", "name"), REFUSED, ids=[r[0].replace("{pipe}", r[1]) for r in REFUSED])
def test_a_data_file_that_is_a_pipe_is_refused_before_any_work(work, line, name):
    if "--engine dask" in line:
        pytest.importorskip("distributed")
    with fifo(work / name, (work / "data.csv").read_bytes()) as pipe:
        result = CliRunner().invoke(cli, [w.format(pipe=pipe) for w in line.split()])  # a path may hold a space
    assert result.exit_code == 2, result.output
    named = next((name for name in ("add", "reference") if f"--{name}" in line), None)  # named as given (h173, h177)
    given = f", given to {named}= (--{named} on the command line)" if named else ""
    assert f"{pipe}{given}: is a pipe, not a regular file; taikai reads a data file more than once" in result.output
    assert "Save it to a file first, e.g. cat … > dump.csv, and give that file" in result.output
    assert "Traceback" not in result.output
    assert not any(work.glob("out*")) and not (work / "parts").exists() and not (work / "m2").exists()


def test_a_rules_file_that_is_a_pipe_still_works(work):
    with fifo(work / "rules-pipe.toml", (work / "rules.toml").read_bytes()) as pipe:
        result = CliRunner().invoke(cli, ["rules", "test", str(pipe), "data.csv"])
    assert result.exit_code == 0, result.output
    assert "| fee | fees | 5 | 5 | 1.000 (0.566–1.000) | 1.000 |" in result.output


UNNAMED = [  # a pipe without an extension, as /dev/stdin and <(…) are: the pipe is said first, not the format
    ("batch {pipe} -o out.csv --text-column text -m m -q", None),
    ("batch {pipe} -o out.csv -m m -q", None),  # no --text-column either: the pipe first, not the columns
    ("batch {pipe} -o parts --text-column text -m m -q --engine dask", None),
    ("batch {pipe} -o parts --text-column text -m m -q --engine dask --input-format tsv", "tsv"),
    ("report {pipe} -o report.html --no-drift", None),
    ("evaluate {pipe} -m m", None),
    ("drift {pipe} --input-format jsonl", "jsonl"),
]


@pytest.mark.parametrize(("line", "fmt"), UNNAMED)
def test_a_pipe_without_an_extension_is_said_to_be_a_pipe_before_its_format(work, line, fmt):
    """Regression: cat x | taikai batch /dev/stdin … said "cannot tell the format from the extension ''", then
    to save it as dump.jsonl, whatever its data (CSV here): the file is to be named for the format of the data."""
    if "--engine dask" in line:
        pytest.importorskip("distributed")
    with fifo(work / "in", (work / "data.csv").read_bytes()) as pipe:
        result = CliRunner().invoke(cli, [w.format(pipe=pipe) for w in line.split()])  # a path may hold a space
    assert result.exit_code == 2, result.output
    assert f"{pipe}: is a pipe, not a regular file; taikai reads a data file more than once" in result.output
    assert f"does not allow. {_save(fmt)}\n" in result.output
    assert "cannot tell the format" not in result.output
    assert not any(work.glob("out*")) and not (work / "parts").exists()


@pytest.mark.parametrize(
    ("line", "fmt"),
    [
        ("batch - -o out.csv --text-column text -m m -q", None),
        ("batch - -o out.csv -m m -q", None),
        ("batch - -o out.csv --text-column text -m m -q --input-format csv", "csv"),
        ("batch - -o out.csv --text-column text -m m -q --input-format jsonl", "jsonl"),  # it said dump.csv
        ("batch - -o parts --text-column text -m m -q --engine dask", None),
        ("batch - -o parts --text-column text -m m -q --engine dask --input-format tsv", "tsv"),
    ],
)
def test_batch_given_standard_input_says_it_reads_files_only(work, line, fmt):
    """Regression: taikai batch - … said "-: no such file" or "cannot tell the format from the extension ''"."""
    if "--engine dask" in line:
        pytest.importorskip("distributed")
    result = CliRunner().invoke(cli, line.split(), input=(work / "data.csv").read_text(encoding="utf-8"))
    assert result.exit_code == 2, result.output
    assert result.output.startswith("taikai: error: -: batch does not read standard input: it reads a data file more")
    assert f"then the rows). {_save(fmt)}; predict and explain" in result.output
    assert "predict and explain read standard input, one review per line" in result.output
    assert not any(work.glob("out*")) and not (work / "parts").exists()


@pytest.mark.parametrize(
    ("line", "fmt", "command"),
    [
        ("evaluate - -m m", None, "evaluate"),
        ("train - --out new --folds 0", None, "train"),
        ("suggest - -o sheet.xlsx", None, "suggest"),
        ("drift - -m m", None, "drift"),
        ("drift - -m m --input-format csv", "csv", "drift"),
        ("drift - -m m --input-format tsv", "tsv", "drift"),
        ("report - -o report.html", None, "report"),
        ("rules test rules.toml -", None, "rules test"),
    ],
)
def test_every_command_given_standard_input_as_its_data_file_says_it_reads_files_only(work, line, fmt, command):
    """Regression: evaluate, train, suggest, drift, report and rules test given - said "-: no such file" or "cannot
    tell the format from the extension ''"; then "-: taikai does not read", where batch names itself."""
    result = CliRunner().invoke(cli, line.split(), input=(work / "data.csv").read_text(encoding="utf-8"))
    assert result.exit_code == 2, result.output
    assert f"taikai: error: -: {command} does not read standard input: it reads a data file more" in result.output
    assert f"then the rows). {_save(fmt)}; predict and explain" in result.output
    assert not any(p.name.startswith(("new", "sheet", "report")) for p in work.iterdir())


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("rules test - data.csv", "rules test"),
        ("batch data.csv -o out.csv --text-column text -m m -q --prefix p_ --rules -", "batch"),
        ("predict --rules - -m m 手数料", "predict"),
    ],
)
def test_standard_input_as_the_rules_file_is_refused_as_such(work, line, command):
    """Regression: taikai rules test - small.csv said "-: no such rules file"."""
    result = CliRunner().invoke(cli, line.split(), input="[[rule]]\n")
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"taikai: error: -: {command} does not read rules from standard input; save them to a file (e.g. rules.toml) "
        "and give its path\n"
    )


def test_a_python_call_given_standard_input_names_taikai():
    with pytest.raises(InputError, match=r"^-: taikai does not read standard input: it reads a data file more"):
        taikai.evaluate(None, "-")
    with pytest.raises(RulesError, match=r"^-: taikai does not read rules from standard input"):
        taikai.load_rules("-")


def test_a_file_named_minus_is_read_as_a_file(work):
    Path("-").write_text((work / "data.csv").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["drift", "-", "-m", "m", "--input-format", "csv"])
    assert "standard input" not in result.output
    assert result.exit_code == 0, result.output


OUTPUTS = {  # an output each engine would refuse, or take, if the input were a file
    "existing-file": "o1.csv",
    "folder-missing": "missing/x.csv",
    "foreign-folder": "mine",
    "new": "new.csv",
}


@pytest.mark.parametrize("engine", ["local", "dask"])
@pytest.mark.parametrize("output", list(OUTPUTS))
@pytest.mark.parametrize("given", ["standard-input", "pipe"])
def test_standard_input_or_a_pipe_is_refused_before_the_output_is_checked(work, engine, output, given):
    """Regression: taikai batch - -o o1.csv --engine dask < x.csv said "o1.csv: exists and is not a taikai output
    directory" (and -o /nonexistent/x.csv "the directory /nonexistent does not exist"): the output was checked
    before the input, while the local engine said "-: batch does not read standard input" in every case."""
    if engine == "dask":
        pytest.importorskip("distributed")
    Path("o1.csv").write_text("id,text\n", encoding="utf-8")
    Path("mine").mkdir()
    Path("mine/notes.txt").write_text("mine", encoding="utf-8")
    data = (work / "data.csv").read_bytes()
    with contextlib.ExitStack() as stack:
        source = "-" if given == "standard-input" else str(stack.enter_context(fifo(work / "in.csv", data)))
        line = ["batch", source, "-o", OUTPUTS[output], "--text-column", "text", "-m", "m", "-q", "--engine", engine]
        result = CliRunner().invoke(cli, line, input=data.decode("utf-8"))
    assert result.exit_code == 2, result.output
    said = "-: batch does not read standard input" if source == "-" else f"{source}: is a pipe, not a regular file"
    assert result.output.startswith(f"taikai: error: {said}"), result.output
    assert Path("o1.csv").read_text(encoding="utf-8") == "id,text\n" and os.listdir("mine") == ["notes.txt"]
    assert not Path("new.csv").exists() and not Path("missing").exists()
