"""Several files given where a command reads one: the shell expanded a glob (``taikai batch data/*.csv``), which
click reports as "Got unexpected extra argument (…)" alone; the message goes on to say what to do."""

from __future__ import annotations

import click

EXTRA_ARGUMENT = "Got unexpected extra argument"
"""The start of click's message for arguments left over once the command's own are filled."""
WHAT_TO_DO = {
    "batch": "run batch once per file, or quote the glob (taikai batch 'data/*.csv' …) and add --engine dask, which "
    "reads every file it matches",
    "train": "give the others with --add (once per file: taikai train a.csv --add b.csv --add c.csv …), or join the "
    "files into one first",
}
"""What to do with many files, for the commands that can do more than be run once per file."""


def explain_extra_arguments(ctx: click.Context, error: click.UsageError) -> click.UsageError:
    """Return *error*, or, when it is click's message for extra arguments given to a command whose last argument is
    a file (``batch INPUT``, ``rules test FILE LABELLED``), the same message followed by what the extra files
    likely are and what to do."""
    command = ctx.command
    files = [p for p in command.params if isinstance(p, click.Argument) and isinstance(p.type, click.Path)]
    if not error.message.startswith(EXTRA_ARGUMENT) or not files or files[-1].nargs != 1:
        return error
    name = ctx.command_path.partition(" ")[2] or command.name or "taikai"
    metavar = files[-1].human_readable_name
    todo = WHAT_TO_DO.get(name, f"run {name} once per file, or join the files into one first")
    return click.UsageError(
        f"{error.message}. {name} reads one {metavar} file; if the shell expanded a glob such as data/*.csv into "
        f"several files, {todo}",
        ctx,
    )
