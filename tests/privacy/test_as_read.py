"""The text as the finders read it (taikai.privacy._as_read): a name's kanji in the variant form CP932 and people
write it in is read as the form UniDic holds."""

import pytest

from taikai.privacy import mask_pii
from taikai.privacy._as_read import HAS_NAME_FORM, NAME_FORMS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each was left as written, where the same name in the common form is masked
        ("クライアントの髙橋から無茶な修正", "クライアントの[人名]から無茶な修正"),
        ("担当の德永が遅い", "担当の[人名]が遅い"),
        ("担当の濵田が遅い", "担当の[人名]が遅い"),
        ("担当の淸水が遅い", "担当の[人名]が遅い"),
        ("担当の增田が遅い", "担当の[人名]が遅い"),
        ("担当の黑田が遅い", "担当の[人名]が遅い"),
        ("担当の西鄕が遅い", "担当の[人名]が遅い"),
        ("担当の神﨑が遅い", "担当の[人名]が遅い"),
        ("﨑山から連絡", "[人名]から連絡"),
        ("担当の瀨川が遅い", "担当の[人名]が遅い"),
        ("𠮷田さんに連絡、𠮷田は最悪", "[人名]さんに連絡、[人名]は最悪"),  # 𠮷 is one character: the spans hold
        ("髙橋さん。髙橋の対応", "[人名]さん。[人名]の対応"),
        # what the common form leaves, the variant leaves too
        ("栁田の件", "栁田の件"),  # 柳田の: also a place
        ("高松市の髙松駅", "高松市の髙松駅"),
    ],
)
def test_a_name_in_a_variant_form_is_masked_as_in_the_common_one(text, expected):
    assert mask_pii(text).text == expected
    assert mask_pii(text.translate(NAME_FORMS)).text == expected.translate(NAME_FORMS)


def test_every_variant_form_is_one_character_for_one():
    for variant, common in NAME_FORMS.items():
        assert len(chr(variant)) == len(common) == 1
        assert HAS_NAME_FORM.fullmatch(chr(variant))
