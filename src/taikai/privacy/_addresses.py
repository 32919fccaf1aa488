"""E-mail addresses, URLs and IP addresses: the patterns and finders masking uses, and the text with e-mail
addresses and URLs replaced by a mark (what counts words leaves them out with).

Every pattern runs on the NFKC form of the text and returns spans of that form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taikai.privacy._kinds import Found, PiiKind
from taikai.privacy._services import MESSENGERS, SITES
from taikai.text import check_text

# E-mail addresses, also written so that no program reads them: the @ as ＠ (NFKC makes it @), (at), [at], <at>,
# (あっと), " at ", アットマーク, あっとまーく or ★, and the dots as (dot), (どっと), " dot " or ドット. A plain " at "
# needs a spelled-out dot too (taro at example dot com), so that "work at example.com" stays; a spelled-out dot ends
# in a known top-level domain.
_AT = (
    r"(?P<at>@|[★☆]"
    r"|[ ]?[(\[<{][ ]?(?:at|@|アット(?:マーク)?|あっと(?:まーく)?)[ ]?[)\]>}][ ]?"  # (あっと): in hiragana too
    r"|[ ]?(?:アット(?:マーク)?|あっとまーく)[ ]?"
    r"|[ ]+at[ ]+"
    r"|[ ]@[ ]?|@[ ]|%40)"  # tanaka @ example.com: one space on either side; taro%40gmail.com: @ percent-encoded
)
_SPELLED_DOT = r"(?:[ ]?[(\[<{][ ]?(?:dot|ドット|どっと|\.)[ ]?[)\]>}][ ]?|[ ]+dot[ ]+|[ ]?ドット[ ]?)"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
_SPELLED_TLDS = "com|net|org|jp|info|biz|io|me|co|ne|or|ac|go|us|uk|cn|kr|tw|de|fr|app|dev|xyz"
# After a dot and a space (tanaka@example. com, Com as a phone's keyboard writes it), a top-level domain that is no
# English word (not or, go, me, us, de), or one in lower case (info, app: not Info, App starting a sentence).
_AFTER_A_SPACE = "com|net|org|jp|biz|io|xyz|uk|cn|kr|tw|fr|(?-i:info|co|ne|ac|app|dev)"
# What may stand before an address: anything but a letter or digit (the address would start there), so that one glued
# to punctuation (…tanaka@, メール.tanaka@, ＋tanaka@) is found; the local part starts at its first letter or digit.
EMAIL = re.compile(
    rf"(?<![A-Za-z0-9])[A-Za-z0-9][A-Za-z0-9._%+\-]*(?:{_SPELLED_DOT}[A-Za-z0-9][A-Za-z0-9._%+\-]*)*"
    + _AT
    + rf"{_LABEL}(?:(?:\.|{_SPELLED_DOT}|[ ]?\.[ ]){_LABEL})*"  # example . co . jp, example. co. jp: dots spaced
    # taro@gmail .com: a space before a known top-level domain, or after its dot (tanaka@example. com)
    + rf"(?:\.[A-Za-z]{{2,}}|(?:{_SPELLED_DOT}|[ ]\.[ ]?)(?:{_SPELLED_TLDS})|\.[ ](?:{_AFTER_A_SPACE}))"
    r"(?![A-Za-z0-9\-])",
    re.IGNORECASE,
)
"""An e-mail address, also with a spelled-out at-sign or dot (``taro アットマーク example ドット com``, ``(at)``),
in normalised text (where ``＠`` is ``@``)."""
# An address whose local part is kanji or katakana (田中@example.com): the letters glued before the @, a particle
# (hiragana) or a mark ends them (連絡は田中@example.com).
_JAPANESE_LOCAL = re.compile(
    rf"[\u4e00-\u9fff々ァ-ヶー]{{1,12}}@{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,}}(?![A-Za-z0-9\-])"
)
_SPELLED_DOT_IN = re.compile(_SPELLED_DOT, re.IGNORECASE)
# An address whose domain is a mail service's name alone, as people shorten it (kenji.sato@gmail, taro@docomo): the
# local part names the person as much as the whole address does.
_MAIL_SERVICE_ONLY = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z0-9][A-Za-z0-9._%+\-]*@(?:gmail|googlemail|yahoo|ymail|icloud|outlook|hotmail|docomo"
    r"|ezweb|softbank|i\.softbank)(?![A-Za-z0-9\-]|\.[A-Za-z0-9])",
    re.IGNORECASE,
)
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%()]"
# Short links (youtu.be, forms.gle, notion.so, anchor.fm) and the domains freelancers keep a portfolio under
# (tanaka.work, yamada.design, .studio, .tokyo); not ai, which names an Illustrator file (logo.ai/eps).
_TLDS = (
    "com|net|org|jp|me|ee|io|info|biz|co|ly|gl|to|cc|tv|app|dev|link|site|xyz|page|gg|us|uk|cn|kr|tw|"
    "be|gle|so|fm|tokyo|work|works|design|studio|shop|store|online|tech|blog|art|club|space|life|fun|style|jobs"
)
# An IRI's path segment in other letters (https://ja.wikipedia.org/wiki/クラウドソーシング, ?q=東京): letters that start
# after / = ? # & and run to a mark of Japanese punctuation. Japanese glued after an ASCII letter ends the URL
# (資料はhttps://example.com/editにあります), and so does hiragana after a / (a particle or a verb glued after the URL:
# https://example.com/を見て, https://example.com/a/で登録); after the domain's / no other letters start a path either
# (find_urls cuts https://www.lancers.jp/で登録 and https://example.com/東京で after the /), unless a /, ? or # follows
# them (https://example.com/プロフィール/田中: a path).
_IRI_SEGMENT = r"(?:(?<=[=?#&])|(?<=/)(?![ぁ-ゖ]))[^\x00-\x7f\s、。，．「」『』【】〈〉《》！？…‥]+"
URL = re.compile(
    rf"(?:https?|ftp)://(?:{_URL_CHARS}|{_IRI_SEGMENT})+"
    rf"|(?<![A-Za-z0-9@])(?<![A-Za-z0-9@][.\-])www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:{_URL_CHARS}|{_IRI_SEGMENT})*"
    rf"|(?<![A-Za-z0-9@])(?<![A-Za-z0-9@/][.\-/])(?:[A-Za-z0-9\-]+\.)+(?:{_TLDS})/{_URL_CHARS}*",
    re.IGNORECASE,
)
_URL_TRAILING = ".,;:!?'\"、。」』】〉》"  # not part of a URL at its end (no Japanese to the model either)
# The model reads a URL with a scheme or www. up to the next space (or a / as above) as the word URL (taikai.text):
# where that leaves it no Japanese, the URL masked runs to the space too, so that masking never makes readable a
# text the model refuses (https://example.com/aをご覧ください alone).
_TO_SPACE = re.compile(r"\S*")
_SCHEME_OR_WWW = re.compile(r"(?:https?|ftp)://|www\.", re.IGNORECASE)
_HOST = re.compile(r"(?:(?:https?|ftp)://)?[^/?#]*/", re.IGNORECASE)  # up to the domain's /, if the URL has one
# An address under an internationalised domain (taro@例え.jp, info@お名前.com, 田中@例え.jp): a label in kanji or kana
# among the domain's, which ends in a top-level domain the patterns know (find_emails keeps those with such a label).
_IDN_LABEL = r"[\u4e00-\u9fff々ぁ-ゖァ-ヶーA-Za-z0-9\-]{1,30}"
_IDN_EMAIL = re.compile(
    rf"(?:(?<![A-Za-z0-9])[A-Za-z0-9][A-Za-z0-9._%+\-]*|[\u4e00-\u9fff々ァ-ヶー]{{1,12}})"
    rf"@(?P<domain>(?:{_IDN_LABEL}\.)+(?:{_TLDS}|{_SPELLED_TLDS}))(?![A-Za-z0-9\-])",
    re.IGNORECASE,
)
TOP_LEVEL_DOMAINS = frozenset(_SPELLED_TLDS.split("|")) | frozenset(_TLDS.split("|"))
"""The top-level domains the patterns know (jp, com, uk, …): a word after a dot that is one ends a domain."""


ADDRESS_MARK = " url "
"""What :func:`without_addresses` puts in place of an address: the word the tagger's word lists skip."""


def without_addresses(text: str, mark: str = ADDRESS_MARK) -> str:
    """Return the NFKC text *text* with every e-mail address and URL that masking would mask replaced by *mark*.

    The same finders as :func:`taikai.mask_pii`, so a spelled-out address (``yamada.taro(at)gmail.com``,
    ``taro at example dot com``) and a URL without a scheme (``note.com/tanaka_writer/n/n123abc``) are found too.
    Where a URL and an address overlap, the URL is taken, as masking does.
    """
    spans: list[tuple[int, int]] = []
    for start, end, _ in (*find_urls(text), *find_emails(text)):
        if all(end <= s or start >= e for s, e in spans):
            spans.append((start, end))
    if not spans:
        return text
    parts, cursor = [], 0
    for start, end in sorted(spans):
        parts += [text[cursor:start], mark]
        cursor = end
    return "".join([*parts, text[cursor:]])


_SPACED_LOCAL = re.compile(r"(?=.*[A-Za-z]).{2,}")
_AT_HINTS = ("@", "at", "アット", "あっと", "★", "☆", "%40")


# A service's name before an @ and a handle with a dot (Instagram @taro.yamada, インスタ@taro.yamada) has the shape
# of an address: it is one only under a top-level domain the patterns know, and so is one with a space before the @
# alone (tanaka @ example.museum stays an address).
_SERVICE = re.compile(f"{MESSENGERS}|{SITES}", re.IGNORECASE)
_LAST_LABEL = re.compile(r"[A-Za-z0-9\-]+$")


def _a_handle(text: str, m: re.Match[str], at: int, spaced: bool) -> bool:
    """Whether the address *m* found, its at-sign at *at*, is a handle after a service's name or after a space
    (*spaced*: hello @taro.yamada) instead: its top-level domain is not one the patterns know."""
    if not spaced and not _SERVICE.fullmatch(text, m.start(), at):
        return False
    tld = _LAST_LABEL.search(m.group())
    return tld is None or tld.group().lower() not in TOP_LEVEL_DOMAINS


def find_emails(text: str) -> Iterator[Found]:
    lowered = text.lower()
    if not any(hint in lowered for hint in _AT_HINTS):
        return
    for m in EMAIL.finditer(text):
        at = m.group("at")
        if at.strip().lower() == "at" and not _SPELLED_DOT_IN.search(text, m.end("at"), m.end()):
            continue  # "work at example.com": a plain at needs a spelled-out dot
        if at.strip() == "@" and at != "@" and not _SPACED_LOCAL.fullmatch(text, m.start(), m.start("at")):
            continue  # "会議は10 @ zoom.us": with a space at the @, the local part needs two characters and a letter
        if at.strip() != "@" or not _a_handle(text, m, m.start("at"), at == " @"):
            yield Found(m.start(), m.end(), PiiKind.EMAIL)
    if "@" in text:
        for m in _MAIL_SERVICE_ONLY.finditer(text):
            if not _SERVICE.fullmatch(text, m.start(), m.start() + m.group().index("@")):
                yield Found(m.start(), m.end(), PiiKind.EMAIL)
        for m in _JAPANESE_LOCAL.finditer(text):
            if not _a_handle(text, m, m.group().index("@") + m.start(), False):
                yield Found(m.start(), m.end(), PiiKind.EMAIL)
        for m in _IDN_EMAIL.finditer(text):
            if not m.group("domain").isascii():
                yield Found(m.start(), m.end(), PiiKind.EMAIL)


def find_urls(text: str) -> Iterator[Found]:
    if "/" not in text and "www" not in text.lower():
        return
    refused: bool | None = None  # whether the model refuses the text, asked once, when a URL has a scheme or www.
    for m in URL.finditer(text):
        stop = _path_end(text, m)
        end = stop
        host = _HOST.match(text, m.start(), stop)
        root = stop if host is None else host.end()  # after the domain's /
        if root < stop and not text[root].isascii() and not _a_path(text, m.start(), root, stop):
            end = root  # Japanese right after the domain's / is the text's, not a path
        to_space = _TO_SPACE.match(text, end).end()  # type: ignore[union-attr]
        if to_space > end and _SCHEME_OR_WWW.match(m.group()):
            if refused is None:
                refused = not check_text(text).ok
            if refused:
                end = to_space
        value = text[m.start() : end].rstrip(_URL_TRAILING)
        while value.endswith(")") and value.count(")") > value.count("("):
            value = value[:-1].rstrip(_URL_TRAILING)
        yield Found(m.start(), m.start() + len(value), PiiKind.URL)


# A Japanese segment right after the domain's / that another /, a ? or a # follows is a path, not the text going on
# after the URL (https://example.com/プロフィール/田中: the name is the page's). So is one in hiragana after any /,
# where URL ends (a particle or a verb glued after the URL: https://example.com/a/を見て), when another / follows it,
# or a ? or # and a query or fragment (www.example.jp/ユーザー/ぴよ子?tab=1; not the question of …/a/ってなに? 教えて).
# A query or a fragment starts with a letter, a digit or a mark of one: a ? or # alone, or before another ? or !
# (https://example.com/東京って?, 東京って??), ends a question.
_QUERY = r"[?#][A-Za-z0-9_%=&.~\-]"
_PATH_GOES_ON = re.compile(rf"[^\x00-\x7f]+(?:/|{_QUERY})")
_HIRAGANA_SEGMENT = re.compile(rf"[ぁ-ゖ][^\x00-\x7f\s、。，．「」『』【】〈〉《》！？…‥]*(?=/|{_QUERY})")
_URL_GOES_ON = re.compile(rf"(?:{_URL_CHARS}|{_IRI_SEGMENT})*", re.IGNORECASE)


def _path_end(text: str, m: re.Match[str]) -> int:
    """Return where the URL *m* found ends: past its hiragana segments that another /, a ? or a # follows (the
    path of a page), as long as the text keeps Japanese the model reads without the URL (as :func:`_a_path`)."""
    end = m.end()
    while text[end - 1] == "/" and (segment := _HIRAGANA_SEGMENT.match(text, end)) is not None:
        end = _URL_GOES_ON.match(text, segment.end()).end()  # type: ignore[union-attr]
    if end == m.end() or check_text(f"{text[: m.start()]} {text[end:]}").ok:
        return end
    return m.end()


def _a_path(text: str, start: int, root: int, end: int) -> bool:
    """Whether the Japanese at *root*, right after the domain's / of the URL from *start* to *end*, is part of its
    path: another /, a ? or a # follows it, and the text keeps Japanese the model reads without the URL (masking
    never makes a text the model reads one it refuses: ``https://example.com/プロフィール/田中`` alone keeps it)."""
    if _PATH_GOES_ON.match(text, root, end) is None:
        return False
    return check_text(f"{text[:start]} {text[end:]}").ok


# IP addresses: IPv4 as four numbers of 0-255 joined by dots, not part of a longer dotted number and not a version
# (v1.2.3.4, バージョン 1.0.0.1); IPv6 as eight groups of hex digits, or fewer around :: with a group of three or four
# (2001:db8::1, fe80::1a2b): 12:30:45 and std::vector stay.
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
IPV4 = re.compile(rf"(?<![0-9.])(?<![0-9]\.)(?:{_OCTET}\.){{3}}{_OCTET}(?![0-9]|\.[0-9])")
_HEX = r"[0-9A-Fa-f]{1,4}"
IPV6 = re.compile(
    rf"(?<![0-9A-Za-z:])(?:(?:{_HEX}:){{7}}{_HEX}|(?:{_HEX}(?::{_HEX})*)?::(?:{_HEX}(?::{_HEX})*)?)(?![0-9A-Za-z:])"
)
# A dotted quad is an IP address when a word of networks stands shortly before it (IPは1.2.3.4, 接続元 8.8.8.8), or
# when its first number is 10 or more and no word of versions does (192.168.0.1; not Pythonの3.12.1.0, 評価は4.5.4.5,
# バージョン 12.0.0.1, アプデ後の2.0.0.1): versions and scores start small.
_IP_WORD = re.compile(
    r"(?<![A-Za-z])IP(?:v[46])?(?![A-Za-z])|アドレス|サーバー?|接続元|接続先|ホスト|host|server|address|DNS|ゲートウェイ|gateway|ルーター|router|プロキシ|proxy",
    re.IGNORECASE,
)
_VERSION_WORD = re.compile(
    r"(?<![A-Za-z])(?:v|ver|version|python|ios|android|windows|macos)(?![A-Za-z])|バージョン|ヴァージョン|バージョ|"
    r"アプデ|アップデート|更新|リリース|最新版|版|release|update",
    re.IGNORECASE,
)
_IP_WINDOW = 15  # characters before a dotted quad in which a word of networks or versions is looked for


def find_ip_addresses(text: str) -> Iterator[Found]:
    if "." in text:
        for m in IPV4.finditer(text):
            before = text[max(0, m.start() - _IP_WINDOW) : m.start()]
            if _IP_WORD.search(before) or (int(m.group().split(".")[0]) >= 10 and not _VERSION_WORD.search(before)):
                yield Found(m.start(), m.end(), PiiKind.IP_ADDRESS)
    if "::" in text or text.count(":") >= 7:
        for m in IPV6.finditer(text):
            groups = [g for g in m.group().split(":") if g]
            if len(groups) == 8 or (groups and any(len(g) >= 3 for g in groups)):
                yield Found(m.start(), m.end(), PiiKind.IP_ADDRESS)
