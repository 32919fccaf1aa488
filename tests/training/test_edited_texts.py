"""One id naming rows of different texts in the added files: a text a labeller edited is still the review its id
names, trained once from the last row; other reviews under an id that is not unique stay apart."""

import warnings

import pandas as pd
import pytest

from taikai.training import Columns, read_inputs

BASE = pd.DataFrame(
    {
        "text": ["手数料が高い", "単価が安い", "時間がない", "詐欺にあった"],
        "reasons": ["fees", "low_pay", "time", "trouble"],
        "sentiment": ["negative", "negative", "neutral", "negative"],
    }
)
TEXT = "クライアントから修正を十回以上求められて、結局報酬も払われずに終わった"
EDITED = TEXT.replace("十回", "10回") + "（誤字修正）"
OTHER = "子どもが生まれて、副業に使える時間がまったくなくなった"


def sheet(rows):
    return pd.DataFrame(rows, columns=["review_id", "text", "reasons", "sentiment"])


@pytest.mark.parametrize(
    ("second", "kept", "warned"),
    [
        # the text edited by the second labeller, labelled otherwise: one review, the last row kept
        ([["R1", EDITED, "other", "negative"]], [EDITED], True),
        # another review under the same id (an id that is not unique): both stay
        ([["R1", OTHER, "time", "neutral"]], [TEXT, OTHER], False),
        # the same text: a repeat, as before
        ([["R1", TEXT, "other", "negative"]], [TEXT], False),
        # the edited text under another id: two reviews by their ids and texts
        ([["R2", EDITED, "other", "negative"]], [TEXT, EDITED], False),
        # a blank id names no review
        ([["", EDITED, "other", "negative"]], [TEXT, EDITED], False),
    ],
)
def test_a_text_edited_under_its_id_is_trained_once(second, kept, warned):
    first = sheet([["R1", TEXT, "trouble", "negative"]])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        inputs = read_inputs(BASE, [first, sheet(second)], columns=Columns(), id_column="review_id")
    said = [str(w.message) for w in caught if "a text edited in a sheet?" in str(w.message)]
    assert inputs.added["text"].tolist() == kept
    assert len(said) == warned
    if warned:
        assert "1 id(s) of the 'review_id' column" in said[0]
        assert "<frame 1 of add>: row 1 (data row, 1-based) (id R1) and <frame 2 of add>" in said[0]
        assert inputs.disagreeing_repeats == 1  # the labels that differ are noted, as for a repeated text


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        (None, [TEXT, EDITED]),  # no id column: two texts, two reviews
        ("no", [TEXT, EDITED]),  # a column not named as ids are is none
        ("review_id", [EDITED]),  # found by its name, as suggest finds it: as if given
        ("回答ID", [EDITED]),
    ],
    ids=["none", "not-named-as-ids", "review_id-found", "回答ID-found"],
)
def test_without_id_column_edited_texts_are_one_review_only_under_an_id_column_found_by_name(name, kept):
    """The intent of an id column a user did not give: two texts under one id are one review only when the column is
    named as ids are (then it names the rows, as suggest and evaluate take it)."""
    first, second = (
        sheet(rows).rename(columns={"review_id": name}) if name else sheet(rows).drop(columns="review_id")
        for rows in ([["R1", TEXT, "trouble", "negative"]], [["R1", EDITED, "other", "negative"]])
    )
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        inputs = read_inputs(BASE, [first, second], columns=Columns())
    assert inputs.added["text"].tolist() == kept
    assert (inputs.ids.column, inputs.ids.by_name) == ((name, True) if len(kept) == 1 else (None, False))


def test_every_edit_of_an_id_takes_its_last_rows_key():
    from taikai.training._edited_texts import edited_texts

    keys = ["a", "b", "abcdefgh", "abcdefgX", "abcdefgY"]
    ids = ["1", "2", "3", "3", "3"]
    found = edited_texts(keys, ids, [f"s.csv:{i}" for i in range(5)])
    assert found.keys == ("a", "b", "abcdefgY", "abcdefgY", "abcdefgY")
    assert (found.ids, found.shown) == (1, ("s.csv:2 and s.csv:3 and s.csv:4",))
