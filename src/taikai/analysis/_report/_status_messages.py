"""What each message of a row not classified, and each error of a line batch set aside, means, in Japanese, for the
status section of the ``ja`` page.

The messages are taikai's (:func:`taikai.text.check_text`; the readers' errors of a bad line, in its side file), in
English, with the fix addressed to whoever runs it; the Japanese page shows each beside what it means, so that a
reader of the forwarded page learns why rows were left out without reading the English. A row's message is glossed
by its kind (:class:`taikai.text.TextProblem`, read back from the message by the template the message was made
from), not by how it starts: a message reworded keeps its gloss, and a text that only starts as one gets none; a bad
line's error likewise (:class:`taikai.io.LineProblem`).
"""

from __future__ import annotations

from taikai.io import LineProblem
from taikai.text import TextProblem

MEANINGS_JA = {
    TextProblem.EMPTY: "テキストが空 (空白だけのものを含む)",
    TextProblem.JAPANESE_IN_URLS: "日本語が URL の中にしかない (URL は 1 つの語として読まれます)",
    TextProblem.ONLY_PLACEHOLDERS: "マスクした個人情報の置き換えのほかに日本語がない",
    TextProblem.FULL_WIDTH_LATIN: "日本語がなく、全角の英数字だけ (ｗｗｗ など)",
    TextProblem.NOT_JAPANESE: "日本語の文字がない (モデルは日本語だけを読みます)",
    TextProblem.ONLY_MARKS: "日本語の語がなく、記号や仮名 1 文字だけ (顔文字など)",
    TextProblem.LONE_SURROGATE: "正しいテキストでない (デコードされていないバイトを含む)",
    TextProblem.BYTES: "テキストでなく、デコードされていないバイト列",
    TextProblem.OBJECT: "テキストでなく、JSON のオブジェクト",
    TextProblem.UNCOMPUTED_FORMULA: "値が一度も計算されていない Excel の数式",
    TextProblem.OTHER_TYPE: "テキストでない値",
    TextProblem.EXCEL_ERROR: "Excel のエラー値 (#N/A など) で、レビューではない",
    TextProblem.SPREADSHEET_FORMULA: "表計算の数式そのもので、レビューではない",
    TextProblem.MOSTLY_REPLACED: "大半がデコードできなかった文字 (ファイルの文字コードの誤り)",
    TextProblem.UTF8_AS_CP932: "文字化け (UTF-8 の文字を CP932 として読んだもの)",
    TextProblem.REPEATED_HEADER: "見出しの行がもう一度ある (2 つの出力をつないだ跡)",
}
"""What each kind of message of a row not classified means (the kind read back from the message by
:meth:`taikai.text.TextProblem.of`)."""
_FIELD_COUNT_JA = "列の数がほかの行と合わない (文章の中の区切り文字や改行など)"
_UNNAMED_JA = "名前のない列のセルに値がある"
_REPEATED_HEADER_JA = MEANINGS_JA[TextProblem.REPEATED_HEADER]  # a frame's row, or a file's record: said alike
_UNCLOSED_QUOTE_JA = "引用符が閉じていない"
BAD_LINES_JA = {
    LineProblem.FIELD_COUNT: _FIELD_COUNT_JA,
    LineProblem.FIELD_COUNT_AT_MOST: _FIELD_COUNT_JA,
    LineProblem.FIELD_COUNT_RANGE: _FIELD_COUNT_JA,
    LineProblem.UNNAMED_COLUMN_VALUE: _UNNAMED_JA,
    LineProblem.UNNAMED_CELLS: _UNNAMED_JA,
    LineProblem.REPEATED_HEADER: _REPEATED_HEADER_JA,
    LineProblem.REPEATED_HEADER_ROW: _REPEATED_HEADER_JA,
    LineProblem.REPEATED_HEADER_RECORD: _REPEATED_HEADER_JA,
    LineProblem.REPEATED_HEADER_OBJECT: _REPEATED_HEADER_JA,
    LineProblem.INVALID_JSON: "JSON として読めない",
    LineProblem.REPEATED_KEY: "同じキーが 2 回ある JSON",
    LineProblem.NOT_AN_OBJECT: "JSON のオブジェクトでない (配列や文字列など)",
    LineProblem.LONE_SURROGATE: "正しくない Unicode のエスケープ",
    LineProblem.UNKNOWN_KEYS: "ほかの行にないキーがある",
    LineProblem.FIELD_TOO_LARGE: "値が長すぎる (閉じていない引用符など)",
    LineProblem.UNCLOSED_QUOTE: _UNCLOSED_QUOTE_JA,
    LineProblem.NEW_LINE_UNQUOTED: _UNCLOSED_QUOTE_JA,
    LineProblem.CHARACTER_AFTER_QUOTE: "引用符の閉じ方が正しくない",
}
"""What each kind of error of a bad line (the ``error`` column of the side file of bad lines) means (the kind read
back from the error by :meth:`taikai.io.LineProblem.of`)."""
MEANING_COLUMN_JA = "内容"
STATUSES_JA = {"ok": "分類済み", "empty": "テキストが空", "error": "分類できない", "missing": "予測なし"}
"""What each status means (``missing``: a row without a status nor a reason, as ``status_counts`` counts it)."""


def status_ja(status: object) -> str:
    """Return a *status* with what it means, in Japanese (``error (分類できない)``); one of no known kind as it is."""
    meaning = STATUSES_JA.get(str(status))
    return f"{status} ({meaning})" if meaning else str(status)


def meaning_ja(message: object) -> str | None:
    """Return what *message* (a row's ``message``) means, in Japanese, by its kind; ``None`` for a message of no
    known kind (one a user wrote, or of a later taikai)."""
    problem = TextProblem.of(message)
    return None if problem is None else MEANINGS_JA[problem]


def bad_line_meaning_ja(error: object, kind: object = None) -> str:
    """Return what the *error* of a bad line means, in Japanese, by its kind: the side file's ``kind`` (*kind*), else
    read back from the error (a side file written before it had the column); ``""`` for an error of no known kind."""
    problem = LineProblem(kind) if kind in set(LineProblem) else LineProblem.of(error)
    return "" if problem is None else BAD_LINES_JA[problem]
