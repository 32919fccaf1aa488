"""Arguments left over once a command's own are filled, which click reports as "Got unexpected extra argument (…)"
alone: say which, how the command is run, and, when its last argument is a file, that the shell likely expanded a
glob (``taikai batch data/*.csv``) and what to do."""

from __future__ import annotations

from pathlib import Path

import click

from taikai.cli._plain_types import ARGS_KEY

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
    --help``); when its last argument is a file (``batch INPUT``, ``rules test FILE LABELLED``), what the extra
    files likely are and what to do."""
    command = ctx.command
    left = message[message.find("(") + 1 : message.rfind(")")]
    files = [p for p in command.params if isinstance(p, click.Argument) and isinstance(p.type, click.Path)]
    if not files or files[-1].nargs != 1:
        usage = " ".join([ctx.command_path, *command.collect_usage_pieces(ctx)])
        return f"{name} was given more arguments than it takes ({left}): run it as {usage} ({see})"
    metavar = files[-1].human_readable_name
    if name == "rules test" and (several := _several_rules(ctx, left)) is not None:
        return several
    todo = WHAT_TO_DO.get(name, f"run {name} once per file, or join the files into one first")
    return (
        f"{name} reads one {metavar} file, but was given more ({left}); if the shell expanded a glob such as "
        f"data/*.csv into several files, {todo}"
    )


def _several_rules(ctx: click.Context, left: str) -> str | None:
    """Return the message of ``rules test`` given several rules files (``rules test shared.toml mine.toml data.csv``,
    or ``rules/*.toml`` expanded by the shell), whose second took the place of LABELLED and pushed the data out as an
    extra argument; ``None`` when LABELLED is no ``.toml`` file (several data files: the message of every command)."""
    from taikai.io import likely_format

    first, labelled = (str(ctx.params.get(name, "")) for name in ("rules_file", "labelled"))
    if Path(labelled).suffix.lower() != ".toml":
        return None
    given = [Path(first), Path(labelled), *map(Path, _as_given(left, ctx.meta.get(ARGS_KEY, ())))]
    # the rules: every .toml file, and the first argument unless it is a data file (rules test DATA RULES RULES)
    ruled = [g.suffix.lower() == ".toml" or (k == 0 and not likely_format(g)) for k, g in enumerate(given)]
    rules = [str(g) for g, r in zip(given, ruled, strict=True) if r]
    data = [str(g) for g, r in zip(given, ruled, strict=True) if not r]
    return several_rules_files(rules, data) if len(rules) > 1 else None


def several_rules_files(rules: list[str], data: list[str]) -> str:
    """Return the refusal of ``rules test`` given the rules files *rules* (two or more) and the labelled *data* (none,
    one, or more): a run reads one rules file, and what to do."""
    after = f" and the labelled data ({', '.join(map(repr, data))})" if data else ", and no labelled data"
    return (
        f"rules test reads one rules FILE, then one LABELLED file, but was given {len(rules)} rules files "
        f"({', '.join(map(repr, rules))}){after}: a run reads one rules file. Copy their [[rule]] tables into one "
        "file, one after another in the order they are to apply (the first rule that fires decides the reason under "
        "--rules-mode override), and test that file"
    )


def _as_given(left: str, args: tuple[str, ...]) -> list[str]:
    """Return the arguments *left* over, which click joins with spaces, as the command line *args* gave them (a name
    may hold a space: ``b (1).csv``): the run of *args* they join into, else *left* as one."""
    for i in range(len(args)):
        for j in range(i + 1, len(args) + 1):
            if " ".join(args[i:j]) == left:
                return list(args[i:j])
    return [left]
