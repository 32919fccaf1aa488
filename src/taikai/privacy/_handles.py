"""Handles written loosely: glued to ID (IDtaro123), with a space after the @ (@ taro), after a few words and an
arrow or a colon (LINE ID教えます→kenta_0812), and in kana after ハンドル and a colon (ハンドル：たろうまる).

Each is an ``[ID]``, as the handles :func:`taikai.privacy._patterns.find_ids` finds, but only in a shape no ordinary
text has: a handle in lower case as people choose one (:data:`LOWER_HANDLE`: taro123, kenta_0812), or a word before
it that says a handle follows (連絡は@ taro, DMは@ taro; Excel @ home and @ 500円 stay). Every pattern runs on the NFKC
form of the text and returns spans of that form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taikai.privacy._addresses import TOP_LEVEL_DOMAINS
from taikai.privacy._kinds import Found, PiiKind
from taikai.privacy._services import MESSENGERS

LOWER_HANDLE = re.compile(
    r"(?!.*\.(?:com|jp|net|org|me|io|co|ee)$)[a-z][a-z0-9]*(?:_[a-z0-9]*|\.[a-z][a-z0-9]*)+"
    r"|(?!android|ios|ipados|iphone|ipad|windows|win|macos|mac|galaxy|xperia|aquos|pixel|ubuntu|chrome|python|java|php"
    r"|version|ver)[a-z]{3,}[0-9]{2,}"
)
"""A handle as people choose one: lower case, with _ or a dot between letters, or three letters or more and two digits
or more (taro_88, taro.yamada, yamada123); not ver.2, v1.2, web3, iOS17, a system and its version (android12,
windows11) nor a domain (line.me)."""

NOT_A_RECORD = (
    r"(?<!案件)(?<!注文)(?<!取引)(?<!商品)(?<!依頼)(?<!求人)(?<!仕事)(?<!問い合わせ)(?<!問合せ)"
    r"(?<!作業)(?<!タスク)(?<!プロジェクト)(?<!契約)(?<!請求)(?<!管理)(?<!受付)(?<!予約)(?<!チケット)(?<!オーダー)"
    r"(?<!ジョブ)(?<!応募)(?<!出品)(?<!発注)(?<!受注)(?<!伝票)(?<!セッション)(?<!トランザクション)"
)
"""What may not stand before ID for it to name an account: the ID of a job, an order, a task or another record."""

# IDtaro123: a handle glued after ID, in lower case (IDs, IDカード, IDaaS stay: no handle's shape).
_GLUED_ID = re.compile(rf"(?<![A-Za-z]){NOT_A_RECORD}ID(?P<v>[a-z][a-z0-9_.\-]{{2,39}})(?![A-Za-z0-9_@])")
# @ taro: a handle after an @ and a space.
_SPACED_AT = re.compile(r"(?<![A-Za-z0-9@])@[ ](?P<v>[A-Za-z][A-Za-z0-9_.]{0,29}[A-Za-z0-9_])(?![A-Za-z0-9_@])")
# A word that says a handle follows, shortly before an @ and a space (連絡は@ taro, XのDMは@ taro).
_CONTACT_BEFORE = re.compile(
    r"(?:連絡|DM|フォロー|アカウント|アカ|垢|ユーザー名|ツイッター|インスタ|(?<![A-Za-z])X(?![A-Za-z])"
    r"|(?i:(?<![a-z])(?:id|twitter|instagram|tiktok|threads|bluesky)(?![a-z])))[^。\n@]{0,10}$"
)
AT_BRANDS = frozenset(("@nifty", "@cosme", "@type", "@press", "@wiki"))
"""A provider and sites named with an @ (@nifty, @cosme): no one's handle."""
# LINE ID教えます→kenta_0812, IDはこちら: taro_88: a few words between the word that names the handle and an arrow
# or a colon before it.
_TOLD_ID = re.compile(
    rf"(?<![A-Za-z])(?:(?:{MESSENGERS})(?![A-Za-z])[ ]?の?[ ]?)?{NOT_A_RECORD}(?:ID|アカウント名?|ユーザー名)"
    r"[^A-Za-z0-9\n。→:=]{1,12}[→:=][ ]?(?P<v>[A-Za-z0-9_.\-]{3,40})(?![A-Za-z0-9_@])"
)
# ハンドル：たろうまる, ハンドルネームは「ぴよすけ」です: a handle in kana (ハンドルは重い, a steering wheel,
# stays: only ハンドル with a colon or =, or ハンドルネーム or ハンドル名 with は too), up to a copula or what is
# no kana.
_KANA_HANDLE = re.compile(
    r"(?:ハンドル(?:ネーム|名)?[ ]?[:=]|ハンドル(?:ネーム|名)[ ]?は)[ ]?[「『\"]?"
    r"(?P<v>[ぁ-ゖァ-ヺー]{2,20}?)(?=(?:です|でした|だった|だよ|って|という)?(?![ぁ-ゖァ-ヺー]))"
)

# A person's number at a service (ユーザーID 12345678, ID:12345678, IDは12345678, お客様番号 123456): it names the
# person there, as a handle does. After ID alone only with a colon, = or は between them (ID 100人, ID 2つ stay);
# after a person's word (ユーザー, ワーカー, 利用者, お客様, ログイン, …) and ID or 番号, or a platform's name and ID
# (ランサーズID 12345678, クラウドワークスのID 12345678), with a space or nothing too. Not the
# number of a record, named before ID (案件ID:12345678, 作業ID 7654321: :data:`NOT_A_RECORD`) or right after the
# number (ID: 123456 の案件), nor a count or an amount after it.
_RECORDS = "案件|仕事|依頼|求人|注文|取引|商品|作業|タスク|プロジェクト|契約|請求|予約|チケット|オーダー|ジョブ"
_RECORD_AFTER = re.compile(rf"[ ]?の?[ ]?(?:{_RECORDS})")
_PEOPLE = "ユーザー|ワーカー|アカウント|利用者|登録者|メンバー|顧客|お客様|個人|マイ|ログイン"
_PLATFORMS = "ランサーズ|クラウドワークス|ココナラ|シュフティ|(?i:lancers|crowdworks|coconala)"
_UNITS = "人|名|件|円|回|個|本|枚|冊|社|点|票|位|歳|才|倍|%|万|千|億|文字|字|日|時|分|秒|年|ヶ?月|か月|週|桁|つ|PV|pt"
_PERSON_NUMBER = re.compile(
    rf"(?<![A-Za-z])(?:(?P<who>(?:{_PEOPLE})[ ]?(?:ID|番号)|(?:{_PLATFORMS})[ ]?の?[ ]?ID)"
    rf"|{NOT_A_RECORD}(?:ID|Id|id|アイディー)(?![A-Za-z]))"
    r"[ ]?(?P<sep>は|[:=#])?[ ]?(?:No\.?[ ]?)?"
    r"(?P<v>[0-9]{2,8}(?:-[0-9]{2,8}){1,3}|[0-9]{4,20})"
    rf"(?![0-9A-Za-z_.@]|[ ]?(?:{_UNITS}))"
)


def find_person_numbers(text: str) -> Iterator[Found]:
    """Find a person's number at a service after the word that names it (:data:`_PERSON_NUMBER`) in the NFKC
    *text*: an ``[ID]``."""
    if "id" not in text.lower() and "番号" not in text and "アイディー" not in text:
        return
    for m in _PERSON_NUMBER.finditer(text):
        if (m.group("who") or m.group("sep")) and not _RECORD_AFTER.match(text, m.end()):
            yield Found(m.start("v"), m.end("v"), PiiKind.ID)


def find_loose_handles(text: str) -> Iterator[Found]:
    """Find the handles of the module's shapes in the NFKC text *text*."""
    if "ID" in text:
        for m in _GLUED_ID.finditer(text):
            yield from _lower_handle(m)
    if any(word in text for word in ("ID", "アカウント", "ユーザー名")):
        for m in _TOLD_ID.finditer(text):
            yield from _lower_handle(m)
    if "@ " in text:
        for m in _SPACED_AT.finditer(text):
            value = m.group("v").rstrip(".")
            if "@" + value.lower() in AT_BRANDS or value.rpartition(".")[2].lower() in TOP_LEVEL_DOMAINS:
                continue  # @ cosme, a site; 10 @ zoom.us, a domain
            if LOWER_HANDLE.fullmatch(value) or _CONTACT_BEFORE.search(text, max(0, m.start() - 16), m.start()):
                yield Found(m.start(), m.start("v") + len(value), PiiKind.ID)
    if "ハンドル" in text:
        for m in _KANA_HANDLE.finditer(text):
            yield Found(m.start("v"), m.end("v"), PiiKind.ID)


def _lower_handle(m: re.Match[str]) -> Iterator[Found]:
    """The handle of *m*'s group ``v`` (less a dot or a dash ending a sentence) if it is one in lower case."""
    value = m.group("v").rstrip(".-")
    if LOWER_HANDLE.fullmatch(value):
        yield Found(m.start("v"), m.start("v") + len(value), PiiKind.ID)
