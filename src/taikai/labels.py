"""The churn taxonomy: reason and sentiment ids, their Japanese names, and parsing of label strings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Reason:
    """One churn reason of the taxonomy."""

    id: str
    name_ja: str
    meaning: str


REASONS: tuple[Reason, ...] = (
    Reason("low_pay", "報酬・単価が低い", "pay or unit price too low, not worth the hours, can't earn"),
    Reason("fees", "手数料が高い", "the platform's system fee, transfer or withdrawal fees"),
    Reason(
        "rejection",
        "提案が通らない",
        "proposals/applications not accepted, deliverables not approved, can't win work, competition",
    ),
    Reason("time", "時間がない", "no time: main job, family, study, health"),
    Reason(
        "graduated",
        "直接契約・独立",
        "moved to direct contracts, went independent, got hired, no longer needs the platform",
    ),
    Reason("platform_switch", "他サービスへ移行", "moved activity to another platform or service"),
    Reason(
        "trouble",
        "トラブル・不信",
        "unreasonable clients, unpaid work, scams, account freezes, bad support, distrust of the operator",
    ),
    Reason("other", "その他", "anything else: lost interest, UI, other work more fun, satisfied, no reason given"),
)
REASON_IDS: tuple[str, ...] = tuple(r.id for r in REASONS)
SENTIMENTS: tuple[str, ...] = ("positive", "neutral", "negative")
SENTIMENT_NAMES_JA = {"positive": "ポジティブ", "neutral": "中立", "negative": "ネガティブ"}
_NAMES_JA = {r.id: r.name_ja for r in REASONS}


def reason_name(label: str) -> str:
    """Return the Japanese display name of a reason id, or the id itself for labels outside the taxonomy."""
    return _NAMES_JA.get(label, label)


def display_order(labels: Iterable[object], preferred: Iterable[str]) -> list[str]:
    """Return the distinct *labels* as strings, those in *preferred* first in its order, the rest alphabetically."""
    rank = {label: i for i, label in enumerate(preferred)}
    return sorted({str(x) for x in labels}, key=lambda x: (rank.get(x, len(rank)), x))


def parse_reasons(value: str) -> list[str]:
    """Split a ``|``-separated reasons cell into ids, primary first, without blanks or repeats."""
    labels: list[str] = []
    for part in str(value).split("|"):
        part = part.strip()
        if part and part not in labels:
            labels.append(part)
    return labels


def format_reasons(labels: Iterable[str]) -> str:
    """Join reason ids into a ``|``-separated cell."""
    return "|".join(labels)
