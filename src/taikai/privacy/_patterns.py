"""Personal data that has a shape: phone numbers, postal codes, IDs, accounts (and, from
:mod:`taikai.privacy._addresses`, e-mail addresses, URLs and IP addresses, and from :mod:`taikai.privacy._numbers`,
cards, My Numbers and other identity numbers).

Every pattern runs on the NFKC form of the text (full-width digits and Latin are half-width there) and returns
spans of that form; :mod:`taikai.privacy._mask` maps them back to the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from taikai.privacy._addresses import find_emails, find_ip_addresses, find_urls
from taikai.privacy._foreign import find_foreign_numbers
from taikai.privacy._kinds import Found, PiiKind
from taikai.privacy._numbers import digits_of, find_cards, find_id_numbers, find_member_numbers, find_my_numbers
from taikai.privacy._quoted import OPENING, closed

DASH = "[-‐‑‒–—―−ー─━~〜]"  # hyphens, minus, the katakana long vowel mark and wave dashes people type in numbers
# Between digit groups: a dash (spaces around it allowed), a space, a dot or a middle dot (〇九〇・一二三四・…).
_SEP = rf"(?:[ ]?{DASH}[ ]?|[ .・])"

PHONE_JP = re.compile(
    rf"(?<![0-9+])(?<![0-9+]-)(?:"
    rf"\(0[0-9]{{1,4}}\){_SEP}?[0-9]{{1,4}}{_SEP}?[0-9]{{3,4}}"  # (03) 1234-5678, (090)-1234-5678
    rf"|0[0-9]{{1,4}}[ ]?\([0-9]{{1,4}}\)[ ]?[0-9]{{3,4}}"  # 03(1234)5678
    rf"|0[0-9]{{1,4}}{_SEP}[0-9]{{1,4}}{_SEP}[0-9]{{3,4}}"  # 090-1234-5678, 0120 123 456
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
POSTAL = re.compile(
    rf"〒[ ]?[0-9]{{3}}(?:{DASH}|[ ])?[0-9]{{4}}(?![0-9])"
    rf"|(?<=〒■)[ ]?[0-9]{{3}}(?:{DASH}|[ ])?[0-9]{{4}}(?![0-9])"  # 〒①150-0001: the list marker stays
    rf"|(?<=郵便番号)(?:[ ]?(?:は|[:=])?[ ]?)[0-9]{{3}}{DASH}?[0-9]{{4}}(?![0-9])"
    rf"|(?<![0-9])(?<![0-9A-Za-z][\-.,/:])[0-9]{{3}}{DASH}[0-9]{{4}}(?![0-9\-])(?=[ ]?{_PREFECTURE})"
)
_LEADING_LABEL = re.compile(r"^[ ]?(?:は|[:=])?[ ]?")

# Bank accounts: the number after 普通/当座 or 口座番号, a branch number after 支店番号/店番, ゆうちょ 記号/番号, and
# any 7- or 8-digit number shortly after a word that announces an account. A number followed by a unit (円, 回, PV)
# is an amount or a count, not an account; 名義 (the holder) and 本人, 本店, 本部 after it are no unit (普通 1234567
# 名義ヤマダ, 口座番号 1234567 本店営業部).
_UNIT = (
    r"(?![0-9,.\-/:]|[ ]?(?:円|万|億|千|件|文字|字|人|名(?!義)|回|個|本(?![人店部名])|枚|冊|社|点|票|位|"
    r"歳|才|倍|%|ドル|再生|"
    r"(?i:pv|uu|views?|yen|jpy|usd|dollars?)(?![A-Za-z]))|入金さ|送金さ|振り?込まれ)"
)
ACCOUNT = re.compile(
    r"(?:普通|当座|貯蓄|総合)(?:預金)?(?:口座)?(?:番号)?[ ]?(?:は|[:=])?[ ]?(?:No\.?[ ]?)?(?P<a>[0-9]{6,8})"
    + _UNIT
    + r"|口座番号[ ]?(?:は|[:=])?[ ]?(?P<b>[0-9]{6,8})"
    + _UNIT
    + r"|(?:支店番号|支店コード|店番号?)[ ]?(?:は|[:=])?[ ]?(?P<c>[0-9]{3})(?![0-9])"
    r"|(?<![0-9])(?P<d>[0-9]{3})[ ]?支店"
    r"|記号[ ]?(?:は|[:=])?[ ]?(?P<e>1[0-9]{4})(?:-(?P<h>[0-9]{7,8}))?(?![0-9])"  # 記号10000-12345678: both
    r"|(?<![0-9])(?P<f>1[0-9]{4})-(?P<g>[0-9]{7,8})(?![0-9])"
)
_ACCOUNT_NUMBER = re.compile(r"(?<![0-9])(?<![0-9A-Za-z][,.\-/:])[0-9]{7,8}" + _UNIT)
# A branch and an account number joined by a dash, the bank's code before them or not (振込先 三井住友 123-4567890,
# 0009-123-4567890), and a Japan Post transfer account, 5, 1 and up to 7 digits (ゆうちょ 00120-1-123456): masked
# whole, as an account number is, after the same words.
_BRANCH_ACCOUNT = re.compile(
    r"(?<![0-9])(?<![0-9A-Za-z][,.\-/:])"
    r"(?:(?:[0-9]{4}[-‐‑−])?[0-9]{3}[-‐‑−][0-9]{7}|0[0-9]{4}[-‐‑−][0-9][-‐‑−][0-9]{1,7})" + _UNIT
)
# 普通に (the adverb, as in 普通に 1234567 PV) and 当座の (for the time being) announce no account.
_ACCOUNT_CUE = re.compile("口座|振込先|振り込み先|振込み先|普通(?![にの])|当座(?![のに])|ゆうちょ|振替|名義|支店|銀行")
_ACCOUNT_WINDOW = 30  # characters before a number in which a cue makes it an account number
# A number named by another word between the cue and it is that word's (口座に入金されるまで、案件番号 1234567;
# 口座残高 3456789; 振込先を変えた。作業ID 7654321): an order's, a task's, a balance, an amount.
_OTHER_NUMBER = re.compile(
    r"(?:注文|受注|発注|伝票|追跡|問い?合わ?せ|受付|予約|案件|取引|請求|管理|会員|品番|型番|商品|製品|作業|タスク|"
    r"プロジェクト|チケット|オーダー|JAN|EAN|ISBN|ID|残高|合計|累計|総?額|金額|売上|報酬)[^0-9\n]{0,6}$",
    re.IGNORECASE,
)
# A valid date (20240115) is an account number only after 口座番号 (口座開設日 20240115, 振込は20240115に着金 stay).
_DATE = re.compile(r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])")
_DATE_CUE = "口座番号"

# The name of the account's holder (口座名義 タナカ タロウ): a name, in katakana as banks write it, of three or
# more letters (名義カナ is the word for that spelling, not a name).
HOLDER = re.compile(r"名義(?:人)?[ ]?(?:は|[:=])?[ ]?(?P<n>[ァ-ヶ][ァ-ヶー]{2,}(?:[ ・][ァ-ヶ][ァ-ヶー]*)?)")
# A name after 氏名 or 名前 and a colon, masked whole (氏名:金 成民: UniDic reads 民 as a suffix).
_KANJI_NAME = r"[\u4e00-\u9fff々]{1,4}"
_KANA_NAME = r"[ァ-ヶ][ァ-ヶー]+(?:[ ・][ァ-ヶ][ァ-ヶー]*)?"
LABELLED_NAME = re.compile(
    r"(?:氏名|名前)[ ]?[:=][ ]?(?!未記入|未定|不明|非公開|匿名|無し)"
    rf"(?P<n>{_KANJI_NAME}(?:[ ]{_KANJI_NAME})?|{_KANA_NAME})"
)

# An @handle, not an e-mail address's at-sign: nothing but a letter, a digit or a letter and a mark (tanaka_@)
# before it; glued to other punctuation it is found (…@tanaka_w, Twitter/@tanaka_w).
HANDLE = re.compile(
    r"(?<![A-Za-z0-9@])(?<![A-Za-z0-9][._%+\-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?(?![A-Za-z0-9_@])"
)
MESSENGERS = (
    "LINE|ライン|らいん|Chatwork|チャットワーク|チャトワ|Discord|ディスコード|ディスコ|Skype|スカイプ|WeChat|"
    "ウィーチャット|微信|Telegram|テレグラム|Slack|スラック|Instagram|インスタグラム|インスタ|Twitter|ツイッター|"
    "Facebook|フェイスブック|Messenger|KakaoTalk|カカオトーク|カカオ|TikTok|Threads|Signal|WhatsApp|Teams|X"
)
# Mail services and sites whose handle names a person (Gmail: yamada.taro, GitHub: tanaka-dev, note: tanaka_writer):
# after a colon or =, a mail service's handle is any value with a letter, another site's one with a digit or a mark
# (GitHub: main, YouTube: shorts stay), unless a word such as ID names it.
MAIL_SERVICES = "Gmail|Yahoo!?[ ]?(?:メール|Mail)|ヤフーメール|Outlook|Hotmail|iCloud|Gメール|ジーメール"
SITES = "GitHub|GitLab|Qiita|Zenn|note|pixiv|Skeb|YouTube|Twitch|Steam|Bluesky|Misskey|Mastodon|Pinterest|Tumblr|Reddit"
_ID_WORD = "ID|アイディー|アカウント名?|ユーザー名|ユーザーID|アカ|名(?![前義])"  # Skype名: the handle
MESSENGER_ID = re.compile(
    rf"(?<![A-Za-z])(?P<m>{MESSENGERS}|{MAIL_SERVICES}|{SITES})(?!(?!ID)[A-Za-z])"
    r"(?:[ ]?\([^()\n]{1,15}\))?"  # X(旧Twitter), LINE(公式)
    rf"(?:[ ]?の)?(?:[^A-Za-z0-9\n]{{0,12}}?(?P<kw>{_ID_WORD}))?"
    rf"[ ]?(?P<sep>は|を|[:=→])?[ ]?(?P<q>{OPENING})?"
    r"(?P<v>[A-Za-z0-9_.\-@#:]{3,40})",
    re.IGNORECASE,
)

# Any account's handle after a word that names it (Lancers ID: tanaka_hiro, ユーザー名は taro88): with a colon, = or
# は between them any handle with a letter; after a space or nothing, one with a digit, _ or . (ID card stays); after
# が or を, a handle in lower case (IDがtaro_88だった; IDがnull, IDがIPv6 stay). Not the ID of a job, an order, a task
# or another record (案件ID, 作業ID: task_001, プロジェクトID：PRJ-2024-001). A Discord tag's number is the handle's
# (Discord IDはtaro#1234: #1234 was left).
ACCOUNT_ID = re.compile(
    r"(?<![A-Za-z])(?<!案件)(?<!注文)(?<!取引)(?<!商品)(?<!依頼)(?<!求人)(?<!仕事)(?<!問い合わせ)(?<!問合せ)"
    r"(?<!作業)(?<!タスク)(?<!プロジェクト)(?<!契約)(?<!請求)(?<!管理)(?<!受付)(?<!予約)(?<!チケット)(?<!オーダー)"
    r"(?<!ジョブ)(?<!応募)(?<!出品)(?<!発注)(?<!受注)(?<!伝票)(?<!セッション)(?<!トランザクション)"
    r"(?:ID|Id|id|アカウント名|ユーザー名|ユーザーネーム|ハンドルネーム|ハンドル名)(?![A-Za-z])"
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
    *(name.lower() for name in f"{MESSENGERS}|{SITES}".split("|") if name != "X"),
    *("gmail", "yahoo", "ヤフー", "outlook", "hotmail", "icloud", "gメール", "ジーメール"),
    *("x:", "x=", "xのid", "x id", "x("),
)
_SITE = re.compile(SITES, re.IGNORECASE)
# A handle as people choose one: lower case, with _ or a dot between letters, or three letters or more and two digits
# or more (taro_88, taro.yamada, yamada123); not ver.2, v1.2, web3, iOS17, a system and its version (android12,
# windows11) nor a domain (line.me).
_LOWER_HANDLE = re.compile(
    r"(?!.*\.(?:com|jp|net|org|me|io|co|ee)$)[a-z][a-z0-9]*(?:_[a-z0-9]*|\.[a-z][a-z0-9]*)+"
    r"|(?!android|ios|ipados|iphone|ipad|windows|win|macos|mac|galaxy|xperia|aquos|pixel|ubuntu|chrome|python|java|php"
    r"|version|ver)[a-z]{3,}[0-9]{2,}"
)
_ACCOUNT_HINTS = (
    *("普通", "当座", "貯蓄", "総合", "口座", "支店", "店番", "記号", "ゆうちょ"),
    *("振込", "振り込", "振替", "銀行", "名義"),
)
_POSTAL_HINTS = ("〒", "郵便番号", "都", "道", "府", "県")


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


def find_accounts(text: str) -> Iterator[Found]:
    if "名" in text:
        for m in (*HOLDER.finditer(text), *LABELLED_NAME.finditer(text)):
            yield Found(m.start("n"), m.end("n"), PiiKind.NAME)
    if not _THREE_DIGITS.search(text) or not any(hint in text for hint in _ACCOUNT_HINTS):
        return
    for m in ACCOUNT.finditer(text):
        for group in "abcdefgh":
            if m.group(group) is not None and (group not in "ab" or not _dated(text, m.start(group), m.end(group))):
                yield Found(m.start(group), m.end(group), PiiKind.ACCOUNT)
    for m in (*_ACCOUNT_NUMBER.finditer(text), *_BRANCH_ACCOUNT.finditer(text)):
        before = text[max(0, m.start() - _ACCOUNT_WINDOW) : m.start()]
        cues = [cue.end() for cue in _ACCOUNT_CUE.finditer(before)]
        other = _OTHER_NUMBER.search(before)
        if cues and not (other and max(cues) <= other.start()) and not _dated(text, m.start(), m.end()):
            yield Found(m.start(), m.end(), PiiKind.ACCOUNT)


def _dated(text: str, start: int, end: int) -> bool:
    """Whether the number ``text[start:end]`` is a date (yyyymmdd) with no 口座番号 shortly before it."""
    return (
        _DATE.fullmatch(text, start, end) is not None and _DATE_CUE not in text[max(0, start - _ACCOUNT_WINDOW) : start]
    )


def find_ids(text: str) -> Iterator[Found]:
    if "@" in text:
        for m in HANDLE.finditer(text):
            if any(ch.isalpha() or ch == "_" for ch in m.group()[1:]):
                yield Found(m.start(), m.end(), PiiKind.ID)
    if "live:" in text:
        for m in SKYPE_LIVE.finditer(text):
            yield Found(m.start(), m.end(), PiiKind.ID)
    lowered = text.lower()
    if any(hint in lowered for hint in _ACCOUNT_ID_HINTS):
        for m in ACCOUNT_ID.finditer(text):
            value = m.group("v").rstrip(".-")
            shaped = any(ch.isdigit() or ch in "_." for ch in value)
            if (m.group("ga") and not _LOWER_HANDLE.fullmatch(value)) or not closed(text, m, value):
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
        # Without a word such as ID, only "LINE: value" counts, and the value must have a letter: "LINE 100件" is
        # not an ID; after は only a handle in lower case (LINEはtaro_88です; LINEはiOS17で stays).
        handle = sep == "は" and _LOWER_HANDLE.fullmatch(value) is not None
        if keyword is None and not handle and (sep is None or sep in "はを→" or not any(c.isalpha() for c in value)):
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
    find_foreign_numbers,
    find_cards,
    find_phones,
    find_my_numbers,
    find_id_numbers,
    find_member_numbers,
    find_postal_codes,
    find_accounts,
    find_ids,
)
"""Pattern finders, in priority order: where two overlap, the earlier finder's value wins."""
