"""The word block of a model with word vectors: TF-IDF n-grams and pooled vectors over one tokenizer's output,
computed together for a batch.

:class:`WordFeatures` is a ``FeatureUnion`` of a :class:`FastTfidfVectorizer` and :class:`WordVectors`: for a few
texts it is exactly that union. For a batch it splits the tokens once and looks each up once, in one dict of every
token either block knows, and writes the sparse matrix with the dense vector columns in place. Apart, the two
blocks would split and look up every token twice and ``scipy.sparse.hstack`` would rebuild the dense columns
entry by entry: together they cost about a third of the throughput of the model without vectors, apart (measured
in docs/model_selection.md). The matrix is the one the plain union gives (a test).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.pipeline import FeatureUnion, Pipeline

from taikai.model import _vector_table
from taikai.model._lexicon import BREAK, UNKNOWN, Lexicon
from taikai.model._vector_table import VectorTable
from taikai.model._vectorizer import FastTfidfVectorizer
from taikai.model._vectors import WordVectors

Array = np.ndarray[Any, Any]

_SEPARATOR = "\x00"  # put between texts; no text holds it (those go the plain way)


def _lexicon_ids(ranks: dict[str, int], lexicon: Lexicon) -> Array:
    """Return the lexicon id of each token rank of the n-gram counter (``UNKNOWN``: none)."""
    tokens = [t for t, rank in ranks.items() if rank >= 0]
    out = np.full(max(ranks.values(), default=-1) + 1, UNKNOWN, dtype=np.int64)
    out[np.asarray([ranks[t] for t in tokens], dtype=np.int64)] = lexicon.find(tokens)
    return out


_COLUMNS: dict[int, Array] = {}


def hstack_dense(left: Any, dense: Array) -> Any:
    """Return the CSR matrix ``[left | dense]`` (float32) with the values ``scipy.sparse.hstack`` gives. The dense
    block is wrapped as a CSR matrix without a per-entry conversion (its zeros are stored), and scipy's C routine
    for CSR blocks side by side joins them."""
    n, width = dense.shape
    columns = _COLUMNS.get(width)
    if columns is None or len(columns) < n * width:
        columns = _COLUMNS[width] = np.tile(np.arange(width, dtype=np.int32), max(n, 5000))
    index = np.int32 if (n + 1) * width + left.nnz < 1 << 31 else np.int64
    block = sp.csr_matrix(
        (
            np.ascontiguousarray(dense, dtype=np.float32).ravel(),
            columns[: n * width],
            np.arange(n + 1, dtype=index) * width,
        ),
        shape=(n, width),
    )
    return sp.hstack([left.tocsr(), block], format="csr")


class FeatureBlocks(FeatureUnion, auto_wrap_output_keys=None):  # type: ignore[misc, call-arg]
    """A ``FeatureUnion`` that returns the matrix of a lone block as it is: ``FeatureUnion`` copies it through
    ``scipy.sparse.hstack`` even then (a third of a millisecond per thousand texts and 300 dense columns).

    Its output is always a matrix, whatever scikit-learn's ``transform_output``: ``sklearn.set_config(
    transform_output="pandas")`` at the top of a notebook cannot wrap a sparse matrix in a data frame, and would
    stop every classification and training. ``auto_wrap_output_keys=None`` opts the blocks out of ``set_output``,
    and they join their members' matrices under ``transform_output="default"`` (a few microseconds a call)."""

    # Pickles name the public path, so that the private module can move without breaking saved models.
    __module__ = "taikai.model"

    def fit_transform(self, X: Any, y: Any = None, **params: Any) -> Any:
        """Fit the blocks and return their matrices side by side, as ``FeatureUnion.fit_transform`` does."""
        with sklearn.config_context(transform_output="default"):
            return super().fit_transform(X, y, **params)

    def transform(self, X: Any, **params: Any) -> Any:
        """Return the blocks' matrices side by side, as ``FeatureUnion.transform`` does."""
        members = [t for _, t in self.transformer_list if t not in ("drop", "passthrough", None)]
        if len(members) != 1 or params or self.transformer_weights:
            with sklearn.config_context(transform_output="default"):
                return super().transform(X, **params)
        out = members[0].transform(X)
        return out.tocsr() if sp.issparse(out) else out

    def transform_parts(self, X: Any) -> list[Any]:
        """Return the blocks' matrices in column order, not joined (``transform`` is ``hstack`` of them): a
        linear head scores each apart (:meth:`ReasonSentimentClassifier.predict_proba_parts`), which spares
        copying dense word vectors into the sparse n-gram matrix."""
        members = [t for _, t in self.transformer_list if t not in ("drop", None)]
        if self.transformer_weights or any(isinstance(t, str) for t in members):
            return [self.transform(X)]  # weights, "passthrough": the joined matrix as one part
        parts: list[Any] = []
        for member in members:
            if isinstance(member, Pipeline) and hasattr(member[-1], "transform_parts"):
                parts.extend(member[-1].transform_parts(member[:-1].transform(X)))
            else:
                parts.append(member.transform(X))
        return parts


class WordFeatures(FeatureBlocks, auto_wrap_output_keys=None):  # type: ignore[call-arg]
    """``FeatureUnion([("tfidf", FastTfidfVectorizer), ("vectors", WordVectors)])`` over space-separated tokens,
    with one pass over a batch's tokens for both (see the module)."""

    # Pickles name the public path, so that the private module can move without breaking saved models.
    __module__ = "taikai.model"

    def _pair(self) -> tuple[FastTfidfVectorizer, WordVectors] | None:
        members = [(name, t) for name, t in self.transformer_list if t not in ("drop", None)]
        if len(members) != 2 or self.transformer_weights or self.n_jobs not in (None, 1):
            return None
        (_, tfidf), (_, vectors) = members
        if isinstance(tfidf, FastTfidfVectorizer) and isinstance(vectors, WordVectors):
            return tfidf, vectors
        return None

    def _lexicon_ids(self, counter: Any, table: VectorTable) -> Array:
        cached = self.__dict__.get("_joint_cache")
        if cached is not None and cached[0] is counter and cached[1] == table.digest:
            found: Array = cached[2]
            return found
        ids = _lexicon_ids(counter.rank, table.lexicon())
        self.__dict__["_joint_cache"] = (counter, table.digest, ids)
        return ids

    def transform(self, X: Any, **params: Any) -> Any:
        """Return ``[TF-IDF | pooled vectors]`` of the tokenized texts *X*, as ``FeatureUnion.transform`` does."""
        parts = None if params else self._joint_parts(X)
        if parts is None:
            return super().transform(X, **params)
        return hstack_dense(*parts)

    def transform_parts(self, X: Any) -> list[Any]:
        """Return ``[TF-IDF, pooled vectors]`` (sparse, dense) of the tokenized texts *X*."""
        parts = self._joint_parts(X)
        return super().transform_parts(X) if parts is None else list(parts)

    def _joint_parts(self, X: Any) -> tuple[Any, Array] | None:
        """Return (TF-IDF, pooled vectors) from one pass over the tokens, or ``None`` where the plain union
        applies (a few texts, another make-up)."""
        pair = self._pair()
        docs = X if isinstance(X, list) else list(X)
        if pair is None or len(docs) < FastTfidfVectorizer.FAST_MIN_DOCS or any(_SEPARATOR in d for d in docs):
            return None
        tfidf, vectors = pair
        table = vectors._table()
        counter = tfidf._word_counter()
        if counter is None:
            return None
        # One lookup per token, in the n-gram counter's small table; only the tokens outside its vocabulary are
        # looked up again, in the lexicon.
        tokens = counter.stream(docs)
        if len(tokens) < _vector_table.DICT_MIN_TOKENS and "_joint_cache" not in self.__dict__:
            return None
        ranks = tokens.ranks
        ngrams = tfidf._tfidf_of(counter.count_ranks(ranks), len(docs))
        lexicon = table.lexicon()
        known = ranks >= 0
        ids = np.where(known, self._lexicon_ids(counter, table)[np.where(known, ranks, 0)], ranks)
        outside = np.flatnonzero(ranks == UNKNOWN)
        ids[outside] = lexicon.find(tokens.pick(outside.tolist()))
        positions, keys = lexicon.segment(ids)
        pooled = vectors._pool(table, len(docs), np.cumsum(ranks == BREAK)[positions], keys)
        return ngrams, pooled

    def __getstate__(self) -> dict[str, Any]:
        state: dict[str, Any] = super().__getstate__()
        state.pop("_joint_cache", None)
        return state
