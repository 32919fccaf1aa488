"""Summarise a predictions frame (as written by ``predict_frame`` or ``taikai batch``) into small tables."""

from __future__ import annotations

from collections.abc import Hashable

import pandas as pd

from taikai._warn import warn_user
from taikai.analysis._blanks import blank_cells
from taikai.analysis._count_table import SHARES, counts
from taikai.analysis._plain_names import as_renamed, names_as_given, names_back
from taikai.analysis._undated import AT, BLANK, UNREAD, undated_warning
from taikai.errors import DATE_COLUMN, DataWarning, InputError, check_bool, check_freq, wrong_type
from taikai.io import check_period_span, check_tz, date_warnings, no_dates_error, period_name, read_date_column
from taikai.labels import (
    REASON_IDS,
    SENTIMENTS,
    OwnLabels,
    display_order,
    label_order,
    parse_reasons,
    reason_name,
)
from taikai.model import find_column, plain_columns, prediction_prefixes, predictions_frame
from taikai.text import Status

FREQUENCY_NAMES_JA = {"M": "月", "W": "週"}
"""The period lengths of the time tables (``--freq``), with their Japanese names: month, week (the English ones
are :data:`taikai.drift.FREQUENCIES`)."""
FRAME = "the predictions frame"
_PERIOD = "__taikai_period__"
"""What the warning about the rows left out of the periods for want of a date says (the report's note counts them)."""


def plain_predictions(df: pd.DataFrame, prefix: str | None = None) -> pd.DataFrame:
    """Return *df* with its predicted columns under their plain names, found as :func:`build_report` finds them.

    Columns written with a prefix (``predict_frame(prefix="pred_")``, ``taikai batch --prefix pred_``) are read
    as ``reason``, ``status``, ``p_reason_*``, …; *prefix* chooses among several sets (``""``: the plain ones).
    Without *prefix*, a frame that holds the plain set (``reason``, ``sentiment``, ``p_reason_*``) is returned as
    it is (the plain set is read, as after :func:`build_report` chose one); else the one prefixed set is taken,
    and several are an :class:`InputError` asking for *prefix*. The columns ``predict_frame`` added to a frame with
    levels (``('reason', '')``) are read by their names."""
    if not isinstance(df, pd.DataFrame):
        raise wrong_type("df", df, "a pandas DataFrame of predictions (read a file with taikai.io.read_predictions)")
    df = plain_columns(df)
    found = prediction_prefixes(list(df.columns))
    if prefix is None and (not found or "" in found):
        return df
    return predictions_frame(df, FRAME, prefix)


def reason_labels(df: pd.DataFrame, *, prefix: str | None = None) -> list[str]:
    """Return the reasons of the model that classified *df* (its ``p_reason_*`` columns) in its order (label_order);
    :class:`~taikai.labels.OwnLabels` when its ``reason_ja`` repeats a taxonomy id as written (``fees``, not
    手数料が高い): a model of labels of its own (``train --free-labels``), however they are spelt."""
    df = plain_predictions(df, prefix)
    from_columns = [c[len("p_reason_") :] for c in df.columns if str(c).startswith("p_reason_")]
    found = label_order(from_columns or _with_reason(df)["reason"].dropna().unique(), REASON_IDS)
    return OwnLabels(found) if _written_as_own(df) else found


def sentiment_labels(df: pd.DataFrame, *, prefix: str | None = None) -> list[str]:
    """Return the sentiments of the model that classified *df* (its ``p_sentiment_*`` columns, else its values;
    none for a model without a sentiment head: its ``sentiment`` column is blank in every row);
    :class:`~taikai.labels.OwnLabels` when its reasons, all spelt as taxonomy ids, are its own (see
    :func:`reason_labels`)."""
    df = plain_predictions(df, prefix)
    from_columns = [c[len("p_sentiment_") :] for c in df.columns if str(c).startswith("p_sentiment_")]
    values = df["sentiment"].dropna().unique() if "sentiment" in df.columns else []
    values = [v for v in values if str(v).strip()]  # a blank read as "" (keep_default_na=False) is no sentiment
    found = label_order(from_columns or values, SENTIMENTS)
    reasons = reason_labels(df)
    return OwnLabels(found) if isinstance(reasons, OwnLabels) and set(reasons) <= set(REASON_IDS) else found


def _written_as_own(df: pd.DataFrame) -> bool:
    """Return whether the predictions *df* name a taxonomy id as written in ``reason_ja``: only a model of labels of
    its own does (a model of the taxonomy writes 手数料が高い for ``fees``)."""
    if "reason" not in df.columns or "reason_ja" not in df.columns:
        return False
    rows = df[df["reason"].isin(REASON_IDS)]
    return len(rows) > 0 and bool((rows["reason_ja"].astype(str) == rows["reason"].astype(str)).all())


def _with_reason(df: pd.DataFrame) -> pd.DataFrame:
    """Return the predictions *df*, refused when it has no reason column (a table such as reason_distribution's)."""
    if "reason" not in df.columns:
        raise InputError(
            f"not a predictions file: no 'reason' column, nor a prefixed one such as pred_reason (the columns are "
            f"{list(map(str, df.columns))}); classify it first with taikai batch or predict_frame"
        )
    return df


def classified(df: pd.DataFrame, *, prefix: str | None = None) -> pd.DataFrame:
    """Return the rows with status ``ok`` and a reason, their columns under *df*'s names (``pred_reason``)."""
    plain = _with_reason(plain_predictions(df, prefix))
    rows = plain[plain["reason"].notna()]
    if "status" in rows.columns:
        rows = rows[rows["status"].astype(str) == Status.OK.value]
    return rows.rename(columns=names_back(df, plain))


def status_counts(df: pd.DataFrame, *, prefix: str | None = None) -> pd.DataFrame:
    """Return count and share per status (``ok`` first); without a status column, a row with a reason counts as ok
    and one without as ``missing`` (as :func:`classified` counts them)."""
    df = plain_predictions(df, prefix)
    if "status" in df.columns:
        statuses = df["status"].fillna("missing").astype(str)
    else:  # neither column is no predictions (every row of reason_distribution's table was counted ok)
        statuses = _with_reason(df)["reason"].notna().map({True: Status.OK.value, False: "missing"})
    counts = statuses.value_counts()
    counts = counts.reindex(display_order(counts.index, [s.value for s in Status]))
    return pd.DataFrame({"count": counts, "share": counts / max(len(df), 1)}).rename_axis("status")


def reason_distribution(df: pd.DataFrame, *, prefix: str | None = None) -> pd.DataFrame:
    """Return name, count and share (of classified rows) per reason, every reason of the model listed."""
    df = plain_predictions(df, prefix)
    rows = classified(df)
    labels = reason_labels(df)
    counts = rows["reason"].astype(str).value_counts().reindex(labels, fill_value=0)
    return pd.DataFrame(
        {"name": [reason_name(r, labels=labels) for r in labels], "count": counts, "share": counts / max(len(rows), 1)}
    ).rename_axis("reason")


def stated_reasons(df: pd.DataFrame, *, prefix: str | None = None) -> pd.DataFrame:
    """Return, per reason, the rows where it is the primary reason and the rows that state it at all.

    ``stated`` counts a reason in the ``reasons`` column (primary first, then every other reason past its
    threshold); both shares are of the classified rows, so ``stated_share`` can add up to more than 100 %.
    """
    df = plain_predictions(df, prefix)
    rows = classified(df)
    labels = reason_labels(df)
    primary = rows["reason"].astype(str).value_counts().reindex(labels, fill_value=0)
    if "reasons" in rows.columns:
        every = rows["reasons"].fillna(rows["reason"]).astype(str).map(parse_reasons).explode()
        stated = every.value_counts().reindex(labels, fill_value=0)
    else:
        stated = primary
    n = max(len(rows), 1)
    return pd.DataFrame(
        {
            "name": [reason_name(r, labels=labels) for r in labels],
            "primary": primary,
            "primary_share": primary / n,
            "stated": stated,
            "stated_share": stated / n,
        }
    ).rename_axis("reason")


def reasons_per_review(df: pd.DataFrame, *, prefix: str | None = None) -> pd.Series:
    """Return how many classified rows state 1, 2, 3, … reasons (from the ``reasons`` column)."""
    df = plain_predictions(df, prefix)
    rows = classified(df)
    if "reasons" not in rows.columns:
        return pd.Series({1: len(rows)}, name="rows").rename_axis("reasons")
    sizes = rows["reasons"].fillna(rows["reason"]).astype(str).map(lambda v: len(parse_reasons(v)))
    return sizes.value_counts().sort_index().rename("rows").rename_axis("reasons")


def sentiment_distribution(df: pd.DataFrame, *, prefix: str | None = None) -> pd.DataFrame:
    """Return count and share (of classified rows with a sentiment) of every sentiment of the model."""
    df = plain_predictions(df, prefix)
    rows = classified(df)
    if "sentiment" not in rows.columns:
        return pd.DataFrame({"count": [], "share": []}).rename_axis("sentiment")
    values = rows["sentiment"].dropna().astype(str)
    counts = values.value_counts().reindex(sentiment_labels(df), fill_value=0)
    return pd.DataFrame({"count": counts, "share": counts / max(len(values), 1)}).rename_axis("sentiment")


def sentiment_by_reason(df: pd.DataFrame, *, prefix: str | None = None) -> pd.DataFrame:
    """Return the number of rows per reason (rows) and sentiment (columns), every reason and sentiment listed."""
    df = plain_predictions(df, prefix)
    rows = classified(df)
    if "sentiment" not in rows.columns:
        return pd.DataFrame(index=pd.Index(reason_labels(df), name="reason"))
    rows = rows[rows["sentiment"].notna()]
    table = pd.crosstab(rows["reason"].astype(str), rows["sentiment"].astype(str))
    table = table.reindex(index=reason_labels(df), columns=sentiment_labels(df), fill_value=0)
    return table.rename_axis(index="reason", columns="sentiment")


def reasons_over_time(
    df: pd.DataFrame,
    date_column: Hashable,
    freq: str = "M",
    *,
    prefix: str | None = None,
    source: str = FRAME,
    tz: str | None = None,
) -> pd.DataFrame:
    """Return the number of rows per period (rows, ``W`` weeks, ``M`` months, ``Q`` quarters, ``Y`` years, or a fiscal
    year's ``Q-MAR``, ``Y-MAR``; pandas' spellings and offsets alike) and reason (columns).

    A *date_column* that is not among the columns, or in which no value reads as a date, is an
    :class:`InputError`, as ``taikai report --date-column`` says; errors and warnings name *source* (the file).
    Classified rows without a date (a blank cell, or a value that reads as none) or with a date far outside the
    others are left out of the periods, with a :class:`DataWarning` that counts them.
    With a time zone *tz* (``Asia/Tokyo``, ``UTC``, ``+09:00``), dates and times that carry a zone
    (``2026-10-31T20:00:00Z``) are converted to it before their period is taken, and those without one are taken as
    in it, row by row (:func:`taikai.io.parse_dates`); without *tz*, each counts in the zone it is written in.
    """
    plain = plain_predictions(df, prefix)
    named = as_renamed(df, plain, date_column)
    table = _over_time(plain, named, freq, "reason", REASON_IDS, source, tz, names_as_given(df, plain))
    return table.reindex(columns=reason_labels(plain), fill_value=0).rename_axis(columns="reason")


def sentiment_over_time(
    df: pd.DataFrame,
    date_column: Hashable,
    freq: str = "M",
    *,
    prefix: str | None = None,
    source: str = FRAME,
    tz: str | None = None,
) -> pd.DataFrame:
    """Return the number of rows per period (rows, every one in the range) and sentiment of the model (columns),
    periods of *freq* counted in the time zone *tz* as :func:`reasons_over_time` counts them."""
    plain = plain_predictions(df, prefix)
    named = as_renamed(df, plain, date_column)
    table = _over_time(plain, named, freq, "sentiment", SENTIMENTS, source, tz, names_as_given(df, plain))
    return table.reindex(columns=sentiment_labels(plain), fill_value=0).rename_axis(columns="sentiment")


def _over_time(
    df: pd.DataFrame,
    date_column: Hashable,
    freq: str,
    column: str,
    order: tuple[str, ...],
    source: str,
    tz: str | None = None,
    shown: list[Hashable] | None = None,
) -> pd.DataFrame:
    """Counts per period of *date_column* (read as a whole: one order, dates far outside the others left out, with
    a :class:`DataWarning` for each, naming *source*, and for the classified rows without a date) and value of
    *column*; *shown*: the columns as the caller names them, for the error of a column not found."""
    freq, tz = check_freq(freq), None if tz is None else check_tz(tz)
    date_column = find_column(df.columns, date_column, DATE_COLUMN, source=source, shown=shown, index=df.index.names)
    check_period_span(df[date_column], freq, str(date_column), source)  # a quarter is no month
    read = read_date_column(df[date_column], str(date_column), source, tz)
    if read.unread == len(df) and len(df):  # no rows: no dates to check, no periods
        raise no_dates_error(str(date_column), source, df[date_column].dropna())
    name = str(date_column)
    for said in date_warnings(read, df[date_column], source, name, tz):
        warn_user(said, DataWarning)
    blank = blank_cells(df[date_column]).to_numpy(dtype=bool)
    unread = read.read.isna().to_numpy(dtype=bool) & ~blank  # a value written, that reads as no date
    added = pd.DataFrame(
        {_PERIOD: read.dates.dt.to_period(freq).to_numpy(), BLANK: blank, UNREAD: unread, AT: range(len(df))},
        df.index,
    )
    rows = classified(pd.concat([df, added], axis=1))  # assign on a wide frame (100+ labels) warns of fragmentation
    if column not in rows.columns:
        return pd.DataFrame()
    rows = rows[rows[column].notna()]
    if warning := undated_warning(rows, df[date_column], source, name):
        warn_user(warning, DataWarning)
    periods = rows[_PERIOD]
    known = periods.notna()
    table = pd.crosstab(periods[known], rows.loc[known, column].astype(str))
    if len(table):
        full = pd.period_range(table.index.min(), table.index.max(), freq=freq)
        table = table.reindex(index=full, fill_value=0)
    table = table.reindex(columns=label_order(table.columns, order), fill_value=0)
    return table.rename_axis(index="period", columns=column)


def shares_over_time(table: pd.DataFrame) -> pd.DataFrame:
    """Return each period's counts of *table* (``reasons_over_time``, ``sentiment_over_time``) as shares of its row.

    A period without reviews has no shares (NaN), not 0 %, as on the report's chart and table.
    """
    totals = counts(table, SHARES).sum(axis=1)
    return table.div(totals.where(totals != 0), axis=0)


def period_label(period: pd.Period, short: bool = False) -> str:
    """Return a short name of a month (``2026-03``) or week (``2026-W12``; ``W12`` when *short*, ISO weeks)."""
    if not isinstance(period, pd.Period):  # a table failed on a pandas attribute ('freqstr')
        raise wrong_type("period", period, "a pandas Period, one of the index of reasons_over_time(predictions, ...)")
    return period_name(period, check_bool("short", short))
