"""The classification of one text (:class:`Prediction`), and the predictions of a classified batch, text by text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from taikai.errors import check_int
from taikai.labels import reason_name
from taikai.model._classified import Classified
from taikai.rules import RuleHits, RulesMode
from taikai.text import Status, clip, shown_text


@dataclass(frozen=True)
class Prediction:
    """The classification of one text. Labels are ``None`` when ``status`` is not ``ok``.

    With rules, ``model_reason`` is the model's own primary reason in either mode (``rules_mode``), which under
    ``override`` may differ from ``reason``.
    """

    text: str
    status: Status
    message: str = ""
    reason: str | None = None
    reason_ja: str | None = None
    reasons: tuple[str, ...] = ()
    sentiment: str | None = None
    reason_proba: dict[str, float] = field(default_factory=dict)
    sentiment_proba: dict[str, float] = field(default_factory=dict)
    rules: RuleHits | None = None
    rule_conflict: bool | None = None
    model_reason: str | None = None
    rules_mode: RulesMode | None = None
    """How the rules were applied (``None`` without rules)."""
    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # its probabilities are dicts: not hashable, so hash() is not offered

    def __repr__(self) -> str:
        """Return the prediction on one line: its text (clipped), status and labels, or the message that says why
        it has none (the probabilities are in ``reason_proba`` and ``sentiment_proba``). ``p`` is the model's
        probability of its reason; with rules it is shown as ``p(model)`` after ``model_reason``, the reason it is
        the probability of (under ``override`` a rule's label may be ``reason``)."""
        parts = [f"text={clip(self.text, 40)!r}", f"status={self.status.value!r}"]
        if self.message:
            parts.append(f"message={self.message!r}")
        # p is the model's probability of its own reason: with rules it goes with model_reason as p(model), as the
        # CLI heads it, since under override a rule's label may be the reason
        p = self.reason_proba.get(self.model_reason or self.reason) if self.reason is not None else None
        shown_p = [] if p is None else [f"{'p' if self.rules is None else 'p(model)'}={p:.2f}"]
        if self.reason is not None:
            parts += [f"reason={self.reason!r}", f"reasons={self.reasons!r}", f"sentiment={self.sentiment!r}"]
            parts += shown_p if self.rules is None else []
        if self.rules is not None:
            parts += [f"rules={self.rules.names!r}", f"rule_conflict={self.rule_conflict!r}"]
            parts += [f"model_reason={self.model_reason!r}", *shown_p]
        return f"Prediction({', '.join(parts)})"

    def to_dict(self) -> dict[str, Any]:
        """Return the prediction as JSON-ready values; with rules applied, also what they said, and under
        ``override`` the model's own reason (``model_reason``), as the batch output's columns do."""
        out: dict[str, Any] = {
            "text": self.text,
            "status": self.status.value,
            "message": self.message,
            "reason": self.reason,
            "reason_ja": self.reason_ja,
            "reasons": list(self.reasons),
            "sentiment": self.sentiment,
            "reason_proba": self.reason_proba,
            "sentiment_proba": self.sentiment_proba,
        }
        if self.rules is not None:
            out |= {
                "rule_names": list(self.rules.names),
                "rule_reasons": list(self.rules.labels),
                "rule_conflict": self.rule_conflict,
            }
            if self.rules_mode is RulesMode.OVERRIDE:
                out["model_reason"] = self.model_reason
        return out

    def top_reasons(self, k: int) -> list[tuple[str, float]]:
        """Return the *k* most probable reasons with their probabilities (all of them when *k* is larger; none
        when the text was not classified); *k* is an int of at least 0."""
        k = check_int("k", k, least=0)
        return sorted(self.reason_proba.items(), key=lambda kv: -kv[1])[:k]


def split_predictions(values: Sequence[object], result: Classified) -> list[Prediction]:
    """Return one :class:`Prediction` per value of *values*, in order, from *result*, their classification."""
    final, conflicts = result.final, result.conflicts()
    out = []
    for i, value in enumerate(values):
        ok = result.statuses[i] is Status.OK
        reasons = final[i]
        reason = reasons[0] if reasons else None
        out.append(
            Prediction(
                text=shown_text(value),  # a missing value (None, NaN, pandas.NA) as "", as a file's empty cell
                status=result.statuses[i],
                message=result.messages[i],
                reason=reason,
                reason_ja=reason_name(reason, labels=result.named_reasons) if reason else None,
                reasons=reasons,
                sentiment=result.sentiments[i],
                reason_proba=dict(zip(result.reason_labels, result.reason_proba[i].tolist())) if ok else {},
                sentiment_proba=dict(zip(result.sentiment_labels, result.sentiment_proba[i].tolist())) if ok else {},
                rules=None if result.rule_hits is None else result.rule_hits[i],
                rule_conflict=conflicts[i],
                model_reason=result.primary[i] if result.rule_hits is not None else None,
                rules_mode=result.rules_mode if result.rule_hits is not None else None,
            )
        )
    return out
