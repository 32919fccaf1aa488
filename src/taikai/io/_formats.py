"""Tell the format of a file, and open the one reader for it: the only way taikai reads a data file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from taikai.errors import (
    ENCODING,
    INPUT_FORMAT,
    OUTPUT_FORMAT,
    SHEET,
    Argument,
    InputError,
    check_int,
    check_str,
    wrong_type,
)
from taikai.io._binary_data import compressed_error, is_compressed
from taikai.io._encoding import ENCODING_NAME, check_encoding_errors, check_text_head
from taikai.io._extensions import FORMATS, extension_format, meant_extension
from taikai.io._file_argument import FileKind, check_file
from taikai.io._parts import is_parts_folder, read_manifest
from taikai.io._paths import check_regular_file, folder_error
from taikai.io._plain_text import plain_text_error
from taikai.io._records import Reader, check_path
from taikai.io._sheet_cells import say_open_in_excel
from taikai.io._sniff import (
    JSONL_HINT,
    binary_format,
    holds_json_array,
    holds_json_lines,
    misread_error,
    old_excel_error,
    sniffed_format,
    spreadsheet_error,
)
from taikai.io._summary_owner import summary_owner

TEXT_FORMATS = ("csv", "tsv", "jsonl")
"""Formats read line by line, in an encoding."""
_NAMED = ".csv, .tsv, .jsonl, .parquet or .xlsx"


def format_of(
    path: Path, given: str | None = None, option: Argument | None = None, *, kind: FileKind = FileKind.TABLE
) -> str:
    """Return the format named by *given*, or that of the parts of a Dask engine's output folder *path*, or the one
    *path*'s extension says, or raise :class:`InputError`: it suggests *option* (``input_format=``,
    ``--input-format``) when the caller takes one, else an extension. A ``.txt`` file is said to be plain text, not
    the *kind* of file the caller reads (:class:`FileKind`), with what to do: a table of reviews is told how to
    classify its lines; a labelled table, a predictions file or a dump how to be read as one if it holds one."""
    check_file("path", path)
    named = given_format(given, option or INPUT_FORMAT)
    if named is not None:
        return named
    if is_parts_folder(Path(path)):
        return read_manifest(Path(path)).format
    if option != OUTPUT_FORMAT and Path(path).is_dir():  # no extension to tell: a folder, maybe a model's
        raise folder_error(Path(path))
    found = extension_format(Path(path))
    if found is None:
        if option != OUTPUT_FORMAT:  # a pipe (/dev/stdin, <(…)) has no extension: said as a pipe, not read
            check_regular_file(Path(path))
        suffix = Path(path).suffix.lower()
        if suffix == ".xls":  # an .xlsx workbook renamed .xls is told to be one
            output = option == OUTPUT_FORMAT
            misread = None if output else misread_error(Path(path), "xls", option)
            raise misread or old_excel_error(Path(path), output=output)
        if suffix == ".json" and option != OUTPUT_FORMAT and (owner := summary_owner(Path(path))) is not None:
            raise InputError(  # pred.summary.json for pred.csv: a name completed one dot too far
                f"{path}: the summary taikai batch wrote beside its output {owner}, not data; give {owner} itself"
            )
        if suffix == ".json" and option != OUTPUT_FORMAT and holds_json_array(Path(path)):
            raise InputError(
                f"{path}: holds a JSON array, which taikai does not read; it reads JSON Lines: {JSONL_HINT}, and "
                "name the file .jsonl"
            )
        if suffix == ".json" and option != OUTPUT_FORMAT and holds_json_lines(Path(path)):
            read = f"read it with {option.either(['jsonl'])}, or name" if option else "name"
            raise InputError(  # BigQuery's and Snowflake's newline-delimited JSON exports are named .json
                f"{path}: holds JSON Lines (one object per line, as BigQuery's newline-delimited JSON export writes "
                f"it), which the extension '.json' does not say; {read} the file .jsonl"
            )
        if suffix == ".txt" and option != OUTPUT_FORMAT:  # whatever commas or tabs its reviews hold
            check_path(Path(path))  # a missing file is said to be missing, as one of another name is
            misread = misread_error(Path(path), "txt", option)  # a workbook or Parquet file named .txt
            if misread is None:  # Excel's "Unicode テキスト" export is a UTF-16 .txt: said as such, not as lines
                check_text_head(Path(path))
            raise misread or plain_text_error(Path(path), kind, option)
        other = spreadsheet_error(Path(path)) if option != OUTPUT_FORMAT else None
        if other is not None:  # .ods, .xlsb: to save as what is read
            raise other
        compressed = binary_format(Path(path)) if option != OUTPUT_FORMAT else None
        if is_compressed(compressed):  # r.csv.gz: not a format to name, but data to decompress
            raise compressed_error(Path(path), str(compressed))
        do = (
            f"name the format with {option}: one of {', '.join(FORMATS)}"
            if option
            else f"give the file one of the extensions {_NAMED}"
        )
        meant = meant_extension(Path(path))
        close = f" (did you mean {meant}?)" if meant is not None else ""
        raise InputError(f"{path}: cannot tell the format from the extension {Path(path).suffix!r}{close}; {do}")
    return found


def data_format(path: Path) -> str | None:
    """Return the format of the data file *path* by the first bytes of a binary file, whatever its name (``xls``,
    ``xlsx``, ``parquet``, or ``zip``), else by its extension, else by its first bytes (including ``json``, which
    taikai does not read); ``None`` for a file of plain text lines, one review per line: any ``.txt`` file, whatever
    commas or tabs its reviews hold."""
    found = binary_format(Path(path))  # an .xls or .xlsx workbook renamed .csv, say
    if found is not None:
        return found
    if Path(path).suffix.lower() == ".txt":
        return None
    return extension_format(Path(path)) or sniffed_format(Path(path))


def given_format(given: object, argument: Argument = INPUT_FORMAT) -> str | None:
    """Return the format *given* to *argument* (``input_format=``, ``output_format=``) in lower case, or ``None``
    for none (``None`` or ``""``: the file's extension says); else raise naming the argument (as it is named here,
    :meth:`Argument.current`): ``TypeError`` for what is no str, :class:`InputError` for a format not in
    :data:`FORMATS`."""
    named = argument.current()
    text = check_str(named, given, f"one of {', '.join(FORMATS)}, or None for the format of the extension", none=True)
    if not text:
        return None
    if text.lower() not in FORMATS:
        raise InputError(f"{named.given(text)}: unknown format; choose one of {', '.join(FORMATS)}")
    return text.lower()


def check_output_dir(path: Path, option: str = "", folder_hint: str = "") -> None:
    """Raise :class:`InputError` unless the folder that is to hold the file *path* exists (before any work): for a
    symbolic link, the folder of the file it points to, which is written through it.

    *folder_hint* goes after "give a file name" when *path* is itself a folder (e.g. `` such as out.csv``).
    """
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path  # a link is written through
    parent = target.parent
    named = f"{option} {path}" if option else str(path)
    if not parent.is_dir():
        what = "is not a folder" if parent.exists() else "does not exist"
        link = f" is a symbolic link to {target}, whose folder" if target is not path else " the folder"
        raise InputError(f"{named}:{link} {parent} {what}; create it first, or write somewhere else")
    if path.is_dir():
        raise InputError(f"{named}: is a folder; give a file name{folder_hint}")


def open_reader(
    path: Path,
    fmt: str | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
    encoding_errors: str = "strict",
    *,
    warn: bool = True,
    option: Argument | None = None,
    keys: list[str] | None = None,
    rows: int | None = None,
) -> Reader:
    """Return the reader of *path* in format *fmt* (default: from its extension).

    *encoding_errors* (``strict`` or ``replace``) applies to the text formats: see :data:`ENCODING_ERROR_MODES`. A Dask
    engine's output folder is read as one file of its parts (:class:`~taikai.io.PartsReader`). *warn* ``False``
    keeps what the header says (unnamed columns at its right edge) unsaid: for a file opened again, by a process
    that is not the one the user sees (a Dask worker), after it was said once. *option* is the argument that names
    the format (``input_format=``, ``--input-format``) when the caller takes one: a workbook or Parquet file under
    another name is told to be named with it, else to be renamed. A JSONL file's columns are the keys of all its
    records, read first, whole; or *keys*, when another reader of the file read them (it is not read for them
    again); or with *rows*, those of its first *rows* records (a reader read no further: see ``--limit``). With
    *rows*, an xlsx sheet's hidden rows and merged cells are said of the rows read only.
    """
    check_file("path", path)
    if keys is not None and (type(keys) is not list or not all(type(k) is str for k in keys)):
        raise wrong_type("keys", keys, "a list of the file's keys (str), or None to read them")
    rows = None if rows is None else check_int("rows", rows, 1)
    path = Path(path)
    check_regular_file(path, fmt)  # a pipe: said first, whatever its name says of its format
    fmt = format_of(path, fmt, INPUT_FORMAT)
    if is_parts_folder(path):
        if sheet:
            raise InputError(f"{path}: {SHEET} applies to xlsx input, not to a folder of {fmt} parts; leave it out")
        from taikai.io._parts import PartsReader

        return PartsReader(path, lambda part, kind: open_reader(part, kind, encoding, None, encoding_errors))
    misread = misread_error(path, fmt, option)  # a Parquet file read as xlsx, a workbook as csv, gzip data as either
    if misread is not None:
        raise misread
    if warn:
        say_open_in_excel(path)
    if sheet and fmt != "xlsx":
        raise InputError(f"{path}: {SHEET} applies to xlsx input, not to {fmt}; leave it out")
    if fmt in ("csv", "tsv"):
        from taikai.io._head_rows import say_unnamed
        from taikai.io._text_readers import CsvReader

        reader = CsvReader(path, encoding, "\t" if fmt == "tsv" else ",", encoding_errors, warn=False)
        if warn:
            say_unnamed(reader)
        return reader
    if fmt == "jsonl":
        from taikai.io._jsonl_reader import JsonlReader

        return JsonlReader(path, encoding, encoding_errors, keys, rows)
    if encoding:
        raise InputError(f"{path}: {ENCODING} applies to CSV, TSV and JSONL input, not to {fmt}; leave it out")
    from taikai.io._parquet_reader import ParquetReader
    from taikai.io._table_readers import XlsxReader

    return ParquetReader(path) if fmt == "parquet" else XlsxReader(path, sheet, rows)


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """How to read an input file: the arguments of :func:`open_reader` after the path, as one value.

    ``input_format`` is one of :data:`FORMATS` (``None``: from the file's extension), ``encoding`` applies to the
    text formats (``None``: detect UTF-8 or CP932), ``sheet`` to xlsx (a name or 1-based number; ``None``: the
    first), and ``encoding_errors`` (``strict`` or ``replace``) to the text formats. An unknown format or
    encoding-error mode is refused here, with the same message as :func:`open_reader`; what depends on the file (an
    encoding given for Parquet, a sheet for CSV, an unknown encoding name) is refused when it is opened.
    """

    input_format: str | None = None
    encoding: str | None = None
    sheet: str | int | None = None
    encoding_errors: str = "strict"

    def __post_init__(self) -> None:
        given_format(self.input_format)
        if self.encoding is not None and not isinstance(self.encoding, str):
            raise wrong_type(ENCODING.current().name, self.encoding, f"{ENCODING_NAME}, or None to detect it")
        check_encoding_errors(self.encoding_errors)

    def open(self, path: Path, rows: int | None = None) -> Reader:
        """Return the reader of *path* read this way (:func:`open_reader`), of which only the first *rows* rows will
        be read (``None``: all)."""
        return open_reader(
            path, self.input_format, self.encoding, self.sheet, self.encoding_errors, option=INPUT_FORMAT, rows=rows
        )
