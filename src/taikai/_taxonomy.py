"""The churn taxonomy: the reasons and sentiments, their ids, Japanese and English names and meanings.

:mod:`taikai.labels` re-exports them with the functions that name and parse labels."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reason:
    """One churn reason of the taxonomy."""

    __module__ = "taikai.labels"  # its public path, where it has always been

    id: str
    name_ja: str
    meaning: str
    meaning_ja: str = ""
    name_en: str = ""


REASONS: tuple[Reason, ...] = (
    Reason(
        "low_pay",
        "報酬・単価が低い",
        "pay or unit price too low, not worth the hours, can't earn",
        "報酬や単価が低い、時給換算で割に合わない、稼げない",
        "Low pay",
    ),
    Reason(
        "fees",
        "手数料が高い",
        "the platform's system fee, transfer or withdrawal fees",
        "システム利用料・振込手数料・出金手数料への不満",
        "High fees",
    ),
    Reason(
        "rejection",
        "提案が通らない",
        "proposals/applications not accepted, deliverables not approved, can't win work, competition",
        "提案や応募が通らない、納品物が承認されない、返事がない、競争に勝てない",
        "Proposals rejected",
    ),
    Reason(
        "time",
        "時間がない",
        "no time: main job, family, study, health",
        "本業・家庭・育児・介護・勉強・健康のため時間がない",
        "No time",
    ),
    Reason(
        "graduated",
        "直接契約・独立",
        "moved to direct contracts, went independent, got hired, no longer needs the platform",
        "直接契約に移った、独立した、就職した、プラットフォームが不要になった",
        "Went direct or independent",
    ),
    Reason(
        "platform_switch",
        "他サービスへ移行",
        "moved activity to another platform or service",
        "他のサービスへ移ったこと自体が要点(理由が書かれていればその理由を付ける)",
        "Moved to another service",
    ),
    Reason(
        "trouble",
        "トラブル・不信",
        "unreasonable clients, unpaid work, scams, account freezes, bad support, distrust of the operator",
        "理不尽な発注者・修正、未払い、詐欺案件、アカウント停止、サポートの悪さ、運営への不信",
        "Trouble, distrust",
    ),
    Reason(
        "other",
        "その他",
        "anything else: lost interest, UI, other work more fun, satisfied, no reason given",
        "上記以外: 興味を失った、UI、他の仕事が楽しい、満足している、理由が書かれていない",
        "Other",
    ),
)
"""The churn reasons of the taxonomy, in the order of the README's table: id, Japanese and English names, meaning."""
REASON_IDS: tuple[str, ...] = tuple(r.id for r in REASONS)
"""The reason ids, in the order of :data:`REASONS`."""
SENTIMENTS: tuple[str, ...] = ("positive", "neutral", "negative")
"""The sentiment labels, from positive to negative."""
SENTIMENT_NAMES_JA = {"positive": "ポジティブ", "neutral": "中立", "negative": "ネガティブ"}
"""The Japanese display name of each sentiment."""
SENTIMENT_MEANINGS: dict[str, tuple[str, str]] = {
    "positive": ("gratitude, satisfaction, recommending the platform", "感謝・満足・おすすめしている"),
    "neutral": (
        "a report without feeling about the platform; hardship the platform did not cause",
        "プラットフォームへの感情がない報告、プラットフォームのせいではない事情",
    ),
    "negative": (
        "complaints, frustration, resignation; also plain reports of rejection, low pay or scams",
        "不満・苛立ち・諦め、不採用・低報酬・詐欺の淡々とした報告も含む",
    ),
}
"""What each sentiment means, in English and Japanese (as in ``data/GUIDELINES.md``)."""
SENTIMENT_NAMES_EN = {"positive": "positive", "neutral": "neutral", "negative": "negative"}
"""The English display name of each sentiment."""
LANGUAGES: tuple[str, ...] = ("ja", "en")
"""The languages labels have display names in (``lang=`` of :func:`taikai.labels.reason_name`)."""
