"""Columns of prose: those whose cells read as sentences (a dump's ``口コミ`` or ``本文``), not labels nor ids.

The likely column of reviews is named whenever the text column asked for is not there (``no column 'text'; '本文'
reads as reviews: text_column='本文'``): by ``taikai batch``, ``evaluate`` and ``train`` for a file, and for a frame
by ``Model.predict_frame``, ``check_drift``, the report and its tables, ``suggest`` and ``distinctive_words``
alike (:func:`reviews_told`). It lies here, under the model and the files, so that every one of them uses it.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import TYPE_CHECKING

from taikai.errors import TEXT_COLUMN, Argument, reviews_hint, separator_hint

if TYPE_CHECKING:
    import pandas as pd

_PROSE_MARK = re.compile(r"[。、！？!?]")
"""Punctuation of prose, which no label holds."""
_HIRAGANA = re.compile(r"[ぁ-ゖ]")
_ADDRESS = re.compile(r"(?:https?|ftp)://\S*|www\.\S*|\S+@\S+\.\w+", re.IGNORECASE)
"""A URL or an e-mail address, whose ``?``, ``!`` or ``.`` are no prose: a column of links reads as no reviews."""
LABEL_CHARS = 12
"""Most characters of a label holding hiragana (the taxonomy's longest names have 8: ``報酬・単価が低い``)."""
PROSE_ROWS = 200
"""Filled cells of a column looked at to tell reviews from labels."""


def prose_columns(frame: pd.DataFrame, *, reviews: bool = False) -> set[str]:
    """Return the names of *frame*'s columns whose filled cells (the first :data:`PROSE_ROWS`) mostly read as
    sentences, not labels (:func:`_sentence`): a dump's ``退会理由`` column of reviews is no column of reasons.
    ``reviews=True``: only those whose cells are mostly distinct too, the likely column of reviews to name when the
    text column is missing (a memo column's few stock phrases, ``要確認。``, are no reviews); never the one column of a
    file read with the wrong separator (:func:`~taikai.errors.separator_hint`), whose cells are whole lines, ids and
    dates too: the error says how to read the file's columns instead. A cell holding an object or a list (a JSONL
    object, a Parquet struct, map or list, as a Python or NumPy value) is no sentence, whatever text it holds:
    classified, it is an error, so a column of them is never named as reviews."""
    if reviews and separator_hint(list(frame.columns)):
        return set()
    found = set()
    for column in frame.columns:
        cells = [_cell(v) for v in frame[column].dropna().head(PROSE_ROWS) if str(v).strip()]
        parts = [[part for part in re.split("[|｜]", cell) if part.strip()] for cell in cells]
        prose = bool(cells) and sum(any(_sentence(part) for part in cell) for cell in parts) * 2 > len(cells)
        if prose and (not reviews or len(set(cells)) * 2 > len(cells)):
            found.add(str(column))
    return found


def frame_reviews(frame: pd.DataFrame) -> list[str]:
    """Return the columns of *frame* whose first :data:`PROSE_ROWS` rows mostly read as distinct sentences
    (:func:`prose_columns` with ``reviews=True``), the likely column of texts, in the frame's order."""
    head = frame.head(PROSE_ROWS)
    head = head.set_axis([str(c) for c in head.columns], axis=1)
    found = prose_columns(head, reviews=True)
    return [str(c) for c in head.columns if str(c) in found]


def reviews_told(frame: pd.DataFrame, name: Hashable, argument: Argument = TEXT_COLUMN) -> str:
    """Return the end of the error of a text column *name* that *frame* has not (given as *argument*): the columns
    that read as reviews and how to read one (:func:`~taikai.errors.reviews_hint`), or ``""`` when *frame* has a
    column written as *name* (found as :func:`taikai.model.find_column` finds it: ``3`` for ``"3"``), none reads
    as reviews, or its columns have several levels (a tuple names one: the error says so, not ``"('a', 'text')"``)."""
    if frame.columns.nlevels > 1 or any(str(c) == str(name) for c in frame.columns):
        return ""
    return reviews_hint(frame_reviews(frame), argument)


def _cell(value: object) -> str:
    """Return a cell's text, to be read as a sentence or not: ``""`` for any value that is no str (a number, an
    object or a list, whose ``str`` may hold sentences: ``{'body': '報酬が安い。'}``)."""
    return value if isinstance(value, str) else ""


def _sentence(part: str) -> bool:
    """Whether a label cell's *part* (between ``|``) reads as a sentence: punctuation of prose, or hiragana in more
    than :data:`LABEL_CHARS` characters, outside its URLs and e-mail addresses."""
    part = _ADDRESS.sub(" ", part)
    return bool(_PROSE_MARK.search(part)) or (len(part.strip()) > LABEL_CHARS and bool(_HIRAGANA.search(part)))
