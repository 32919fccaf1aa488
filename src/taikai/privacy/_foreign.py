"""Numbers from outside Japan written in Japanese text: US phone numbers, US Social Security numbers and IBANs.

Each has a shape no Japanese number has: a US phone's area code and exchange start with 2-9 (a Japanese number
starts with 0), a Social Security number is three, two and four digits, an IBAN is a country code, two check
digits and up to 30 letters and digits whose remainder modulo 97 is 1.

Every pattern runs on the NFKC form of the text and returns spans of that form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taikai.privacy._kinds import Found, PiiKind

_BEFORE = r"(?<![0-9A-Za-z.,/:#+\-])"  # not the end of a longer number, a code or a version
# Not followed by more digits (a longer number), nor by a unit: 300-500-1000円 is a price range.
_AFTER = r"(?![0-9]|[\-.][0-9]|[ ]?(?:円|万|件|人|個|回|%|ドル|yen|usd)(?![A-Za-z]))"
# (415) 555-2671, 1-415-555-2671, and 415-555-2671 or 415.555.2671 after a word of phones or of the US: the area code
# and the exchange start with 2-9, and the separators of a number without brackets are alike. Ten digits without
# one are left alone (an order's number), and so is 200-300-4000 with nothing to say it is a phone (a range).
US_PHONE = re.compile(
    _BEFORE + r"(?P<one>1[ \-.])?(?:(?P<area>\([2-9][0-9]{2}\))[ ]?[2-9][0-9]{2}[\-.][0-9]{4}"
    r"|[2-9][0-9]{2}(?P<s>[\-.])[2-9][0-9]{2}(?P=s)[0-9]{4})" + _AFTER
)
_PHONE_WORD = re.compile(
    r"電話|TEL|phone|携帯|番号|連絡先|call|アメリカ|米国|(?<![A-Za-z])USA?(?![A-Za-z])", re.IGNORECASE
)
# A Social Security number: 123-45-6789, or nine digits after its name (SSN 123456789). No area 000, 666 or 9xx, no
# group 00 and no serial 0000: numbers never issued, as a sample's 000-00-0000.
_SSN_DIGITS = r"(?!000|666|9)[0-9]{3}(?P<s>[\- ]?)(?!00)[0-9]{2}(?P=s)(?!0000)[0-9]{4}"
SSN = re.compile(_BEFORE + r"(?!000|666|9)[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}" + _AFTER)
_SSN_NAMED = re.compile(
    r"(?:SSN|Social Security(?: Number| No\.?)?|社会保障番号|ソーシャル[・ ]?セキュリティー?(?:[・ ]?ナンバー|番号)?)"
    rf"[ ]?(?:は|[:=#])?[ ]?(?P<v>{_SSN_DIGITS})(?![0-9])",
    re.IGNORECASE,
)
# An IBAN, in groups of four or not (DE89 3704 0044 0532 0130 00): 15 to 34 characters checked modulo 97 (or named).
IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])")
# After its name an IBAN is one even if its check fails (a digit mistyped): its digits must not be read as others'.
_IBAN_WORD = re.compile(r"IBAN|国際銀行口座番号", re.IGNORECASE)
_HINT = re.compile(r"[0-9]{3}")
# The words of an order, a product or a record right before a number: it is theirs (注文番号 415-555-2671).
_ORDER_WORD = re.compile(
    r"(?:注文|受注|発注|伝票|追跡|品番|型番|商品|製品|管理|会員|案件|取引|JAN|EAN|ISBN)[^0-9\n]{0,6}$", re.IGNORECASE
)


def _iban_valid(value: str) -> bool:
    """Whether *value* (spaces left out) is 15 to 34 characters long and its remainder modulo 97 is 1."""
    if not 15 <= len(value) <= 34:
        return False
    moved = value[4:] + value[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _ordered(text: str, start: int) -> bool:
    """Whether an order's, a product's or a record's word stands right before *start* (注文番号 415-555-2671)."""
    return _ORDER_WORD.search(text[max(0, start - 20) : start]) is not None


def find_foreign_numbers(text: str) -> Iterator[Found]:
    """Find IBANs (as accounts), US phone numbers and US Social Security numbers (as identity numbers)."""
    if not _HINT.search(text):
        return
    for m in IBAN.finditer(text):
        value = m.group().replace(" ", "")
        if _iban_valid(value) or (
            15 <= len(value) <= 34 and _IBAN_WORD.search(text, max(0, m.start() - 12), m.start())
        ):
            yield Found(m.start(), m.end(), PiiKind.ACCOUNT)
    for m in US_PHONE.finditer(text):
        said = m.group("one") or m.group("area") or _PHONE_WORD.search(text, max(0, m.start() - 20), m.start())
        if said and not _ordered(text, m.start()):
            yield Found(m.start(), m.end(), PiiKind.PHONE)
    for m in _SSN_NAMED.finditer(text):
        yield Found(m.start("v"), m.end("v"), PiiKind.MY_NUMBER)
    for m in SSN.finditer(text):
        if not _ordered(text, m.start()):
            yield Found(m.start(), m.end(), PiiKind.MY_NUMBER)
