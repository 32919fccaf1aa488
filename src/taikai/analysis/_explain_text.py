"""The terminal rendering of an :class:`~taikai.analysis.Explanation` (``taikai explain``): the text with its spans
highlighted (the n-grams', and the listed vector words'), then the weights, per head; the text shown on one line per
head, without the control characters a terminal would act on, and clipped when long."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import click
import numpy as np

from taikai._cut import cut_list
from taikai.labels import format_reasons, label_list, named_reason
from taikai.text import Status, display_width, pad, printable, wrap_pieces

if TYPE_CHECKING:  # _explanation imports this module to print an explanation
    from taikai.analysis._explain_words import WordPart
    from taikai.analysis._explanation import Contribution, Explanation

SHOWN_CHARS = 1000
"""The characters of a text the rendering shows (per head); the spans and the JSON keep to the whole text."""
SHOWN_SPANS = 10
"""The spans the rendering lists per feature (a word of a long text may occur thousands of times), then a count."""


def render_text(explanation: Explanation, width: int | None = None) -> str:
    """Return a terminal rendering: the text with highlighted spans (green toward, red against) and the weights,
    after the text's message when it has one (it was cut to its first characters). The text is shown with its
    control and format characters (U+202E, a zero-width space) as spaces (as ``predict``'s table shows it), and only
    its first :data:`SHOWN_CHARS` characters, as a note says, when it is longer; a feature's first
    :data:`SHOWN_SPANS` spans, and a count of the others. A head's line splits its score into the bias and the sum
    of all the text's features (those listed and those past ``top``), so that a label the listed features push
    against is seen to be the bias's; the reason's line ends with the text's reasons (``reasons fees|low_pay``) when
    it has more than one, as ``predict`` gives them.

    *width*: the columns of the terminal it is shown on (``taikai explain`` on a terminal): the lists of the words
    pulling toward and against the label, a line each, wrap at it between two words, under the first line's list,
    rather than where the terminal cuts them, and a head's line wider than it (a long label's name) says the parts of
    its score on the next line; ``None`` (a notebook, a file, a pipe): each list and head on its one line."""
    from taikai.errors import wrong_type

    if not isinstance(getattr(explanation, "status", None), Status):  # a frame's row failed on a pandas attribute
        raise wrong_type("explanation", explanation, "an Explanation, as taikai.explain(model, text) returns")
    if explanation.status is not Status.OK:
        return f"{explanation.status.value}: {explanation.message}"
    lines = [f"note: {explanation.message}"] if explanation.message else []
    text, clipped = explanation.text, len(explanation.text) > SHOWN_CHARS
    if clipped:
        lines.append(
            f"note: the text is shown to its first {SHOWN_CHARS:,} of {len(text):,} characters (the spans index the "
            "whole text; --format json holds it all)"
        )
    lines += [""] if lines else []
    # "word", "char" or "vector" (a model with word vectors): one column wide enough for all, in every head
    kind_width = max((len(c.kind) for head in explanation.heads() for c in head.contributions), default=4)
    # the weights right-aligned in one column too: +11.102 beside +2.224 does not push its row's kind aside
    weight_width = max((len(f"{c.weight:+.3f}") for head in explanation.heads() for c in head.contributions), default=6)
    for head in explanation.heads():
        name = named_reason(head.label, labels=explanation.model_reasons) if head.head == "reason" else head.label
        also = _reasons(explanation.reasons) if head.head == "reason" else ""
        summed = round(head.score, 3) - round(head.bias, 3)  # as shown, the two add up to the score shown
        parts = f"bias {head.bias:+.3f}, features {summed:+.3f}"  # a bias may outweigh every feature listed
        first, rest = f"{head.head}: {name}  p={head.probability:.2f}  score={head.score:+.3f}", f"({parts}){also}"
        wide = width is not None and display_width(f"{first} {rest}") > width  # the score's parts under it, then
        lines += [first, f"  {rest}"] if wide else [f"{first} {rest}"]
        weights = _shown_weights(explanation, head.head, head.contributions)
        shown = _highlight(printable(text[:SHOWN_CHARS]), weights[:SHOWN_CHARS])
        lines.append(f"  {shown}{'…' if clipped else ''}")
        features = [repr(c.feature) for c in head.contributions]
        feature_width = max(16, *map(display_width, features)) if features else 16
        for c, feature in zip(head.contributions, features):
            where = cut_list([f"{text[s:e]!r}@{s}-{e}" for s, e in c.spans], SHOWN_SPANS) or "-"
            label = click.style(f"{c.weight:+.3f}".rjust(weight_width), fg="green" if c.weight > 0 else "red")
            lines.append(f"  {label}  {c.kind:{kind_width}s} {pad(feature, feature_width)} {where}")
            indent = " " * (4 + weight_width + kind_width)
            lines += _word_lines(c.words, c.weight, indent, explanation.top, width)
        lines.append("")
    lines += _rule_lines(explanation)
    return "\n".join(lines).rstrip()


def _word_lines(words: Sequence[WordPart], total: float, indent: str, top: int, width: int | None = None) -> list[str]:
    """The lines under the word-vector contribution: the words whose vectors pulled most toward the label and
    against it (up to *top* each, as the contributions are kept: ``--top``), with their weights and shares, and
    that all the words' weights add up to the contribution's (none for another contribution); each list wrapped
    at *width* (see :func:`_wrapped`)."""
    if not words:
        return []
    toward, against = _shown_words(words, top)
    lines = []
    for side, shown in (("toward", toward), ("against", against)):
        if shown:
            parts = [f"{printable(w.word)!r}{_times(w.count)} {w.weight:+.3f}{_share(w)}" for w in shown]
            lines += _wrapped(f"{indent}words pulling {side}: ", parts, width)
    many = f"the parts of all {len(words):,} words add" if len(words) > 1 else "the one word's part adds"
    lines.append(f"{indent}({many} up to the vectors' {total:+.3f})")
    return lines


def _wrapped(head: str, parts: list[str], width: int | None) -> list[str]:
    """Return *head* and *parts*, comma-separated, on lines at most *width* columns wide (``None``: on one line),
    broken after a comma (:func:`~taikai.text.wrap_pieces`)."""
    return wrap_pieces(head, [f"{part}," for part in parts[:-1]] + parts[-1:], width)


def _shown_words(words: Sequence[WordPart], top: int) -> tuple[list[WordPart], list[WordPart]]:
    """The words of the vector contribution the rendering lists: up to *top* pulling toward, strongest first, and up
    to *top* pulling against, strongest first."""
    toward = [w for w in words if w.weight > 0][:top]
    against = sorted((w for w in words if w.weight < 0), key=lambda w: w.weight)[:top]
    return toward, against


def _shown_weights(explanation: Explanation, head: str, contributions: Sequence[Contribution]) -> np.ndarray:
    """Return the weight per character of the text that the rendering highlights for *head*: the contributions'
    (:meth:`Explanation.char_weights`), plus each listed vector word's at its spans, as an n-gram's is at its own,
    so that a word pulling toward the label is green in the text as the words it is listed with."""
    weights = explanation.char_weights(head)
    for contribution in contributions:
        toward, against = _shown_words(contribution.words, explanation.top)
        for word in toward + against:
            for start, end in word.spans:
                weights[start:end] += word.weight
    return weights


def _share(word: WordPart) -> str:
    """A word's share in whole percent after its weight (a share rounding to 0 shown as 0%, not -0%); nothing when
    it has none (the vectors' total is not positive: :class:`WordPart`)."""
    return "" if word.share is None else f" ({round(word.share * 100)}%)"


def _times(count: int) -> str:
    return f" ×{count}" if count > 1 else ""


def _highlight(text: str, weights: np.ndarray) -> str:
    """Return *text* with its runs of positive weight in green and of negative weight in red (bold)."""
    out, i = [], 0
    while i < len(text):
        sign = np.sign(weights[i])
        j = i
        while j < len(text) and np.sign(weights[j]) == sign:
            j += 1
        piece = text[i:j]
        out.append(piece if sign == 0 else click.style(piece, fg="green" if sign > 0 else "red", bold=True))
        i = j
    return "".join(out)


def _rule_lines(explanation: Explanation) -> list[str]:
    """The rules that fired and the reason written out, after the model's explanation (none without rules)."""
    if explanation.rules is None or explanation.rules_mode is None or explanation.final_reason is None:
        return []
    hits, mode = explanation.rules, explanation.rules_mode.value
    fired = f"{', '.join(map(repr, hits.names))} fired: {label_list(hits.labels)}" if hits else "none fired"
    final_reason = named_reason(explanation.final_reason, labels=explanation.model_reasons)
    final = f"final reason: {final_reason}{_reasons(explanation.final_reasons or ())}"
    if explanation.rule_conflict and explanation.reason is not None:
        final += f"  (the rules disagree with the model's {explanation.reason.label})"
    return [f"rules ({mode}): {fired}", final]


def _reasons(reasons: tuple[str, ...]) -> str:
    """The reasons after a reason's line when there are several (nothing for one)."""
    return f"  reasons {format_reasons(reasons)}" if len(reasons) > 1 else ""
