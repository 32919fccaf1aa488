"""A column name given and not found: the name most likely meant, and a header row below a title."""

import pytest

from taikai._column_names import Head, close_name, column_meant, did_you_mean, id_like


@pytest.mark.parametrize(
    ("name", "names", "meant"),
    [
        ("Text", ["id", "text"], "text"),  # case
        ("text", ["id", "text "], "text "),  # Excel's trailing space
        ("text", ["id", "ｔｅｘｔ"], "ｔｅｘｔ"),  # full-width, as a CP932 header may be
        (" ＴＥＸＴ ", ["text"], "text"),
        ("Platform", ["review_id", "platform", "text"], "platform"),
        ("platfrom", ["platform"], "platform"),  # a misspelling
        ("sentiments", ["sentiment"], "sentiment"),
        ("txt", ["id", "text"], "text"),
        ("sentiment", ["sentence", "label"], None),  # another column, not a misspelling
        ("reasons", ["pred_reason", "pred_reasons"], None),  # a prefixed prediction is not the labels
        ("text", ["review_text"], None),
        ("text", ["id", "date"], None),
        ("text", [], None),
    ],
)
def test_close_name_finds_a_near_miss_only(name, names, meant):
    assert close_name(name, names) == meant


@pytest.mark.parametrize(
    ("name", "names", "cutoff", "typo", "said"),
    [
        ("Label", ["name", "label"], 0.8, 2, " (did you mean 'label'?)"),
        ("label", ["label"], 0.8, 2, ""),  # the name itself is not suggested
        ("labl", ["name", "label"], 0.8, 2, " (did you mean 'label'?)"),
        ("rule_label", ["name", "label"], 0.5, None, " (did you mean 'label'?)"),  # as rules files name keys
        ("rule_label", ["name", "label"], 0.8, 2, ""),
    ],
)
def test_did_you_mean_says_the_near_miss(name, names, cutoff, typo, said):
    assert did_you_mean(name, names, cutoff, typo) == said


TITLE = ("レビュー集計 2025年",)


@pytest.mark.parametrize(
    ("rows", "unit", "names", "said"),
    [
        (
            [TITLE, ("出力日", "2025-12-01"), ("id", "text", "platform")],
            "line",
            ["text"],
            "; 'text' is on line 3: the lines above it look like a title; delete them (taikai reads the header from "
            "line 1)",
        ),
        (
            [TITLE, (), ("id", "text", "reasons", "sentiment")],
            "row",
            ["reasons", "sentiment"],
            "; 'reasons' and 'sentiment' are on row 3: the rows above it look like a title; delete them (taikai reads "
            "the header from row 1)",
        ),
        ([("text", "id")], "line", ["text"], ""),  # the first row is the header read: nothing below
        ([TITLE] + [("x",)] * 19 + [("text",)], "line", ["text"], ""),  # past the rows looked at
        ([TITLE, ("Text",)], "line", ["text"], ""),  # the cell must be the name given
        # a name that is a value of a data row (an id given as a column number) is no header below a title: the row
        # read first is as full as its row, or it is a number (regression: "'3' is on line 4: … delete them" told to
        # delete the header and a data row)
        ([("ID", "日付", "本文"), ("1", "2026/11/01", "高い"), ("3", "2026/11/03", "安い")], "line", ["3"], ""),
        ([("id", "text"), ("negative", "x")], "row", ["negative"], ""),
        ([TITLE, ("id", "text"), ("1", "x"), ("3", "y")], "line", ["3"], ""),  # an id below a title's header too
        (
            [TITLE, ("", ""), ("id", "本文")],
            "line",
            ["本文"],
            "; '本文' is on line 3: the lines above it look like a title; "
            "delete them (taikai reads the header from line 1)",
        ),
    ],
)
def test_header_below_names_the_row_that_holds_the_columns(rows, unit, names, said):
    assert Head(tuple(map(tuple, rows)), unit).header_below(names) == said


@pytest.mark.parametrize(
    ("name", "names", "said"),
    [
        (
            "3",
            ["ID", "投稿日", "本文"],
            " (columns are chosen by name, not by number: column 3, counting from 1, is '本文')",
        ),
        ("１", ["ID", "本文"], " (columns are chosen by name, not by number: column 1, counting from 1, is 'ID')"),
        ("9", ["ID", "本文"], " (columns are chosen by name, not by number)"),  # no column there
        ("2", ["0", "1"], ""),  # a frame read with header=None: its numbers are names
        ("Text", ["id", "text"], " (did you mean 'text'?)"),  # a near miss as before
        ("本", ["ID", "本文"], ""),
    ],
)
def test_column_meant_says_a_number_is_no_column_name(name, names, said):
    """Regression: `--text-column 3` got "'3' is on line 4: the lines above it look like a title; delete them"."""
    assert column_meant(name, names) == said


@pytest.mark.parametrize(
    ("rows", "unit", "said"),
    [
        (
            [("退会アンケート 2026年11月分", "", ""), ("", "", ""), ("ID", "投稿日", "本文")],
            "line",
            "; line 1 holds one cell, as a title does: if line 3 ('ID', '投稿日', '本文') is the header, delete the "
            "lines above it (taikai reads the header from line 1)",
        ),
        (
            [("集計",), ("id", "text")],
            "row",
            "; row 1 holds one cell, as a title does: if row 2 ('id', 'text') is the header, delete the rows above it "
            "(taikai reads the header from row 1)",
        ),
        ([("id", "text"), ("1", "x")], "line", ""),  # a header of two columns
        ([("text",), ("手数料が高い",), ("安い",)], "line", ""),  # one column throughout
        (
            [("text",), ("1", "手数料が高すぎて続けられなかったので別のサービスに移りましたが、そちらも同じでした")],
            "line",
            "",
        ),
        ([], "line", ""),
    ],
)
def test_header_after_title_says_a_header_row_below_a_one_cell_title(rows, unit, said):
    assert Head(tuple(map(tuple, rows)), unit).header_after_title() == said


@pytest.mark.parametrize(
    ("name", "names", "sheet", "said"),
    [
        (
            "C",
            ["ID", "投稿日", "本文"],
            True,
            " (columns are chosen by the name in row 1, not by letter: column C is '本文')",
        ),
        (
            "A",
            ["text", "reasons"],
            True,
            " (columns are chosen by the name in row 1, not by letter: column A is 'text')",
        ),
        ("C", ["ID", "投稿日", "本文"], False, ""),  # a CSV file's columns have no letters
        ("ID", ["番号", "本文"], True, ""),  # no column 238: a name, not a letter
        ("D", ["text", "reasons"], True, ""),  # no column D
        (
            "C",
            ["A", "B", "本文"],
            True,
            " (columns are chosen by the name in row 1, not by letter: column C is '本文')",
        ),
        ("c", ["ID", "投稿日", "本文"], True, ""),  # Excel heads its columns in capitals
        ("Text", ["id", "text"], True, " (did you mean 'text'?)"),  # a near miss as before
    ],
)
def test_column_meant_says_a_letter_is_no_column_name(name, names, sheet, said):
    """Regression: `--text-column C` on a workbook (Excel heads its columns A, B, C) got only "no column 'C'"."""
    assert column_meant(name, names, sheet) == said


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("id", True),
        ("回答ID", True),
        ("投稿ＩＤ", True),
        ("review_id", True),
        ("user id", True),
        ("reviewId", True),
        ("paid", False),
        ("valid", False),
        ("Android", False),
        ("PAID", False),
        ("identity", False),
    ],
)
def test_a_column_named_as_ids_is_told_from_a_word_ending_in_id(name, ids):
    assert id_like(name) is ids
