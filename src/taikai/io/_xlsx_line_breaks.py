"""Keep the carriage returns of an xlsx workbook's texts (a Windows line break, ``\\r\\n``, in a review).

openpyxl writes a CR into the sheet's XML as it is, and every XML reader turns a CR, or a CR LF, into an LF (the
XML rule for line ends): Excel, openpyxl, pandas and taikai read ``a\\r\\nb`` back as ``a\\nb``. Written as the
character reference ``&#13;``, which that rule leaves alone, it is read back as the CR it was. (openpyxl's own
escape, ``_x000D_``, is not: openpyxl and pandas read it as those seven characters.) A CR byte can stand in the XML
openpyxl writes only in a text (it writes one in an attribute as ``&#13;`` already), and UTF-8 holds no other
character with that byte, so :func:`keep_carriage_returns` puts the reference for each in the parts that hold
texts, once the workbook is written: only a workbook with a CR is written twice.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

_TEXT_PARTS = ("xl/worksheets/", "xl/sharedStrings.xml")
"""The parts of a workbook that hold the cells' texts (a write-only sheet's inline, or a workbook's shared ones)."""
_BLOCK = 1 << 20
_ZIP64 = 1 << 30
"""A part past this size, 5 bytes longer for each CR, may pass the 4 GiB a zip entry holds without Zip64."""


def keep_carriage_returns(path: Path) -> None:
    """Write the xlsx workbook *path* again with each CR of its texts as ``&#13;`` (see the module docstring)."""
    again = path.with_name(f"{path.name}.cr")
    try:
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(again, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                texts = info.filename.startswith(_TEXT_PARTS)
                copy = zipfile.ZipInfo(info.filename, info.date_time)
                copy.compress_type, copy.external_attr = info.compress_type, info.external_attr
                copy.file_size = info.file_size
                with source.open(info) as reader, target.open(copy, "w", force_zip64=info.file_size > _ZIP64) as out:
                    while block := reader.read(_BLOCK):
                        out.write(block.replace(b"\r", b"&#13;") if texts else block)
        os.replace(again, path)
    finally:
        again.unlink(missing_ok=True)
