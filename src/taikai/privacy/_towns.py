"""The town before a street address's number block: where it starts (after the city or ward, or after a word of where
one lives), and whether the word there is a place at all, or a word that numbers count or measure (評価4-5,
承認率95-98, レベル2-3, タスク番号3-12-5), which is none.

Runs on the NFKC form of the text.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

from taikai.text import PosTagger

_TOWN_CHAR = re.compile(r"[\u4e00-\u9fff々〆ヶァ-ヺー○〇]")
_JAPANESE_IN_TOWN = re.compile(r"[\u4e00-\u9fff々ァ-ヺ]")
_TOWN_MOST = 12  # characters before a block read as its town, at most
_KANJI = "\u4e00-\u9fff々"
# Where the town starts: after a prefecture, a city, ward or district (a kanji or katakana before 市, 区, 郡, 県, or
# hiragana before 市: つくば市; not before 町 or 村, where the kanji is part of a name: 余市町), or after a word of
# where one lives (住所神南1-2-3). Not where 市, 区 or 県 starts a common word (市場, 区分, 県内, 都市: 株式市場2-3 has
# no town 場), but 千代田区内幸町 and 外神田 are towns after a ward. Nor right after a ward, a district or a prefecture:
# there 市 starts the name (新宿区市谷, 千葉県市川市, 東京都市谷: 東京都 + 市谷, while 京都市 is a city).
_MUNICIPALITY = re.compile(
    r"北海道|東京都|京都府|大阪府|"
    rf"(?:(?<=[{_KANJI}ヶァ-ヺー])(?<!(?<![京成])都)(?<!東京都)(?<![区郡県府])[県市区郡]|(?<=[ぁ-ゖ])市)"
    rf"(?![町村場民街役販況営議政域別切画庁]|[内外間分](?![{_KANJI}]))"
)
_CUE_WORD = re.compile(r"現?住所|所在地|在住|自宅|実家|本社|事務所|勤務地|送付先|配送先|発送先|届け?先|送り先|宛先")
_PLACE_SUFFIXES = frozenset({"駅前", "駅", "東", "西", "南", "北", "中央", "町", "本町", "新町", "通", "通り", "台"})
# A word that numbers after it count, score, rank, date or measure, at the end of what stands before a block: no town
# (評価4-5, 承認率95-98, レベル2-3, ランク2-1, 期間2021-2023, 納期2023-4-1, 退会日12-25, タスク番号3-12-5, テスト1-2-3,
# 第3-4), or people (自宅は家族2-3-4, 人数3-4-5). 日 ends a town in 春日 and 朝日; 内 in 丸の内, so only an area's
# 市内, 都内, … (大阪府内) is none.
NOT_A_TOWN = re.compile(
    r"(?:評価|スコア|星|[率位級点数]|レベル|ランク|ランキング|グレード|クラス|期間|期限|納期|日程|日付|"
    r"(?<![春朝旭向])日|回|歴|年|年度|年齢|番号|ナンバー|コード|テスト|試験|問題?|課題|ステップ|ステージ|フェーズ|"
    r"タスク|案件|作業|時間|単価|時給|報酬|価格|金額|料金|割合|条件|換算|平均|合計|目標|目安|上限|下限|範囲|"
    r"第|話|章|シーズン|バージョン|パート|セット|ラウンド|ゲーム|ポイント|ページ|版|号|対|戦|区間|帯|"
    r"[市区県都府道国町村社]内|^[内外]|家族|人数|世帯|メンバー)$"
)
# Names that stand for more than a town: a prefecture before numbers is a team's or a match's (福岡2-0, 東京3-1).
_PREFECTURE = re.compile(
    "北海道|青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|東京|神奈川|新潟|富山|石川|福井|山梨|長野|"
    "岐阜|静岡|愛知|三重|滋賀|京都|大阪|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|"
    "佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄"
)
# A town that says so by its form: ending in 町, 村 or 通 (山下町, 四条通), or starting with 大字 (大字上野).
_TOWN_FORM = re.compile(r"^大字|[町村通]$")
# A place by its form, near a word of where one lives: a street or a station and a side of it (大通西, 本通, 駅南,
# 東口, 駅前), a hill (松が丘, 桜ヶ丘), a heights (緑台).
_PLACE_FORM = re.compile(r"(?:通り?|駅)[東西南北]?$|^駅前$|[東西南北中]口$|[がヶケの]?丘$|台$")
# A word of where one lives right before the town, with a particle or a colon: 住所は, 自宅は, 実家は, 在住の, 住所：.
_CUE_BEFORE = re.compile(rf"(?:{_CUE_WORD.pattern})(?:は|の|[:=])[ ]?$")
_HOME_CUE = re.compile(r"(?:現?住所|自宅)(?:は|[:=])[ ]?$")  # 住所は, 自宅は: before a prefecture's name too
_CUE_LOOKBACK = 10


class Town(NamedTuple):
    """Where the town before a block starts (the block's start when there is none), and what stands right before it:
    a city or ward (``after_city``) or a word of where one lives (``after_cue``)."""

    start: int
    after_city: bool
    after_cue: bool


def find_town(text: str, end: int) -> Town:
    """Return the town before *end* in *text* (see :class:`Town`)."""
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
    kana = _kana_town(text, start, stop)
    if kana is not None:
        return Town(kana, True, False)
    cut = max((m.end() for m in _MUNICIPALITY.finditer(text, start, stop)), default=start) - start
    cue = max((m.end() for m in _CUE_WORD.finditer(text, start, stop)), default=start) - start
    town = start + max(cut, cue)
    # A town starts with no particle (渋谷区の3-4: no town), and a town of marks alone (○○) only after a city or
    # a word of where one lives: the text holds Japanese outside the address.
    if town >= stop or text[town] in "がの" or not (cut or cue or _JAPANESE_IN_TOWN.search(text, town, stop)):
        return Town(end, False, False)
    return Town(town, cut > 0 and cut >= cue, cue > cut)


# A town written with hiragana right after a city or ward (青葉区美しが丘, 西区みなとみらい, 青葉区あざみ野): not
# one that starts with a particle or a copula (渋谷区の3-4, 横浜市なら…) or holds a verb's or a clause's ending
# (区に住んでて…).
_KANA_TOWN_CHAR = re.compile(r"[\u4e00-\u9fff々〆ヶァ-ヺーぁ-ゖ]")
_PARTICLE = re.compile("[にでをはへとやもかがのだよ]|なら|まで|じゃ|って")
_CLAUSE = re.compile("て|った|ます|です|ある|いる|する|した|ない|から|ので|けど|だけ")


def _kana_town(text: str, start: int, stop: int) -> int | None:
    """Return where a town with hiragana in it starts, when one stands right after a city or ward and ends at *stop*
    (the town found without hiragana starts at *start*, after it: 丘 of 美しが丘); else None (and when the city
    or ward is after *start*'s hiragana: つくば市千現, the town found is right)."""
    if start == 0 or not "ぁ" <= text[start - 1] <= "ゖ":
        return None
    wider = start
    while wider > max(0, stop - _TOWN_MOST) and _KANA_TOWN_CHAR.match(text[wider - 1]):
        wider -= 1
    ends = [m.end() for m in _MUNICIPALITY.finditer(text, wider, stop)]
    if (
        not ends
        or ends[-1] >= start
        or stop - ends[-1] < 2
        or _PARTICLE.match(text, ends[-1])
        or _CLAUSE.search(text, ends[-1], stop)
    ):
        return None
    return ends[-1]


def by_its_form(town: str) -> bool:
    """Whether *town* is a town by its form alone: 山下町, 八島町, 四条通, 大字上野."""
    return bool(_TOWN_FORM.search(town))


def a_place_by_its_form(town: str) -> bool:
    """Whether *town* reads as a place by its form: a town's (:func:`by_its_form`), a street's or a station's side
    (大通西, 駅南, 東口, 駅前), a hill or a heights (松が丘, 緑台)."""
    return by_its_form(town) or _PLACE_FORM.search(town) is not None


class Cue(Enum):
    """What stands right before a town: nothing that tells an address, a word of where one lives with a particle
    (実家は, 在住の), or the word of one's home address itself (住所は, 自宅は)."""

    NONE = "none"
    CUE = "cue"
    HOME = "home"


def cue_before(text: str, start: int) -> Cue:
    """Return the word of where one lives right before *start* in the NFKC text *text* (see :class:`Cue`)."""
    before = text[max(0, start - _CUE_LOOKBACK) : start]
    if _HOME_CUE.search(before):
        return Cue.HOME
    return Cue.CUE if _CUE_BEFORE.search(before) else Cue.NONE


def a_prefecture(town: str) -> bool:
    """Whether *town* is a prefecture's name alone (福岡, 東京): before numbers, a team's or a match's."""
    return _PREFECTURE.fullmatch(town) is not None


# The words of a compound that counts, measures or acts (時給換算, 所要時間, 作業量, ランク帯): no town.
_NOT_IN_A_NAME = frozenset({"サ変可能", "助数詞可能", "副詞可能", "サ変形状詞可能", "形状詞可能"})


def a_place(town: str, tagger: PosTagger, *, or_a_name: bool = False, or_a_compound: bool = True) -> bool:
    """Whether UniDic reads *town* as a place, not a country nor a prefecture: its last word, or the word before a
    suffix such as 駅前 or 南. With *or_a_name*, a name UniDic does not know as a place will do too: a word that is
    no common noun (北浜, a surname to it), or, with *or_a_compound* too, a compound of nouns that neither count nor
    act (三軒茶屋, 表参道, 千現; but also 駅徒歩, 回線速度); never a common noun alone (条件, ゲーム, 錦) nor a
    compound with a word that counts or acts (時給換算)."""
    if a_prefecture(town):
        return False
    words = tagger.tag(town)
    if words and words[-1].surface in _PLACE_SUFFIXES and len(words) > 1:
        words = words[:-1]
    if not words:
        return False
    last = words[-1]
    if last.pos[0] == "接尾辞" and last.pos[2] in _NOT_IN_A_NAME:
        return False  # 一日中, 午前中: a suffix of time or extent (中 is also a place to the dictionary)
    tags = {last.pos} | tagger.dictionary_tags(last.surface)
    if any(tag[1:3] == ("固有名詞", "地名") and tag[3] != "国" for tag in tags):
        return True
    if not or_a_name or last.pos[3] == "国" or a_prefecture(last.surface):
        return False
    if len(words) == 1:
        return last.pos[1] != "普通名詞"
    return or_a_compound and not any(w.pos[2] in _NOT_IN_A_NAME or w.pos[0] not in ("名詞", "接尾辞") for w in words)


def counts_or_acts(town: str, tagger: PosTagger) -> bool:
    """Whether a word of *town* is one that counts, acts or says when to UniDic (稼働, 応募, 通勤, 深夜): no town."""
    return any(w.pos[2] in _NOT_IN_A_NAME for w in tagger.tag(town))
