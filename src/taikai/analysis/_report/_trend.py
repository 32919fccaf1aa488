"""Section: the reasons per week or month: counts in small multiples, shares in a stacked area, and a table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from taikai._freq import fiscal_span
from taikai.analysis import _charts as charts
from taikai.analysis import _tables as tables
from taikai.analysis._drift_words import no_rows
from taikai.analysis._report import _format as fmt
from taikai.analysis._report._alt import counts_alt, shares_alt
from taikai.analysis._report._blocks import (
    Cell,
    Chart,
    Column,
    ColumnKind,
    CountShare,
    Note,
    ReportBlock,
    ReportTable,
    Section,
)
from taikai.analysis._report._context import ReportContext
from taikai.analysis._report._date_hint import date_hint
from taikai.analysis._report._top_labels import chart_labels
from taikai.drift import SHOWN_ROWS, EmptyPeriods, End, stray_ends
from taikai.io import DateOrder, foreign_zone, month_first, read_date_column

if TYPE_CHECKING:
    import pandas as pd


def trend_section(ctx: ReportContext) -> Section:
    """Count and share per period and reason (rows whose date cannot be read are counted), or a note without dates."""
    t, lang, column = ctx.t, ctx.options.lang, ctx.options.date_column
    title = f"{t.trend} ({ctx.period}{f', {ctx.options.tz}' if ctx.options.tz else ''})"  # the calendar counted in
    if not column:
        skip = (ctx.options.text_column, ctx.options.by)  # the texts, the segments: not dates
        return Section.of("trend", t.trend, [Note(t.trend_none + date_hint(t, ctx.frame, skip))])
    table = ctx.over_time  # first: it refuses a column without dates and warns about the ones below
    read = read_date_column(ctx.frame[column], column, tz=ctx.options.tz)
    dates = read.read[ctx.rows.index]  # the classified rows' dates, out of range too
    unread = int(dates.isna().sum())
    out = int((dates.notna() & read.dates[ctx.rows.index].isna()).sum())
    note = t.trend_note.format(column=column, period=ctx.period, unread=f"{unread + out:,}")
    if out and read.years is not None:
        note += t.trend_out_of_range.format(out=f"{out:,}", first=read.years.first, last=read.years.last)
    if (span := fiscal_span(ctx.options.freq)) is not None:  # FY2025-Q1: which April?
        note += t.trend_fiscal.format(first=span[0], last=span[1])
    note += zone_note(ctx, ctx.frame[column])
    if read.order is DateOrder.UNTOLD:
        example = read.either or "03/04/2026"  # one of the column's own
        note += t.trend_order_untold.format(example=example, reading=month_first(example))
    blocks: list[ReportBlock] = [Note(note)]
    if len(table):
        blocks += [Note(n) for n in stray_notes(ctx, table, read.dates)]
    if not len(ctx.rows):
        blocks.append(Note(t.no_rows))
    elif len(table):
        rows = period_rows(table, ctx.options.freq, lang)
        number = ColumnKind.NUMBER
        columns = (
            Column(ctx.period, ColumnKind.NOWRAP),
            *(Column(ctx.reason(str(r)), number) for r in table.columns),
            Column(t.total, number),
        )
        chart = chart_labels(ctx)  # a model of many labels: the most frequent drawn, the rest one panel
        drawn = chart.columns(table)
        names = [ctx.reason(str(r)) for r in drawn.columns]
        counts = t.trend_counts.format(period=ctx.period)
        blocks += [
            Chart.of(counts_alt(ctx, counts, table), charts.trend_counts, drawn, lang, 4, chart.labels),
            Chart.of(
                shares_alt(ctx, t.trend_shares.format(period=ctx.period), table, ctx.reason),
                charts.trend_shares,
                *(drawn, lang, None, names, chart.labels),
                caption=chart.caption(ctx),
            ),
            ReportTable(columns, tuple(rows)),
        ]
    return Section.of("trend", title, blocks)


def zone_note(ctx: ReportContext, values: pd.Series) -> str:
    """Which clock the periods are counted in: the zone given (``tz``, ``--tz``), else, when the column's dates and
    times carry a zone other than Japan's, that one (the wall clock written), with how to count them in Japan's."""
    if ctx.options.tz is not None:
        return ctx.t.trend_zone.format(tz=ctx.options.tz)
    found = foreign_zone(values)
    return "" if found is None else ctx.t.trend_zone_written.format(zone=found.zone, example=found.example)


def period_rows(table: pd.DataFrame, freq: str = "M", lang: str = "ja") -> list[tuple[Cell, ...]]:
    """The rows of a table of counts per period (rows) and label (columns, of *freq*), as this section and the
    sentiment section show them: per period its counts and shares and its total; a run of periods without reviews
    is one row named by its first and last period (``2020-W03 – 2025-W01``), with ``–`` for each label and, as its
    total, the drift section's words for it (``行なし (4 週)``, ``no rows (4 weeks)``), so that years of empty weeks
    are not a row each and both sections say an empty period alike."""
    totals = table.sum(axis=1)
    rows: list[tuple[Cell, ...]] = []
    empty: list[str] = []  # the run of periods without reviews not yet written

    def close() -> None:
        if empty:
            gap = EmptyPeriods(empty[0], empty[-1], len(empty), freq)  # named as the drift section names the run
            rows.append((gap.name, *(["–"] * len(table.columns)), no_rows(gap, lang)))  # no counts, no shares
            empty.clear()

    for period, counts in table.iterrows():
        n = int(totals[period])
        if not n:
            empty.append(tables.period_label(period))
            continue
        close()
        rows.append((tables.period_label(period), *(CountShare(int(c), int(c) / n) for c in counts), n))
    close()
    return rows


def stray_notes(ctx: ReportContext, table: pd.DataFrame, dates: pd.Series) -> list[str]:
    """Say the first or last periods that hold a few reviews cut off from the others by periods without reviews
    (``taikai.drift`` says them by the same rule), naming their first reviews by id (else ``#N``, the data row) and
    their date as written: a mistyped date, rather than reviews lost in the empty periods."""
    t, column, id_column = ctx.t, str(ctx.options.date_column), ctx.id_column
    totals = [int(n) for n in table.sum(axis=1)]
    found = stray_ends(totals)
    if not found:
        return []
    periods = dates.dt.to_period(ctx.options.freq)
    held = [p for p, n in zip(table.index, totals, strict=True) if n]
    dated, notes = sum(totals), []
    for end, k, gap in found:
        chosen = held[:k] if end is End.FIRST else held[-k:]
        rows = sum(n for p, n in zip(table.index, totals, strict=True) if p in chosen)
        at = periods.isin(chosen).to_numpy().nonzero()[0][:SHOWN_ROWS]
        written = ctx.frame[column].iloc[at]
        places = ctx.frame[id_column].iloc[at] if id_column else [f"#{i + 1:,}" for i in at]
        shown = ", ".join(f"{id_column or ''} {p} ({str(w).strip()})".strip() for p, w in zip(places, written))
        names = [tables.period_label(p) for p in chosen]
        notes.append(
            t.trend_stray.format(
                name=names[0] if len(names) == 1 else f"{names[0]} – {names[-1]}",
                rows=f"{rows:,}",
                dated=f"{dated:,}",
                share=fmt.share(rows / dated),
                gap=f"{gap:,}",
                unit=ctx.period,
                shown=shown,
            )
        )
    return notes
