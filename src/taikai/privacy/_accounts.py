"""Bank accounts and their holders: account and branch numbers after the words and bank names that announce them,
Japan Post's 記号 and 番号, the holder's name after 名義 and a name after 氏名:.

Every pattern runs on the NFKC form of the text and returns spans of that form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taikai.privacy._kinds import Found, PiiKind

_THREE_DIGITS = re.compile("[0-9]{3}")

# Bank accounts: the number after 普通/当座 or 口座番号, a branch number after 支店番号/店番, ゆうちょ 記号/番号, and
# any 7- or 8-digit number shortly after a word that announces an account. A number followed by a unit (円, 回, PV)
# is an amount or a count, not an account; 名義 (the holder) and 本人, 本店, 本部 after it are no unit (普通 1234567
# 名義ヤマダ, 口座番号 1234567 本店営業部).
_UNIT = (
    r"(?![0-9,.\-/:]|[ ]?(?:円|万|億|千|件|文字|字|人|名(?!義)|回|個|本(?![人店部名])|枚|冊|社|点|票|位|"
    r"歳|才|倍|%|ドル|再生|"
    r"ポイント|(?i:pv|uu|views?|yen|jpy|usd|dollars?|pts?)(?![A-Za-z]))|入金さ|送金さ|振り?込まれ)"
)
_JP_DASH = "[-‐‑‒–—―−ー─]"  # the dashes of DASH, not the wave dashes (1〜2: a range)
ACCOUNT = re.compile(
    r"(?:普通|当座|貯蓄|総合)(?:預金)?(?:口座)?(?:番号)?[ ]?(?:は|[:=])?[ ]?(?:No\.?[ ]?)?(?P<a>[0-9]{6,8})"
    + _UNIT
    + r"|口座番号[ ]?(?:は|[:=])?[ ]?(?P<b>[0-9]{6,8})"
    + _UNIT
    + r"|(?:支店番号|支店コード|店番号?)[ ]?(?:は|[:=])?[ ]?(?P<c>[0-9]{3})(?![0-9])"
    r"|(?<![0-9])(?P<d>[0-9]{3})[ ]?支店"
    # 記号10000-12345678, 記号番号 12345 1234567: both; any dash people type between them (12345ー1234567)
    r"|記号(?:番号)?[ ]?(?:は|[:=])?[ ]?(?P<e>1[0-9]{4})(?:(?:[ ]?"
    + _JP_DASH
    + r"[ ]?|[ ])(?P<h>[0-9]{7,8}))?(?![0-9])"
    r"|(?<![0-9])(?P<f>1[0-9]{4})" + _JP_DASH + r"(?P<g>[0-9]{7,8})(?![0-9])"
)
_ACCOUNT_NUMBER = re.compile(r"(?<![0-9])(?<![0-9A-Za-z][,.\-/:])[0-9]{7,8}" + _UNIT)
# A branch and an account number joined by a dash, the bank's code before them or not (振込先 三井住友 123-4567890,
# 0009-123-4567890), and a Japan Post transfer account, 5, 1 and up to 7 digits (ゆうちょ 00120-1-123456): masked
# whole, as an account number is, after the same words.
_BRANCH_ACCOUNT = re.compile(
    r"(?<![0-9])(?<![0-9A-Za-z][,.\-/:])"
    r"(?:(?:[0-9]{4}[-‐‑−])?[0-9]{3}[-‐‑−][0-9]{7}|0[0-9]{4}[-‐‑−][0-9][-‐‑−][0-9]{1,7})" + _UNIT
)
# A bank's name says an account follows without 銀行 (三菱UFJ 001-1234567, みずほ 渋谷 1234567); 普通に (the adverb,
# as in 普通に 1234567 PV) and 当座の (for the time being) announce none.
_BANKS = (
    "三菱UFJ|三菱東京UFJ|MUFG|三井住友|SMBC|みずほ|りそな|住信SBI|PayPay銀|ジャパンネット銀|GMOあおぞら|信用金庫|信金"
)
_ACCOUNT_CUE = re.compile(
    f"口座|振込先|振り込み先|振込み先|普通(?![にの])|当座(?![のに])|ゆうちょ|振替|名義|支店|銀行|{_BANKS}"
)
# Banks whose name is a company's or a brand's too (楽天, ソニー, イオン, セブン, au): a cue only before a branch and an
# account number joined by a dash or a space (楽天 201-1234567, 楽天 201 1234567), a shape no count or price has.
_BRANDS_WITH_A_BANK = re.compile("楽天|ソニー|イオン|セブン|(?<![A-Za-z])au(?![A-Za-z])|じぶん|ローソン|SBI|PayPay|GMO")
# Right after such a name (a space, a colon or は between), an account number alone, seven digits as those banks
# give (楽天 1234567, ソニー: 1234567): no unit after it (楽天 1000000円, 楽天 1234567ポイント), no word between
# (楽天ポイント 1234567, 楽天の注文 1234567). Measured when added: no such number after these names in the 7,367
# livedoor news articles, chABSA, data/reviews.csv nor data/sample_dump.csv.
_BRAND_ACCOUNT = re.compile(
    "(?:" + _BRANDS_WITH_A_BANK.pattern + r")[ ]?(?:は|[:=])?[ ]?(?P<n>(?<![0-9])[0-9]{7})" + _UNIT
)
_SPACED_BRANCH_ACCOUNT = re.compile(r"(?<![0-9])(?<![0-9A-Za-z][,.\-/:])[0-9]{3}[ ][0-9]{7}" + _UNIT)
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

_ACCOUNT_HINTS = (
    *("普通", "当座", "貯蓄", "総合", "口座", "支店", "店番", "記号", "ゆうちょ"),
    *("振込", "振り込", "振替", "銀行", "名義", "信金", "信用金庫"),
    *("UFJ", "MUFG", "三井住友", "SMBC", "みずほ", "りそな", "SBI", "PayPay", "ジャパンネット", "GMO"),
    *("楽天", "ソニー", "イオン", "セブン", "au", "じぶん", "ローソン"),
)


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
    for m in _BRAND_ACCOUNT.finditer(text):
        yield Found(m.start("n"), m.end("n"), PiiKind.ACCOUNT)
    branched = [*_BRANCH_ACCOUNT.finditer(text), *_SPACED_BRANCH_ACCOUNT.finditer(text)]
    for m in (*_ACCOUNT_NUMBER.finditer(text), *branched):
        before = text[max(0, m.start() - _ACCOUNT_WINDOW) : m.start()]
        cues = [cue.end() for cue in _ACCOUNT_CUE.finditer(before)]
        if m in branched:
            cues += [cue.end() for cue in _BRANDS_WITH_A_BANK.finditer(before)]
        other = _OTHER_NUMBER.search(before)
        if cues and not (other and max(cues) <= other.start()) and not _dated(text, m.start(), m.end()):
            yield Found(m.start(), m.end(), PiiKind.ACCOUNT)


def _dated(text: str, start: int, end: int) -> bool:
    """Whether the number ``text[start:end]`` is a date (yyyymmdd) with no 口座番号 shortly before it."""
    return (
        _DATE.fullmatch(text, start, end) is not None and _DATE_CUE not in text[max(0, start - _ACCOUNT_WINDOW) : start]
    )
