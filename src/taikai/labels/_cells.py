"""Label cells of a file or frame: their text (:func:`label_cell`), the labels they hold (:func:`parse_label_cell`,
:func:`parse_reasons`) and a cell of several reasons written back (:func:`format_reasons`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from taikai._taxonomy import REASON_IDS
from taikai.labels._ids import reason_id


def parse_reasons(value: str) -> list[str]:
    """Split a ``|``-separated reasons cell into ids, primary first, without blanks or repeats."""
    return list(dict.fromkeys(part for part in (x.strip() for x in str(value).split("|")) if part))


LABEL_SEPARATORS = re.compile(r"\|+")
"""What separates several reasons in a label cell (after NFKC, which makes ``｜`` of it)."""
_BETWEEN_REASONS = re.compile(r"[,、\s]+")
"""What separates reasons of the taxonomy too (``fees、time``, ``fees time``; after NFKC ``，`` is a comma)."""
_BETWEEN_OWN = re.compile(r"\s*[,、]\s*")
"""What separates them in labels of one's own: a comma only (``Fees、時間がない``); a space is part of a label there
(``other fees``, a team's label of two taxonomy words, is one label, not ``other`` and ``fees``)."""
_SEPARATOR_CHARACTERS = ",、 \t\r\n\u3000"
"""The separators stripped from both ends of a label (``fees、`` is ``fees``, as ``fees|`` is)."""


def _split_between_reasons(part: str, as_written: bool = False) -> list[str]:
    """Return *part* split at commas and whitespace when every piece names a reason of the taxonomy (``fees、time``),
    else whole: a label of one's own (``--free-labels``) may hold a space or a comma (``late payment``, ``旅行、観光``);
    *as_written* (labels of one's own), at commas only (:data:`_BETWEEN_OWN`).
    A separator at either end separates nothing and is dropped (``fees、``, ``、``), as a ``|`` there is."""
    part = part.strip(_SEPARATOR_CHARACTERS)
    pieces = [x for x in (_BETWEEN_OWN if as_written else _BETWEEN_REASONS).split(part) if x]
    if len(pieces) > 1 and all(reason_id(x) in REASON_IDS for x in pieces):
        return pieces
    return [part] if part else []


_WHOLE_FLOAT = re.compile(r"[+-]?[0-9]+\.0+")


def label_cell(value: object) -> str:
    """Return a label cell as NFKC-normalised, stripped text, without the characters that show nothing
    (:data:`_INVISIBLE`; zero-width joiners at either end): missing values (None, NaN, and ``pandas.NA`` or
    ``NaT`` of a nullable or pyarrow column) are empty; a list (JSONL, Parquet: what ``predict --format jsonl``
    writes) is its items ``|``-separated, the first the primary; a whole number, a frame's float (a column of 0/1 with
    a NaN is float64) or a cell written so (``to_csv`` writes it ``1.0``), is ``1``, as a frame of ints reads.

    >>> label_cell(1.0), label_cell("1.0"), label_cell(0.5), label_cell(float("nan"))
    ('1', '1', '0.5', '')
    """
    if value is None or (isinstance(value, float) and value != value) or type(value).__name__ in ("NAType", "NaTType"):
        return ""
    if not isinstance(value, str) and hasattr(value, "tolist"):  # a numpy array (Parquet) or scalar
        value = value.tolist()
    if isinstance(value, list | tuple):
        return "|".join(label_cell(v) for v in value)
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", str(value))).strip().strip(_JOINERS).strip()
    return str(int(text.partition(".")[0])) if _WHOLE_FLOAT.fullmatch(text) else text


_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")
"""Characters that show nothing and mean nothing in a label (a zero-width space, a word joiner, a BOM), which NFKC
keeps: a label pasted from a chat or a web page (``fees\u200b``) was an unknown label shown as ``fees``."""
_JOINERS = "\u200c\u200d"
"""Zero-width (non-)joiners, which join the characters on both sides of them (an emoji's parts) and join nothing
at either end of a label."""


def parse_label_cell(value: object, *, as_written: bool = False) -> list[str]:
    """Return the reason ids of a label cell, first the primary, without blanks or repeats.

    Reasons are separated by ``|`` (full-width too); reasons of the taxonomy also by ``,``, ``、`` (full-width
    forms too) or whitespace. A label of one's own keeps its commas and spaces (``旅行、観光``, ``late payment``);
    *as_written*, a space is always part of a label (``other fees`` is one label of one's own).
    *as_written* (labels of one's own, see :func:`own_labels`): each label is kept as written (after NFKC), not
    turned into a taxonomy id (``その他`` stays ``その他``, ``Fees`` stays ``Fees``).
    """
    cell = label_cell(value)
    parts = (x for part in LABEL_SEPARATORS.split(cell) for x in _split_between_reasons(part, as_written))
    return list(dict.fromkeys(x if as_written else reason_id(x) for x in parts if x))


def format_reasons(labels: Iterable[str]) -> str:
    """Join reason ids into a ``|``-separated cell."""
    return "|".join(labels)
