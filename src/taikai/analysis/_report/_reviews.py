"""Sections: the reviews the model is surest of per reason, and the least confident ones for a human to check."""

from __future__ import annotations

from typing import Any

from taikai.analysis import _tables as tables
from taikai.analysis._report._blocks import ColumnKind, Note, Section, Table
from taikai.analysis._report._context import ReportContext
from taikai.labels import SENTIMENT_NAMES_JA, reason_name


def _reviews(ctx: ReportContext, table: Any) -> Table:
    text_column = ctx.options.text_column
    shown = table.assign(reason=table["reason"].map(lambda r: f"{reason_name(r)} ({r})"))
    if "sentiment" in shown.columns:
        shown["sentiment"] = shown["sentiment"].map(lambda s: SENTIMENT_NAMES_JA.get(s, s))
    if "runner_up" in shown.columns:
        shown["runner_up"] = shown["runner_up"].map(lambda r: reason_name(r) if isinstance(r, str) else r)
    ordered = shown[[c for c in shown.columns if c != text_column] + [text_column]]
    kinds = {text_column: ColumnKind.TEXT, **{c: ColumnKind.NOWRAP for c in ctx.context_columns}}
    return Table.from_frame(ordered, index=False, kinds=kinds)


def representative_section(ctx: ReportContext) -> Section:
    """The reviews with the highest probability for their reason, a few per reason."""
    n = ctx.options.per_reason
    found = tables.representative_reviews(ctx.frame, ctx.options.text_column, n, ctx.context_columns)
    return Section.of(
        "representative",
        "理由ごとの代表的なレビュー",
        [Note(f"各理由で確率が最も高い {n} 件。p は予測した理由の確率。"), _reviews(ctx, found)],
    )


def uncertain_section(ctx: ReportContext) -> Section:
    """The reviews with the lowest probability for their predicted reason."""
    n = ctx.options.uncertain
    found = tables.least_confident(ctx.frame, ctx.options.text_column, n, ctx.context_columns)
    return Section.of(
        "uncertain",
        "確信度の低い予測 (要確認)",
        [Note(f"予測した理由の確率が最も低い {n} 件。人の目で確認してください。"), _reviews(ctx, found)],
    )
