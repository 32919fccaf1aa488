"""Near-copies: one review with another opener or closer is grouped with it; near-duplicates stay as they were."""

import pytest

from taikai.text import copy_groups, duplicate_groups, near_copies, near_duplicates

CORE = "提案を何十件も送ったのに一件も通らず、もう応募する気力がなくなってしまった"
OTHER = "手数料が二割も引かれるので、手元に残る金額が少なすぎて続けられなかった"


@pytest.mark.parametrize(
    ("texts", "groups"),
    [
        # openers and closers around one core sentence: the hunter's boilerplate, missed by the 0.8 Jaccard
        ([f"正直、{CORE}。", f"{CORE}と思います。", f"個人的な意見ですが、{CORE}。以上です。", OTHER], [0, 0, 0, 3]),
        ([f"率直に書きます。{CORE}。", f"{CORE}。参考までに。"], [0, 0]),
        # two different reviews with the same opener and closer stay apart
        ([f"正直、{CORE}と思います。", f"正直、{OTHER}と思います。"], [0, 1]),
        # a short text held in a long one is no copy of it (else it would join every text that holds it)
        (["理由は特にありません。", f"{CORE}。理由は特にありません。{OTHER}。"], [0, 1]),
    ],
)
def test_near_copies_group_one_review_with_other_openers_and_closers(texts, groups):
    assert copy_groups(texts) == groups


@pytest.mark.parametrize(
    ("texts", "copies"),
    [
        ([f"正直、{CORE}。", f"{CORE}と思います。"], True),
        ([CORE, CORE], True),  # the same text: a near-duplicate, so a near-copy too
        ([CORE, OTHER], False),
    ],
)
def test_near_duplicates_are_near_copies_but_not_the_reverse(texts, copies):
    assert bool(near_copies(texts)) is copies
    assert duplicate_groups(texts) == ([0, 0] if texts[0] == texts[1] else [0, 1])  # unchanged: exact texts only here
    assert (not near_duplicates(texts)) or copies


def test_copy_groups_of_no_text():
    assert copy_groups([]) == [] and near_copies([]) == []
