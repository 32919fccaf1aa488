"""A dictionary-form copy of a MeCab dictionary, so that MeCab writes dictionary forms as fast as surfaces.

``%f[10]`` (UniDic's orthBase) makes MeCab split each word's whole feature line (26 fields in UniDic) to print one
field: that costs about a third more than the words themselves. :func:`lemma_dicdir` writes, once per dictionary,
a copy of ``sys.dic`` whose feature of every entry is that field alone, and links the other files of the
dictionary. Segmentation is unchanged (the double array, connection ids and costs are copied as they are), and
MeCab's ``%H`` (the whole feature) then prints exactly what ``%f[10]`` printed on the original: the field
unquoted, and nothing for ``*``.

:func:`pos_dicdir` writes another copy the same way, whose feature is the word's four part-of-speech levels, for
:class:`taikai.text.PosTagger` (names in PII masking): ``%H`` then prints what ``%f[0],%f[1],%f[2],%f[3]`` printed;
:func:`words_dicdir` a third, for :class:`taikai.text.WordTagger` (the report's words and drift's): two levels and the
dictionary form.

A copy lives in ``$TAIKAI_CACHE_DIR`` (default ``~/.cache/taikai``), keyed by the dictionary's content (see
:func:`fingerprint`), not by where it is installed: every install or clone of the same dictionary shares one copy.
The copy holds its own links (hard links, or copies across file systems) to the files it shares with the source,
so it outlives the install it was made from. It is built once: by one thread of one process while the others wait
(a thread lock and a file lock), in a temporary directory renamed into place, so no process ever sees half a copy.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import struct
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from taikai._warn import warn_user
from taikai.errors import DataWarning
from taikai.text._building import building
from taikai.text._dicdir import check_dicdir

FIELD = 10
"""The feature field copied: UniDic's orthBase, the dictionary form as written."""
POS_LEVELS = 4
"""The part-of-speech fields UniDic puts first in each feature (品詞大分類 … 品詞細分類3)."""
LAYOUT = 1
"""The version of this derivation; a change rebuilds every copy."""
_MAGIC = 0xEF718F77  # MeCab: header magic = file size ^ this
_HEADER = struct.Struct("<10I")  # magic, version, type, lexsize, lsize, rsize, dsize, tsize, fsize, dummy
_CHARSET = 32
_TOKEN = np.dtype(
    [("lc", "<u2"), ("rc", "<u2"), ("pos", "<u2"), ("wcost", "<i2"), ("feature", "<u4"), ("compound", "<u4")]
)
_LINKED = ("matrix.bin", "char.bin", "unk.dic", "dicrc")
_FINGERPRINTED = ("sys.dic", *_LINKED, "version")
_SAMPLE = 1 << 16
_SAMPLES = 16
"""A file larger than ``_SAMPLE * _SAMPLES`` bytes is fingerprinted by its size and that many evenly spaced blocks."""


def cache_dir() -> Path:
    """Return the directory where derived dictionaries are kept."""
    return Path(os.environ.get("TAIKAI_CACHE_DIR") or Path.home() / ".cache" / "taikai")


def _field(feature: bytes) -> bytes:
    """Return what MeCab's ``%f[FIELD]`` prints for *feature*: the CSV field unquoted, nothing for ``*``."""
    if b'"' in feature:
        fields = [f.encode("utf-8") for f in next(csv.reader([feature.decode("utf-8")]))]
    else:
        fields = feature.split(b",")
    value = fields[FIELD] if len(fields) > FIELD else b""
    return b"" if value == b"*" else value


def _entries(source: bytes) -> tuple[np.ndarray, bytes, Any, Any, Any]:
    """Return the entries of the ``sys.dic`` *source*, its features, each feature's start and end, and its commas."""
    magic, _, _, _, _, _, dsize, tsize, fsize, _ = _HEADER.unpack_from(source, 0)
    if magic ^ _MAGIC != len(source):
        raise ValueError("not a MeCab system dictionary (bad magic)")
    start = _HEADER.size + _CHARSET
    tokens = np.frombuffer(source, dtype=_TOKEN, count=tsize // _TOKEN.itemsize, offset=start + dsize).copy()
    features = source[start + dsize + tsize : start + dsize + tsize + fsize]
    raw = np.frombuffer(features, dtype=np.uint8)
    commas, nulls = np.flatnonzero(raw == ord(",")), np.flatnonzero(raw == 0)
    begin = tokens["feature"].astype(np.int64)
    end = nulls[np.searchsorted(nulls, begin)]
    return tokens, features, begin, end, commas


def _with_features(source: bytes, tokens: np.ndarray, values: list[bytes]) -> bytes:
    """Return the ``sys.dic`` *source* with *values* as the features of its entries (``*`` written as nothing)."""
    _, version, kind, lexsize, lsize, rsize, dsize, tsize, _, dummy = _HEADER.unpack_from(source, 0)
    start = _HEADER.size + _CHARSET
    blob = bytearray()
    placed: dict[bytes, int] = {}
    new = np.empty(len(tokens), dtype="<u4")
    for k, value in enumerate(values):
        if value == b"*":
            value = b""
        where = placed.get(value)
        if where is None:
            where = placed[value] = len(blob)
            blob += value + b"\0"
        new[k] = where
    tokens["feature"] = new
    entries: bytes = tokens.tobytes()
    body = source[_HEADER.size : start + dsize] + entries + bytes(blob)
    size = _HEADER.size + len(body)
    header = _HEADER.pack(size ^ _MAGIC, version, kind, lexsize, lsize, rsize, dsize, tsize, len(blob), dummy)
    return header + body


def derive_sys_dic(source: bytes) -> bytes:
    """Return a ``sys.dic`` equal to *source* but for each entry's feature, reduced to its dictionary form."""
    entries = _entries(source)
    return _with_features(source, entries[0], _lemmas(*entries))


def _lemmas(tokens: np.ndarray, features: bytes, begin: Any, end: Any, commas: Any) -> list[bytes]:
    """Return field :data:`FIELD` of each entry's feature (unquoted; ``*`` as it is written)."""
    raw = np.frombuffer(features, dtype=np.uint8)
    # Where field FIELD of each entry's feature starts and ends, found for all entries at once.
    first = np.searchsorted(commas, begin)
    after = np.minimum(first + FIELD - 1, len(commas) - 1)
    field_start = np.where(commas[after] < end, commas[after] + 1, end)
    nxt = np.minimum(first + FIELD, len(commas) - 1)
    field_end = np.where((commas[nxt] < end) & (field_start < end), commas[nxt], end)
    quoted = np.zeros(len(tokens), dtype=bool)
    quotes = np.flatnonzero(raw == ord('"'))
    if len(quotes):
        quoted = np.searchsorted(quotes, begin) < np.searchsorted(quotes, end)
    short = (first + FIELD - 1 >= len(commas)) | (commas[after] >= end)
    values = [
        b"" if s else features[fs:fe] for fs, fe, s in zip(field_start.tolist(), field_end.tolist(), short.tolist())
    ]
    # Features with quoted fields (a comma inside a field): parsed as CSV, all in one reader.
    where = np.flatnonzero(quoted).tolist()
    lines = [features[b:e].decode("utf-8") for b, e in zip(begin[where].tolist(), end[where].tolist())]
    for k, fields in zip(where, csv.reader(lines), strict=True):
        values[k] = fields[FIELD].encode("utf-8") if len(fields) > FIELD else b""
    return values


def derive_words_sys_dic(source: bytes) -> bytes:
    """Return a ``sys.dic`` equal to *source* but for each entry's feature, reduced to what
    :class:`taikai.text.WordTagger` reads of it: UniDic's first two part-of-speech levels and the dictionary form,
    separated by tabs (``*`` written as nothing): ``%H`` then prints what ``%f[0]``, ``%f[1]``, ``%f[10]`` printed."""
    entries = _entries(source)
    tokens, features, begin, end, _ = entries
    values = []
    for b, e, lemma in zip(begin.tolist(), end.tolist(), _lemmas(*entries), strict=True):
        pos1, pos2 = (*features[b:e].split(b",", 2)[:2], b"", b"")[:2]  # no quote or comma in a part of speech
        values.append(b"\t".join(b"" if f == b"*" else f for f in (pos1, pos2, lemma)))
    return _with_features(source, tokens, values)


def derive_pos_sys_dic(source: bytes) -> bytes:
    """Return a ``sys.dic`` equal to *source* but for each entry's feature, reduced to UniDic's four part-of-speech
    levels (``名詞,固有名詞,人名,姓``; ``*`` written as nothing). Part-of-speech fields hold no quotes or commas."""
    tokens, features, begin, end, commas = _entries(source)
    fourth = np.minimum(np.searchsorted(commas, begin) + POS_LEVELS - 1, len(commas) - 1)
    stop = np.where(commas[fourth] < end, commas[fourth], end)
    levels = (features[b:e].split(b",") for b, e in zip(begin.tolist(), stop.tolist()))
    values = [b",".join(b"" if f == b"*" else f for f in fields) for fields in levels]
    return _with_features(source, tokens, values)


def dictionary_form(feature: str) -> str:
    """Return what ``%f[FIELD]`` prints for one feature line of the original dictionary (for spans)."""
    return _field(feature.encode("utf-8")).decode("utf-8")


def lemma_dicdir(dicdir: str) -> str:
    """Return the dictionary-form copy of the MeCab dictionary *dicdir*, building it on first use."""
    return _derived_dicdir(dicdir, "orthbase", "dictionary-form", derive_sys_dic)


def words_dicdir(dicdir: str) -> str:
    """Return the copy of the MeCab dictionary *dicdir* for content words (see :func:`derive_words_sys_dic`)."""
    return _derived_dicdir(dicdir, "words", "content-word", derive_words_sys_dic)


def pos_dicdir(dicdir: str) -> str:
    """Return the part-of-speech copy of the MeCab dictionary *dicdir* (see :func:`derive_pos_sys_dic`)."""
    return _derived_dicdir(dicdir, "pos", "part-of-speech", derive_pos_sys_dic)


def fingerprint(dicdir: str | Path) -> str:
    """Return a key of the content of the MeCab dictionary *dicdir*: equal for every install of one dictionary.

    Hashed: this derivation's version, then for each file a copy uses (and unidic-lite's ``version``) its size and
    its bytes, all of them for a small file and ``_SAMPLES`` evenly spaced blocks of a large one (``sys.dic`` is
    180 MB: a full hash would cost every process a second). Not hashed: the path and the modification time, which
    change with every install although the dictionary does not.
    """
    source = Path(dicdir)
    digest = hashlib.sha256(f"layout {LAYOUT} field {FIELD} pos {POS_LEVELS}\n".encode())
    for name in _FINGERPRINTED:
        path = source / name
        if not path.is_file():
            digest.update(f"{name} absent\n".encode())
            continue
        size = path.stat().st_size
        digest.update(f"{name} {size}\n".encode())
        with path.open("rb") as f:
            if size <= _SAMPLE * _SAMPLES:
                digest.update(f.read())
                continue
            for k in range(_SAMPLES):
                f.seek(k * (size - _SAMPLE) // (_SAMPLES - 1))
                digest.update(f.read(_SAMPLE))
    return digest.hexdigest()[:20]


def _complete(target: Path, source: Path) -> bool:
    """Whether the copy *target* holds every file it needs (a link that leads nowhere does not count)."""
    needed = ("sys.dic", "mecabrc", *(name for name in _LINKED if (source / name).exists()))
    return all((target / name).is_file() for name in needed)


def _share(source: Path, copy: Path) -> None:
    """Put the file *source* at *copy* as a hard link (no space, and it outlives *source*), else as a copy."""
    try:
        os.link(source, copy)
    except OSError:  # another file system, or no hard links here
        shutil.copyfile(source, copy)


def _derived_dicdir(dicdir: str, name: str, what: str, derive: Callable[[bytes], bytes]) -> str:
    """Return the copy *name* of the dictionary *dicdir* whose ``sys.dic`` is *derive(sys.dic)*, made on first use:
    by one thread of one process, while the others that want it wait for it (see :func:`building`)."""
    check_dicdir(dicdir, rc=False)
    source = Path(dicdir)
    target = cache_dir() / f"{name}-v{LAYOUT}-{fingerprint(source)}"
    if _complete(target, source):
        return str(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with building(target):
        if not _complete(target, source):  # else made while this one waited
            _build(source, target, what, derive)
    return str(target)


def _build(source: Path, target: Path, what: str, derive: Callable[[bytes], bytes]) -> None:
    """Write the copy *target* of the dictionary *source*, in a temporary directory renamed into place."""
    # a warning, not a print: a notebook or a batch job's log can silence or route it (warnings.filterwarnings,
    # logging.captureWarnings), and the command line says it as every warning, "taikai: warning: …"; never masked
    # (mask_pii): paths, no personal data, and masking would tag with this very copy, which waits for this build
    said = f"writing the {what} copy of the MeCab dictionary {source} into {target} (once)"
    warn_user(said, DataWarning, reword=False)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
    stale = target.parent / f"{tmp.name}.stale"
    try:
        (tmp / "sys.dic").write_bytes(derive((source / "sys.dic").read_bytes()))
        for linked in _LINKED:
            if (source / linked).exists():
                _share(source / linked, tmp / linked)
        (tmp / "mecabrc").write_text("", encoding="utf-8")
        if target.exists() and not _complete(target, source):
            os.replace(target, stale)  # a broken copy (a file removed by hand): set aside, removed below
        try:
            os.replace(tmp, target)
        except OSError:  # another process finished first (one without the lock): use its copy
            if not _complete(target, source):
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(stale, ignore_errors=True)


def dictionary_entries(dicdir: str) -> list[tuple[list[str], int]]:
    """Return every entry of the MeCab dictionary *dicdir* as (its feature fields, its word cost), in entry order.

    For tools that map the dictionary's words to something else (``scripts/extract_vectors.py`` resolves each
    dictionary form to a pretrained word vector); not used when classifying.
    """
    source = (Path(dicdir) / "sys.dic").read_bytes()
    magic, _, _, _, _, _, dsize, tsize, fsize, _ = _HEADER.unpack_from(source, 0)
    if magic ^ _MAGIC != len(source):
        raise ValueError(f"{dicdir}/sys.dic: not a MeCab system dictionary (bad magic)")
    start = _HEADER.size + _CHARSET
    tokens = np.frombuffer(source, dtype=_TOKEN, count=tsize // _TOKEN.itemsize, offset=start + dsize)
    features = source[start + dsize + tsize : start + dsize + tsize + fsize]
    nulls = np.flatnonzero(np.frombuffer(features, dtype=np.uint8) == 0)
    begin = tokens["feature"].astype(np.int64)
    end = nulls[np.searchsorted(nulls, begin)]
    parsed: dict[int, list[str]] = {}
    out: list[tuple[list[str], int]] = []
    for b, e, cost in zip(begin.tolist(), end.tolist(), tokens["wcost"].tolist()):
        fields = parsed.get(b)
        if fields is None:
            line = features[b:e].decode("utf-8")
            fields = parsed[b] = next(csv.reader([line])) if '"' in line else line.split(",")
        out.append((fields, int(cost)))
    return out
