"""Every value check_text does not classify carries the kind of its problem, and the kind is read back from its
message (as a predictions file holds it) by the template the message was made from, not by how it starts."""

from __future__ import annotations

import pytest

from taikai._formula_value import formula_value
from taikai.privacy import NOT_JAPANESE_PLACEHOLDERS
from taikai.text import Status, TextProblem, check_text

NOTE = "line 12: 3 undecodable byte(s) read as U+FFFD in cp932"  # what taikai batch adds after a row's message
VALUES = [  # a value of each kind, as check_text judges it (with the placeholders of masked data not Japanese)
    ("", TextProblem.EMPTY),
    (None, TextProblem.EMPTY),
    ("great staff", TextProblem.NOT_JAPANESE),
    ("https://ja.wikipedia.org/wiki/東京", TextProblem.JAPANESE_IN_URLS),
    ("[電話番号] [メール]", TextProblem.ONLY_PLACEHOLDERS),
    ("ｗｗｗ", TextProblem.FULL_WIDTH_LATIN),
    ("ヽ(・ー・)ノ", TextProblem.ONLY_MARKS),
    ("a\udc80b", TextProblem.LONE_SURROGATE),
    ("a\ud800b", TextProblem.LONE_SURROGATE),
    (b"bytes", TextProblem.BYTES),
    ({"body": "手数料", "id": 1}, TextProblem.OBJECT),
    (formula_value(0), TextProblem.UNCOMPUTED_FORMULA),
    (1.5, TextProblem.OTHER_TYPE),
    ("#N/A", TextProblem.EXCEL_ERROR),
    ('=HYPERLINK("https://example.com/r/1","link")', TextProblem.SPREADSHEET_FORMULA),
    ("\ufffd\ufffd\ufffd手\ufffd\ufffd", TextProblem.MOSTLY_REPLACED),
    ("縺ゅ≠繧翫′縺ィ縺", TextProblem.UTF8_AS_CP932),
]


def test_every_kind_has_a_value_that_check_text_gives_it():
    # but a frame's row repeating its header, a row, not a value (predict_frame's: tests/model/test_header_rows.py)
    assert {kind for _, kind in VALUES} == set(TextProblem) - {TextProblem.REPEATED_HEADER}


@pytest.mark.parametrize(("value", "kind"), VALUES)
def test_a_value_not_classified_carries_its_kind_and_its_message_reads_back_as_it(value, kind):
    """A message made other than from its kind's template (a literal reworded in check_text) reads back as no kind."""
    checked = check_text(value, ignore=NOT_JAPANESE_PLACEHOLDERS)
    assert checked.status is not Status.OK and checked.problem is kind
    assert TextProblem.of(checked.message) is kind
    assert TextProblem.of(f"{checked.message}; {NOTE}") is kind  # with batch's note of bytes that did not decode


@pytest.mark.parametrize(
    "value",
    ["手数料が高すぎて辞めました", "あいう" * 3_400],  # classified, the second cut (a message, but no problem)
)
def test_a_text_classified_carries_no_kind(value):
    checked = check_text(value)
    assert checked.ok and checked.problem is None and TextProblem.of(checked.message) is None


@pytest.mark.parametrize(
    "message",
    [
        "no Japanese characters",  # the start of a kind's message only (it was glossed by it)
        "no Japanese characters in this survey answer, I typed it myself",
        "empty or whitespace-only text, says our export",
        "not text: a value of type",
        "mostly U+FFFD",
        f"{TextProblem.NOT_JAPANESE.template}!",  # a message and more, not a note
        "",
        None,
        float("nan"),
    ],
)
def test_a_message_that_only_starts_as_a_kind_s_is_of_no_kind(message):
    assert TextProblem.of(message) is None
