"""Section: the sentiment of the reviews: overall, over time, and per reason."""

from __future__ import annotations

import warnings

from taikai.analysis import _charts as charts
from taikai.analysis import _tables as tables
from taikai.analysis._report import _format as fmt
from taikai.analysis._report._alt import sentiment_alt, shares_alt
from taikai.analysis._report._blocks import (
    Cell,
    Chart,
    Column,
    ColumnKind,
    CountShare,
    Heading,
    Note,
    Paragraph,
    ReportBlock,
    ReportTable,
    Section,
)
from taikai.analysis._report._context import ReportContext
from taikai.analysis._report._top_labels import chart_labels
from taikai.analysis._report._trend import period_rows
from taikai.errors import DataWarning
from taikai.labels import counted_label


def sentiment_section(ctx: ReportContext) -> Section:
    """The overall sentiment mix in words and a table, its share per period (a chart and the table of its counts and
    shares), and the mix per reason."""
    t, lang = ctx.t, ctx.options.lang
    overall = tables.sentiment_distribution(ctx.frame)
    if not int(overall["count"].sum()):  # every sentiment of the model is listed, with 0 when nothing is classified
        predicted = any(str(c).startswith("p_sentiment_") for c in ctx.frame.columns)  # the model predicts it
        predicted = predicted and not len(ctx.rows)  # but no row was classified
        return Section.of("sentiment", t.sentiment, [Note(t.sentiment_no_rows if predicted else t.sentiment_none)])
    total = int(overall["count"].sum())
    shares = overall["share"].items()  # each after its name, a code ('1') quoted: '1' 59.9%, not 1 59.9%
    blocks: list[ReportBlock] = [
        Heading(t.sentiment_overall),
        Paragraph(" · ".join(f"{counted_label(ctx.sentiment(str(s)))} {fmt.share(float(v))}" for s, v in shares)),
        ReportTable.from_frame(
            overall.assign(count=[CountShare(int(c), int(c) / total) for c in overall["count"]])[["count"]]
            .rename(index=ctx.sentiment, columns={"count": t.count})
            .rename_axis(t.sentiment)
        ),
    ]
    column = ctx.options.date_column
    if column:
        with warnings.catch_warnings():  # the trend section warned about the same dates
            warnings.simplefilter("ignore", DataWarning)
            o = ctx.options
            over_time = tables.sentiment_over_time(ctx.frame, column, o.freq, source=ctx.where, tz=o.tz)
        if len(over_time):
            names = [ctx.sentiment(str(s)) for s in over_time.columns]
            colours = charts.sentiment_colours(ctx.sentiment_labels or over_time.columns)  # none: labels of one's own
            columns = (
                Column(ctx.period, ColumnKind.NOWRAP),
                *(Column(name, ColumnKind.NUMBER) for name in names),
                Column(t.total, ColumnKind.NUMBER),
            )
            blocks += [
                Heading(f"{t.sentiment_over_time}{f' ({o.tz})' if o.tz else ''}"),  # the calendar counted in
                Chart.of(
                    shares_alt(ctx, t.sentiment_over_time, over_time, ctx.sentiment),
                    *(charts.trend_shares, over_time, lang, colours, names),
                ),
                ReportTable(
                    columns, tuple(period_rows(over_time, ctx.options.freq, ctx.options.lang))
                ),  # the chart's figures, for a reader without images
            ]
    per_reason = tables.sentiment_by_reason(ctx.frame)
    blocks.append(Heading(t.sentiment_per_reason))
    if per_reason.to_numpy().sum():
        chart = chart_labels(ctx)  # a model of many labels: the most frequent drawn, the rest one bar
        drawn = chart.rows(per_reason)
        labels, caption = (chart.labels, ctx.sentiment_labels), chart.caption(ctx)
        alt = sentiment_alt(ctx, t.sentiment_per_reason, per_reason)
        blocks.append(Chart.of(alt, charts.sentiment_bars, drawn, lang, *labels, caption=caption))
    number = ColumnKind.NUMBER  # counts with their share of the reason's reviews, as the chart's bars, and the total
    columns = (Column(t.reason), *(Column(ctx.sentiment(str(s)), number) for s in per_reason.columns))
    rows = tuple((ctx.reason(str(r)), *_shares([int(c) for c in v]), int(v.sum())) for r, v in per_reason.iterrows())
    blocks.append(ReportTable((*columns, Column(t.total, number)), rows))
    return Section.of("sentiment", t.sentiment, blocks)


def _shares(counts: list[int]) -> list[Cell]:
    """A reason's counts with their share of its reviews; a reason without reviews has no shares: plain zeros, as a
    period without reviews (``_trend.period_rows``), not ``0 (0.0%)`` of nothing."""
    total = sum(counts)
    return [CountShare(c, c / total) if total else c for c in counts]
