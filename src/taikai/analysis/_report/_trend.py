"""Section: the reasons per week or month."""

from __future__ import annotations

from taikai.analysis import _charts as charts
from taikai.analysis import _tables as tables
from taikai.analysis._report._blocks import Block, Figure, Note, Section, Table
from taikai.analysis._report._context import ReportContext
from taikai.io import parse_dates
from taikai.labels import reason_name


def trend_section(ctx: ReportContext) -> Section:
    """Count per period and reason (rows whose date cannot be read are counted), or a note without a date column."""
    column, freq = ctx.options.date_column, ctx.options.freq
    if not column:
        return Section.of("trend", "理由の推移", [Note("日付の列が指定されていません (--date-column)。")])
    table = tables.reasons_over_time(ctx.frame, column, freq)
    unread = int(parse_dates(ctx.rows[column]).isna().sum())
    period = tables.FREQUENCIES[freq]
    blocks: list[Block] = [Note(f"{column} 列の{period}ごとの件数。日付を読めなかった行: {unread:,}")]
    if len(table):
        blocks += [
            Figure(charts.trend_lines(table), "退会理由の推移"),
            Table.from_frame(table.rename(columns=reason_name)),
        ]
    return Section.of("trend", f"理由の推移 ({period}別)", blocks)
