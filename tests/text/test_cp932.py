"""Which texts a CP932 sheet cannot hold whole, found as Python's CP932 codec finds them, and how it holds them."""

import pytest

from taikai.text import cp932_unencodable, cp932_written


@pytest.mark.parametrize(
    ("texts", "positions"),
    [
        ([], []),
        (["", "手数料が高い〜", "①②ｱｲ髙"], []),  # CP932 holds 〜 (as ～), circled digits, half-width kana, IBM kanji
        (["😀", "ok", "♥", "a\u2014b", "🙇\u200d♂️"], [0, 2, 3, 4]),
        (["x"] * 20_001 + ["😀"], [20_001]),  # past a chunk
        (["lone \ud800 surrogate"], [0]),
    ],
)
def test_unencodable_finds_the_texts_with_a_character_cp932_cannot_hold(texts, positions):
    assert cp932_unencodable(texts) == positions


def test_the_table_agrees_with_the_codec_on_every_character_of_the_basic_plane():
    points = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]

    def holds(c):
        try:
            c.encode("cp932")
        except UnicodeEncodeError:
            return False
        return True

    assert cp932_unencodable(points) == [k for k, c in enumerate(points) if not holds(c)]


@pytest.mark.parametrize(("text", "written"), [("好き😀", "好き?"), ("♥〜", "?～"), ("普通", "普通")])
def test_as_written_replaces_each_character_cp932_cannot_hold_with_a_question_mark(text, written):
    assert cp932_written(text) == written
