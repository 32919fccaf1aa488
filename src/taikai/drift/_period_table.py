"""The table of the figures per period in the drift report: a row per period (and per empty period between two),
its rows, each figure, and its verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from taikai.drift._figures import figure_text
from taikai.drift._gaps import EmptyPeriods
from taikai.text import display_width

if TYPE_CHECKING:
    from taikai.drift._period_drift import PeriodDrift
    from taikai.drift._result import DriftReport

COLUMNS = (
    ("unclassifiable_share", "unclass", 8),
    ("oov_rate", "OOV", 7),
    ("tokens_per_row", "tok/row", 8),
    ("mean_confidence", "mean p", 7),
    ("low_confidence_share", "p<0.5", 7),
    ("reason_shift", "reason JS", 10),
    ("reason_share", "1 reason", 9),
    ("sentiment_shift", "sent. JS", 9),
    ("new_word_share", "new w.", 7),
)
"""The columns of figures: the figure's name, its heading, and its width in a file, a pipe or a notebook."""
_TWO_LINES = {"tok/row": ("tok/", "row")}
"""Headings broken elsewhere than at their space when the headings go on two lines (see :func:`period_rows`)."""
_PERIOD, _DRIFT = 23, "drift"


def period_rows(report: DriftReport, width: int | None = None) -> list[str]:
    """Return the lines of the table of *report*'s periods, its heading first, an empty period (``–``) before the
    first period after it.

    Without *width* (a file, a pipe, a notebook) the columns have fixed widths. On a terminal *width* columns wide
    each column is as wide as what it holds, two columns apart; when its heading line is still wider than the
    terminal, the headings go on two lines (``reason`` over ``JS``), and then, if it must, the columns one apart."""
    measured = {f.name for f in report.overall.figures}  # no sentiment column for a model without that head
    columns = [c for c in COLUMNS if c[0] in measured]
    body = [_cells(part, columns) for part in _parts(report)]
    n = max([6, *(len(f"{part.statistics.rows:,}") for part in report.periods)])  # 1,000,000 rows lines up
    if width is None:
        sizes = [_PERIOD, n, *(w for _, _, w in columns)]
        return [_line(("period", "rows", *(h for _, h, _ in columns)), "drift", sizes)] + [
            _line(cells, verdict, sizes) for cells, verdict in body
        ]
    one: list[tuple[str, ...]] = [("period",), ("rows",), *((h,) for _, h, _ in columns)]
    two: list[tuple[str, ...]] = [("", "period"), ("", "rows"), *(_TWO_LINES.get(h, _split(h)) for _, h, _ in columns)]
    tried = [(one, 2), (two, 2), (two, 1)]  # the columns two apart where they fit, the headings on one line first
    fits = [(heads, gap) for heads, gap in tried if _width(_sizes(heads, body), gap) <= width]
    heads, gap = fits[0] if fits else tried[-1]
    sizes = _sizes(heads, body)
    top: list[str] = [_line(tuple(h[0] for h in heads), "", sizes, gap).rstrip()] if len(heads[0]) == 2 else []
    return top + [_line(tuple(h[-1] for h in heads), _DRIFT, sizes, gap)] + [_line(c, v, sizes, gap) for c, v in body]


def _width(sizes: list[int], gap: int) -> int:
    """The columns of the heading line (``  period … drift``) of columns *sizes* wide, *gap* apart."""
    return 2 + sum(sizes) + gap * (len(sizes) - 1) + 2 + len(_DRIFT)


def _split(heading: str) -> tuple[str, str]:
    """*heading* on two lines, broken at its last space (``reason JS``: ``reason`` over ``JS``)."""
    top, _, bottom = heading.rpartition(" ")
    return top, bottom


def _sizes(heads: list[tuple[str, ...]], body: list[tuple[tuple[str, ...], str]]) -> list[int]:
    """The width of each column: its heading's (each line of it) or its widest cell's."""
    return [max(display_width(x) for x in [*heads[c], *(row[c] for row, _ in body)]) for c in range(len(heads))]


def _line(cells: tuple[str, ...], verdict: str, sizes: list[int], gap: int = 1) -> str:
    period, *figures = cells
    numbers = (" " * gap).join(f"{cell:>{size}}" for cell, size in zip(figures, sizes[1:]))
    return f"  {period:<{sizes[0]}}{' ' * gap}{numbers}  {verdict}"


def _parts(report: DriftReport) -> list[PeriodDrift | EmptyPeriods]:
    """The periods in date order, each empty period (a gap) before the first period after it."""
    gaps = list(report.empty_periods)
    parts: list[PeriodDrift | EmptyPeriods] = []
    for part in report.periods:
        while gaps and gaps[0].first < part.period:  # 2025-03 < 2025-04, 2025-W09 < 2025-W10: names sort by date
            parts.append(gaps.pop(0))
        parts.append(part)
    return parts


def _cells(part: PeriodDrift | EmptyPeriods, columns: list[tuple[str, str, int]]) -> tuple[tuple[str, ...], str]:
    """The cells of *part*'s row (a period's, or an empty period's) and its verdict."""
    if isinstance(part, EmptyPeriods):  # an empty period between two
        return (part.name, "0", *("–" for _ in columns)), part.verdict
    cells = []
    for name, _, _ in columns:
        f = part.figure(name)
        cells.append(figure_text(f.name, f.value, against=f.limit) + ("*" if f.alert else ""))
    short = part.figure("short_rows")
    if short.alert:
        cells[2] = figure_text(short.name, short.value, against=short.limit) + "*"
    filled = f" ({part.one_text_share} one text)" if part.filled_by_one_text else ""
    return (part.period, f"{part.statistics.rows:,}", *cells), f"{part.table_verdict}{filled}"
