"""Write the labelling sheet: xlsx with dropdowns, definitions and instructions for a person in Excel, or CSV.

The person fills ``reasons`` (the primary reason, from a dropdown of ids), ``sentiment`` (dropdown; only when the
model has sentiments) and, when the text states more reasons, ``more_reasons`` (ids or Japanese names,
``|``-separated; free text, since a dropdown holds one value). ``note`` is free. The instructions speak of the
model's own labels (its examples, and the train options it needs again) when they are not the churn taxonomy.
``taikai train --add SHEET`` reads the first sheet back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taikai._cut import cut_list
from taikai._warn import warn_user
from taikai._whole_file import write_whole, written_whole
from taikai.errors import EXCLUDE, OUTPUT_ENCODING, DataWarning, InputError, check_str
from taikai.io import (
    MORE_REASONS_COLUMN,
    READ_AS_NUMBERS,
    XLSX_MAX_CELL,
    CellLosses,
    ExcelCells,
    OutputSpec,
    encode_stream,
    escape_formula,
    keep_carriage_returns,
    output_encoding,
    read_as_number,
    renamed_columns,
    with_long_integers_as_texts,
)
from taikai.labels import REASONS, SENTIMENT_MEANINGS, SENTIMENTS, sentiment_name
from taikai.labels import own_labels as own_label_set
from taikai.suggestion._dropdowns import DEFINITIONS_SHEET, list_formula, off_the_list
from taikai.suggestion._how_to import Earlier, how_to, more_example
from taikai.suggestion._sheet_rows import ROW_COLUMN
from taikai.text import CP932Folds

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class SheetLosses:
    """What a written sheet does not hold as its rows did: characters written as ``?`` (CP932) or removed (control
    characters an xlsx cell cannot hold), and those a CP932 sheet holds as others (〜 as ～)."""

    replaced: int = 0
    folds: CP932Folds = field(default_factory=CP932Folds)


TO_FILL = ("reasons", "sentiment", MORE_REASONS_COLUMN, "note")
"""The columns the person fills, empty in the sheet, after the model's columns (no sentiment for a model without
sentiments: :func:`to_fill`)."""
SHEET_FORMATS = ("xlsx", "csv")
LABEL_SHEET = "labels"
"""The name of the suggest workbook's sheet to fill in."""
HOW_TO_SHEET = "how_to"
_WIDTHS = {"text": 60, "note": 30, MORE_REASONS_COLUMN: 22}


def to_fill(sentiments: Sequence[str]) -> tuple[str, ...]:
    """Return the columns to fill for a model with *sentiments*: without sentiments, no ``sentiment`` column."""
    return tuple(c for c in TO_FILL if c != "sentiment" or sentiments)


def sheet_format(path: Path) -> str:
    """Return ``xlsx`` or ``csv`` for *path*, or raise :class:`InputError` naming the formats a sheet can have."""
    suffix = Path(path).suffix
    fmt = suffix.lower().lstrip(".")
    if fmt not in SHEET_FORMATS:
        given = f"not {suffix!r}" if suffix else "and this name has no extension"
        raise InputError(
            f"{path}: a labelling sheet must be named .xlsx (with dropdowns) or .csv (UTF-8 with BOM), {given}"
        )
    return fmt


def definitions(reasons: Sequence[str], sentiments: Sequence[str]) -> list[tuple[str, str, str, str, str]]:
    """Return (kind, id, 日本語, meaning, 説明) per reason and sentiment of the model (taxonomy text where known).

    Labels of one's own (:func:`taikai.labels.own_labels`) have no taxonomy text, even those spelt as its ids
    (``fees`` beside ``Fees``): each is its own name, with no meaning to give."""
    known = {} if own_label_set(reasons) else {r.id: r for r in REASONS}
    meanings = {} if own_label_set(sentiments, SENTIMENTS) else SENTIMENT_MEANINGS
    rows = []
    for label in reasons:
        r = known.get(label)
        rows.append(("reason", label, r.name_ja if r else label, r.meaning if r else "", r.meaning_ja if r else ""))
    for label in sentiments:
        en, ja = meanings.get(label, ("", ""))
        rows.append(("sentiment", label, sentiment_name(label, labels=sentiments), en, ja))
    return rows


def write_sheet(
    rows: pd.DataFrame,
    out: Path,
    reasons: Sequence[str],
    sentiments: Sequence[str],
    encoding: str | None = None,
    earlier: Earlier | None = None,
) -> SheetLosses:
    """Write *rows* (the model's columns) plus the empty columns to fill to *out*; return what it does not hold.

    ``.xlsx``: see the module docstring (its how_to names the *earlier* files the sheet was made with ``--exclude``
    of); a cell longer than Excel's limit is cut to it, with a :class:`~taikai.errors.DataWarning` naming the rows.
    ``.csv``: UTF-8 with BOM (Excel opens it), or *encoding* ``cp932``; a text Excel would read as a formula
    (``=``, ``+``, ``-``, ``@``, tab or CR first; not a plain number such as ``-163``) gets an apostrophe before it,
    which reading the sheet back takes off (:func:`taikai.io.escape_formula`).
    """
    check_str(OUTPUT_ENCODING, encoding, "an encoding name (a str) such as 'cp932', or None for UTF-8", none=True)
    fmt = sheet_format(out)
    frame = rows.assign(**dict.fromkeys(to_fill(sentiments), ""))
    if fmt == "csv":
        enc = output_encoding("csv", encoding or "utf-8-sig")
        data = [list(map(escape_formula, frame[c].astype(object).where(frame[c].notna(), None))) for c in frame]
        names = tuple(escape_formula(str(c)) for c in frame.columns)
        payload, replaced, folds, risks = encode_stream(OutputSpec("csv", names, enc), data, first=True)
        if renamed := renamed_columns(names, enc):  # the cells' characters are counted; a name is said by name
            changed = ", ".join(f"{name!r} as {shown!r}" for name, shown in renamed)
            warn_user(
                f"{out}: {OUTPUT_ENCODING.given(encoding)} writes the column name(s) {changed}, which is how the "
                f"sheet names them; rename the column(s) first, or write {OUTPUT_ENCODING.either(['utf-8-sig'])}, "
                "to keep the names as read",
                DataWarning,
            )
        write_whole(out, payload)
        if risks.long_cells:  # the file holds them whole, but the person fills it in Excel, which cuts them
            shown = _where(frame, risks.long_rows[:_NAMED])
            named = cut_list(shown, len(shown), total=len(risks.long_rows))
            warn_user(
                f"{out}: {risks.long_cells:,} text cell(s) in {len(risks.long_rows):,} row(s) hold more than "
                f"{XLSX_MAX_CELL:,} characters, which Excel cuts to that when it opens the file: {named}. A sheet "
                "saved again from Excel keeps only what it shows, and train --add then learns from the cut text; "
                "fill such rows in a text editor to keep them whole",
                DataWarning,
            )
        _warn_number_ids(out, frame)
        return SheetLosses(replaced, folds)
    if encoding:
        raise InputError(f"{OUTPUT_ENCODING} applies to a .csv sheet; an .xlsx sheet is always Unicode")
    return SheetLosses(_write_xlsx(frame, out, reasons, sentiments, earlier))


def _write_xlsx(
    frame: pd.DataFrame, out: Path, reasons: Sequence[str], sentiments: Sequence[str], earlier: Earlier | None
) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    frame = with_long_integers_as_texts(frame)  # an 18-digit id stays whole: Excel keeps 15 digits of a number
    wb = Workbook()
    ws = wb.active
    ws.title = LABEL_SHEET
    clean = ExcelCells(ws)
    columns = [str(c) for c in frame.columns]
    ws.append([clean(c) for c in columns])
    for number, values in enumerate(frame.itertuples(index=False), start=1):
        ws.append(clean.row(values, number))
    last = len(frame) + 1
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="FFF2CC")
    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    for j, name in enumerate(columns, start=1):
        letter = get_column_letter(j)
        ws.cell(1, j).font = bold
        if name in to_fill(sentiments):
            for i in range(1, last + 1):
                ws.cell(i, j).fill = fill
        width = _WIDTHS.get(name) or min(40, max(len(name), *(len(str(v)) for v in frame[name].tolist()), 8) + 2)
        if j == 2 and name not in _WIDTHS:  # the text column, whatever its name
            width = _WIDTHS["text"]
        ws.column_dimensions[letter].width = width
        for i in range(2, last + 1):
            ws.cell(i, j).alignment = wrap if width >= 30 else top
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    for name, values, kind, prompt in (
        ("reasons", reasons, "reason", "主な理由をリストから選ぶ / pick the primary reason (more: more_reasons)"),
        ("sentiment", sentiments, "sentiment", "感情をリストから選ぶ / pick the sentiment"),
    ):
        if not values:
            continue
        letter = get_column_letter(columns.index(name) + 1)
        dv = DataValidation(type="list", formula1=list_formula(values, kind, len(reasons)), allow_blank=True)
        dv.prompt, dv.promptTitle, dv.showInputMessage = prompt, name, True
        # a warning, not a stop: a Japanese name typed in (手数料が高い) is read as its id, and a typo is refused by
        # the reader of the sheet with the closest label, so Excel only asks whether to keep a value off the list
        dv.error, dv.errorTitle, dv.showErrorMessage = off_the_list(values, kind), name, True
        dv.errorStyle = "warning"
        ws.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}{max(last, 2)}")
    more = get_column_letter(columns.index(MORE_REASONS_COLUMN) + 1)
    dv = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="200", allow_blank=True)
    dv.prompt, dv.promptTitle, dv.showInputMessage = (
        f"他の理由を | 区切りで (例: {more_example(reasons, sentiments)}) / optional",
        "more_reasons",
        True,
    )
    ws.add_data_validation(dv)
    dv.add(f"{more}2:{more}{max(last, 2)}")
    _write_definitions(wb.create_sheet(DEFINITIONS_SHEET), reasons, sentiments, bold)
    how = wb.create_sheet(HOW_TO_SHEET)
    how.append(["step", "日本語", "English"])
    steps = ExcelCells(how)  # a file name given to --exclude may start with =
    for number, row in enumerate(how_to(reasons, sentiments, earlier), start=1):
        how.append(steps.row(row, number))
    for letter, width in (("A", 6), ("B", 70), ("C", 70)):
        how.column_dimensions[letter].width = width
    with written_whole(out) as target:  # a stop while saving leaves no half sheet (nor a half of the one replaced)
        wb.save(target)
        if clean.returns:  # a Windows line break in a text: kept as such, not read back as a bare LF
            keep_carriage_returns(target)
    if clean.losses.cut:
        warn_user(_cut_message(out, clean.losses, frame), DataWarning)
    return clean.removed


_NAMED = 10
"""How many rows a warning names (as batch's summary names its examples)."""


def _where(frame: pd.DataFrame, rows: Sequence[int]) -> list[str]:
    """Name the sheet's rows *rows* (0-based, under the header) as every list of rows is named: the sheet's line
    (the header is line 1) and its first column, the id (``line 3 (id r7)``; ``line 3 (row 2)``: a predictions row)."""
    key = "row" if str(frame.columns[0]) == ROW_COLUMN else "id"
    return [f"line {i + 2} ({key} {frame.iat[i, 0]})" for i in rows]


def _warn_number_ids(out: Path, frame: pd.DataFrame) -> None:
    """Warn when the ids of a CSV sheet *frame* (its first column) are digits Excel shows otherwise (``007``)."""
    numbers = [i for i, value in enumerate(frame.iloc[:, 0].tolist()) if read_as_number(value)]
    if numbers:
        named = cut_list(_where(frame, numbers[:_NAMED]), _NAMED, total=len(numbers))
        warn_user(
            f"{out}: {len(numbers):,} id(s) of column {str(frame.columns[0])!r} {READ_AS_NUMBERS}: {named}. A sheet "
            f"saved from Excel keeps them so, and {EXCLUDE} then matches such a row by another id (7) or by its text "
            "alone. Write an .xlsx sheet, which holds them as text, or import the CSV into Excel (Data > "
            "From Text/CSV) with that column's type set to Text",
            DataWarning,
        )


def _cut_message(out: Path, losses: CellLosses, frame: pd.DataFrame) -> str:
    rows = cut_list(_where(frame, [n - 1 for n in losses.cut_rows]), len(losses.cut_rows), total=losses.cut_rows_total)
    return (
        f"{out}: {losses.cut:,} cell(s) cut to Excel's {XLSX_MAX_CELL:,}-character limit, in {losses.cut_rows_total:,} "
        f"row(s): {rows}; write a .csv sheet to keep whole texts"
    )


def _write_definitions(ws: Any, reasons: Sequence[str], sentiments: Sequence[str], bold: Any) -> None:
    from openpyxl.styles import Alignment

    ws.append(["kind", "id", "日本語", "meaning", "説明"])
    clean = ExcelCells(ws)
    for number, row in enumerate(definitions(reasons, sentiments), start=1):
        ws.append(clean.row(row, number))  # a label that starts with = is text, not a formula
    for cell in ws[1]:
        cell.font = bold
    for letter, width in (("A", 10), ("B", 18), ("C", 18), ("D", 60), ("E", 60)):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
