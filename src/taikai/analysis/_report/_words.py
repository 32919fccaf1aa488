"""Section: the words that set each predicted reason apart (``distinctive_words``)."""

from __future__ import annotations

from taikai.analysis._keywords import distinctive_words
from taikai.analysis._report._blocks import Cell, Column, ColumnKind, Note, ReportBlock, ReportTable, Section
from taikai.analysis._report._context import ReportContext

WORDS_PER_REASON = 8
MIN_Z = 1.96
"""The least z-score of a word shown: used in a reason's reviews more than the others' by more than chance gives
once in 20. Without it a dump of 20 rows showed words no reason uses more than another (する at z 0.1)."""


def words_section(ctx: ReportContext) -> Section:
    """Per reason, the words with the highest log-odds z-score against the other reasons, with their counts.

    Only the words of each text's first ``MAX_CHARS`` characters count, as ``taikai batch`` classifies them; only
    words whose z is at least :data:`MIN_Z` are shown (none, and a note saying why, in a dump too small to tell).
    """
    t = ctx.t
    if not len(ctx.rows):
        return Section.of("words", t.words, [Note(t.words_none)])
    found = distinctive_words(ctx.rows, ctx.options.text_column, top=WORDS_PER_REASON, min_z=MIN_Z)
    rows: list[tuple[Cell, ...]] = []
    for label, group in found.groupby("label", sort=False):
        words = " · ".join(f"{w} ({int(c):,})" for w, c in zip(group["word"], group["count"]))
        rows.append((ctx.reason(str(label)), words))
    blocks: list[ReportBlock] = [Note(t.words_note)]
    blocks.append(
        ReportTable((Column(t.reason), Column(t.words, ColumnKind.TEXT)), tuple(rows)) if rows else Note(t.words_weak)
    )
    return Section.of("words", t.words, blocks)
