"""Read the text of a rules file: UTF-8, UTF-16 with its byte order mark or CP932, as editors save it; a refusal
that says what the path is instead (standard input, a folder, a data file given as the rules) and what to give."""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
import zipfile
from pathlib import Path

from taikai._command import running_command
from taikai._cut import cut_list
from taikai.errors import RulesError, missing_path_hint
from taikai.rules._rules_table import WORKBOOK_SUFFIXES, first_rows, is_rules_table, not_rules, text_header

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


SEVERAL = (
    " (to apply the rules of several, give each file, in the order they are to apply: --rules a.toml --rules "
    "b.toml; rules=[a, b] in Python)"
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
        raise RulesError(f"{path}: no such rules file{missing_path_hint(path)}") from None
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
            if not is_rules_table(text_header(text)):  # a table of rules is read as one (parse_rules)
                raise RulesError(not_rules(path)) from None
    return text


def reads_as_data(path: str | Path) -> bool:
    """Return whether the file *path* is named as a data file (CSV, TSV, JSONL, Parquet, xlsx) and its start reads as
    no rules: its first line (each sheet's first row) is neither the header of a table of rules (a label or name
    column and one of terms) nor TOML. The labelled data given among the rules files, as in ``rules test rules.toml
    a.csv b.csv`` (``data/*.csv`` expanded by the shell), reads so. Only the file's head is read; ``False`` for a file
    it cannot read (the rules reader says why)."""
    return _head_reads_as_rules(Path(path)) is False


def reads_as_rules(path: str | Path) -> bool:
    """Return whether the file *path* is a rules file: named ``.toml``, or named as a data file (CSV, TSV, xlsx)
    whose start reads as rules (TOML, or the header of a table of rules), so that ``rules test`` given its rules
    last (``rules test team.toml data.xlsx mine.csv``) says which file is the data. Only the file's head is read;
    ``False`` for a file it cannot read."""
    path = Path(path)
    if path.suffix.lower() == ".toml":
        return True
    return _head_reads_as_rules(path) is True


def _head_reads_as_rules(path: Path) -> bool | None:
    """Return whether the file *path*, named as a data file, starts as rules (TOML, or a table of rules' header:
    ``True``) or as data (``False``); ``None`` for a file not named as data, missing, or that cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in _DATA_SUFFIXES or not path.is_file():
        return None
    if suffix in (".jsonl", ".ndjson", ".parquet", ".pq"):  # no table of rules is written so
        return False
    try:
        if suffix in WORKBOOK_SUFFIXES:
            return any(is_rules_table(row) for row in first_rows(path))
        with path.open("rb") as file:
            head = file.read(1 << 16)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="ignore")
    else:  # the first line that is not blank, whole: its bytes UTF-8, else CP932, as rules_text reads them
        line = next((b for b in head.removeprefix(codecs.BOM_UTF8).split(b"\n") if b.strip()), b"")
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text = line.decode("cp932", errors="replace")
    first = next((line for line in text.splitlines() if line.strip()), "")
    return bool(_TOML_START.match(first)) or is_rules_table(text_header(first))


_TOML_START = re.compile(r"""\s*(#|\[|[\w"'.-]+\s*=)""")
"""How a line of TOML starts: a comment, a table (``[[rule]]``) or a key."""


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
            raise RulesError(not_rules(path)) from None
        line = data.count(b"\n", 0, exc.start) + 1
        raise RulesError(
            f"{path}:{line}: not UTF-8 text (undecodable byte at offset {exc.start}); save the rules file as UTF-8"
        ) from None


_DATA_SUFFIXES = (".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".parquet", ".pq", ".xlsx", ".xlsm")
"""The suffixes of the data files taikai reads (``taikai.io.likely_format``, a layer above): a file named so that is not
TOML is no rules file."""
