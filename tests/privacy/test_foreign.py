"""Numbers from outside Japan in Japanese text (taikai.privacy._foreign): US phones, Social Security numbers, IBANs."""

import pytest

from taikai.privacy import mask_pii


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # US phone numbers: with the area code in brackets, with a leading 1, or after a word of phones or the US.
        ("電話は(415) 555-2671です", "電話は[電話番号]です"),
        ("クライアントの番号 (212)555-1234 に掛けた", "クライアントの番号 [電話番号] に掛けた"),
        ("1-415-555-2671に電話して", "[電話番号]に電話して"),
        ("米国の番号 415-555-2671 に", "米国の番号 [電話番号] に"),
        ("TEL: 212.555.1234", "TEL: [電話番号]"),
        ("問い合わせ先 (415) 555-2671", "問い合わせ先 [電話番号]"),
        # Social Security numbers: dashed, or any nine digits after the number's name.
        ("SSN 123-45-6789 を教えろと言われた", "SSN [個人番号] を教えろと言われた"),
        ("SSNは123456789です", "SSNは[個人番号]です"),
        ("社会保障番号：123 45 6789", "社会保障番号：[個人番号]"),
        ("番号は 123-45-6789 だった", "番号は [個人番号] だった"),
        # IBANs, in groups of four or not, checked modulo 97.
        ("IBANはDE89 3704 0044 0532 0130 00です", "IBANは[口座]です"),
        ("GB82WEST12345698765432に送金した", "[口座]に送金した"),
        ("報酬はFR1420041010050500013M02606へ", "報酬は[口座]へ"),
        ("IBAN: DE89 3704 0044 0532 0130 01 (一桁違い)", "IBAN: [口座] (一桁違い)"),  # named: its check may fail
    ],
)
def test_a_foreign_number_is_masked(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        # Three, three and four digits with nothing to say it is a phone, or after an order's word; a range.
        "415-555-2671",
        "価格帯は200-300-4000",
        "注文番号 415-555-2671",
        "300-500-1000円の案件",
        "品番 212.555.1234",
        # Numbers never issued as a Social Security number, a date, an ISBN.
        "000-00-0000",
        "987-65-4321",
        "666-12-3456",
        "2023-12-1234",
        "ISBN 978-4-12-345678-9",
        # A string shaped like an IBAN whose check fails, and codes of letters and digits.
        "XY12 ABCD 1234 EFGH 5678",
        "JP12 ABCD EFGH IJKL",
        "型番AB12CDEF3456の商品",
    ],
)
def test_a_number_of_another_kind_stays(text):
    assert mask_pii(text).text == text
