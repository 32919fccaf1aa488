"""Leave out of a suggestion the rows already handed out: those of earlier sheets or labelled files (``--exclude``).

A candidate row is left out when its id (where the file has the id column the sheet is made with) or its text,
normalised as the near-duplicate check compares texts, is in a file given. Every row of such a file counts,
labelled or left blank: a row handed out and left blank was perhaps skipped on purpose, and is not offered again.
Texts masked by ``suggest --mask-pii`` match the candidates' texts masked the same way.
"""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from taikai.errors import DataWarning, InputError, wrong_type
from taikai.privacy import ANY_PLACEHOLDER
from taikai.text import normalize

if TYPE_CHECKING:
    import pandas as pd

EXCLUDE_TEXT = "text"
"""The text column looked for first in a file to exclude: a suggest sheet's, and a labelled file's default."""


@dataclass(frozen=True)
class Excluded:
    """The ids and normalised texts of one file to exclude (``source``: its path, or ``<frame N>``)."""

    source: str
    ids: frozenset[str]
    texts: frozenset[str]
    masked: bool
    rows: int


@dataclass(frozen=True)
class Exclusion:
    """Which candidates are kept (``keep``), how many each file matched (``per_file``, a row matched by two files
    counts for both) and the texts of all files, for the near-duplicate check."""

    keep: npt.NDArray[np.bool_]
    per_file: dict[str, int]
    texts: list[str]


def exclude_items(exclude: Any) -> list[str | Path | pd.DataFrame]:
    """Return *exclude* (one path or frame, or a list of them) as a list; raise :class:`TypeError` for others."""
    import pandas as pd

    items = [exclude] if isinstance(exclude, (str, Path, pd.DataFrame)) else exclude
    if not isinstance(items, (list, tuple)) or not all(isinstance(i, (str, Path, pd.DataFrame)) for i in items):
        raise wrong_type("exclude", exclude, "a path or DataFrame, or a list of them (sheets or labelled files)")
    for item in items:
        if isinstance(item, (str, Path)) and not Path(item).is_file():
            raise InputError(
                f"--exclude {item}: no such file; give the sheets handed out before, or labelled files (exclude=)"
            )
    return list(items)


def id_key(value: Any) -> str | None:
    """Return an id as the text compared (``12.0`` read from a sheet is ``12``), ``None`` when missing."""
    if value is None or value != value:  # None or NaN
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def text_key(value: Any) -> str | None:
    """Return a text as the texts compared (normalised), ``None`` when missing or blank."""
    if value is None or value != value:
        return None
    text = normalize(str(value))
    return text or None


def read_excluded(
    items: Sequence[str | Path | pd.DataFrame], id_name: Hashable | None, text_name: Hashable
) -> list[Excluded]:
    """Read every file (or frame) of *items*: the ids in column *id_name* (when given and there) and the texts of
    column ``text``, else *text_name*; raise :class:`InputError` for a file with neither."""
    from taikai.io import read_labelled_file

    out = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, (str, Path)):
            table = read_labelled_file(Path(item))
            frame, source = table.frame, str(item)
        else:
            frame, source = item, f"<frame {number}>"
        frame = frame.rename(columns=lambda c: str(c).strip())
        id_col = None if id_name is None or str(id_name) not in frame.columns else str(id_name)
        text_col = next((c for c in (EXCLUDE_TEXT, str(text_name)) if c in frame.columns), None)
        if id_col is None and text_col is None:
            looked = f"column {EXCLUDE_TEXT!r}" + ("" if id_name is None else f" (nor {str(id_name)!r})")
            raise InputError(
                f"--exclude {source}: no {looked} to match rows by (its columns: "
                f"{', '.join(map(repr, frame.columns[:12]))}); give a sheet taikai suggest wrote or a labelled file"
            )
        ids = {k for k in map(id_key, frame[id_col].tolist() if id_col else []) if k is not None}
        texts = {k for k in map(text_key, frame[text_col].tolist() if text_col else []) if k is not None}
        masked = any(ANY_PLACEHOLDER.search(t) for t in texts)
        out.append(Excluded(source, frozenset(ids), frozenset(texts), masked, len(frame)))
    return out


def match_excluded(files: Sequence[Excluded], ids: Sequence[Any] | None, texts: Sequence[str]) -> Exclusion:
    """Return which of the candidates (*ids*, or ``None`` without an id column, and *texts*) no file holds.

    A file that matches no candidate gets a :class:`~taikai.errors.DataWarning` (the wrong file?).
    """
    keys = [text_key(t) for t in texts]
    masked_keys: list[str | None] = keys
    if any(f.masked for f in files):
        from taikai.privacy import default_masker

        masked_texts, _ = default_masker().mask_each([str(t) for t in texts])
        masked_keys = [text_key(t) for t in masked_texts]
    id_keys = [None] * len(texts) if ids is None else [id_key(i) for i in ids]
    keep = np.ones(len(texts), dtype=bool)
    per_file = {}
    for f in files:
        hit = np.fromiter(
            (
                (i is not None and i in f.ids) or (t is not None and t in f.texts) or (m is not None and m in f.texts)
                for i, t, m in zip(id_keys, keys, masked_keys, strict=True)
            ),
            dtype=bool,
            count=len(texts),
        )
        per_file[f.source] = int(hit.sum())
        keep &= ~hit
        if not hit.any():
            warnings.warn(
                f"--exclude {f.source}: none of its {f.rows:,} row(s) is a row of the predictions, by id or text; "
                "is it a sheet or labelled file of this data?",
                DataWarning,
                stacklevel=3,
            )
    return Exclusion(keep, per_file, sorted({t for f in files for t in f.texts}))
