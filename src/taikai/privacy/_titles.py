"""What follows a surname as an honorific does: job titles (田中社長に, 佐藤ディレクターから, 山田先輩が) and the
informal ending of a nickname made from it (田中っちと).

A title makes the words before it a name only when they are all tagged a person's name and one of them a surname
(:func:`taikai.privacy._names.find_names`): 会社の社長, プロジェクトマネージャー, チームリーダー, 副社長 stay.
"""

from __future__ import annotations

from taikai.text import Morpheme

_KANJI_TITLES = (
    *("社長", "会長", "部長", "課長", "係長", "店長", "専務", "常務", "所長", "室長", "院長", "編集長"),
    *("副社長", "次長", "主任", "主査", "支店長", "支社長", "本部長", "工場長", "局長", "班長", "副店長"),
    *("取締役", "代表", "理事長", "委員長", "校長", "教頭", "学長", "園長", "館長", "監督", "教授", "准教授"),
    *("先輩", "師長", "料理長", "議員", "弁護士", "税理士"),
)
# Titles in katakana and Latin letters, as offices and agencies write them after a surname (田中マネージャー,
# 鈴木リーダー, 佐藤PM). Alone or after a common noun they are roles (プロジェクトマネージャー, チームリーダーさん),
# which the stop list keeps from being names before an honorific.
_OTHER_TITLES = (
    *("マネージャー", "マネジャー", "ディレクター", "リーダー", "プロデューサー", "チーフ", "キャプテン", "コーチ"),
    *("PM", "PL", "CEO", "CTO", "COO", "CFO"),
)
TITLES = frozenset((*_KANJI_TITLES, *_OTHER_TITLES))
"""Job titles that take a surname as an honorific does."""

NICKNAME_ENDING = "っち"
"""What turns a surname into a nickname (田中っち): UniDic splits it into っ and the next word (っ + ちと)."""


def title_at(words: list[Morpheme], i: int) -> bool:
    """Whether a job title starts at ``words[i]``; UniDic splits some (係長 is 係 + 長, 編集長 is 編集 + 長)."""
    if words[i].surface in TITLES:
        return True
    after = words[i + 1] if i + 1 < len(words) else None
    return after is not None and after.start == words[i].end and words[i].surface + after.surface in TITLES


def nickname_after(text: str, end: int) -> bool:
    """Whether the surname that ends at *end* in *text* is a nickname's stem: っち follows it (田中っちと), not
    っちゃ, a verb's ending (待っちゃう)."""
    return text.startswith(NICKNAME_ENDING, end) and not text.startswith("っちゃ", end)
