"""Render an explanation for a terminal: the text with its spans highlighted, the weights, and what rules said."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
import numpy as np

from taikai.labels import format_reasons, named_reason
from taikai.text import Status, display_width, pad

if TYPE_CHECKING:
    from taikai.analysis._explain import Explanation


def _highlight(text: str, weights: np.ndarray) -> str:
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


def render_text(explanation: Explanation) -> str:
    """Return a terminal rendering: the text with highlighted spans (green toward, red against) and the weights,
    after the text's message when it has one (it was cut to its first characters). The reason's line ends with
    the text's reasons (``reasons fees|low_pay``) when it has more than one, as ``predict`` gives them."""
    if explanation.status is not Status.OK:
        return f"{explanation.status.value}: {explanation.message}"
    lines = [f"note: {explanation.message}", ""] if explanation.message else []
    # "word", "char" or "vector" (a model with word vectors): one column wide enough for all, in every head
    kind_width = max((len(c.kind) for head in explanation.heads() for c in head.contributions), default=4)
    for head in explanation.heads():
        name = named_reason(head.label) if head.head == "reason" else head.label
        also = _reasons(explanation.reasons) if head.head == "reason" else ""
        lines.append(f"{head.head}: {name}  p={head.probability:.2f}  score={head.score:+.3f}{also}")
        lines.append("  " + _highlight(explanation.text, explanation.char_weights(head.head)))
        shown = [repr(c.feature) for c in head.contributions]
        width = max(16, *map(display_width, shown)) if shown else 16
        for c, feature in zip(head.contributions, shown):
            where = ", ".join(f"{explanation.text[s:e]!r}@{s}-{e}" for s, e in c.spans) or "-"
            label = click.style(f"{c.weight:+.3f}", fg="green" if c.weight > 0 else "red")
            lines.append(f"  {label}  {c.kind:{kind_width}s} {pad(feature, width)} {where}")
        lines.append("")
    lines += _rule_lines(explanation)
    return "\n".join(lines).rstrip()


def _rule_lines(explanation: Explanation) -> list[str]:
    """The rules that fired and the reason written out, after the model's explanation (none without rules)."""
    if explanation.rules is None or explanation.rules_mode is None or explanation.final_reason is None:
        return []
    hits, mode = explanation.rules, explanation.rules_mode.value
    fired = f"{', '.join(map(repr, hits.names))} fired: {', '.join(hits.labels)}" if hits else "none fired"
    final = f"final reason: {named_reason(explanation.final_reason)}{_reasons(explanation.final_reasons or ())}"
    if explanation.rule_conflict and explanation.reason is not None:
        final += f"  (the rules disagree with the model's {explanation.reason.label})"
    return [f"rules ({mode}): {fired}", final]


def _reasons(reasons: tuple[str, ...]) -> str:
    """The reasons after a reason's line when there are several (nothing for one)."""
    return f"  reasons {format_reasons(reasons)}" if len(reasons) > 1 else ""
