"""Decode the bytes of a model's ``metadata.json``: UTF-8, with or without a byte order mark, or a refusal that says
which encoding an editor saved it in (CP932, UTF-16), so that saving it again as UTF-8 is the advice."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

from taikai.errors import ModelError
from taikai.model._salvaged import damaged_hint

_EDITOR_ENCODINGS = (
    ("utf-16", "UTF-16 text (what Notepad calls Unicode)"),
    ("cp932", "CP932 (Shift_JIS) text, as a Japanese editor or Notepad's ANSI saves it"),
)
"""The encodings an editor saves a JSON file in besides UTF-8, tried in turn on metadata that is not UTF-8."""
_NO_TEXT = re.compile("[\x80-\x9f\ue000-\uf8ff]")
"""What no editor writes into a JSON file, but what Python's CP932 decodes stray bytes to (0x80, 0xA0, 0xFD-0xFF and
the user-defined area): a file holding them is damaged, not saved as CP932."""


def metadata_text(path: Path, raw: bytes) -> str:
    """Return *raw*, the bytes of the metadata file *path*, decoded as UTF-8 (a byte order mark dropped); raise
    :class:`ModelError` for other bytes: metadata an editor saved in another encoding is said to be so, with the
    way back (its content is whole), and any other bytes are said to be damaged, with the line of the first one."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        saved_as = _saved_as(raw)
        if saved_as is not None:
            raise ModelError(
                f"{path}: {saved_as}, not UTF-8, the encoding taikai writes and reads it in; open it in an editor and "
                "save it again as UTF-8 (with or without a byte order mark), or restore it from a copy of the model"
            ) from exc
        line = raw.count(b"\n", 0, exc.start) + 1
        said = f"{path}:{line}: not UTF-8 text, so not taikai metadata ({exc.reason}); {damaged_hint(None)}"
        raise ModelError(said) from exc


def _saved_as(raw: bytes) -> str | None:
    """Return what *raw* is when it holds a JSON object in one of :data:`_EDITOR_ENCODINGS` (UTF-16 only with its
    byte order mark, as editors write it), else ``None``."""
    for codec, said in _EDITOR_ENCODINGS:
        if codec == "utf-16" and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            continue
        try:
            text = raw.decode(codec)
            values = json.loads(text)
        except ValueError:  # undecodable (UnicodeDecodeError) or not JSON
            continue
        if isinstance(values, dict) and not _NO_TEXT.search(text):
            return said
    return None
