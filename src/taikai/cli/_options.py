"""The options several commands take (--model, --rules and --rules-mode, --freq, --mask-pii, --encoding-errors,
--output-encoding, --text-column, --prefix), with the checks of what they were given."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from taikai.cli._given_path import GivenPath, refuse_empty, refuse_unexpanded
from taikai.errors import InputError
from taikai.errors import check_freq as read_freq
from taikai.io import ENCODING_ERROR_MODES, check_tz
from taikai.rules import RULES_MODES, RulesMode

F = TypeVar("F", bound=Callable[..., Any])


def _model_path(ctx: click.Context, param: click.Parameter, value: str | Path | None) -> Path | None:
    """Return --model as a path; refuse an empty one, which would name the current directory."""
    if isinstance(value, str) and not value.strip():
        from taikai.model import or_default  # what a command without --model uses, if it has one

        refuse_empty(value, f"the directory of a trained model{or_default('leave --model out for')}", ctx, param)
    refuse_unexpanded(value, ctx, param)
    return None if value is None else Path(value)


def model_option_helped(text: str) -> Callable[[Any], Any]:
    """Return ``--model``/``-m`` (parameter ``model_path``) with the help *text*: a command whose default is
    not the default model says which it is."""
    return click.option("--model", "-m", "model_path", type=click.Path(), default=None, callback=_model_path, help=text)


model_option = model_option_helped("Model directory (default: $TAIKAI_MODEL when set, else the shipped model).")

SHIFT_JIS = ("shift_jis", "shift_jis_2004", "shift_jisx0213")
"""Python's names of the Shift_JIS encodings, which lack the characters Windows adds (①, ㈱, ～) to cp932."""


class OutputEncoding(click.Choice):  # type: ignore[type-arg]  # generic from click 8.2 on; 8.1 is supported
    """``--output-encoding``: one of *choices* (shown as they are in ``--help``), also by another name of one that
    Python reads, as the library's ``output_encoding=`` does (``utf8``, ``UTF-8``, ``ms932``); a Shift_JIS name
    (``sjis``, ``Shift_JIS``), which an Excel user gives for the encoding Excel writes, is told ``cp932``, Windows'
    Shift_JIS, rather than only that it is not one of them."""

    def __init__(self, choices: tuple[str, ...]) -> None:
        super().__init__(choices, case_sensitive=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and value.strip():
            try:
                named = codecs.lookup(value.strip()).name
            except LookupError:
                named = value
            if named in self.choices:
                return named
            if named in SHIFT_JIS:
                self.fail(
                    f"{value!r} is not one of {', '.join(map(repr, self.choices))}: write cp932, Windows' Shift_JIS, "
                    "which Excel reads and writes (Python's shift_jis lacks ①, ㈱ and the other characters Windows "
                    "adds)",
                    param,
                    ctx,
                )
        return super().convert(value, param, ctx)


_RULES_HELP = (
    "adds rule_names, rule_reasons and rule_conflict",
    "flag: add the rule columns only. override: the first firing rule's label becomes the reason (the model's own is "
    "kept in model_reason)",
)


def rules_options(command: Callable[..., Any], helps: tuple[str, str] = _RULES_HELP) -> Callable[..., Any]:
    """Add ``--rules FILE`` (repeatable) and ``--rules-mode flag|override`` (parameters ``rules`` and ``rules_mode``);
    *helps*: what the rules do to this command's output, and what each mode does."""
    modes, default = click.Choice(RULES_MODES), RulesMode.FLAG.value
    command = click.option("--rules-mode", type=modes, default=default, show_default=True, help=f"{helps[1]}.")(command)
    rules_help = (
        f"Coding rules (TOML, or a CSV/xlsx table: see examples/rules.toml, rules.csv): {helps[0]}. Repeat it for the "
        "rules of several files (a team's, then your own): they apply in the order given, a name used in two files "
        "is refused"
    )
    return click.option(
        "--rules", type=click.Path(), multiple=True, callback=_rules_path, metavar="FILE", help=rules_help
    )(command)


RulesFiles = Path | tuple[Path, ...] | None
"""``--rules`` as a command gets it: none, one file, or several in the order given (what ``rules=`` takes)."""


def _rules_path(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> RulesFiles:
    """Return --rules as a path, or the paths of several files in the order given (``None``: none), one written
    twice alike read once, as every option given one value twice reads it; refuse an empty one, which would name the
    current directory (``.``)."""
    for given in value:
        refuse_empty(given, "a rules file such as rules.toml, or leave --rules out", ctx, param)
        refuse_unexpanded(given, ctx, param)
    files = tuple(Path(given) for given in dict.fromkeys(value))  # one file given twice alike: read once
    return None if not files else files[0] if len(files) == 1 else files


def check_rules_mode(rules: RulesFiles, rules_mode: str) -> None:
    """Refuse ``--rules-mode override`` without ``--rules`` (it would do nothing), as the library refuses
    ``rules_mode="override"`` without ``rules=`` (:meth:`RulesMode.for_rules`); the default, ``flag``, written out
    is accepted, as it is in Python."""
    if rules is None and RulesMode.parse(rules_mode) is not RulesMode.FLAG:
        raise click.UsageError(
            f"--rules-mode {rules_mode} applies to rules: give the rules file with --rules FILE, or leave "
            "--rules-mode out"
        )


class _Freq(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2 on; 8.1 is supported
    """``--freq``: a period :func:`taikai.errors.check_freq` reads, kept as given (the library reads it again)."""

    name = "M|W|Q|Y|Q-MAR|Y-MAR"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            read_freq(value, "--freq")
        except InputError as error:
            self.fail(str(error).removeprefix("--freq "), param, ctx)
        return value


freq_option = click.option(
    "--freq",
    type=_Freq(),
    default="M",
    show_default=True,
    help="Periods for --date-column: M months, W weeks (Monday to Sunday), Q quarters, Y years; Q-MAR and Y-MAR "
    "the quarters (FY2025-Q1: April to June 2025) and years (FY2025) of a fiscal year ending in March, as 年度, "
    "likewise for another month; pandas' spellings alike (ME, MS, W-SUN, QE, QE-MAR, QS-APR, YE-MAR, YS-APR).",
)
"""``--freq`` of the commands that take ``--date-column`` (drift, report), and pandas' spellings of the same
periods (:data:`taikai.errors.FREQ_SPELLINGS`, :func:`taikai.errors.check_freq`)."""


class _Zone(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2 on; 8.1 is supported
    """``--tz``: a time zone :func:`taikai.io.check_tz` reads (an IANA name, JST, UTC, an offset), as it writes it."""

    name = "ZONE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return check_tz(value, "--tz")
        except InputError as error:
            self.fail(str(error).removeprefix("--tz "), param, ctx)


tz_option = click.option(
    "--tz",
    type=_Zone(),
    default=None,
    help="Time zone the periods of --date-column are counted in: an IANA name such as Asia/Tokyo (JST and Japan "
    "read as it), UTC, or an offset such as +09:00. Dates and times that carry a zone (2026-10-31T20:00:00Z, "
    "+00:00, a Parquet timestamp[tz=UTC]) are converted to it (that one is 2026-11-01 in Asia/Tokyo, a November "
    "review); those without a zone are taken as already in it. Default: each counts in the zone it is written in.",
)
"""``--tz`` of the commands that take ``--date-column`` (drift, report): the time zone their periods are counted
in (``tz=`` of the library)."""


def check_tz_given(date_column: str | None, tz: str | None) -> str | None:
    """Refuse ``--tz`` given without ``--date-column`` (there are no periods for it to count in); return it."""
    if tz is not None and date_column is None:
        raise click.UsageError("--tz applies to periods: give the column of dates with --date-column COLUMN")
    return tz


def json_report_option(what: str, text: str) -> Callable[[F], F]:
    """Return ``--json [PATH]`` (parameter ``json_out``) of a command that prints a text report (evaluate, drift):
    *what* it also writes as JSON to PATH; given alone, or ``-``, the JSON goes to standard output (as ``info
    --json`` prints it) and the *text* to standard error."""
    return click.option(
        "--json",
        "json_out",
        type=GivenPath("a file to write the JSON to (- for standard output), or leave --json out"),
        is_flag=False,
        flag_value="-",
        metavar="[PATH]",
        help=f"Also write {what} as JSON to PATH. --json alone (or --json -): the JSON to standard output, {text} "
        "to standard error.",
    )


def check_freq(ctx: click.Context, date_column: str | None, freq: str) -> str | None:
    """Refuse ``--freq`` given without ``--date-column`` (there are no periods for it to set); return the ``freq=``
    to call the library with: ``None`` when the option was not given (the library's default, months, which it
    refuses to be given without a date column)."""
    if ctx.get_parameter_source("freq") is ParameterSource.DEFAULT:
        return None
    if date_column is None:
        raise click.UsageError("--freq applies to periods: give the column of dates with --date-column COLUMN")
    return freq


def masked_option(said: str) -> Callable[[F], F]:
    """The ``--mask-pii`` flag, its help ending in what the command's output then holds (*said*)."""
    return click.option(
        "--mask-pii",
        is_flag=True,
        help="Replace e-mail addresses, URLs, phone numbers, postal codes, street addresses (the town on: the "
        "prefecture and city stay), account IDs, bank and card numbers, My Numbers, IP addresses, birth dates, "
        "access codes (passcodes, passwords, meeting IDs, gift codes) and person names in the text by placeholders "
        "([メール], [URL], [電話番号], [郵便番号], [住所], [ID], [口座], [カード番号], [個人番号], [IPアドレス], "
        f"[生年月日], [アクセスコード], [人名]) before anything else sees it; {said}. Best effort: see "
        "docs/privacy.md.",
    )


mask_pii_option = masked_option("the output holds only the masked text")
"""``--mask-pii`` of a command that writes the texts it reads (predict, batch, suggest, report)."""


def encoding_errors_option(
    kept: str = "such rows keep their place, are named in a warning and counted",
) -> Callable[[F], F]:
    """Add ``--encoding-errors strict|replace``; *kept*: what this command does with what was read as U+FFFD."""
    said = (
        "strict: stop at a byte the encoding cannot decode, naming file and line. replace: read it as U+FFFD and go on"
    )
    choice = click.Choice(ENCODING_ERROR_MODES)
    return click.option("--encoding-errors", type=choice, default="strict", show_default=True, help=f"{said}; {kept}.")


TEXT_COLUMN_HELP = (
    "Column holding the review text. Default: the one taikai batch classified, as the batch summary beside the file "
    "recorded; else text."
)
format_option = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
"""``--format text|json``: explain, keywords and rules test print text, or JSON for a program."""
text_column_option = click.option("--text-column", default=None, help=TEXT_COLUMN_HELP)
dump_text_column_option = click.option(
    "--text-column",
    default=None,
    help=TEXT_COLUMN_HELP.removesuffix(".") + ", or, for a file without a column named text, the one the model was "
    "trained on, if it has it.",
)

prefix_option = click.option(
    "--prefix",
    default=None,
    help="The prefix of the predicted columns, as given to taikai batch --prefix (pred_ for pred_reason, …). "
    "Default: the one the batch summary beside the file recorded, or the only set of predicted columns found; "
    "--prefix '' names the columns without one.",
)
