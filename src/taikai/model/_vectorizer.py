"""A TfidfVectorizer whose ``transform`` counts n-grams with numpy, giving the very same matrix, faster.

scikit-learn counts n-grams in a per-n-gram Python loop, which costs several times the tokenizer itself. For the
two analyzers taikai uses (space-separated word 1–2-grams, character 1–3-grams on normalised text), the n-grams of
a whole batch can instead be packed into integer keys and looked up at once in a hash index of the vocabulary.
Anything else falls back to scikit-learn's own ``transform``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from taikai.model._token_ranks import ArrowRanks, TokenStream, gram_tokens

if TYPE_CHECKING:
    import pandas as pd

_BITS = 21  # a Unicode code point fits in 21 bits, so three of them fit in one int64 key
_WHITE_SPACES = re.compile(r"\s\s+")  # what scikit-learn's char analyzer collapses first


Array = np.ndarray[Any, Any]
Counts = tuple[list[Array], list[Array]]


def _pack(codes: Array, n: int) -> Array:
    """Return one int64 key per run of *n* consecutive codes."""
    keys = codes[: len(codes) - n + 1].copy()
    for j in range(1, n):
        keys = (keys << _BITS) | codes[j : len(codes) - n + 1 + j]
    packed: Array = keys
    return packed


def _table(keys: Any, columns: Any) -> tuple[pd.Index, Array]:
    """Return a hash index of n-gram *keys* (unique) and the vocabulary column of each."""
    import pandas as pd  # only for its hash index; imported when a large batch first needs it

    return pd.Index(np.asarray(keys, dtype=np.int64)), np.asarray(columns, dtype=np.int64)


def _lookup(table: tuple[pd.Index, Array], keys: Array, valid: Array) -> tuple[Array, Array]:
    """Return (positions in *keys*, vocabulary columns) of the valid keys found in *table*."""
    known, columns = table
    if not len(known) or not len(keys):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    found = known.get_indexer(keys)
    hit = (found >= 0) & valid
    return np.flatnonzero(hit), columns[found[hit]]


class _CharCounter:
    """Character n-gram counter for a fitted ``analyzer='char'`` vectorizer with n ≤ 3."""

    def __init__(self, vocabulary: dict[str, int], ngram_range: tuple[int, int]):
        self.tables: dict[int, tuple[pd.Index, Array]] = {}
        for n in range(ngram_range[0], ngram_range[1] + 1):
            grams = [(g, col) for g, col in vocabulary.items() if len(g) == n]
            raw = np.frombuffer("".join(g for g, _ in grams).encode("utf-32-le"), dtype=np.uint32)
            codes = raw.astype(np.int64).reshape(len(grams), n)
            keys = codes[:, 0].copy()
            for j in range(1, n):
                keys = (keys << _BITS) | codes[:, j]
            self.tables[n] = _table(keys, [col for _, col in grams])

    def count(self, docs: list[str]) -> Counts:
        docs = [_WHITE_SPACES.sub(" ", d) for d in docs]
        lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
        codes = np.frombuffer("\x00".join(docs).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        doc_of = np.repeat(np.arange(len(docs)), lengths + 1)[: len(codes)]
        separator = codes == 0
        rows: list[Array] = []
        cols: list[Array] = []
        for n, table in self.tables.items():
            if len(codes) < n:
                continue
            keys = _pack(codes, n)
            valid = ~separator[: len(keys)]
            for j in range(1, n):
                valid &= ~separator[j : len(keys) + j]
            pos, found = _lookup(table, keys, valid)
            rows.append(doc_of[pos])
            cols.append(found)
        return rows, cols


_BREAK = "\x00"  # put between documents; no document holds it (transform leaves those to scikit-learn)


class _Ranks(dict[str, int]):
    """Token ranks; an unknown token is -1 (a lookup that misses costs no exception)."""

    def __missing__(self, key: str) -> int:
        return -1


class _WordCounter:
    """Word 1–2-gram counter for a fitted vectorizer over space-separated tokens (``token_pattern=r'\\S+'``)."""

    def __init__(self, vocabulary: dict[str, int]):
        # The grams split and ranked by Arrow (gram_tokens): a loop over them took some 0.03 CPU s in every process.
        tokens, first, second = gram_tokens(list(vocabulary))
        columns = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(vocabulary))
        self.rank = _Ranks(zip(tokens, range(len(tokens))))
        self.size = len(self.rank)
        self.rank[_BREAK] = -2
        self.unigram_col = np.full(self.size, -1, dtype=np.int64)
        one = second < 0
        self.unigram_col[first[one]] = columns[one]
        self.bigrams = _table(first[~one] * self.size + second[~one], columns[~one])
        self._arrow: ArrowRanks | None = None

    def count(self, docs: list[str]) -> Counts:
        return self.count_ranks(self.stream(docs).ranks)

    def stream(self, docs: list[str]) -> TokenStream:
        """Return the tokens of *docs* with their ranks, a break token between two documents: one split of all
        documents and no Python loop over the tokens (Arrow's, see :mod:`taikai.model._token_ranks`)."""
        joined = f" {_BREAK} ".join(docs)
        if self._arrow is None:  # made on first use: pyarrow is imported only for a batch
            self._arrow = ArrowRanks(self.rank, -1)
        found = self._arrow.stream(joined)
        if found is not None:
            return found
        tokens = joined.split()
        return TokenStream(np.fromiter(map(self.rank.__getitem__, tokens), dtype=np.int64, count=len(tokens)), tokens)

    def count_ranks(self, ranks: Array) -> Counts:
        """Count the n-grams of a stream of token ranks (-1: unknown; -2: a break between two documents)."""
        doc_of = np.cumsum(ranks == -2)  # the document of each token: the breaks before it
        known = ranks >= 0
        unigram = np.where(known, self.unigram_col[np.where(known, ranks, 0)], -1)
        rows, cols = [doc_of[unigram >= 0]], [unigram[unigram >= 0]]
        if len(ranks) > 1:
            keys = ranks[:-1] * self.size + ranks[1:]
            valid = known[:-1] & known[1:]  # a break between two documents is not known: no bigram crosses it
            pos, found = _lookup(self.bigrams, keys, valid)
            rows.append(doc_of[pos])
            cols.append(found)
        return rows, cols


def count_matrix(rows: Array, cols: Array, shape: tuple[int, int], dtype: Any) -> Any:
    """Return the CSR matrix counting each (row, column) pair, in canonical form (indices sorted, no repeats).

    The same matrix as ``csr_matrix((ones, (rows, cols)))`` with ``sum_duplicates()``, faster: one sort of the
    pairs as single int64 keys, where scipy converts from COO and then sorts every row apart. A key is the row's
    bits above the column's, so that a column is a mask of a key and the rows' bounds a binary search of the
    sorted keys (a division and a count of every pair's row cost about a fifth of the whole).
    """
    n_rows, n_cols = shape
    shift = max(n_cols - 1, 1).bit_length()  # the bits of the largest column
    keys = np.sort((rows.astype(np.int64) << shift) | cols)
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1]))) if len(keys) else keys
    data = np.diff(np.append(starts, len(keys))).astype(dtype)
    unique = keys[starts]
    col = unique & ((1 << shift) - 1)
    indptr = np.searchsorted(unique, np.arange(n_rows + 1, dtype=np.int64) << shift)
    index = np.int32 if max(len(data), n_cols) < 1 << 31 else np.int64
    return sp.csr_matrix((data, col.astype(index), indptr.astype(index)), shape=shape)


_PACKED = "_packed_vocabulary"  # the key of the packed ``vocabulary_`` in a pickled state (model format 6)
PackedVocabulary = tuple[str, str, Array]


def pack_vocabulary(vocabulary: object) -> PackedVocabulary | None:
    """Return a vocabulary ``{n-gram: column}`` as one string of every n-gram (in the dict's order, joined by a
    character none of them holds), that separator, and the column of each; ``None`` when it is not such a dict.

    Unpickling tens of thousands of short strings one by one is most of the time a model takes to load (joblib
    reads pickles with the pure-Python unpickler); one string and an array take a fraction of it, and
    ``str.split`` cuts the string up again in C.
    """
    if not isinstance(vocabulary, dict) or not all(type(g) is str for g in vocabulary):
        return None
    if not all(isinstance(c, int | np.integer) for c in vocabulary.values()):
        return None
    used = set().union(*vocabulary) if vocabulary else set()
    separator = next(chr(c) for c in range(len(used) + 1) if chr(c) not in used)
    columns = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(vocabulary))
    return separator.join(vocabulary), separator, columns


def unpack_vocabulary(packed: PackedVocabulary) -> dict[str, int]:
    """Return the vocabulary :func:`pack_vocabulary` packed: the same n-grams, columns and order."""
    text, separator, columns = packed
    grams = text.split(separator) if len(columns) and len(separator) == 1 else []
    if len(grams) != len(columns):
        raise ValueError(
            f"a packed vocabulary of {len(grams)} n-grams (separated by {separator!r}) and {len(columns)} columns "
            "does not add up: the artifact is damaged; retrain the model"
        )
    return dict(zip(grams, columns.tolist()))


class FastTfidfVectorizer(TfidfVectorizer):  # type: ignore[misc]
    """``TfidfVectorizer`` with a vectorised ``transform`` for taikai's analyzers; same parameters, same output.

    Batches smaller than ``FAST_MIN_DOCS`` use scikit-learn's loop, which needs no lookup tables.
    """

    # Pickles name the public path, so that the private module can move without breaking saved models.
    __module__ = "taikai.model"

    FAST_MIN_DOCS = 64

    def _fast_counter(self) -> _CharCounter | _WordCounter | None:
        cached = self.__dict__.get("_counter")
        if cached is not None and cached[0] is self.vocabulary_:  # a refit makes a new vocabulary_
            found: _CharCounter | _WordCounter | None = cached[1]
            return found
        plain = (
            self.preprocessor is None
            and self.stop_words is None
            and self.strip_accents is None
            and not self.lowercase
            and not self.binary
            and self.input == "content"
        )
        counter: _CharCounter | _WordCounter | None = None
        if plain and self.analyzer == "char" and self.ngram_range[1] <= 3:
            counter = _CharCounter(self.vocabulary_, self.ngram_range)
        elif plain and self.analyzer == "word" and self.tokenizer is None and self.token_pattern == r"\S+":
            counter = _WordCounter(self.vocabulary_) if self.ngram_range[1] <= 2 else None
        self.__dict__["_counter"] = (self.vocabulary_, counter)
        return counter

    def transform(self, raw_documents: Any) -> Any:
        """Return the TF-IDF matrix of *raw_documents*, identical to ``TfidfVectorizer.transform``."""
        check_is_fitted(self, "vocabulary_")
        docs = raw_documents if isinstance(raw_documents, list) else list(raw_documents)
        if len(docs) < self.FAST_MIN_DOCS:
            return super().transform(docs)
        counter = self._fast_counter()
        if counter is None or any("\x00" in d for d in docs):
            return super().transform(docs)
        return self._tfidf_of(counter.count(docs), len(docs))

    def _word_counter(self) -> _WordCounter | None:
        """Return the fast counter of a word n-gram vectorizer (its ``rank`` of tokens, ``count_ranks``), or
        ``None`` where its analyzer has none."""
        check_is_fitted(self, "vocabulary_")
        counter = self._fast_counter()
        return counter if isinstance(counter, _WordCounter) else None

    def _tfidf_of(self, counted: Counts, n_docs: int) -> Any:
        """Return the TF-IDF matrix of the n-grams a fast counter found in *n_docs* documents."""
        rows, cols = counted
        counts = count_matrix(np.concatenate(rows), np.concatenate(cols), (n_docs, len(self.vocabulary_)), self.dtype)
        return self._tfidf.transform(counts, copy=False)

    def __getstate__(self) -> dict[str, Any]:
        state: dict[str, Any] = dict(super().__getstate__())  # a copy: object.__getstate__ gives the __dict__
        state.pop("_counter", None)
        # scikit-learn caches id(stop_words) to skip re-checking them: an address, different in every process,
        # that made two trainings of the same data save different bytes (and so different artifact sha256).
        # Without it the check simply runs again, once, when an analyzer is next built.
        state.pop("_stop_words_id", None)
        packed = pack_vocabulary(state.get("vocabulary_"))
        if packed is not None:
            del state["vocabulary_"]
            state[_PACKED] = packed
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        packed = state.pop(_PACKED, None)
        if packed is not None:  # model format 6 on; before, the pickle held the dict (still read as it is)
            state["vocabulary_"] = unpack_vocabulary(packed)
        super().__setstate__(state)
