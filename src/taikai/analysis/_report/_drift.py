"""Section: drift of the predictions against the model's training statistics (``taikai drift``), as tables."""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Iterable
from weakref import WeakKeyDictionary

from taikai._warn import warn_user
from taikai.analysis._drift_notes import NOTES
from taikai.analysis._drift_section import DriftSection, drift_section
from taikai.analysis._report._blocks import Bullets, ColumnKind, Note, ReportBlock, ReportTable, Section
from taikai.analysis._report._context import ReportContext
from taikai.analysis._report._provenance import MissingModel, Origin
from taikai.errors import DataWarning

NEW_WORDS = {
    "ja": "新しい語 (この入力に多く、学習データにないか少ない語):",
    "en": "New words (frequent in this input, absent or rare in the training data):",
}


_CHECKED: WeakKeyDictionary[ReportContext, DriftSection | None] = WeakKeyDictionary()
"""The drift check of each page being built, made once (it tokenizes every text): let go with the page's context."""


def drift_check(ctx: ReportContext) -> DriftSection | None:
    """Return the drift check of *ctx*'s predictions, made on first use for the page: what the drift section shows,
    and the verdict the summary says; ``None`` without ``drift`` in the options."""
    if ctx not in _CHECKED:
        _CHECKED[ctx] = _check(ctx)
    return _CHECKED[ctx]


def _check(ctx: ReportContext) -> DriftSection | None:
    """Check *ctx*'s predictions for drift (``None`` without ``drift`` in the options). A model the batch summary
    names that cannot be had gives a section of one note saying why, and a warning where it looked."""
    if not ctx.options.drift:
        return None
    o = ctx.options
    if isinstance(ctx.model_source, MissingModel):  # never another model in its place
        warn_user(f"the drift section is left out: {ctx.model_source.detail}", DataWarning)
        cannot = NOTES[o.lang]["cannot"].format(exc=missing_reason(ctx.model_source, o.lang))
        return DriftSection(NOTES[o.lang]["title"], (cannot,))
    with warnings.catch_warnings():  # the trend section warns about the same dates
        warnings.simplefilter("ignore", DataWarning)
        freq = o.freq if o.date_column is not None else None  # the periods' length: none without a date column
        named = ctx.model.name if ctx.model.origin is not Origin.UNKNOWN else None  # else named as it is found
        source = ctx.where if ctx.source_dir is not None else None  # the file read, not <frame>, in its error
        found = drift_section(
            ctx.frame,
            ctx.model_source,
            o.text_column,
            o.date_column,
            freq,
            o.lang,
            named or None,
            o.mask_pii,
            source=source,
            tz=o.tz if o.date_column is not None else None,
        )
    if found.error is not None:  # the note says it plainly: the detail names options, columns, the frame
        warn_user(f"drift could not be checked, and the page says so: {found.error}", DataWarning)
    return found


def drift_builder(ctx: ReportContext) -> Section | None:
    """The verdict, the reasons, the figures, the reason that moved most (of the whole dump and of each drifted
    period), the figures per period with a date column and each drifted period's new words, and the whole
    input's new words (or why they are not listed); ``None`` without
    ``drift`` in the options (the section tokenizes every text)."""
    found = drift_check(ctx)
    if found is None:
        return None
    blocks: list[ReportBlock] = [Note(n) for n in found.notes]
    if found.reasons:
        blocks.append(Bullets(found.reasons))
    if found.figures is not None:  # its value, reference and limit are figures
        verdict = _whole(found.figures.columns[-1:])
        blocks.append(ReportTable.from_frame(found.figures, kinds=_figures(found.figures.columns[:3]) | verdict))
    if found.moved:
        blocks.append(Bullets(found.moved))
    if found.periods is not None:  # every column but the verdict is a figure; the period and verdict kept whole
        whole = _whole([found.periods.index.name, found.periods.columns[-1]])
        blocks.append(ReportTable.from_frame(found.periods, kinds=_figures(found.periods.columns[:-1]) | whole))
    if found.period_words:
        blocks.append(Bullets(found.period_words))
    if found.new_words is not None and len(found.new_words):
        blocks += [Note(NEW_WORDS[ctx.options.lang]), ReportTable.from_frame(found.new_words, index=False)]
    elif found.words_not_listed:  # a reference too small: the new words are not measured, not "none"
        blocks.append(Note(found.words_not_listed))
    return Section.of("drift", found.title, blocks)


def _figures(columns: Iterable[Hashable]) -> dict[str, ColumnKind]:
    """The columns of a drift table that hold figures written as text (``20.0%``, ``0.032 *``, ``–``), laid out as
    numbers: right-aligned, and printed without a break inside one (a label cell, printed, breaks anywhere: a
    period's one-reason share read ``20.0`` over ``%`` in a column squeezed to fit A4)."""
    return {str(c): ColumnKind.NUMBER for c in columns}


def _whole(columns: Iterable[Hashable]) -> dict[str, ColumnKind]:
    """The columns of a drift table never broken inside a word, printed too: a period (``2026-09`` broke at its
    hyphen) and a verdict (``なし`` read ``な`` over ``し`` in a column squeezed to fit A4)."""
    return {str(c): ColumnKind.WORDS for c in columns}


def missing_reason(missing: MissingModel, lang: str) -> str:
    """Return why the model the batch summary names cannot be had (*missing*) and what to do, in *lang*, as the
    page says it: without the model's path (the analyst's own), the advice as the report's other notes give it."""
    words = NOTES[lang]
    made = words["made_by"].format(summary=missing.summary, name=missing.name, sha256=missing.sha256[:12])
    return words[missing.why.value].format(made=made, other=missing.other[:12] or "none", give=words["give_model"])
