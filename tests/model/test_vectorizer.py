"""The vectorised TF-IDF transform gives exactly scikit-learn's matrix; its vocabulary is pickled packed (model
format 6) and the dict of older pickles still loads."""

import io
import pickle

import joblib
import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from taikai.model import FastTfidfVectorizer, _vectorizer
from taikai.model._vectorizer import _CharCounter, _WordCounter, count_matrix, pack_vocabulary, unpack_vocabulary
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


@pytest.mark.parametrize(
    "vocabulary",
    [
        {},
        {"a": 0},
        {"手数料": 1, "手数料 高い": 0, "高い": 2},  # columns not in the dict's order
        {"𠮷野家": 0, "🙂": 1, "ｶﾞ": 2},  # outside the BMP, half-width
        {" ": 0, "\n改行": 1, "\x00": 2, "a b": 3, "": 4},  # white space, NUL, an empty string
        {"\x00": 0, "\x01\x02": 1},  # the first characters taken: another separator
        {f"語{i}": i for i in range(5000)},
    ],
)
def test_packed_vocabulary_unpacks_to_the_same_dict_in_the_same_order(vocabulary):
    packed = pack_vocabulary(vocabulary)
    assert packed is not None
    text, separator, columns = packed
    assert len(separator) == 1 and not any(separator in g for g in vocabulary)
    assert text == separator.join(vocabulary) and len(columns) == len(vocabulary)
    unpacked = unpack_vocabulary(packed)
    assert unpacked == vocabulary and list(unpacked.items()) == list(vocabulary.items())
    assert all(type(c) is int for c in unpacked.values())


@pytest.mark.parametrize("vocabulary", [None, ["a", "b"], {1: 0}, {"a": "0"}, {"a": 0.5}])
def test_what_is_not_a_vocabulary_is_not_packed(vocabulary):
    assert pack_vocabulary(vocabulary) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda text, separator, columns: (text + separator + "x", separator, columns),
        lambda text, separator, columns: (text, "\x01", columns),
        lambda text, separator, columns: (text, separator, columns[:-1]),
        lambda text, separator, columns: (text, "", columns),
    ],
)
def test_a_damaged_packed_vocabulary_is_refused(damage):
    packed = pack_vocabulary({"手数料": 0, "高い": 1, "時給": 2})
    assert packed is not None
    with pytest.raises(ValueError, match="does not add up: the artifact is damaged; retrain the model"):
        unpack_vocabulary(damage(*packed))


def _joblib_round_trip(estimator):
    buffer = io.BytesIO()
    joblib.dump(estimator, buffer)
    buffer.seek(0)
    return joblib.load(buffer)


@pytest.mark.parametrize("form", ["packed", "dict"])  # dict: the pickles of model formats 2-5
@pytest.mark.parametrize("load", [lambda f: pickle.loads(pickle.dumps(f)), _joblib_round_trip])
@pytest.mark.parametrize(
    ("params", "train", "test"),
    [
        ({"analyzer": "char", "ngram_range": (1, 3)}, TEXTS, UNSEEN + TEXTS * 10),
        ({"token_pattern": r"\S+", "ngram_range": (1, 2)}, WORDS, UNSEEN_WORDS + WORDS * 10),
        ({"token_pattern": r"\S+", "ngram_range": (1, 3)}, WORDS, UNSEEN_WORDS),  # scikit-learn's own path
    ],
)
def test_both_pickled_forms_load_with_the_same_vocabulary_and_matrix(monkeypatch, form, load, params, train, test):
    fast = FastTfidfVectorizer(lowercase=False, **params).fit(train)
    if form == "dict":
        monkeypatch.setattr(_vectorizer, "pack_vocabulary", lambda vocabulary: None)
        assert "vocabulary_" in fast.__getstate__()
    else:
        state = fast.__getstate__()
        assert "vocabulary_" not in state and isinstance(state["_packed_vocabulary"][0], str)
    restored = load(fast)
    assert "vocabulary_" in fast.__dict__ and "_packed_vocabulary" not in fast.__dict__  # pickling left it alone
    assert "_packed_vocabulary" not in restored.__dict__
    assert list(restored.vocabulary_.items()) == list(fast.vocabulary_.items())
    assert (restored.transform(test) != fast.transform(test)).nnz == 0
    assert (restored.transform(test[:3]) != fast.transform(test[:3])).nnz == 0


@pytest.mark.parametrize(
    ("rows", "cols", "shape"),
    [
        ([], [], (3, 4)),  # nothing counted: three empty rows
        ([0, 0, 0], [2, 2, 2], (1, 3)),  # one pair three times
        ([2, 0, 2, 1, 0], [1, 3, 0, 3, 3], (4, 5)),  # rows and columns out of order, an empty last row
        ([0, 1, 0, 1], [7, 7, 0, 7], (2, 8)),  # unigrams then bigrams of the same texts, as the counter gives them
        ([3, 1, 3], [0, 0, 0], (5, 1)),  # one column: empty first, middle and last rows
        ([1, 0, 1, 1], [8, 8, 7, 0], (2, 9)),  # a column past a power of two: a key's column takes 4 bits
    ],
)
def test_count_matrix_is_scipys_summed_and_sorted_matrix(rows, cols, shape):
    r, c = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    expected = sp.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=shape)
    expected.sum_duplicates()
    expected.sort_indices()
    got = count_matrix(r, c, shape, np.float32)
    assert got.shape == shape and got.dtype == np.float32
    assert got.indptr.tolist() == expected.indptr.tolist()
    assert got.indices.tolist() == expected.indices.tolist()
    assert got.data.tolist() == expected.data.tolist()
