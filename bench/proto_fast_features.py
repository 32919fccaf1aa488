"""Prototype (not used by taikai): count TF-IDF n-grams with numpy instead of scikit-learn's per-n-gram Python loop.

``python bench/proto_fast_features.py DUMP.csv [--model DIR]`` times, on the dump's texts, scikit-learn's
``transform`` of the word and character TF-IDF steps against vectorised counting fed to the same fitted
``TfidfTransformer``, and checks that the matrices are identical. A proposal for the model code, measured here.
"""

from __future__ import annotations

import argparse
import csv
import time
from itertools import chain

import numpy as np
import scipy.sparse as sp

import taikai
from taikai.text import check_text


def _keys(cps: np.ndarray, n: int) -> np.ndarray:
    """Pack each run of *n* code points (21 bits each) into one int64 key."""
    k = cps[: len(cps) - n + 1].copy()
    for j in range(1, n):
        k = (k << 21) | cps[j : len(cps) - n + 1 + j]
    return k


def _sorted_table(keys: list[int], cols: list[int]) -> tuple[np.ndarray, np.ndarray]:
    keys_a, cols_a = np.array(keys, dtype=np.int64), np.array(cols, dtype=np.int64)
    order = np.argsort(keys_a)
    return keys_a[order], cols_a[order]


def _lookup(table, keys: np.ndarray, valid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (positions, columns) of the *keys* found in *table*."""
    known, cols = table
    if not len(known):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pos = np.searchsorted(known, keys).clip(max=len(known) - 1)
    hit = (known[pos] == keys) & valid
    return np.flatnonzero(hit), cols[pos[hit]]


def _csr(rows, cols, shape) -> sp.csr_matrix:
    data = np.ones(len(rows), dtype=np.int64)
    matrix = sp.csr_matrix((data, (rows, cols)), shape=shape)
    matrix.sum_duplicates()
    matrix.sort_indices()
    return matrix


class FastChar:
    """Character n-gram counts of a fitted ``TfidfVectorizer(analyzer='char')`` (texts already normalised)."""

    def __init__(self, vec):
        self.vec, self.shape1 = vec, len(vec.vocabulary_)
        lo, hi = vec.ngram_range
        self.tables = {}
        for n in range(lo, hi + 1):
            grams = [(g, i) for g, i in vec.vocabulary_.items() if len(g) == n]
            keys = [int(_keys(np.array([ord(c) for c in g], dtype=np.int64), n)[0]) for g, _ in grams]
            self.tables[n] = _sorted_table(keys, [i for _, i in grams])

    def transform(self, docs: list[str]):
        """Return the same matrix as ``vec.transform(docs)``."""
        lens = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
        cps = np.frombuffer("\x00".join(docs).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        doc_id = np.repeat(np.arange(len(docs)), lens + 1)[: len(cps)]
        sep = cps == 0
        rows, cols = [], []
        for n, table in self.tables.items():
            if len(cps) < n:
                continue
            keys = _keys(cps, n)
            valid = ~sep[: len(keys)]
            for j in range(1, n):
                valid &= ~sep[j : len(keys) + j]
            pos, found = _lookup(table, keys, valid)
            rows.append(doc_id[pos])
            cols.append(found)
        counts = _csr(np.concatenate(rows), np.concatenate(cols), (len(docs), self.shape1))
        return self.vec._tfidf.transform(counts.astype(self.vec.dtype), copy=False)


class FastWord:
    """Word 1-2-gram counts of a fitted ``TfidfVectorizer(token_pattern=r'\\S+')`` over space-joined tokens."""

    def __init__(self, vec):
        self.vec, self.shape1 = vec, len(vec.vocabulary_)
        unigrams = {g: i for g, i in vec.vocabulary_.items() if " " not in g}
        self.rank = {g: r for r, g in enumerate(unigrams)}
        self.uni_cols = np.array(list(unigrams.values()), dtype=np.int64)
        size = len(self.rank)
        keys, cols = [], []
        for g, i in vec.vocabulary_.items():
            parts = g.split(" ")
            if len(parts) == 2 and parts[0] in self.rank and parts[1] in self.rank:
                keys.append(self.rank[parts[0]] * size + self.rank[parts[1]])
                cols.append(i)
        self.bigrams = _sorted_table(keys, cols)

    def transform(self, docs: list[str]):
        """Return the same matrix as ``vec.transform(docs)``."""
        tokens = [d.split() for d in docs]
        lens = np.fromiter(map(len, tokens), dtype=np.int64, count=len(docs))
        get = self.rank.get
        ranks = np.fromiter((get(t, -1) for t in chain.from_iterable(tokens)), dtype=np.int64, count=int(lens.sum()))
        doc_id = np.repeat(np.arange(len(docs)), lens)
        known = ranks >= 0
        rows, cols = [doc_id[known]], [self.uni_cols[ranks[known]]]
        if len(ranks) > 1:
            keys = ranks[:-1] * len(self.rank) + ranks[1:]
            valid = known[:-1] & known[1:] & (doc_id[:-1] == doc_id[1:])
            pos, found = _lookup(self.bigrams, keys, valid)
            rows.append(doc_id[pos])
            cols.append(found)
        counts = _csr(np.concatenate(rows), np.concatenate(cols), (len(docs), self.shape1))
        return self.vec._tfidf.transform(counts.astype(self.vec.dtype), copy=False)


def main() -> None:
    """Time scikit-learn against the vectorised counting on a dump's texts, and check equality."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    model = taikai.load_model(args.model)
    with open(args.dump, encoding="utf-8", newline="") as f:
        texts = [c.text for c in (check_text(r["text"]) for r in csv.DictReader(f)) if c.ok]
    union = model.pipeline.named_steps["features"]
    parts = dict(union.transformer_list)
    tokenizer, words = parts["words"][0], parts["words"][-1]
    start = time.perf_counter()
    tokens = tokenizer.transform(texts)
    print(f"{len(texts):,} texts; tokenise {time.perf_counter() - start:.2f} s")
    for name, vec, fast, docs in (("words", words, FastWord, tokens), ("chars", parts.get("chars"), FastChar, texts)):
        if vec is None:
            continue
        start = time.perf_counter()
        want = vec.transform(docs)
        slow = time.perf_counter() - start
        start = time.perf_counter()
        counter = fast(vec)
        setup = time.perf_counter() - start
        start = time.perf_counter()
        got = counter.transform(docs)
        quick = time.perf_counter() - start
        same = (want != got).nnz == 0
        print(
            f"{name} ({len(vec.vocabulary_):,} features): scikit-learn {slow:.2f} s, vectorised {quick:.2f} s "
            f"({slow / quick:.1f}x; once per model: {setup:.2f} s), identical: {same}"
        )


if __name__ == "__main__":
    main()
