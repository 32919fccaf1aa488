"""How each command gives its results as JSON, for the message to a user who asked for them in another command's
spelling: ``--format json`` (predict, explain, keywords, rules test), ``--json [PATH]`` (evaluate, drift: alone or
``-`` for standard output) or ``--json`` (info); and, for the commands whose result is a file, where its figures
are as JSON."""

from __future__ import annotations

import click

FORMAT_JSON = "--format json"
JSON_PATH = "--json [PATH]"
JSON_FLAG = "--json"
ASKED = ("--json", "--jsonl", "--format")
"""The options a user asks for JSON with: the spellings of the commands that take one."""

SPELLING = {
    "predict": FORMAT_JSON,
    "explain": FORMAT_JSON,
    "keywords": FORMAT_JSON,
    "rules test": FORMAT_JSON,
    "evaluate": JSON_PATH,
    "drift": JSON_PATH,
    "info": JSON_FLAG,
}
"""Each command that prints its results, and how it prints them as JSON."""
ELSEWHERE = {
    "batch": "batch writes its figures as JSON to OUTPUT_STEM.summary.json beside OUTPUT, or to _taikai.json in "
    "the folder --engine dask writes",
    "train": "train writes its figures into the model's metadata.json: taikai info --model DIR --json prints them",
    "suggest": "suggest writes its rows as a sheet to fill in (-o SHEET.csv or SHEET.xlsx), not as JSON",
    "report": "report's result is the HTML page it writes (-o); for the drift figures as JSON run taikai drift "
    "PREDICTIONS --json",
}
"""The commands whose result is a file (or a group): where their figures are as JSON, or how to get them."""
_SAID = {JSON_PATH: "--json (or --json FILE)"}
"""How a spelling is said in a hint where it is not as written (the others are said as they are)."""


def json_hint(ctx: click.Context, given: str, args: tuple[str, ...]) -> str | None:
    """Return what to write instead of the option *given* (one the command of *ctx* does not take) when it asks for
    JSON in another command's spelling (``--json``, ``--format json`` in *args*, the arguments as given), or where
    the command's figures are as JSON; ``None`` when *given* asks for something else."""
    name = ctx.command_path.partition(" ")[2]
    if given not in ASKED or (given == "--format" and _format_value(args) not in ("json", "jsonl")):
        return None
    spelling = SPELLING.get(name)
    if spelling is None:
        return ELSEWHERE.get(name)
    if spelling == FORMAT_JSON and given != "--format":
        return None  # --json is a value of --format: the command's choices say it (did you mean --format json?)
    return f"did you mean {_SAID.get(spelling, spelling)}?"


def json_file_hint(ctx: click.Context, left: str, args: tuple[str, ...]) -> str | None:
    """Return what to do when the arguments *left* over follow a ``--json`` that takes no file (info's, which prints
    to standard output) in *args*, as drift's and evaluate's ``--json FILE`` take one; else ``None``."""
    name = ctx.command_path.partition(" ")[2]
    if SPELLING.get(name) != JSON_FLAG or JSON_FLAG not in args or args.index(JSON_FLAG) + 1 >= len(args):
        return None
    if args[args.index(JSON_FLAG) + 1] != left:
        return None
    if left == "-":
        return f"{name}'s --json takes no file, it prints to standard output: write --json alone"
    return f"{name}'s --json takes no file, it prints to standard output: write {ctx.command_path} --json > {left}"


def _format_value(args: tuple[str, ...]) -> str | None:
    """Return the value given to ``--format`` in *args* (``--format json`` or ``--format=json``), or ``None``."""
    for i, arg in enumerate(args):
        if arg == "--":
            return None
        if arg.startswith("--format="):
            return arg.partition("=")[2]
        if arg == "--format" and i + 1 < len(args):
            return args[i + 1]
    return None
