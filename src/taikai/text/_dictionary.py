"""A dictionary-form copy of a MeCab dictionary, so that MeCab writes dictionary forms as fast as surfaces.

``%f[10]`` (UniDic's orthBase) makes MeCab split each word's whole feature line (26 fields in UniDic) to print one
field: that costs about a third more than the words themselves. :func:`lemma_dicdir` writes, once per dictionary,
a copy of ``sys.dic`` whose feature of every entry is that field alone, and links the other files of the
dictionary. Segmentation is unchanged (the double array, connection ids and costs are copied as they are), and
MeCab's ``%H`` (the whole feature) then prints exactly what ``%f[10]`` printed on the original: the field
unquoted, and nothing for ``*``.

:func:`pos_dicdir` writes another copy the same way, whose feature is the word's four part-of-speech levels, for
:class:`taikai.text.PosTagger` (names in PII masking): ``%H`` then prints what ``%f[0],%f[1],%f[2],%f[3]`` printed.

A copy lives in ``$TAIKAI_CACHE_DIR`` (default ``~/.cache/taikai``), keyed by the size and modification time of
the source ``sys.dic``; it is built in a temporary directory and renamed into place, so concurrent processes agree.
"""

from __future__ import annotations

import csv
import os
import shutil
import struct
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

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
    tokens, features, begin, end, commas = _entries(source)
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


def pos_dicdir(dicdir: str) -> str:
    """Return the part-of-speech copy of the MeCab dictionary *dicdir* (see :func:`derive_pos_sys_dic`)."""
    return _derived_dicdir(dicdir, "pos", "part-of-speech", derive_pos_sys_dic)


def _derived_dicdir(dicdir: str, name: str, what: str, derive: Callable[[bytes], bytes]) -> str:
    """Return the copy *name* of the dictionary *dicdir* whose ``sys.dic`` is *derive(sys.dic)*, made on first use."""
    source = Path(dicdir)
    stat = (source / "sys.dic").stat()
    target = cache_dir() / f"{name}-v{LAYOUT}-{stat.st_size}-{stat.st_mtime_ns}"
    if (target / "sys.dic").is_file():
        return str(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    print(f"taikai: writing the {what} copy of {source} into {target} (once)", file=sys.stderr)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
    try:
        (tmp / "sys.dic").write_bytes(derive((source / "sys.dic").read_bytes()))
        for name in _LINKED:
            if (source / name).exists():
                try:
                    (tmp / name).symlink_to(source / name)
                except OSError:  # no symlinks here (Windows without the right): copy
                    shutil.copyfile(source / name, tmp / name)
        (tmp / "mecabrc").write_text("", encoding="utf-8")
        try:
            os.replace(tmp, target)
        except OSError:  # another process finished first: use its copy
            if not (target / "sys.dic").is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return str(target)


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
