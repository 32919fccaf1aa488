"""The churn taxonomy (taikai._taxonomy): its reasons and sentiments, each named and defined in Japanese and
English."""

from taikai.labels import (
    REASON_IDS,
    REASONS,
    SENTIMENT_MEANINGS,
    SENTIMENTS,
)


def test_taxonomy_is_complete():
    assert REASON_IDS == ("low_pay", "fees", "rejection", "time", "graduated", "platform_switch", "trouble", "other")
    assert SENTIMENTS == ("positive", "neutral", "negative")
    assert all(r.name_ja and r.meaning for r in REASONS)


def test_every_label_has_a_japanese_and_english_definition():
    assert all(r.meaning_ja for r in REASONS)
    assert set(SENTIMENT_MEANINGS) == set(SENTIMENTS) and all(en and ja for en, ja in SENTIMENT_MEANINGS.values())
