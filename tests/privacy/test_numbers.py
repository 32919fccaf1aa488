"""Cards, My Numbers and other identity numbers (taikai.privacy._numbers): the words around a number decide."""

import random

import pytest

from taikai.privacy import mask_pii
from taikai.privacy._numbers import ORDER_WORD, my_number_check_digit


@pytest.mark.parametrize(
    "word", ["注文番号", "受注番号", "JANコード", "請求書の品番", "作業ID", "お問い合わせ番号", "No.", "#"]
)
def test_no_random_number_after_an_order_word_is_a_card(word):
    rng = random.Random(7)
    for _ in range(300):  # one in ten passes the Luhn check: before the fix, some 30 of these were cards
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(13, 16)))
        assert mask_pii(f"{word} {digits} の件").text == f"{word} {digits} の件"


def test_a_random_invoice_number_is_masked_whole():
    rng = random.Random(3)
    for _ in range(200):  # before the fix, about one in ten came out T[カード番号], the others unmasked
        digits = "".join(rng.choice("0123456789") for _ in range(13))
        assert mask_pii(f"登録番号 T{digits} です").text == "登録番号 [個人番号] です"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An unbroken run of digits is a card only after a card's word; in groups of four, unless an order's word.
        ("番号 4012888888881881", "番号 4012888888881881"),
        ("カード 4012888888881881", "カード [カード番号]"),
        ("VISA 4012888888881881", "VISA [カード番号]"),
        ("番号 4012 8888 8888 1881", "番号 [カード番号]"),
        ("注文番号 4012 8888 8888 1881", "注文番号 4012 8888 8888 1881"),
    ],
)
def test_a_card_is_told_by_its_groups_or_its_word(text, expected):
    assert mask_pii(text).text == expected


def test_my_numbers_share_the_order_words():
    first11 = "12345678901"
    number = first11 + str(my_number_check_digit(first11))
    assert mask_pii(f"番号 {number}").text == "番号 [個人番号]"
    assert ORDER_WORD.search("作業ID ") and ORDER_WORD.search("受注番号 ")
    for word in ("作業ID", "受注番号", "品番"):
        assert mask_pii(f"{word} {number}").text == f"{word} {number}"
    assert mask_pii(f"マイナンバー {number}").text == "マイナンバー [個人番号]"  # named, whatever precedes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A health insurance card's numbers are looked for within 30 characters after its name only.
        ("保険証の番号 12345678", "保険証の番号 [個人番号]"),
        ("保険証を忘れた。" + "あ" * 30 + "番号 12345678", "保険証を忘れた。" + "あ" * 30 + "番号 12345678"),
        ("保険証の記号 なし", "保険証の記号 なし"),
    ],
)
def test_insurance_card_numbers_follow_its_name(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Regression: No., #, ID and 会員 glued to a card's word name the card's own number; before the fix, these
        # were left as written (the order word won whatever stood before it).
        ("カードNo. 4111 1111 1111 1111 で払った", "カードNo. [カード番号] で払った"),
        ("クレジットカードNo:4111111111111111", "クレジットカードNo:[カード番号]"),
        ("カード No 4111-1111-1111-1111", "カード No [カード番号]"),
        ("カード#4111111111111111", "カード#[カード番号]"),
        ("楽天カード会員番号 4111 1111 1111 1111", "楽天カード会員番号 [カード番号]"),
        ("VISAカードID 4111111111111111", "VISAカードID [カード番号]"),
        ("カード番号（会員ID用）4111111111111111", "カード番号（会員ID用）[カード番号]"),
        ("カードの会員番号 4111111111111111", "カードの会員番号 [カード番号]"),
        ("JCBカード会員No.4111111111111111", "JCBカード会員No.[カード番号]"),
        # An order word alone, or any other order word after the card's word, still wins.
        ("注文No. 1234 5678 9012 3452", "注文No. 1234 5678 9012 3452"),
        ("案件ID 1234567890123452", "案件ID 1234567890123452"),
        ("No. 4111 1111 1111 1111", "No. 4111 1111 1111 1111"),
        ("カード注文No. 4111 1111 1111 1111", "カード注文No. 4111 1111 1111 1111"),
        ("カードで払った注文No. 4111 1111 1111 1111", "カードで払った注文No. 4111 1111 1111 1111"),
        ("VISAの取引ID 4111 1111 1111 1111", "VISAの取引ID 4111 1111 1111 1111"),
    ],
)
def test_a_card_word_owns_the_no_id_or_member_word_after_it(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A member's number names a person at a service: [ID], whatever it looks like (before the fix: as written).
        ("会員番号 12345678 です", "会員番号 [ID] です"),
        ("会員番号 4111 1111 1111 1111", "会員番号 [ID]"),  # no card's word: a member's number
        ("会員番号 41111111111111111", "会員番号 [ID]"),
        ("会員番号 123456789018", "会員番号 [ID]"),  # not [個人番号]: 会員 is an order word for My Numbers
        ("会員ID 12345678", "会員ID [ID]"),
        ("会員番号: A-123456", "会員番号: [ID]"),
        ("会員番号 0012-3456 で", "会員番号 [ID] で"),
        ("会員番号：１２３４５６７８", "会員番号：[ID]"),
        # Counts, amounts and too few digits stay.
        ("会員番号は3桁", "会員番号は3桁"),
        ("会員番号 1234件", "会員番号 1234件"),
        ("会員番号 1234 5678円", "会員番号 1234 5678円"),
        ("会員数 12345人", "会員数 12345人"),
        ("会員ID 12 で", "会員ID 12 で"),
    ],
)
def test_a_members_number_is_an_id(text, expected):
    assert mask_pii(text).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CVV: 123", "CVV: [カード番号]"),  # its name in capitals, as cards print it
        ("Security Code 1234", "Security Code [カード番号]"),
        ("cvv 123", "cvv [カード番号]"),
        ("セキュリティコード123", "セキュリティコード[カード番号]"),
    ],
)
def test_a_security_code_is_masked_after_its_name_in_any_case(text, expected):
    assert mask_pii(text).text == expected
