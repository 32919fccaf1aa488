"""Read a table of rules, as an analyst keeps coding rules in Excel: a CSV or tab-separated text (UTF-8, CP932 or
UTF-16 with its byte order mark, as :func:`~taikai.rules._rules_file.rules_text` reads it) or an xlsx workbook, one
row per term or per rule, into the ``[[rule]]`` tables a TOML file holds, for :func:`~taikai.rules.parse_rules` to
check as it checks those: the same rules, every problem named by the file and the row's line.

Columns (named in English or Japanese, any case or width): ``label`` (required), ``name`` (optional: without it,
the rows of one label are one rule named by it), the term columns ``any`` (``keyword``, ``キーワード`` …),
``all``, ``not``, ``regex``, ``kind`` (``surface``, ``lemma`` or ``regex``: the prefix of the row's terms written
without one) and ``note`` (not read). A rule's rows are consecutive: a blank name (or, without a name column, a
blank label) continues the rule above, as merged cells are saved; a cell holding several lines holds one term a line,
and a line listing terms (``手数料、利用料``, ``時給,単価``) holds each (:func:`listed_terms`).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path
from typing import Any

from taikai._column_names import did_you_mean
from taikai.labels import label_cell
from taikai.rules._rule import rule_name

Rows = list[tuple[int, list[str]]]
"""The rows of a table, each with its line in the file (a CSV line where the row starts; an xlsx row number)."""
TERM_COLUMNS = ("any", "all", "not", "regex")
COLUMNS = ("name", "label", *TERM_COLUMNS, "kind", "note")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")

_JAPANESE_KEYS = {
    **dict.fromkeys(("ルール名", "ルール", "名前", "名称", "コード名", "コード", "rule"), "name"),
    **dict.fromkeys(("ラベル", "理由", "分類", "カテゴリ", "カテゴリー", "退会理由", "reason"), "label"),
    **dict.fromkeys(("パターン", "キーワード", "語", "語句", "単語", "いずれか", "どれか"), "any"),
    **dict.fromkeys(("keyword", "keywords", "term", "terms", "pattern", "patterns", "word", "words"), "any"),
    **dict.fromkeys(("すべて", "全て", "全部", "and"), "all"),
    **dict.fromkeys(("除外", "除外語", "除く", "否定"), "not"),
    **dict.fromkeys(("正規表現",), "regex"),
    **dict.fromkeys(("種類", "種別", "タイプ", "type", "kind"), "kind"),
    **dict.fromkeys(("メモ", "備考", "コメント", "説明", "notes", "comment", "comments", "memo"), "note"),
}
"""Column names a table of rules saved from Excel may have (ルール名, キーワード …), and the column each is."""

_KINDS = {
    **dict.fromkeys(("", "surface", "表層", "表層形", "文字列", "そのまま"), ""),
    **dict.fromkeys(("lemma", "原形", "基本形", "見出し語", "活用"), "lemma:"),
    **dict.fromkeys(("regex", "正規表現"), "regex:"),
}
"""What a cell of the ``kind`` column may say, and the prefix it gives the row's terms written without one."""


def column_key(cell: str) -> str:
    """Return the column of a rules table the header *cell* names (``Name``, ``ｎａｍｅ``, ``ルール名``: ``name``);
    the cell as read (NFKC, lower case) when it names none."""
    read = unicodedata.normalize("NFKC", cell).strip().lower()
    return _JAPANESE_KEYS.get(read, read)


def is_rules_table(header: list[str]) -> bool:
    """Return whether the *header* cells are those of a table of rules: a column of terms, and one of labels or of
    names (a label column misspelt is then said to be)."""
    keys = {column_key(cell) for cell in header}
    return bool(keys & {"name", "label"}) and bool(keys & set(TERM_COLUMNS))


def text_rows(text: str) -> Rows:
    """Return the rows of the CSV or tab-separated *text* (tab-separated when its first line holds a tab)."""
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), "excel-tab" if "\t" in first else "excel")
    rows: Rows = []
    line = 1
    for row in reader:
        rows.append((line, row))
        line = reader.line_num + 1
    return rows


def text_header(text: str) -> list[str]:
    """Return the header cells of *text* read as a table (``[]`` when it has no line)."""
    rows = text_rows(text.split("\n", 1)[0]) if text.strip() else []
    return rows[0][1] if rows else []


def workbook_rows(path: Path, source: str) -> tuple[Rows, list[str]]:
    """Return the rows of the one sheet of the workbook *path* whose first row is the header of a table of rules,
    and the problems that keep it from being read (none such, several, or no workbook)."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        return [], [f"{not_rules(path)} (it cannot be read as a workbook: {exc})"]
    try:
        sheets = {ws.title: [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)] for ws in book}
    finally:
        book.close()
    tables = [title for title, rows in sheets.items() if rows and is_rules_table(rows[0])]
    if len(tables) == 1:
        return list(enumerate(sheets[tables[0]], 1)), []
    if tables:
        return [], [
            f"{source}: sheets {', '.join(map(repr, tables))} each hold a table of rules, and a run reads one: move "
            "their rows into one sheet, in the order the rules apply, or delete the others"
        ]
    return [], [f"{not_rules(path)} (no sheet has the header of one in its first row)"]


def first_rows(path: Path) -> list[list[str]]:
    """Return the first row of each sheet of the workbook *path*, read alone (a sheet of many rows is not read)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return [[_cell(v) for v in next(ws.iter_rows(max_row=1, values_only=True), ())] for ws in book]
    finally:
        book.close()


def not_rules(path: Path) -> str:
    """Say that *path*, a data file by its name and neither TOML nor a table of rules, was given as the rules file."""
    return (
        f"{path}: not a rules file: it is named as a data file ({path.suffix}) and is neither TOML nor a table of "
        "rules (a header with a label column and a column of terms); rules are a TOML file of [[rule]] tables, such "
        "as examples/rules.toml, or such a table, such as examples/rules.csv: give its path as the rules"
    )


_LISTED = re.compile(r"[、､，]|(?<!\d),|,(?!\d)")
"""What separates the terms a cell lists on one line, as analysts type a list (``手数料、利用料``, ``時給,単価``): a
Japanese comma (full-width or half-width ``､``), a full-width ``，``, or a ``,`` not between digits (``1,000円`` is
one term). ``・`` joins words within one term (``報酬・単価``, ``クラウド・ワークス``), so it separates none."""


def listed_terms(cell: str, key: str) -> list[str]:
    """Return the terms of a table cell of the column *key*: one a line (Alt+Enter) and, but in the ``regex`` column
    and for a ``regex:`` term (where ``,`` and ``、`` are pattern text), several on a line separated by
    :data:`_LISTED`; spaces around each dropped, empty ones left out."""
    terms = []
    for line in cell.splitlines():
        line = line.strip()
        listed = key != "regex" and not line.startswith("regex:")
        terms += [t.strip() for t in (_LISTED.split(line) if listed else [line])]
    return [t for t in terms if t]


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def table_rules(rows: Rows, source: str) -> tuple[list[dict[str, Any]], list[int], list[dict[Any, int]], list[str]]:
    """Return the ``[[rule]]`` tables of the table of rules *rows* (its header first), the line each starts on,
    where each term is (:func:`~taikai.rules._headers.string_lines`'s map), and the problems of the table itself."""
    if not rows:
        return [], [], [], [f"{source}: no rules: the file is empty; see examples/rules.csv"]
    head_line, header = rows[0]
    keys = [column_key(cell) if cell.strip() else "" for cell in header]
    unknown = [cell for cell, key in zip(header, keys, strict=True) if key and key not in COLUMNS]
    problems = [_unknown_column(source, head_line, cell) for cell in unknown]
    if "label" not in keys:
        problems.append(
            f"{source}:{head_line}: no label column: add one (label, or ラベル), the reason each rule gives"
        )
    for key in ("name", "label", "kind"):
        if keys.count(key) > 1:
            shown = ", ".join(repr(c) for c, k in zip(header, keys) if k == key)
            problems.append(f"{source}:{head_line}: the columns {shown} are both the {key}: keep one")
    if problems:
        return [], [], [], problems
    named = "name" in keys
    tables: list[dict[str, Any]] = []
    lines: list[int] = []
    strings: list[dict[Any, int]] = []
    seen: dict[str, int] = {}  # each rule's name as read: its first line
    current: dict[str, Any] | None = None
    at: dict[Any, int] = {}
    for line, row in rows[1:]:
        cells: dict[str, list[str]] = {key: [] for key in (*COLUMNS, "")}
        for k, cell in enumerate(row):
            cells[keys[k] if k < len(keys) else ""].append(cell.strip())
        stray = [cell for cell in cells[""] if cell]
        if stray:
            problems.append(
                f"{source}:{line}: the cell {stray[0]!r} is under no column: give the column a name (note, to keep "
                "notes beside the rules) or clear it"
            )
            continue
        label = label_cell(_first(cells["label"]))
        name = _first(cells["name"]) if named else label
        if not any(any(cells[key]) for key in ("name", "label", *TERM_COLUMNS, "kind")):
            continue  # a blank row, or one of notes
        if name:
            if current is None or rule_name(name) != rule_name(current["name"]):
                if rule_name(name) in seen:
                    problems.append(
                        f"{source}:{line}: the rule {rule_name(name)!r} of line {seen[rule_name(name)]} goes on here, "
                        "after other rules: a rule's rows are consecutive (rules apply in order): move this row up "
                        "to its rule's, or rename one of the rules"
                    )
                    current, at = {"name": name}, {}  # its rows below are read, and not said again
                    continue
                seen[rule_name(name)] = line
                current, at = {"name": name}, {}
                tables.append(current)
                lines.append(line)
                strings.append(at)
        elif current is None:
            column = "name" if named else "label"
            problems.append(f"{source}:{line}: no {column}: write the rule's {column} in its {column} column")
            continue
        if label and current.setdefault("label", label) != label:
            problems.append(
                f"{source}:{line}: rule {rule_name(current['name'])!r}: the label {label!r} here, "
                f"{current['label']!r} above: a rule has one label; give this row's terms a rule of their own name"
            )
        problems += _add_terms(current, at, cells, source, line)
    return tables, lines, strings, problems


def _first(cells: list[str]) -> str:
    return cells[0] if cells else ""


def _add_terms(
    rule: dict[str, Any], strings: dict[Any, int], cells: dict[str, list[str]], source: str, line: int
) -> list[str]:
    """Add the terms of one row (*cells* by column) to *rule*, each at *line* in *strings*; return its problems."""
    kind = unicodedata.normalize("NFKC", _first(cells["kind"])).strip().lower()
    problems = []
    if kind not in _KINDS:  # its terms are still read, so that the rule is not said to match nothing
        problems.append(
            f"{source}:{line}: the kind {_first(cells['kind'])!r} is none of surface, lemma, regex (表層, 原形, "
            "正規表現): write one, or leave the cell blank for terms written as they are"
        )
    prefix = _KINDS.get(kind, "")
    for key in TERM_COLUMNS:
        for cell in cells[key]:
            for term in listed_terms(cell, key):
                if key == "regex" and prefix not in ("", "regex:"):
                    return [f"{source}:{line}: the kind {kind!r} is no kind of a regex cell: leave it blank"]
                if key != "regex" and prefix and not term.startswith(("lemma:", "regex:")):
                    term = prefix + term
                rule.setdefault(key, []).append(term)
                strings.setdefault((key, None), line)
                strings.setdefault((key, term), line)
    return problems


def _unknown_column(source: str, line: int, cell: str) -> str:
    said = f"{source}:{line}: unknown column {cell!r}"
    if column_key(cell) in ("sentiment", "感情", "評価"):
        return f"{said}: rules set reasons only, a rule has no sentiment; remove the column"
    if column_key(cell) in ("priority", "order", "rank", "優先度", "優先順位", "順位"):
        return f"{said}: rules apply in the order of their rows: sort the rows so, and remove the column"
    return (
        f"{said}{did_you_mean(column_key(cell), COLUMNS, cutoff=0.5, typo=None)}; the columns are "
        f"{', '.join(COLUMNS)} (or ルール名, ラベル, キーワード, すべて, 除外, 正規表現, 種類, メモ); name a column of "
        "notes note"
    )
