"""Terminal widths: East Asian wide and full-width characters take two columns."""

import unicodedata

import pytest

from taikai.text import clip, display_width, markdown_cell, notebook_markdown, pad, printable


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("", 0),
        ("abc", 3),
        ("手数料", 6),
        ("ｼｽﾃﾑ", 4),
        ("ＡＢ", 4),
        ("a手b", 4),
        ("'が ない'", 9),
        # regression: a combining mark was counted as a column, two for the voiced marks of decomposed kana (NFD:
        # macOS file names, some PDFs), which a terminal draws on the character before them
        ("か\u3099", 2),  # が decomposed
        ("ハ\u309aス", 4),  # パス
        ("e\u0301", 1),  # é
        ("ｶﾞ", 2),  # half-width: the voiced mark is a character of its own, one column
        ("\u2640\ufe0f", 2),  # ♀️: the emoji form of a symbol of one column takes two
        ("😡", 2),
    ],
)
def test_display_width(text, width):
    assert display_width(text) == width


@pytest.mark.parametrize("text", ["ガイドがだんだん使いづらくなってきたのでやめました", "パスワードが届かない", "café"])
@pytest.mark.parametrize("width", [5, 10, 20, 40])
def test_a_decomposed_text_is_clipped_where_its_composed_form_is(text, width):
    """Regression: `taikai predict` cut a text pasted in NFD (as macOS writes it) to fewer characters than the same
    text composed, as if each voiced mark took two columns."""
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert unicodedata.normalize("NFC", clip(decomposed, width)) == clip(text, width)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [("手数料", 8, "手数料  "), ("abc", 5, "abc  "), ("手数料", 4, "手数料"), ("ｼｽ", 3, "ｼｽ ")],
)
def test_pad(text, width, expected):
    assert pad(text, width) == expected


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("手数料が高い", 12, "手数料が高い"),
        ("手数料が高い", 7, "手数料…"),
        ("手数料が高い", 6, "手数…"),
        ("a\nb  c", 10, "a b c"),
        ("abcdef", 4, "abc…"),
        ("手数料が\x1b[2J高い", 20, "手数料が [2J高い"),  # regression: a terminal's clear-screen went through raw
        ("a\x00b\x7fc\x9bd\u2028e", 20, "a b c d e"),
    ],
)
def test_clip(text, width, expected):
    assert clip(text, width) == expected
    assert display_width(clip(text, width)) <= width


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("手数料が高い", "手数料が高い"),
        ("手数料が\x1b[2J高い\tです", "手数料が [2J高い です"),
        ("a\r\nb", "a  b"),  # one for one: offsets into the text still hold
        ("\x00\x1f\x7f\x85\x9f\u2028\u2029", " " * 7),
        ("ｼｽﾃﾑ 　😀", "ｼｽﾃﾑ 　😀"),  # spaces and other printable characters are kept
        ("高い\u202eいなれ", "高い いなれ"),  # right-to-left override: would flip the rest of the row
        ("\u2066高い\u2069です", " 高い です"),  # isolates
        ("手数\u200b料\ufeff", "手数 料 "),  # zero-width space, BOM
        ("\u00adが", " が"),  # soft hyphen
    ],
)
def test_printable(text, expected):
    assert printable(text) == expected
    assert len(printable(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("手数料", "手数料"),
        ("a|b", "a\\|b"),
        ("一行目\n二行目", "一行目 二行目"),  # a line break would end the table's row
        ("  前後\t の 空白  ", "前後 の 空白"),
        ("|\r\n|", "\\| \\|"),
    ],
)
def test_markdown_cell_keeps_a_value_in_its_cell(text, cell):
    assert markdown_cell(text) == cell


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("- <frame>: row 4 (data row, 1-based): gold fees", "- &lt;frame&gt;: row 4 (data row, 1-based): gold fees"),
        ("| r | (?<=手数料)高い | A&B |", "| r | (?&lt;=手数料)高い | A&amp;B |"),
        ("rules from `<frame>` on <frame>", "rules from `<frame>` on &lt;frame&gt;"),  # a code span as written
        ("``a`b<c`` <d>", "``a`b<c`` &lt;d&gt;"),
        ("**WARNING: 3 rows** | x |", "**WARNING: 3 rows** | x |"),  # Markdown itself kept
        ("an `unclosed <span", "an `unclosed &lt;span"),
    ],
)
def test_notebook_markdown_shows_what_would_be_taken_for_html(text, shown):
    assert notebook_markdown(text) == shown
