"""Section: the distribution of the predicted reasons."""

from __future__ import annotations

from taikai.analysis import _charts as charts
from taikai.analysis import _tables as tables
from taikai.analysis._report._blocks import Figure, Note, Section, Share, Table
from taikai.analysis._report._context import ReportContext


def reasons_section(ctx: ReportContext) -> Section:
    """Count and share of each reason among the classified rows, as a bar chart and a table."""
    distribution = tables.reason_distribution(ctx.frame)
    return Section.of(
        "reasons",
        "退会理由の分布",
        [
            Note(f"分類された {len(ctx.rows):,} 件。share は分類された行に占める割合。"),
            Figure(charts.reason_bars(distribution), "退会理由の分布"),
            Table.from_frame(distribution.assign(share=distribution["share"].map(Share))),
        ],
    )
