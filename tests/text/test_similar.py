"""Near-copies: one review with another opener or closer is grouped with it; near-duplicates stay as they were."""

import pytest

from taikai.text import copy_groups, duplicate_groups, edited, near_duplicates
from taikai.text._similar import form_grams, near_copies

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


GOOD = "サポートの対応が丁寧で、案件の数も多かったです"
PROBLEMS = ["手数料が高く", "単価が低すぎて", "検収が厳しく", "連絡が遅くて", "案件が減って", "評価が辛くて"]
RESULTS = ["手取りが少なかった", "生活できなかった", "何度も差し戻された", "続ける気がなくなった"]
REASONS = ["本業が忙しくなった", "別のサービスに移った", "就職が決まった", "体調を崩した", "家族の介護が始まった"]
REASONS += ["報酬の支払いが遅れた", "クライアントと揉めた", "作業時間が取れなくなった"]


def form(k: int, bad: str | None = None) -> str:
    """Return review *k* written in an exit survey's form: its headings, first answer and rating are the same."""
    bad = bad or f"{PROBLEMS[k % 6]}{RESULTS[k // 6]}"
    return f"【良かった点】{GOOD}【悪かった点】{bad}。【退会理由】{REASONS[k % 8]}ため。【総合評価】★★☆☆☆"


FORM = [form(k) for k in range(24)]


@pytest.mark.parametrize(
    ("texts", "groups"),
    [
        # 24 different reviews in one form: no copies of each other (were one group: the form is most of each text)
        (FORM, list(range(24))),
        # a review of the form copied with another opener in its answer: still one group with it
        ([*FORM, form(0, f"正直、{PROBLEMS[0]}{RESULTS[0]}と思います")], [*range(24), 0]),
        # free-text near-copies among the form's reviews still group
        ([*FORM[:12], f"正直、{CORE}。", f"{CORE}と思います。", OTHER], [*range(12), 12, 12, 14]),
        # texts that are all form are compared whole: the same unfilled form twice is one group
        ([*FORM[:12], *[f"【良かった点】{GOOD}【悪かった点】"] * 2], [*range(12), 12, 12]),
        # fewer texts than a form needs: one review with six openers and closers is one group, not a form
        ([f"{o}{CORE}{c}" for o in ("正直、", "率直に、", "") for c in ("と思います。", "。以上です。")], [0] * 6),
    ],
    ids=["form", "copy-in-form", "free-copies-among-form", "blank-form", "few-copies"],
)
def test_a_form_s_fixed_parts_make_no_copies_and_real_copies_still_group(texts, groups):
    assert copy_groups(texts) == groups


def test_the_fixed_parts_of_a_form_are_the_grams_of_half_the_texts_and_of_enough_of_them():
    sets = [frozenset({"共通", f"固有{k}"}) | ({"半数"} if k % 2 else set()) for k in range(20)]
    assert form_grams(sets) == {"共通", "半数"}
    assert form_grams(sets[:9]) == frozenset()  # in 9 texts at most: no form
    assert form_grams(sets, share=0.6) == {"共通"}


def test_copy_groups_of_no_text():
    assert copy_groups([]) == [] and near_copies([]) == []


ANSWERS = ["転職したため", "手数料が高い", "案件が少ない", "単価が低い", "時間がない", "体調不良", "引っ越し"]
ANSWERS += ["他社に移った", "連絡が遅い", "特になし"]


def survey(answer: str) -> str:
    """Return an exit survey's form with *answer* filled in: the rest is the same in every row."""
    return (
        f"【退会アンケート】ご利用期間：1年以上\n退会理由：{answer}\n"
        "今後の参考にさせていただきます。ご協力ありがとうございました。"
    )


SURVEY = [survey(a) for a in ANSWERS]
REVIEW = "手数料が高すぎて、毎月の売上から二割も引かれてしまうので、もう続けられないと思ってやめました"


@pytest.mark.parametrize(
    ("texts", "groups"),
    [
        # ten different answers filled into one form: no near-duplicates (7 were, the form being most of each text)
        (SURVEY, list(range(10))),
        # a row of the form twice with one character more is still one group, and so is an answer edited
        ([*SURVEY, SURVEY[0] + "!"], [*range(10), 0]),
        ([*SURVEY, survey("転職したためです")], [*range(10), 0]),
        # one review with a changed word, among the form's rows: still one group
        ([*SURVEY, REVIEW, REVIEW.replace("二割", "３割"), OTHER], [*range(10), 10, 10, 12]),
        # without a form (fewer than FORM_ROWS rows): near-duplicates as before
        ([REVIEW, REVIEW.replace("二割", "３割"), REVIEW + "。", OTHER], [0, 0, 0, 3]),
        # texts that are all form are compared whole: the blank form twice is one group
        ([*SURVEY, survey(""), survey("") + " "], [*range(10), 10, 10]),
    ],
    ids=["form", "copy-in-form", "answer-edited", "review-among-form", "no-form", "blank-form"],
)
def test_near_duplicate_groups_leave_out_a_form_s_fixed_parts(texts, groups):
    assert duplicate_groups(texts) == groups


def test_near_duplicates_leave_out_a_form_only_when_asked():
    assert len(near_duplicates(SURVEY)) > 0  # the corpus build's check: whole texts, as before
    assert near_duplicates(SURVEY, form=0.5) == []


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("クライアントから修正を十回以上求められた", "クライアントから修正を10回以上求められた（誤字修正）", True),
        ("クライアントから修正を十回以上求められた", "子どもが生まれて時間がなくなった", False),
        ("手数料が高い", "手数料が高い", True),
    ],
)
def test_edited_tells_one_text_edited_from_another_text(a, b, one):
    assert edited(a, b) is one
