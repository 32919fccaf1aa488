"""The dates of a dump: whether its date column holds any, and its rows added to the statistics of their periods."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from taikai._warn import warn_user
from taikai.drift._counting import MeasuredRow, StatisticsBuilder
from taikai.drift._gaps import EmptyPeriods, empty_runs
from taikai.drift._stray import SHOWN_ROWS, StrayPeriods, StrayRow, stray_ends
from taikai.errors import DataWarning
from taikai.io import (
    DateNotes,
    DateOrder,
    OrderEvidence,
    YearRange,
    check_period_span,
    dates_elsewhere,
    no_dates_error,
    order_evidence,
    parse_dates,
    period_name,
)
from taikai.model import DriftStatistics
from taikai.text import is_missing

if TYPE_CHECKING:
    import pandas as pd

CHUNK_ROWS = 5000
"""The rows of a chunk a dump is counted in (:func:`taikai.drift.file_statistics`)."""
FREQUENCIES = {"M": "month", "W": "week"}
"""The period lengths of ``drift --freq``, with their names: month, week."""


def _dated(values: Sequence[Any], column: str, source: str) -> bool:
    """Whether any of *values* (of the date column *column* of *source*, named in errors) reads as a date."""
    import pandas as pd

    read = pd.Series(list(values), dtype=object)
    return bool(parse_dates(read, order_evidence(read).order(column, source)).notna().any())


def _held(values: Iterable[Any]) -> list[Any]:
    """The values of *values* that hold something (not missing, NaN or blank)."""
    return [v for v in values if not is_missing(v) and str(v).strip() != ""]


def check_dates(
    column: str,
    source: str,
    values: list[Any],
    date_columns: Callable[[int], Iterable[list[Any]]] | None = None,
    index: int = -1,
    chunk_rows: int = CHUNK_ROWS,
    mask_pii: bool = False,
    elsewhere: Callable[[], str] = str,
) -> None:
    """Raise the report's error when none of the first chunk's date cells reads as a date and (with
    *date_columns*, which yields the column chunk by chunk from the start) no later value of the column does
    either: ``不明`` or blanks in the first 6,000 rows and dates after them is a date column, as the report reads
    it; blanks and then only ``不明`` is not, and the error quotes ``不明``. Without *date_columns* the first chunk
    decides when it holds values, and a blank first chunk is left to be judged once the dump is counted.
    *chunk_rows*: the rows of a chunk (a full first chunk is named in the error as the first rows); *mask_pii*: the
    values the error quotes are masked; *elsewhere* says the columns that read as dates, which the error names.
    A column of no rows passes: a dump of no rows has no dates to check."""
    held = _held(values)
    if held and _dated(held, column, source):
        return
    if date_columns is None:
        if held:
            first = len(values) if len(values) >= chunk_rows else None
            raise no_dates_error(column, source, values, first=first, mask_pii=mask_pii, elsewhere=elsewhere())
        return
    quoted = list(held)  # the first values of the column, quoted in the error (as the report quotes them)
    rows = len(values)
    for chunk in date_columns(index):
        if _dated(chunk, column, source):
            return
        rows += len(chunk)
        if len({str(v).strip() for v in quoted}) < 2:
            quoted.extend(_held(chunk)[:chunk_rows])
    if rows:
        raise no_dates_error(column, source, quoted, mask_pii=mask_pii, elsewhere=elsewhere())


@dataclass(frozen=True)
class DateSurvey:
    """What a whole date column says: the *order* of its year-last dates (``None``: it has none) and the *years*
    its dates are counted in (``None``: none reads), as :func:`taikai.io.read_date_column` decides them, and one
    of its year-last dates that reads *either* way (cited when the order is untold)."""

    order: DateOrder | None
    years: YearRange | None
    either: str | None = None


def survey_dates(column: str, source: str, chunks: Iterable[Sequence[Any]], tz: str | None = None) -> DateSurvey:
    """Read the date column *column* of *source* through, chunk by chunk, for its order and years; raise
    :class:`InputError` when its year-last dates are written both day-first and month-first; its years are those
    of the time zone *tz* (:func:`taikai.io.parse_dates`)."""
    import numpy as np
    import pandas as pd

    evidence = OrderEvidence()
    years: list[Any] = [np.empty(0, dtype=int)]
    for chunk in chunks:
        values = pd.Series(list(chunk), dtype=object)
        found = order_evidence(values)
        evidence += found
        # a chunk's own order reads its years right: swapping day and month keeps the year
        years.append(parse_dates(values, found.order(column, source), tz).dt.year.dropna().to_numpy(dtype=int))
    return DateSurvey(evidence.order(column, source), YearRange.of(np.concatenate(years)), evidence.either)


def add_periods(
    periods: dict[Any, StatisticsBuilder],
    dates: Sequence[Any],
    freq: str,
    overall: StatisticsBuilder,
    rows: list[MeasuredRow],
    survey: DateSurvey | None = None,
    firsts: dict[Any, list[tuple[int, str]]] | None = None,
    offset: int = 0,
    tz: str | None = None,
) -> tuple[int, int, int, list[bool]]:
    """Add the rows of one chunk to the builders of their periods (dates read as *survey* says); return how many
    had no readable date, how many of those a blank cell (missing, empty or only spaces), how many a date out
    of its range, and whether each read as a date. *firsts* keeps, per period, the first rows' data row (the
    chunk's first is *offset*) and date as written (:data:`SHOWN_ROWS` of them), which a stray end names. A date
    with a time zone counts in the zone *tz* when one is given (:func:`taikai.io.parse_dates`)."""
    import pandas as pd

    values = pd.Series(list(dates), dtype=object)
    read = parse_dates(values, survey.order if survey is not None else None, tz)
    blank = values.isna() | values.astype("string").str.strip().eq("").fillna(True)
    years = survey.years if survey is not None else None
    held = years.holds(read) if years is not None else read.notna()
    keys = read.where(held).dt.to_period(freq)
    undated = int(read.isna().sum())
    for at, (period, row) in enumerate(zip(keys, rows, strict=True)):
        if pd.isna(period):
            continue
        builder = periods.get(period)
        if builder is None:
            builder = periods[period] = overall.child(f"{overall.source} {period_name(period)}")
        builder.add((row,))
        if firsts is not None and len(kept := firsts.setdefault(period, [])) < SHOWN_ROWS:
            kept.append((offset + at, str(dates[at]).strip()))
    return undated, int((blank & read.isna()).sum()), int((read.notna() & ~held).sum()), read.notna().tolist()


class PeriodCounter:
    """The rows of a dump counted per period of its date column *column*: the column is checked and surveyed
    (:func:`survey_dates`) at the first chunk, each chunk's rows added, and the periods' statistics built at the
    end (a column in which no value reads as a date refused, its values quoted masked with *mask_pii*; the
    warnings of :class:`taikai.io.DateNotes` about its dates). With a time zone *tz*, its dates and times are
    counted in it, and no warning says they carry another."""

    def __init__(
        self,
        column: str,
        source: str,
        freq: str,
        overall: StatisticsBuilder,
        mask_pii: bool = False,
        tz: str | None = None,
    ) -> None:
        self.column, self.source, self.freq, self.overall = column, source, freq, overall
        self.mask_pii, self.tz = mask_pii, tz
        self.periods: dict[Any, StatisticsBuilder] = {}
        self.firsts: dict[Any, list[tuple[int, str]]] = {}  # per period, its first rows: data row, date as written
        self.undated = 0  # rows without a usable date, out of range ones too
        self.blank = 0  # of them, the blank cells (the others hold a value that reads as no date, or out of range)
        self.out_of_range = 0
        self.notes = DateNotes()  # Excel serial dates, Unix times, dates without a year, another time zone
        self.survey = DateSurvey(None, None)
        self._spans_seen = False  # every chunk of the column checked for periods too long (start)
        self._head: pd.DataFrame | None = None  # the first chunk, read for columns of dates when this one has none
        self._unread: list[Any] = []  # the first values of the column, quoted if none of them reads as a date
        self.rows = 0  # the rows added

    def start(
        self,
        first: list[Any],
        date_columns: Callable[[int], Iterable[list[Any]]] | None,
        index: int,
        head: pd.DataFrame | None = None,
    ) -> None:
        """Check and survey the column before anything is classified: *first* is the first chunk's values;
        *date_columns* yields the whole column chunk by chunk (without it, the first chunk decides); *head*: the
        first chunk's columns, whose columns that read as dates a column of no dates is refused naming."""
        self._head = head
        check_period_span(first, self.freq, self.column, self.source)  # a quarter is no month
        checked = (self.column, self.source, first, date_columns, index, CHUNK_ROWS, self.mask_pii)
        check_dates(*checked, self._elsewhere)
        whole = self._spans_checked(date_columns(index)) if date_columns is not None else [first]
        self.survey = survey_dates(self.column, self.source, whole, self.tz)
        self._spans_seen = date_columns is not None  # every chunk checked; else each is as it is added

    def _elsewhere(self) -> str:
        """The columns of the first chunk that read as dates, as the error of a column of no dates names them."""
        return dates_elsewhere(self._head, self.column) if self._head is not None else ""

    def _spans_checked(self, chunks: Iterable[list[Any]]) -> Iterator[list[Any]]:
        """*chunks*, each checked for pandas periods longer than a period counted by as it is read: quarters
        after the first chunk are refused as those in it are."""
        for chunk in chunks:
            check_period_span(chunk, self.freq, self.column, self.source)
            yield chunk

    def add(self, dates: Sequence[Any], rows: list[MeasuredRow]) -> None:
        """Add one chunk's rows, whose dates are *dates*."""
        if not self._spans_seen:
            check_period_span(dates, self.freq, self.column, self.source)
        offset, self.rows = self.rows, self.rows + len(rows)
        no_date, blank, out, read = add_periods(
            self.periods, dates, self.freq, self.overall, rows, self.survey, self.firsts, offset, self.tz
        )
        self.undated, self.out_of_range = self.undated + no_date + out, self.out_of_range + out
        self.blank += blank
        self.notes += DateNotes.of(dates, offset, self.tz, read)  # a zone given: counted in it, not noted
        if not self.periods and len(self._unread) < CHUNK_ROWS:
            self._unread.extend(dates[:CHUNK_ROWS])

    def build(self) -> dict[str, DriftStatistics]:
        """The statistics of each period, in date order (none for a dump of no rows)."""
        if not self.periods and self.rows:
            # as the report: a date column in which no value reads as a date is refused, not judged as "no periods"
            raise no_dates_error(
                self.column, self.source, self._unread, mask_pii=self.mask_pii, elsewhere=self._elsewhere()
            )
        survey = self.survey
        for warning in self.notes.warnings(
            survey.order, survey.either, self.out_of_range, survey.years, self.source, self.column
        ):
            warn_user(warning, DataWarning)
        # a week named as the report names it (2025-W01), not as pandas does (2024-12-30/2025-01-05)
        return {period_name(period): self.periods[period].build() for period in sorted(self.periods)}

    def most_repeated(self) -> dict[str, int]:
        """The rows of each period that hold its most common text (:meth:`StatisticsBuilder.most_repeated`)."""
        return {period_name(period): self.periods[period].most_repeated() for period in sorted(self.periods)}

    def gaps(self) -> tuple[EmptyPeriods, ...]:
        """The runs of periods without rows between the first period with rows and the last (dates out of range
        are in no period, so they stretch no run)."""
        return empty_runs(self.periods, self.freq)

    def strays(self) -> tuple[StrayPeriods, ...]:
        """The first or last periods holding a few rows cut off from the others by empty periods
        (:func:`~taikai.drift._stray.stray_ends`), their first rows named by data row (a file's lines are put
        in by the caller)."""
        held = sorted(self.periods)
        if len(held) < 2:
            return ()
        first = held[0]
        counts = [0] * ((held[-1] - first).n + 1)
        for period in held:
            counts[(period - first).n] = self.periods[period].rows
        dated = sum(counts)
        found = []
        for end, k, gap in stray_ends(counts):
            chosen = held[:k] if end.value == "first" else held[-k:]
            shown = [StrayRow(at, date) for p in chosen for at, date in self.firsts.get(p, [])][:SHOWN_ROWS]
            rows = sum(self.periods[p].rows for p in chosen)
            names = tuple(period_name(p) for p in chosen)
            found.append(StrayPeriods(end, names, rows, dated, gap, self.freq, tuple(shown)))
        return tuple(found)
