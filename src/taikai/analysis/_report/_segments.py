"""Section: the reason mix per segment (platform, plan, …), counts with shares."""

from __future__ import annotations

from taikai.analysis import _charts as charts
from taikai.analysis._report._alt import segments_alt
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
from taikai.analysis._report._top_labels import chart_labels


def segments_section(ctx: ReportContext) -> Section:
    """Rows per segment of ``--by`` and reason, as 100 % bars and a table of counts and shares, or a note."""
    t, by = ctx.t, ctx.options.by
    if not by:
        return Section.of("segments", t.segments, [Note(t.segments_none)])
    table = ctx.segments
    blocks: list[ReportBlock] = [Note(t.segments_note.format(by=by))]
    if not len(table):
        return Section.of("segments", f"{t.segments}: {by}", [*blocks, Note(t.no_rows)])
    chart = chart_labels(ctx)  # a model of many labels: the most frequent drawn, the rest one bar
    drawn = chart.columns(table)
    caption = chart.caption(ctx)
    alt = segments_alt(ctx, f"{t.segments}: {by}", table, by)
    blocks += [Chart.of(alt, charts.segment_bars, drawn, ctx.options.lang, chart.labels, caption=caption)]
    number = ColumnKind.NUMBER
    columns = (Column(by), *(Column(ctx.reason(str(r)), number) for r in table.columns), Column(t.total, number))
    rows: list[tuple[Cell, ...]] = []
    for segment, counts in table.iterrows():
        n = int(counts.sum())
        rows.append((str(segment), *(CountShare(int(c), int(c) / n if n else 0.0) for c in counts), n))
    blocks.append(ReportTable(columns, tuple(rows)))
    return Section.of("segments", f"{t.segments}: {by}", blocks)
