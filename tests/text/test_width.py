"""Terminal widths: East Asian wide and full-width characters take two columns."""

import pytest

from taikai.text import clip, display_width, pad


@pytest.mark.parametrize(
    ("text", "width"),
    [("", 0), ("abc", 3), ("手数料", 6), ("ｼｽﾃﾑ", 4), ("ＡＢ", 4), ("a手b", 4), ("'が ない'", 9)],
)
def test_display_width(text, width):
    assert display_width(text) == width


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
    ],
)
def test_clip(text, width, expected):
    assert clip(text, width) == expected
    assert display_width(clip(text, width)) <= width
