"""Numbers that identify a person or pay for something: card numbers and their security codes, My Numbers, and the
numbers of other identity documents (driving licence, health insurance card, passport, pension, invoice issuer).

Every pattern runs on the NFKC form of the text and returns spans of that form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taikai.privacy._kinds import Found, PiiKind

_FOUR_DIGITS = re.compile("[0-9]{4}")
CARD = re.compile(
    r"(?<![0-9])(?:[0-9]{4}(?P<s>[ \-]?)[0-9]{4}(?P=s)[0-9]{4}(?P=s)[0-9]{1,7}"
    r"|[0-9]{4}(?P<t>[ \-]?)[0-9]{6}(?P=t)[0-9]{4,5})(?![0-9])"
)
# An unbroken run of 13 to 19 digits is a card only after a word that names one (カード番号 4012888888881881): a JAN
# code, an order or a product number is such a run too, and one in ten passes the Luhn check.
_CARD_WORDS = r"カード|クレジット|クレカ|デビット|card|visa|master|jcb|amex"
_CARD_WORD = re.compile(_CARD_WORDS, re.IGNORECASE)
_CARD_WINDOW = 20  # characters before a number in which its name is looked for
# A card's security code: three or four digits right after its name (セキュリティコード123, CVV: 1234).
SECURITY_CODE = re.compile(
    r"(?<![A-Za-z])(?:セキュリティー?コード|security[ ]?code|CVV2?|CVC2?|CID)(?![A-Za-z])"
    r"[ ]?(?:は|[:=])?[ ]?(?P<v>[0-9]{3,4})(?![0-9])",
    re.IGNORECASE,
)
_SECURITY_HINTS = ("セキュリティ", "security", "cvv", "cvc", "cid")
# My Number (マイナンバー, 個人番号): 12 digits, in groups of four or not. After a word that names it, any such number;
# elsewhere only one whose check digit is right, and not a timestamp (202401311230) nor an order number.
_TWELVE = r"[0-9]{4}(?P<s>[ ]?[\-‐‑−]?[ ]?)[0-9]{4}(?P=s)[0-9]{4}"
MY_NUMBER = re.compile(rf"(?<![0-9#])(?<![0-9A-Za-z][\-.,/:])(?:{_TWELVE})(?![0-9]|[\-.,/:][0-9])")
_MY_NUMBER_WORD = re.compile(  # the 12桁 of マイナンバーの12桁は may stand between the word and the number
    r"(?:マイナンバー|個人番号|my[ ]?number)(?:カード)?(?:[^0-9\n]|12[ ]?桁){0,8}$", re.IGNORECASE
)
_MY_NUMBER_WINDOW = 20  # characters before a number in which its name is looked for
# The words of an order, a product, a ticket or a job before a number (注文番号 9876543210987, JANコード …, 作業ID …,
# お問い合わせ番号 4012-8888-8888-1881): such a number is never a card nor, unless named, a My Number.
ORDER_WORD = re.compile(
    r"(?P<w>注文|受注|発注|伝票|追跡|問い?合わ?せ|受付|予約|案件|取引|請求|管理|会員|口座|品番|型番|商品|製品|作業|"
    r"JAN|EAN|ISBN|ID|No\.?|#)[^0-9\n]{0,6}$",
    re.IGNORECASE,
)
# A card's own number is written with these words too (カードNo., クレジットカード#, VISAカードID, 楽天カード会員番号,
# カード番号（会員ID用）): glued to a card's word (番号, の, a space or a bracket between), they name the card's number.
_CARD_QUALIFIERS = frozenset({"会員", "id", "no", "no.", "#"})
_CARD_OWNER = re.compile(rf"(?:{_CARD_WORDS})(?:番号)?[ ]?(?:の|[(（])?[ ]?$", re.IGNORECASE)
_MY_NUMBER_WEIGHTS = (6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_TIMESTAMP = re.compile(r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:[01][0-9]|2[0-3])[0-5][0-9]")

# Other identity numbers, masked as [個人番号] after the word that names them: a qualified invoice issuer's
# registration number (T and 13 digits, hyphens allowed: a sole proprietor's names them), and the numbers of a
# driving licence, a health insurance card (番号 and 記号), a passport and the basic pension.
INVOICE = re.compile(r"(?<![A-Za-z0-9])T[ ]?[0-9](?:-?[0-9]){12}(?![0-9])")
_LABEL = r"[ ]?(?:は|[:=])?[ ]?"
ID_NUMBER = re.compile(
    rf"(?:免許証?(?:の)?番号|免許証){_LABEL}(?:第[ ]?)?(?P<a>[0-9]{{8,12}})(?![0-9])"
    rf"|(?:パスポート|旅券)(?:の)?(?:番号|No\.?)?{_LABEL}(?P<b>[A-Z]{{1,2}}[0-9]{{6,8}})(?![0-9A-Za-z])"
    rf"|(?:基礎)?年金(?:手帳)?(?:の)?番号{_LABEL}(?P<c>[0-9]{{4}}-?[0-9]{{6}})(?![0-9])",
    re.IGNORECASE,
)
# A health insurance card's 番号 and 記号, each after the card's name (健康保険証番号 12345678 記号 987).
_INSURANCE_CARD = re.compile(r"保険証|被保険者証|保険者")
_INSURANCE_NUMBER = re.compile(rf"(?:番号|記号){_LABEL}(?P<v>[0-9A-Za-z][0-9A-Za-z\-]{{0,15}})(?![0-9A-Za-z\-])")
_INSURANCE_WINDOW = 30  # characters after the card's name in which its numbers are looked for
_ID_HINTS = ("免許", "パスポート", "旅券", "年金", "保険")
# A member's number at a service (会員番号 12345678, 会員ID: 0012-3456): it names a person there, as an account's
# handle does, and is masked as [ID]; a card's 会員番号 is a card (楽天カード会員番号 4111 …: cards are found first).
MEMBER_NUMBER = re.compile(
    rf"会員(?:番号|ID|No\.?|コード){_LABEL}(?:No\.?[ ]?)?"
    r"(?P<v>[A-Za-z]{0,3}-?(?:[0-9]{2,6}(?:[ \-][0-9]{2,6}){1,4}|[0-9]{4,19}))"
    r"(?![0-9A-Za-z]|[ \-][0-9]|[ ]?(?:円|件|人|名|個|回|年|月|日|桁|%))",
    re.IGNORECASE,
)


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def my_number_check_digit(first11: str) -> int:
    """Return the check digit of a My Number whose first 11 digits are *first11* (the official rule: the digits
    weighted 6,5,4,3,2,7,6,5,4,3,2 from the left, summed; 11 minus the sum mod 11, or 0 when that mod is 0 or 1)."""
    remainder = sum(int(d) * w for d, w in zip(first11, _MY_NUMBER_WEIGHTS, strict=True)) % 11
    return 0 if remainder <= 1 else 11 - remainder


def digits_of(text: str) -> str:
    """Return the ASCII digits of *text*, in order."""
    return "".join(ch for ch in text if ch.isascii() and ch.isdigit())


def find_cards(text: str) -> Iterator[Found]:
    if any(hint in text.lower() for hint in _SECURITY_HINTS):
        for m in SECURITY_CODE.finditer(text):
            yield Found(m.start("v"), m.end("v"), PiiKind.CARD)
    if not _FOUR_DIGITS.search(text):
        return
    for m in CARD.finditer(text):
        digits = digits_of(m.group())
        if not (13 <= len(digits) <= 19 and _luhn(digits)):
            continue
        before = text[max(0, m.start() - _CARD_WINDOW) : m.start()]
        if _ordered(before) or (len(digits) == len(m.group()) and not _CARD_WORD.search(before)):
            continue  # an order's, a product's or a ticket's number; a run of digits nothing names a card
        yield Found(m.start(), m.end(), PiiKind.CARD)


def _ordered(before: str) -> bool:
    """Whether an order word stands right before a number (*before* is the text before it) and no card owns it.

    Every order word there must be one a card's number is also written with (No., #, ID, 会員), and the first must
    follow a card's word: カードNo. 4111 … is a card's number, 注文No. 4111 … and 会員番号 4111 … are not.
    """
    order = ORDER_WORD.search(before)
    if order is None:
        return False
    if not _CARD_OWNER.search(before, 0, order.start("w")):
        return True
    position = order.start("w")
    while (word := ORDER_WORD.search(before, position)) is not None:
        if word.group("w").lower() not in _CARD_QUALIFIERS:
            return True
        position = word.end("w")
    return False


def find_my_numbers(text: str) -> Iterator[Found]:
    if not _FOUR_DIGITS.search(text):
        return
    for m in MY_NUMBER.finditer(text):
        digits = digits_of(m.group())
        before = text[max(0, m.start() - _MY_NUMBER_WINDOW) : m.start()]
        named = _MY_NUMBER_WORD.search(before) is not None
        if named or (
            my_number_check_digit(digits[:11]) == int(digits[11])
            and not _TIMESTAMP.fullmatch(digits)
            and not ORDER_WORD.search(before)
            and not re.match(r"[ ]?(?:円|件|個|人|回|枚|本|番|号|%)", text[m.end() : m.end() + 3])
        ):
            yield Found(m.start(), m.end(), PiiKind.MY_NUMBER)


def find_id_numbers(text: str) -> Iterator[Found]:
    """Find an invoice issuer's number (T and 13 digits) and the numbers named by an identity document's word."""
    if "T" in text:
        for m in INVOICE.finditer(text):
            yield Found(m.start(), m.end(), PiiKind.MY_NUMBER)
    if not any(hint in text for hint in _ID_HINTS):
        return
    for m in ID_NUMBER.finditer(text):
        group = next(g for g in "abc" if m.group(g) is not None)
        yield Found(m.start(group), m.end(group), PiiKind.MY_NUMBER)
    for card in _INSURANCE_CARD.finditer(text):
        for m in _INSURANCE_NUMBER.finditer(text, card.start(), card.end() + _INSURANCE_WINDOW):
            if any(ch.isdigit() for ch in m.group("v")):
                yield Found(m.start("v"), m.end("v"), PiiKind.MY_NUMBER)


def find_member_numbers(text: str) -> Iterator[Found]:
    """Find a member's number after 会員番号, 会員ID, 会員No. or 会員コード."""
    if "会員" in text:
        for m in MEMBER_NUMBER.finditer(text):
            yield Found(m.start("v"), m.end("v"), PiiKind.ID)
