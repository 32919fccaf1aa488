"""Street addresses: the town and its block and house numbers (神南1-2-3, 梅田2丁目4番9号, 北3条西4丁目1-1), with the
building, floor and room after them. The prefecture and the city before the town stay (東京都渋谷区[住所]): they
name an area, which a report may need, not a home.

A number block is an address when it says so (丁目 with a number after it, 番地, 番…号; 番地 in kanji numerals
only after a place or a word of where one lives: 山下町百二十三番地, 自宅は北浜三番地, not 今回一番地), or, when it
is only numbers joined by hyphens (1-2-3), when a town stands right before it (no word of measure: 評価4-5,
期間2021-2023; taikai.privacy._towns), the numbers are no date, and something else tells an address: a city or a
ward right before the town (渋谷区神南1-2-3), a town ending in 町 or 村, a building after it (… ABCビル2F), a
word of where one lives or sends to nearby (住所, 在住, 住んで, 自宅, 〒, 送付先, …) with a town that is a place by
its form (駅南, 大通西) or a place or a name (before three numbers a compound too: 三軒茶屋), such a word right before
the town with a particle and three numbers (自宅は東雲2-3-4: any town that does not act; two numbers after a common
word are a range: 自宅は月収2-3, 実家は年収2-3), or, for three numbers, a town UniDic knows as a place (梅田1-2-3) or
a prefecture (長野2-3-4; with two numbers only right after 住所は or 自宅は: 実家で観戦、福岡2-0 is a score). A block
followed by a unit (3-4件, 1-2週間, 10-12時, 1-2Mbps) is never one.

Runs on the NFKC form of the text and returns spans of that form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from taikai.privacy._kinds import Found, PiiKind
from taikai.privacy._towns import (
    NOT_A_TOWN,
    Cue,
    Town,
    a_place,
    a_place_by_its_form,
    a_prefecture,
    by_its_form,
    counts_or_acts,
    cue_before,
    find_town,
)
from taikai.text import PosTagger

_HYPHENS = "\\-‐‑‒–—―−ー─━"  # NFKC makes － a -, ｰ a ー; the wave dash (~) is a range and not among them
_H = f"[{_HYPHENS}]"
_KANJI_NUMERALS = "一二三四五六七八九十〇百千"
_N = rf"(?:[0-9]{{1,5}}|[{_KANJI_NUMERALS}]{{1,4}})"
# の between digits joins them as a hyphen does (神南1の2の3), in a block of three numbers or more (_blocks).
_SEP = rf"(?:丁目|番地の?|番(?!目)|号|条[東西南北]?|{_H}|(?<=[0-9])の(?=[0-9]))"
# 番地 ends a block unless a kanji glued after it goes on with 地 as a word (一番地味, 一番地元, 1番地獄: 一番 is
# "most"); 番地先 and 番地内 are an address's.
_BANCHI = r"番地(?=[先内]|(?![\u4e00-\u9fff々]))"
# At most six numbers, and the block ends where its numbers do (1-2-3-4-5-6-7 is no address): bounded, so that a
# long run of digits and hyphens is read in linear time.
BLOCK = re.compile(
    rf"(?<![0-9A-Za-z.,/:#+¥$%])(?<![0-9A-Za-z.,/:#+]{_H})"
    rf"{_N}(?:(?:{_SEP}{_N}){{1,5}}(?:丁目|{_BANCHI}|番(?![目地])|号(?!室))?|丁目|{_BANCHI})"
    rf"(?![0-9]|{_H}[0-9]|[.,/:][0-9])"
)
# One number after a town in 町 or 村 (八島町222, 八島町222番): no number, hyphen or 番地 after it (BLOCK's), no rank
# and no count (港町3つ, 3か所).
TOWN_NUMBER = re.compile(
    rf"(?<=[町村])(?P<n>[0-9]{{1,5}})(?:番(?![目地]))?(?![0-9]|{_H}[0-9]|[.,/:][0-9]|丁目|番[目地]|号|条|つ|選|[かカヶケヵ箇]所)"
)
# Kyoto names a house by the streets that cross near it: the street, the crossing and the way from it (上る, 下る,
# 西入, 東入) before the town (烏丸通御池上る虎屋町566): they are part of the address, masked with it. A street starts
# after the ward or city (中京区烏丸通…) or after no kanji.
_WAY = r"(?:[上下][るル]|[東西]入[るル]?)"
_STREET_KANJI = r"(?:(?![市区郡都府県])[\u4e00-\u9fff々ヶ])"
KYOTO_WAY = re.compile(
    rf"(?:(?<=[市区郡])|(?<![\u4e00-\u9fff々ヶ]))(?:{_STREET_KANJI}{{1,6}}通り?)?"
    rf"{_STREET_KANJI}{{1,6}}?{_WAY}(?:{_STREET_KANJI}{{0,6}}?{_WAY}){{0,2}}"  # 丸太町下ル西入ル; not 坂を上る
    rf"[ ]?{_STREET_KANJI}{{1,10}}[ ]?$"
)
_KYOTO_LOOKBACK = 40
_HINT = re.compile(
    rf"[0-9{_KANJI_NUMERALS}](?:{_H}[0-9{_KANJI_NUMERALS}]|丁目|番地|番[0-9{_KANJI_NUMERALS}])|[0-9]の[0-9]"
)
_TOKEN = re.compile(rf"[0-9]+|[{_KANJI_NUMERALS}]+|丁目|番地|番|号|条|{_H}|の")
_NO_JOINED = re.compile("[0-9]の[0-9]")

_BUILDING_WORD = (
    "ビル(?:ディング)?|マンション|ハイツ|コーポ(?:ラス)?|アパート|レジデンス|タワー|ハウス|コート|パレス|ヒルズ|メゾン|"
    "ハイム|ヴィラ|ビレッジ|ヴィレッジ|テラス|ガーデン|プラザ|シティ|荘|寮|号館|棟"
)
_ROOM = r"(?:[ ]?(?:B?[0-9]{1,4}(?:号室|号|階|F)|B[0-9]{1,2}|#[0-9]{1,4}|[0-9]{1,4})(?![0-9A-Za-z]))"
BUILDING = re.compile(
    rf"[ ]?[A-Za-z0-9\u4e00-\u9fff々ァ-ヺー○〇・&' ]{{0,24}}?(?:{_BUILDING_WORD})"
    rf"(?:[A-Za-z\u4e00-\u9fff々ァ-ヺー・]{{0,12}}?(?:{_BUILDING_WORD})){{0,2}}"  # 六本木ヒルズ森タワー: one in another
    rf"(?:[A-Za-z\u4e00-\u9fff々ァ-ヺー○〇・]{{0,12}}?{_ROOM})?"  # コーポ豊玉105: a name after the word, then the room
    rf"|(?:[ ]?B?[0-9]{{1,4}}(?:号室|階|F)|[ ]?B-?[0-9]{{1,2}}F?|[ ]?#[0-9]{{1,4}}|号室|階|F)(?![0-9A-Za-z])"
)
"""A building, a floor or a room right after a number block: `` ABCビル2F``, `` ○○ハイツ201号室``, `` 3階``, ``F``
(a room after a hyphen, 1-2-3-201, is a number of the block); a building named within another is one
(`` 六本木ヒルズ森タワー``: the tower, not ヒルズ alone)."""
# What follows numbers that count or measure: 3-4件, 1-2週間, 10-12時, 3-5万円, 2-3GB, 1-2Mbps, and a route's or a
# service's number (桜木町130系統のバス, E235系, 八島町222便: a bus route, a train series, a flight). Such a block is no
# address.
# A kanji counter glued to it only: after a space a kanji starts the building's name (1-2-9 日比谷ビル, 5-3-9 本庄ビル).
_UNIT_AFTER = re.compile(
    r"(?:[件円万千億時分秒日週月年回人名個本枚冊社点票位歳才倍割話章巻期代度局勝敗着杯台軒泊曲語行頁字画問級段席"
    r"戦目機線車艦周組部版系%~〜]|便(?![利箋乗])|ヶ月|か月|カ月|ヵ月|ページ|ポイント|パーセント|キロ|メートル|センチ|ミリ|グラム|ドル|ユーロ)"
    r"|[ ]?(?i:[kmgt]?bps|[kmgt]b|px|pt|[ckm]?m|kg|g|h|hz|k?w|v|k|x|p|pv|uu|yen|usd|days?|hours?|mins?|sec|ms|fps|dpi)"
    r"(?![A-Za-z])"
)

# Words near a block that tell an address (a placeholder [住所] is none: masking masked text changes nothing).
_CONTEXT = re.compile(
    r"(?<!\[)住所|住んで|住ん|在住|所在地|自宅|実家|住まい|引っ越|〒|郵便番号|送付先|配送先|発送先|届け?先|送り先|宛先|番地"
)
_CONTEXT_BEFORE, _CONTEXT_AFTER = 20, 12
# A town named by a side and one or two kanji (西院, 東雲, 北浜, 南森): no word counts or measures so; not a direction
# (南西, 北東, 東側, 西向, 北部) nor a region (北欧, 南米, 東洋).
_DIRECTION_TOWN = re.compile("[東西南北](?![東西南北側方部向欧米洋])[\u4e00-\u9fff々]{1,2}")
# A date: a year, then a month and maybe a day (2023-4-1, 2024-03-15), or a second year (2021-2023). Never an address.
_YEAR = "(?:19|20)[0-9]{2}"
_DATE_YEAR = re.compile(_YEAR)
_DATE = re.compile(rf"{_YEAR}{_H}(?:(?:0?[1-9]|1[0-2])(?:{_H}(?:0?[1-9]|[12][0-9]|3[01]))?|{_YEAR})")


class _Shape(NamedTuple):
    house: bool  # it reaches a house: a number after 丁目, 番地, 番…号, or numbers joined by hyphens
    worded: bool  # it says it is an address: 丁目 with a number after it, 番地, 番…号
    banchi: bool  # only its 番地 says so (1323番地, 百二十三番地)
    digits: bool  # its numbers are all digits, no kanji numeral
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
    digits = all(n[0].isdigit() for n in numbers)
    return _Shape(worded or joined, worded, worded and not (chome or ban_go), digits, len(numbers), idiom)


def find_street_addresses(text: str, tagger: PosTagger | None = None) -> Iterator[Found]:
    """Find street addresses in the NFKC text *text*; *tagger* (UniDic) tells a town that is a place by name alone,
    which is not looked up without it."""
    if _HINT.search(text):
        yield from _blocks(text, tagger)
    if "町" in text or "村" in text:
        yield from _town_numbers(text, tagger)


def _kyoto_way(text: str, number: int) -> int | None:
    """Return where the streets and the way of a Kyoto address (烏丸通御池上る) start, if they stand before the town
    whose number starts at *number*, else None."""
    lo = max(0, number - _KYOTO_LOOKBACK)
    if not any(c in text[lo:number] for c in "るル入"):
        return None
    m = KYOTO_WAY.search(text, lo, number)
    return None if m is None else m.start()


def _blocks(text: str, tagger: PosTagger | None) -> Iterator[Found]:
    """Find the addresses whose numbers are a block: joined by hyphens, or worded (丁目, 番地, 番…号)."""
    taken = 0  # where the last address found ends: a block inside its building's name is part of it
    for m in BLOCK.finditer(text):
        if m.start() < taken:
            continue
        shape = _shape(m.group())
        building = BUILDING.match(text, m.end())
        if not shape.house and not (building and "丁目" in m.group()):
            continue  # 2丁目: an area, unless a building follows (2丁目 ○○ハイツ201号室)
        if shape.numbers < 3 and _NO_JOINED.search(m.group()):
            continue  # 1の2: a part of a whole (第1の2), not a house; 神南1の2の3 is one
        unit = _UNIT_AFTER.match(text, m.end())
        if unit and not (building and unit.group().strip()[:1].isascii()):  # letters may start a building's name
            continue
        town = find_town(text, m.start())
        if _is_address(text, m, shape, town, building is not None, tagger):
            taken = building.end() if building else m.end()
            way = _kyoto_way(text, m.start()) if town.start < m.start() else None
            yield Found(town.start if way is None else min(way, town.start), taken, PiiKind.ADDRESS)


def _town_numbers(text: str, tagger: PosTagger | None) -> Iterator[Found]:
    """Find a town in 町 or 村 and one number after it, placed after a city or ward (高崎市八島町222), right after a
    word of where one lives (住所は八島町222番) or after Kyoto's streets and way (烏丸通御池上る虎屋町566): the block
    needs no hyphen there. Alone, a number of three digits or more that is no year after a town whose name UniDic
    holds as a proper noun (八島町222に); not 城下町3つ, 城下町10選, この町3年, 港町2024."""
    for m in TOWN_NUMBER.finditer(text):
        town = find_town(text, m.start("n"))
        word = text[town.start : m.start("n")]
        if len(word) < 2 or not by_its_form(word) or _UNIT_AFTER.match(text, m.end()):
            continue
        way = _kyoto_way(text, m.start("n"))  # 烏丸通御池上る虎屋町566: a house number in Kyoto
        placed = town.after_city or way is not None or cue_before(text, town.start) is not Cue.NONE
        if placed or _a_house_number(word, m.group("n"), tagger):
            start = town.start if way is None else min(way, town.start)
            building = BUILDING.match(text, m.end())
            yield Found(start, building.end() if building else m.end(), PiiKind.ADDRESS)


def _a_house_number(town: str, number: str, tagger: PosTagger | None) -> bool:
    """Whether *number* after the town in 町 or 村 *town* with nothing else to tell an address is a house's: three
    digits or more and no year (222, not 10 or 2024) after a town whose name, without 町 or 村, UniDic holds as a
    proper noun (八島町: a surname to it; 城下町 too, but 城下町100選 has a counter after it)."""
    if tagger is None or len(number) < 3 or _DATE_YEAR.fullmatch(number) or len(town) < 3:
        return False
    words = tagger.tag(town[:-1])
    return bool(words) and any(tag[1] == "固有名詞" for tag in tagger.dictionary_tags(words[-1].surface))


def _is_address(
    text: str, block: re.Match[str], shape: _Shape, town: Town, building: bool, tagger: PosTagger | None
) -> bool:
    """Whether the number *block* of *shape* after *town* is an address (see the module's rules)."""
    house, worded, banchi, digits, numbers, idiom = shape
    name = text[town.start : block.start()]
    word = name.strip()
    placed = town.after_city or town.after_cue  # a city, a ward or a word of where one lives right before the town
    if not house:
        return True  # 2丁目 and a building
    kanji_banchi = banchi and not digits  # 百二十三番地, and 一番地 (一番 is "most": 今回一番地!)
    if worded and not kanji_banchi:
        return not idiom or placed
    if not word or NOT_A_TOWN.search(word):  # no town, or a word numbers count or measure (評価4-5, 期間2021-2023)
        return False
    cue = cue_before(text, town.start)  # 住所は, 自宅は, 実家は, 在住の right before the town
    lo = max(0, town.start - _CONTEXT_BEFORE)
    if kanji_banchi:  # after a place (山下町百二十三番地, 大字上野三番地) or a word of home (自宅は北浜三番地)
        cued = cue is not Cue.NONE or _CONTEXT.search(text, lo, town.start) is not None  # not the block's own 番地
        return (
            placed
            or by_its_form(word)
            or (tagger is not None and a_place(word, tagger))
            or (cued and _a_place_near_a_cue(word, cue, tagger))
        )
    if block.group().startswith("0") or _DATE.fullmatch(block.group()):  # a phone's or a code's digits, a date
        return False
    if name.endswith(" "):  # チェコ 3-4-3, ドルトムント 3-1: a score after a name; 渋谷区神宮前 6-5-6 is placed
        return placed
    named = len(name) >= 2
    if placed or (named and name[-1] in "町村") or building:
        return True
    if a_prefecture(word):  # 住所は千葉2-3, 長野2-3-4; not a score (実家で観戦、福岡2-0)
        return numbers >= 3 or cue is Cue.HOME
    near = cue is not Cue.NONE or _CONTEXT.search(text, lo, block.end() + _CONTEXT_AFTER) is not None
    if named and near and _a_town_near_a_cue(word, cue, numbers, tagger):
        # a word of where one lives nearby, and a town that is a place or a name (自宅は天神2-10, 住所：三軒茶屋1-2-3),
        # not a common word (自宅で…月収2-3, 自宅は月収2-3); right after 住所は, 自宅は or 実家は, any town before three
        # numbers (自宅は東雲2-3-4)
        return True
    if numbers < 3 or not named or tagger is None:
        return False
    return a_place(word, tagger, or_a_name=True, or_a_compound=False)  # 梅田1-2-3, and 北浜1-2-3 (a surname to UniDic)


def _a_town_near_a_cue(word: str, cue: Cue, numbers: int, tagger: PosTagger | None) -> bool:
    """Whether *word* before a block of *numbers* hyphened numbers, near a word of where one lives (right before it
    when *cue* is one), is a town: a place by its form (松が丘, 駅南), one UniDic reads as a place or a name (天神,
    北浜); before three numbers also a compound of nouns (住所、三軒茶屋1-2-3) and, right after the cue, any word that
    neither counts nor acts (自宅は東雲2-3-4). Two numbers after a common word are a range, not a house (自宅は月収2-3,
    実家は年収2-3, 自宅は駅徒歩5-10); without UniDic only a place by its form is a town before them."""
    if a_place_by_its_form(word) or (cue is not Cue.NONE and _DIRECTION_TOWN.fullmatch(word)):
        return True  # right after 自宅は, 住所は: a side and a kanji or two is a town (西院, 東雲), no range (月収)
    three = numbers >= 3
    if tagger is None:
        return three
    if a_place(word, tagger, or_a_name=True, or_a_compound=three):
        return True
    return three and cue is not Cue.NONE and not counts_or_acts(word, tagger)


def _a_place_near_a_cue(word: str, cue: Cue, tagger: PosTagger | None) -> bool:
    """Whether *word* before 番地 in kanji (三番地), near a word of where one lives (right before it when *cue* is one),
    is a town: any word right after the cue, else a place by its form (大通西, 駅前) or one UniDic reads as a place or
    a name."""
    if cue is not Cue.NONE or tagger is None or a_place_by_its_form(word):
        return True
    return a_place(word, tagger, or_a_name=True)
