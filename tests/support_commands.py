"""Command helpers the tests share (importable as ``support_commands``: ``tests`` is on the tests' path)."""

import re
import shlex
from pathlib import Path

MODEL_COMMANDS = ("batch", "drift", "rules")
"""The data commands that take ``-m MODEL`` (report and suggest read the model a batch summary names)."""


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


def without_run_number(said: str) -> str:
    """Return *said* with the number of pytest's temporary folder (``pytest-2090``) left out: paths said back may
    hold any digits, so a check that a phone number's ``090`` was masked must not read them."""
    return re.sub(r"pytest-\d+", "pytest-N", said)


class InShell:
    """The paths in a folder as a command line that a message advises writes them, for a template's ``{sh[OUT.csv]}``
    (``shlex.quote(str(folder / "OUT.csv"))``): pytest's temporary folder is under TMPDIR, which may hold a space
    (``C:\\Users\\Taro Yamada\\AppData\\Local\\Temp``), and a command given to be run quotes such a path."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __getitem__(self, name: str) -> str:
        return shlex.quote(str(self.folder / name))
