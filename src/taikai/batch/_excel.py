"""Say when a batch run writes a CP932 input (Excel's CSV on Japanese Windows) to CSV or TSV that Excel shows garbled.

Excel reads a CSV without a byte-order mark in the system's code page: the default output, UTF-8 without a BOM, opens
as mojibake there. An analyst whose input was an Excel export most likely opens the output in Excel too, and the
options that fix it (``utf-8-sig``, ``cp932``) are named only in ``--help``: a run that read CP932 and writes plain
UTF-8 CSV or TSV, its output encoding not given, says so once the output is written (a :class:`~taikai.DataWarning`,
which the command line prints as ``taikai: warning: …``): a run stopped, by a byte not decoded or a Ctrl-C, says
only why. Parquet, JSONL and xlsx output, and an output encoding chosen, are left alone.
The Dask engine's input is several files: the first of them read as CP932 is named.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path

from taikai._warn import warn_user
from taikai.errors import OUTPUT_ENCODING, DataWarning, InputError
from taikai.io import detect_encoding

SHIFT_JIS = frozenset({"cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213"})
"""The encodings an input read in is taken for a Windows or Excel export (Python's names: ``sjis`` is shift_jis)."""

EXCEL_ENCODINGS = ("utf-8-sig", "cp932")
"""The output encodings Excel opens, in the order offered: the first keeps every character."""


def excel_note(
    read_as: str | None, output: Path, fmt: str, given: str | None, where: str, parts: bool = False
) -> str | None:
    """Return the note for an input read as *read_as* (``None``: not text) written to *output* as *fmt* in the
    output encoding *given* (``None``: the default, UTF-8), or ``None`` when there is nothing to say. *where* names the
    input (the first file of several); *parts*: *output* is the Dask engine's folder of parts."""
    if given is not None or fmt not in ("csv", "tsv") or read_as is None:
        return None
    try:
        name = codecs.lookup(read_as).name
    except LookupError:
        return None
    if name not in SHIFT_JIS:
        return None
    written = f"the {fmt.upper()} parts in {output} are" if parts else f"{output} is"
    keeps, lossy = EXCEL_ENCODINGS
    return (
        f"{where} was read as {name} (an Excel export?), and {written} written in UTF-8 without a byte-order mark, "
        f"which Excel shows garbled: to open it in Excel, write {keeps}, which keeps every character, or {lossy}, "
        f"which writes one it cannot hold as '?': run again with {OUTPUT_ENCODING.either(EXCEL_ENCODINGS)}"
    )


def warn_excel(read_as: str | None, output: Path, fmt: str, given: str | None, where: str, parts: bool = False) -> None:
    """Warn (:class:`~taikai.DataWarning`) when the output will not open in Excel (see :func:`excel_note`)."""
    note = excel_note(read_as, output, fmt, given, where, parts)
    if note is not None:
        warn_user(note, DataWarning)


def file_encodings(first: tuple[str | None, str], files: list[Path], errors: str) -> Iterator[tuple[str | None, str]]:
    """Yield the encoding and the name of the Dask engine's *first* input file, as read, then of each of the other
    *files*, detected as their reader will detect it (with *errors*, the ``encoding_errors``), one at a time: ``None``
    for one that cannot be read (its reader says why)."""
    yield first
    for path in files:
        try:
            yield detect_encoding(path, errors=errors), str(path)
        except InputError:
            yield None, str(path)


def warn_excel_files(encodings: Iterable[tuple[str | None, str]], output: Path, fmt: str, given: str | None) -> None:
    """Warn as :func:`warn_excel` of the first of the Dask engine's input files whose encoding and name, in
    *encodings* (:func:`file_encodings`), make a note: one read as CP932 among files read as UTF-8 is one an analyst
    opens in Excel too. The files after it, and all when the output is no CSV or TSV in the default encoding, are
    not read for it."""
    if given is not None or fmt not in ("csv", "tsv"):
        return
    for read_as, where in encodings:
        note = excel_note(read_as, output, fmt, given, where, parts=True)
        if note is not None:
            warn_user(note, DataWarning)
            return
