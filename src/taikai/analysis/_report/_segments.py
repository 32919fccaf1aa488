"""Section: the reason mix per segment (platform, plan, …)."""

from __future__ import annotations

from taikai.analysis import _charts as charts
from taikai.analysis import _tables as tables
from taikai.analysis._report._blocks import Block, Figure, Note, Section, Table
from taikai.analysis._report._context import ReportContext
from taikai.labels import reason_name


def segments_section(ctx: ReportContext) -> Section:
    """Rows per segment of ``--by`` and reason, as 100 % bars and a table, or a note without ``--by``."""
    by = ctx.options.by
    if not by:
        return Section.of("segments", "セグメント別の内訳", [Note("セグメントの列が指定されていません (--by)。")])
    table = tables.segment_breakdown(ctx.frame, by)
    blocks: list[Block] = []
    if len(table):
        blocks.append(Figure(charts.segment_bars(table), f"{by} 別"))
    blocks.append(Table.from_frame(table.rename(columns=reason_name).assign(合計=table.sum(axis=1))))
    return Section.of("segments", f"{by} 別の内訳", blocks)
