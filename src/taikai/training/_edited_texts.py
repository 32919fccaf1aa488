"""Rows of the added files that one id names with different texts: a review whose text a labeller edited in a sheet
(a typo fixed, a line added), or labelled by two labellers, one of whom edited it. By their texts they are two
reviews, and both would be trained, each with its labels; by their id (``--id-column``) they are one, and are
kept once, from the last row, as a text repeated in the added files is."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taikai._frame_rows import shown_id
from taikai.errors import ADD
from taikai.text import edited

if TYPE_CHECKING:
    import pandas as pd

SHOWN_EDITED = 5
"""How many ids with different texts the warning names, each with its rows."""


@dataclass(frozen=True)
class EditedTexts:
    """The text key of every added row once the rows an id names share the last one's, and those ids: how many, and
    the first :data:`SHOWN_EDITED` with their rows' places."""

    keys: tuple[str, ...]
    ids: int = 0
    shown: tuple[str, ...] = ()

    def warning(self, id_column: Hashable) -> str | None:
        """Return the warning about the ids of *id_column* whose rows hold different texts; ``None``: none."""
        if not self.ids:
            return None
        more = f"; and {self.ids - len(self.shown):,} more" if self.ids > len(self.shown) else ""
        return (
            f"{self.ids:,} id(s) of the {str(id_column)!r} column name rows of different texts in the files given to "
            f"{ADD} (a text edited in a sheet?): {'; '.join(self.shown)}{more}. Each such review is trained once, "
            "from the last row (its text and labels), as a text repeated in the added files is; to keep another, "
            "put its file later or give its row the same text"
        )


def id_values(frame: pd.DataFrame, label: Hashable | None) -> list[str]:
    """Return the id of every row of *frame* in its column *label* as messages show it (``""``: blank, or no such
    column)."""
    if label is None:
        return [""] * len(frame)
    return [shown_id(v) for v in frame[label].tolist()]


def edited_texts(keys: Sequence[str], ids: Sequence[str], places: Sequence[str]) -> EditedTexts:
    """Return the text keys *keys* of the added rows (in the order of the files and their rows) with the rows that
    one of *ids* names (not a blank one) given the key of its last row where their texts are that one edited
    (:func:`taikai.text.edited`), and the ids whose rows hold such texts, named by their rows' *places*."""
    rows: dict[str, list[int]] = {}
    for i, named in enumerate(ids):
        if named:
            rows.setdefault(named, []).append(i)
    out = list(keys)
    found = 0
    shown: list[str] = []
    for group in rows.values():
        last = keys[group[-1]]
        # the same review edited, not another review under an id that is not unique (a user's id, a date)
        edits = [i for i in group[:-1] if keys[i] != last and edited(keys[i], last)]
        if not edits:
            continue
        found += 1
        if len(shown) < SHOWN_EDITED:
            shown.append(" and ".join(places[i] for i in [*edits, group[-1]]))
        for i in edits:
            out[i] = keys[group[-1]]
    return EditedTexts(tuple(out), found, tuple(shown))
