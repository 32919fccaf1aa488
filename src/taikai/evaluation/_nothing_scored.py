"""Say why an evaluation has no row to score, and what to do: label rows, or name the column of the texts."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from taikai._cut import cut, cut_list
from taikai._masked_messages import quoted_text
from taikai.errors import TEXT_COLUMN, InputError
from taikai.evaluation._unscored import Unscored

SHOWN = 3
"""How many of the rows without usable text the error names."""


def nothing_to_score(
    source: str,
    split: str,
    rows: int,
    unscored: Sequence[Unscored],
    blank: int,
    bad: int,
    text_column: Hashable,
    texts: Mapping[int, object],
) -> InputError:
    """Return the error for *source*, whose *rows* labelled rows (of *split*) have no text to score: *unscored*
    lists those whose text (in *texts*, by data row) the model cannot read; *blank* rows had no label and *bad*
    were labelled in part.

    When every labelled row is there and none has usable text, the labels are not what is missing: the text column
    most likely names another column (an id, the labels), so the error names it and shows the first texts."""
    split_note = "" if split == "all" else f" in split {split!r}"
    if rows and len(unscored) == rows:
        shown = cut_list([f"{row} ({_short(texts[row.row])})" for row in unscored], SHOWN, total=rows, sep="; ")
        return InputError(
            f"{source}: no row to score{split_note}: none of the {rows:,} labelled row(s) has a text the model can "
            f"read in the column {text_column!r} ({shown}); check that {TEXT_COLUMN.given(text_column)} names the "
            "column of the Japanese review texts"
        )
    return InputError(
        f"{source}: no row to score{split_note}: {rows:,} labelled row(s), {len(unscored):,} of them without "
        f"usable text, {blank:,} row(s) without any label and {bad:,} labelled in part skipped; label some rows "
        "(reasons, and sentiment if you code it) and evaluate again"
    )


def _short(text: object) -> str:
    """Return *text* as the error shows it: its repr, cut to 40 characters (masked first, see :func:`quoted_text`)."""
    return cut(repr(quoted_text(text, 36) if isinstance(text, str) else text), 39)
