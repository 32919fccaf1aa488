"""Texts dense with names (a pasted roster, a spammed row) are masked as before, at a cost that grows with their
length, not with its square (taikai.privacy._names, _given_names, _repeated_names, _nicknames, _readings)."""

import sys

import pytest

from taikai.privacy import PiiMasker, mask_pii


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("田中さんと佐藤さん。" * 3, "[人名]さんと[人名]さん。" * 3),
        ("山田" * 5, "山田" * 5),  # surnames alone, glued: no name
        ("山田太郎" * 3, "[人名]"),
        ("佐藤" * 6 + "から", "佐藤" * 6 + "から"),
        ("鈴木から連絡。" * 3, "[人名]から連絡。" * 3),
        ("さん" * 6, "さん" * 6),
        ("の" * 12 + "たかぴーさん", "の" * 12 + "[人名]さん"),  # particles before a nickname, however many
        ("さっき" * 4 + "ぴよ子さん", "さっき" * 4 + "[人名]さん"),
        ("ぴよ" * 6 + "子さん", "ぴよ" * 4 + "[人名]さん"),
        ("山田(やまだ)さん、" + "ゆ" * 10 + "のんさん", "[人名]さん、[人名]さん"),
        (")さん" * 3, ")さん" * 3),
        ("山田(やまだ)さん" * 3, "[人名]さん" * 3),
        ("山田(" + "やまだ" * 12 + ")さん", "山田(" + "やまだ" * 12 + ")さん"),  # too long for a reading
        ("うちの猫の\nタマちゃん、陽葵ちゃん" * 2, "うちの猫の\nタマちゃん、[人名]ちゃん" * 2),
        ("高橋、佐藤、渡辺、" * 3, "高橋、佐藤、渡辺、" * 3),
        ("担当は小林さん。小林の対応。" * 2, "担当は[人名]さん。[人名]の対応。" * 2),
        ("陽葵ちゃんと蓮くん。" * 3, "[人名]ちゃんと[人名]くん。" * 3),
        ("ゆのんさん" * 3, "[人名]さん" * 3),
        ("健太兄さん" * 3, "[人名]兄さん" * 3),
        ("Tanaka-san, Tanaka, tanaka_88, TANAKAさん" * 2, "[人名]-san, [人名], tanaka_88, [人名]さん" * 2),
    ],
)
def test_a_text_dense_with_names_is_masked_as_a_short_one_is(text, expected):
    assert mask_pii(text).text == expected


def _calls(masker: PiiMasker, text: str) -> int:
    """Count the Python calls masking *text* makes: the work done, whatever else the machine runs."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += event == "call"

    sys.setprofile(profile)
    try:
        masker.mask(text)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize(
    "unit",
    ["田中さんと佐藤さん。", "山田", "さん", "田中太郎、佐藤花子、", "陽葵ちゃんと蓮くん。", "高橋、佐藤、渡辺の3人。"],
)
def test_the_work_of_masking_a_dense_text_grows_as_its_length(unit):
    masker = PiiMasker()
    short, long = ((unit * 1600)[:n] for n in (400, 1600))
    # Four times the text, about four times the calls (3.7 to 4.0); walking a run again at every name made 6 to 15.
    assert _calls(masker, long) <= 4.5 * _calls(masker, short)
