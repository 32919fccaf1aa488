"""How a message names a row of a pandas frame passed to the API: its 1-based data row, and its index label when
that is not its position (a frame indexed by ids, or filtered), so that ``df.loc`` finds it."""

from __future__ import annotations

import numbers
from collections.abc import Hashable, Sequence


def is_position(label: Hashable, position: int) -> bool:
    """Whether an index *label* is the *position* itself (a frame with the default index)."""
    return isinstance(label, numbers.Real) and not isinstance(label, bool) and label == position


def frame_row(source: str, position: int, label: Hashable | None = None) -> str:
    """Return ``SOURCE: row N (data row, 1-based)`` of the row at 0-based *position*, with ``; index LABEL`` when
    its index *label* is not its position (``None``: not known, not said)."""
    return f"{source}: row {position + 1} (data row, 1-based{index_said(label, position)})"


def index_said(label: Hashable | None, position: int) -> str:
    """Return ``; index LABEL`` (:func:`index_named`), or ``""`` when no label is to be said."""
    named = index_named(label, position)
    return f"; {named}" if named else ""


def index_named(label: Hashable | None, position: int) -> str:
    """Return ``index LABEL`` (a numpy label as Python's: ``7``, not ``np.int64(7)``), or ``""`` when *label* is
    ``None`` (not known) or the *position* itself."""
    if label is None or is_position(label, position):
        return ""
    return f"index {_plain(label)!r}"


def index_entry(label: Hashable | None, position: int) -> dict[str, object]:
    """Return ``{"index": LABEL}`` as JSON holds it (:func:`json_label`) when the label is said
    (:func:`index_named`), else ``{}``: what a row's ``to_dict`` adds."""
    return {"index": json_label(label)} if index_named(label, position) else {}


def index_labels(index: Sequence[Hashable]) -> list[Hashable] | None:
    """Return the labels of a frame's *index* as messages name rows by them, ``None`` for the default index (each
    row's label its position: nothing to say)."""
    if getattr(index, "start", None) == 0 and getattr(index, "step", None) == 1:  # a RangeIndex from 0: not read
        return None
    labels = list(index)
    return None if all(is_position(label, at) for at, label in enumerate(labels)) else labels


def json_label(label: Hashable) -> object:
    """Return an index *label* as JSON holds it: a str, number or bool as it is (a numpy one as Python's), else its
    ``str`` (a timestamp, a tuple of a MultiIndex)."""
    value = _plain(label)
    return value if value is None or isinstance(value, str | int | float | bool) else str(value)


def _plain(label: Hashable) -> object:
    """Return a numpy scalar *label* as the Python value it holds (``7``, not ``np.int64(7)``), any other as it is."""
    return label.item() if type(label).__module__ == "numpy" and hasattr(label, "item") else label


def shown_id(value: object) -> str:
    """Return the id cell *value* as a message names a row by it: ``""`` for a missing one (``None``, NaN, a blank
    string), not ``None`` or ``nan``, which no id column holds."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    import pandas as pd  # loaded already where rows are named by their ids

    missing = pd.isna(value)
    return "" if isinstance(missing, bool) and missing else str(value)


def id_said(value: object) -> str:
    """Return `` (id X)`` to follow a row's place in a message (``team.csv:5 (id R-2026-00004)``), or
    `` (its id cell is blank)`` for a missing id (:func:`shown_id`), as batch's summary names its rows."""
    shown = shown_id(value)
    return f" (id {shown})" if shown else " (its id cell is blank)"
