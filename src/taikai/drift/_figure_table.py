"""The table of a dump's figures in the drift report: each figure's value, the reference's, the limit, the verdict
and the rule of the limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from taikai.drift._figures import Figure, figure_text, limit_text
from taikai.text import display_width, pad

if TYPE_CHECKING:
    from taikai.drift._period_drift import PeriodDrift

_HEADER = ("figure", "value", "reference", "limit", "verdict")
_UNREFERENCED = ("reason_shift", "sentiment_shift", "new_word_share")
"""The figures without a reference value: their limit is fixed."""


def _verdict(figure: Figure) -> tuple[str, str]:
    """Return the verdict of *figure* and why it was not judged when its limit is out of reach (else ``""``)."""
    if figure.out_of_reach:
        return "not judged", "limit out of reach"
    if not figure.judged:
        return "not judged", ""
    return ("DRIFT" if figure.alert else "ok"), ""


def _cells(figure: Figure) -> tuple[str, str, str, str]:
    reference = "" if figure.name in _UNREFERENCED else figure_text(figure.name, figure.reference)
    value = figure_text(figure.name, figure.value, against=figure.limit)
    return figure.title, value, reference, limit_text(figure.name, figure.limit, figure.value)


def figure_table(part: PeriodDrift, width: int | None = None) -> list[str]:
    """Return the lines of the table of *part*'s figures, the header first, each row ending with its limit's rule.

    On a terminal *width* columns wide, the columns are as wide as what they hold, and when a row with its rule is
    wider than the terminal, every rule goes on a line of its own under its row (with why a figure was not judged,
    when its limit is out of reach): the terminal would wrap it to its first column, under the figures' names.
    Without *width* (a file, a pipe, a notebook) the columns are fixed and each rule ends its row."""
    rows = [_cells(f) for f in part.figures]
    sizes = [44, 8, 10, 8] if width is None else [max(display_width(r[c]) for r in [_HEADER, *rows]) for c in range(4)]

    def line(cells: tuple[str, ...], verdict: str) -> str:
        title, value, reference, limit = cells
        numbers = " ".join(f"{cell:>{size}}" for cell, size in zip((value, reference, limit), sizes[1:]))
        return f"  {pad(title, sizes[0])} {numbers}  {verdict}"

    lines = [line(_HEADER[:4], _HEADER[4])]
    verdicts = [_verdict(f) for f in part.figures]
    whole = [
        f"{line(row, f'{v} ({note})' if note else v)}  ({f.rule})"
        for row, (v, note), f in zip(rows, verdicts, part.figures)
    ]
    if width is None or max(map(display_width, whole)) <= width:
        return lines + whole
    for row, (verdict, note), figure in zip(rows, verdicts, part.figures):
        lines += [line(row, verdict), f"      {note + ': ' if note else ''}({figure.rule})"]
    return lines
