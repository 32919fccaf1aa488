"""Summarise a predictions frame (as written by ``predict_frame`` or ``taikai batch``) into small tables."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import numpy as np
import pandas as pd

from taikai.errors import Argument, InputError, wrong_type
from taikai.io import parse_dates
from taikai.labels import REASON_IDS, SENTIMENTS, display_order, parse_label_cell, parse_reasons, reason_name
from taikai.model import find_column
from taikai.text import Status

FREQUENCIES = {"W": "週", "M": "月"}
FREQUENCY_NAMES_EN = {"W": "week", "M": "month"}
MISSING_SEGMENT = "(空欄)"
OTHER_SEGMENTS = "その他 ({n})"


def reason_labels(df: pd.DataFrame) -> list[str]:
    """Return the reasons of the model that classified *df* (from its ``p_reason_*`` columns), taxonomy first."""
    from_columns = [c[len("p_reason_") :] for c in df.columns if str(c).startswith("p_reason_")]
    return display_order(from_columns or df["reason"].dropna().unique(), REASON_IDS)


def classified(df: pd.DataFrame) -> pd.DataFrame:
    """Return the rows with status ``ok`` and a reason."""
    if "reason" not in df.columns:
        raise InputError("not a predictions file: no 'reason' column (classify it first with taikai batch)")
    rows = df[df["reason"].notna()]
    if "status" in rows.columns:
        rows = rows[rows["status"].astype(str) == Status.OK.value]
    return rows


def status_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Return count and share per status (``ok`` first); rows without a status column count as ``ok``."""
    statuses = (
        df["status"].fillna("missing").astype(str) if "status" in df.columns else pd.Series([Status.OK.value] * len(df))
    )
    counts = statuses.value_counts()
    counts = counts.reindex(display_order(counts.index, [s.value for s in Status]))
    return pd.DataFrame({"count": counts, "share": counts / max(len(df), 1)}).rename_axis("status")


def reason_distribution(df: pd.DataFrame) -> pd.DataFrame:
    """Return name, count and share (of classified rows) per reason, every reason of the model listed."""
    rows = classified(df)
    labels = reason_labels(df)
    counts = rows["reason"].astype(str).value_counts().reindex(labels, fill_value=0)
    return pd.DataFrame(
        {"name": [reason_name(r) for r in labels], "count": counts, "share": counts / max(len(rows), 1)}
    ).rename_axis("reason")


def stated_reasons(df: pd.DataFrame) -> pd.DataFrame:
    """Return, per reason, the rows where it is the primary reason and the rows that state it at all.

    ``stated`` counts a reason in the ``reasons`` column (primary first, then every other reason past its
    threshold); both shares are of the classified rows, so ``stated_share`` can add up to more than 100 %.
    """
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
            "name": [reason_name(r) for r in labels],
            "primary": primary,
            "primary_share": primary / n,
            "stated": stated,
            "stated_share": stated / n,
        }
    ).rename_axis("reason")


def reasons_per_review(df: pd.DataFrame) -> pd.Series:
    """Return how many classified rows state 1, 2, 3, … reasons (from the ``reasons`` column)."""
    rows = classified(df)
    if "reasons" not in rows.columns:
        return pd.Series({1: len(rows)}, name="rows").rename_axis("reasons")
    sizes = rows["reasons"].fillna(rows["reason"]).astype(str).map(lambda v: len(parse_reasons(v)))
    return sizes.value_counts().sort_index().rename("rows").rename_axis("reasons")


def sentiment_distribution(df: pd.DataFrame) -> pd.DataFrame:
    """Return count and share (of classified rows with a sentiment) per sentiment."""
    rows = classified(df)
    if "sentiment" not in rows.columns:
        return pd.DataFrame({"count": [], "share": []}).rename_axis("sentiment")
    values = rows["sentiment"].dropna().astype(str)
    counts = values.value_counts()
    counts = counts.reindex(display_order(counts.index, SENTIMENTS))
    return pd.DataFrame({"count": counts, "share": counts / max(len(values), 1)}).rename_axis("sentiment")


def sentiment_by_reason(df: pd.DataFrame) -> pd.DataFrame:
    """Return the number of rows per reason (rows) and sentiment (columns)."""
    rows = classified(df)
    if "sentiment" not in rows.columns:
        return pd.DataFrame(index=pd.Index(reason_labels(df), name="reason"))
    rows = rows[rows["sentiment"].notna()]
    table = pd.crosstab(rows["reason"].astype(str), rows["sentiment"].astype(str))
    table = table.reindex(index=reason_labels(df), columns=display_order(table.columns, SENTIMENTS), fill_value=0)
    return table.rename_axis(index="reason", columns="sentiment")


def reasons_over_time(df: pd.DataFrame, date_column: str, freq: str = "M") -> pd.DataFrame:
    """Return the number of rows per period (rows, ``W`` weeks or ``M`` months) and reason (columns)."""
    table = _over_time(df, date_column, freq, "reason", REASON_IDS)
    return table.reindex(columns=reason_labels(df), fill_value=0).rename_axis(columns="reason")


def sentiment_over_time(df: pd.DataFrame, date_column: str, freq: str = "M") -> pd.DataFrame:
    """Return the number of rows per period (rows) and sentiment (columns), every period in the range listed."""
    return _over_time(df, date_column, freq, "sentiment", SENTIMENTS)


def _over_time(df: pd.DataFrame, date_column: str, freq: str, column: str, order: tuple[str, ...]) -> pd.DataFrame:
    if freq not in FREQUENCIES:
        raise InputError(f"freq must be one of {list(FREQUENCIES)}, not {freq!r}")
    rows = classified(df)
    if column not in rows.columns:
        return pd.DataFrame()
    rows = rows[rows[column].notna()]
    periods = parse_dates(rows[date_column]).dt.to_period(freq)
    known = periods.notna()
    table = pd.crosstab(periods[known], rows.loc[known, column].astype(str))
    if len(table):
        full = pd.period_range(table.index.min(), table.index.max(), freq=freq)
        table = table.reindex(index=full, fill_value=0)
    table = table.reindex(columns=display_order(table.columns, order), fill_value=0)
    return table.rename_axis(index="period", columns=column)


def shares_over_time(table: pd.DataFrame) -> pd.DataFrame:
    """Return each period's counts of *table* (``reasons_over_time``, ``sentiment_over_time``) as shares of its row.

    A period without reviews has no shares (NaN), not 0 %, as on the report's chart and table.
    """
    if not isinstance(table, pd.DataFrame):
        raise wrong_type("table", table, "a pandas DataFrame of counts (taikai.analysis.reasons_over_time)")
    totals = table.sum(axis=1)
    return table.div(totals.where(totals != 0), axis=0)


def period_label(period: pd.Period, short: bool = False) -> str:
    """Return a short name of a month (``2026-03``) or week (``2026-W12``; ``W12`` when *short*, ISO weeks)."""
    if period.freqstr.startswith("W"):
        year, week, _ = period.start_time.isocalendar()
        return f"W{week:02d}" if short else f"{year}-W{week:02d}"
    return f"{period.year}-{period.month:02d}"


def blank_as_missing(values: pd.Series) -> pd.Series:
    """Return *values* with every blank cell (missing, empty or only spaces) shown as :data:`MISSING_SEGMENT`,
    as :func:`segment_breakdown` names the segment of such rows; other values are kept as they are."""
    blank = values.isna() | values.astype("string").str.strip().eq("").fillna(True)
    return values.astype(object).where(~blank, MISSING_SEGMENT)


def segment_values(rows: pd.DataFrame, by: str) -> pd.Series:
    """Return the segment of each row of *rows*: its value of column *by*, stripped; blank as MISSING_SEGMENT."""
    return rows[by].astype("string").str.strip().fillna("").replace("", MISSING_SEGMENT).astype(str)


def segment_breakdown(df: pd.DataFrame, by: str, max_segments: int = 12) -> pd.DataFrame:
    """Return the number of rows per segment of column *by* (rows, largest first) and reason (columns).

    Segments beyond the *max_segments* largest are summed into one row; blank values form their own segment.
    """
    rows = classified(df)
    segments = segment_values(rows, by)
    sizes = segments.value_counts()
    if len(sizes) > max_segments:
        rest = sizes.index[max_segments - 1 :]
        segments = segments.where(~segments.isin(rest), OTHER_SEGMENTS.format(n=len(rest)))
    table = pd.crosstab(segments, rows["reason"].astype(str))
    table = table.reindex(columns=reason_labels(df), fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    return table.rename_axis(index=by, columns="reason")


def top_probability(df: pd.DataFrame) -> pd.DataFrame:
    """Return, per classified row, the predicted reason's probability, the runner-up and the margin between them."""
    rows = classified(df)
    labels = reason_labels(df)
    columns = [f"p_reason_{r}" for r in labels]
    if not set(columns) <= set(rows.columns):
        raise InputError("the predictions have no p_reason_* columns: write them with taikai batch or predict_frame")
    proba = rows[columns].to_numpy(dtype=float)
    order = np.argsort(-proba, axis=1, kind="stable")
    first = proba[np.arange(len(proba)), order[:, 0]] if len(proba) else np.array([])
    second = proba[np.arange(len(proba)), order[:, 1]] if len(proba) and len(labels) > 1 else np.zeros(len(proba))
    runner_up = [labels[j] for j in order[:, 1]] if len(proba) and len(labels) > 1 else [None] * len(proba)
    return pd.DataFrame(
        {"p": first, "runner_up": runner_up, "p_runner_up": second, "margin": first - second}, rows.index
    )


def _with_text(
    df: pd.DataFrame, index: Any, text_column: str, extra: pd.DataFrame, context: list[str] | None
) -> pd.DataFrame:
    keep = [c for c in ("reason", "sentiment", *(context or ())) if c in df.columns and c != text_column]
    shown = df.loc[index, keep]
    for column in context or ():  # a blank platform reads as in segment_breakdown, not as NaN
        if column in shown.columns:
            shown[column] = blank_as_missing(shown[column])
    return pd.concat([shown, extra.loc[index], df.loc[index, [text_column]]], axis=1)


def representative_reviews(
    df: pd.DataFrame, text_column: str = "text", per_reason: int = 3, context: list[str] | None = None
) -> pd.DataFrame:
    """Return, per reason, the *per_reason* rows the model is surest of (highest probability).

    *context* names further columns to show (an id, the date, the platform); a blank cell of theirs reads
    :data:`MISSING_SEGMENT`, as in :func:`segment_breakdown`.
    """
    scores = top_probability(df)
    rows = classified(df)
    picked = []
    for label in reason_labels(df):
        mine = scores.loc[rows.index[rows["reason"].astype(str) == label]]
        picked.extend(mine.sort_values("p", ascending=False, kind="stable").index[:per_reason])
    return _with_text(df, picked, text_column, scores[["p"]], context)


def least_confident(
    df: pd.DataFrame, text_column: str = "text", n: int = 20, context: list[str] | None = None
) -> pd.DataFrame:
    """Return the *n* classified rows with the lowest probability for their predicted reason: review these.

    *context* names further columns to show, as in :func:`representative_reviews`."""
    scores = top_probability(df)
    picked = scores.sort_values(["p", "margin"], kind="stable").index[:n]
    return _with_text(df, picked, text_column, scores, context)


def misclassified(df: pd.DataFrame, gold_column: Hashable = "gold") -> pd.DataFrame:
    """Return the classified rows of *df* whose predicted ``reason`` is not the primary reason of *gold_column*.

    The gold cell is read as :func:`taikai.evaluate` reads a label cell (``|``, ``,`` or ``、`` between reasons,
    the first the primary; Japanese names as ids). Rows without a gold reason, and rows the model could not
    classify (``evaluate`` lists them as unscored), are no misclassifications and are left out.
    """
    if not isinstance(df, pd.DataFrame):
        raise wrong_type("df", df, "a pandas DataFrame of predictions (Model.predict_frame) with a gold column")
    gold_column = find_column(df.columns, gold_column, Argument("gold_column"))  # 0 or "0", as predict_frame finds it
    rows = classified(df)
    gold = rows[gold_column].map(lambda cell: next(iter(parse_label_cell(cell)), None))
    return rows[gold.notna() & (rows["reason"].astype(str) != gold)]
