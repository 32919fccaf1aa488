"""Section: the sentiment of the reviews, per reason."""

from __future__ import annotations

from taikai.analysis import _charts as charts
from taikai.analysis import _tables as tables
from taikai.analysis._report._blocks import Block, Figure, Section, Table
from taikai.analysis._report._context import ReportContext
from taikai.labels import SENTIMENT_NAMES_JA, reason_name


def sentiment_section(ctx: ReportContext) -> Section:
    """Sentiment mix per reason, as 100 % bars and a table of counts."""
    sentiment = tables.sentiment_by_reason(ctx.frame)
    blocks: list[Block] = []
    if sentiment.to_numpy().sum():
        blocks.append(Figure(charts.sentiment_bars(sentiment), "理由ごとの感情"))
    named = sentiment.rename(index=reason_name, columns=lambda s: SENTIMENT_NAMES_JA.get(s, s))
    blocks.append(Table.from_frame(named))
    return Section.of("sentiment", "理由ごとの感情", blocks)
