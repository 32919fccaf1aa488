"""Counting rows into DriftStatistics: statuses, non-Japanese texts, tokens against a vocabulary, confidence."""

import numpy as np
import pytest

from taikai.drift import StatisticsBuilder
from taikai.text import Status, WordTagger


@pytest.fixture
def builder():
    known = frozenset({"手数", "料", "高い", "が"})
    return StatisticsBuilder("t", ["fees", "time"], ["negative", "positive"], known, WordTagger("base"))


def test_rows_are_counted_by_status_tokens_and_prediction(builder):
    texts = ["手数料が高い", "", None, "english only", "Upwork proposal connects 手数料", "本業が忙しい"]
    reason = np.array([[0.9, 0.1], [np.nan] * 2, [np.nan] * 2, [np.nan] * 2, [0.45, 0.55], [0.2, 0.8]])
    sentiment = np.array([[0.7, 0.3], [np.nan] * 2, [np.nan] * 2, [np.nan] * 2, [0.5, 0.5], [0.1, 0.9]])
    builder.add(builder.measure(texts, None, reason, sentiment))
    s = builder.build()
    assert (s.rows, s.empty, s.error, s.foreign) == (6, 2, 1, 1)
    assert s.classified == 3 and s.word_rows == 3
    assert s.reasons == {"fees": 1, "time": 2} and s.sentiments == {"negative": 2, "positive": 1}
    assert s.confidence[18] == 1 and s.confidence[11] == 1 and s.confidence[16] == 1  # 0.9, 0.55, 0.8
    assert s.confidence_sum == pytest.approx(0.9 + 0.55 + 0.8)
    # 手数 料 が 高い | upwork proposal connects 手数 料 | 本業 が 忙しい: 4 + 5 + 3 tokens, 5 unknown
    assert (s.tokens, s.oov_tokens) == (12, 5)
    assert s.words["手数料"] == 2 and "が" not in s.words


def test_given_statuses_win_and_a_fold_vocabulary_replaces_the_models(builder):
    texts = ["手数料が高い", "手数料が高い"]
    proba = np.array([[0.6, 0.4], [0.6, 0.4]])
    rows = builder.measure(texts, [Status.OK, Status.ERROR], proba, proba, known=frozenset({"手数"}))
    builder.add(rows)
    s = builder.build()
    assert (s.error, s.classified, s.tokens, s.oov_tokens) == (1, 1, 4, 3)


def test_one_measured_row_counts_in_several_builders(builder):
    rows = builder.measure(["手数料が高い"], None, np.array([[0.7, 0.3]]), np.empty((1, 0)))
    other = builder.child("period")
    builder.add(rows)
    other.add(rows)
    assert builder.build().words == other.build().words == {"手数料": 1, "高い": 1}
    assert other.build().sentiments == {"negative": 0, "positive": 0}  # no sentiment probabilities given


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("連絡は taro@example.com まで", {"連絡"}),
        ("連絡は yamada.taro(at)gmail.com まで", {"連絡"}),
        ("連絡は taro at example dot com まで", {"連絡"}),
        ("連絡は taro アットマーク example ドット com まで", {"連絡"}),
        ("note.com/tanaka_writer/n/n123abc を見て", {"見る"}),
        ("https://example.com/profile/tanaka を見て", {"見る"}),
        # not an address: masking keeps it (at is an English function word in an English phrase: no word)
        ("work at example.com で働く", {"work", "example", "com", "働く"}),
    ],
)
def test_e_mail_addresses_and_urls_are_no_words_as_masking_finds_them(builder, text, words):
    rows = builder.measure([text], None, np.array([[0.6, 0.4]]), np.empty((1, 0)))
    assert set(rows[0].words) == words


@pytest.mark.parametrize(
    ("text", "tokens", "oov"),
    [
        ("詳しくは [URL] を見て", 6, 0),  # 詳しい は ○ を 見る て: the placeholder reads as known, as url does
        ("詳しくは https://example.com/a を見て", 6, 0),  # the unmasked URL: url, a known token
        ("[人名]さんに連絡", 4, 0),
        ("○○さんに連絡", 5, 2),  # the writer's own ○ stay unknown
        ("○[人名]さんに連絡", 5, 1),  # … beside a placeholder too
    ],
)
def test_a_placeholder_reads_as_a_known_token(text, tokens, oov):
    """Regression: --mask-pii made drift: a URL is the known token url, masked it was ○, out of vocabulary."""
    known = frozenset({"詳しい", "は", "を", "見る", "て", "url", "さん", "に", "連絡"})
    builder = StatisticsBuilder("t", ["fees", "time"], ["negative", "positive"], known, WordTagger("base"))
    builder.add(builder.measure([text], None, np.array([[0.6, 0.4]]), np.empty((1, 0))))
    s = builder.build()
    assert (s.tokens, s.oov_tokens) == (tokens, oov)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[人名]氏がひどい", {"ひどい"}),  # ○氏: UniDic splits it, and 氏 alone was a new word
        ("[人名]先生に相談", {"相談"}),
        ("[人名]殿から連絡", {"連絡"}),
        ("[人名] さんに連絡", {"連絡"}),  # a space between: さん alone
        ("[人名]さんが音信不通", {"音信", "不通"}),
        ("クライアントの[人名]氏から連絡", {"クライアント", "連絡"}),
        ("先生に相談", {"先生", "相談"}),  # no placeholder: the word stays
    ],
)
def test_an_honorific_after_a_placeholder_is_no_word(builder, text, words):
    """Regression: drift --mask-pii listed 氏, 先生, 殿 and さん among its new words ("reference: absent"): masked,
    a name's honorific stood alone, which the reference never had (田中氏 is one word)."""
    rows = builder.measure([text], None, np.array([[0.6, 0.4]]), np.empty((1, 0)))
    assert set(rows[0].words) == words


@pytest.mark.parametrize(
    ("text", "foreign"),
    [
        ("手数料abc", False),
        ("手数料abcd", True),
        ("Upwork proposal connects 手数料", True),
        ("手数料が高い", False),
        ('<div class="review"><p>手数料が高い</p></div>', False),  # h382: a tag's letters are no English
    ],
)
def test_a_text_is_foreign_when_under_half_its_letters_are_japanese(builder, text, foreign):
    """Exactly half (3 of 6 letters) is Japanese; 3 of 7 is not (mutation audit: '<=' for '<' survived)."""
    rows = builder.measure([text], None, np.array([[0.6, 0.4]]), np.empty((1, 0)))
    assert rows[0].status is Status.OK and rows[0].foreign is foreign
