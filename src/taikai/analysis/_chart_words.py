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


def words(lang: str) -> dict[str, str]:
    """The words of the charts in *lang*; another language is an :class:`InputError`."""
    check_choice("lang", lang, WORDS)
    return WORDS[lang]
