"""Tell a table's header piped in from reviews that hold commas: whether the first of some lines (standard input's)
reads as column names above rows, for the warning that ``predict`` reads a table's lines as reviews.

Lines of the same number of commas are not enough (two reviews may hold one comma each), nor is a first line of
short words (``ランサーズ,手数料高い``). The first line must read as names, and one of its columns must show it is of
another kind than the lines under it: an id, number or date column under a name (``id``, ``投稿日``), an ASCII name
over Japanese (``text``), or a usual column word (``本文``, ``感想``, ``コメント``) over texts longer than it or
prose (``安い``), unless every name of the line is such a word (``ユーザー,感想``, whatever its cells); and no
name of the first line may be a value of its column (``コメント,なし`` over ``特に,なし``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from taikai.io._sniff import SENTENCE_MARKS, SNIFF_LINES, delimited_lines

_MAX_NAME = 20
"""A column name is short: a longer field is part of a review."""
_NOT_IN_NAMES = SENTENCE_MARKS | frozenset("「」『』…")
"""Marks of a sentence or a quotation, which a column name does not hold. Stricter than a file's header
(:func:`~taikai.io._sniff.delimited_lines`: at most 64 characters, sentence marks only, any ending), which is told
from the lines of a file given as a table, where a survey's question may head a column (``辞めた理由を教えてください``);
here the lines are reviews piped in, and a header is claimed only of a line no review would be."""
_PREDICATE_ENDS = frozenset("たいすだるよねかわうくつむぬずぞてでにをがはもへ")
"""Hiragana a predicate or a particle ends with (``やめました``, ``手数料高い``): a field ending in one is prose."""
_VALUE = re.compile(r"[A-Za-z]{0,4}[-_#]?\d[\d\-/:._ T]*|[★☆]+|★\s*\d(\.\d)?")
"""An id, number, date or time (``17``, ``b01-0001``, ``2025-01-05``, ``2025/1/5 10:00``), or a rating in stars
(``★1``, ``★★☆☆☆``), as a whole cell."""
_ASCII_NAME = re.compile(r"[a-z][a-z0-9_.]*|[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*")
"""A column name in ASCII: lower case (``text``, ``review_id``) or snake case (``Review_ID``), not a name such as
``Lancers`` that starts a review."""
_ENGLISH_NAMES = frozenset({"id", "no", "no.", "text", "review", "comment", "body", "title", "date", "name", "reason"})
"""Capitalised English column names (``ID``, ``No.``, ``Text``, ``Review``), told by the word."""
_COLUMN_WORDS = (
    "本文", "感想", "内容", "コメント", "レビュー", "口コミ", "クチコミ", "意見", "備考", "メモ", "理由", "評価",
    "件名", "タイトル", "名前", "氏名", "日付", "日時", "投稿日", "番号", "カテゴリ", "種別", "区分", "テキスト",
    "回答", "自由記述", "要望",
)  # fmt: skip
"""Words of a Japanese column name over texts (``ひとこと感想``, ``お名前``, ``レビュー本文``, ``自由回答``)."""
_WHO_WORDS = ("ユーザー", "ユーザ", "投稿者", "回答者", "会員", "ニックネーム", "アカウント", "ハンドルネーム")
"""Words of a Japanese column name over who wrote a review: over names, as short as it, so not told by its cells."""
_COLUMN_NAME = re.compile(
    r".{0,4}(?:" + "|".join(map(re.escape, (*_COLUMN_WORDS, *_WHO_WORDS))) + r")(?:名|ID|Id|id|No\.?|番号)?"
)
"""A field that is a Japanese column name as a whole (``ユーザー``, ``ユーザー名``, ``会員ID``, ``ひとこと感想``): a
line of two or more such fields is a header whatever its cells (``ユーザー,感想`` over ``田中,普通``); a review is
no such line."""


def delimited_format(lines: Sequence[str]) -> str | None:
    """Return ``tsv`` or ``csv`` when *lines* (standard input's, say) begin as a CSV or TSV table does: as many
    fields on every line, a first line of names (short, no sentence marks, not ending as a predicate does:
    ``手数料高い``, ``やめました`` are none), and a column whose first cell is of another kind than every cell under
    it: an id, number, date or star rating column under a name (``id``, ``投稿日``, ``評価``), an ASCII name over
    Japanese (``text``), or a usual column word over texts longer than it or prose (``ひとこと感想``, ``お名前``,
    ``感想`` over ``安い``), or a first line of such words only (``ユーザー,感想``, whatever is under it), none of the
    names a value of its column; else ``None``: lines piped in are reviews, which may hold commas
    (``ランサーズ,手数料高い`` over ``時給300円,やめました`` is no table)."""
    fmt = delimited_lines("\n".join(lines[:SNIFF_LINES]) + "\n")
    if fmt is None:
        return None
    rows = list(csv.reader(io.StringIO("\n".join(lines[:SNIFF_LINES])), delimiter="\t" if fmt == "tsv" else ","))
    header, below = rows[0], [row for row in rows[1:] if row]
    if not all(_name(field) for field in header):
        return None
    columns = [(first.strip(), [cell.strip() for cell in rest]) for first, *rest in zip(header, *below, strict=False)]
    if any(first in rest for first, rest in columns):  # a name is no value of its column: なし over なし
        return None
    if all(_COLUMN_NAME.fullmatch(first) for first, _ in columns):  # ユーザー,感想: names, every one of them
        return fmt
    return fmt if any(_header_cell(first, rest) for first, rest in columns) else None


def _name(field: str) -> bool:
    """Whether *field* reads as a column name: short, no sentence marks, not ending as a predicate does."""
    name = field.strip()
    return 0 < len(name) <= _MAX_NAME and not _NOT_IN_NAMES.intersection(name) and name[-1] not in _PREDICATE_ENDS


def _header_cell(first: str, rest: Sequence[str]) -> bool:
    """Whether *first* names the column of cells *rest* (all stripped): an id, number, date or star rating column
    under a name that is none, an ASCII name over Japanese, or a usual column word over texts, each longer than it or
    no name (``感想`` over ``安い``, ``口コミ`` over ``手数料が高すぎて辞めた``), but not over words
    (``理由`` over ``時間``)."""
    if _VALUE.fullmatch(first) is None and all(_VALUE.fullmatch(cell) for cell in rest):
        return True
    ascii_name = _ASCII_NAME.fullmatch(first) is not None or first.lower() in _ENGLISH_NAMES
    if ascii_name and all(not cell.isascii() for cell in rest):
        return True
    column_word = any(word in first for word in _COLUMN_WORDS)
    return column_word and all(len(cell) > len(first) or not _name(cell) for cell in rest)
