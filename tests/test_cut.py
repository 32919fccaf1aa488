"""A text taikai quotes cut to its first characters ends with ``…``, wherever it is quoted (regression: a malformed
record's error, a text given as the model and the advice to wrap a bare str in a list quoted its first 80 or 20
characters as if they were the whole text; following that advice classified the first 20 characters)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import taikai
from taikai._cut import CUT_MARK, count_rest, cut, cut_lines, cut_list, quoted
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


@pytest.mark.parametrize(
    ("items", "shown", "options", "expected"),
    [
        (["a", "b"], 2, {}, "a, b"),
        (["a", "b", "c"], 2, {}, "a, b, and 1 more"),  # no where: the rest counted, no total
        ([1, 2, 3], 5, {"total": 1237}, "1, 2, 3, and 1,234 more"),  # the first few of 1,237 (examples kept)
        ([], 2, {"total": 0}, ""),
        (["x, y", "z"], 1, {"sep": "; "}, "x, y; and 1 more"),  # an item that holds a comma
        ([f"l{i}" for i in range(1239)], 5, {}, "l0, l1, l2, l3, l4, and 1,234 more"),
    ],
    ids=["whole", "one more", "total", "none", "sep", "thousands"],
)
def test_a_cut_list_without_where_counts_the_rest_only(items, shown, options, expected):
    assert cut_list(items, shown, **options) == expected


@pytest.mark.parametrize(
    ("items", "shown", "options", "expected"),
    [
        (["a", "b"], 2, {}, ["  a", "  b"]),
        (["a", "b", "c"], 2, {}, ["  a", "  b", "  … and 1 more"]),
        (["a"], 1, {"total": 1235, "bullet": "- "}, ["- a", "- … and 1,234 more"]),
        (["a", "b"], 1, {"where": "see X", "bullet": ""}, ["a", "… and 1 more (2 in all; see X)"]),
    ],
    ids=["whole", "one more", "total and bullet", "where"],
)
def test_cut_lines_gives_a_line_an_item_and_counts_the_rest(items, shown, options, expected):
    assert cut_lines(items, shown, **options) == expected


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


MANY = 1234
"""How many items each message below is given past those it shows: every one says ``1,234 more``."""


def _rules_problems(shown: int) -> str:
    from taikai.rules import parse_rules

    with pytest.raises(taikai.errors.RulesError) as caught:
        parse_rules("".join(f'[[rule]]\nname = "r{i}"\nlabel = "fees"\n' for i in range(shown + MANY)))
    return str(caught.value)


def _listing(shown: int) -> str:
    from taikai.io._labelled import _listing

    return _listing([f"row {i}" for i in range(shown + MANY)])


def _glyphs(shown: int) -> str:
    from taikai.analysis._chart_fonts import missing_glyphs_warning

    return missing_glyphs_warning([chr(0x4E00 + i) for i in range(shown + MANY)])


def _settings(shown: int) -> str:
    from taikai.batch._fingerprint import _settings_changes

    before = {f"r{i}": 0.5 for i in range(shown + MANY)}
    return _settings_changes({"reason_thresholds": before}, {"reason_thresholds": dict.fromkeys(before, 0.9)})[0]


def _object_keys(shown: int) -> str:
    from taikai.text._misread import object_problem

    return object_problem({f"k{i}": i for i in range(shown + MANY)}, shown).message


def _gaps(shown: int) -> str:
    from taikai.drift import EmptyPeriods, gaps_line

    return gaps_line(tuple(EmptyPeriods(f"{i}", f"{i}", 1) for i in range(shown + MANY)), shown) or ""


@pytest.mark.parametrize(
    ("said", "shown"),
    [(_rules_problems, 20), (_listing, 20), (_glyphs, 5), (_settings, 3), (_object_keys, 5), (_gaps, 5)],
    ids=["rules file problems", "labelled rows", "chart glyphs", "changed settings", "object keys", "empty periods"],
)
def test_a_message_cut_to_its_first_items_counts_the_rest_with_thousands_separators(said, shown):
    """Regression: some said ``and 1234 more``, some ``, …`` with no count, and each its own way."""
    message = said(shown)
    assert f"and {MANY:,} more" in message, message
