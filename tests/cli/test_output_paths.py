"""Every command that writes a file refuses to overwrite its own input, and a place it cannot write is a clean
error (exit 2, the file, the reason and what to do), never a traceback."""

import contextlib
import csv
import errno
import gc
import os
import shutil
import socket
import subprocess
import sys

import pytest
from click.testing import CliRunner

from taikai.cli import cli

UNWRITABLE = "/proc/taikai-h7-test"
"""A path no one may create a file at, root included (chmod does not stop root)."""


@pytest.fixture(scope="module")
def predictions(tmp_path_factory, tiny_csv, tiny_model_dir):
    """Return a predictions file taikai batch wrote (with its summary beside it)."""
    folder = tmp_path_factory.mktemp("predictions")
    with tiny_csv.open(encoding="utf-8", newline="") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    with (folder / "dump.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["text"], *([t] for t in texts)])
    line = ["batch", folder / "dump.csv", "-o", folder / "p.csv", "-m", tiny_model_dir, "--text-column", "text"]
    result = CliRunner().invoke(cli, [str(a) for a in line])
    assert result.exit_code == 0, result.output
    return folder / "p.csv"


@pytest.fixture
def work(tmp_path, monkeypatch, predictions, tiny_csv, tiny_model_dir):
    """Copy the predictions, their summary, the dump they came from, the labelled data and the model into the
    current folder."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(predictions, "p.csv")
    shutil.copy(predictions.with_name("p.summary.json"), "p.summary.json")
    shutil.copy(tiny_csv, "data.csv")
    shutil.copy(predictions.with_name("dump.csv"), "dump.csv")
    shutil.copytree(tiny_model_dir, "m")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.csv").symlink_to(tmp_path / "data.csv")
    return tmp_path


OVERWRITES = [
    # (command line, the input that must stay untouched, the message)
    ("report p.csv -o p.csv --no-drift", "p.csv", "--output p.csv: the output would overwrite the predictions;"),
    (
        "report p.csv -o sub/../p.summary.json --no-drift",
        "p.summary.json",
        "--output sub/../p.summary.json: the output would overwrite the predictions' batch summary;",
    ),
    ("report p.csv -o m/metadata.json -m m", "m/metadata.json", "the output would overwrite the model's metadata.json"),
    # Regression: the report was written over the lines batch set aside (their only copy), which it had just quoted
    (
        "report p.csv -o p.bad_lines.csv --no-drift",
        "p.bad_lines.csv",
        "--output p.bad_lines.csv: the output would overwrite the predictions' lines set aside by batch "
        "(p.bad_lines.csv);",
    ),
    ("suggest p.csv -o p.bad_lines.csv --force", "p.bad_lines.csv", "the predictions' lines set aside by batch"),
    ("suggest p.csv -o p.csv --n 5", "p.csv", "--output p.csv: the output would overwrite the predictions;"),
    ("suggest p.csv -o p.summary.json", "p.summary.json", "would overwrite the predictions' batch summary"),
    ("drift p.csv --json p.csv", "p.csv", "--json p.csv: the output would overwrite the dump;"),
    ("drift p.csv --json ./p.summary.json", "p.summary.json", "the output would overwrite the dump's batch summary"),
    ("drift p.csv --reference data.csv --json data.csv", "data.csv", "the output would overwrite the reference;"),
    ("evaluate data.csv -m m --json data.csv", "data.csv", "--json data.csv: the output would overwrite the data;"),
    ("evaluate data.csv -m m --json m/metadata.json", "m/metadata.json", "would overwrite the model's metadata.json"),
    ("batch data.csv -o link.csv --text-column text", "data.csv", "link.csv: the output would overwrite the input;"),
    (
        "train m/metadata.json --out m --force --vectors none",
        "m/metadata.json",
        "--out m writes m/metadata.json: the output would overwrite the data;",
    ),
    (
        "train data.csv --add sub/model.joblib --out sub --force --vectors none",
        "sub/model.joblib",
        "--out sub writes sub/model.joblib: the output would overwrite the --add file sub/model.joblib;",
    ),
]


@pytest.mark.parametrize(("line", "kept", "message"), OVERWRITES, ids=[o[0] for o in OVERWRITES])
def test_an_output_that_is_an_input_is_refused(work, line, kept, message):
    if kept in ("sub/model.joblib", "p.bad_lines.csv"):
        shutil.copy("data.csv", kept)
    before = (work / kept).read_bytes()
    result = CliRunner().invoke(cli, line.split())
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "choose another output" in result.output
    assert (work / kept).read_bytes() == before


DEFAULT_MODEL_OVERWRITES = [
    # (command line without --model, the model's file it names)
    ("drift dump.csv --json m/metadata.json", "m/metadata.json"),
    ("report p.csv -o m/metadata.json --no-drift", "m/metadata.json"),
    ("batch data.csv -o m/model.joblib --text-column text", "m/model.joblib"),
    ("evaluate data.csv --json m/metadata.json", "m/metadata.json"),
]


OTHER_MODEL_OVERWRITES = [
    # (command line using model m, or none, over a file of the model ow)
    "report p.csv -o ow/model.joblib --no-drift",
    "report p.csv -o ow/metadata.json -m m",
    "batch dump.csv -m m -o ow/model.joblib --output-format csv --text-column text",
    "drift p.csv --json ow/metadata.json",
    "evaluate data.csv -m m --json ow/model.joblib",
    "suggest p.csv -o ow/metadata.json",
]


@pytest.mark.parametrize("line", OTHER_MODEL_OVERWRITES)
def test_an_output_over_another_models_file_is_refused(work, line):
    """Regression: only the files of the model in use were refused, so ``report p.csv -o ow/model.joblib`` (the
    predictions made by m) and ``batch -m m -o ow/model.joblib`` wrote over the artifact of the model ow."""
    shutil.copytree("m", "ow")
    before = {p.name: p.read_bytes() for p in (work / "ow").iterdir()}
    result = CliRunner().invoke(cli, line.split())
    assert result.exit_code == 2, result.output
    name = line.split("ow/")[1].split()[0]
    assert f"ow/{name}: the output would overwrite ow/{name}, a file of the model in ow; choose another output" in (
        result.output
    )
    assert {p.name: p.read_bytes() for p in (work / "ow").iterdir()} == before


@pytest.mark.parametrize(("line", "kept"), DEFAULT_MODEL_OVERWRITES, ids=[o[0] for o in DEFAULT_MODEL_OVERWRITES])
def test_an_output_over_the_default_model_is_refused(work, monkeypatch, line, kept):
    """Regression: without --model, the model named by $TAIKAI_MODEL (or the shipped one) was not an input, so
    drift --json m/metadata.json replaced its metadata with the drift JSON and every later command failed."""
    monkeypatch.setenv("TAIKAI_MODEL", str(work / "m"))
    before = (work / kept).read_bytes()
    result = CliRunner().invoke(cli, line.split())
    assert result.exit_code == 2, result.output
    name = kept.split("/")[1]
    assert f"{kept}: the output would overwrite the model's {name}; choose another output" in result.output
    assert (work / kept).read_bytes() == before


def test_the_shipped_model_is_an_input_without_model_or_taikai_model(monkeypatch):
    """Regression: with neither --model nor $TAIKAI_MODEL, the shipped model's files were not guarded (checked on
    the list of inputs only, so that a failing run cannot write over the shipped model)."""
    from taikai.cli._common import model_inputs
    from taikai.model import default_model_dir

    monkeypatch.delenv("TAIKAI_MODEL", raising=False)
    shipped = default_model_dir()
    assert model_inputs(None) == {
        "the model's metadata.json": shipped / "metadata.json",
        "the model's model.joblib": shipped / "model.joblib",
    }


UNWRITABLE_TARGETS = [
    # (command line, what is said); the batch run's partial folder (out.csv.taikai-partial) was named (h364)
    ("batch dump.csv -o {u}.csv --text-column text -m m", "{u}.csv: cannot write in its folder, /proc ("),
    ("train data.csv -o {u} --vectors none --folds 0 --test-size 0", "{u}: cannot write ("),
    ("evaluate data.csv -m m --json {u}.json", "{u}.json: cannot write ("),
    ("report p.csv -o {u}.html --no-drift", "{u}.html: cannot write ("),
    ("suggest p.csv -o {u}.xlsx --n 3", "{u}.xlsx: cannot write ("),
]


@pytest.mark.parametrize(("line", "said"), UNWRITABLE_TARGETS, ids=[t[0].split()[0] for t in UNWRITABLE_TARGETS])
def test_an_unwritable_output_is_a_clean_error(work, line, said):
    result = CliRunner().invoke(cli, line.format(u=UNWRITABLE).split())
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert f"taikai: error: {said.format(u=UNWRITABLE)}" in result.output
    assert "check that " in result.output and "you may write " in result.output
    assert "taikai-partial" not in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("port_taken", [False, True], ids=["port-free", "port-8787-taken"])
def test_dask_unwritable_output_is_a_clean_error(work, port_taken):
    """Also when another cluster on the machine holds the scheduler's usual HTTP port 8787: the engine's own
    cluster used to try it first, and distributed leaked the socket of the failed bind (a ResourceWarning that
    failed this test about one run in seven, whenever another test run's cluster was up at the same time)."""
    pytest.importorskip("distributed")
    with contextlib.ExitStack() as held:
        if port_taken:
            sock = held.enter_context(socket.socket())
            with contextlib.suppress(OSError):  # already taken by someone else: the case under test all the same
                sock.bind(("127.0.0.1", 8787))
                sock.listen()
        line = f"batch dump.csv -o {UNWRITABLE}.parquet --engine dask --text-column text -m m"
        result = CliRunner().invoke(cli, line.split())
        gc.collect()  # a leaked socket warns when collected: here, inside the test, not later in another one
    assert result.exit_code == 2, result.output
    assert f"taikai: error: {UNWRITABLE}.parquet" in result.output
    assert "Traceback" not in result.output
    assert "already in use" not in result.output


@pytest.mark.parametrize(
    ("exc", "outputs", "message"),
    [
        # Regression (h364): said "out/out.csv.taikai-partial: cannot write (Operation not permitted); …", a folder
        # the user never asked for, of the run's partial output: the output and its folder are said
        (
            PermissionError(errno.EPERM, "Operation not permitted", "out/out.csv.taikai-partial"),
            ["out/out.csv"],
            "out/out.csv: cannot write in its folder, out (Operation not permitted); check that it exists and "
            "you may write in it",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied", "out/out.csv.taikai-partial/state.json"),
            ["out/out.csv"],
            "out/out.csv: cannot write in its folder, out (Permission denied);",
        ),
        (
            OSError(errno.EROFS, "Read-only file system", "out.summary.json"),
            ["out.csv"],
            "out.csv: cannot write in its folder, the current folder (",
        ),
        (OSError(errno.EACCES, "Permission denied", "m/model.joblib"), ["m"], "m/model.joblib: cannot write ("),
        (OSError(errno.EACCES, "Permission denied", "out.csv"), ["out.csv"], "out.csv: cannot write ("),
        (  # the temporary file written beside the output, hidden
            OSError(errno.EACCES, "Permission denied", "d/.out.csv.123.tmp"),
            ["d/out.csv"],
            "d/out.csv: cannot write in its folder, d (",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied", "in.csv"),
            ["out.csv"],
            "in.csv: cannot read (Permission denied); check the path",
        ),
        (OSError(errno.ENOSPC, "No space left on device"), ["out.csv"], "cannot read or write a file (No space left"),
    ],
)
def test_os_error_message(exc, outputs, message):
    from pathlib import Path

    from taikai.cli._os_errors import os_error_message

    assert message in os_error_message(exc, [Path(o) for o in outputs])


@pytest.mark.parametrize("renamed", [True, False], ids=["renamed-onto", "written"])
def test_an_output_there_that_could_not_be_replaced_is_said_to_be_likely_open_in_excel(tmp_path, renamed):
    """Regression (h390): `taikai suggest … -o sheet.xlsx --force` with the sheet open in Excel (Windows refuses to
    replace it) said "sheet.xlsx: cannot write in its folder …; check that it exists and you may write in it", of
    the temporary file renamed onto it."""
    from taikai.cli._os_errors import os_error_message

    sheet = tmp_path / "sheet.xlsx"
    sheet.write_bytes(b"PK")
    temporary = tmp_path / ".sheet.xlsx.123.tmp"
    exc = (
        PermissionError(errno.EACCES, "Access is denied", str(temporary), 5, str(sheet))
        if renamed
        else PermissionError(errno.EACCES, "Access is denied", str(sheet))
    )
    assert os_error_message(exc, [sheet]) == (
        f"{sheet}: cannot replace it (Access is denied); close {sheet} if it is open in Excel or another program (on "
        "Windows a file open in Excel is locked and cannot be replaced), or make it writable"
    )
    sheet.unlink()  # no file there: the folder's matter, as before
    assert "cannot write" in os_error_message(exc, [sheet])


STDOUT_CLOSED = (
    "taikai: error: standard output: cannot write ({1}); {0} writes its results to standard output: run it with "
    "standard output open (> FILE to keep what it writes, or > /dev/null to discard it)"
)
"""What a command says when standard output is closed (``>&-``): Python starts it with ``sys.stdout`` None."""


@pytest.mark.parametrize(
    ("error", "exit_code", "shown"),
    [
        (PermissionError(errno.EACCES, "Permission denied", "in.csv"), 2, "taikai: error: in.csv: cannot read ("),
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), 1, ""),  # `taikai … | head`: click's own exit 1, as before
    ],
)
def test_group_turns_os_errors_into_messages_but_not_a_broken_pipe(error, exit_code, shown):
    import click

    from taikai.cli._common import Group

    @click.group(cls=Group)
    def group():
        pass

    @group.command()
    def fail():
        raise error

    result = CliRunner().invoke(group, ["fail"])
    assert result.exit_code == exit_code
    assert shown in result.output
    assert "cannot" not in result.output if not shown else "Traceback" not in result.output


STDOUT_FULL = (
    "taikai: error: standard output: cannot write (No space left on device); {} writes its results to standard "
    "output: check the file or device it is redirected to (and that its disk has room)"
)


@pytest.mark.parametrize(
    ("error", "exit_code", "shown"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), 2, STDOUT_FULL.format("predict")),
        (PermissionError(errno.EACCES, "Permission denied", "m/model.joblib"), 2, "m/model.joblib: cannot read ("),
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), 1, ""),  # `taikai predict … | head`: as before
        (OSError(errno.EBADF, "Bad file descriptor"), 2, STDOUT_CLOSED.format("predict", "Bad file descriptor")),
    ],
    ids=["stdout-full", "a-named-file", "broken-pipe", "stdout-closed"],
)
def test_writing_results_names_standard_output(error, exit_code, shown):
    import click

    from taikai.cli._common import Group, writing_results

    @click.group(cls=Group)
    def group():
        pass

    @group.command()
    def fail():
        with writing_results("predict"):
            raise error

    result = CliRunner().invoke(group, ["fail"])
    assert result.exit_code == exit_code
    assert shown in result.output if shown else "cannot" not in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["info"], "info"),
        (["keywords"], "keywords"),
        (["predict", "手数料が高い"], "predict"),
        (["explain", "手数料が高い"], "explain"),
    ],
)
def test_every_command_names_a_failed_standard_output(tiny_model_dir, monkeypatch, args, command):
    import click

    from taikai.cli import cli

    echo = click.echo

    def full(message=None, file=None, nl=True, err=False, color=None):  # standard output on a full disk
        if not err and file is None:
            raise OSError(errno.ENOSPC, "No space left on device")
        echo(message, file, nl, err, color)

    monkeypatch.setattr(click, "echo", full)
    result = CliRunner().invoke(cli, [*args, "-m", str(tiny_model_dir)], prog_name="taikai")
    assert result.exit_code == 2
    assert result.stderr == STDOUT_FULL.format(command) + "\n"


CLOSED_COMMANDS = [("predict", ["手数料が高い"]), ("explain", ["手数料が高い"]), ("info", []), ("keywords", [])]


@pytest.mark.parametrize(("command", "args"), CLOSED_COMMANDS)
def test_every_command_names_a_closed_standard_output(tiny_model_dir, monkeypatch, command, args):
    """Regression: ``taikai predict TEXT >&-`` exited 0 having written nothing (click writes nothing to no stream)."""
    import types

    import taikai.cli._stdout as stdout

    monkeypatch.setattr(stdout, "sys", types.SimpleNamespace(stdout=None), raising=False)  # fd 1 closed at start
    result = CliRunner().invoke(cli, [command, *args, "-m", str(tiny_model_dir)], prog_name="taikai")
    assert result.exit_code == 2
    assert result.stderr == STDOUT_CLOSED.format(command, "it is closed") + "\n"


HELP_FULL = (
    "taikai: error: standard output: cannot write (No space left on device); {} writes the help or version asked "
    "for to standard output: check the file or device it is redirected to (and that its disk has room)\n"
)


def _full_stdout(monkeypatch, *modules):
    """Make click's ``echo`` in *modules* fail on standard output as on a full disk."""
    import click

    echo = click.echo

    def full(message=None, file=None, nl=True, err=False, color=None):
        if not err and file is None:
            raise OSError(errno.ENOSPC, "No space left on device")
        echo(message, file, nl, err, color)

    for module in modules:
        monkeypatch.setattr(module, "echo", full)


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["--help"], "taikai"),
        (["--version"], "taikai"),
        (["predict", "--help"], "taikai predict"),
        (["batch", "-h"], "taikai batch"),
        (["rules", "--help"], "taikai rules"),
        (["rules", "test", "--help"], "taikai rules test"),
    ],
)
def test_help_and_version_name_a_failed_standard_output(monkeypatch, args, command):
    import click.core
    import click.decorators

    _full_stdout(monkeypatch, click.core, click.decorators)
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code == 2
    assert result.stderr == HELP_FULL.format(command)  # not a traceback, nor "cannot read or write a file"


HELP_CLOSED = (
    "taikai: error: standard output: cannot write (it is closed); {} writes the help or version asked for to "
    "standard output: run it with standard output open (> FILE to keep what it writes, or > /dev/null to discard it)\n"
)


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["--help"], "taikai"),
        (["--version"], "taikai"),
        (["-h"], "taikai"),
        (["predict", "--help"], "taikai predict"),
        (["rules", "test", "-h"], "taikai rules test"),
    ],
)
def test_help_and_version_name_a_closed_standard_output(monkeypatch, args, command):
    """Regression: ``taikai --help >&-`` exited 0 having written nothing (click writes nothing to no stream)."""
    import types

    import taikai.cli._common as common

    monkeypatch.setattr(common, "sys", types.SimpleNamespace(stdout=None))  # fd 1 closed at start
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert (result.exit_code, result.stderr) == (2, HELP_CLOSED.format(command))


def test_every_command_of_the_cli_reports_its_help_on_a_full_standard_output():
    from taikai.cli import COMMANDS
    from taikai.cli._common import Command, Group

    for name in COMMANDS:
        assert isinstance(cli.get_command(None, name), (Command, Group)), name  # type: ignore[arg-type]


@pytest.mark.parametrize("command", ["train", "suggest"])
def test_train_and_suggest_do_not_need_standard_output(monkeypatch, tmp_path, tiny_csv, predictions, command):
    """They write their file and say so, with their summary, on standard error: a full standard output (``>
    /dev/full``) fails neither (h306; they printed the summary there, and failed with exit 2 once the file was
    saved)."""
    import click

    out = tmp_path / ("m" if command == "train" else "sheet.csv")
    args = {
        "train": ["train", str(tiny_csv), "--out", str(out), "--folds", "0", "--test-size", "0"],
        "suggest": ["suggest", str(predictions), "-o", str(out), "--n", "5"],
    }[command]
    _full_stdout(monkeypatch, click)
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code == 0, result.output
    assert out.exists()
    assert f"written to {out}\n" in result.stderr


def test_drift_says_what_it_saved_when_standard_output_is_full(monkeypatch, tmp_path, tiny_csv, tiny_model_dir):
    """drift --json FILE saves the figures, then prints its text report to standard output: a full one is an error
    that says the figures were saved."""
    import click

    out = tmp_path / "d.json"
    _full_stdout(monkeypatch, click)
    args = ["drift", str(tiny_csv), "-m", str(tiny_model_dir), "--json", str(out)]
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code == 2
    assert out.exists()
    assert result.stderr.endswith(
        "taikai: error: standard output: cannot write (No space left on device); drift saved the drift figures "
        f"(JSON) to {out}, but could not print its summary, which it writes to standard output: check the file or "
        "device it is "
        "redirected to (and that its disk has room)\n"
    ), result.stderr


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    ("args", "command"), [(["--help"], "taikai"), (["--version"], "taikai"), (["predict", "--help"], "taikai predict")]
)
def test_help_to_a_full_standard_output_is_named_as_such(args, command):
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "taikai", *args], stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2
    assert done.stderr == HELP_FULL.format(command)


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    ("command", "args"),
    [("predict", ["手数料が高い"]), ("explain", ["手数料が高い"]), ("info", []), ("keywords", [])],
)
def test_a_full_standard_output_is_named_as_such(tiny_model_dir, command, args):
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "taikai", command, *args, "-m", str(tiny_model_dir)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 2
    assert done.stderr == STDOUT_FULL.format(command) + "\n"


@pytest.mark.slow
@pytest.mark.parametrize(("command", "args"), [*CLOSED_COMMANDS, ("predict", ["-"])])
def test_a_closed_standard_output_is_named_as_such(tiny_model_dir, command, args):
    done = subprocess.run(
        [sys.executable, "-m", "taikai", command, *args, "-m", str(tiny_model_dir)],
        input="手数料が高い\n".encode(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),  # taikai ... >&-
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.decode() == STDOUT_CLOSED.format(command, "it is closed") + "\n"


DASH_OUTPUTS = [
    # (command line writing to -, the message)
    ("report p.csv -o - --no-drift", "--output -: report writes a file, not to standard output"),
    ("batch dump.csv -o - -m m --text-column text", "-: batch writes a file, not to standard output"),
    ("batch dump.csv -o - -m m --text-column text --engine dask", "-: batch writes a folder, not to standard output"),
    ("suggest p.csv -o - --n 5", "--output -: suggest writes a file, not to standard output"),
    ("train data.csv --out - --vectors none", "--out -: train writes a folder, not to standard output"),
]


@pytest.mark.parametrize(("line", "message"), DASH_OUTPUTS, ids=[o[0] for o in DASH_OUTPUTS])
def test_dash_as_an_output_file_is_refused(work, line, message):
    """Regression: ``report p.csv -o -`` and ``batch d.csv -o - --text-column text`` exited 0 having written a
    file literally named ``-``: these commands write a file (``--json -`` alone means standard output)."""
    result = CliRunner().invoke(cli, line.split())
    assert result.exit_code == 2, result.output
    assert f"taikai: error: {message}" in result.output
    assert "name the " in result.output and "Traceback" not in result.output
    assert not (work / "-").exists()


LINKED = [
    # (command line writing OUT, the link's target, what OUT's target holds after, or the message that refuses it)
    ("report p.csv -o OUT --no-drift -m m", "sub/r.html", "<!DOCTYPE html>"),  # a link to none yet: written through
    ("suggest p.csv -o OUT --n 3", "sub/s.csv", "row,text"),
    ("report p.csv -o OUT --no-drift -m m", "gone/r.html", "is a symbolic link to {gone}/r.html, whose folder {gone}"),
    ("suggest p.csv -o OUT --n 3", "gone/s.csv", "is a symbolic link to {gone}/s.csv, whose folder {gone}"),
    ("train data.csv --out OUT --folds 0 --test-size 0", "gone/model", "which does not exist, so the model directory"),
    ("report p.csv -o OUT --no-drift -m m", "sub", "OUT: is a folder; give a file name"),
    ("suggest p.csv -o OUT --n 3", "sub", "OUT: is a folder; give a file name"),
]


@pytest.mark.parametrize(("line", "target", "expected"), LINKED)
def test_an_output_that_is_a_symbolic_link_is_written_through_or_refused_clearly(work, line, target, expected):
    """Regression: a link to a file in a missing folder was 'OUT: cannot write (No such file or directory); check
    that the folder exists', whose folder (the link's) did exist, and suggest said so only once its rows were
    chosen; now the folder of the link's target is named before any work, and creating it makes the command work."""
    suffix = ".csv" if line.startswith("suggest") else ""
    out = work / f"OUT{suffix}"
    out.symlink_to(work / target)
    result = CliRunner().invoke(cli, line.replace("OUT", out.name).split())
    if expected.startswith(("<", "row")):  # written through the link, which stays a link
        assert result.exit_code == 0, result.output
        assert out.is_symlink() and (work / target).read_text(encoding="utf-8-sig").startswith(expected)
        return
    assert result.exit_code == 2, result.output
    assert expected.format(gone=work / "gone").replace("OUT", out.name) in result.output
    assert "Traceback" not in result.output and not (work / "gone").exists()
    if "whose folder" in expected:  # what the message says to do, done: it then works
        (work / "gone").mkdir()
        result = CliRunner().invoke(cli, line.replace("OUT", out.name).split())
        assert result.exit_code == 0, result.output
        assert (work / target).is_file()
