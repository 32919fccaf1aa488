"""Personal data that has a shape: phone numbers, postal codes, IDs, accounts (and, from
:mod:`taikai.privacy._addresses`, e-mail addresses, URLs and IP addresses, and from :mod:`taikai.privacy._numbers`,
cards, My Numbers and other identity numbers).

Every pattern runs on the NFKC form of the text (full-width digits and Latin are half-width there) and returns
spans of that form; :mod:`taikai.privacy._mask` maps them back to the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from taikai.privacy._accounts import find_accounts
from taikai.privacy._addresses import find_emails, find_ip_addresses, find_urls
from taikai.privacy._codes import find_access_codes, find_birth_dates
from taikai.privacy._foreign import find_foreign_numbers
from taikai.privacy._handles import AT_BRANDS, LOWER_HANDLE, NOT_A_RECORD, find_loose_handles, find_person_numbers
from taikai.privacy._kinds import Found, PiiKind
from taikai.privacy._numbers import digits_of, find_cards, find_id_numbers, find_member_numbers, find_my_numbers
from taikai.privacy._quoted import OPENING, closed
from taikai.privacy._services import MAIL_SERVICES, MESSENGERS, SITES

DASH = "[-‐‑‒–—―−ー─━~〜]"  # hyphens, minus, the katakana long vowel mark and wave dashes people type in numbers
# Between digit groups: a dash (spaces around it allowed), a space, a dot or a middle dot (〇九〇・一二三四・…).
_SEP = rf"(?:[ ]?{DASH}[ ]?|[ .・])"

PHONE_JP = re.compile(
    rf"(?<![0-9+])(?<![0-9+]-)(?:"
    rf"\(0[0-9]{{1,4}}\){_SEP}?[0-9]{{1,4}}{_SEP}?[0-9]{{3,4}}"  # (03) 1234-5678, (090)-1234-5678
    rf"|0[0-9]{{1,4}}[ ]?\([0-9]{{1,4}}\)[ ]?[0-9]{{3,4}}"  # 03(1234)5678
    rf"|0[0-9]{{1,4}}{_SEP}[0-9]{{1,4}}{_SEP}[0-9]{{3,4}}"  # 090-1234-5678, 0120 123 456
    rf"|0[0-9]{{1,4}}の[0-9]{{1,4}}の[0-9]{{3,4}}"  # 090の1234の5678, 〇九〇の一二三四の…: as a number is read out
    rf"|0[0-9]{{1,6}}{_SEP}[0-9]{{4,8}}"  # 090 12345678, 0901234-5678: the digit count tells a phone
    rf"|0[0-9]{{9,10}}"  # 09012345678
    rf")(?![0-9])"
)
_ELEVEN_DIGITS = ("050", "060", "070", "080", "090")
_KANJI_DIGITS = str.maketrans("〇○一二三四五六七八九", "00123456789")
PHONE_INTL = re.compile(
    rf"(?<![0-9A-Za-z])\+[ ]?[0-9]{{1,3}}(?:{_SEP}?\(0\))?(?:{_SEP}?\(?[0-9]{{1,5}}\)?){{2,5}}(?![0-9])"
)
_PREFECTURE = r"(?:北海道|東京都|(?:京都|大阪)府|[一-龥]{2,3}県)"
_CITY = r"(?!地区|都市|学区|特区|選挙区|市区|区域|区間)[一-龥]{1,4}[市区郡]"  # not a word ending in one (地区, 都市)
POSTAL = re.compile(
    rf"〒[ ]?[0-9]{{3}}(?:{DASH}|[ ])?[0-9]{{4}}(?![0-9])"
    rf"|(?<=〒■)[ ]?[0-9]{{3}}(?:{DASH}|[ ])?[0-9]{{4}}(?![0-9])"  # 〒①150-0001: the list marker stays
    rf"|(?<=郵便番号)(?:[ ]?(?:は|[:=])?[ ]?)[0-9]{{3}}{DASH}?[0-9]{{4}}(?![0-9])"
    rf"|(?<=住所)(?:[ ]?(?:は|[:=])?[ ]?)[0-9]{{3}}{DASH}[0-9]{{4}}(?![0-9\-])"  # 住所：150-0001 渋谷区
    # before a prefecture, or a city, a ward or a county without one (150-0001 渋谷区, 530-0001 大阪市北区)
    rf"|(?<![0-9])(?<![0-9A-Za-z][\-.,/:])[0-9]{{3}}{DASH}[0-9]{{4}}(?![0-9\-])(?=[ ]?(?:{_PREFECTURE}|{_CITY}))"
)
_LEADING_LABEL = re.compile(r"^[ ]?(?:は|[:=])?[ ]?")

# An @handle, not an e-mail address's at-sign: nothing but a letter, a digit or a letter and a mark (tanaka_@)
# before it; glued to other punctuation it is found (…@tanaka_w, Twitter/@tanaka_w).
HANDLE = re.compile(
    r"(?<![A-Za-z0-9@])(?<![A-Za-z0-9][._%+\-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?(?![A-Za-z0-9_@])"
)
# A unit after a number: a count or an amount, no handle (LINEアカウント 100人 was [ID]人).
_COUNTED = re.compile(
    r"[ ]?(?:人|名|件|円|回|個|本|枚|冊|社|点|票|位|歳|才|倍|%|万|千|億|文字|字|日|時間|分|秒|年|ヶ?月|か月|週|PV|pt)"
)
# Skype名: the handle; 垢, slang for an account (X垢, ツイ垢, インスタ垢: taro_writer)
_ID_WORD = "ID|アイディー|アカウント名?|ユーザー名|ユーザーID|アカ|垢|名(?![前義])"
MESSENGER_ID = re.compile(
    rf"(?<![A-Za-z])(?P<m>{MESSENGERS}|{MAIL_SERVICES}|{SITES})(?!(?!ID)[A-Za-z])"
    r"(?:[ ]?\([^()\n]{1,15}\))?"  # X(旧Twitter), LINE(公式)
    rf"(?:[ ]?の)?(?:[^A-Za-z0-9\n]{{0,12}}?(?P<kw>{_ID_WORD}))?"
    rf"[ ]?(?P<sep>は|を|で|[:=→])?[ ]?(?P<q>{OPENING})?"
    r"(?P<v>[A-Za-z0-9_.\-@#:]{3,40})",
    re.IGNORECASE,
)

# Any account's handle after a word that names it (Lancers ID: tanaka_hiro, ユーザー名は taro88): with a colon, = or
# は between them any handle with a letter; after a space or nothing, one with a digit, _ or . (ID card stays); after
# が or を, a handle in lower case (IDがtaro_88だった; IDがnull, IDがIPv6 stay). Not the ID of a job, an order, a task
# or another record (案件ID, 作業ID: task_001, プロジェクトID：PRJ-2024-001). A Discord tag's number is the handle's
# (Discord IDはtaro#1234: #1234 was left).
ACCOUNT_ID = re.compile(
    r"(?<![A-Za-z])"
    + NOT_A_RECORD
    + r"(?:ID|Id|id|アカウント名|ユーザー名|ユーザーネーム|ハンドルネーム|ハンドル名)(?![A-Za-z])"
    rf"[ ]?(?:(?P<sep>は|[:=→])|(?P<ga>[がを]))?[ ]?(?P<q>{OPENING})?"
    r"(?P<v>(?:live:\.?)?[A-Za-z0-9_][A-Za-z0-9_.\-]{2,39}(?:#[0-9]{4}(?![0-9]))?)(?![A-Za-z0-9_@])"
)
_ACCOUNT_ID_HINTS = ("id", "アカウント名", "ユーザー名", "ユーザーネーム", "ハンドル")
# A Skype handle as Skype writes it, whatever precedes (Skype live:taro1, Skypeはlive:taro_yamada, (live:.cid.1a2b)):
# live: (lower case, no space) and a handle of three or more ASCII letters, digits, _ . - that starts with a letter,
# or Skype's own .cid. and hex digits. live:配信, Live: 2024 and a live: inside a URL's path (/live:x) stay.
SKYPE_LIVE = re.compile(
    r"(?<![A-Za-z0-9_.\-/:@])live:(?:\.cid\.[0-9A-Fa-f]{3,32}|[A-Za-z][A-Za-z0-9_.\-]{1,38}[A-Za-z0-9_])"
    r"(?![.\-]*[A-Za-z0-9_@])"
)

# Cheap tests run before the patterns: most reviews have no value of most kinds, and a substring test in C is far
# cheaper than trying a pattern with alternatives at every position.
_THREE_DIGITS = re.compile("[0-9]{3}")
_MESSENGER_HINTS = (
    *(name.lower() for name in f"{MESSENGERS}|{SITES}".split("|") if name != "X" and "(" not in name),
    *("ツイ垢", "ツイアカ", "xアカ", "x垢"),
    *("gmail", "yahoo", "ヤフー", "outlook", "hotmail", "icloud", "gメール", "ジーメール"),
    *("x:", "x=", "xのid", "x id", "x(", "x@", "xのアカウント", "x アカウント"),
)
_SITE = re.compile(SITES, re.IGNORECASE)
# A handle in brackets right after a person's honorific (木村さん（kimura.d）, 田中様 (taro_88)): the person's, when it
# has a handle's shape in lower case (田中さん（CEO）, 鈴木さん（Python3）, 佐藤さん（v2.0） stay).
_HONORED_HANDLE = re.compile(r"(?:さん|様|さま|氏|くん|君|ちゃん|先生|殿)[ ]?\([ ]?(?P<v>[A-Za-z0-9_.\-]{3,40})[ ]?\)")
# After で (LINEでyuki0320って検索して; Twitterで「taro_writer」と検索: a closing quote may stand between), a
# handle only when a verb of finding a person follows it: a channel, a workspace or a product named after a service
# stays (Slackでdev_teamチャンネルに, LINEでline_payを使う).
_SEARCHED = re.compile(
    r"[ ]?[」』\"')]?[ ]?(?:って|と|を|で|に)?[ ]?(?:検索|追加|フォロー|友達申請|友だち申請|探して|探せ|ググ)"
)
_POSTAL_HINTS = ("〒", "郵便番号", "住所", "都", "道", "府", "県", "市", "区", "郡")


# Letters and a dash glued before a number make it part of a code (注文番号 A-090-1234-5678, 品番 XZ-03-1234-5678),
# unless the letters name a phone (TEL-090-1234-5678).
_CODE_PREFIX = re.compile(r"(?<![A-Za-z])(?P<w>[A-Za-z]+)-$")
_PHONE_WORDS = frozenset({"tel", "fax", "phone", "mobile", "mob", "cell", "call", "keitai", "denwa"})
# Letters glued before a number make it part of a word or a code (ABC0312345678), unless they name a phone
# (TEL03-1234-5678, FAX0312345678, as business cards and signatures write it).
_PHONE_WORD_BEFORE = re.compile(rf"(?<![A-Za-z])(?i:{'|'.join(sorted(_PHONE_WORDS))})$")


def _in_a_code(text: str, start: int) -> bool:
    """Whether the number starting at *start* is glued after letters (and a dash) that name no phone."""
    if start and text[start - 1].isascii() and text[start - 1].isalpha():
        return _PHONE_WORD_BEFORE.search(text[max(0, start - 8) : start]) is None
    code = _CODE_PREFIX.search(text[max(0, start - 12) : start])
    return code is not None and code.group("w").lower() not in _PHONE_WORDS


def find_phones(text: str) -> Iterator[Found]:
    if "〇" in text or "○" in text:  # a number in kanji numerals starts with a kanji zero: read them as digits
        text = text.translate(_KANJI_DIGITS)  # one character for one: the spans hold
    if not _THREE_DIGITS.search(text):
        return
    for m in PHONE_JP.finditer(text):
        digits = digits_of(m.group())
        # Mobile and IP phones (050, 070, 080, 090) have 11 digits, other numbers 10 (0120: 10, 0800: 11); 00 is
        # the international prefix, not a number (〇〇-〇〇〇〇-〇〇〇〇 hides one).
        if _in_a_code(text, m.start()):
            continue
        if digits[1] != "0" and len(digits) == (11 if digits[:3] in _ELEVEN_DIGITS or digits[:4] == "0800" else 10):
            yield Found(m.start(), m.end(), PiiKind.PHONE)
    if "+" in text:
        for m in PHONE_INTL.finditer(text):
            value = m.group().rstrip(") ")
            if 8 <= len(digits_of(value)) <= 15:
                yield Found(m.start(), m.start() + len(value), PiiKind.PHONE)


def find_postal_codes(text: str) -> Iterator[Found]:
    if not _THREE_DIGITS.search(text) or not any(hint in text for hint in _POSTAL_HINTS):
        return
    for m in POSTAL.finditer(text):
        start = m.start() + len(_LEADING_LABEL.match(m.group()).group())  # type: ignore[union-attr]
        yield Found(start, m.end(), PiiKind.POSTAL_CODE)


def find_ids(text: str) -> Iterator[Found]:
    if "@" in text:
        for m in HANDLE.finditer(text):
            if m.group().lower() in AT_BRANDS:
                continue  # @nifty, @cosme: a provider and a site named with an @, no one's handle
            if any(ch.isalpha() or ch == "_" for ch in m.group()[1:]):
                yield Found(m.start(), m.end(), PiiKind.ID)
    if "live:" in text:
        for m in SKYPE_LIVE.finditer(text):
            yield Found(m.start(), m.end(), PiiKind.ID)
    if "(" in text:
        for m in _HONORED_HANDLE.finditer(text):
            if LOWER_HANDLE.fullmatch(m.group("v")):
                yield Found(m.start("v"), m.end("v"), PiiKind.ID)
    lowered = text.lower()
    if any(hint in lowered for hint in _ACCOUNT_ID_HINTS):
        for m in ACCOUNT_ID.finditer(text):
            value = m.group("v").rstrip(".-")
            shaped = any(ch.isdigit() or ch in "_." for ch in value)
            if (m.group("ga") and not LOWER_HANDLE.fullmatch(value)) or not closed(text, m, value):
                continue
            if len(value) >= 3 and any(ch.isalpha() for ch in value) and (m.group("sep") or shaped):
                yield Found(m.start("v"), m.start("v") + len(value), PiiKind.ID)
    if not any(hint in lowered for hint in _MESSENGER_HINTS):
        return
    for m in MESSENGER_ID.finditer(text):
        value = m.group("v").rstrip(".-:")
        keyword, sep = m.group("kw"), m.group("sep")
        if len(value) < 3 or (keyword == "名" and not any(ch.isalpha() for ch in value)) or not closed(text, m, value):
            continue  # LINE名 100件: a count
        if value.isdigit() and _COUNTED.match(text, m.start("v") + len(value)):
            continue  # LINE ID 100人, Xアカウント 300件: a count of accounts or of what they did
        # Without a word such as ID, only "LINE: value" counts, and the value must have a letter: "LINE 100件" is
        # not an ID; after は or an arrow only a handle in lower case (LINEはtaro_88です, LINE→ taro_88; LINEはiOS17で
        # and LINE→Slack, a move to another tool, stay).
        # An @ marks a handle whatever stands before it (Instagram @taro.yamada, tiktok@taro_88).
        handle = (
            (sep in ("は", "→") and LOWER_HANDLE.fullmatch(value) is not None)
            or (
                sep == "で"
                and LOWER_HANDLE.fullmatch(value) is not None
                and _SEARCHED.match(text, m.start("v") + len(value))
            )
            or (value.startswith("@") and any(ch.isalpha() for ch in value))
        )
        if keyword is None and not handle and (sep is None or sep in "はをで→" or not any(c.isalpha() for c in value)):
            continue
        site = m.group("m")
        if _SITE.fullmatch(site) and (site.lower() == "note" != site or not (keyword or _shaped(value))):
            continue  # GitHub: main, YouTube: shorts; Note: an English note, not the site
        yield Found(m.start("v"), m.start("v") + len(value), PiiKind.ID)


def _shaped(value: str) -> bool:
    """Whether *value* has a handle's shape: a digit or a mark among its letters (tanaka_writer, taro88)."""
    return any(ch.isdigit() or ch in "_.-" for ch in value)


FINDERS: tuple[Callable[[str], Iterator[Found]], ...] = (
    find_urls,
    find_emails,
    find_ip_addresses,
    find_birth_dates,
    find_access_codes,
    find_foreign_numbers,
    find_cards,
    find_phones,
    find_my_numbers,
    find_id_numbers,
    find_member_numbers,
    find_postal_codes,
    find_accounts,
    find_ids,
    find_person_numbers,
    find_loose_handles,
)
"""Pattern finders, in priority order: where two overlap, the earlier finder's value wins."""
