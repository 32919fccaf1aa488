"""Arguments left over once a command's own are filled, which click reports as "Got unexpected extra argument (…)"
alone: say which, how the command is run, and, when its last argument is a file, that the shell likely expanded a
glob (``taikai batch data/*.csv``) and what to do."""

from __future__ import annotations

import click

from taikai.cli._stray_arguments import none_is_a_file, stray_arguments, stray_hints

EXTRA_ARGUMENT = "Got unexpected extra argument"
"""The start of click's message for arguments left over once the command's own are filled."""
WHAT_TO_DO = {
    "batch": "run batch once per file, or quote the glob (taikai batch 'data/*.csv' …) and add --engine dask, which "
    "reads every file it matches",
    "train": "give the others with --add (once per file: taikai train a.csv --add b.csv --add c.csv …), or join the "
    "files into one first",
}
"""What to do with many files, for the commands that can do more than be run once per file."""


def extra_arguments_message(ctx: click.Context, name: str, message: str, see: str) -> str:
    """Return the message for click's *message* about extra arguments given to the command of *ctx* (*name*, such
    as ``batch``): the arguments left over, and how the command is run (*see*: where it says more, ``see taikai info
    --help``); when its last argument is a file (``batch INPUT``, ``evaluate DATA``), what the extra
    files likely are and what to do, or, for arguments that are no file, what each is (a column of the data file
    written without its option: :func:`~taikai.cli._stray_arguments.stray_hints`)."""
    command = ctx.command
    left = message[message.find("(") + 1 : message.rfind(")")]
    files = [p for p in command.params if isinstance(p, click.Argument) and isinstance(p.type, click.Path)]
    if not files or files[-1].nargs != 1:
        usage = " ".join([ctx.command_path, *command.collect_usage_pieces(ctx)])
        hints = stray_hints(ctx, stray_arguments(ctx))  # info models/mine: write --model models/mine
        return f"{name} was given more arguments than it takes ({left}): {hints or f'run it as {usage}'} ({see})"
    metavar = files[-1].human_readable_name
    said = f"{name} reads one {metavar} file, but was given more ({left})"
    strays = stray_arguments(ctx)
    hints = stray_hints(ctx, strays)
    if hints and none_is_a_file(strays):  # a column written without its option, which no glob gave
        return f"{said}: {hints} ({see})"
    todo = WHAT_TO_DO.get(name, f"run {name} once per file, or join the files into one first")
    glob = f"if the shell expanded a glob such as data/*.csv into several files, {todo}"
    return f"{said}; {glob}" + (f"; {hints}" if hints else "")
