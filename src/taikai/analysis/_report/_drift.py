"""Section: drift of the predictions against the model's training statistics (``taikai drift``), as tables."""

from __future__ import annotations

import warnings

from taikai.analysis._drift_section import drift_section
from taikai.analysis._report._blocks import Block, Bullets, Note, Section, Table
from taikai.analysis._report._context import ReportContext
from taikai.errors import DataWarning

NEW_WORDS = {
    "ja": "新しい語 (この入力に多く、学習データにないか少ない語):",
    "en": "New words (frequent in this input, absent or rare in the training data):",
}


def drift_builder(ctx: ReportContext) -> Section | None:
    """The verdict, the reasons, the figures, the reason that moved most (of the whole dump and of each drifted
    period), the figures per period with a date column and each drifted period's new words, and the whole
    input's new words (or why they are not listed); ``None`` without
    ``drift`` in the options (the section tokenizes every text)."""
    if not ctx.options.drift:
        return None
    o = ctx.options
    with warnings.catch_warnings():  # the trend section warns about the same dates
        warnings.simplefilter("ignore", DataWarning)
        freq = o.freq if o.date_column is not None else None  # the periods' length: none without a date column
        named = ctx.model.name if ctx.model_source is not None else None  # else the shipped model: named so
        found = drift_section(
            ctx.frame, ctx.model_source, o.text_column, o.date_column, freq, o.lang, named or None, o.mask_pii
        )
    blocks: list[Block] = [Note(n) for n in found.notes]
    if found.reasons:
        blocks.append(Bullets(found.reasons))
    if found.figures is not None:
        blocks.append(Table.from_frame(found.figures))
    if found.moved:
        blocks.append(Bullets(found.moved))
    if found.periods is not None:
        blocks.append(Table.from_frame(found.periods))
    if found.period_words:
        blocks.append(Bullets(found.period_words))
    if found.new_words is not None and len(found.new_words):
        blocks += [Note(NEW_WORDS[o.lang]), Table.from_frame(found.new_words, index=False)]
    elif found.words_not_listed:  # a reference too small: the new words are not measured, not "none"
        blocks.append(Note(found.words_not_listed))
    return Section.of("drift", found.title, blocks)
