"""Rows hidden in Excel (by hand or by a filter) and merged cells of an xlsx sheet: every row is still read, and a
warning names them and says what to do; a sheet with neither warns nothing."""

import warnings
from pathlib import Path

import pytest

from taikai.errors import DataWarning
from taikai.io._table_readers import XlsxReader

TEXTS = ["手数料が高い", "案件が少ない", "サポートが遅い", "単価が低い", "連絡がない", "審査が厳しい", "評価が不当"]


def _sheet(path: Path, hidden: tuple[int, ...], merged: tuple[str, ...], filtered: bool) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "text"])
    for number, text in enumerate(TEXTS, 1):
        ws.append([number, text])
    for row in hidden:
        ws.row_dimensions[row].hidden = True
    for ref in merged:
        ws.merge_cells(ref)
    if filtered:
        ws.auto_filter.ref = f"A1:B{len(TEXTS) + 1}"
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("hidden", "merged", "filtered", "said"),
    [
        (
            (3,),
            (),
            False,
            [
                "1 row(s) hidden in Excel (by hand or by a filter) are read all the same, as every row "
                "is: row(s) 3; unhide"
            ],
        ),
        ((2, 3, 4, 5, 6, 7, 8), (), True, ["7 row(s) hidden", "row(s) 2, 3, 4, 5, 6, and 2 more; unhide them"]),
        ((), ("B4:B5",), False, ["merged cells: B4:B5; only the top-left cell of a merged range holds its value"]),
        ((), ("A1:A2",), False, ["merged cells: A1:A2; only"]),  # from the header into row 2: A2 read as empty
        ((), ("C3:D4",), False, []),  # beyond the named columns
        ((), (), True, []),  # a filter hiding nothing
        ((), (), False, []),
    ],
)
def test_hidden_rows_and_merged_cells_are_read_and_said(tmp_path, hidden, merged, filtered, said):
    path = _sheet(tmp_path / "s.xlsx", hidden, merged, filtered)
    reader = XlsxReader(path)
    texts: list[object] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(2):  # read twice (a batch run's schema scan): each warning once
            texts = [text for chunk in reader.chunks(3) for text in chunk.data[1]]
    merged_away = {"B4:B5": ["サポートが遅い", None]}.get(merged[0] if merged else "", TEXTS[2:4])
    assert texts[:2] + texts[4:] == TEXTS[:2] + TEXTS[4:]  # no row lost
    assert texts[2:4] == merged_away
    messages = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    assert len(messages) == (1 if said else 0), messages
    for part in said:
        assert part in messages[0], messages
    if said:
        assert messages[0].startswith(f"{path}: sheet 'Sheet': ")


@pytest.mark.parametrize(
    ("limit", "chunk_size", "out", "said"),
    [
        (3, 5000, "o.csv", ["1 row(s) hidden", "row(s) 3; unhide"]),  # rows 2 to 4 read; 7 and 8, B7:B8 not
        (3, 2, "o.csv", ["1 row(s) hidden", "row(s) 3; unhide"]),  # read as two chunks, said once
        (3, 5000, "o.xlsx", ["1 row(s) hidden", "row(s) 3; unhide"]),  # the schema scan, then the rows
        (5, 5000, "o.csv", ["1 row(s) hidden", "row(s) 3; unhide"]),  # row 7, hidden, read by the check for more
        (6, 5000, "o.csv", ["2 row(s) hidden", "row(s) 3, 7; unhide", "merged cells: B7:B8"]),
        (None, 5000, "o.csv", ["3 row(s) hidden", "row(s) 3, 7, 8; unhide", "merged cells: B7:B8"]),
    ],
)
def test_under_a_limit_only_the_rows_read_are_said_hidden_or_merged(
    tmp_path, tiny_model_dir, limit, chunk_size, out, said
):
    """Regression: ``taikai batch book.xlsx --limit 3`` warned of every hidden row and merged range of the sheet,
    read or not (rows 3, 7 and 8, B7:B8), and warned again of those past the limit (7 and 8) when it read one
    record more to tell whether the input held more rows."""
    import taikai

    path = _sheet(tmp_path / "s.xlsx", (3, 7, 8), ("B7:B8",), False)
    options = {"limit": limit} if limit else {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        summary = taikai.classify_file(
            path, tmp_path / out, "text", model=tiny_model_dir, chunk_size=chunk_size, **options
        )
    messages = [
        str(w.message) for w in caught if issubclass(w.category, DataWarning) and "sheet 'Sheet'" in str(w.message)
    ]
    assert summary.rows == (limit or len(TEXTS))
    assert "\n".join(messages).count("hidden in Excel") == 1, messages
    for part in said:
        assert any(part in m for m in messages), messages
    assert ("merged" in "".join(messages)) is any("merged" in part for part in said), messages


def _hidden_columns(path: Path, hidden: tuple[str, ...]) -> Path:
    """Write the labelled rows of :data:`TEXTS` (id, text, reasons all ``other``, 理由, sentiment) with the columns
    *hidden* (``"C"``, or a range ``"C:D"``, saved as one ``<col min="3" max="4" hidden="1"/>``) hidden."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "text", "reasons", "理由", "sentiment"])
    for number, text in enumerate(TEXTS, 1):
        ws.append([number, text, "other", "fees", "negative"])
    for spec in hidden:
        first, _, last = spec.partition(":")
        ws.column_dimensions.group(first, last or first, hidden=True)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("hidden", "said"),
    [
        (("C",), "1 column(s) hidden in Excel are read all the same, as every column is: C ('reasons'); unhide"),
        (("C:D",), "2 column(s) hidden in Excel are read all the same, as every column is: C ('reasons'), D ('理由');"),
        (
            ("A", "E"),
            "2 column(s) hidden in Excel are read all the same, as every column is: A ('id'), E ('sentiment')",
        ),
        (("G",), ""),  # beyond the named columns: nothing read from it
        ((), ""),
    ],
)
def test_hidden_columns_are_read_and_said(tmp_path, hidden, said):
    """Regression: a workbook with a hidden ``reasons`` column (all ``other``) beside a visible ``理由`` column was
    scored by ``taikai evaluate`` without a word (primary accuracy 0.167); hidden rows were warned of, hidden columns
    not."""
    path = _hidden_columns(tmp_path / "s.xlsx", hidden)
    reader = XlsxReader(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(2):  # read twice (a batch run's schema scan): said once
            texts = [text for chunk in reader.chunks(3) for text in chunk.data[1]]
    assert texts == TEXTS  # no row lost
    messages = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    assert len(messages) == (1 if said else 0), messages
    if said:
        assert messages[0].startswith(f"{path}: sheet 'Sheet': {said}"), messages
        assert "delete them from the sheet if they are not to be read" in messages[0], messages
