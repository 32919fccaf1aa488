"""Compound lookup: runs of up to three tokens are matched greedily from the left, longest first, the same way by
the plain loop (a few texts, binary search) and by the vectorised Lexicon (a batch), never across two texts."""

import numpy as np
import pytest

from taikai.model import _vector_table
from taikai.model._lexicon import BREAK, UNKNOWN, Lexicon, segment_texts

KEYS = ["手数", "料", "手数 料", "振込", "振込 手数 料", "システム 利用 料", "利用", "高い", "a b", "b c d"]


def _plain(texts):
    index = {k: i for i, k in enumerate(KEYS)}
    return segment_texts(texts, lambda run: index.get(run, -1), 3)


def _vectorised(texts):
    lexicon = Lexicon.from_words(KEYS)
    stream, doc_of = [], []
    for doc, tokens in enumerate(texts):
        if doc:
            stream.append(BREAK)
            doc_of.append(-1)
        stream.extend(lexicon.find(tokens).tolist())
        doc_of.extend([doc] * len(tokens))
    positions, keys = lexicon.segment(np.asarray(stream, dtype=np.int64))
    return np.asarray(doc_of, dtype=np.int64)[positions], keys


@pytest.mark.parametrize("segment", [_plain, _vectorised], ids=["plain", "vectorised"])
@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        ("手数 料 が 高い", ["手数 料", "高い"]),  # a compound is taken before its parts
        ("振込 手数 料", ["振込 手数 料"]),  # three tokens before two
        ("振込 手数", ["振込", "手数"]),  # no run: each token alone
        ("手数 手数 料", ["手数", "手数 料"]),  # a token that starts no run falls back to itself
        ("システム 利用 料", ["システム 利用 料"]),  # the parts of a run need no key of their own
        ("システム 利用", ["利用"]),  # ... and alone they are unknown
        ("利用 料", ["利用", "料"]),
        ("a b c d", ["a b"]),  # greedy from the left: a b wins, so b c d is never tried; c, d unknown
        ("x b c d", ["b c d"]),
        ("", []),
        ("謎 の 語", []),
    ],
)
def test_runs_are_matched_greedily_longest_first(segment, tokens, expected):
    docs, keys = segment([tokens.split(), ["高い"]])
    assert [KEYS[k] for k, d in zip(keys, docs) if d == 0] == expected
    assert [KEYS[k] for k, d in zip(keys, docs) if d == 1] == ["高い"]


@pytest.mark.parametrize(
    ("split", "expected"), [(1, [(0, "振込"), (1, "手数 料")]), (2, [(0, "振込"), (0, "手数"), (1, "料")])]
)
def test_no_run_crosses_two_texts(split, expected):
    tokens = ["振込", "手数", "料"]
    docs, keys = _vectorised([tokens[:split], tokens[split:]])
    assert [(int(d), KEYS[k]) for d, k in zip(docs, keys)] == expected


@pytest.mark.parametrize("seed", range(5))
def test_the_vectorised_lookup_matches_the_plain_one_on_random_streams(seed):
    rng = np.random.default_rng(seed)
    vocabulary = ["手数", "料", "振込", "システム", "利用", "高い", "a", "b", "c", "d", "謎"]
    texts = [list(rng.choice(vocabulary, size=rng.integers(0, 30))) for _ in range(50)]
    plain, vectorised = _plain(texts), _vectorised(texts)
    np.testing.assert_array_equal(plain[0], vectorised[0])
    np.testing.assert_array_equal(plain[1], vectorised[1])


def test_unknown_tokens_have_no_id():
    lexicon = Lexicon.from_words(KEYS)
    assert lexicon.find(["謎", "システム"]).tolist()[0] == UNKNOWN
    [system] = lexicon.find(["システム"])
    assert system >= len(KEYS) and lexicon.single[system] == -1  # a part of a run only: an id after the keys


@pytest.mark.parametrize("large", [False, True], ids=["bisect", "lexicon"])
def test_a_table_segments_the_same_both_ways(tmp_path, monkeypatch, large):
    table = _vector_table.make_table({k: [float(i), 1.0] for i, k in enumerate(KEYS)}, "test")
    monkeypatch.setattr(_vector_table, "DICT_MIN_TOKENS", 1 if large else 10**9)
    monkeypatch.setattr(_vector_table, "_LEXICONS", {})
    docs, keys = table.segment([["振込", "手数", "料", "が", "高い"], ["手数", "料"]])
    words = table.words()
    assert [(int(d), words[k]) for d, k in zip(docs, keys)] == [(0, "振込 手数 料"), (0, "高い"), (1, "手数 料")]
    assert (table.digest in _vector_table._LEXICONS) is large
