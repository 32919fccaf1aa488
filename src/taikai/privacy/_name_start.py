"""Where a person's name may start in a text's words: nothing glued before it, or punctuation, a particle, a noun
of time, or a word of the people around someone or of a role (女優浜辺美波さん, 娘の結衣が), which is itself never the
name."""

from __future__ import annotations

from taikai.privacy._not_names import NOT_NAMES
from taikai.text import Morpheme

_BOUNDARIES = frozenset({"補助記号", "助詞", "助動詞", "空白"})
# A word of the people around someone or of a role before a given name (友人美波さん: a friend, 美波さん): never the
# surname. The kanji ones UniDic reads as one common noun; roles in katakana are no kanji and never taken.
PEOPLE = frozenset(
    (
        *("友人", "知人", "友達", "親友", "同僚", "同期", "同級", "上司", "部下", "先輩", "後輩", "新人", "恩師"),
        *("師匠", "弟子", "担当", "担当者", "講師", "社員", "社長", "店長", "女優", "俳優", "歌手", "声優", "選手"),
        *("作家", "漫画", "画家", "監督", "記者", "主婦", "学生", "生徒", "会員", "相手", "先方", "顧客", "依頼"),
        *("夫人", "令嬢", "息子", "長男", "次男", "長女", "次女", "三女", "娘婿", "義母", "義父", "義姉", "義妹"),
        *("大家", "家内", "担任", "店員", "秘書", "部長", "課長", "主任", "患者", "子供"),
        # The family (妻舞さん, 娘杏ちゃん, 息子翼くん): a kin noun glued before a given name is no surname either;
        # not 孫, a surname too (孫正義さん).
        *("妻", "夫", "嫁", "娘", "母", "父", "兄", "姉", "弟", "妹", "甥", "姪", "祖母", "祖父", "叔母"),
        *("叔父", "伯母", "伯父", "義兄", "義弟", "三男", "旦那", "主人", "彼氏", "彼女"),
    )
)
# Suffixes that make a person of the noun before them (担当者: 担当 + 者, 会社員: 会社 + 員).
_PERSON_SUFFIXES = frozenset({"者", "員"})


def glued(left: Morpheme, right: Morpheme) -> bool:
    """Whether nothing stands between the words *left* and *right*."""
    return left.end == right.start


def starts_name(words: list[Morpheme], k: int) -> bool:
    """Whether a name may start at ``words[k]``: nothing glued before it, or punctuation, a particle, an ending, a
    noun of time (先日, 結局: a noun that is also an adverb) or a word of the people around someone or of a role
    (女優浜辺美波さん: 女優 + 浜辺 + 美波; the roles and platforms of the stop list: デザイナー, ライター)."""
    if k == 0 or not glued(words[k - 1], words[k]):
        return True
    before = words[k - 1]
    if before.pos[0] in _BOUNDARIES or before.pos[2] == "副詞可能" or people_before(words, k):
        return True
    return _time_before(words, k)


def _time_before(words: list[Morpheme], k: int) -> bool:
    """Whether a phrase of time ends glued before ``words[k]``: a noun and the suffix 中 (期間中舞さん, 作業中, 在宅中)
    or この, その or 今 and 度 (この度杏さん), after which a sentence goes on as after 先日."""
    before = words[k - 1]
    if k < 2 or not glued(words[k - 2], before):
        return False
    if before.surface == "中" and before.pos[0] == "接尾辞":
        return words[k - 2].pos[0] == "名詞"
    return before.surface == "度" and words[k - 2].surface in ("この", "その", "今")


def people_before(words: list[Morpheme], k: int) -> bool:
    """Whether a word of the people around someone or of a role ends glued before ``words[k]``: 女優, 担当, 妻, the
    roles and platforms of the stop list (デザイナー, ライター), or a noun and a suffix of a person (担当者: 担当 +
    者)."""
    if k == 0 or not glued(words[k - 1], words[k]):
        return False
    before = words[k - 1]
    if before.surface in PEOPLE or before.surface.lower() in NOT_NAMES:
        return True
    noun = words[k - 2] if k >= 2 and glued(words[k - 2], before) else None
    return before.surface in _PERSON_SUFFIXES and noun is not None and noun.pos[0] == "名詞"
