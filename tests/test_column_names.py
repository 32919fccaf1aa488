"""A column name given and not found: the name most likely meant, and a header row below a title."""

import pytest

from taikai._column_names import Head, close_name, did_you_mean


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
    ],
)
def test_header_below_names_the_row_that_holds_the_columns(rows, unit, names, said):
    assert Head(tuple(map(tuple, rows)), unit).header_below(names) == said
