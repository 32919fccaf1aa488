"""Sections: the reviews the model is surest of per reason, and the least confident ones for a human to check."""

from __future__ import annotations

from typing import Any

from taikai.analysis import _tables as tables
from taikai.analysis._report._blocks import ColumnKind, Note, Section, Table
from taikai.analysis._report._context import ReportContext
from taikai.analysis._report._i18n import fill
from taikai.analysis._review_tables import least_confident, representative_reviews


def _reviews(ctx: ReportContext, table: Any) -> Table:
    text_column = ctx.options.text_column
    shown = table.assign(reason=table["reason"].map(ctx.reason_with_id))
    if "sentiment" in shown.columns:
        shown["sentiment"] = shown["sentiment"].map(lambda s: ctx.sentiment(s) if isinstance(s, str) else s)
    if "runner_up" in shown.columns:
        shown["runner_up"] = shown["runner_up"].map(lambda r: ctx.reason(r) if isinstance(r, str) else r)
    for column in ctx.context_columns:  # a blank cell, named as the table of segments names it
        if column in shown.columns:
            shown[column] = shown[column].replace(tables.MISSING_SEGMENT, ctx.t.blank)
    ordered = shown[[c for c in shown.columns if c != text_column] + [text_column]]
    names = {c: ctx.t.review_columns.get(c, c) for c in ordered.columns if c not in ctx.context_columns}
    nowrap = [*ctx.context_columns, "sentiment"]
    kinds = {names.get(c, c): ColumnKind.NOWRAP for c in nowrap} | {
        names.get(text_column, text_column): ColumnKind.TEXT
    }
    return Table.from_frame(ordered.rename(columns=names), index=False, kinds=kinds)


def representative_section(ctx: ReportContext) -> Section:
    """The reviews with the highest probability for their reason, a few per reason."""
    n = ctx.options.per_reason
    found = representative_reviews(ctx.frame, ctx.options.text_column, n, ctx.context_columns)
    if not len(found):
        return Section.of("representative", ctx.t.representative, [Note(ctx.t.no_rows)])
    return Section.of(
        "representative", ctx.t.representative, [Note(fill(ctx.t.representative_note, n=n)), _reviews(ctx, found)]
    )


def uncertain_section(ctx: ReportContext) -> Section:
    """The reviews with the lowest probability for their predicted reason."""
    n = ctx.options.uncertain
    found = least_confident(ctx.frame, ctx.options.text_column, n, ctx.context_columns)
    if not len(found):
        return Section.of("uncertain", ctx.t.uncertain, [Note(ctx.t.no_rows)])
    shown = min(n, len(found))  # a dump of 3 classified rows shows 3, and says so
    return Section.of("uncertain", ctx.t.uncertain, [Note(fill(ctx.t.uncertain_note, n=shown)), _reviews(ctx, found)])
