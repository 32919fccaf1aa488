"""A batch's token ranks found in Arrow are those of ``str.split()`` and a dict lookup per token, whatever spaces the
documents hold; other whitespace and lone surrogates go the Python way."""

from __future__ import annotations

import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from taikai.model import _token_ranks
from taikai.model._token_ranks import OTHER_SPACES, ArrowRanks, gram_tokens
from taikai.model._vectorizer import _BREAK, _WordCounter

VOCABULARY = {"手数料": 0, "が": 1, "高い": 2, "手数料 が": 3, "時給": 4, "URL": 5, "́": 6}
DOCS = ["手数料 が 高い", "時給 が 安い", "未知 の 語", "( ́ω `*)", "", "手数料  が", " 高い ", "高い"]


def python_ranks(counter: _WordCounter, docs: list[str]) -> tuple[list[int], list[str]]:
    tokens = f" {_BREAK} ".join(docs).split()
    return [counter.rank[t] for t in tokens], tokens


@pytest.mark.parametrize(
    "docs",
    [
        DOCS,
        DOCS * 50,
        ["  "] * 3,  # only spaces: no token but the breaks
        ["手数料\tが", "高い"],  # a tab: Python's split
        ["時給\u3000が", "高い\u2028"],  # U+3000, a line separator: Python's split
        ["高い\ud800"],  # a lone surrogate: Arrow cannot hold it
        [],
    ],
)
def test_ranks_are_those_of_str_split(docs):
    counter = _WordCounter(VOCABULARY)
    stream = counter.stream(docs)
    ranks, tokens = python_ranks(counter, docs)
    assert stream.ranks.dtype == np.int64
    assert stream.ranks.tolist() == ranks
    assert len(stream) == len(tokens)
    assert stream.pick(list(range(len(tokens)))) == tokens
    assert stream.pick([]) == []


@pytest.mark.parametrize(
    ("joined", "arrow"),
    [
        ("手数料 が \x00 高い", True),
        ("手数料  が ", True),
        ("手数料\tが", False),
        ("手数料\u3000が", False),
        ("手数料\x85が", False),
        ("手数料\ud800", False),
    ],
)
def test_arrow_splits_only_at_spaces(joined, arrow):
    found = ArrowRanks({"手数料": 0, "が": 1}, -1).stream(joined)
    assert (found is not None) is arrow
    if found is not None:
        assert found.pick(list(range(len(found)))) == joined.split()
        assert found.ranks.tolist() == [{"手数料": 0, "が": 1}.get(t, -1) for t in joined.split()]


def test_other_spaces_are_what_str_split_splits_at_but_the_space():
    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    matched = pc.match_substring_regex(pa.array(chars, type=pa.large_string()), OTHER_SPACES).to_pylist()
    want = [len(f"a{c}b".split()) == 2 and c != " " for c in chars]
    assert [c for c, m, w in zip(chars, matched, want, strict=True) if m != w] == []


def looped_gram_tokens(grams: list[str]) -> tuple[list[str], list[int], list[int]]:
    """The tokens of *grams* and the ranks of each gram's first and second token, as a loop over them finds them."""
    tokens = sorted({t for g in grams for t in g.split(" ")})
    rank = {t: r for r, t in enumerate(tokens)}
    parts = [g.split(" ") for g in grams]
    return tokens, [rank[p[0]] for p in parts], [rank[p[1]] if len(p) > 1 else -1 for p in parts]


GRAMS = [
    [*VOCABULARY],
    ["高い 手数料", "手数料", "が 高い", "が", "高い"],  # a token first seen in a bigram
    ["手数料  が", " 高い", "高い "],  # empty pieces, as str.split(" ") keeps them
    ["高い\ud800", "高い\ud800 が"],  # a lone surrogate: Arrow cannot hold it
    [],
]


@pytest.mark.parametrize("grams", GRAMS)
@pytest.mark.parametrize("way", ["arrow", "python"])
def test_gram_tokens_are_those_of_a_loop(grams, way):
    split = gram_tokens if way == "arrow" else _token_ranks._python_gram_tokens
    tokens, first, second = split(grams)
    assert first.dtype == second.dtype == np.int64
    assert (tokens, first.tolist(), second.tolist()) == looped_gram_tokens(grams)


@pytest.mark.parametrize("grams", GRAMS[:3])
def test_the_counter_holds_the_vocabulary_as_a_loop_over_it_does(grams):
    vocabulary = {g: 3 * k + 1 for k, g in enumerate(grams)}
    counter = _WordCounter(vocabulary)
    tokens, first, second = looped_gram_tokens(grams)
    assert list(counter.rank.items()) == [*zip(tokens, range(len(tokens))), (_BREAK, -2)]
    unigrams = {f: col for f, s, col in zip(first, second, vocabulary.values()) if s < 0}
    assert counter.unigram_col.tolist() == [unigrams.get(r, -1) for r in range(len(tokens))]
    keys, columns = counter.bigrams
    bigrams = [(f * len(tokens) + s, col) for f, s, col in zip(first, second, vocabulary.values()) if s >= 0]
    assert list(zip(keys.tolist(), columns.tolist())) == bigrams
