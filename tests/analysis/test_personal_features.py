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
        ("手数料 が", False),
        ("怖い", False),
        ("100 円", False),  # a price of three digits
        ("○", False),  # a placeholder as the model reads it
    ],
)
def test_personal(feature, expected):
    assert personal(feature) is expected
