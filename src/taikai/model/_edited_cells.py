"""The cells of a predictions file or frame that taikai batch did not write (the file was edited): the errors that
name them, at their data row (and a frame's row at its index label when that is not its position)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

from taikai._frame_rows import index_said
from taikai.errors import InputError
from taikai.text import Status

EDITED = "the file seems edited: re-run taikai batch on the raw dump"
STATUSES = frozenset(s.value for s in Status)
"""The statuses batch writes (a closed set): any other value in ``status`` was put there by hand."""


def data_row(position: int, index: Sequence[Hashable] | None = None) -> str:
    """Return ``data row N (after the header)`` of the row at 0-based *position*, with ``; index LABEL`` when a
    frame's *index* gives it a label that is not its position (``df.loc`` finds it by that)."""
    label = index[position] if index is not None and position < len(index) else None
    return f"data row {position + 1:,} (after the header{index_said(label, position)})"


def masked(value: object, mask_pii: bool) -> object:
    """Return *value* as an error may quote it: a text with its personal data masked when *mask_pii*."""
    if mask_pii and isinstance(value, str):
        from taikai.privacy import default_masker

        return default_masker().mask(value).text
    return value


def edited_cell(
    source: str, column: str, position: int, said: str, index: Sequence[Hashable] | None = None
) -> InputError:
    """Return the error for the cell of *column* in data row *position* (from 0; *index*: the frame's) that batch
    did not write: ``SOURCE: column C, data row N (after the header): SAID; the file seems edited: …``."""
    return InputError(f"{source}: column {column}, {data_row(position, index)}: {said}; {EDITED}")


def not_a_probability(
    source: str,
    column: str,
    position: int,
    value: object,
    mask_pii: bool = False,
    index: Sequence[Hashable] | None = None,
) -> InputError:
    """Return the error for the cell of *column* in data row *position* (from 0; *index*: the frame's) that holds no
    probability (a text quoted with personal data masked with *mask_pii*)."""
    said = f"{masked(value, mask_pii)!r} is not a probability (a number from 0 to 1)"
    return edited_cell(source, column, position, said, index)


def not_a_status(
    source: str,
    column: str,
    position: int,
    value: object,
    mask_pii: bool = False,
    index: Sequence[Hashable] | None = None,
) -> InputError:
    """Return the error for the cell of the status *column* in data row *position* (from 0; *index*: the frame's)
    that holds none of the statuses batch writes (*value* quoted with personal data masked with *mask_pii*)."""
    statuses = ", ".join(sorted(STATUSES))
    said = f"the status {masked(value, mask_pii)!r} is none of {statuses} (the statuses taikai batch writes)"
    return edited_cell(source, column, position, said, index)


def not_a_label(
    source: str,
    column: str,
    position: int,
    kind: str,
    label: object,
    labels: Iterable[str],
    *,
    prefix: str = "",
    mask_pii: bool = False,
    index: Sequence[Hashable] | None = None,
) -> InputError:
    """Return the error for the cell of *column* in data row *position* (from 0; *index*: the frame's) holding a
    *kind* (``reason``, ``sentiment``) *label* that has no ``p_KIND_`` column among those of *labels* (*prefix*:
    the columns' prefix; *label* quoted with personal data masked with *mask_pii*)."""
    shown = masked(label, mask_pii)
    have = ", ".join(f"{prefix}p_{kind}_{x}" for x in sorted(labels))
    said = f"the {kind} {shown!r} has no column {prefix}p_{kind}_{shown} (the {kind}s' columns are {have})"
    return edited_cell(source, column, position, said, index)
