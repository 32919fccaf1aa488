"""Whether the report's input texts were masked before it read them (``taikai batch --mask-pii``), and the header
lines that say what was masked; and the line that says the predictions are a trial run's (``--limit N``).

A predictions file ``taikai batch --mask-pii`` wrote holds the masked texts only: the report's own ``--mask-pii``
finds nothing more, and said ``見つかりませんでした`` (none found) as if nothing had been masked; without it the page
said nothing about masking at all. The batch summary records ``mask_pii`` (and its ``masks``); without a summary
(or one that does not say), the texts' placeholders (``[人名]``, ``[メール]``, …) show it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from taikai.analysis._report._phrases import Phrases, fill
from taikai.io import RunSummary, TrialRun
from taikai.privacy import MASKER_VERSION, PLACEHOLDERS, PiiKind, placeholder_kinds


def _placeholders(texts: Iterable[Any]) -> list[PiiKind]:
    """The kinds whose placeholder, as masking writes it, is in some text of *texts* (in the usual order)."""
    found: set[PiiKind] = set()
    for text in texts:
        found.update(placeholder_kinds(text))
        if len(found) == len(PLACEHOLDERS):
            break
    return [kind for kind in PiiKind if kind in found]


def masked_counts(counts: Mapping[str, int], t: Phrases) -> str:
    """Return the masks per kind (keyed by the kind's value) in the words of *t*, kinds in the usual order."""
    shown = [
        t.pii_count.format(kind=kind.value, placeholder=kind.placeholder, count=f"{counts[kind.value]:,}")
        for kind in PiiKind
        if counts.get(kind.value)
    ]
    return t.pii_join.join(shown) if shown else t.pii_none


def masked_input_line(run: RunSummary | None, texts: Iterable[Any], t: Phrases) -> str | None:
    """Return the header line saying that the input texts were masked before, ``None`` when they were not.

    The batch summary *run* decides when it records ``mask_pii`` (and names the version of the masking it did,
    :data:`taikai.privacy.MASKER_VERSION` then, when it records one: two versions mask some texts otherwise); else
    the placeholders in *texts* do.
    """
    if run is not None and run.mask_pii is not None:
        if not run.mask_pii:
            return None
        masks = f": {masked_counts(run.masks, t)}" if run.masks is not None else ""
        version = "" if run.masker_version is None else t.pii_version.format(version=run.masker_version)
        return t.pii_input_batch.format(masks=masks) + version
    kinds = _placeholders(texts)
    if not kinds:
        return None
    return t.pii_input_placeholders.format(placeholders=t.pii_join.join(kind.placeholder for kind in kinds))


def report_masked_line(counts: Mapping[str, int], t: Phrases, masked_before: bool) -> str:
    """Return the header line of the report's own ``--mask-pii``: what it masked, per kind, and the version of the
    masking (:data:`taikai.privacy.MASKER_VERSION`); when it masked nothing in texts masked before, that it found
    nothing more."""
    masks = masked_counts(counts, t)
    if masked_before and masks == t.pii_none:
        masks = t.pii_none_more
    return t.pii_masked.format(masks=masks) + t.pii_version.format(version=MASKER_VERSION)


def masking_lines(masked_before: str | None, masks: Mapping[str, int] | None, t: Phrases) -> list[str]:
    """Return the header lines on masking: *masked_before* (:func:`masked_input_line`), then what the report's own
    ``--mask-pii`` masked (*masks*; ``None`` without it); a page whose texts no one masked says so, as a page to
    forward quotes them as written."""
    lines = [] if masked_before is None else [masked_before]
    if masks is not None:
        lines.append(report_masked_line(masks, t, masked_before is not None))
    elif masked_before is None:
        lines.append(t.pii_not_masked)
    return lines


def trial_line(trial: TrialRun, t: Phrases) -> str:
    """Return the header line saying that the predictions are of a *trial* run (``taikai batch --limit N``): only
    the first N rows of its input were classified, not the whole input."""
    given = trial.input or ("入力" if t.lang == "ja" else "the input")
    return fill(t.trial_run, limit=f"{trial.limit:,}", input=given)
