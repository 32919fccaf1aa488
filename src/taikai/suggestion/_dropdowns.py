"""The sheet's dropdowns of labels: their lists (inline, or a range of the definitions sheet) and what Excel says
of a value typed in that is not on the list."""

from __future__ import annotations

from collections.abc import Sequence

from taikai.labels import REASON_IDS, SENTIMENTS, label_list, reason_name, sentiment_name

DEFINITIONS_SHEET = "definitions"
"""The name of the suggest workbook's sheet that defines every label."""
_LIST_LIMIT = 255  # Excel's limit for an inline list of a data validation
_INLINE_BREAKERS = frozenset(',"')
"""Characters a label of an inline dropdown list cannot hold: a comma splits it, a quote ends the list's string."""


def list_formula(values: Sequence[str], column: str, count: int) -> str:
    """Return a dropdown's list: inline (``"a,b"``) when it fits and no value holds a comma, which would split it,
    or a quote, which would end the formula's string; else the range of *values* on the definitions sheet."""
    inline = ",".join(values)
    if len(inline) + 2 <= _LIST_LIMIT and not _INLINE_BREAKERS.intersection("".join(values)):
        return f'"{inline}"'
    row0 = 2 if column == "reason" else 2 + count
    return f"{DEFINITIONS_SHEET}!$B${row0}:$B${row0 + len(values) - 1}"


_MESSAGE_LIMIT = 255
"""The characters Excel takes in a data validation's message."""


def off_the_list(values: Sequence[str], kind: str) -> str:
    """What Excel says of a value typed into a dropdown that is not on its list, within the 255 characters Excel
    takes: for the taxonomy's labels, that their Japanese names are read too (the definitions sheet lists them);
    for labels of one's own, the list; and that any other value is refused when the sheet is read."""
    taxonomy = REASON_IDS if kind == "reason" else SENTIMENTS
    named = [v for v in values if v in taxonomy]
    if named:
        example = reason_name(named[0]) if kind == "reason" else sentiment_name(named[0])
        said = (
            f"リストにない値です。ID か、{DEFINITIONS_SHEET} シートの日本語名 ({example} など) なら読めます。"
            "ほかの値は読むときに拒否されます。 / Not on the list: an id or its Japanese name (on the definitions "
            "sheet) is read; any other value is refused when the sheet is read."
        )
    else:
        said = f"リストにない値は読むときに拒否されます / a value not on the list is refused: {label_list(values)}"
    return said if len(said) <= _MESSAGE_LIMIT else said[: _MESSAGE_LIMIT - 1] + "…"
