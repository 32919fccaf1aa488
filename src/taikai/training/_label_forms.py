"""Say which labels of one's own Unicode NFKC changed: every label cell is read after NFKC (full-width brackets,
letters and digits become ASCII, half-width kana full-width), as files, sheets and rules are matched to the model's
labels; ``--free-labels`` keeps a label as written in every other way, and train says where NFKC changed one."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING

from taikai._cut import cut_list
from taikai._warn import warn_user
from taikai.errors import DataWarning
from taikai.io import MORE_REASONS_COLUMN
from taikai.labels import label_cell

if TYPE_CHECKING:
    import pandas as pd

MOST_SHOWN = 10
"""The most changed labels one warning lists (the rest are counted)."""
_SEPARATOR = re.compile(r"[|｜]")  # before NFKC, which makes | of ｜ (taikai.labels.LABEL_SEPARATORS)


def nfkc_changes(frame: pd.DataFrame, columns: Iterable[Hashable | None]) -> dict[str, str]:
    """Return each label of *frame*'s label *columns* (those it has) that NFKC changes: as written → as read, once
    each, in the order first met (``'カテゴリ 01（猫）'`` → ``'カテゴリ 01(猫)'``, ``'ｻﾎﾟｰﾄ'`` → ``'サポート'``)."""
    changed: dict[str, str] = {}
    for column in columns:
        if column is None or column not in frame.columns:
            continue
        for cell in frame[column]:
            for part in _written_parts(cell):
                written = part.strip()
                read = label_cell(written)  # as every label cell is read (a whole number 1.0 as 1, as a frame's)
                if written and unicodedata.normalize("NFKC", written) != written:
                    changed.setdefault(written, read)
    return changed


def _written_parts(cell: object) -> list[str]:
    """The labels of a label cell as written: a text cell split at ``|``; a list cell (JSONL, a Parquet array) its
    items, as :func:`taikai.labels.label_cell` reads them; other cells (numbers, missing) none NFKC could change."""
    if not isinstance(cell, str) and hasattr(cell, "tolist"):  # a numpy array (Parquet) or scalar
        cell = cell.tolist()
    if isinstance(cell, list | tuple):
        return [part for item in cell for part in _written_parts(item)]
    return _SEPARATOR.split(cell) if isinstance(cell, str) else []


def warn_nfkc_changes(frame: pd.DataFrame, columns: Iterable[Hashable | None], source: str) -> None:
    """Warn (:class:`DataWarning`) naming each label of *source* (in its label *columns* and ``more_reasons``) that
    NFKC changed, once: the model's label is the form read."""
    changed = nfkc_changes(frame, [*columns, MORE_REASONS_COLUMN])
    if not changed:
        return
    shown = cut_list([f"{written!r} is read as {read!r}" for written, read in changed.items()], MOST_SHOWN, sep="; ")
    warn_user(
        f"{source}: label cells are read after Unicode NFKC normalisation (full-width brackets, letters and digits "
        f"become ASCII, half-width kana full-width), so the model's labels are the forms read: {shown}",
        DataWarning,
    )
