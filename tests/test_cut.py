"""A text taikai quotes cut to its first characters ends with ``…``, wherever it is quoted (regression: a malformed
record's error, a text given as the model and the advice to wrap a bare str in a list quoted its first 80 or 20
characters as if they were the whole text; following that advice classified the first 20 characters)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import taikai
from taikai._cut import CUT_MARK, count_rest, cut, cut_list, quoted
from taikai.cli import cli
from taikai.text import JapaneseTokenizer

LONG = "報酬が安すぎて辞めました。" + "あいうえおかきくけこ" * 12


@pytest.mark.parametrize(
    ("text", "chars", "expected"),
    [
        ("報酬", 2, "報酬"),  # as long as allowed: whole, unmarked
        ("報酬が", 2, "報酬…"),
        ("", 3, ""),
    ],
)
def test_cut_keeps_the_first_characters_and_marks_the_rest(text, chars, expected):
    assert cut(text, chars) == expected
    assert quoted(text, chars) == repr(expected)


@pytest.mark.parametrize(
    ("items", "shown", "expected"),
    [
        ([], 2, ""),
        (["a", "b"], 2, "a, b"),  # as many as shown: whole, nothing counted
        (["a", "b", "c"], 2, "a, b, and 1 more (3 in all; every one in X)"),
        ([f"l{i}" for i in range(1234)], 1, "l0, and 1,233 more (1,234 in all; every one in X)"),
    ],
    ids=["none", "as many as shown", "one more", "thousands"],
)
def test_a_cut_list_counts_the_rest_and_the_whole_and_says_where_every_one_is(items, shown, expected):
    assert cut_list(items, shown, "every one in X") == expected
    if len(items) > shown:
        assert expected.endswith(count_rest(len(items), shown, "every one in X"))


def _bad_record(tmp_path) -> str:
    (tmp_path / "bad.csv").write_text(f"id,text\nr1,ok\nr2,{LONG},extra\n", encoding="utf-8")
    args = ["batch", str(tmp_path / "bad.csv"), "-o", str(tmp_path / "out.csv"), "--text-column", "text"]
    return CliRunner().invoke(cli, args).output


def _tokenized(tmp_path) -> str:
    with pytest.raises(ValueError) as caught:
        JapaneseTokenizer().transform(LONG)
    return str(caught.value)


def _a_text_as_the_model(tmp_path) -> str:
    with pytest.raises(TypeError) as caught:
        taikai.evaluate(LONG, tmp_path / "data.csv")
    return str(caught.value)


@pytest.mark.parametrize(
    ("said", "start", "chars"),
    [
        (_bad_record, f"r2,{LONG}", 80),  # taikai batch's error: bad.csv:3: malformed record (…): 'r2,報酬…'
        (_tokenized, LONG, 20),  # wrap the text in a list, ['報酬…']
        (_a_text_as_the_model, LONG, 20),  # a text ('報酬…') as the model
    ],
    ids=["malformed record", "bare str", "text as the model"],
)
def test_a_quoted_text_that_was_cut_says_so(tmp_path, said, start, chars):
    message = said(tmp_path)
    assert repr(start[:chars] + CUT_MARK) in message, message
    assert not re.search(re.escape(repr(start[:chars])), message), message
