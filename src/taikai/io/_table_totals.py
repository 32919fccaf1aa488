"""Find the total rows of the Excel tables (Insert > Table, a ListObject) on an xlsx sheet: a row of sums or counts
under a table's data, often headed ``合計``, which is no review and was read as one.

openpyxl's read-only worksheet (as :class:`~taikai.io._table_readers.XlsxReader` reads) does not load a sheet's
tables, so their parts are read from the archive: the sheet's relationships name each table's part, whose ``ref``
(``A1:C42``) and ``totalsRowCount`` (``1``) give the rows.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

_TABLE = "/relationships/table"
_REF = re.compile(r"[A-Z]+(\d+):[A-Z]+(\d+)")


def total_rows(wb: Any, ws: Any) -> dict[int, str]:
    """Return the rows of the read-only sheet *ws* of workbook *wb* that are an Excel table's total row, each with
    how a message names its table (``table 'Reviews' (A1:C42)``); none when the sheet's parts cannot be read."""
    from xml.etree import ElementTree

    archive, path = getattr(wb, "_archive", None), getattr(ws, "_worksheet_path", None)
    if archive is None or not isinstance(path, str):
        return {}
    folder = posixpath.dirname(path)
    rels = posixpath.join(folder, "_rels", f"{posixpath.basename(path)}.rels")
    found: dict[int, str] = {}
    try:
        names = set(archive.namelist())
        if rels not in names:
            return {}
        for rel in ElementTree.fromstring(archive.read(rels)):
            if not rel.get("Type", "").endswith(_TABLE) or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            if part not in names:
                continue
            table = ElementTree.fromstring(archive.read(part))
            ref, count = table.get("ref", ""), int(table.get("totalsRowCount", "0") or 0)
            bounds = _REF.fullmatch(ref)
            if count < 1 or bounds is None:
                continue
            name = table.get("displayName") or table.get("name") or "?"
            last = int(bounds[2])
            found.update({row: f"table {name!r} ({ref})" for row in range(last - count + 1, last + 1)})
    except (KeyError, ValueError, ElementTree.ParseError):  # a damaged part: its rows are read as any
        return found
    return found
