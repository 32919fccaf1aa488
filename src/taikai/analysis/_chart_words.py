"""The words of the report's charts (titles, axes) in each language of the page."""

from __future__ import annotations

from taikai.errors import check_choice

WORDS = {
    "ja": {
        "count": "件数",
        "share": "割合",
        "reasons": "退会理由の分布",
        "primary": "主な理由",
        "stated": "記載された理由",
        "sentiment": "理由ごとの感情",
        "segments": "{by} ごとの退会理由",
        "trend": "退会理由の推移 (件数)",
        "trend_shares": "退会理由の推移 (割合)",
        "sentiment_shares": "感情の推移 (割合)",
        "confusion": "混同行列",
        "predicted": "予測",
        "gold": "正解",
    },
    "en": {
        "count": "count",
        "share": "share",
        "reasons": "Reasons",
        "primary": "primary reason",
        "stated": "stated reasons",
        "sentiment": "Sentiment per reason",
        "segments": "Reasons per {by}",
        "trend": "Reasons over time (count)",
        "trend_shares": "Reasons over time (share)",
        "sentiment_shares": "Sentiment over time (share)",
        "confusion": "Confusion matrix",
        "predicted": "predicted",
        "gold": "gold",
    },
}


CHURN_WORDS = {"ja": (("退会理由", "理由"),), "en": ()}
"""Per language, the words that name the churn taxonomy's subject and what a chart of labels of one's own writes
instead, as the page's own words do (``Phrases.for_own_labels``)."""


def words(lang: str, own: bool = False) -> dict[str, str]:
    """The words of the charts in *lang*; another language is an :class:`InputError`. *own*: the labels are their
    user's own (:func:`taikai.labels.own_labels`, news topics, say), which are no churn reasons (理由, not 退会理由)."""
    check_choice("lang", lang, WORDS)
    said = WORDS[lang]
    for churn, plain in CHURN_WORDS[lang] if own else ():
        said = {key: value.replace(churn, plain) for key, value in said.items()}
    return said
