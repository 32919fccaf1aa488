"""What the cells of a date column say beside its dates, gathered chunk by chunk or at once, and the warnings about
it, in one place for the report's tables (a column read whole) and ``taikai drift`` (a dump read a chunk at a time):
Excel serial numbers, Unix times, dates without a year, a time zone other than Japan's, with the order of its
year-last dates and its dates far outside the others."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from taikai._cut import cut_list
from taikai._masked_messages import quoted_text
from taikai.errors import DATE_COLUMN
from taikai.io._date_column import DateColumn, YearRange, excel_serials, order_warning, range_warning, serial_warning
from taikai.io._date_order import DateOrder
from taikai.io._dates import QUOTED_WIDTH, as_written
from taikai.io._unix_times import SHOWN_ROWS, unix_times, unix_unit, unix_warning
from taikai.io._yearless import is_yearless, yearless_dates, yearless_warning
from taikai.io._zone_mix import ForeignZone, ZoneMix
from taikai.text import clip, is_missing


@dataclass(frozen=True)
class DateNotes:
    """What cells of a date column hold that count as rows without a date, or in another clock: how many *serials*
    (Excel serial numbers) and the first (*serial*), how many *yearless* dates and the first (*month_day*), how many
    *unix* times and the first :data:`SHOWN_ROWS` (each its data row from 0 and the cell as written), and its dates
    and times with a time zone and without one (*mix*, with the first of a zone other than Japan's: :attr:`zone`).
    Notes of chunks add up in file order (``+``)."""

    serials: int = 0
    serial: str = ""
    yearless: int = 0
    month_day: str = ""
    unix: int = 0
    unix_first: tuple[tuple[int, str], ...] = ()
    unread: int = 0
    unread_first: tuple[tuple[int, str], ...] = ()
    mix: ZoneMix = field(default_factory=ZoneMix)
    """Its dates and times with a time zone and without one, and the first of a zone other than Japan's: looked at
    in one pass (:meth:`ZoneMix.of`)."""

    @property
    def zone(self) -> ForeignZone | None:
        """The first date and time in a time zone other than Japan's (``None`` when a zone to count in was given)."""
        return self.mix.foreign if self.mix.tz is None else None

    @classmethod
    def of(
        cls, values: Iterable[object], offset: int = 0, tz: str | None = None, read: Sequence[bool] | None = None
    ) -> DateNotes:
        """The notes of *values*, the cells of a date column whose first is its data row *offset* (from 0); with a
        time zone *tz* given, dates and times are counted in it, and no zone is noted. With *read* (whether each
        cell read as a date), the cells that hold a value read as no date, and that no other note explains (``不明``,
        ``2026/11/3 確認済``), are counted, the first :data:`SHOWN_ROWS` kept (each its data row and the cell)."""
        serials, yearless, unix = excel_serials(values), yearless_dates(values), unix_times(values)
        unread = [] if read is None else _unexplained(values, read)
        return cls(
            len(serials),
            serials[0] if serials else "",
            len(yearless),
            yearless[0] if yearless else "",
            len(unix),
            tuple((offset + at, cell) for at, cell in unix[:SHOWN_ROWS]),
            len(unread),
            tuple((offset + at, cell) for at, cell in unread[:SHOWN_ROWS]),
            ZoneMix.of(values, tz),
        )

    def __add__(self, other: DateNotes) -> DateNotes:
        return DateNotes(
            self.serials + other.serials,
            self.serial or other.serial,
            self.yearless + other.yearless,
            self.month_day or other.month_day,
            self.unix + other.unix,
            (self.unix_first + other.unix_first)[:SHOWN_ROWS],
            self.unread + other.unread,
            (self.unread_first + other.unread_first)[:SHOWN_ROWS],
            self.mix + other.mix,
        )

    def unread_cells(self) -> str:
        """The first cells that hold a value read as no date, as the warnings name them (``data row(s) 2, 5:
        '不明', '2026/13/45'``, data rows from 1); ``""`` without such cells."""
        return unread_cells(self.unread, self.unread_first) if self.unread_first else ""

    def warnings(
        self,
        order: DateOrder | None,
        either: str | None,
        out_of_range: int,
        years: YearRange | None,
        where: str,
        column: str,
    ) -> list[str]:
        """The warnings about the date column *column* (of *where*): the *order* of its year-last dates (one that
        reads *either* way cited), its *out_of_range* dates (outside *years*), and what these notes hold."""
        found = (
            order_warning(order, where, column, either),
            range_warning(out_of_range, years, where, column),
            serial_warning(self.serials, self.serial, where, column),
            unix_warning(self.unix, list(self.unix_first), where, column),
            self.mix.warning(where, column),  # one warning of its time zones
            yearless_warning(self.yearless, self.month_day, where, column),
            unread_warning(self.unread, self.unread_first, where, column),
        )
        return [warning for warning in found if warning is not None]


def _unexplained(values: Iterable[object], read: Sequence[bool]) -> list[tuple[int, str]]:
    """The cells of *values* not *read* as dates that hold a value no other note explains (not blank, not an Excel
    serial number, a Unix time nor a date without a year), each with its position (from 0), as written."""
    found = []
    for at, (value, dated) in enumerate(zip(values, read, strict=True)):
        if dated or is_missing(value) or not (text := as_written(value)):  # pandas.NA of a string column too
            continue
        if unix_unit(value) is not None or is_yearless(value):
            continue
        if not excel_serials([value]):
            found.append((at, text))
    return found


READS_AS = "2026-03-14, 2026/03/14 or 2026年3月14日"
"""How dates read, as the warning about cells that hold no date quotes them."""


def unread_warning(rows: int, first: tuple[tuple[int, str], ...], where: str, column: str) -> str | None:
    """The warning for the *rows* of a date column that hold a value read as no date (*first*: the first of them,
    each its data row from 0 and the cell as written), which count as rows without a date; ``None`` without such
    rows."""
    if not rows or not first:
        return None
    return (
        f"{where}: {DATE_COLUMN.given(column)}: {rows:,} row(s) hold a value that reads as no date "
        f"({unread_cells(rows, first)}) and count as rows without a date; check those cells (a date reads as "
        f"{READS_AS})"
    )


def unread_cells(rows: int, first: tuple[tuple[int, str], ...]) -> str:
    """The *first* of *rows* cells that read as no date, as the warnings name them: ``data row(s) 2, 5: '不明',
    '2026/13/45'`` (data rows from 1, the cells masked and clipped)."""
    shown = cut_list([f"{at + 1:,}" for at, _ in first], SHOWN_ROWS, total=rows)
    # masked (--mask-pii) before they are cut, which masking the whole message would be too late for
    said = dict.fromkeys(clip(quoted_text(cell, len(cell)), QUOTED_WIDTH) for _, cell in first)
    return f"data row(s) {shown}: {', '.join(map(repr, said))}"


def date_warnings(
    read: DateColumn, values: Iterable[object], where: str, column: str, tz: str | None = None
) -> list[str]:
    """Return the warnings about the date column *column* (of *where*) whose cells *values* were *read* whole: the order
    of its year-last dates, its dates far outside the others, its Excel serial dates, its Unix times (named by data
    row), its time zone when it is not Japan's and no zone *tz* was given to count them in, and its dates without a year
    (:class:`DateNotes`)."""
    notes = DateNotes.of(values, tz=tz)
    return notes.warnings(read.order, read.either, read.out_of_range, read.years, where, column)
