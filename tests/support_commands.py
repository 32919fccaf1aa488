"""Command helpers the tests share (importable as ``support_commands``: ``tests`` is on the tests' path)."""

import shlex
import signal
from pathlib import Path

import pytest

MODEL_COMMANDS = ("batch", "drift", "rules")
"""The data commands that take ``-m MODEL`` (report and suggest read the model a batch summary names)."""


def ctrl_c_default() -> None:
    """In the child (``preexec_fn=``): Ctrl-C as a terminal's command has it. Run in the background (``nohup``,
    ``&``, some CI runners) the tests inherit an ignored SIGINT, which the command keeps ignored, as it should."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Python then installs its KeyboardInterrupt handler


def fees_rules(folder: Path) -> Path:
    """Write a rules file of one rule (``手数料`` → fees) in *folder* and return its path."""
    rules = folder / "rules.toml"
    rules.write_text('[[rule]]\nname = "fees"\nlabel = "fees"\nany = ["手数料"]\n', encoding="utf-8")
    return rules


def data_command(command: list[str], folder: Path, data: Path, model: Path) -> list[str]:
    """Return the arguments of *command* (``{dump}``, ``{out}`` and ``{rules}`` in it filled: *data*, ``out`` in
    *folder*, :func:`fees_rules` written there), with ``-m`` *model* for a command that takes one."""
    args = [a.format(dump=data, out=folder / "out", rules=fees_rules(folder)) for a in command]
    return args + (["-m", str(model)] if command[0] in MODEL_COMMANDS else [])


def without_temp_folder(said: str, factory: pytest.TempPathFactory) -> str:
    """Return *said* with pytest's temporary folder of this run (``tmp_path_factory.getbasetemp()``, which holds
    every test's ``tmp_path`` and the session's models) written ``<tmp>``: its path holds whatever the machine gives
    it (``pytest-2090`` holds ``090``, ``pytest-of-USER`` a user's name, TMPDIR and ``--basetemp`` anything), so a
    check that a masked value's pieces are not said must not read it."""
    return said.replace(str(factory.getbasetemp()), "<tmp>")


class InShell:
    """The paths in a folder as a command line that a message advises writes them, for a template's ``{sh[OUT.csv]}``
    (``shlex.quote(str(folder / "OUT.csv"))``): pytest's temporary folder is under TMPDIR, which may hold a space
    (``C:\\Users\\Taro Yamada\\AppData\\Local\\Temp``), and a command given to be run quotes such a path."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __getitem__(self, name: str) -> str:
        return shlex.quote(str(self.folder / name))


def usage_error_line(*args: str) -> str:
    """Run ``taikai ARGS`` in click's runner and return its one ``taikai: error:`` line (without that prefix),
    checking the rest: exit code 2, nothing on stdout, no usage block and no traceback."""
    from click.testing import CliRunner

    from taikai.cli import cli

    result = CliRunner().invoke(cli, list(args), prog_name="taikai")
    assert result.exit_code == 2, result.output
    assert result.stdout == "", result.stdout
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("taikai: error: "), result.stderr
    assert "Usage:" not in result.stderr and "Error:" not in result.stderr and "Traceback" not in result.stderr
    return result.stderr.removeprefix("taikai: error: ").rstrip("\n")
