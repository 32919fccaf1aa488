"""When a surname alone, with no honorific or title after it, is a name: by the word after it (a particle: 鈴木から,
の when the dictionary knows it only as a person's name, です when it introduces someone, a word of the person's
family or home: 鈴木家, 田中宅) or by a label before it
(担当者：高橋, 幹事：高橋); and when a surname that is also a place before に or へ names the place (神田に行った,
神田へ向かう).

:func:`taikai.privacy._names.find_names` asks this of a surname of two kanji or more, or of three katakana or more.
"""

from __future__ import annotations

import re

from taikai.privacy._not_names import NOT_NAMES
from taikai.privacy._titles import nickname_after, title_at
from taikai.privacy._unread_names import COMMON_WITH_HONORIFIC
from taikai.text import Morpheme, PosTagger

# Who introduces themselves with a surname and です: the writer (私は鈴木です) or someone in a role (担当の佐藤です).
FIRST_PERSON = frozenset({"私", "わたし", "わたくし", "あたし", "僕", "ぼく", "俺", "おれ", "自分", "小生"})
ROLES = frozenset(
    {"担当", "担当者", "営業", "編集", "編集者", "事務局", "運営", "代表", "責任者", "窓口", "講師", "社員"}
)
PARTICLES = frozenset({"が", "は", "から", "に", "と", "より", "も", "へ", "って", "とか", "や"})
# A role as a label before a colon (担当者：高橋, 担当：タカハシ, 営業担当: 佐藤): what follows is who holds it. NFKC
# makes ： a colon.
_ROLE_WORDS = (
    r"(?:担当者?名?|営業担当|責任者|窓口|講師|代表者?|差出人|送信者|依頼者|依頼主|発注者|連絡者|幹事|主催者?|"
    r"作成者|記入者|申込者|応募者|受注者|面接官|上長|上司|クライアント|取引先|先方|連絡先|発注元|依頼元|ディレクター|"
    r"マネージャー|リーダー|PM|編集者?|営業|事務局|運営|社員|スタッフ|オペレーター|担当の方)"
)
_LABEL = re.compile(rf"{_ROLE_WORDS}[ ]?[:=][ ]?$")
_LABEL_LOOKBACK = 10
# A surname alone in brackets (クライアント(高橋)の, 担当の「佐藤」が, 発注者【小林】から): whose role the words before
# the bracket name, or a person whatever stands before it when the dictionary holds the surname only as a person's
# name (「田中」が対応). NFKC makes （ and ） brackets of ASCII. A place or a company quoted (「松本」というお店,
# 「鈴木」の製品) stays.
_CLOSING = {"(": ")", "[": "]", "「": "」", "『": "』", "【": "】", "〔": "〕", "〈": "〉", "《": "》"}
_ROLE_OPENED = re.compile(rf"{_ROLE_WORDS}[ ]?(?:の|は|が|:)?[ ]?$")
# A role and は, の or a space right before a surname that ends a sentence, a clause or the text (担当者は高橋。,
# 依頼主は高橋, クライアントの高橋、最悪, 担当者 高橋 に): who holds the role. A particle after the surname makes it
# a name already; a word glued after it (担当は高橋社) makes another word.
_ROLE_SAID = re.compile(rf"{_ROLE_WORDS}(?:[ ]?(?:は|の)[ ]?|[ ])$")
_ENDS_SAID = re.compile(r"$|[ ]|[。、,.!?…・/)」』】]")
# Verbs that go to or stay at a place, right after に or へ (神田に行った, 神田に住んでいる, 神田へ向かう): the
# surname before them is the place, when the dictionary holds it as one. Not those that also take a person
# (田中に来てもらう, 責任は田中にある, 田中に向けて).
_GOES_THERE = re.compile(
    r"行[っくきかこけ]|住[んむみま]|着[いくき]|向か|引っ?越|通[っうい]|戻[っるり]|帰[っるり]|寄[っる]|移[っるり]|"
    r"出張|転勤|異動|移転|移住|到着|集合|出かけ|出掛け"
)
_TO_A_PLACE = frozenset({"に", "へ"})


def only_a_person(word: Morpheme, tagger: PosTagger) -> bool:
    """Whether the dictionary holds *word* only as a person's name (田中: yes; 松本, 鈴木: also a city, a company)."""
    tags = tagger.dictionary_tags(word.surface)
    return bool(tags) and all(tag[2] == "人名" for tag in tags)


def not_a_place(word: Morpheme, tagger: PosTagger) -> bool:
    """Whether the dictionary holds *word* as no place (鈴木: a person, a company; not 山田 or 千葉: also places):
    ``鈴木です`` introduces a person, ``出身は千葉です`` names a place."""
    return not any(tag[2] == "地名" for tag in tagger.dictionary_tags(word.surface))


def _role_before(words: list[Morpheme], i: int) -> bool:
    """Whether a role and は, の or 、 come right before the surname ``words[i]`` (担当は山田です): who holds the role,
    a person even where the dictionary holds the surname as a place too (山田, 千葉)."""
    if i < 2 or words[i - 2].end != words[i - 1].start or words[i - 1].end != words[i].start:
        return False
    before = words[i - 2].surface
    if words[i - 2].pos[0] == "接尾辞" and i >= 3 and words[i - 3].end == words[i - 2].start:
        before = words[i - 3].surface + before  # 担当者: 担当 + 者 to UniDic
    return words[i - 1].surface in ("は", "の", "、", ",") and before in ROLES


def _introduces(words: list[Morpheme], i: int) -> bool:
    """Whether the surname ``words[i]`` before です introduces someone: it starts the text (富永ですが、), or a
    first-person subject (私は, 僕は), a role and の (ライターの, 担当の) or a role and は (担当者は佐藤です: who holds
    it) comes right before it.

    Not 職場は北浜です, 住んでるのは鶴橋です: a place."""
    if i == 0:
        return True
    if i < 2 or words[i - 2].end != words[i - 1].start or words[i - 1].end != words[i].start:
        return False
    before, joint = words[i - 2].surface, words[i - 1].surface
    if words[i - 2].pos[0] == "接尾辞" and i >= 3 and words[i - 3].end == words[i - 2].start:
        before = words[i - 3].surface + before  # 担当者: 担当 + 者 to UniDic
    if joint in ("は", "、", ","):
        return before in FIRST_PERSON or before in ROLES
    return joint == "の" and (before in ROLES or before.lower() in NOT_NAMES)


# A value and an opening bracket right before a surname that the bracket closes after (090-1234-5678（田中）,
# tanaka@example.com（田中）): whose number or address it is. NFKC makes （ and ） brackets of ASCII.
_VALUE_OPENED = re.compile(r"[A-Za-z0-9][ ]?\($")


def _owner_of_a_value(text: str, start: int, end: int) -> bool:
    """Whether the surname ``text[start:end]`` stands alone in brackets right after a value: a letter or a digit."""
    return text.startswith(")", end) and _VALUE_OPENED.search(text, max(0, start - 3), start) is not None


def _bracketed(text: str, word: Morpheme, end: int, tagger: PosTagger) -> bool:
    """Whether the surname *word*, ending at *end* (after its reading), stands alone in a pair of brackets after a
    role (クライアント(高橋)の, 担当の「佐藤」が), or after anything when the dictionary holds it only as a person's
    name (「田中」が対応)."""
    close = _CLOSING.get(text[word.start - 1]) if word.start else None
    if close is None or not text.startswith(close, end):
        return False
    opened = word.start - 1
    return _ROLE_OPENED.search(text, max(0, opened - _LABEL_LOOKBACK), opened) is not None or only_a_person(
        word, tagger
    )


_SURNAME = ("名詞", "固有名詞", "人名", "姓")


def surname_read_as_place(text: str, words: list[Morpheme], i: int, tagger: PosTagger) -> bool:
    """Whether ``words[i]``, two kanji or more that UniDic reads as a place here but holds as a surname too, names
    the person in a role: alone in brackets right after the role (上司（松本）に), or after the role and は before
    です (担当は千葉です). Elsewhere it stays a place (松本に行った, 出身は千葉です)."""
    word = words[i]
    if word.pos[2] != "地名" or len(word.surface) < 2 or not _KANJI_WORD.fullmatch(word.surface):
        return False
    if _SURNAME not in tagger.dictionary_tags(word.surface):
        return False
    close = _CLOSING.get(text[word.start - 1]) if word.start else None
    if close is not None and text.startswith(close, word.end):
        opened = word.start - 1
        return _ROLE_OPENED.search(text, max(0, opened - _LABEL_LOOKBACK), opened) is not None
    nxt = words[i + 1] if i + 1 < len(words) else None
    return nxt is not None and nxt.start == word.end and nxt.surface == "です" and _role_before(words, i)


def _labelled(text: str, start: int) -> bool:
    """Whether a role and a colon stand right before *start* in the NFKC text *text* (担当者：, 担当:)."""
    return _LABEL.search(text, max(0, start - _LABEL_LOOKBACK), start) is not None


def _goes_to_place(words: list[Morpheme], i: int, j: int, tagger: PosTagger) -> bool:
    """Whether the surname ``words[i]``, a place too to the dictionary, is that place: に or へ (``words[j]``) and a
    verb of going or staying there follow it (神田に行った, 神田へ向かう; not 神田に頼んだ, nor 行った before a noun,
    which is 行う: 北島に行ったインタビュー)."""
    if words[j].surface not in _TO_A_PLACE or j + 1 >= len(words) or words[j + 1].start != words[j].end:
        return False
    verb = words[j + 1].surface
    if _GOES_THERE.match(verb) is None or (verb.startswith("行っ") and _before_a_noun(words, j + 2)):
        return False  # 北島に行ったインタビュー: 行う, an interview held with someone
    return not not_a_place(words[i], tagger)


def _before_a_noun(words: list[Morpheme], k: int) -> bool:
    """Whether ``words[k]`` is the past's た and a noun follows it: the verb before it describes that noun."""
    return k + 1 < len(words) and words[k].surface == "た" and words[k + 1].pos[0] == "名詞"


# Words after a surname that name the person's family or home (鈴木家, 田中宅, 佐藤邸, 山田夫妻): the surname is
# a person's, whatever follows the word (鈴木家の案件), unless a kanji is glued after it (a word UniDic did not know).
_FAMILY = frozenset({"家", "宅", "邸", "夫妻", "夫婦"})


def _family_of(words: list[Morpheme], j: int) -> bool:
    """Whether ``words[j]``, glued after a surname, is a word of its family or home that ends its word."""
    if words[j].surface not in _FAMILY:
        return False
    nxt = words[j + 1] if j + 1 < len(words) else None
    return nxt is None or nxt.start > words[j].end or not _ONE_KANJI.match(nxt.surface)


def alone_a_name(text: str, words: list[Morpheme], i: int, j: int, after: int, tagger: PosTagger) -> bool:
    """Whether the surname ``words[i]`` is a name with no honorific after it; ``words[j]`` is the first word after
    it and its reading in brackets, which end at *after* (see the module)."""
    word = words[i]
    nxt = words[j] if j < len(words) else None
    if _owner_of_a_value(text, word.start, after):  # 090-1234-5678（田中）
        return True
    if _bracketed(text, word, after, tagger):  # クライアント(高橋)の, 「田中」が
        return True
    if _labelled(text, word.start):  # 担当者：高橋; not 担当：佐藤デザイン, a company
        return nxt is None or nxt.start != after or nxt.pos[0] not in ("名詞", "接尾辞")
    if _ROLE_SAID.search(text, max(0, word.start - _LABEL_LOOKBACK), word.start) and _ENDS_SAID.match(text, after):
        return True  # 担当者は高橋。, クライアントの高橋、最悪
    if nxt is None or nxt.start != after:
        return False
    if nxt.surface in PARTICLES:
        return not _goes_to_place(words, i, j, tagger)
    return (
        nickname_after(text, after)  # 田中っちと
        or _family_of(words, j)  # 鈴木家, 田中宅
        or (nxt.surface == "の" and only_a_person(word, tagger))
        or (nxt.surface == "です" and (_role_before(words, i) or (not_a_place(word, tagger) and _introduces(words, i))))
        or _each_of(words, j)  # 田中・鈴木・小林の各氏: the last of a list of people
    )


# Words after a surname and の, or glued to it, that say the names before are people's (小林の各氏, 田中・鈴木両氏).
_EACH = frozenset({"各氏", "両氏", "諸氏", "両名", "各位"})


def _each_of(words: list[Morpheme], j: int) -> bool:
    """Whether ``words[j]`` (after a surname) is a word of :data:`_EACH`, or の and one (の各氏, の両名)."""
    if words[j].surface == "の" and j + 1 < len(words) and words[j + 1].start == words[j].end:
        j += 1
    return words[j].surface in _EACH


# One kanji before a name that is a word of its own: the late, former, new, same, both (故石岡瑛子, 元田中), a time
# (今, 後: その後順子さん), and the family (妻洋子): never the first letter of the name.
OWN_PREFIXES = frozenset(
    "故亡元前現新旧同両各全総副超某対御貴弊当本我諸真非反脱"  # prefixes of a person
    "今昨翌毎後"  # times
    "妻夫母父兄姉弟妹娘嫁婿孫祖叔伯甥姪"  # the family
)
_ONE_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANJI_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_ENDS_A_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々ァ-ヺーA-Za-z0-9]$")  # a kanji, katakana, Latin


def kanji_before_surname(words: list[Morpheme], j: int) -> bool:
    """Whether ``words[j - 1]`` is one kanji UniDic reads as a prefix or a common noun (or a suffix, after a space)
    glued before the kanji name ``words[j]``, and starts its word: the first letter of a surname the dictionary does
    not hold (上倉: 上 + 倉, 佐津川: 佐 + 津川, 向谷: 向 + 谷) or of a given name (未央子: 未 + 央子), unless it is a
    word of its own before a name (故, 元, 新, 妻: :data:`OWN_PREFIXES`; before a given name, 客 or 皆: a common word
    that takes an honorific itself, 客さん, 皆さん; 皆 + 藤 is a surname), or glued after a kanji or a demonstrative
    (大地丙太郎: 丙 ends 大地丙; その後)."""
    if j == 0 or words[j - 1].end != words[j].start or words[j].pos[2] != "人名":
        return False
    before = words[j - 1]
    if not _ONE_KANJI.fullmatch(before.surface) or before.surface in OWN_PREFIXES:
        return False
    if before.surface + "さん" in COMMON_WITH_HONORIFIC and words[j].pos[3] == "名":
        return False  # a common word with an honorific before a given name (客美波さん, 皆健太さん); 皆藤 a surname
    ahead = words[j - 2] if j >= 2 and words[j - 2].end == before.start else None
    # A suffix to UniDic only after a word a space or a line end stands between (日本HP\n上倉賢: 上 + 倉 + 賢).
    if before.pos[0] not in ("接頭辞", "接尾辞") and before.pos[:2] != ("名詞", "普通名詞"):
        return False
    if before.pos[0] == "接尾辞" and (j < 2 or ahead is not None):
        return False
    if ahead is not None and ahead.pos[0] == "連体詞":
        return False
    return ahead is None or not _ENDS_A_WORD.search(ahead.surface)


# One kanji after a name that makes a word of its own: to, whose, whose side, and others (田中様宛, 鈴木家, 山田氏側,
# 高橋さん達), a work by (佐藤萌作, 鈴木健著, 山田萌展), a group (田中派), the family (萌母, 健太兄さん) or the start
# of a title (佐藤健太元監督, 前社長): never the last letter of a name.
OWN_SUFFIXES = frozenset(
    "宛家側達様殿氏君方等ら邸宅"  # to, the family, the side, others
    "作著談曰訳編画撮写演監製版伝論像展賞杯曲詩書記集選"  # a work by, a prize
    "派流式風系組団隊軍社店館会室部課長屋亭堂塾院寺寮"  # a group, a school, a place
    "術祭器戦号"  # a technique, a festival, a tool, a match, an issue
    "似節調役主名"  # likeness, a role
    "母父兄姉弟妹妻嫁婿娘孫"  # the family (佐藤萌母, 健太兄さん)
    "元前新現旧初先宮"  # before a title (元監督, 前社長), a first, a destination, a shrine (not 公: 英公 a name)
)
_AFTER_LAST = ("助詞", "助動詞", "補助記号", "空白")
_GIVEN_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{1,2}")


def last_kanji_of_name(words: list[Morpheme], j: int, honorifics: frozenset[str]) -> bool:
    """Whether ``words[j]``, one kanji UniDic reads as a suffix or a common noun glued after the given name of one or
    two kanji ``words[j - 1]``, is the name's last letter (上白石萌歌: 白石 + 萌 + 歌, 未央奈: 未央 + 奈): it ends its
    word before an honorific, a job title (上白石萌歌部長), a particle, a symbol or the end of the text, and is no word
    after a name (鈴木家, 田中様宛: :data:`OWN_SUFFIXES`)."""
    if j == 0 or j >= len(words) or words[j - 1].end != words[j].start:
        return False
    given, word = words[j - 1], words[j]
    if given.pos[2] != "人名" or given.pos[3] != "名" or not _GIVEN_KANJI.fullmatch(given.surface):
        return False
    if not _ONE_KANJI.fullmatch(word.surface) or word.surface in OWN_SUFFIXES:
        return False
    if word.pos[:2] not in (("接尾辞", "名詞的"), ("名詞", "普通名詞")):
        return False
    nxt = words[j + 1] if j + 1 < len(words) else None
    if nxt is None or nxt.start > word.end or nxt.surface in honorifics or nxt.pos[0] in _AFTER_LAST:
        return True
    return title_at(words, j + 1)
