"""The ``taikai`` command line: parse and check arguments, call the library, print the result.

A command's module is imported only when that command runs (``taikai --help`` imports them all to list them),
and imports the library inside the command's body, so that no help loads more than click and small modules.

Where a command writes (tests/cli/test_output_streams.py checks every command that writes a file):

- standard output holds the command's results and nothing else: the table, text report or JSON of predict, explain,
  keywords, info, evaluate, drift and rules test (``echo_result``), or the JSON asked for with ``--json -``, whose
  text report then goes to standard error (``write_json_report``, ``echo_report``), so that it parses as it is;
- a command whose result is a file (batch, train, suggest, report; evaluate and drift with ``--json FILE``) writes
  nothing to standard output: where the file went and its summary go to standard error (``echo_status``), as do
  progress, warnings (``taikai: warning: …``) and errors (``taikai: error: …``).
"""

from __future__ import annotations

from taikai._lazy import public_dir as _public_dir
from taikai.cli._stops import hold_stops, hold_stops_in_the_command, stop_on_sigterm

hold_stops_in_the_command()  # before the command line loads: a stop meanwhile stops the command as it runs

import importlib  # noqa: E402

import click  # noqa: E402

from taikai.cli._common import Group  # noqa: E402
from taikai.cli._hang_up import outlive_the_terminal  # noqa: E402
from taikai.cli._saved import INTERRUPTED_EXIT  # noqa: E402
from taikai.cli._startup import exit_quickly_when_done, finish  # noqa: E402

__all__ = ["cli", "main"]
__dir__ = _public_dir(globals(), __all__)  # what the package offers, not what it imports for itself

# command name -> (module, function)
COMMANDS = {
    "predict": ("taikai.cli._predict", "predict"),
    "evaluate": ("taikai.cli._models", "evaluate"),
    "train": ("taikai.cli._train", "train"),
    "info": ("taikai.cli._models", "info"),
    "batch": ("taikai.cli._batch", "batch"),
    "explain": ("taikai.cli._analysis", "explain"),
    "keywords": ("taikai.cli._analysis", "keywords"),
    "report": ("taikai.cli._analysis", "report"),
    "drift": ("taikai.cli._drift", "drift"),
    "suggest": ("taikai.cli._suggest", "suggest"),
    "rules": ("taikai.cli._rules", "rules"),
}


class LazyGroup(Group):
    """A group whose commands are imported when used, so that starting one command does not import the others."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="taikai")
def cli() -> None:
    """Say why freelancers left a crowdsourcing platform, and how they feel, from their Japanese reviews."""


def main() -> None:
    """Run the command line (and end the process: a command may ask to skip the interpreter's teardown)."""
    hold_stops()  # until the command runs (Group.invoke): a stop while click parses would be its "Aborted!"
    stop_on_sigterm()
    outlive_the_terminal()  # standard error on a terminal that hangs up: the words are lost, not the work
    try:
        cli(prog_name="taikai")
    except SystemExit as exc:
        if exc.code == INTERRUPTED_EXIT:
            # CPython marks a KeyboardInterrupt that ended code a compiled library ran through PyRun_String (as
            # pybind11 modules can; which one did here was not traced) and, under ``python -m taikai``, kills itself
            # with SIGINT once its teardown is over, whatever the exit code: a stopped command that had said so
            # ended -2 instead of 130, now and then.
            exit_quickly_when_done()
        finish(exc.code)
    finish(None)  # not reached: click's standalone mode always raises SystemExit
