"""The formats taikai reads and writes, and the format a file's name says: reading nothing, raising nothing (for
messages about a file that is not to be read, such as a pipe, as well as for :func:`taikai.io.format_of`)."""

from __future__ import annotations

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
