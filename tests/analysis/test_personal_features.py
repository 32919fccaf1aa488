"""keywords(mask_pii=True): which features may hold personal data (taikai.analysis._personal_features)."""

import pytest

from taikai.analysis._personal_features import personal


@pytest.mark.parametrize(
    ("feature", "expected"),
    [
        ("佐藤 様", True),  # a surname UniDic tags
        ("田中", True),
        ("渋谷 区", True),  # a place
        ("090", True),  # a phone number's first digits
        ("1234 -", True),
        ("５６７８", True),  # full-width
        ("@ example", True),  # a piece of an e-mail address
        ("taro@example.com", True),  # masking changes it
        # Regression: a word n-gram was masked with its spaces, which keep the masker from reading its words as one
        # name (結局いちかちゃん is a name, 結局 いち か ちゃん was not): its words glued are masked too.
        ("結局 いち か ちゃん", True),
        ("いち か ちゃん", True),
        ("森 七 菜 さん", True),
        ("たか ぽん さん", True),
        ("お客 さん", False),
        ("ちゃんと 書い た", False),
        ("手数料 が", False),
        ("怖い", False),
        ("100 円", False),  # a price of three digits
        ("○", False),  # a placeholder as the model reads it
    ],
)
def test_personal(feature, expected):
    assert personal(feature) is expected
