"""Sections: the reviews the model is surest of per reason, and the least confident ones for a human to check."""

from __future__ import annotations

from typing import Any

from taikai.analysis._report._blocks import ColumnKind, Note, ReportBlock, ReportTable, Section
from taikai.analysis._report._context import ReportContext
from taikai.analysis._report._i18n import fill
from taikai.analysis._report._ids import id_cell
from taikai.analysis._review_tables import COMPUTED, SAME_TEXT, least_confident, representative_reviews
from taikai.rules import MODEL_REASON


def _notes(ctx: ReportContext, note: str, table: Any) -> list[ReportBlock]:
    """The table's note, and what its column of rows per text counts when a text was posted more than once."""
    repeated = SAME_TEXT in table.columns and bool((table[SAME_TEXT] > 1).any())
    override = [Note(ctx.t.model_reason_note)] if MODEL_REASON in table.columns else []
    return [Note(note), *override, *([Note(ctx.t.same_text_note)] if repeated else [])]


def _shown_as(ctx: ReportContext) -> dict[str, str]:
    """The columns the tables of reviews show of the frame's own (its text, an id, a date, a segment) that have the
    name of one they compute (:data:`COMPUTED`: a segment ``rows``), with the name each is shown by: ``input_rows``,
    as an input column named as a predicted one is read (``input_reason``)."""
    names = {str(c) for c in ctx.frame.columns}
    shown: dict[str, str] = {}
    for column in (*ctx.context_columns, ctx.options.text_column):
        if column in COMPUTED:
            new = f"input_{column}"
            while new in names:
                new = f"input_{new}"
            shown[column] = new
    return shown


def _picked(ctx: ReportContext, pick: Any, n: int) -> tuple[Any, dict[str, str]]:
    """The rows *pick* (``least_confident``, ``representative_reviews``) chooses, *n* of them, with the frame's
    columns that have the name of a column it computes given another (:func:`_shown_as`)."""
    renamed = _shown_as(ctx)
    frame = ctx.frame.rename(columns=renamed) if renamed else ctx.frame
    context = [renamed.get(c, c) for c in ctx.context_columns]
    return pick(frame, renamed.get(ctx.options.text_column, ctx.options.text_column), n, context), renamed


def _reviews(ctx: ReportContext, table: Any, renamed: dict[str, str]) -> ReportTable:
    text_column = renamed.get(ctx.options.text_column, ctx.options.text_column)
    context = [renamed.get(c, c) for c in ctx.context_columns]
    if SAME_TEXT in table.columns and not (table[SAME_TEXT] > 1).any():  # every text once: a column of 1s says nothing
        table = table.drop(columns=SAME_TEXT)
    shown = table.assign(reason=table["reason"].map(ctx.reason_with_id))
    if MODEL_REASON in shown.columns:  # --rules-mode override: the model's own reason, which p is of
        shown[MODEL_REASON] = shown[MODEL_REASON].map(lambda r: ctx.reason_with_id(r) if isinstance(r, str) else r)
    if "sentiment" in shown.columns:
        shown["sentiment"] = shown["sentiment"].map(lambda s: ctx.sentiment(s) if isinstance(s, str) else s)
    if "runner_up" in shown.columns:
        shown["runner_up"] = shown["runner_up"].map(lambda r: ctx.reason(r) if isinstance(r, str) else r)
    for column, name in zip(ctx.context_columns, context, strict=True):  # a blank cell, named as segments name it
        if name in shown.columns:
            shown[name] = ctx.blank_as_missing(column, table.index)
    id_column = renamed.get(ctx.id_column or "", ctx.id_column)
    if id_column in shown.columns:  # as written: 3328, not 3,328, whatever the column's dtype
        shown[id_column] = shown[id_column].map(id_cell).astype(object)
    ordered = shown[[c for c in shown.columns if c != text_column] + [text_column]]
    names = {c: ctx.t.review_columns.get(c, c) for c in ordered.columns if c not in context}
    nowrap = [*context, "sentiment"]
    kinds = {names.get(c, c): ColumnKind.NOWRAP for c in nowrap} | {
        names.get(text_column, text_column): ColumnKind.TEXT
    }
    return ReportTable.from_frame(ordered.rename(columns=names), index=False, kinds=kinds)


def representative_section(ctx: ReportContext) -> Section:
    """The reviews with the highest probability for their reason, a few per reason."""
    n = ctx.options.per_reason
    found, renamed = _picked(ctx, representative_reviews, n)
    if not len(found):
        return Section.of("representative", ctx.t.representative, [Note(ctx.t.no_rows)])
    note = fill(ctx.t.representative_note, n=n)
    blocks = [*_notes(ctx, note, found), _reviews(ctx, found, renamed)]
    return Section.of("representative", ctx.t.representative, blocks)


def uncertain_section(ctx: ReportContext) -> Section:
    """The reviews with the lowest probability for their predicted reason."""
    n = ctx.options.uncertain
    found, renamed = _picked(ctx, least_confident, n)
    if not len(found):
        return Section.of("uncertain", ctx.t.uncertain, [Note(ctx.t.no_rows)])
    shown = min(n, len(found))  # a dump of 3 classified rows shows 3, and says so
    note = fill(ctx.t.uncertain_note, n=shown)
    return Section.of("uncertain", ctx.t.uncertain, [*_notes(ctx, note, found), _reviews(ctx, found, renamed)])
