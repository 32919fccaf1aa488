"""What the cells of a date column say beside its dates, gathered chunk by chunk or at once, and the warnings about
it, in one place for the report's tables (a column read whole) and ``taikai drift`` (a dump read a chunk at a time):
Excel serial numbers, Unix times, dates without a year, a time zone other than Japan's, with the order of its
year-last dates and its dates far outside the others."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from taikai.io._date_column import (
    DateColumn,
    ForeignZone,
    YearRange,
    excel_serials,
    foreign_zone,
    order_warning,
    range_warning,
    serial_warning,
    zone_warning,
)
from taikai.io._date_order import DateOrder
from taikai.io._unix_times import SHOWN_ROWS, unix_times, unix_warning
from taikai.io._yearless import yearless_dates, yearless_warning


@dataclass(frozen=True)
class DateNotes:
    """What cells of a date column hold that count as rows without a date, or in another clock: how many *serials*
    (Excel serial numbers) and the first (*serial*), how many *yearless* dates and the first (*month_day*), how many
    *unix* times and the first :data:`SHOWN_ROWS` (each its data row from 0 and the cell as written), and the first
    date and time in a time *zone* other than Japan's (``None`` when a zone to count in was given). Notes of chunks
    add up in file order (``+``)."""

    serials: int = 0
    serial: str = ""
    yearless: int = 0
    month_day: str = ""
    unix: int = 0
    unix_first: tuple[tuple[int, str], ...] = ()
    zone: ForeignZone | None = None

    @classmethod
    def of(cls, values: Iterable[object], offset: int = 0, tz: str | None = None) -> DateNotes:
        """The notes of *values*, the cells of a date column whose first is its data row *offset* (from 0); with a
        time zone *tz* given, dates and times are counted in it, and no zone is noted."""
        serials, yearless, unix = excel_serials(values), yearless_dates(values), unix_times(values)
        return cls(
            len(serials),
            serials[0] if serials else "",
            len(yearless),
            yearless[0] if yearless else "",
            len(unix),
            tuple((offset + at, cell) for at, cell in unix[:SHOWN_ROWS]),
            foreign_zone(values) if tz is None else None,
        )

    def __add__(self, other: DateNotes) -> DateNotes:
        return DateNotes(
            self.serials + other.serials,
            self.serial or other.serial,
            self.yearless + other.yearless,
            self.month_day or other.month_day,
            self.unix + other.unix,
            (self.unix_first + other.unix_first)[:SHOWN_ROWS],
            self.zone or other.zone,
        )

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
            zone_warning(self.zone, where, column),
            yearless_warning(self.yearless, self.month_day, where, column),
        )
        return [warning for warning in found if warning is not None]


def date_warnings(
    read: DateColumn, values: Iterable[object], where: str, column: str, tz: str | None = None
) -> list[str]:
    """The warnings about the date column *column* (of *where*) whose cells *values* were *read* whole: the order of
    its year-last dates, its dates far outside the others, its Excel serial dates, its Unix times (named by data
    row), its time zone when it is not Japan's and no zone *tz* was given to count them in, and its dates without a
    year (:class:`DateNotes`)."""
    notes = DateNotes.of(values, tz=tz)
    return notes.warnings(read.order, read.either, read.out_of_range, read.years, where, column)
