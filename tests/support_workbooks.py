"""Workbooks the xlsx tests build by hand (importable as ``support_workbooks``: ``tests`` is on the tests' path)."""

import re
import zipfile
from pathlib import Path

TEXT = "時給が低すぎて辞めました"
XLSXWRITER = '<calcPr calcId="124519" fullCalcOnLoad="1"/>'
"""The ``calcPr`` of a workbook xlsxwriter (and openpyxl) wrote: Excel is to compute every formula on opening."""
EXCEL = '<calcPr calcId="191029"/>'
"""The ``calcPr`` of a workbook Excel saved: a formula's value is the one Excel computed."""


def formula_workbook(
    path: Path, cells: dict[str, str], calc: str = EXCEL, rows: int = 4, prefixed: bool = False
) -> Path:
    """Write to *path* a workbook of columns id, text and *rows* rows below, each text cell :data:`TEXT` and the
    row's number, each cell named in *cells* (``B3``) replaced by the raw XML given (its ``<c>`` attributes, ``|``,
    its inside: ``|<f>…</f><v/>``), and the workbook part's ``calcPr`` *calc* (none if empty); *prefixed*, every
    element of the sheet's XML named with a prefix (``<x:c>``)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "データ"
    ws.append(["id", "text"])
    for number in range(2, rows + 2):
        ws.append([f"r{number}", f"{TEXT}{number}"])
    wb.save(path)
    with zipfile.ZipFile(path) as book:
        parts = {info.filename: book.read(info.filename) for info in book.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for cell, raw in cells.items():
        attributes, _, inner = raw.partition("|")
        xml, made = re.subn(f'<c r="{cell}"[^>]*>.*?</c>', f'<c r="{cell}"{attributes}>{inner}</c>', xml)
        assert made == 1, cell
    if prefixed:
        xml = re.sub(r"<(/?)(?!\?)(\w+)", r"<\1x:\2", xml).replace("xmlns=", "xmlns:x=")
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    book_xml, made = re.subn(r"<calcPr[^>]*/>", calc, parts["xl/workbook.xml"].decode())
    assert made == 1
    parts["xl/workbook.xml"] = book_xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


def sheets_workbook(path: Path, sheets: dict[str, list[list[object]]] | list[tuple[str, list[list[object]]]]) -> Path:
    """Write to *path* a workbook of the sheets *sheets* (name → rows, or (name, rows) pairs), in their order, each
    row appended as it is, and return *path*."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items() if isinstance(sheets, dict) else sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


_VALIDATION = (
    b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0" '
    b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"></x14:dataValidations></ext></extLst>'
)
"""A sheet's data validation list as Excel saves one that reads its choices from another sheet."""


def edited_workbook(path: Path, edit: str) -> Path:
    """Write a labelled workbook of four rows to *path* (text, reasons, sentiment, and dates in column D), edited:
    ``validation`` gives its sheet a data validation list as an Excel extension, ``bad date`` a date cell D3 whose
    number is past any date; any other *edit* leaves it as openpyxl wrote it."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["text", "reasons", "sentiment", "posted"])
    for i in range(4):
        ws.append([f"手数料が高い{i}", "fees", "negative", 45000 + i])
        ws.cell(row=i + 2, column=4).number_format = "yyyy-mm-dd"
    if edit == "bad date":
        ws.cell(row=3, column=4).value = 10**9  # past any date: openpyxl reads it as #VALUE!
    plain = path.with_suffix(".plain.xlsx")
    wb.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml" and edit == "validation":
                data = data.replace(b"</worksheet>", _VALIDATION + b"</worksheet>")
            out.writestr(item, data)
    return path
