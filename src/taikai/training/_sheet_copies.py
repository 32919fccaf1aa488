"""Tell an added row that is a base row as an xlsx sheet holds it, or the reverse: a sheet cannot hold some control
characters (:data:`taikai.io.XLSX_LOST`, such as ``\\x0b``, which Excel exports write for a line break in a cell), so
a filled ``taikai suggest`` sheet holds ``単価が安い。時給200円`` where the file it was drawn from, or the base data,
holds ``単価が安い。\\x0b時給200円``. The text key reads the control character as a space (:func:`text_keys`), so
the two would count as two reviews; a text holding such characters is keyed once more without them, as the sheet
holds it, and matched by that key too. As ``taikai suggest --exclude`` compares a sheet's texts with a file's."""

from __future__ import annotations

from collections.abc import Sequence

from taikai.io import XLSX_LOST
from taikai.training._cv import text_keys


def _losing(texts: Sequence[object], keys: Sequence[str]) -> list[int]:
    """The rows of *texts* (with a key) that hold a character a sheet cannot hold."""
    return [n for n, t in enumerate(texts) if keys[n] and isinstance(t, str) and t.translate(XLSX_LOST) != t]


def _as_sheet_holds(texts: Sequence[object], rows: list[int]) -> list[str]:
    """The key of each text of *rows* without the characters a sheet cannot hold."""
    import pandas as pd

    return text_keys(pd.Series([str(texts[n]).translate(XLSX_LOST) for n in rows], dtype=object))


def sheet_copies(
    base_texts: Sequence[object], base_keys: Sequence[str], added_texts: Sequence[object], added_keys: Sequence[str]
) -> list[str]:
    """Return the key of each added row (*added_keys*), or, for a sheet's copy of a base row (or a row of which a
    base row is the sheet's copy), that base row's key; and for an added row of which another added row is the
    sheet's copy, that row's key (the two are then one repeated row)."""
    known = set(base_keys)
    out = list(added_keys)
    rows = _losing(base_texts, base_keys)
    held = dict(zip(_as_sheet_holds(base_texts, rows), (base_keys[n] for n in rows), strict=True))
    out = [held.get(k, k) if k not in known else k for k in out]
    rows = [n for n in _losing(added_texts, out) if out[n] not in known]
    others = set(out)
    for n, key in zip(rows, _as_sheet_holds(added_texts, rows), strict=True):
        out[n] = key if key in known or key in others else out[n]
    return out
