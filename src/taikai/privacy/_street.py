"""Street addresses: the town and its block and house numbers (神南1-2-3, 梅田2丁目4番9号, 北3条西4丁目1-1), with the
building, floor and room after them. The prefecture and the city before the town stay (東京都渋谷区[住所]): they
name an area, which a report may need, not a home.

A number block is an address when it says so (丁目 with a number after it, 番地, 番…号), or, when it is only numbers
joined by hyphens (1-2-3), when a place stands right before it and something else tells an address: a city or a
ward right before the town (渋谷区神南1-2-3), a town ending in 町 or 村, a building after it (… ABCビル2F), a word
of where one lives or sends to nearby (住所, 在住, 住んで, 自宅, 〒, 送付先, …), or, for three numbers, a town
UniDic knows as a place (梅田1-2-3). A block followed by a unit (3-4件, 1-2週間, 10-12時) is never one.

Runs on the NFKC form of the text and returns spans of that form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from taikai.privacy._kinds import Found, PiiKind
from taikai.text import PosTagger

_HYPHENS = "\\-‐‑‒–—―−ー─━"  # NFKC makes － a -, ｰ a ー; the wave dash (~) is a range and not among them
_H = f"[{_HYPHENS}]"
_KANJI_NUMERALS = "一二三四五六七八九十〇百千"
_N = rf"(?:[0-9]{{1,5}}|[{_KANJI_NUMERALS}]{{1,4}})"
_SEP = rf"(?:丁目|番地の?|番(?!目)|号|条[東西南北]?|{_H})"
# At most six numbers, and the block ends where its numbers do (1-2-3-4-5-6-7 is no address): bounded, so that a
# long run of digits and hyphens is read in linear time.
BLOCK = re.compile(
    rf"(?<![0-9A-Za-z.,/:#+¥$%])(?<![0-9A-Za-z.,/:#+]{_H})"
    rf"{_N}(?:(?:{_SEP}{_N}){{1,5}}(?:丁目|番地|番(?!目)|号(?!室))?|丁目|番地)"
    rf"(?![0-9]|{_H}[0-9]|[.,/:][0-9])"
)
_HINT = re.compile(rf"[0-9{_KANJI_NUMERALS}](?:{_H}[0-9{_KANJI_NUMERALS}]|丁目|番地|番[0-9{_KANJI_NUMERALS}])")
_TOKEN = re.compile(rf"[0-9]+|[{_KANJI_NUMERALS}]+|丁目|番地|番|号|条|{_H}")

_BUILDING_WORD = (
    "ビル(?:ディング)?|マンション|ハイツ|コーポ(?:ラス)?|アパート|レジデンス|タワー|ハウス|コート|パレス|ヒルズ|メゾン|"
    "ハイム|ヴィラ|ビレッジ|ヴィレッジ|テラス|ガーデン|プラザ|シティ|荘|寮|号館|棟"
)
_ROOM = r"(?:[ ]?(?:B?[0-9]{1,4}(?:号室|号|階|F)|B[0-9]{1,2}|#[0-9]{1,4}|[0-9]{1,4})(?![0-9A-Za-z]))"
BUILDING = re.compile(
    rf"[ ]?[A-Za-z0-9\u4e00-\u9fff々ァ-ヺー○〇・&' ]{{0,24}}?(?:{_BUILDING_WORD})"
    rf"(?:[A-Za-z\u4e00-\u9fff々ァ-ヺー○〇・]{{0,12}}?{_ROOM})?"  # コーポ豊玉105: a name after the word, then the room
    rf"|(?:[ ]?B?[0-9]{{1,4}}(?:号室|階|F)|[ ]?B-?[0-9]{{1,2}}F?|[ ]?#[0-9]{{1,4}}|号室|階|F)(?![0-9A-Za-z])"
)
"""A building, a floor or a room right after a number block: `` ABCビル2F``, `` ○○ハイツ201号室``, `` 3階``, ``F``
(a room after a hyphen, 1-2-3-201, is a number of the block)."""
# What follows numbers that count or measure: 3-4件, 1-2週間, 10-12時, 3-5万円, 2-3GB. Such a block is no address.
# A kanji counter glued to it only: after a space a kanji starts the building's name (1-2-9 日比谷ビル, 5-3-9 本庄ビル).
_UNIT_AFTER = re.compile(
    r"(?:[件円万千億時分秒日週月年回人名個本枚冊社点票位歳才倍割話章巻期代度局勝敗着杯台軒泊曲語行頁字画問級段席"
    r"戦目機線車艦周組部版%~〜]|ヶ月|か月|カ月|ヵ月|ページ|ポイント|パーセント|キロ|メートル|センチ|ミリ|グラム|ドル|ユーロ)"
    r"|[ ]?(?i:[kmgt]b|px|pt|[ckm]?m|kg|g|h|hz|k?w|v|k|x|p|pv|uu|yen|usd|days?|hours?|mins?|sec|ms|fps|dpi|bps)"
    r"(?![A-Za-z])"
)

_TOWN_CHAR = re.compile(r"[\u4e00-\u9fff々〆ヶァ-ヺー○〇]")
_JAPANESE_IN_TOWN = re.compile(r"[\u4e00-\u9fff々ァ-ヺ]")
_TOWN_MOST = 12  # characters before a block read as its town, at most
# Where the town starts: after a prefecture, a city, ward or district (a kanji or katakana before 市, 区, 郡, 県, or
# hiragana before 市: つくば市; not before 町 or 村, where the kanji is part of a name: 余市町), or after a word of
# where one lives (住所神南1-2-3).
_MUNICIPALITY = re.compile(
    r"北海道|東京都|京都府|大阪府|(?:(?<=[\u4e00-\u9fff々ヶァ-ヺー])[県市区郡]|(?<=[ぁ-ゖ])市)(?![町村])"
)
_CUE_WORD = re.compile(r"現?住所|所在地|在住|自宅|実家|本社|事務所|勤務地|送付先|配送先|発送先|届け?先|送り先|宛先")
# Words near a block that tell an address (a placeholder [住所] is none: masking masked text changes nothing).
_CONTEXT = re.compile(
    r"(?<!\[)住所|住んで|住ん|在住|所在地|自宅|実家|住まい|引っ越|〒|郵便番号|送付先|配送先|発送先|届け?先|送り先|宛先|番地"
)
_CONTEXT_BEFORE, _CONTEXT_AFTER = 20, 12
_PLACE_SUFFIXES = frozenset({"駅前", "駅", "東", "西", "南", "北", "中央", "町", "本町", "新町", "通", "通り", "台"})
_DATE = re.compile(rf"(?:19|20)[0-9]{{2}}{_H}(?:0?[1-9]|1[0-2])(?:{_H}[0-9]{{1,2}})?")


def _town(text: str, end: int) -> tuple[int, bool, bool]:
    """Return where the town before *end* starts, whether a city or ward stands right before it, and whether a word
    of where one lives does (``end`` itself when there is no town)."""
    stop = end - 1 if end and text[end - 1] == " " else end
    start = stop
    while start > max(0, stop - _TOWN_MOST):
        ch = text[start - 1]
        # 霞が関, 丸の内, 自由が丘: が or の between kanji, one kanji after it (東京の神南 is two places)
        glue = ch in "がの" and start - 2 >= 0 and _TOWN_CHAR.match(text[start - 2]) and start == stop - 1
        if not (_TOWN_CHAR.match(ch) or glue):
            break
        start -= 1
    while start < stop and text[start] == "ー":
        start += 1
    cut = max((m.end() for m in _MUNICIPALITY.finditer(text, start, stop)), default=start) - start
    cue = max((m.end() for m in _CUE_WORD.finditer(text, start, stop)), default=start) - start
    town = start + max(cut, cue)
    # A town starts with no particle (渋谷区の3-4: no town), and a town of marks alone (○○) only after a city or
    # a word of where one lives: the text holds Japanese outside the address.
    if town >= stop or text[town] in "がの" or not (cut or cue or _JAPANESE_IN_TOWN.search(text, town, stop)):
        return end, False, False
    return town, cut > 0 and cut >= cue, cue > cut


def _a_place(town: str, tagger: PosTagger) -> bool:
    """Whether UniDic reads *town* as a place: its last word, or the word before a suffix such as 駅前 or 南."""
    words = tagger.tag(town)
    if words and words[-1].surface in _PLACE_SUFFIXES and len(words) > 1:
        words = words[:-1]
    if not words:
        return False
    last = words[-1]
    place = ("固有名詞", "地名")
    return last.pos[1:3] == place or any(tag[1:3] == place for tag in tagger.dictionary_tags(last.surface))


class _Shape(NamedTuple):
    house: bool  # it reaches a house: a number after 丁目, 番地, 番…号, or numbers joined by hyphens
    worded: bool  # it says it is an address: 丁目 with a number after it, 番地, 番…号
    numbers: int
    idiom: bool  # 一丁目一番地, the first thing to do


def _shape(block: str) -> _Shape:
    """Return what the number block *block* is made of."""
    tokens = _TOKEN.findall(block)
    numbers = [t for t in tokens if t[0].isdigit() or t[0] in _KANJI_NUMERALS]
    seps = [t for t in tokens if t not in numbers]
    chome = "丁目" in seps and tokens.index("丁目") < len(tokens) - 1
    ban_go = "番" in seps and "号" in tokens[tokens.index("番") :]
    worded = chome or "番地" in seps or ban_go
    joined = any(s not in ("丁目", "番地", "号", "条") for s in seps) and len(numbers) >= 2
    idiom = "丁目" in seps and "番地" in seps and set(numbers) <= {"1", "一"}
    return _Shape(worded or joined, worded, len(numbers), idiom)


def find_street_addresses(text: str, tagger: PosTagger | None = None) -> Iterator[Found]:
    """Find street addresses in the NFKC text *text*; *tagger* (UniDic) tells a town that is a place by name alone,
    which is not looked up without it."""
    if not _HINT.search(text):
        return
    taken = 0  # where the last address found ends: a block inside its building's name is part of it
    for m in BLOCK.finditer(text):
        if m.start() < taken:
            continue
        shape = _shape(m.group())
        building = BUILDING.match(text, m.end())
        if not shape.house and not (building and "丁目" in m.group()):
            continue  # 2丁目: an area, unless a building follows (2丁目 ○○ハイツ201号室)
        unit = _UNIT_AFTER.match(text, m.end())
        if unit and not (building and unit.group().strip()[:1].isascii()):  # letters may start a building's name
            continue
        start, after_city, after_cue = _town(text, m.start())
        if _is_address(text, m, shape, start, building is not None, after_city or after_cue, tagger):
            taken = building.end() if building else m.end()
            yield Found(start, taken, PiiKind.ADDRESS)


def _is_address(
    text: str, block: re.Match[str], shape: _Shape, start: int, building: bool, placed: bool, tagger: PosTagger | None
) -> bool:
    """Whether the number *block* of *shape*, its town starting at *start*, is an address (see the module's rules);
    *placed*: a city, a ward or a word of where one lives stands right before the town."""
    house, worded, numbers, idiom = shape
    town = text[start : block.start()]
    if not house:
        return True  # 2丁目 and a building
    if worded:
        return not idiom or placed
    if not town.strip() or block.group().startswith("0"):  # a phone's or a code's digits (03-1234-5678)
        return False
    if town.endswith(" "):  # チェコ 3-4-3, ドルトムント 3-1: a score after a name; 渋谷区神宮前 6-5-6 is placed
        return placed
    named = len(town) >= 2
    near = named and _CONTEXT.search(text, max(0, start - _CONTEXT_BEFORE), block.end() + _CONTEXT_AFTER)
    if placed or (named and town[-1] in "町村") or building or near:
        return True
    if numbers < 3 or not named or tagger is None or _DATE.fullmatch(block.group()):
        return False
    return _a_place(town, tagger)
