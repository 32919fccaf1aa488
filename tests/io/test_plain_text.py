"""A .txt file read where a table is read is said to be plain text, not the table the caller reads, with what to do
for that table (taikai.io._plain_text): only a table of reviews, whose lines predict classifies, is sent to predict."""

from __future__ import annotations

import pytest

import taikai
from taikai.errors import INPUT_FORMAT, InputError
from taikai.io import FileKind

TABLES = "CSV, TSV, JSONL, Parquet or xlsx"
HELD = "if it holds one (a header, then one row per line), give it the extension .csv or .tsv"


@pytest.mark.parametrize(
    ("read", "said"),
    [
        (
            lambda path: taikai.io.read_labelled_file(path),
            f"a .txt file is plain text, not a labelled table ({TABLES}: the texts and their labels): {HELD}",
        ),
        (
            lambda path: taikai.io.read_labelled(path),
            f"a .txt file is plain text, not a labelled table ({TABLES}: the texts and their labels): {HELD}",
        ),
        (
            lambda path: taikai.io.read_predictions(path),
            f"a .txt file is plain text, not a predictions file (the table taikai batch writes: {TABLES}): give the "
            f"file taikai batch wrote; {HELD}",
        ),
        (
            lambda path: taikai.io.format_of(path, None, INPUT_FORMAT, kind=FileKind.DUMP),
            f"a .txt file is plain text, not a dump or predictions file (a table: {TABLES}): if it holds one (a "
            "header, then one row per line), name its format with input_format= (--input-format on the command "
            "line): csv or tsv",
        ),
        (
            lambda path: taikai.io.format_of(path),
            "a .txt file is plain text, not a table: to classify its lines, one review per line, give them to predict",
        ),
    ],
    ids=["read_labelled_file", "read_labelled", "read_predictions", "a dump", "a table of reviews"],
)
def test_a_txt_file_is_said_not_to_be_the_table_read(tmp_path, read, said):
    """Regression: a labelled table, a predictions file or a dump named .txt was told to classify its lines with
    predict, which neither trains, scores, reports nor checks drift."""
    path = tmp_path / "data.txt"
    path.write_text("text,reasons,sentiment\n手数料が高い,fees,negative\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read(path)
    assert str(raised.value).startswith(f"{path}: {said}"), raised.value


@pytest.mark.parametrize("kind", list(FileKind))
def test_a_missing_txt_file_is_said_to_be_missing(tmp_path, kind):
    """Regression: a missing .txt file was said to be plain text, to be classified with predict or renamed."""
    with pytest.raises(InputError) as raised:
        taikai.io.format_of(tmp_path / "gone.txt", kind=kind)
    assert str(raised.value) == f"{tmp_path / 'gone.txt'}: no such file"


UTF16 = 'the file is UTF-16 (it starts with the byte-order mark FF FE, as Excel writes its "Unicode テキスト" export)'


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ("text\treasons\tsentiment\n手数料が高い\tfees\tnegative\n".encode("utf-16"), UTF16),  # Excel's own .txt
        ("手数料が高い\n".encode("utf-32"), "the file is UTF-32 (it starts with the byte-order mark FF FE 00 00"),
        (b"text\n\xe6\x89\x8b\n", "a .txt file is plain text, not"),  # UTF-8 lines: plain text, as before
    ],
    ids=["utf-16 (Excel's Unicode text)", "utf-32", "utf-8"],
)
@pytest.mark.parametrize("kind", list(FileKind))
def test_a_utf16_txt_file_is_said_to_be_utf16(tmp_path, data, said, kind):
    """Regression: Excel's "Unicode テキスト" export, a UTF-16 .txt, was said to be plain text to give to predict
    (which then refused it as UTF-16), rather than UTF-16 to save as CSV UTF-8."""
    path = tmp_path / "export.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        taikai.io.format_of(path, kind=kind)
    assert str(raised.value).startswith(f"{path}: {said}"), raised.value
