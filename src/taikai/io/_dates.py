"""Read the cells of a date column: dates and times as written in dumps, whatever their format or time zone."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from taikai._masked_messages import errors_masked
from taikai._zone import zone_info
from taikai.errors import DATE_COLUMN, InputError
from taikai.io._date_order import DateOrder, order_evidence, year_first
from taikai.io._date_zones import JAPAN_TIME, OFFSET, in_zone, offsets, zoned
from taikai.io._eras import western_dates
from taikai.io._unix_times import unix_hint, with_other_unit
from taikai.io._yearless import YEARLESS, YEARLESS_HINT
from taikai.text import clip

if TYPE_CHECKING:
    import pandas as pd

DATE_EXAMPLES = ("2026-03-14", "2026/03/14", "2026年3月14日", "2026-03-14T10:05:00+09:00")
"""The dates the error about a column without dates quotes (each reads as one: tests check it)."""
DATE_EXAMPLE = f"dates or times such as {', '.join(DATE_EXAMPLES[:-1])} or {DATE_EXAMPLES[-1]}, one per row"
_WEEKDAY = re.compile(r"\s*[(（]\s*[月火水木金土日](?:曜日?)?\s*[)）]")
"""A weekday in brackets after a Japanese date: ``(土)``, ``（土曜日）``."""
_JAPANESE_TIME = re.compile(r"(\d{1,2})\s*時(?:\s*(\d{1,2})\s*分(?:\s*(\d{1,2})\s*秒)?|\s*(半))?")
"""A time written ``10時05分`` (``10時``, ``10時05分30秒``, ``10時半`` half past)."""
_MERIDIEM = re.compile(
    r"(午前|午後)\s*(\d{1,2})\s*(?:時(?:\s*(\d{1,2})\s*分(?:\s*(\d{1,2})\s*秒)?|\s*(半))?|:(\d{2})(?::(\d{2}))?)"
)
"""A 12-hour time after 午前 (a.m.) or 午後 (p.m.): ``午後1時``, ``午前10時05分``, ``午前10時半``, ``午後1:30``,
``午後 1:30:00``."""
_JAPANESE = re.compile(r"\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?(.*)", re.DOTALL)
"""A date as Japanese Excel exports write it: ``2025年1月2日``, with a time after it, or a month ``2025年01月``."""


def _time(found: re.Match[str]) -> str:
    hour, minute, second, half_past = found.groups()
    return f" {int(hour):02d}:{30 if half_past else int(minute or 0):02d}:{int(second or 0):02d}"


def _meridiem(found: re.Match[str]) -> str:
    """``午後1時`` as `` 13:00:00``: 午前0時 is 00:00, 午後12時 and 午後0時 noon; an hour past 12 is left as written
    (no date is read from it, rather than a wrong one)."""
    half, hour, minute, second, half_past, colon_minute, colon_second = found.groups()
    if int(hour) > 12:
        return found.group(0)
    hour_24 = int(hour) % 12 + (12 if half == "午後" else 0)
    minute = "30" if half_past else minute or colon_minute
    return f" {hour_24:02d}:{int(minute or 0):02d}:{int(second or colon_second or 0):02d}"


def _local(value: object, order: DateOrder | None = None) -> object:
    """Return *value* as the wall clock it was written in: a Japanese date (``2025年1月2日 10:05``, ``2025年01月``,
    ``令和7年1月2日``) as ``2025-01-02 10:05`` or ``2025-01``, its weekday (``(土)``) dropped and a time
    ``10時05分`` as ``10:05:00``
    (``午後1時`` and ``午後1:30``, 12-hour, as ``13:00:00`` and ``13:30:00``);
    a year-last date (``03/04/2026``) year first as *order* reads it; a time's UTC offset or ``JST`` dropped
    (``…T08:00:00+09:00`` and ``… 08:00 JST`` as ``…08:00:00`` and ``… 08:00``, a ``datetime`` made naive); any
    other value as it is."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if not isinstance(value, str):
        return value
    if not value.isascii():  # full-width digits and signs (２０２６／１１／０３, Ｒ８．１１．３) as ASCII
        value = unicodedata.normalize("NFKC", value)
    value = western_dates(value)  # an era's year (令和8年, R8.11.3) as the Western one
    if YEARLESS.fullmatch(value):  # 10/24, 10月24日: no year to read (pandas made it the year 1)
        return None
    if "時" in value or "午" in value or "(" in value or "（" in value:
        value = _MERIDIEM.sub(_meridiem, _WEEKDAY.sub(" ", value))
        value = _JAPANESE_TIME.sub(_time, value).strip()
    if order is not None:  # the column holds year-last dates
        value = year_first(value, order)
    found = _JAPANESE.fullmatch(value)
    if found is not None:
        year, month, day, rest = found.groups()
        date = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day is not None else "")
        value = f"{date} {rest.strip()}" if rest.strip() else date
    return OFFSET.sub(r"\1", JAPAN_TIME.sub(r"\1", value))


def _compact(value: object) -> str | None:
    """Return a number written as a compact date, ``20250102`` (a whole number of eight digits, as a JSONL dump or a
    column pandas read as numbers holds it), as the text ``2025-01-02`` that the same digits written as text read as
    (an impossible date, ``20251345``, reads as none); ``None`` for any other number: numbers are not dates."""
    if isinstance(value, float) and not value.is_integer():
        return None
    number = int(value)  # type: ignore[call-overload]  # an int, a whole float, or a numpy number
    if not 10_000_101 <= number <= 99_991_231:
        return None
    digits = str(number)
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"


def _cell(value: object, order: DateOrder | None) -> object:
    """Return one cell of a column of texts as :func:`_wall_clocks` reads it (a number as a compact date)."""
    import pandas as pd

    if isinstance(value, int | float) and not isinstance(value, bool):
        return None if value != value else _compact(value)
    return value.start_time if isinstance(value, pd.Period) else _local(value, order)


def _each_once(values: Iterable[object], read: Callable[[object], object]) -> list[object]:
    """Return *read* of each of *values*, read once per distinct value (a dump of a million rows holds a few
    thousand dates, and the report reads its date column in several sections); ``1`` and ``True`` apart."""
    done: dict[tuple[type, object], object] = {}
    out = []
    for value in values:
        key = (type(value), value)
        try:
            out.append(done[key] if key in done else done.setdefault(key, read(value)))
        except TypeError:  # an unhashable cell
            out.append(read(value))
    return out


def _one_by_one(values: pd.Series) -> pd.Series:
    """Return *values* read one at a time, each in its own local time (for a column pandas cannot read at once,
    such as offsets in a form :data:`OFFSET` does not know)."""
    import pandas as pd

    def read(value: object) -> object:
        try:
            date = pd.to_datetime(value, errors="coerce")
        except (ValueError, TypeError, OverflowError):
            return pd.NaT
        return date.tz_localize(None) if isinstance(date, pd.Timestamp) and date.tz is not None else date

    readings = {value: read(value) for value in values.dropna().unique()}
    return pd.to_datetime(values.map(readings), errors="coerce")


def parse_dates(values: pd.Series, order: DateOrder | None = None, tz: str | None = None) -> pd.Series:
    """Return *values* as naive datetimes; unreadable values become NaT.

    Dates with the year last (``03/04/2026``, ``03.04.2026``) are read in one order for the whole column
    (*order*; default: decided from *values*, :meth:`OrderEvidence.order`): day-first when some value can only
    be day-first (``13/03/2026``), month-first when some can only be month-first (``03/13/2026``); a column with
    both is refused (:class:`InputError`); when every value reads either way, month-first (as Excel's US export
    writes them; callers warn, :func:`order_warning`). Year-first dates (``2026/03/04``) read one way only.

    A time counts in the local time it was written in, whatever the other rows hold: its UTC offset is dropped
    (``2026-04-01T08:00:00+09:00`` and ``2026-04-01 08:00 JST`` are 2026-04-01 08:00, in April, not March 31 in
    UTC). Numbers are not
    dates (pandas would read ids 1, 2, 3 as nanoseconds after 1970), but for whole numbers of eight digits, read as
    the same digits written as text are (``20250102`` is 2025-01-02, in a JSONL file or a column read as numbers
    as in a CSV read as text). Japanese dates (``2025年1月2日``, with a
    time, or a month ``2025年01月``: its first day), with a weekday (``2026年3月14日(土)``, ``2026/03/14（土曜日）``)
    and times such as ``10時05分`` or 12-hour ``午前10時``, ``午後1時30分``, ``午後1:30`` (午前0時 midnight,
    午後12時 noon) are read too, as are those of a Japanese era (``令和8年12月1日`` is 2026-12-01, ``平成31年4月30日``,
    ``令和元年5月1日``, ``令8年11月3日``, and as Excel's Japanese calendar writes them, ``R8.11.3``, ``令8.11.3``;
    a month alone, ``令和8年11月`` or ``R8.11``, its first day as ``2026/11`` is; 明治 to 令和),
    in digits (``令和二年`` is not read); full-width digits and signs (``２０２６／１１／０３``) as
    ASCII.

    With a time zone *tz* (``Asia/Tokyo``, ``UTC``, ``+09:00``, as :func:`taikai.errors.check_tz` writes it), a
    date and time that carries an offset or zone (``2026-10-31T20:00:00Z``, a ``datetime64[ns, UTC]`` or Parquet
    ``timestamp[tz=UTC]`` column) is converted to *tz* instead (2026-11-01 05:00 in Asia/Tokyo); one without is
    taken as already in *tz*, row by row in a column that mixes both.
    """
    import pandas as pd

    if tz is not None and zoned(values.dtype):  # one zone for the whole column: converted at once
        values = values.dt.tz_convert(zone_info(tz))
    written = None  # each cell's offset from UTC, for a column read in another zone
    if tz is not None and (values.dtype == object or pd.api.types.is_string_dtype(values)):
        written = offsets(values)

    if isinstance(values.dtype, pd.PeriodDtype):  # a period (2026-01) is its first day, as "2026-01" reads
        values = values.dt.start_time
    if isinstance(values.dtype, pd.ArrowDtype):  # pyarrow is there: a dictionary (of a Parquet file) holds texts
        import pyarrow as pa

        values = values.astype(object) if pa.types.is_dictionary(values.dtype.pyarrow_dtype) else values
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        values = pd.Series([None if pd.isna(v) else _compact(v) for v in values], index=values.index, dtype=object)
    elif values.dtype == object or pd.api.types.is_string_dtype(values):
        if order is None:
            order = order_evidence(values).order()
        read = functools.partial(_cell, order=order)
        values = pd.Series(_each_once(values, read), index=values.index, dtype=object)
    dates = _wall_clocks(values)
    return dates if written is None or tz is None else in_zone(dates, written, tz)


def _wall_clocks(values: pd.Series) -> pd.Series:
    """*values* (dates and times as :func:`_local` leaves them) read as naive datetimes, each as its wall clock."""
    import pandas as pd

    try:
        dates = pd.to_datetime(values, errors="coerce", format="mixed")
    except (ValueError, TypeError):
        return _one_by_one(values)
    if not pd.api.types.is_datetime64_any_dtype(dates):
        return _one_by_one(values)
    dates = dates.dt.tz_localize(None) if dates.dt.tz is not None else dates
    # pandas hands a pyarrow timestamp[ns] column back as it is, whose .dt has no to_period: numpy's datetime64
    return dates.astype(dates.dtype.numpy_dtype) if isinstance(dates.dtype, pd.ArrowDtype) else dates


def as_written(value: object) -> str:
    """Return a cell as the file most likely wrote it: blank for a missing value, ``1`` for the ``1.0`` that a
    column of whole numbers with blanks is read as."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


EXCEL_SERIALS = range(20_000, 80_000)
"""Whole numbers read as Excel's serial dates (days since 1899-12-30) when a date column holds only them:
1954-10-03 to 2119-01-10."""
EXCEL_HINT = (
    "they look like Excel serial dates (days since 1899-12-30, 45658 is 2025-01-01): format the column as dates "
    "in Excel (Format Cells, Date) and save or export again, or convert them, e.g. with pandas.to_datetime(values, "
    "unit='D', origin='1899-12-30'); then "
)
"""What to do about a date column of Excel serial numbers, before the error's usual advice."""


def _serials(examples: list[str]) -> bool:
    """Whether every one of *examples* is a whole number in the range of Excel's serial dates."""
    return bool(examples) and all(e.isascii() and e.isdigit() and int(e) in EXCEL_SERIALS for e in examples)


QUOTED_WIDTH = 40
"""How many terminal columns of a value :func:`no_dates_error` quotes (a longer one is cut with an ellipsis)."""


def no_dates_error(
    column: str,
    where: str,
    values: Iterable[object],
    first: int | None = None,
    *,
    mask_pii: bool = False,
    elsewhere: str = "",
) -> InputError:
    """Return the error for a date column *column* (of *where*) in which no value reads as a date; *values* are
    (some of) its values, the first two non-empty ones are quoted (with *mask_pii*, with personal data masked, as
    ``--mask-pii`` masks every text it shows), each on one line and cut to :data:`QUOTED_WIDTH` columns. With
    *first*, only its first *first* rows were read (a command that stops before reading the rest). Whole numbers
    that look like Excel serial dates or Unix times (seconds or milliseconds) are said to; *elsewhere* ends the
    message (the columns that read as dates, :func:`taikai.io.dates_elsewhere`)."""
    examples: list[str] = []
    blank = False  # a cell of spaces only: the column is not said to be empty (missing cells may be left out)
    cells = iter(values)
    for value in cells:
        text = as_written(value)
        blank = blank or (not text and isinstance(value, str) and value != "")
        if text and text not in examples:
            examples.append(text)
            if len(examples) == 2:
                break
    yearless = bool(examples) and all(YEARLESS.fullmatch(text) for text in examples)  # 10/24: Excel's m/d
    unix = unix_hint(with_other_unit(examples, cells))  # seconds, and milliseconds further down: both said
    hint = EXCEL_HINT if _serials(examples) else YEARLESS_HINT if yearless else unix
    if mask_pii:
        from taikai.privacy import default_masker

        masker = default_masker()
        examples = [masker.mask(text).text for text in examples]
    examples = [clip(text, QUOTED_WIDTH) for text in examples]  # a review picked by mistake: its start, one line
    if not examples:
        held = "holds only empty or blank cells" if blank else "is empty"
    else:
        among = "its values" if first is None else f"its values in the first {first:,} rows"
        held = f"holds no dates (none of {among} reads as one, e.g. {', '.join(map(repr, examples))})"
    return InputError(
        f"{where}: {DATE_COLUMN.given(column)} {held}; {hint}give a column of {DATE_EXAMPLE}, or leave "
        f"{DATE_COLUMN} out{elsewhere}"
    )


@errors_masked
def check_date_column(values: pd.Series, column: str, where: str, *, mask_pii: bool = False) -> None:
    """Raise :class:`InputError` when no value of the date column *column* (of *where*) reads as a date (the
    values it quotes masked with *mask_pii*). A column of no rows passes: a file of no rows has no dates to check
    (its report says 0 rows), where a column of blank cells is refused as empty."""
    if values.empty:
        return
    if parse_dates(values, order_evidence(values).order(column, where)).notna().any():
        return
    raise no_dates_error(column, where, values.dropna(), mask_pii=mask_pii)
