"""The ``predict`` command: classify texts given as arguments or lines of standard input."""

from __future__ import annotations

import json
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from taikai.cli._common import (
    UserError,
    check_rules_mode,
    echo_result,
    encoding_errors_option,
    mask_pii_option,
    model_option,
    rules_options,
)
from taikai.cli._startup import exit_quickly_when_done, import_sklearn_without_pandas
from taikai.cli._text_args import TextCommand, check_encoding_name
from taikai.labels import shown_label
from taikai.text import clip, display_width, pad

if TYPE_CHECKING:
    from taikai.model import Prediction

STDIN = "-"
"""The argument that stands for standard input."""


def render_table(
    predictions: Sequence[Prediction], top: int, rules: bool = False, numbers: Sequence[int] | None = None
) -> str:
    """Return the predictions as a table padded by display width, one row per text, numbered by *numbers* (the
    lines of standard input they were read from) or from 1.

    With *rules*, the model's own reason, the rules' labels and a ``!`` for a conflict come before the text, and the
    probability column is headed ``p(model)``: it is the model's probability of its own reason (the ``model``
    column), which under ``override`` is not the ``reason`` a rule put first. When a text has a message (why it was
    not classified, that it was cut), a last column shows the messages.
    """
    ruled = ("model", "rules", "conflict") if rules else ()
    said = ("message",) if any(p.message for p in predictions) else ()
    p_header = "top reasons" if top else "p(model)" if rules else "p"
    rows = [("#", "status", "reason", "理由", "reasons", "sentiment", p_header, *ruled, "text", *said)]
    for i, p in zip(numbers or range(1, len(predictions) + 1), predictions):
        message = (p.message,) if said else ()
        if p.reason is None:
            rows.append((str(i), p.status.value, *["-"] * (5 + len(ruled)), clip(p.text, 40), *message))
            continue
        if top:
            probs = ", ".join(f"{shown_label(label)} {prob:.2f}" for label, prob in p.top_reasons(top))
        else:
            probs = f"{p.reason_proba[p.model_reason or p.reason]:.2f}"
        reason_ja = p.reason_ja or p.reason
        cells: tuple[str, ...] = (
            str(i),
            p.status.value,
            p.reason,
            reason_ja,
            "|".join(p.reasons),
            p.sentiment or "-",
            probs,
        )
        if rules:
            labels = "|".join(p.rules.labels) if p.rules else "-"
            cells += (p.model_reason or "-", labels, "!" if p.rule_conflict else "")
        rows.append((*cells, clip(p.text, 40), *message))
    widths = [max(display_width(row[c]) for row in rows) for c in range(len(rows[0]))]
    return "\n".join("  ".join(pad(cell, w) for cell, w in zip(row, widths)).rstrip() for row in rows)


def _read_texts(
    texts: tuple[str, ...], encoding: str | None, encoding_errors: str
) -> tuple[list[str], list[int] | None]:
    """Return the texts given as arguments, decoded from their bytes, or the lines of standard input (no texts,
    or ``-`` alone) that are not blank, with their line numbers (``None`` for arguments)."""
    from taikai.io import argument_source, decode_argument, decode_input

    if texts and texts != (STDIN,):
        if STDIN in texts:
            raise click.UsageError(
                f"{STDIN} reads the reviews from standard input: give it alone, not among texts given as arguments"
            )
        for text in texts:  # a file named as a text is classified as its name: say how to give its lines
            if len(text) < 256 and "\n" not in text and os.path.isfile(text):
                click.echo(f"taikai: warning: {_file_advice(text)}", err=True)
        return [decode_argument(t, encoding, encoding_errors, argument_source(i)) for i, t in enumerate(texts, 1)], None
    if sys.stdin is None or (not texts and sys.stdin.isatty()):
        raise click.UsageError("give review texts as arguments, or pipe one review per line into stdin")
    lines = decode_input(sys.stdin.buffer.read(), encoding, encoding_errors).lines
    blank = [n for n, line in enumerate(lines, 1) if not line.strip()]
    if blank:  # as batch skips and counts blank lines (a trailing one is common), not empty inputs that fail
        shown = ", ".join(map(str, blank[:5])) + (", …" if len(blank) > 5 else "")
        click.echo(f"taikai: warning: standard input: {len(blank):,} blank line(s) skipped: line(s) {shown}", err=True)
    numbers = [n for n, line in enumerate(lines, 1) if line.strip()]
    if not numbers:
        raise UserError("standard input was empty: nothing to classify")
    return [lines[n - 1] for n in numbers], numbers


_NOT_READ = {
    "xls": ("an .xls (Excel 97–2003) workbook", "save it as .xlsx or CSV from Excel, then"),
    "json": ("a JSON file", "write it as JSON Lines, one object per line (.jsonl), then"),
    "zip": ("a zip archive", "extract the file it holds, then"),
}
"""Data files batch does not read: what each is, and what to do before batch reads it."""
_KINDS = {"csv": "a CSV", "tsv": "a TSV", "jsonl": "a JSON Lines", "parquet": "a Parquet", "xlsx": "an xlsx (Excel)"}
"""The data files batch reads, as a warning names them."""


def _file_advice(name: str) -> str:
    """Return what to do with the file *name* given as a text: a data file (CSV, xlsx, …, by its extension or first
    bytes) is classified by ``taikai batch``, whose command is shown with the file's columns; a file of text lines
    is given on standard input."""
    from taikai.errors import TaikaiError
    from taikai.io import data_format, format_of, open_reader

    fmt = data_format(Path(name))
    what = "the texts it is given, not the rows of a file"
    if fmt is None:
        return (
            f"{name!r} is a file, but predict classifies the texts it is given: to classify its lines, one review "
            f"per line, give them on standard input (taikai predict < {shlex.quote(name)})"
        )
    if fmt in _NOT_READ:
        kind, first = _NOT_READ[fmt]
        return (
            f"{name!r} is {kind}, but predict classifies {what}: to classify a column of its rows, {first} use "
            "taikai batch FILE -o OUT.csv --text-column COLUMN"
        )
    try:
        named = format_of(Path(name)) == fmt
    except TaikaiError:
        named = False
    if fmt == "xlsx" and not named:  # openpyxl reads a workbook by its extension only
        return (
            f"{name!r} is {_KINDS[fmt]} workbook, whatever its name, but predict classifies {what}: to classify a "
            "column of its rows, rename it .xlsx, then use taikai batch FILE.xlsx -o OUT.csv --text-column COLUMN"
        )
    option = "" if named else f" --input-format {fmt}"
    try:
        columns = f" (its columns are {open_reader(Path(name), fmt, warn=False).columns})"
    except (TaikaiError, OSError, ValueError):  # said by batch, when it reads the file
        columns = ""
    return (
        f"{name!r} is {_KINDS[fmt]} file, but predict classifies {what}: to classify a column of its rows, use "
        f"taikai batch {shlex.quote(name)}{option} -o OUT.csv --text-column COLUMN{columns}"
    )


@click.command(cls=TextCommand)
@click.argument("texts", nargs=-1)
@model_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(min=0), default=0, help="Also show the K most probable reasons.")
@click.option(
    "--encoding",
    default=None,
    callback=check_encoding_name,
    help="Standard input's encoding, and that of a text argument the system could not decode (default: detect "
    "UTF-8, UTF-8 with BOM, or CP932, as batch does for files).",
)
@encoding_errors_option("such texts are classified as read, and a warning on standard error names their lines")
@rules_options
@mask_pii_option
def predict(
    texts: tuple[str, ...],
    model_path: Path | None,
    fmt: str,
    top: int,
    encoding: str | None,
    encoding_errors: str,
    rules: Path | None,
    rules_mode: str,
    mask_pii: bool,
) -> None:
    """Classify review TEXTS, or one review per line of standard input when no TEXTS, or only -, are given.

    A text that starts with - goes after --: taikai predict -- -TEXT. Standard input, and a text argument with
    bytes the system could not decode (CP932 in a UTF-8 terminal), are read as bytes in the encoding given with
    --encoding, or detected as batch detects a file's (UTF-8, UTF-8 with BOM, or CP932); bytes that do not
    decode stop the command, naming the argument or line. Blank lines are skipped; the texts of standard input are
    numbered by their line (the table's # column, messages), and a --format json or jsonl record of one starts with
    its line.

    With --rules, the table adds the model's own reason, the labels of the rules that fired and ! where they
    conflict with the model; the p column, headed p(model), stays the model's probability of its own reason (the
    model column), not of a reason a rule put first under --rules-mode override. Exit code 2 when any text
    cannot be classified (empty, not Japanese); its row says why. With --mask-pii the texts are masked before
    the rules and the model read them, and the masks per kind are counted on standard error.
    """
    check_rules_mode(rules, rules_mode)
    import_sklearn_without_pandas()
    exit_quickly_when_done()  # it writes only to standard output and error
    from taikai.model import load_model

    lines, numbers = _read_texts(texts, encoding, encoding_errors)
    model = load_model(model_path)
    matcher = model.prepare_rules(rules)  # before reading stdin is wasted on a bad rules file
    if mask_pii:
        from taikai.privacy import default_masker, format_counts

        masked, counts = default_masker().mask_values(lines)
        lines = [str(line) for line in masked]
    predictions = model.predict(lines, matcher, rules_mode)
    if mask_pii:
        click.echo(f"taikai: personal data masked: {format_counts(counts)}", err=True)
    if fmt == "table":
        echo_result(render_table(predictions, top, rules=matcher is not None, numbers=numbers))
    else:
        lines_read: Sequence[int | None] = numbers or [None] * len(predictions)
        records = [_record(p, top, n) for p, n in zip(predictions, lines_read)]
        if fmt == "json":
            echo_result(json.dumps(records, ensure_ascii=False, indent=2), as_json=True)
        else:
            echo_result("\n".join(json.dumps(record, ensure_ascii=False) for record in records), as_json=True)
    where = "standard input line" if numbers else "input"
    bad = [(n, p) for n, p in zip(numbers or range(1, len(predictions) + 1), predictions) if p.reason is None]
    for n, p in bad:
        click.echo(f"taikai: {where} {n}: {p.status.value}: {p.message}", err=True)
    if bad:
        sys.exit(2)


def _record(prediction: Prediction, top: int, line: int | None = None) -> dict[str, Any]:
    """Return the JSON object of *prediction*: with *line*, its line of standard input first; with *top*, its
    ``top_reasons`` (empty when not classified)."""
    record = ({} if line is None else {"line": line}) | prediction.to_dict()
    if top:
        record["top_reasons"] = [{"reason": r, "p": v} for r, v in prediction.top_reasons(top)]
    return record
