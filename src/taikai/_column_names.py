"""What a column name given and not found most likely meant: a near miss among the names there are (``Text`` for
``text``, ``text `` with Excel's trailing space, full-width ``ｔｅｘｔ``), or the header row itself below a title.

It imports nothing of taikai: :func:`taikai.errors.no_column_error` says both, and rules files name their keys so.
:func:`label_like` tells a column whose name may hold labels (``category``, ``理由``): a file with one is not taken for
an unlabelled dump or a predictions file without labels of its own.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

CLOSE = 0.8
"""Least :class:`difflib.SequenceMatcher` ratio for a column name to be suggested when no name folds to the same one:
``platfrom`` for ``platform`` (0.88), ``txt`` for ``text`` (0.86), not ``sentence`` for ``sentiment`` (0.71)."""
TYPO = 2
"""Most characters a close column name suggested may be longer or shorter than the name given (a misspelling's)."""
HEAD_ROWS = 20
"""Rows of a file's head in which a header below its first row is looked for."""
HEADER_CELL = 40
"""Most characters of a cell of a row taken for a header below a title: longer ones are texts, a data row's."""


def folded(name: str) -> str:
    """Return *name* compared regardless of width, case and surrounding spaces: NFKC, casefolded, stripped."""
    return unicodedata.normalize("NFKC", name).casefold().strip()


def close_name(name: str, names: Sequence[str], cutoff: float = CLOSE, typo: int | None = TYPO) -> str | None:
    """Return the one of *names* that *name* most likely meant, or ``None``: the first that is the same but for width,
    case and surrounding spaces (:func:`folded`), else the closest by :mod:`difflib` (a ratio of at least *cutoff*,
    compared folded) among those at most *typo* characters longer or shorter (``None``: any)."""
    key = folded(name)
    by_fold: dict[str, str] = {}
    for known in names:
        by_fold.setdefault(folded(known), known)
    if key in by_fold:
        return by_fold[key]
    # a misspelling adds, leaves out or changes a letter or two; a longer or shorter name is another column, such as
    # pred_reason or pred_reasons (a prefixed prediction) for reasons, or review_text for text
    typos = [n for n in by_fold if typo is None or abs(len(n) - len(key)) <= typo]
    close = difflib.get_close_matches(key, typos, n=1, cutoff=cutoff)
    return by_fold[close[0]] if close else None


def did_you_mean(name: str, names: Sequence[str], cutoff: float = CLOSE, typo: int | None = TYPO) -> str:
    """Return `` (did you mean 'x'?)`` for the name of *names* that *name* most likely meant (:func:`close_name`),
    or ``""``: for the end of a message that names *name*."""
    close = close_name(name, [n for n in names if n != name], cutoff, typo)
    return f" (did you mean {close!r}?)" if close is not None else ""


def column_meant(name: str, names: Sequence[str], sheet: bool = False) -> str:
    """Return what a column *name* not among *names* most likely meant, for the end of a message that names it: a
    near miss (:func:`did_you_mean`), or, for a number given where the columns have names (``--text-column 3``), that
    columns are chosen by name and the name of the column at that place: `` (columns are chosen by name, not by
    number: column 3, counting from 1, is '本文')``; of a *sheet* (xlsx), for a column's letter (``--text-column C``,
    as Excel heads its columns), the same by letter: `` (columns are chosen by the name in row 1, not by letter:
    column C is '本文')``, when the sheet has that column (``ID`` is a name more likely than column 238)."""
    near = did_you_mean(name, names)
    if near:
        return near
    letters = name.strip()
    if sheet and _COLUMN_LETTERS.fullmatch(letters) and column_number(letters) <= len(names):
        at = names[column_number(letters) - 1]
        return f" (columns are chosen by the name in row 1, not by letter: column {letters} is {at!r})"
    if not name.strip().isdecimal() or any(known.strip().isdecimal() for known in names):
        return ""  # a frame read with header=None has numbers for names: a number is a name there
    number = int(name)
    at = f": column {number}, counting from 1, is {names[number - 1]!r}" if 1 <= number <= len(names) else ""
    return f" (columns are chosen by name, not by number{at})"


_COLUMN_LETTERS = re.compile("[A-Z]{1,3}")
"""A column's letters as Excel heads it (A to XFD), in capitals as it shows them."""


def column_number(letters: str) -> int:
    """Return the 1-based number of the sheet column *letters* names (``A`` 1, ``AA`` 27)."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


@dataclass(frozen=True)
class Head:
    """The first rows of a file (from its first, each as its cells' text) in which a header below a title is looked
    for, and what the file calls a row in messages (``line`` for a text file, ``row`` for a sheet)."""

    rows: tuple[tuple[str, ...], ...]
    unit: str = "line"

    def header_below(self, names: Sequence[str]) -> str:
        """Return what to do when a row below the first holds some of *names* (columns not found in the first row)
        as cells, the first such row, when the first row holds fewer filled cells (a title's one or two): ``;
        'text' is on line 3: the lines above it look like a title; delete them (taikai reads the header from line
        1)``; else ``""`` (a name that is a cell of a data row, such as an id ``3``, is no header below a title)."""
        for number, row in enumerate(self.rows[1:HEAD_ROWS], 2):
            found = [name for name in names if name in row and not name.strip().isdecimal()]  # a number: an id
            if found:
                if _filled(self.rows[0]) >= _filled(row):
                    return ""  # as full as the first row, the header read: the name is a value of a data row
                said = listed([repr(name) for name in found])
                verb = "is" if len(found) == 1 else "are"
                units = f"{self.unit}s"
                return (
                    f"; {said} {verb} on {self.unit} {number}: the {units} above it look like a title; delete them "
                    f"(taikai reads the header from {self.unit} 1)"
                )
        return ""

    def title_advice(self, names: Sequence[str]) -> str:
        """Return what to do when columns *names* are not in the first row: the row below a title that holds them
        (:meth:`header_below`), else, when the first row is one cell, the row that looks like the header below it
        (:meth:`header_after_title`: the columns asked for may have other names there); else ``""``."""
        return self.header_below(names) or self.header_after_title()

    def header_after_title(self) -> str:
        """Return, when the first row holds one filled cell, as a title does, and a later row of the head holds
        several short ones, as a header does, what to do if that row is the header: ``; line 1 holds one cell, as a
        title does: if line 3 ('id', 'text') is the header, delete the lines above it (taikai reads the header from
        line 1)``; else ``""``. For a file read without a column asked for, whose columns are then the title."""
        if not self.rows or _filled(self.rows[0]) != 1:
            return ""
        for number, row in enumerate(self.rows[1:HEAD_ROWS], 2):
            cells = [cell.strip() for cell in row if cell.strip()]
            if len(cells) > 1:
                if any(len(cell) > HEADER_CELL for cell in cells):
                    return ""  # a row of texts: data, not a header
                said = ", ".join(map(repr, cells))
                return (
                    f"; {self.unit} 1 holds one cell, as a title does: if {self.unit} {number} ({said}) is the header, "
                    f"delete the {self.unit}s above it (taikai reads the header from {self.unit} 1)"
                )
        return ""

    def header_below_gaps(self, wider_than: int = 0) -> str:
        """Return, when the first row is blank or has blank cells between its names (a title over merged cells:
        ``レビュー,,,メタ`` as a spreadsheet saves it) and the first later row of several cells is a header's (more
        filled cells, none blank between them, none longer than :data:`HEADER_CELL`), what to do if it is the header:
        ``if line 2 ('id', '本文') is the header, delete the lines above it (taikai reads the header from line 1)``;
        else ``""``. *wider_than*: that row must also fill more cells than that (the first row's columns up to its
        last name), as no data row under the first row's names can."""
        if not self.rows or (_filled(self.rows[0]) and not _gapped(self.rows[0])):
            return ""
        for number, row in enumerate(self.rows[1:HEAD_ROWS], 2):
            cells = [cell.strip() for cell in row if cell.strip()]
            if len(cells) > 1:
                narrow = len(cells) <= max(_filled(self.rows[0]), wider_than)
                if narrow or _gapped(row) or any(len(c) > HEADER_CELL for c in cells):
                    return ""  # no fuller than the first row, or a row of texts: data, not a header
                said = ", ".join(map(repr, cells))
                return (
                    f"if {self.unit} {number} ({said}) is the header, delete the {self.unit}s above it (taikai reads "
                    f"the header from {self.unit} 1)"
                )
        return ""


def _gapped(row: Sequence[str]) -> bool:
    """Return whether *row* has a blank cell before its last filled one (a title over merged cells)."""
    filled = [bool(cell.strip()) for cell in row]
    return True in filled and not all(filled[: len(filled) - filled[::-1].index(True)])


def _filled(row: Sequence[str]) -> int:
    """Return how many cells of *row* hold more than spaces: a title row holds fewer than the header below it."""
    return sum(1 for cell in row if cell.strip())


def listed(words: Sequence[str], joiner: str = "and") -> str:
    """Return *words* as a list in prose: ``a``, ``a and b``, ``a, b and c`` (*joiner* ``nor``: ``a, b nor c``)."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {joiner} {words[-1]}"


LABEL_WORDS = (
    "label",
    "reason",
    "sentiment",
    "category",
    "categories",
    "class",
    "tag",
    "tone",
    "polarity",
    "ラベル",
    "理由",
    "感情",
    "分類",
    "カテゴリ",
    "区分",
    "タグ",
    "種別",
)
"""Words of a column name that may hold labels: a file with one is not taken for an unlabelled dump. A word
counts anywhere in a name (``ReasonCode``, ``goldlabel``), but ``class``, ``tag`` and ``tone``, which other words
hold, only where they stand as words (``tag``, ``review_tag``, ``tags``; not ``stage`` nor ``stone``)."""
_SENTIMENT_WORDS = ("sentiment", "tone", "polarity", "感情")
_AS_WORDS = ("class", "tag", "tone")
_LETTERS = "a-z"
_LABEL_WORD = re.compile(
    "|".join(rf"(?<![{_LETTERS}]){word}(?:e?s)?(?![{_LETTERS}])" if word in _AS_WORDS else word for word in LABEL_WORDS)
)


def label_like(name: str) -> str | None:
    """Which kind of labels the folded column name *name* may hold: ``"sentiment"`` (tone, 感情), ``"reasons"``
    (category, 分類, label), or ``None`` when it holds no word of :data:`LABEL_WORDS`."""
    found = _LABEL_WORD.search(name)
    if found is None:
        return None
    return "sentiment" if any(word in found.group() for word in _SENTIMENT_WORDS) else "reasons"


_CAMEL_ID = re.compile(r"[a-z](?:Id|ID)")
"""The end of a camelCase id name: ``reviewId``, ``answerID`` (not ``paid``, ``valid``)."""


def id_like(name: str) -> bool:
    """Whether the column name *name* says it holds ids: ``id``, ``ID``, ``回答ID``, ``投稿ＩＤ``, ``review_id``,
    ``user id``, ``reviewId``; not a word that ends in the letters id (``paid``, ``valid``, ``Android``)."""
    plain = unicodedata.normalize("NFKC", name).strip()
    name = plain.casefold()
    if not name.endswith("id"):
        return False
    before = name[:-2]
    return not before or not ("a" <= before[-1] <= "z") or _CAMEL_ID.fullmatch(plain[-3:]) is not None


def no_label(name: object) -> bool:
    """Whether *name*, given as a column label, is ``pd.NA`` or ``NaT``, which name no column: compared with a label
    each gives neither ``True`` nor ``False`` (pandas' "boolean value of NA is ambiguous"); ``None`` and a float NaN
    are labels a frame may have."""
    return type(name).__name__ in ("NAType", "NaTType")
