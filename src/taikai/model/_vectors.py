"""Pretrained word vectors for the model's tokens: a packed table keyed by the words the tokenizer writes, and
:class:`WordVectors`, which pools them into one dense row per text.

The table (``taikai.model._vector_table``) is keyed by the tokens of :class:`taikai.text.JapaneseTokenizer` with
``form="base"``, so the vector block reads the very tokens the TF-IDF block counts: one MeCab pass per text serves
both.

A fitted :class:`WordVectors` holds no table, only the table's name and digest: every model shares the one file,
and a model refuses to run when the file it finds is not the one it was trained with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from taikai.errors import ModelError
from taikai.model._fields import TRAIN_COMMAND, Retrain, said
from taikai.model._vector_table import (
    DEFAULT_VECTORS,
    VectorTable,
    check_vectors,
    load_table,
    located_vectors,
    table_path,
)

__all__ = ["DEFAULT_VECTORS", "WordVectors", "check_vectors", "located_vectors"]


def table_missing(name: str, retrain: str | Callable[[], str], digest: str | None = None) -> str | None:
    """Return the error of the word-vector table *name* of the user's own (not the shipped one, which taikai brings
    back) not found where a model trained with it reads it: put it back there (a copy of *digest*, where it is
    known), or retrain the model with a table one has (*retrain*: its retrain command, or what makes it); ``None``
    for the shipped table, or one whose ``table.json`` is there (:func:`check_vectors` says what is wrong with it)."""
    if name == DEFAULT_VECTORS or (table_path(name) / "table.json").exists():
        return None
    copy = f" (a copy whose table.json's digest begins {digest[:12]})" if digest else ""
    return (
        f"the word-vector table this model was trained with was not found at {table_path(name)}: put it back "
        f"there{copy}, or retrain the model with a table you have (vectors= names it): {said(retrain)}"
    )


class WordVectors(TransformerMixin, BaseEstimator, auto_wrap_output_keys=None):  # type: ignore[misc, call-arg]
    """Pool pretrained word vectors over each text's tokens into one dense row: the sum (equivalently the mean)
    of the vectors of the tokens the table knows, L2-normalised, times ``weight``. A text without a known token
    gets zeros.

    The input is what :class:`taikai.text.JapaneseTokenizer` writes: tokens separated by spaces. ``table`` names
    the vector table (:func:`table_path`). Fitting learns nothing from the texts; it records the table's
    ``digest_`` (checked on every use), ``dim_`` and the share of training tokens with a vector (``coverage_``).
    Its output is an array whatever scikit-learn's ``transform_output`` (as :class:`FeatureBlocks`).
    """

    # Pickles name the public path, so that the private module can move without breaking saved models.
    __module__ = "taikai.model"

    def __init__(self, table: str = DEFAULT_VECTORS, weight: float = 1.0):
        self.table = table
        self.weight = weight

    def fit(self, X: Iterable[str], y: object = None) -> WordVectors:
        """Check the table and record what it is; measure the share of *X*'s tokens it knows (alone or in a
        compound)."""
        table = load_table(self.table)
        texts = [d.split() for d in X]
        _, keys = table.segment(texts)
        covered = int(table.key_tokens()[keys].sum())
        self.digest_ = table.digest
        self.dim_ = table.dim
        self.coverage_ = covered / max(1, sum(map(len, texts)))
        return self

    def _table(self, retrain: Retrain = TRAIN_COMMAND) -> VectorTable:
        """Return the table, refusing (:class:`ModelError`) one missing or not the one of :attr:`digest_`, with
        *retrain*, the model's own retrain command where it is known (:func:`check_tables`), as what to do."""
        check_is_fitted(self, "digest_")
        own = self.table != DEFAULT_VECTORS  # a table of the user's: no taikai version brings it back
        try:
            table = load_table(self.table)
        except ModelError as exc:
            missing = table_missing(self.table, retrain, self.digest_)
            if missing is None:
                raise
            raise ModelError(missing) from exc
        if table.digest != self.digest_:
            fix = (
                f"put back the table it was trained with (its table.json's digest begins {self.digest_[:12]}), or "
                "retrain the model with the table now there"
                if own
                else "install the taikai version that trained it, or retrain the model"
            )
            raise ModelError(
                f"the word-vector table {table_path(self.table)} (digest {table.digest[:12]}) is not the one this "
                f"model was trained with ({self.digest_[:12]}); {fix}: {said(retrain)}"
            )
        return table

    def transform(self, X: Iterable[str]) -> npt.NDArray[Any]:
        """Return an (n_texts, dim_) float32 array: each text's pooled, normalised vector."""
        table = self._table()
        texts = [d.split() for d in X]
        docs, keys = table.segment(texts)
        return self._pool(table, len(texts), docs, keys)

    def _pool(
        self, table: VectorTable, n_texts: int, docs: npt.NDArray[Any], keys: npt.NDArray[Any]
    ) -> npt.NDArray[Any]:
        """Return the (n_texts, dim_) pooled, normalised vectors of the matched *keys*, each in text *docs*."""
        if len(docs) > 1 and (docs[1:] < docs[:-1]).any():
            order = np.argsort(docs, kind="stable")
            docs, keys = docs[order], keys[order]
        # One row per text, one entry per matched key (repeats add up): the CSR matrix is written directly.
        indptr = np.concatenate([[0], np.cumsum(np.bincount(docs, minlength=n_texts))])
        # The product adds each text's vectors in the order of its entries whichever rows the columns number.
        vectors, columns = table.used32(table.rows[keys])
        counts = sp.csr_matrix((np.ones(len(keys), dtype=np.float32), columns, indptr), shape=(n_texts, len(vectors)))
        out = np.asarray(counts @ vectors, dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out /= np.where(norms > 0, norms, 1.0)
        if self.weight != 1.0:
            out *= np.float32(self.weight)
        return out

    def words_of(self, prepared: str) -> tuple[list[str], npt.NDArray[Any], float]:
        """Return the words of one tokenized text whose vectors :meth:`transform` pools (a compound key's tokens
        joined by spaces, once per match), their vectors (float64) and the factor their sum is scaled by (``weight``
        over the sum's norm; 0 when nothing matched): the pooled row is ``vectors.sum(axis=0) * scale``, up to the
        float32 rounding of :meth:`transform`."""
        table = self._table()
        _, keys = table.segment([prepared.split()])
        blob, offsets = table.blob, table.offsets
        words = [blob[offsets[k] : offsets[k + 1] - 1].decode("utf-8") for k in keys]
        vectors = np.asarray(table.matrix32()[table.rows[keys]], dtype=np.float64).reshape(len(keys), table.dim)
        norm = float(np.linalg.norm(vectors.sum(axis=0)))
        return words, vectors, self.weight / norm if norm > 0 else 0.0

    def get_feature_names_out(self, input_features: object = None) -> npt.NDArray[Any]:
        """Return ``vector0`` … ``vector{dim_-1}``."""
        check_is_fitted(self, "dim_")
        return np.array([f"vector{i}" for i in range(self.dim_)], dtype=object)


def check_tables(pipeline: Any, command: Retrain) -> None:
    """Refuse (:class:`ModelError`) a loaded model whose word-vector table is missing or not the one it was trained
    with, as every prediction would, so that loading (``taikai info``) says so, with the model's own retrain
    *command* (:func:`~taikai.model._retrain.retrain_command`, or what makes it) as what to do. The blocks hold no
    command: a model whose table changes after loading is refused by it again where it classifies
    (``Model.classify``)."""
    for value in pipeline.get_params(deep=True).values():
        if isinstance(value, WordVectors):
            value._table(command)
