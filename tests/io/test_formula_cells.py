"""A suggest sheet's CSV cells Excel would read as formulas are escaped, and read back exactly as they were."""

import pandas as pd
import pytest

from taikai.io import escape_formula, read_labelled_file, unescape_formula, unescape_sheet


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+81 手数料が高い", "'+81 手数料が高い"),
        ("-最悪", "'-最悪"),
        ("@all", "'@all"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=x", "''=x"),  # already looks escaped: one more, so that reading takes exactly one off
        ("''-x", "'''-x"),
        ("'abc", "'abc"),  # an apostrophe before text Excel reads as text: left as it is
        ("手数料=高い", "手数料=高い"),  # only the first character counts
        ("", ""),
        (12, 12),  # numbers and missing cells are not texts
        (None, None),
    ],
)
def test_formula_texts_get_an_apostrophe_and_lose_exactly_it_on_reading(value, written):
    assert escape_formula(value) == written
    assert unescape_formula(written) == value


@pytest.mark.parametrize(
    ("columns", "unescaped"),
    [
        (["row", "text", "model_reason", "reasons"], True),  # a suggest sheet
        (["id", "text", "reasons", "sentiment"], False),  # labelled data: its texts are the user's, kept as written
    ],
)
def test_only_a_suggest_sheet_is_unescaped(tmp_path, columns, unescaped):
    frame = pd.DataFrame([["'=1", "'-最悪だった", "'@x", ""]], columns=columns)
    path = tmp_path / "s.csv"
    frame.to_csv(path, index=False, encoding="utf-8-sig")
    read = read_labelled_file(path).frame
    expected = ["=1", "-最悪だった", "@x"] if unescaped else ["'=1", "'-最悪だった", "'@x"]
    assert [str(v) for v in read.iloc[0, :3]] == expected
    assert unescape_sheet(frame).iloc[0, :3].tolist() == expected


def test_a_sheets_escaped_column_name_is_read_back():
    frame = pd.DataFrame({"'=id": ["'=R1"], "text": ["t"], "model_reason": ["fees"], "reasons": [""]})
    assert unescape_sheet(frame).columns[0] == "=id" and unescape_sheet(frame).iloc[0, 0] == "=R1"
