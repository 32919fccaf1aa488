"""Pretrained word vectors for the model's tokens: a packed table keyed by the words the tokenizer writes, and
:class:`WordVectors`, which pools them into one dense row per text.

The table (the directory ``vectors/chive`` beside this module, written by ``scripts/extract_vectors.py``) is keyed
by the tokens of :class:`taikai.text.JapaneseTokenizer` with ``form="base"``: each dictionary form (orthBase) of the
MeCab dictionary, resolved to a chiVe vector through its UniDic lemma, else itself. So the vector block reads
the very tokens the TF-IDF block counts: one MeCab pass per text serves both. The keys are stored sorted, one per
line (``keys.txt``, read as one blob: no Python object per word until a large batch needs a dict), the row of each
(``rows.npy``) and the float16 vectors (``matrix.npy``, memory-mapped: a few texts read only their rows), with
``table.json`` (digest, source).

A fitted :class:`WordVectors` holds no table, only the table's name and digest: every model shares the one file,
and a model refuses to run when the file it finds is not the one it was trained with.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from taikai.errors import ModelError

Array = np.ndarray[Any, Any]

TABLE_DIR = Path(__file__).resolve().parent / "vectors"
"""Where named tables live (package data)."""
DEFAULT_VECTORS = "chive"
"""The table ``scripts/extract_vectors.py`` builds: chiVe (Apache-2.0) from the ja-ginza 5.3.0 wheel (MIT); see
``vectors/NOTICE.md``. It is not in the repository: the shipped model does not use vectors (docs/model_selection.md)."""
DICT_MIN_TOKENS = 4096
"""From this many tokens in one call, words are looked up through a dict built once per process; below it, by
binary search in the packed keys, which costs nothing to set up (``taikai predict TEXT`` stays fast)."""


def table_path(name: str) -> Path:
    """Return the directory of the vector table *name*: a name in ``TABLE_DIR`` (``chive``), or a path."""
    if "/" in name or "\\" in name:
        return Path(name)
    return TABLE_DIR / name


class _Ranks(dict[str, int]):
    """Key index of each word; an unknown word is -1 (a lookup that misses costs no exception)."""

    def __missing__(self, key: str) -> int:
        return -1


@dataclass(frozen=True, eq=False)
class VectorTable:
    """Word vectors keyed by tokens: key *i* is ``blob[offsets[i]:offsets[i+1]]`` (UTF-8, sorted by bytes), its
    vector is ``matrix[rows[i]]``. ``digest`` is the sha256 of the content, ``source`` says where it came from."""

    blob: bytes
    offsets: Array
    rows: Array
    matrix: Array
    digest: str
    source: str

    @property
    def dim(self) -> int:
        return int(self.matrix.shape[1])

    def __len__(self) -> int:
        return len(self.rows)

    def words(self) -> list[str]:
        """Return the keys, in table order."""
        return self.blob.decode("utf-8").split("\n")[:-1]

    def _ranks(self) -> _Ranks:
        ranks = _RANKS.get(self.digest)
        if ranks is None:
            ranks = _RANKS[self.digest] = _Ranks(zip(self.words(), range(len(self))))
        return ranks

    def _search(self, word: str) -> int:
        blob, offsets = self.blob, self.offsets
        key = word.encode("utf-8")
        lo, hi = 0, len(self)
        while lo < hi:  # bisect over the packed keys
            mid = (lo + hi) // 2
            if blob[offsets[mid] : offsets[mid + 1] - 1] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self) and blob[offsets[lo] : offsets[lo + 1] - 1] == key:
            return lo
        return -1

    def find(self, words: Sequence[str]) -> Array:
        """Return the key index of each word (-1 where the table has none)."""
        large = len(words) >= DICT_MIN_TOKENS or self.digest in _RANKS
        lookup = self._ranks().__getitem__ if large else self._search
        return np.fromiter(map(lookup, words), dtype=np.int64, count=len(words))


_TABLES: dict[tuple[str, int, int], VectorTable] = {}
_RANKS: dict[str, _Ranks] = {}


def table_digest(blob: bytes, rows: Array, matrix: Array) -> str:
    """Return the sha256 that names a table's content."""
    digest = hashlib.sha256(blob)
    for array in (rows, matrix):
        digest.update(np.ascontiguousarray(array).tobytes())
    return digest.hexdigest()


def _offsets(blob: bytes) -> Array:
    """Return where each key of a packed blob starts, and one past the end (each key ends with a line break)."""
    ends = np.flatnonzero(np.frombuffer(blob, dtype=np.uint8) == ord("\n")) + 1
    return np.concatenate([[0], ends]).astype(np.int64)


def make_table(vectors: dict[str, Array], source: str) -> VectorTable:
    """Return a table of *vectors* (word → vector; words without spaces or line breaks), rows shared by equal
    vectors, stored as float16."""
    words = sorted(vectors, key=lambda w: w.encode("utf-8"))
    bad = [w for w in words if not w or w != w.strip() or " " in w or "\n" in w]
    if bad:
        raise ValueError(f"a key must be one token without spaces or line breaks: {bad[:5]}")
    blob = "".join(w + "\n" for w in words).encode("utf-8")
    if words:
        stacked = np.stack([np.asarray(vectors[w], dtype=np.float16) for w in words])
        matrix, inverse = np.unique(stacked, axis=0, return_inverse=True)
    else:
        matrix, inverse = np.zeros((0, 0), dtype=np.float16), np.zeros(0, dtype=np.int64)
    rows = inverse.reshape(-1).astype(np.uint16 if len(matrix) <= 1 << 16 else np.int32)
    return VectorTable(blob, _offsets(blob), rows, matrix, table_digest(blob, rows, matrix), source)


def save_table(table: VectorTable, path: Path) -> None:
    """Write *table* into the directory *path* (plain files: no pickle inside)."""
    path.mkdir(parents=True, exist_ok=True)
    (path / "keys.txt").write_bytes(table.blob)
    np.save(path / "rows.npy", table.rows)
    np.save(path / "matrix.npy", table.matrix)
    info = {"digest": table.digest, "source": table.source, "keys": len(table), "shape": list(table.matrix.shape)}
    (path / "table.json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load_table(name: str) -> VectorTable:
    """Return the vector table *name* (see :func:`table_path`), read once per process and directory."""
    path = table_path(name)
    try:
        stat = (path / "table.json").stat()
    except OSError as exc:
        raise ModelError(
            f"word-vector table {name!r} not found at {path}; build it with scripts/extract_vectors.py "
            "(from the ja-ginza wheel: see docs/model_selection.md), or train without vectors (vectors=None)"
        ) from exc
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    table = _TABLES.get(key)
    if table is None:
        try:
            info = json.loads((path / "table.json").read_text(encoding="utf-8"))
            blob = (path / "keys.txt").read_bytes()
            rows = np.load(path / "rows.npy", allow_pickle=False)
            matrix = np.load(path / "matrix.npy", mmap_mode="r", allow_pickle=False)
            table = VectorTable(blob, _offsets(blob), rows, matrix, str(info["digest"]), str(info["source"]))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(
                f"{path}: not a word-vector table ({exc}); rebuild it with scripts/extract_vectors.py"
            ) from exc
        if len(table.offsets) - 1 != len(rows):
            raise ModelError(f"{path}: {len(table.offsets) - 1} keys but {len(rows)} rows; rebuild it")
        _TABLES[key] = table
    return table


class WordVectors(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Pool pretrained word vectors over each text's tokens into one dense row: the sum (equivalently the mean)
    of the vectors of the tokens the table knows, L2-normalised, times ``weight``. A text without a known token
    gets zeros.

    The input is what :class:`taikai.text.JapaneseTokenizer` writes: tokens separated by spaces. ``table`` names
    the vector table (:func:`table_path`). Fitting learns nothing from the texts; it records the table's
    ``digest_`` (checked on every use), ``dim_`` and the share of training tokens with a vector (``coverage_``).
    """

    # Pickles name the public path, so that the private module can move without breaking saved models.
    __module__ = "taikai.model"

    def __init__(self, table: str = DEFAULT_VECTORS, weight: float = 1.0):
        self.table = table
        self.weight = weight

    def fit(self, X: Iterable[str], y: object = None) -> WordVectors:
        """Check the table and record what it is; measure the share of *X*'s tokens it knows."""
        table = load_table(self.table)
        tokens = " ".join(X).split()
        self.digest_ = table.digest
        self.dim_ = table.dim
        self.coverage_ = float((table.find(tokens) >= 0).mean()) if tokens else 0.0
        return self

    def _table(self) -> VectorTable:
        check_is_fitted(self, "digest_")
        table = load_table(self.table)
        if table.digest != self.digest_:
            raise ModelError(
                f"the word-vector table {table_path(self.table)} (digest {table.digest[:12]}) is not the one this "
                f"model was trained with ({self.digest_[:12]}); install the taikai version that trained it, "
                "or retrain the model: taikai train DATA.csv --out MODEL_DIR"
            )
        return table

    def transform(self, X: Iterable[str]) -> Array:
        """Return an (n_texts, dim_) float32 array: each text's pooled, normalised vector."""
        table = self._table()
        docs = X if isinstance(X, list) else list(X)
        counts = np.fromiter((d.count(" ") + 1 if d.strip() else 0 for d in docs), dtype=np.int64, count=len(docs))
        tokens = " ".join(docs).split()
        if len(tokens) != counts.sum():  # texts with runs of spaces: count their tokens exactly
            counts = np.fromiter((len(d.split()) for d in docs), dtype=np.int64, count=len(docs))
        doc_of = np.repeat(np.arange(len(docs)), counts)
        keys = table.find(tokens)
        known = keys >= 0
        rows = table.rows[keys[known]]
        used, column = np.unique(rows, return_inverse=True)
        pooled_counts = sp.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (doc_of[known], column.reshape(-1))),
            shape=(len(docs), len(used)),
        )
        out = np.asarray(pooled_counts @ table.matrix[used].astype(np.float32), dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out /= np.where(norms > 0, norms, 1.0)
        if self.weight != 1.0:
            out *= np.float32(self.weight)
        return out

    def get_feature_names_out(self, input_features: object = None) -> Array:
        """Return ``vector0`` … ``vector{dim_-1}``."""
        check_is_fitted(self, "dim_")
        return np.array([f"vector{i}" for i in range(self.dim_)], dtype=object)
