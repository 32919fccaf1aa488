"""The commands that take review texts as arguments (``predict``, ``explain``): a text that looks like an option gets
a hint, and ``--encoding`` is checked before any text is decoded with it."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click

from taikai._cut import cut, cut_list, quoted
from taikai.cli._common import Command
from taikai.cli._review_input import STDIN, columns_said
from taikai.cli._usage_errors import UserError, help_hint, name_of, unknown_option
from taikai.errors import Argument, TaikaiError

BATCH_OPTIONS = frozenset({"--text-column", "--id-column", "-o", "--output", "--input-format", "--sheet"})
"""Options of ``taikai batch`` for a file's columns that a command of texts does not take: given, batch is named."""


class TextCommand(Command):
    """A command that takes review texts as arguments: an unknown option that may be such a text (``-手数料…``,
    any short one) gets a hint that ``--`` ends the options."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)  # the parser consumes *args*
        ctx.allow_extra_args = True  # texts beyond the one a command takes: said by _refuse_extra_texts
        try:
            left = super().parse_args(ctx, args)
        except click.MissingParameter as exc:  # explain without TEXT: - reads standard input, as predict reads it
            if not isinstance(exc.param, click.Argument):
                raise
            raise UserError(_missing_text(ctx, exc.param)) from None
        except click.NoSuchOption as exc:
            name = exc.option_name
            if name in BATCH_OPTIONS:  # a file's column asked for: batch classifies files
                raise UserError(unknown_option(ctx, name, _batch_hint(ctx, given))) from None
            if name.startswith("--") and name.isascii():
                raise
            text = next((arg for arg in given if arg.startswith(name)), name)
            mask = _masks(given)
            shown = _shown_argument(text, mask)
            if shown != text:  # undecodable bytes (CP932 in a UTF-8 terminal), not as garbage; or masked personal data
                name = "-…" if shown == "TEXT" or mask else shown
            given_after = _with_text(f"{_command(ctx, mask)} --", shown)
            hint = f"to give a text that starts with '-', put -- before it: {given_after}"
            raise UserError(unknown_option(ctx, name, hint)) from None
        if ctx.args and not ctx.resilient_parsing:
            _refuse_extra_texts(ctx, _masks(given))
        return left


def _masks(given: list[str]) -> bool:
    """Say whether the arguments *given* to the command hold ``--mask-pii`` before any ``--`` (after it, a text):
    then a message quotes the texts given masked, as the command reads them, not as they were typed."""
    return "--mask-pii" in (given[: given.index("--")] if "--" in given else given)


def _command(ctx: click.Context, mask: bool) -> str:
    """Return the command a message advises to run instead: with ``--mask-pii`` when it was given, so that the
    reviews of the command advised are masked too."""
    return f"{ctx.command_path} --mask-pii" if mask else ctx.command_path


def _missing_text(ctx: click.Context, param: click.Argument) -> str:
    """Say that the text the command takes is missing, and how to give it: as an argument, or ``-`` for the lines
    of standard input (``echo TEXT | taikai explain`` reads nothing without it, unlike predict)."""
    usage = " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])
    return (
        f"{name_of(ctx)} needs {param.human_readable_name}, which is missing: run {usage}, or give {STDIN} as "
        f"{param.human_readable_name} to read one review per line of standard input (… | {ctx.command_path} "
        f"{STDIN}) ({help_hint(ctx)})"
    )


def _batch_hint(ctx: click.Context, given: list[str]) -> str:
    """Say that the command reads texts and ``taikai batch`` the column of a file (one of *given*, when one is a
    file), with the command line to run."""
    files = [arg for arg in given if not arg.startswith("-") and Path(arg).is_file()]
    named = shlex.quote(files[0]) if files else "FILE"
    return (
        f"{ctx.info_name} reads the texts given, not the columns of a file: to classify a column of {named}, run "
        f"taikai batch {named} -o OUT.csv --text-column COLUMN{columns_said(files[0]) if files else ''}"
    )


def _refuse_extra_texts(ctx: click.Context, mask: bool) -> None:
    """Raise a ``taikai: error:`` line for the texts given beyond the one the command (``explain``) takes: it takes
    one review; several go on standard input, one per line, as ``COMMAND -`` reads them. A ``-`` among them (standard
    input) is no review: left out of the texts suggested, and said to be given alone. Under ``--mask-pii`` (*mask*)
    the reviews are quoted masked, and the commands advised keep the option."""
    texts = [ctx.params.get("text"), *ctx.args]
    given = [_shown_argument(str(text), mask) for text in texts]
    shown = [shlex.quote(cut(text, SHOWN_CHARS)) for text in given]  # a pasted blog post is not quoted whole
    reviews_given = [shown for text, shown in zip(texts, given) if str(text) != STDIN]  # the reviews among them
    reviews = [shlex.quote(text) for text in reviews_given]
    command = _command(ctx, mask)
    alone = f"{STDIN} reads the reviews from standard input: give it alone ({command} {STDIN}), or "
    if not reviews:
        how = f"{STDIN} reads the reviews from standard input: give it once ({command} {STDIN})"
    elif len(reviews) == 1:
        how = f"{alone}give the review without it: {_with_text(command, reviews_given[0])}"
    else:
        piped = f"printf '%s\\n' {' '.join(reviews)} | {command} {STDIN}"
        if len(piped) > RUNNABLE_CHARS:  # written out, the command would repeat every text given: name a file
            piped = f"{command} {STDIN} < reviews.txt, a file of one review per line"
        how = (
            f"{alone if len(reviews) < len(texts) else ''}to {ctx.info_name} several, give them one per line on "
            f"standard input: {piped}; or quote a review that holds spaces as one argument"
        )
    listed = cut_list(shown, SHOWN_TEXTS)
    raise UserError(f"{ctx.info_name} takes one review, but {len(texts):,} were given ({listed}): {how}")


SHOWN_CHARS = 40
"""The characters of each text given that a refusal quotes (then …): a review pasted whole may be pages long."""
SHOWN_TEXTS = 5
"""The texts given that a refusal quotes, then how many more: a review pasted unquoted is one argument a word."""
RUNNABLE_CHARS = 300
"""The longest command line a refusal writes out with the texts given in it; a longer one is said without them."""


def _with_text(command: str, text: str) -> str:
    """Return the command line *command* followed by the one argument *text*, quoted for the shell, when it is at
    most :data:`RUNNABLE_CHARS` long; else the command with ``TEXT`` and what stands for it, the text's start
    quoted (``taikai predict -- TEXT, the text given ('- 手数料が…', 6,400 characters) quoted as one argument``)."""
    line = f"{command} {shlex.quote(text)}"
    if len(line) <= RUNNABLE_CHARS:
        return line
    return (
        f"{command} TEXT, the text given ({quoted(text, SHOWN_CHARS)}, {len(text):,} characters) quoted as one argument"
    )


def _shown_argument(text: str, mask: bool = False) -> str:
    """Return the argument *text* as a message may show it: its bytes decoded as predict decodes them when the system
    could not decode them (Python keeps them as lone surrogates, which print as garbage), or ``TEXT`` when they do
    not decode; its personal data masked when *mask* (``--mask-pii``: the message is said before the command runs,
    outside the masking of its errors)."""
    if mask:
        from taikai._masked_messages import masked

        return masked(_shown_argument(text))
    if not _ESCAPED.search(text):
        return text
    from taikai.io import decode_argument

    try:
        return decode_argument(text)
    except TaikaiError:
        return "TEXT"


_ESCAPED = re.compile("[\udc80-\udcff]")
"""The lone surrogates by which Python keeps the bytes of an argument it could not decode."""


def check_encoding_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse an unknown ``--encoding`` up front, even where no input would be decoded with it, as batch does: a
    ``taikai: error:`` line and exit code 2, not click's usage block."""
    if value is None:
        return None
    from taikai.io import resolve_encoding

    try:
        name = str(param.name)
        resolve_encoding(value, Argument(name, f"--{name}".replace("_", "-")))
    except TaikaiError as exc:
        raise UserError(str(exc)) from None
    return value
