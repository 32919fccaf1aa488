"""The extension a compressed file's content calls for, read from its first decompressed bytes: ``dump.gz`` holds
CSV, so the command that decompresses it writes ``dump.csv``, a name taikai reads (``dump`` it would refuse)."""

from __future__ import annotations

import importlib
from pathlib import Path

INNER_BYTES = 65_536
"""Decompressed bytes read to tell the content's format."""
_MODULES = {"gzip": "gzip", "bzip2": "bz2", "xz": "lzma"}
"""The standard library's module that opens each compressed format (zstd has none before Python 3.14)."""
_MAGIC = ((b"PAR1", ".parquet"), (b"PK\x03\x04", ".xlsx"))


def inner_extension(path: Path, compression: str) -> str:
    """Return the extension of what the file *path*, compressed in *compression* (``gzip``), holds: ``.jsonl`` for
    lines of JSON objects, ``.tsv`` for a header line of tabs, ``.csv`` for one of commas (or of one name), ``.parquet``
    or ``.xlsx`` by their first bytes; ``""`` when it cannot be read or told."""
    name = _MODULES.get(compression)
    if name is None:
        return ""
    module = importlib.import_module(name)
    try:
        with module.open(path, "rb") as f:
            head: bytes = f.read(INNER_BYTES)
    except (OSError, EOFError, ValueError, getattr(module, "LZMAError", OSError)):  # damaged: no name to give
        return ""
    for magic, extension in _MAGIC:
        if head.startswith(magic):
            return extension
    lines = head.decode("utf-8", "replace").lstrip("\ufeff").lstrip().splitlines()
    if not lines or "\x00" in lines[0]:
        return ""
    first = lines[0]
    if first.startswith("{"):
        return ".jsonl"
    return ".tsv" if first.count("\t") > first.count(",") else ".csv"
