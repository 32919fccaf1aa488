"""Read the text of a rules file: UTF-8, UTF-16 with its byte order mark or CP932, as editors save it; a refusal
that says what the path is instead (standard input, a folder, a data file given as the rules) and what to give."""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import unicodedata
from pathlib import Path

from taikai._command import running_command
from taikai._cut import cut_list
from taikai.errors import RulesError
from taikai.rules._rule import KEYS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


SEVERAL = (
    " (a run reads one rules file: to apply the rules of several, copy their [[rule]] tables into one file, one "
    "after another in the order they are to apply)"
)
"""What to do with rules kept in several files: the first rule that fires decides under ``override``, so their order
is the analyst's to write, not a folder's listing."""


def rules_text(path: Path) -> str:
    """Return the text of the rules file *path*, or raise :class:`RulesError` saying why it has none."""
    if str(path) == "-" and not os.path.lexists(path):  # standard input, where no file is named -
        raise RulesError(
            f"-: {running_command()} does not read rules from standard input; save them to a file (e.g. rules.toml) "
            "and give its path"
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RulesError(f"{path}: no such rules file") from None
    except OSError as exc:
        if path.is_dir():  # Windows says permission denied of a folder
            files = sorted(p.name for p in path.glob("*.toml"))
            found = f"; in it: {cut_list(files, 5)}" if files else "; it holds no .toml file"
            found += SEVERAL if len(files) > 1 else ""
            raise RulesError(
                f"{path}: a folder, not a rules file: give the path of a TOML file of rules{found}"
            ) from None
        raise RulesError(f"{path}: cannot read the rules file ({exc.strerror})") from None
    data_file = path.suffix.lower() in _DATA_SUFFIXES  # the labelled data given as the rules (rules test DATA RULES)
    text = _decoded(path, data, data_file)
    if data_file:
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            raise RulesError(rules_table_problem(str(path), text) or _not_rules(path)) from None
    return text


def written_names(source: str) -> list[str] | None:
    """Return the name of each rule of the rules file *source* as it writes it, spaces around it taken off (as a
    taikai read names before it read them as texts are: NFKC, spaces collapsed), its text read as
    :func:`rules_text` reads it; ``None`` when *source* is no file of rules tables that reads so (a rule set made in
    Python, ``<rules>``; a file gone or changed into something else)."""
    path = Path(source)
    if not path.is_file():
        return None
    try:
        tables = tomllib.loads(rules_text(path)).get("rule")
    except (RulesError, tomllib.TOMLDecodeError):
        return None
    if isinstance(tables, list) and all(isinstance(t, dict) and isinstance(t.get("name"), str) for t in tables):
        return [t["name"].strip() for t in tables]
    return None


def _decoded(path: Path, data: bytes, data_file: bool) -> str:
    """Return the rules file *path*'s bytes *data* as text: UTF-8 (with or without a byte order mark), UTF-16 with
    its byte order mark (Notepad's "Unicode"), else CP932 (Notepad's "ANSI"); a refusal naming the line of the
    first byte that is none of them, or (*data_file*) saying that the data given as rules is no rules file."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # no UTF-8 or CP932 text starts so
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("cp932")
        if data_file:
            raise RulesError(_not_rules(path)) from None
        line = data.count(b"\n", 0, exc.start) + 1
        raise RulesError(
            f"{path}:{line}: not UTF-8 text (undecodable byte at offset {exc.start}); save the rules file as UTF-8"
        ) from None


_DATA_SUFFIXES = (".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".parquet", ".pq", ".xlsx", ".xlsm")
"""The suffixes of the data files taikai reads (``taikai.io.likely_format``, a layer above): a file named so that is not
TOML is no rules file."""


def _not_rules(path: Path) -> str:
    """Say that *path*, a data file by its name and not TOML, was given as the rules file."""
    return (
        f"{path}: not a rules file: it is named as a data file ({path.suffix}) and is not TOML; rules are a TOML file "
        "of [[rule]] tables, such as examples/rules.toml: give its path as the rules"
    )


def rules_table_problem(source: str, text: str) -> str:
    """Return the refusal of *text*, the table *source* (CSV or TSV, as Excel saves one), when its header names the
    keys of a rule (``name``, ``label``, ``any`` …): rules are TOML, and its first rule is shown as a ``[[rule]]``
    table; ``""`` when it is no such table."""
    import csv

    rows = [
        [cell.strip() for cell in row]
        for row in csv.reader(text.splitlines(), "excel-tab" if "\t" in text else "excel")
    ]
    written = rows[0] if rows else []
    header = [_key(cell) for cell in written]
    keys = [key for key in header if key in KEYS]
    if len(keys) < 2 or "name" not in keys:
        return ""
    named = [cell if cell.lower() == key else f"{cell} (= {key})" for cell, key in zip(written, header, strict=True)]
    columns = ", ".join(c for c, key in zip(named, header, strict=True) if key in KEYS)
    first = next(((k, row) for k, row in enumerate(rows[1:], 2) if any(row)), None)
    shown = ""
    if first is not None:
        k, row = first
        cells = {key: row[i] for i, key in enumerate(header) if key in KEYS and i < len(row) and row[i]}
        lines = [
            f"{key} = {_toml(v)}" if key in ("name", "label") else f"{key} = [{_toml(v)}]" for key, v in cells.items()
        ]
        shown = f"; its first rule, on row {k}, is in TOML:\n[[rule]]\n" + "\n".join(lines)
    return (
        f"{source}:1: a table of rules (columns {columns}), and taikai reads rules from a TOML file, not a "
        f"table: write each row as a [[rule]] table in a text file named .toml (see examples/rules.toml), several "
        f'terms of a cell each as its own string (any = ["手数料", "利用料"]), and give its path as the rules{shown}'
    )


_JAPANESE_KEYS = {
    **dict.fromkeys(("ルール名", "ルール", "名前", "名称", "コード名", "コード"), "name"),
    **dict.fromkeys(("ラベル", "理由", "分類", "カテゴリ", "カテゴリー", "退会理由"), "label"),
    **dict.fromkeys(("パターン", "キーワード", "語", "語句", "単語", "いずれか", "どれか"), "any"),
    **dict.fromkeys(("すべて", "全て", "全部", "and"), "all"),
    **dict.fromkeys(("除外", "除外語", "除く", "否定", "not"), "not"),
    **dict.fromkeys(("正規表現", "regex"), "regex"),
}
"""Column names a table of rules saved from Excel may have (ルール名, パターン …), and the key each writes."""


def _key(cell: str) -> str:
    """Return the key of a rule the column *cell* of a table of rules holds: its name (``Name``, ``ｎａｍｅ``), or
    the key a Japanese column name such as ``ルール名`` or ``パターン`` writes; the cell as read otherwise."""
    read = unicodedata.normalize("NFKC", cell).strip().lower()
    return _JAPANESE_KEYS.get(read, read)


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
