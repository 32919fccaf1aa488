"""Where a name may start (taikai.privacy._name_start): after punctuation, a particle, a noun of time, a word of the
people around someone, and a phrase of time ending in 中 or この度; never inside another word."""

import pytest

from taikai.privacy import mask_pii


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: a given name glued after a phrase of time was left (期間 + 中 + 舞, この + 度 + 杏).
        ("期間中舞さんにお世話になった", "期間中[人名]さんにお世話になった"),
        ("この度杏さんに担当していただいた", "この度[人名]さんに担当していただいた"),
        # Masked before too: a noun of time before a name, a boy's name before くん whatever stands before it.
        ("先日舞さんと話した", "先日[人名]さんと話した"),
        ("作業中蓮くんから連絡が来た", "作業中[人名]くんから連絡が来た"),
        # Left as they were: a surname that ends in 中 stays whole, a word in 中 alone is no name.
        ("田中舞さん", "[人名]さん"),
        ("野中舞さん", "[人名]さん"),
        ("在宅中に作業した", "在宅中に作業した"),
    ],
)
def test_a_name_after_a_phrase_of_time(text, expected):
    assert mask_pii(text).text == expected
