"""The vectorised TF-IDF transform gives exactly scikit-learn's matrix."""

import pickle

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from taikai.model import FastTfidfVectorizer
from taikai.model._vectorizer import _CharCounter, _WordCounter
from taikai.text import JapaneseTokenizer, normalize

TEXTS = [
    "手数料が高すぎて続けられませんでした",
    "提案しても提案しても選ばれない。心が折れた",
    "本業が忙しくて時間がない",
    "直接契約になったので卒業です!ありがとう",
    "時給換算で300円。割に合わない",
    "納品したのに報酬が支払われなかった",
    "ココナラに移りました",
    "なんとなく飽きた",
]
UNSEEN = ["手数料  が\t高い", "", "a", "ｶﾞﾝﾊﾞﾘﾏｽ", "まったく知らない単語ばかり", "報酬 が 高い 時給"] * 20
WORDS = JapaneseTokenizer().transform([normalize(t) for t in TEXTS])
UNSEEN_WORDS = JapaneseTokenizer().transform([normalize(t) for t in UNSEEN])


@pytest.mark.parametrize(
    ("params", "train", "test"),
    [
        ({"analyzer": "char", "ngram_range": (1, 3)}, TEXTS, UNSEEN + TEXTS * 10),
        ({"analyzer": "char", "ngram_range": (2, 3)}, TEXTS, UNSEEN + TEXTS * 10),
        ({"analyzer": "char", "ngram_range": (1, 1)}, TEXTS, UNSEEN),
        ({"analyzer": "char", "ngram_range": (2, 4)}, TEXTS, UNSEEN),  # beyond 3: scikit-learn's own path
        ({"token_pattern": r"\S+", "ngram_range": (1, 2)}, WORDS, UNSEEN_WORDS + WORDS * 10),
        ({"token_pattern": r"\S+", "ngram_range": (1, 1)}, WORDS, UNSEEN_WORDS),
        ({"token_pattern": r"\S+", "ngram_range": (2, 2)}, WORDS, UNSEEN_WORDS),
        ({"token_pattern": r"\S+", "ngram_range": (1, 3)}, WORDS, UNSEEN_WORDS),
    ],
)
@pytest.mark.parametrize("sublinear_tf", [True, False])
def test_same_matrix_as_scikit_learn(params, train, test, sublinear_tf):
    kwargs = dict(lowercase=False, sublinear_tf=sublinear_tf, dtype=np.float32, **params)
    want = TfidfVectorizer(**kwargs).fit(train).transform(test)
    fast = FastTfidfVectorizer(**kwargs).fit(train)
    got = fast.transform(test)
    assert got.shape == want.shape
    assert (got != want).nnz == 0
    assert got.dtype == want.dtype


@pytest.mark.parametrize(
    ("params", "train"), [({"analyzer": "char"}, TEXTS), ({"token_pattern": r"\S+", "ngram_range": (1, 2)}, WORDS)]
)
def test_small_batches_and_nul_characters_use_scikit_learn(monkeypatch, params, train):
    fast = FastTfidfVectorizer(lowercase=False, **params).fit(train)
    want = TfidfVectorizer(lowercase=False, **params).fit(train)

    def refuse(self, docs):
        raise AssertionError("the fast path ran")

    monkeypatch.setattr(_CharCounter, "count", refuse)
    monkeypatch.setattr(_WordCounter, "count", refuse)
    with pytest.raises(AssertionError, match="the fast path ran"):
        fast.transform(train * 10)  # a large batch does take the fast path
    for docs in (train[:3], ["手数\x00料"] * 100):  # these never reach it
        assert (fast.transform(docs) != want.transform(docs)).nnz == 0


def test_lookup_tables_are_not_pickled():
    fast = FastTfidfVectorizer(analyzer="char", lowercase=False).fit(TEXTS)
    fast.transform(TEXTS * 10)
    assert "_counter" in fast.__dict__
    restored = pickle.loads(pickle.dumps(fast))
    assert "_counter" not in restored.__dict__
    assert (restored.transform(TEXTS * 10) != fast.transform(TEXTS * 10)).nnz == 0


def test_parameters_are_scikit_learns():
    assert FastTfidfVectorizer(min_df=2).get_params() == TfidfVectorizer(min_df=2).get_params()


def test_refitting_in_place_rebuilds_the_lookup_tables():
    fast = FastTfidfVectorizer(analyzer="char", lowercase=False)
    fast.fit(TEXTS).transform(TEXTS * 10)
    other = ["全く別の文章を学習させる", "語彙がまるで違う"]
    got = fast.fit(other).transform(TEXTS * 10)
    want = TfidfVectorizer(analyzer="char", lowercase=False).fit(other).transform(TEXTS * 10)
    assert (got != want).nnz == 0
