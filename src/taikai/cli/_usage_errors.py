"""Errors on the command line in taikai's voice: :class:`UserError` prints ``taikai: error: …``, and
:func:`in_taikai_voice` turns click's own usage errors into such a line instead of click's usage block and
``Error: …``: an argument or option missing, an unknown command or option, a bad value, an option without its value,
arguments left over. Each names the command, says what went wrong and what to do (the closest command or option to
an unknown one, else the commands there are), and points to the command's ``--help``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

import click

from taikai._column_names import close_name, listed
from taikai.cli._extra_arguments import EXTRA_ARGUMENT, extra_arguments_message
from taikai.cli._json_output import json_file_hint, json_hint
from taikai.cli._plain_types import ARGS_KEY, plain_metavar, plain_value_error
from taikai.cli._stray_arguments import stray_arguments, stray_hints

CLOSE = 0.6
"""Least :mod:`difflib` ratio for a command or option to be suggested for an unknown one (difflib's and click's own
cutoff): ``predict`` for ``predcit``, ``test`` for ``tset``, ``--jobs`` for ``--jbos``."""
_NOT_A_CHOICE = re.compile(r"^(?P<value>'[^']*') is not one of '[^:]*'$")
"""click's message for a value that is none of an option's choices (click 8.1 to 8.3)."""
MISSING_COMMAND = "Missing command."
"""click's message for a group given options but no command (``taikai --``)."""
Resolved = tuple[str | None, click.Command | None, list[str]]
"""What ``click.Group.resolve_command`` returns: the command's name, the command and the arguments left."""
_HELP_ERROR = getattr(click.exceptions, "NoArgsIsHelpError", None)
"""click's error for a group given nothing (``taikai``, ``taikai rules``), which prints the help (click 8.2 on)."""


class UserError(click.ClickException):
    """An input or model problem, or a usage error: message on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        """Say the message on standard error, each of its lines as ``taikai: error: …``: a message that lists what
        went wrong a line each (the problems of a rules file, the rows of a file that hold a bad value, then what to
        do) is said in the one form of every error, which a log or ``grep`` reads a line at a time."""
        lines = self.format_message().split("\n")
        click.echo("\n".join(f"taikai: error: {line}".rstrip() for line in lines), err=True)


@contextmanager
def in_taikai_voice(ctx: click.Context) -> Iterator[None]:
    """Within the block, raise click's usage errors as :class:`UserError` (see :func:`usage_message`), but for the
    help a group given nothing prints; *ctx*: the context that stands for an error's own when it has none."""
    try:
        yield
    except click.UsageError as exc:
        if _HELP_ERROR is not None and isinstance(exc, _HELP_ERROR):
            raise
        raise UserError(usage_message(exc, exc.ctx or ctx)) from None


def usage_message(error: click.UsageError, ctx: click.Context) -> str:
    """Return click's usage *error* of the command of *ctx* as taikai says it (``batch needs INPUT, which is
    missing: run taikai batch [OPTIONS] INPUT (see taikai batch --help)``); a message of taikai's own, raised as a
    usage error, as it is."""
    if isinstance(error, click.MissingParameter):
        return _missing(error, ctx)
    if isinstance(error, click.BadParameter):
        hint = error.param_hint if error.param is None else _parameter_name(error.param)
        named = f" for {hint if isinstance(hint, str) else ' / '.join(hint)}" if hint else ""
        said = plain_value_error(error.message, error.param.type if error.param is not None else None, error.param, ctx)
        meant = _choice_meant(said, error.param)
        said = f"{said.rstrip('.')}{meant}" if meant else said
        return _seeing(f"{name_of(ctx)}: invalid value{named}: {said.rstrip('.')}", ctx)
    if isinstance(error, click.NoSuchOption):
        return unknown_option(ctx, error.option_name)
    if isinstance(error, click.BadOptionUsage):
        return _option_usage(error, ctx)
    if error.message.startswith(EXTRA_ARGUMENT):
        said = extra_arguments_message(ctx, name_of(ctx), error.message, help_hint(ctx))
        left = error.message[error.message.find("(") + 1 : error.message.rfind(")")]
        json = json_file_hint(ctx, left, ctx.meta.get(ARGS_KEY, ()))
        return said if json is None else f"{said}; {json}"
    if error.message == MISSING_COMMAND and isinstance(ctx.command, click.Group):
        commands = listed(ctx.command.list_commands(ctx))
        return f"{name_of(ctx)} needs a command, one of {commands} ({help_hint(ctx)})"
    return error.message


def _choice_meant(said: str, param: click.Parameter | None) -> str:
    """Return ``: did you mean 'table'?`` for click's *said* of a value of the choice option *param* that is none of
    its choices (``'tabel' is not one of 'table', 'json', 'jsonl'``), naming the closest (``xlsx`` for ``xlxs``),
    else ``""`` (also for a message that says more than click's, such as a Shift_JIS output encoding's)."""
    found = _NOT_A_CHOICE.match(said.rstrip("."))
    if param is None or not isinstance(param.type, click.Choice) or found is None:
        return ""
    try:
        given = ast.literal_eval(found["value"])
    except (ValueError, SyntaxError):
        return ""
    close = close_name(str(given), [str(c) for c in param.type.choices], CLOSE, typo=None)
    return f": did you mean {close!r}?" if close is not None and close != given else ""


def unknown_option(ctx: click.Context, given: str, hint: str = "") -> str:
    """Return the message for the option *given* that the command of *ctx* does not take: the closest it takes
    (``did you mean --jobs?``), and *hint* (what else the argument may be) after the pointer to its ``--help``."""
    names = [name for param in ctx.command.get_params(ctx) for name in (*param.opts, *param.secondary_opts)]
    # "--" alike would make all close; a long option given is no misspelt short one (--no is not -o: "no" and "o"
    # are close by difflib's ratio)
    dashes = "--" if given.startswith("--") else "-"
    options = {name.lstrip("-"): name for name in names if name.startswith(dashes)}
    close = close_name(given.lstrip("-"), list(options), CLOSE, typo=None)
    close = _choice(ctx, given) or (options.get(close) if close is not None else _extended(given, names))
    said = f"{name_of(ctx)} has no option {given!r}"
    json = json_hint(ctx, given, ctx.meta.get(ARGS_KEY, ()))
    if json is not None and not hint:  # JSON asked for as another command asks for it (drift --format json)
        return f"{said}: {json} ({help_hint(ctx)})"
    if close is not None:
        said += f": did you mean {close}?"
    if hint:
        return f"{said} ({help_hint(ctx)}); {hint}"
    if close is None:
        close = _command_s_option(ctx, given) or _group_s_option(ctx, given)
        if close is not None:
            return f"{said}: {close}"
    return f"{said} ({help_hint(ctx)})" if close is not None else f"{said}: {ctx.command_path} --help lists its options"


def _command_s_option(ctx: click.Context, given: str) -> str | None:
    """Return where the option *given* to the group of *ctx* goes when the command after it takes it (``taikai
    --model DIR predict TEXT``: predict's --model, written after the command's name), else ``None``."""
    group = ctx.command
    if not isinstance(group, click.Group):
        return None
    args = list(ctx.meta.get(ARGS_KEY, ()))
    commands = set(group.list_commands(ctx))
    after = args[args.index(given) + 1 :] if given in args else args
    name = next((arg for arg in after if arg in commands), None)
    command = group.get_command(ctx, name) if name is not None else None
    if command is None or isinstance(command, click.Group):
        return None
    option = given.partition("=")[0]
    if not any(option in (*param.opts, *param.secondary_opts) for param in command.params):
        return None
    return (
        f"{option} is an option of {name}, which goes after the command's name: {ctx.command_path} {name} "
        f"{option} … (see {ctx.command_path} {name} --help)"
    )


def _group_s_option(ctx: click.Context, given: str) -> str | None:
    """Return where the option *given* to a command goes when it is its group's (``taikai predict --version``:
    ``taikai --version``), else ``None``."""
    parent = ctx.parent
    option = given.partition("=")[0]
    if parent is None or not any(option in (*param.opts, *param.secondary_opts) for param in parent.command.params):
        return None
    group = parent.command_path
    return f"{option} is an option of {group}, which goes before the command: {group} {option}"


def _choice(ctx: click.Context, given: str) -> str | None:
    """Return the option and value that *given* names as a flag (``--format json`` for ``--json``, which evaluate
    and info take but predict and explain do not): the choice options of the command of *ctx* with a choice
    spelled as *given* without its dashes (``--input-format xlsx or --output-format xlsx``), or ``None``."""
    value = given.removeprefix("--")
    found = [
        f"{max(param.opts, key=len)} {value}"
        for param in ctx.command.get_params(ctx)
        if given.startswith("--") and isinstance(param.type, click.Choice) and value in map(str, param.type.choices)
    ]
    return " or ".join(found) or None


def _extended(given: str, names: Sequence[str]) -> str | None:
    """Return the one option whose name is *given* and more words (``--id-column`` for ``--id``, ``--text-column``
    for ``--text``: too short to be a misspelling of it), or ``None`` when none or several are."""
    found = [name for name in names if given.startswith("--") and name.startswith(f"{given}-")]
    return found[0] if len(found) == 1 else None


def unknown_command(ctx: click.Context, given: str, commands: Sequence[str], after: Sequence[str] = ()) -> str:
    """Return the message for the command *given* that the group of *ctx* does not have: the closest it has
    (``did you mean predict?``), else the *commands* there are; ``help`` (``taikai help batch``, as git and pip
    take it; *after*: the argument after it) is told the ``--help`` of the command it names, or of the group."""
    said = f"{name_of(ctx)} has no command {given!r}"
    if given.lower() == "help":
        named = [a for a in after if a in commands]
        run = " ".join([ctx.command_path, *named[:1], "--help"])
        return f"{said}: run {run}" + ("" if named else f", or {ctx.command_path} COMMAND --help for one command")
    close = close_name(given, commands, CLOSE, typo=None)
    if close is not None:
        return f"{said}: did you mean {close}? ({ctx.command_path} {close} --help says how to run it)"
    return f"{said}; its commands are {listed(list(commands))} ({ctx.command_path} --help says what each does)"


def name_of(ctx: click.Context) -> str:
    """Return the command of *ctx* as messages name it: ``batch``, ``rules test``; ``taikai`` for the program."""
    return ctx.command_path.partition(" ")[2] or ctx.command_path


def help_hint(ctx: click.Context) -> str:
    """Return where the command of *ctx* says how to run it: ``see taikai batch --help``."""
    return f"see {ctx.command_path} --help"


def _seeing(said: str, ctx: click.Context) -> str:
    """Return *said* followed by :func:`help_hint` (in brackets, or after a semicolon when *said* ends with one)."""
    return f"{said}; {help_hint(ctx)}" if said.endswith(")") else f"{said} ({help_hint(ctx)})"


def _missing(error: click.MissingParameter, ctx: click.Context) -> str:
    """An argument or option the command needs was not given: say how the command is run, or what the option
    takes."""
    param = error.param
    if param is None:
        return _seeing(f"{name_of(ctx)}: {error.format_message().rstrip('.')}", ctx)
    said = f"{name_of(ctx)} needs {_parameter_name(param)}, which is missing"
    if isinstance(param, click.Argument):
        usage = " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])
        return f"{said}: run {usage} ({help_hint(ctx)})"
    strays = stray_arguments(ctx) if "-o" in param.opts else []  # batch in.csv out.csv: the output without -o
    hints = stray_hints(ctx, strays, param) if isinstance(param, click.Option) else ""
    return f"{said}: {hints or f'add {_declared(param, ctx)}'} ({help_hint(ctx)})"


def _option_usage(error: click.BadOptionUsage, ctx: click.Context) -> str:
    """An option given without the value it takes, or given a value it does not take."""
    name = error.option_name
    param = next((p for p in ctx.command.get_params(ctx) if name in (*p.opts, *p.secondary_opts)), None)
    if "requires" in error.message and param is not None:
        written = _declared(param, ctx, name)
        return (
            f"{name_of(ctx)}: the option {name} needs a value, and none was given: write {written} ({help_hint(ctx)})"
        )
    if "does not take a value" in error.message:
        return f"{name_of(ctx)}: the option {name} takes no value: write {name} alone ({help_hint(ctx)})"
    return _seeing(f"{name_of(ctx)}: {error.message.rstrip('.')}", ctx)


def _parameter_name(param: click.Parameter) -> str:
    """Return how a message names *param*: ``INPUT``, ``--output / -o``."""
    if isinstance(param, click.Argument):
        return param.human_readable_name
    return " / ".join([*param.opts, *param.secondary_opts]) or str(param.name)


def _declared(param: click.Parameter, ctx: click.Context, name: str | None = None) -> str:
    """Return *param* as written with its value: *name* (default: its longest) and what it takes (``--output PATH``,
    ``-o PATH``; a number in words, see :func:`plain_metavar`)."""
    name = name or max(param.opts, key=len)
    plain = plain_metavar(param)
    if plain is not None:
        return f"{name} {plain}"
    record = param.get_help_record(ctx)
    takes = record[0].split(", ")[-1].partition(" ")[2] if record is not None else ""
    return f"{name} {takes}" if takes else name
