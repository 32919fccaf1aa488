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


NUMBERS = ["-163", "-1.5", "+81", "-0", "-.5", "+1e3", "-2E-4", "163"]
"""Plain numbers: Excel and LibreOffice read them as numbers, not formulas."""
FORMULAS = [
    "-1+2",
    "=SUM(A1)",
    "@x",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "--1",
    "-1,000",
    "-163 ",
    "-163\n",
    " -",
    "-",
    "+",
    "-１６３",  # full-width digits: how Excel reads them depends on its locale; escaped, which is safe either way
]
"""Texts Excel may read as formulas (or not as plain numbers): escaped."""


@pytest.mark.parametrize(
    ("value", "written"),
    [
        *((n, n) for n in NUMBERS),
        *((f, "'" + f) for f in FORMULAS if f[0] in "=+-@"),
        (" -", " -"),  # a blank first: Excel reads text
        ("－163", "－163"),  # a full-width sign is no formula start
        ("'-163", "''-163"),  # an apostrophe before a number: one more, so that reading takes exactly one off
        ("''+81", "'''+81"),
    ],
)
def test_a_plain_number_is_not_escaped_and_every_formula_is(value, written):
    assert escape_formula(value) == written
    assert unescape_formula(written) == value


def test_a_sheet_escaped_before_plain_numbers_were_left_alone_still_reads_back():
    assert unescape_formula("'-163") == "-163"  # as taikai wrote a negative id up to this fix


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_every_cell_of_a_sheet_reads_back_as_it_was_written(tmp_path, suffix):
    from taikai.suggestion import write_sheet

    values = [*NUMBERS, *FORMULAS, "'-163", "'=x", "手数料=高い"]
    rows = pd.DataFrame({"id": values, "text": values, "model_reason": "fees"})
    write_sheet(rows, tmp_path / f"s{suffix}", ["fees"], [])
    read = read_labelled_file(tmp_path / f"s{suffix}").frame
    assert read["id"].tolist() == values and read["text"].tolist() == values


def test_a_csv_sheets_negative_ids_join_the_users_data(tmp_path):
    from taikai.suggestion import write_sheet

    data = pd.DataFrame({"id": [-163, 5, -1], "amount": [1.5, 2.0, 3.0]})
    rows = pd.DataFrame({"id": data["id"].astype(str), "text": ["a", "b", "c"], "model_reason": "fees"})
    write_sheet(rows, tmp_path / "s.csv", ["fees"], [])
    assert (tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()[1] == "-163,a,fees,,,"
    joined = pd.read_csv(tmp_path / "s.csv").merge(data, on="id")  # a user's join of the filled sheet
    assert joined["amount"].tolist() == [1.5, 2.0, 3.0]
