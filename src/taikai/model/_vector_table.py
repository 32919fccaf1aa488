"""The packed word-vector table: the words the tokenizer writes as keys, one float16 vector each.

The table (the directory ``vectors/chive`` beside this module, written by ``scripts/extract_vectors.py``) is keyed
by the tokens of :class:`taikai.text.JapaneseTokenizer` with ``form="base"``: each dictionary form (orthBase) of the
MeCab dictionary, resolved to a chiVe vector through its UniDic lemma, else itself. The keys are stored sorted, one
per line (``keys.txt``, read as one blob: no Python object per word until a large batch needs a dict), the row of
each (``rows.npy``) and the float16 vectors (``matrix.npy``, memory-mapped: a few texts read only their rows), with
``table.json`` (digest, source). :class:`taikai.model.WordVectors` pools them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from taikai.errors import ModelError
from taikai.model._lexicon import BREAK, Lexicon, segment_texts

Array = np.ndarray[Any, Any]

TABLE_DIR = Path(__file__).resolve().parent / "vectors"
"""Where named tables live (package data)."""
DEFAULT_VECTORS = "chive"
"""The table ``scripts/extract_vectors.py`` builds: chiVe (Apache-2.0) from the ja-ginza 5.3.0 wheel (MIT); see
``vectors/NOTICE.md``. It is in the repository and the wheel: the shipped model uses it (docs/model_selection.md)."""
MAX_RUN = 3
"""The longest compound key, in tokens: runs of up to this many tokens are looked up joined first."""
DICT_MIN_TOKENS = 4096
"""From this many tokens in one call, words are looked up through a :class:`Lexicon` built once per process; below
it, by binary search in the packed keys, which costs nothing to set up (``taikai predict TEXT`` stays fast)."""
FEW_ROWS = 4096
"""Below this many matched keys in one call, :meth:`VectorTable.used32` converts only their rows to float32."""


def table_path(name: str) -> Path:
    """Return the directory of the vector table *name*: a name in ``TABLE_DIR`` (``chive``), or a path."""
    if "/" in name or "\\" in name:
        return Path(name)
    return TABLE_DIR / name


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
    lexicon_file: Path | None = None  # the lexicon built with the table (``lexicon.npz``), if any

    @property
    def dim(self) -> int:
        return int(self.matrix.shape[1])

    def __len__(self) -> int:
        return len(self.rows)

    def words(self) -> list[str]:
        """Return the keys, in table order."""
        return self.blob.decode("utf-8").split("\n")[:-1]

    def key_tokens(self) -> Array:
        """Return how many tokens each key holds (1 for a word, 2–``MAX_RUN`` for a compound), counted once per
        process from the packed keys (no string per key)."""
        found = _KEY_TOKENS.get(self.digest)
        if found is None:
            spaces = np.concatenate([[0], np.cumsum(np.frombuffer(self.blob, dtype=np.uint8) == ord(" "))])
            found = _KEY_TOKENS[self.digest] = spaces[self.offsets[1:]] - spaces[self.offsets[:-1]] + 1
        return found

    def matrix32(self) -> Array:
        """Return the vectors as float32, converted once per process."""
        found = _MATRICES.get(self.digest)
        if found is None:
            found = _MATRICES[self.digest] = np.asarray(self.matrix, dtype=np.float32)
        return found

    def used32(self, rows: Array) -> tuple[Array, Array]:
        """Return ``(vectors, columns)``: float32 vectors and, for each of *rows* (matrix rows), its row in them, so
        that ``vectors[columns]`` is ``matrix32()[rows]``. For fewer than ``FEW_ROWS`` rows, while the whole matrix
        is not converted yet, only the rows used are read and converted (``taikai predict TEXT`` reads a few of the
        matrix's 19,610 rows, not all of them); else the whole matrix (:meth:`matrix32`) and *rows* as they are."""
        if len(rows) >= FEW_ROWS or self.digest in _MATRICES:
            return self.matrix32(), rows
        used, columns = np.unique(rows, return_inverse=True)
        return np.asarray(self.matrix[used], dtype=np.float32), columns.reshape(-1)

    def lexicon(self) -> Lexicon:
        """Return the keys as token ids and runs (:class:`Lexicon`), built once per process."""
        lexicon = _LEXICONS.get(self.digest)
        if lexicon is None:
            lexicon = _LEXICONS[self.digest] = self._read_lexicon() or Lexicon.build(self.blob)
        return lexicon

    def _read_lexicon(self) -> Lexicon | None:
        """Return the lexicon saved with the table (a few arrays: no work per key), or ``None`` when there is none
        or it belongs to another table."""
        if self.lexicon_file is None:
            return None
        try:
            with np.load(self.lexicon_file, allow_pickle=False) as saved:
                arrays = {name: saved[name] for name in saved.files}
        except (OSError, ValueError):
            return None
        return Lexicon(arrays) if str(arrays.pop("of", "")) == self.digest else None

    def search(self, word: str) -> int:
        """Return the key index of *word* (a token, or tokens joined by single spaces), or -1: binary search in
        the packed keys, which needs nothing built."""
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

    def segment(self, texts: Sequence[Sequence[str]]) -> tuple[Array, Array]:
        """Return (text of each match, key of each match) for the tokens of each text: runs of up to ``MAX_RUN``
        tokens that are compound keys first, greedy and longest first (:mod:`taikai.model._lexicon`). A large
        batch goes through the :meth:`lexicon`, a few texts through binary search: the same matches."""
        n_tokens = sum(map(len, texts))
        if n_tokens < DICT_MIN_TOKENS and self.digest not in _LEXICONS:
            return segment_texts(texts, self.search, MAX_RUN)
        lexicon = self.lexicon()
        counts = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        ids = lexicon.find([t for tokens in texts for t in tokens])
        starts = np.cumsum(counts) - counts
        ids = np.insert(ids, starts, BREAK)  # a break before every text: no run crosses two
        positions, keys = lexicon.segment(ids)
        return np.searchsorted(starts + np.arange(len(texts)), positions, side="right") - 1, keys


_TABLES: dict[tuple[str, int, int], VectorTable] = {}
_LEXICONS: dict[str, Lexicon] = {}
_MATRICES: dict[str, Array] = {}
_KEY_TOKENS: dict[str, Array] = {}


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
    """Return a table of *vectors* (key → vector), rows shared by equal vectors, stored as float16. A key is one
    token, or a compound: 2–``MAX_RUN`` tokens joined by single spaces."""
    words = sorted(vectors, key=lambda w: w.encode("utf-8"))
    bad = [w for w in words if "\n" in w or not 1 <= len(w.split(" ")) <= MAX_RUN or w.split() != w.split(" ")]
    if bad:
        raise ValueError(f"a key must be 1–{MAX_RUN} tokens joined by single spaces, without line breaks: {bad[:5]}")
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
    arrays: dict[str, Any] = {"of": np.asarray(table.digest), **table.lexicon().arrays()}
    np.savez(path / "lexicon.npz", **arrays)
    (path / "table.json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def located_vectors(name: str) -> str:
    """Return the name a model records for the vector table *name*: a table's name in ``TABLE_DIR`` (``chive``) as it
    is, a path made absolute, so that the model finds its table from any working directory, not only the one it
    was trained in."""
    path = table_path(name)
    return name if path == TABLE_DIR / name else os.path.abspath(path)


def check_vectors(name: str) -> None:
    """Raise :class:`ModelError`, saying how to build it, unless the vector table *name* can be read."""
    load_table(name)


def _own_missing(name: str, path: Path) -> str:
    """Return what is wrong with ``vectors=`` *name*, a table of one's own not found at *path* (:func:`table_path`),
    and how a table of one's own is given: by the path of the directory holding its ``table.json`` (a bare name is
    a table inside taikai, and a folder of that name here is said to be given as ``./NAME``)."""
    here = Path(name)
    if path != here and (here / "table.json").exists():  # a folder here, given by a bare name
        return (
            f"word-vector table {name!r} not found at {path}: a bare name is a table inside taikai; give your own "
            f"table by its path: vectors={os.path.join('.', name)!r}"
        )
    where = "" if path.is_absolute() else f" (from the current directory, {os.getcwd()})"
    return (
        f"word-vector table {name!r} not found at {path}{where}: give vectors= the path of your own table (the "
        f"directory holding its table.json), or {DEFAULT_VECTORS!r} for the table that ships with taikai"
    )


def load_table(name: str) -> VectorTable:
    """Return the vector table *name* (see :func:`table_path`), read once per process and directory."""
    path = table_path(name)
    try:
        stat = (path / "table.json").stat()
    except OSError as exc:
        words_only = "(config=FeatureConfig(vectors=None) in Python, --vectors none on the command line)"
        if name != DEFAULT_VECTORS:  # a table of one's own: scripts/extract_vectors.py builds chiVe, not it
            raise ModelError(f"{_own_missing(name, path)}, or train without vectors {words_only}") from exc
        raise ModelError(
            f"word-vector table {name!r} not found at {path}; it ships with taikai: reinstall taikai, or rebuild it "
            f"with scripts/extract_vectors.py (from the ja-ginza wheel: see docs/model_selection.md), or train "
            f"without vectors {words_only}"
        ) from exc
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    table = _TABLES.get(key)
    if table is None:
        try:
            info = json.loads((path / "table.json").read_text(encoding="utf-8"))
            blob = (path / "keys.txt").read_bytes()
            rows = np.load(path / "rows.npy", allow_pickle=False)
            matrix = np.load(path / "matrix.npy", mmap_mode="r", allow_pickle=False)
            lexicon = path / "lexicon.npz"
            table = VectorTable(
                blob,
                _offsets(blob),
                rows,
                matrix,
                str(info["digest"]),
                str(info["source"]),
                lexicon if lexicon.exists() else None,
            )
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(
                f"{path}: not a word-vector table ({exc}); rebuild it with scripts/extract_vectors.py"
            ) from exc
        if len(table.offsets) - 1 != len(rows):
            raise ModelError(f"{path}: {len(table.offsets) - 1} keys but {len(rows)} rows; rebuild it")
        _TABLES[key] = table
    return table
