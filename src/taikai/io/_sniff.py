"""Tell what a file holds from its first bytes, for the messages about files taikai does not read as they are: an
old Excel workbook (.xls), a workbook, Parquet file or zip archive under another name (``.csv``), a JSON array, or a
data file given where texts are expected (``taikai predict FILE``)."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from pathlib import Path

from taikai.errors import Argument, InputError
from taikai.io._binary_data import HEAD_BYTES, compressed_error, compressed_format, is_compressed

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE2 compound file: an Excel 97–2003 workbook (.xls), which taikai does not read."""
ZIP = b"PK\x03\x04"
"""The first bytes of a zip archive, which an xlsx workbook is."""
_MAGIC = {ZIP: "xlsx", b"PAR1": "parquet", OLE2: "xls"}
_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_TAKEN_FOR = {
    "csv": "a CSV file",
    "tsv": "a TSV file",
    "jsonl": "a JSON Lines file",
    "parquet": "a Parquet file",
    "xls": "an .xls (Excel 97–2003) workbook",
    "txt": "a plain text file",
    "xlsx": "an .xlsx (Excel) workbook",
}
"""What a file was to be read as, as a message names it."""
_EXTENSIONS = {".xls": "xls", ".json": "json"}
"""Extensions of data files taikai does not read (those it reads are :func:`taikai.io.format_of`'s)."""
JSONL_HINT = "write one object per line (pandas: to_json(orient='records', lines=True))"
"""How to write JSON Lines, for a message about a file that is not."""
_SNIFF_BYTES = 8192
SNIFF_LINES = 20
"""The first lines, not blank, that tell a table's header and rows."""
_MAX_NAME = 64
"""A header's column names are short: a longer field is a review, and the line no header. Longer than a name of a
header piped in (:mod:`taikai.io._header_line`, which says why): a file's may be a survey's question."""
SENTENCE_MARKS = frozenset("、。!?！？")
"""Marks of a sentence, which a column name does not hold: a line with them is a review, not a header."""


def first_bytes(path: Path, size: int = _SNIFF_BYTES) -> bytes:
    """Return the first *size* bytes of *path*, or none when it cannot be read (reading it then says why)."""
    try:
        with open(path, "rb") as f:
            return f.read(size)
    except OSError:
        return b""


def is_old_excel(path: Path) -> bool:
    """Return whether *path* is an Excel 97–2003 workbook (an OLE2 file, whatever its name)."""
    return first_bytes(path, len(OLE2)) == OLE2


_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
"""The name of the stream in which Excel saves an xlsx workbook with a password, inside an OLE2 file (as .xls is)."""


def is_encrypted(path: Path) -> bool:
    """Return whether the OLE2 file *path* holds a workbook encrypted with a password (its ``EncryptedPackage``
    stream: Excel's File > Info > Protect Workbook > Encrypt with Password), searched block by block."""
    try:
        with open(path, "rb") as f:
            tail = b""
            while block := f.read(1 << 20):
                if _ENCRYPTED in tail + block:
                    return True
                tail = block[-len(_ENCRYPTED) :]
    except OSError:
        return False
    return False


def old_excel_error(path: Path, *, output: bool = False) -> InputError:
    """Return the error for an Excel 97–2003 workbook (.xls) to read, or with *output* to write; an xlsx workbook
    saved with a password, which Excel writes in the same kind of file, is said to be one."""
    if output:
        return InputError(
            f"{path}: taikai does not write .xls (Excel 97–2003) workbooks: name the output .xlsx or .csv"
        )
    if is_encrypted(path):
        return InputError(
            f"{path}: a workbook protected with a password (encrypted) is not read: open it in Excel, clear the "
            "password (File > Info > Protect Workbook > Encrypt with Password) and save it, or save a copy without "
            "one as .xlsx or CSV"
        )
    what = (
        ".xls (Excel 97–2003)"
        if path.suffix.lower() == ".xls"
        else "an .xls (Excel 97–2003) workbook, whatever its name,"
    )
    return InputError(f"{path}: {what} is not read: save it as .xlsx or CSV from Excel")


_ODS = b"application/vnd.oasis.opendocument.spreadsheet"
"""The ``mimetype`` entry of an OpenDocument spreadsheet (.ods: LibreOffice's, or Excel's "OpenDocument" save)."""


def other_spreadsheet(path: Path) -> str | None:
    """Return what *path* is when it is a spreadsheet taikai does not read, whatever its name: a zip archive of an
    OpenDocument spreadsheet (its ``mimetype`` entry says so) or of an Excel binary workbook (``xl/workbook.bin``);
    else ``None``."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip().startswith(_ODS):
                return "an OpenDocument spreadsheet (.ods)"
            return "an Excel binary workbook (.xlsb)" if "xl/workbook.bin" in names else None
    except (OSError, zipfile.BadZipFile):
        return None


def spreadsheet_error(path: Path) -> InputError | None:
    """Return the error for a spreadsheet taikai does not read (:func:`other_spreadsheet`): what it is and how to
    save it as what is read; ``None`` for any other file."""
    kind = other_spreadsheet(path)
    if kind is None:
        return None
    where = "in LibreOffice Calc: File > Save As; Excel opens it too" if "(.ods)" in kind else "in Excel: Save As"
    return InputError(f"{path}: {kind} is not read: save it as .xlsx or CSV ({where}), and give that file")


def binary_format(path: Path) -> str | None:
    """Return what the binary file *path* is by its first bytes, whatever its name: ``xls`` (Excel 97–2003),
    ``xlsx`` (a zip archive holding a workbook), ``zip`` (another zip archive), ``parquet``, or compressed data
    (``gzip``, ``bzip2``, ``xz``, ``zstd``); ``None`` for any other file (text), or one that cannot be read."""
    return _binary(first_bytes(path, HEAD_BYTES), path)


def binary_data_format(data: bytes) -> str | None:
    """Return what the bytes *data* (standard input's, whole) are by their first bytes, as a file named .txt or
    .csv is told (:func:`taikai.io.data_format`): ``xls`` (Excel 97–2003), ``xlsx`` (a zip archive holding a
    workbook), ``zip`` (another zip archive), ``parquet`` or compressed data (``gzip``, ``bzip2``, ``xz``,
    ``zstd``); ``None`` for any other bytes (text)."""
    return _binary(data[:HEAD_BYTES], io.BytesIO(data))


def _by_magic(head: bytes) -> str | None:
    """The format whose first bytes *head* begins with (``xlsx`` for any zip archive, ``gzip`` and the like for
    compressed data), or ``None``."""
    found = next((fmt for magic, fmt in _MAGIC.items() if head.startswith(magic)), None)
    return found or compressed_format(head)


def _binary(head: bytes, whole: Path | io.BytesIO) -> str | None:
    found = _by_magic(head)
    if found == "xlsx":
        try:
            with zipfile.ZipFile(whole) as archive:
                return "xlsx" if "xl/workbook.xml" in archive.namelist() else "zip"
        except (OSError, zipfile.BadZipFile):
            return "zip"
    return found


def misread_error(path: Path, fmt: str, option: Argument | None = None) -> InputError | None:
    """Return the error for the file *path*, to be read as *fmt* (by its name or as given), when its first bytes
    say it is another binary file (:func:`binary_format`): what it really is and what to do; ``None`` otherwise.
    Under another name, it is told to name its format with *option* (``input_format=``) when the caller takes one,
    or to be renamed. A zip archive to be read as xlsx is left to the workbook reader, which says what it lacks."""
    found = binary_format(path)
    if found is None or found == fmt or (found, fmt) == ("zip", "xlsx"):
        return None
    if found == "xls":
        return old_excel_error(path)
    taken = _TAKEN_FOR.get(fmt, f"a {fmt} file")
    if is_compressed(found):
        return compressed_error(path, found, taken)
    if found == "zip":
        if (other := spreadsheet_error(path)) is not None:
            return other
        return InputError(f"{path} is a zip archive, not {taken}; extract the file it holds and give that")
    extension = ".xlsx" if found == "xlsx" else ".parquet"
    kind = "an .xlsx (Excel) workbook" if found == "xlsx" else "a Parquet file"
    named = path.suffix.lower() in (_XLSX_SUFFIXES if found == "xlsx" else (".parquet", ".pq"))
    do = f"read it as {found}, not as {fmt}" if named else f"rename it {extension}"
    if option is not None and not named:
        do = f"name its format with {option}: {found}, or {do}"
    if found == "xlsx":
        do += ", or save it as CSV from Excel"
    return InputError(f"{path} is {kind}{'' if named else ', whatever its name'}, not {taken}; {do}")


def holds_json_array(path: Path) -> bool:
    """Return whether the first thing in *path* (after a byte order mark and white space) opens a JSON array."""
    return _first_text(path).lstrip().startswith("[")


def holds_json_lines(path: Path) -> bool:
    """Return whether the first line of *path* that is not blank holds a whole JSON object: JSON Lines, whatever
    the file's name (a pretty-printed object spans lines: its first is no whole object)."""
    import json

    line = next((line for line in _first_text(path).splitlines() if line.strip()), "")
    try:
        return type(json.loads(line)) is dict
    except ValueError:
        return False


def json_array_error(path: Path, line: int = 1) -> InputError:
    """Return the error for a JSON array where JSON Lines are read: its *line* holds the array's start."""
    return InputError(
        f"{path}: line {line} holds a JSON array, which taikai does not read; JSONL needs one JSON object per line: "
        f"{JSONL_HINT}"
    )


def sniffed_format(path: Path) -> str | None:
    """Return the format of the data file *path* that taikai does not read (``json``, ``xls``) by its extension, or
    of any (``csv``, ``tsv``, ``jsonl``, ``json``, ``parquet``, ``xlsx``, ``xls``) by its first bytes; ``None`` for
    a file of plain text lines (one review per line), or one that cannot be read."""
    found = _EXTENSIONS.get(path.suffix.lower())
    if found is not None:
        return found
    head = first_bytes(path)
    found = _by_magic(head)
    if found is not None:
        return found
    text = _first_text(path, head).lstrip()
    if text[:1] in ("{", "["):
        return "jsonl" if text[:1] == "{" else "json"
    return delimited_lines(text)


def _first_text(path: Path, head: bytes | None = None) -> str:
    """Return the first bytes of *path* decoded (UTF-8 without its BOM, else CP932), the undecodable left out."""
    head = first_bytes(path) if head is None else head
    head = head.removeprefix(codecs.BOM_UTF8)
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut at the end of the bytes read
            return head[: exc.start].decode("utf-8")
        return head.decode("cp932", errors="ignore")


def delimited_lines(text: str) -> str | None:
    """Return ``tsv`` or ``csv`` when the first lines of *text* (all but a cut last one, at least two) have the same
    number of tab- or comma-separated fields, two or more, under a header of short, non-empty names that are no
    sentences; else ``None``."""
    lines = text.splitlines()[:-1] if not text.endswith(("\n", "\r")) else text.splitlines()
    lines = [line for line in lines if line.strip()][:SNIFF_LINES]
    if len(lines) < 2:
        return None
    for delimiter, fmt in (("\t", "tsv"), (",", "csv")):
        try:
            rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
        except csv.Error:
            continue
        header = rows[0]
        if len(header) < 2 or any(not name.strip() or len(name) > _MAX_NAME for name in header):
            continue
        if SENTENCE_MARKS.intersection("".join(header)):
            continue
        if len(rows) >= 2 and all(len(row) == len(header) for row in rows[1:]):
            return fmt
    return None
