"""One sheet, one count: a sheet's blank row is a blank line (skipped, counted) and its empty text cell one empty
row with one message, whether the sheet was saved as CSV, TSV, xlsx or JSONL, or read as Parquet or a frame."""

from __future__ import annotations

import json

import openpyxl
import pandas as pd
import pytest

import taikai

ROWS = [("1", "手数料が高すぎて続けられません", "2025-01-10"), None, ("2", None, "2025-01-11"), None]
"""The sheet: a review, a blank row, a row whose text cell is empty, a blank row (at the end, as often)."""
EMPTY = "empty or whitespace-only text"


def _write(path, fmt):
    header, filled = ("id", "text", "date"), [r for r in ROWS if r is not None]
    if fmt in ("csv", "tsv"):
        sep = "," if fmt == "csv" else "\t"
        lines = [sep.join(header)] + [sep.join("" if v is None else v for v in r or ("", "", "")) for r in ROWS]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif fmt == "xlsx":
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(header)
        for r in ROWS:
            ws.append(list(r) if r else [None, None, None])
        wb.save(path)
    elif fmt == "jsonl":  # a blank row is a blank line; the empty cell a null
        lines = ["" if r is None else json.dumps(dict(zip(header, r)), ensure_ascii=False) for r in ROWS]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:  # Parquet holds no blank line: the sheet's filled rows
        pd.DataFrame(filled, columns=header).to_parquet(path)


@pytest.mark.parametrize(("fmt", "blank"), [("csv", 2), ("tsv", 2), ("xlsx", 2), ("jsonl", 2), ("parquet", 0)])
def test_a_sheet_s_blank_rows_and_empty_cells_read_alike_in_every_format(tmp_path, tiny_model, fmt, blank):
    src, out = tmp_path / f"sheet.{fmt}", tmp_path / "out.jsonl"
    _write(src, fmt)
    summary = taikai.classify_file(src, out, "text", model=tiny_model)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [str(r["id"]) for r in rows] == ["1", "2"]  # no blank row as an empty review
    assert [(r["status"], r["message"]) for r in rows][1] == ("empty", EMPTY)
    assert (summary.rows, summary.blank_lines, summary.statuses) == (2, blank, {"ok": 1, "empty": 1})


def test_a_frame_s_missing_text_reads_as_a_file_s_empty_cell(tiny_model):
    frame = pd.DataFrame({"id": ["1", "2", "3"], "text": ["手数料が高すぎて続けられません", None, ""]})
    result = tiny_model.predict_frame(frame, "text")
    assert result["status"].tolist() == ["ok", "empty", "empty"]
    assert result["message"].tolist()[1:] == [EMPTY, EMPTY]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_labelled_sheet_s_blank_rows_are_counted_as_rows_without_labels(tmp_path, fmt):
    """A sheet filled in part (train --add, rules test, evaluate): its blank rows are counted with the rows without
    any label in every format (an xlsx's were skipped uncounted; a CSV's ,, rows were counted)."""
    from taikai.io import read_labelled_table

    path = tmp_path / f"labels.{fmt}"
    rows = [("手数料が高い", "fees", "negative"), None, ("本業が忙しい", "", ""), None]
    if fmt == "csv":
        body = "".join(",".join(r) + "\n" if r else ",,\n" for r in rows)
        path.write_text("text,reasons,sentiment\n" + body, encoding="utf-8")
    else:
        wb = openpyxl.Workbook()
        wb.active.append(["text", "reasons", "sentiment"])
        for r in rows:
            wb.active.append(list(r) if r else [None, None, None])
        wb.save(path)
    table = read_labelled_table(path, skip_blank=True)
    assert (table.rows, len(table.frame), table.blank, len(table.bad)) == (4, 1, 3, 0)
