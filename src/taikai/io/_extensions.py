"""The formats taikai reads and writes, and the format a file's name says: reading nothing, raising nothing (for
messages about a file that is not to be read, such as a pipe, as well as for :func:`taikai.io.format_of`)."""

from __future__ import annotations

import difflib
from pathlib import Path

FORMATS = ("csv", "tsv", "jsonl", "parquet", "xlsx")
"""The file formats taikai reads and writes (``--input-format``, ``--output-format``)."""
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}


def extension_format(path: Path) -> str | None:
    """Return the format *path*'s extension names (any case), or ``None``."""
    return _EXTENSIONS.get(Path(path).suffix.lower())


def likely_format(path: Path, given: object = None) -> str | None:
    """Return the format *given* (when it is one of :data:`FORMATS`), else that of *path*'s extension, else
    ``None``; reading nothing, raising nothing: for a message on a file that is not to be read (a pipe)."""
    if isinstance(given, str) and given.lower() in FORMATS:
        return given.lower()
    return extension_format(Path(path))


_CLOSE_EXTENSION = 0.75
"""Least :class:`difflib.SequenceMatcher` ratio of an unknown extension (with its dot) to a known one for the known
one to be suggested: ``.xlxs`` for ``.xlsx`` (0.8), ``.cvs`` for ``.csv`` (0.75), not ``.ods`` for ``.tsv`` (0.5)."""


def meant_extension(path: Path) -> Path | None:
    """Return *path* with the known extension its unknown one most likely meant (``q.xlsx`` for ``q.xlxs``), or
    ``None``: for none close, or two as close (``.psv`` is as near ``.csv`` as ``.tsv``: neither is meant). Its
    letters swapped (``.xlxs``, ``.cvs``) is closest; of an extension of a format's own name and another as close
    (``.xlsx`` and ``.xlsm`` for ``.xlxs``), the format's own."""
    suffix = Path(path).suffix.lower()
    if not suffix or suffix in _EXTENSIONS:
        return None
    scores = {
        known: 1.0 if sorted(known) == sorted(suffix) else difflib.SequenceMatcher(None, suffix, known).ratio()
        for known in _EXTENSIONS
    }
    best = max(scores.values())
    closest = [known for known, score in scores.items() if score == best]
    if len(closest) > 1:  # of .xlsx and .xlsm for .xlxs, the format's own name
        closest = [known for known in closest if known[1:] in FORMATS]
    if best < _CLOSE_EXTENSION or len(closest) != 1:
        return None
    return Path(path).with_suffix(closest[0])
