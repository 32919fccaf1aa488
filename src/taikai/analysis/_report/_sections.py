"""The report's sections in page order (:data:`SECTIONS`), and the run of their builders (:func:`build_sections`).

To add a section, write a module here with a function ``(ReportContext) -> Section | None`` and add it to
``SECTIONS``; a builder returns ``None`` when the options leave its section out (``drift=False``).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack

from taikai.analysis._report._blocks import Section
from taikai.analysis._report._context import ReportContext
from taikai.analysis._report._drift import drift_builder
from taikai.analysis._report._model import model_section
from taikai.analysis._report._progress import Steps
from taikai.analysis._report._reasons import reasons_section
from taikai.analysis._report._reviews import representative_section, uncertain_section
from taikai.analysis._report._rules import rules_builder
from taikai.analysis._report._segments import segments_section
from taikai.analysis._report._sentiment import sentiment_section
from taikai.analysis._report._status import status_section
from taikai.analysis._report._summary import summary_section
from taikai.analysis._report._trend import trend_section
from taikai.analysis._report._words import words_section
from taikai.text import sharing_words

SectionBuilder = Callable[[ReportContext], Section | None]
"""What builds one section of the report (a value of :data:`SECTIONS`): its :class:`Section` from the
:class:`ReportContext`, or ``None`` when the page leaves it out."""

# The report's sections, in page order: anchor -> builder.
SECTIONS: dict[str, SectionBuilder] = {
    "summary": summary_section,
    "model": model_section,
    "status": status_section,
    "reasons": reasons_section,
    "sentiment": sentiment_section,
    "trend": trend_section,
    "segments": segments_section,
    "words": words_section,
    "representative": representative_section,
    "uncertain": uncertain_section,
    "rules": rules_builder,
    "drift": drift_builder,
}
"""The report's sections in page order: each anchor and the function that builds it (``None``: left out)."""


def _build_order() -> tuple[str, ...]:
    keys = [k for k in SECTIONS if k not in ("summary", "drift")]
    after_words = keys.index("words") + 1
    return (*keys[:after_words], "drift", *keys[after_words:], "summary")


BUILD_ORDER = _build_order()
"""The order the sections are built in: the page's, but the drift check right after the distinctive words, so that
the words kept for it (``sharing_words``) are let go before the sections between them are built, and the summary
last, as it says the drift check's verdict (``drift_check``, made once) that the page shows at its end."""


def build_sections(ctx: ReportContext, steps: Steps | None = None) -> list[Section]:
    """Return the sections of the report of *ctx* its options keep, in page order (steps of *steps*: BUILD_ORDER)."""
    built: dict[str, Section | None] = {}
    if steps is not None:  # the texts the words and the drift check read: the classified rows
        steps.total = len(ctx.rows)
    # the distinctive words and the drift check tag each distinct text once between them; the words kept for them
    # are let go once the drift check is built, before the sections after it
    with ExitStack() as sharing:
        sharing.enter_context(sharing_words(each=None if steps is None or not steps.enabled else steps.text))
        for key in BUILD_ORDER:
            if steps is not None:
                steps.step(key)
            built[key] = SECTIONS[key](ctx)
            if key == "drift":
                sharing.close()
    sections = [s for s in (built[k] for k in SECTIONS) if s is not None]
    keys = [s.key for s in sections]
    assert keys == [k for k in SECTIONS if k in keys], f"a section builder returned the wrong key: {keys}"
    return sections
