"""The ``predict`` command: classify texts given as arguments or lines of standard input."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from taikai.cli._common import echo_result
from taikai.cli._examples import examples
from taikai.cli._options import (
    RulesFiles,
    check_rules_mode,
    encoding_errors_option,
    mask_pii_option,
    model_option,
    rules_options,
)
from taikai.cli._review_input import STDIN, StdinReviews, read_stdin_reviews, review_place, warn_if_file
from taikai.cli._startup import exit_quickly_when_done, import_sklearn_without_pandas
from taikai.cli._text_args import TextCommand, check_encoding_name
from taikai.labels import counted_label
from taikai.text import clip, display_width, pad

if TYPE_CHECKING:
    from taikai.model import Prediction


TEXT_WIDTH = 40
"""The terminal columns the table's text column takes at most on a terminal (piped or in a file, texts are whole)."""

NARROWEST_TEXT = 10
"""The terminal columns the text column keeps however narrow the terminal: a row of a narrower one wraps."""


def render_table(
    predictions: Sequence[Prediction],
    top: int,
    rules: bool = False,
    numbers: Sequence[int] | None = None,
    width: int | None = None,
) -> str:
    """Return the predictions as a table padded by display width, one row per text, numbered by *numbers* (the
    lines of standard input they were read from) or from 1.

    On a terminal *width* columns wide, the texts are cut to :data:`TEXT_WIDTH` columns, and to fewer (down to
    :data:`NARROWEST_TEXT`) when the rows would be wider; with *width* ``None`` (not a terminal: a file, ``grep``,
    ``less``) each text is whole, on its row's line.

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
            rows.append((str(i), p.status.value, *["-"] * (5 + len(ruled)), p.text, *message))
            continue
        if top:
            probs = ", ".join(f"{counted_label(label)} {prob:.2f}" for label, prob in p.top_reasons(top))
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
        rows.append((*cells, p.text, *message))
    rows = _cut_texts(rows, rows[0].index("text"), width)
    widths = [max(display_width(row[c]) for row in rows) for c in range(len(rows[0]))]
    return "\n".join("  ".join(pad(cell, w) for cell, w in zip(row, widths)).rstrip() for row in rows)


def _cut_texts(rows: list[tuple[str, ...]], at: int, width: int | None) -> list[tuple[str, ...]]:
    """Return *rows* (the header first) with their texts, column *at*, on one line each (control characters and
    line breaks as spaces), cut on a terminal *width* columns wide to :data:`TEXT_WIDTH` columns, or to what it
    leaves them after the columns before them, at least :data:`NARROWEST_TEXT` (the messages of rows not classified,
    after the texts, are long enough to wrap whatever the texts' width). Not on a terminal (*width* ``None``), the
    texts are whole: a table written to a file or piped to ``grep`` holds every word of them."""
    if width is None:
        texts = [clip(row[at], display_width(row[at])) for row in rows[1:]]  # one line, never cut
    else:
        others = [max(display_width(row[c]) for row in rows) for c in range(at)]  # a message after it may wrap
        left = width - sum(others) - 2 * len(others)  # two spaces between columns
        texts = [clip(row[at], max(NARROWEST_TEXT, min(TEXT_WIDTH, left))) for row in rows[1:]]
    return [rows[0], *((*row[:at], text, *row[at + 1 :]) for row, text in zip(rows[1:], texts))]


def terminal_width() -> int | None:
    """Return the columns of the terminal standard output writes to, ``None`` when it is none (piped, a file)."""
    return shutil.get_terminal_size().columns if sys.stdout is not None and sys.stdout.isatty() else None


def _read_texts(
    texts: tuple[str, ...], encoding: str | None, encoding_errors: str
) -> tuple[list[str], StdinReviews | None]:
    """Return the texts given as arguments, decoded from their bytes, or the lines of standard input (no texts,
    or ``-`` alone) that are not blank, with their line numbers and notes (``None`` for arguments)."""
    from taikai.io import argument_source, decode_argument

    if texts and texts != (STDIN,):
        if STDIN in texts:
            raise click.UsageError(
                f"{STDIN} reads the reviews from standard input: give it alone to predict (taikai predict {STDIN}), "
                "not among texts given as arguments"
            )
        for text in texts:  # a file named as a text is classified as its name: say how to give its lines
            warn_if_file(text, "predict")
        return [decode_argument(t, encoding, encoding_errors, argument_source(i)) for i, t in enumerate(texts, 1)], None
    if not texts and (sys.stdin is None or sys.stdin.isatty()):  # - alone: read_stdin_reviews says there is none
        raise click.UsageError("give review texts as arguments, or pipe one review per line into stdin")
    read = read_stdin_reviews("predict", encoding, encoding_errors)
    return read.texts, read


@click.command(cls=TextCommand, epilog=examples("predict"))
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
    rules: RulesFiles,
    rules_mode: str,
    mask_pii: bool,
) -> None:
    """Classify review TEXTS, or one review per line of standard input when no TEXTS, or only -, are given.

    A text that starts with - goes after --: taikai predict -- -TEXT. Standard input, and a text argument with
    bytes the system could not decode (CP932 in a UTF-8 terminal), are read as bytes in the encoding given with
    --encoding, or detected as batch detects a file's (UTF-8, UTF-8 with BOM, or CP932); bytes that do not
    decode stop the command, naming the argument or line (with --encoding-errors replace, the line's message says
    how many were read as U+FFFD, as a batch row's does). Blank lines are skipped; the texts of standard input are
    numbered by their line (the table's # column, messages), and a --format json or jsonl record of one starts with
    its line. Standard input that begins as a CSV or TSV table (a header of columns, rows under it) gets a warning
    with the taikai batch command to use; its lines are classified all the same (a review may hold commas).

    With --rules, the table adds the model's own reason, the labels of the rules that fired and ! where they
    conflict with the model; the p column, headed p(model), stays the model's probability of its own reason (the
    model column), not of a reason a rule put first under --rules-mode override. Exit code 2 when any text
    cannot be classified (empty, not Japanese); its row says why. With --mask-pii the texts are masked before
    the rules and the model read them, and the masks per kind are counted on standard error.
    """
    check_rules_mode(rules, rules_mode)
    import_sklearn_without_pandas()
    exit_quickly_when_done()  # it writes only to standard output and error
    from taikai.model import checked_rules, load_model

    lines, read = _read_texts(texts, encoding, encoding_errors)
    numbers = read.numbers if read else None
    model = load_model(model_path)
    matcher = checked_rules(rules, model, model_path)  # before reading stdin is wasted on a bad rules file
    if mask_pii:
        from taikai.privacy import default_masker, format_counts

        masked, counts = default_masker().mask_values(lines, run=True)
        lines = [str(line) for line in masked]
    predictions = model.predict(lines, matcher, rules_mode)
    if read is not None:  # a line with bytes read as U+FFFD says so in its message, as a batch row does
        predictions = [replace(p, message=read.added_note(n, p.message)) for n, p in zip(read.numbers, predictions)]
    if mask_pii:
        click.echo(f"taikai: personal data masked: {format_counts(counts)}", err=True)
    if fmt == "table":
        width = terminal_width()
        echo_result(render_table(predictions, top, rules=matcher is not None, numbers=numbers, width=width))
    else:
        lines_read: Sequence[int | None] = numbers or [None] * len(predictions)
        records = [_record(p, top, n) for p, n in zip(predictions, lines_read)]
        if fmt == "json":
            echo_result(json.dumps(records, ensure_ascii=False, indent=2), as_json=True)
        else:
            echo_result("\n".join(json.dumps(record, ensure_ascii=False) for record in records), as_json=True)
    bad = [(n, p) for n, p in zip(numbers or range(1, len(predictions) + 1), predictions) if p.reason is None]
    for n, p in bad:  # standard input:3: …, <argument 2>: …, as a file's row is FILE:LINE: … (its status: the table's)
        click.echo(f"taikai: error: {review_place(n, numbers is not None)}: {p.message}", err=True)
    if bad:
        sys.exit(2)


def _record(prediction: Prediction, top: int, line: int | None = None) -> dict[str, Any]:
    """Return the JSON object of *prediction*: with *line*, its line of standard input first; with *top*, its
    ``top_reasons`` (empty when not classified)."""
    record = ({} if line is None else {"line": line}) | prediction.to_dict()
    if top:
        record["top_reasons"] = [{"reason": r, "p": v} for r, v in prediction.top_reasons(top)]
    return record
