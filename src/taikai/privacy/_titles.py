"""What follows a surname as an honorific does: job titles (田中社長に, 佐藤ディレクターから, 山田先輩が, 田中事業部長),
the informal ending of a nickname made from it (田中っちと), an honorific drawn out as it is called (田中さーん), and
words of kin that take a given name too (健太兄さん, 花子姉ちゃん).

A title makes the words before it a name only when they are all tagged a person's name and one of them a surname
(:func:`taikai.privacy._names.find_names`): 会社の社長, プロジェクトマネージャー, チームリーダー, 副社長 stay.
"""

from __future__ import annotations

import re

from taikai.text import Morpheme, PosTagger

_KANJI_TITLES = (
    *("社長", "会長", "部長", "課長", "係長", "店長", "専務", "常務", "所長", "室長", "院長", "編集長"),
    *("副社長", "次長", "主任", "主査", "支店長", "支社長", "本部長", "工場長", "局長", "班長", "副店長"),
    *("取締役", "代表", "理事長", "委員長", "校長", "教頭", "学長", "園長", "館長", "監督", "教授", "准教授"),
    *("先輩", "師長", "料理長", "議員", "弁護士", "税理士"),
    *("副部長", "副会長", "副代表", "副所長", "副院長", "副校長", "理事", "講師"),
    *("社労士", "行政書士", "司法書士", "会計士", "弁理士", "医師"),
)
# Titles in katakana and Latin letters, as offices and agencies write them after a surname (田中マネージャー,
# 鈴木リーダー, 佐藤PM). Alone or after a common noun they are roles (プロジェクトマネージャー, チームリーダーさん),
# which the stop list keeps from being names before an honorific.
_OTHER_TITLES = (
    *("マネージャー", "マネジャー", "ディレクター", "リーダー", "プロデューサー", "チーフ", "キャプテン", "コーチ"),
    *("PM", "PL", "CEO", "CTO", "COO", "CFO", "デスク", "オーナー"),  # デスク: a newsroom's desk editor (田中デスク)
)
# Long titles: a department's or a board's word before a title (田中事業部長, 佐藤営業課長, 鈴木代表取締役), which
# UniDic reads as three or four words (事業 + 部 + 長). Only these are listed: a title after any noun would take a
# surname glued before a company's word for a person.
# Departments in katakana too (田中マーケティング部長, 佐藤セールス課長).
_DEPARTMENTS = (
    *("事業", "営業", "開発", "人事", "総務", "経理", "技術", "企画", "広報", "製造", "経営", "統括"),
    *("マーケティング", "セールス", "システム", "デザイン", "クリエイティブ", "プロダクト", "カスタマーサポート"),
)
LONG_TITLES = frozenset(
    (
        *(d + t for d in _DEPARTMENTS for t in ("部長", "課長", "本部長", "部次長")),
        *("部長代理", "課長代理", "課長補佐", "代表取締役", "専務取締役", "常務取締役", "取締役社長", "代表取締役社長"),
        "執行役員",
    )
)
TITLES = frozenset((*_KANJI_TITLES, *_OTHER_TITLES, *LONG_TITLES))
"""Job titles that take a surname as an honorific does."""
_TITLE_WORDS = 4  # a title is at most this many words to UniDic (代表 + 取締 + 役 + 社長)

# Words of kin that follow a name as a title does, a given name too (健太兄さん, 花子姉ちゃん, 健太兄貴): 兄 and 姉
# only before an honorific (兄さん), 兄貴 and 姉貴 alone.
_KIN = frozenset({"兄", "姉"})
_KIN_TITLES = frozenset({"兄貴", "姉貴"})


def kin_at(words: list[Morpheme], i: int, honorifics: frozenset[str]) -> bool:
    """Whether a word of kin that takes a name, given or family, starts at ``words[i]``: 兄 or 姉 glued before an
    honorific in *honorifics* (健太兄さん: 健太 + 兄 + さん to UniDic), or 兄貴 or 姉貴 (健太兄貴)."""
    word = words[i]
    if word.surface in _KIN_TITLES:
        return True
    after = words[i + 1] if i + 1 < len(words) else None
    return word.surface in _KIN and after is not None and after.start == word.end and after.surface in honorifics


_PLACE = ("名詞", "固有名詞", "地名", "一般")
_GIVEN_NAME = ("名詞", "固有名詞", "人名", "名")


def given_name_read_as_place(words: list[Morpheme], i: int, tagger: PosTagger) -> bool:
    """Whether ``words[i - 1]``, glued before the word of kin ``words[i]`` (:func:`kin_at`) or an honorific, is a
    given name UniDic tags a place there (美波姉ちゃん, 美咲姉さん, 大和兄さん, 楽天美咲ちゃん, ストアカ美波先生: 美波,
    美咲, 大和 are towns too): a word it tags a place that the dictionary holds as a given name. A place it holds as no
    given name stays (東京兄さん, 千葉姉さん: 千葉 a surname too, but an elder sister from Chiba as often)."""
    if i == 0 or words[i - 1].end != words[i].start or words[i - 1].pos != _PLACE:
        return False
    return _GIVEN_NAME in tagger.dictionary_tags(words[i - 1].surface)


NICKNAME_ENDING = "っち"
"""What turns a surname into a nickname (田中っち): UniDic splits it into っ and the next word (っ + ちと)."""


def title_at(words: list[Morpheme], i: int) -> bool:
    """Whether a job title starts at ``words[i]``; UniDic splits some (係長 is 係 + 長, 編集長 is 編集 + 長, 事業部長
    is 事業 + 部 + 長)."""
    joined = words[i].surface
    if joined in TITLES:
        return True
    for k in range(i + 1, min(i + _TITLE_WORDS, len(words))):
        if words[k].start != words[k - 1].end:
            return False
        joined += words[k].surface
        if joined in TITLES:
            return True
    return False


# An honorific drawn out, as one calls someone (田中さーん, 山田くーん, 花子ちゃーん, 田中さ〜ん): UniDic reads it as
# one suffix or splits it (さー + ー + ん), so it is matched in the text where the word starts. Not さあ (an
# interjection: さあ、始めよう), which has no ん.
_STRETCHED = re.compile(r"(?:さ|ちゃ)[ーぁあ〜~]+ん|く[ーぅう〜~]+ん")


def stretched_honorific_at(text: str, word: Morpheme) -> bool:
    """Whether a drawn-out honorific (さーん, くーん, ちゃーん) starts at *word* in the NFKC text *text*."""
    return word.surface[:1] in "さくち" and _STRETCHED.match(text, word.start) is not None


def has_stretched_honorific(text: str) -> bool:
    """Whether the NFKC text *text* holds a drawn-out honorific anywhere."""
    return _STRETCHED.search(text) is not None


def nickname_after(text: str, end: int) -> bool:
    """Whether the surname that ends at *end* in *text* is a nickname's stem: っち follows it (田中っちと), not
    っちゃ, a verb's ending (待っちゃう)."""
    return text.startswith(NICKNAME_ENDING, end) and not text.startswith("っちゃ", end)
