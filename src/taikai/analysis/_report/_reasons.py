"""Section: the predicted reasons: the primary one and every stated one."""

from __future__ import annotations

from taikai.analysis import _charts as charts
from taikai.analysis import _tables as tables
from taikai.analysis._report._alt import reasons_alt
from taikai.analysis._report._blocks import (
    Cell,
    Chart,
    Column,
    ColumnKind,
    CountShare,
    Heading,
    Note,
    ReportTable,
    Section,
)
from taikai.analysis._report._context import ReportContext
from taikai.analysis._report._i18n import fill
from taikai.analysis._report._top_labels import chart_labels, pooled_stated


def reasons_section(ctx: ReportContext) -> Section:
    """Per reason: rows where it is primary and rows that state it, with shares; reasons per review."""
    t, lang = ctx.t, ctx.options.lang
    note = t.reasons_note_override if ctx.overridden else t.reasons_note  # the primary reason: rules', or the model's
    if not len(ctx.rows):  # a table of zeros and an empty chart say less than one line
        return Section.of("reasons", t.reasons, [Note(fill(note, rows="0")), Note(t.no_rows)])
    stated = tables.stated_reasons(ctx.frame)
    names = [ctx.reason(str(r)) for r in stated.index]
    same = all(name == str(r) for name, r in zip(names, stated.index, strict=True))  # labels of one's own: one column
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (
            *(() if same else (name,)),
            str(r),
            CountShare(int(v.primary), v.primary_share),
            CountShare(int(v.stated), v.stated_share),
        )
        for name, (r, v) in zip(names, stated.iterrows(), strict=True)
    )
    number = ColumnKind.NUMBER
    labels = (Column(t.reason),) if same else (Column(t.name), Column(t.reason))
    table = ReportTable((*labels, Column(t.primary, number), Column(t.stated, number)), rows)
    chart = chart_labels(ctx)  # a model of many labels: the most frequent drawn, the rest one bar
    per_review = tables.reasons_per_review(ctx.frame)
    n = max(int(per_review.sum()), 1)
    sizes = ReportTable(
        (Column(t.reasons_per_review), Column(t.count, number)),
        tuple((int(k), CountShare(int(v), v / n)) for k, v in per_review.items()),
    )
    return Section.of(
        "reasons",
        t.reasons,
        [
            Note(fill(note, rows=f"{len(ctx.rows):,}")),
            Chart.of(
                reasons_alt(ctx, t.reasons, stated),
                charts.stated_bars,
                pooled_stated(ctx, stated, chart),
                lang,
                chart.labels,
                caption=chart.caption(ctx),
            ),
            table,
            Heading(t.reasons_per_review),
            sizes,
        ],
    )
