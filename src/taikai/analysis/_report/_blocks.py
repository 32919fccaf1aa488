"""What a report section is made of: typed blocks (paragraphs, notes, tables, figures), rendered by one renderer.

A section builder returns a :class:`Section` holding blocks; it never writes HTML itself, so escaping, number
formatting, layout and the embedded font are decided in one place (:mod:`._render`).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Share:
    """A share of a whole (0.0-1.0), shown as a percentage."""

    value: float


@dataclass(frozen=True)
class CountShare:
    """A count with its share of a whole, shown as ``1,234 (12.3%)``."""

    count: int
    share: float


Cell = str | int | float | Share | CountShare | None
"""What a cell of a :class:`ReportTable` holds: text, a number, a :class:`Share`, a :class:`CountShare`, or nothing."""


class ColumnKind(enum.Enum):
    """How a table column is laid out."""

    LABEL = "label"  # short words: a reason, a status, a segment
    NUMBER = "number"  # right-aligned, tabular digits
    NOWRAP = "nowrap"  # ids and dates: never broken over lines
    WORDS = "words"  # a period or a verdict (2026-09, なし): never broken inside a word, printed too
    TEXT = "text"  # review texts: wide, wrapped, clipped


@dataclass(frozen=True)
class Column:
    """A table column: its heading and its kind."""

    name: str
    kind: ColumnKind = ColumnKind.LABEL


@dataclass(frozen=True)
class ReportTable:
    """A table of typed cells; the first column is a row heading when ``row_headings`` is true."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    row_headings: bool = True

    @classmethod
    def from_frame(cls, df: Any, index: bool = True, kinds: dict[str, ColumnKind] | None = None) -> ReportTable:
        """Make a table of a pandas frame: numbers by dtype, other cells as text (*kinds* overrides by column)."""
        import pandas as pd

        kinds = kinds or {}
        names = ([str(df.index.name or "")] if index else []) + [str(c) for c in df.columns]
        cells = (df.iloc[:, j] for j in range(df.shape[1]))  # by position: two columns of one name are two columns
        numeric = [False] * index + [
            pd.api.types.is_numeric_dtype(c) or (len(df) > 0 and all(map(_is_share, c))) for c in cells
        ]
        columns = tuple(
            Column(name, kinds.get(name, ColumnKind.NUMBER if is_number else ColumnKind.LABEL))
            for name, is_number in zip(names, numeric)
        )
        rows = tuple(
            tuple(_cell(v) for v in ([key] if index else []) + list(values))
            for key, values in zip(df.index, df.itertuples(index=False))
        )
        return cls(columns, rows, row_headings=index)


def _is_share(value: Any) -> bool:
    return isinstance(value, (Share, CountShare))


def _cell(value: Any) -> Cell:
    """Return a frame value as a cell: numpy numbers as Python numbers, missing values as ``None``."""
    import pandas as pd

    if isinstance(value, (Share, CountShare, str)) or value is None:
        return value
    if isinstance(value, bool):
        return str(value)
    if hasattr(value, "item") and not isinstance(value, pd.Period):
        value = value.item()
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, (int, float)):
        return value
    return None if pd.isna(value) else str(value)


@dataclass(frozen=True)
class Paragraph:
    """A sentence or two for the reader."""

    text: str


@dataclass(frozen=True)
class Note:
    """A small grey note: what a table counts, what is missing."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A list of short findings."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Chart:
    """A chart, embedded as a PNG with its alternative text: ``draw(*args)`` returns the matplotlib figure.

    Drawing is left to the renderer, so that a page built without charts costs no drawing.
    """

    alt: str
    draw: Callable[..., Any]
    args: tuple[Any, ...] = ()
    caption: str = ""
    """A note under the chart, shown with it (a page without charts has neither)."""

    @classmethod
    def of(cls, alt: str, draw: Callable[..., Any], *args: Any, caption: str = "") -> Chart:
        """Return the chart ``draw(*args)`` with the alternative text *alt* (and a note under it, *caption*)."""
        return cls(alt, draw, args, caption)


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section."""

    text: str


ReportBlock = Paragraph | Note | Bullets | ReportTable | Chart | Heading
"""One block of a :class:`Section`, in the order the page shows them: a paragraph, a note, bullets, a table, a
figure or a heading."""


@dataclass(frozen=True)
class Section:
    """One section of the report: an anchor, a heading and its blocks, in order."""

    key: str
    title: str
    blocks: tuple[ReportBlock, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, key: str, title: str, blocks: Sequence[ReportBlock]) -> Section:
        """Return a section of *blocks* (any sequence)."""
        return cls(key, title, tuple(blocks))
