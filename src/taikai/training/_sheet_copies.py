"""Tell an added row that is a base row as a sheet holds it, or the reverse: an xlsx sheet cannot hold some control
characters (:data:`taikai.io.XLSX_LOST`, such as ``\\x0b``, which Excel exports write for a line break in a cell),
and a CSV sheet written in CP932 (Excel's "CSV (comma delimited)" on Japanese Windows, ``suggest --output-encoding
cp932``) holds ``?`` for a character CP932 cannot (an emoji). So a filled ``taikai suggest`` sheet holds
``単価が安い。時給200円?`` where the file it was drawn from, or the base data, holds ``単価が安い。\\x0b時給200円😡``,
and the text keys (:func:`text_keys`) differ: the two would count as two reviews. A text that such a sheet would
hold otherwise is keyed once more as the sheet holds it, and matched by that key too, as ``taikai suggest
--exclude`` compares a sheet's texts with a file's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from taikai.io import XLSX_LOST
from taikai.text import cp932_written
from taikai.training._text_keys import text_keys


def _in_xlsx(text: str) -> str:
    """*text* as an xlsx cell holds it: without the control characters a cell cannot hold."""
    return text.translate(XLSX_LOST)


def _as_held(
    held: Callable[[str], str], texts: Sequence[object], keys: Sequence[str], rows: Sequence[int]
) -> dict[int, str]:
    """The key of each text of *rows* (with a key) that the sheet would hold otherwise, as the sheet holds it."""
    import pandas as pd

    changed = {n: h for n in rows if keys[n] and isinstance(t := texts[n], str) and (h := held(t)) != t}
    return dict(zip(changed, text_keys(pd.Series(list(changed.values()), dtype=object)), strict=True))


def sheet_copies(
    base_texts: Sequence[object], base_keys: Sequence[str], added_texts: Sequence[object], added_keys: Sequence[str]
) -> list[str]:
    """Return the key of each added row (*added_keys*), or, for a sheet's copy of a base row (or a row of which a
    base row is the sheet's copy), that base row's key; and for an added row of which another added row is the
    sheet's copy, that row's key (the two are then one repeated row). The CP932 form is only tried when a text
    holds ``?``, which such a sheet puts for what it cannot hold; of every base row (about 5 µs a row) only when an
    added text does."""
    known = set(base_keys)
    out = list(added_keys)
    into_added = any("?" in str(t) for t in added_texts)  # a CP932 sheet's copies of base rows
    into_base = into_added or any("?" in str(t) for t in base_texts)  # copies of a base or added row read so
    for held in (_in_xlsx, cp932_written) if into_base else (_in_xlsx,):
        rows = range(len(base_keys)) if held is _in_xlsx or into_added else range(0)
        copies = {key: base_keys[n] for n, key in _as_held(held, base_texts, base_keys, rows).items()}
        out = [copies.get(k, k) if k not in known else k for k in out]
        others = set(out)
        new = [n for n, k in enumerate(out) if k not in known]
        for n, key in _as_held(held, added_texts, out, new).items():
            out[n] = key if key in known or key in others else out[n]
    return out
