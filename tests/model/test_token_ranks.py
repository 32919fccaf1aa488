"""A batch's token ranks found in Arrow are those of ``str.split()`` and a dict lookup per token, whatever spaces the
documents hold; other whitespace and lone surrogates go the Python way."""

from __future__ import annotations

import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from taikai.model._token_ranks import OTHER_SPACES, ArrowRanks
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
