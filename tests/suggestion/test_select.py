"""Choosing rows: uncertainty scores, the allocation rule, near-duplicates counted once."""

import numpy as np
import pytest

from taikai.suggestion import Strategy, allocate, select, uncertainty
from taikai.suggestion._select import random_scores


@pytest.mark.parametrize(
    ("proba", "strategy", "expected"),
    [
        ([[0.5, 0.5, 0.0]], Strategy.MARGIN, [1.0]),  # a tie: as unsure as it gets
        ([[1.0, 0.0, 0.0]], Strategy.MARGIN, [0.0]),
        ([[0.6, 0.3, 0.1]], Strategy.MARGIN, [0.7]),
        ([[1 / 3, 1 / 3, 1 / 3]], Strategy.ENTROPY, [1.0]),  # uniform: maximal entropy
        ([[1.0, 0.0, 0.0]], Strategy.ENTROPY, [0.0]),
        ([[0.5, 0.5, 0.0]], Strategy.ENTROPY, [np.log(2) / np.log(3)]),
        ([[1.0], [1.0]], Strategy.ENTROPY, [0.0, 0.0]),  # one reason: nothing to be unsure of (not 0/0, NaN)
        ([[1.0], [1.0]], Strategy.MARGIN, [0.0, 0.0]),
    ],
)
def test_uncertainty(proba, strategy, expected):
    np.testing.assert_allclose(uncertainty(np.array(proba), strategy), expected, atol=1e-9)


def test_margin_and_entropy_rank_differently():
    proba = np.array([[0.45, 0.45, 0.05, 0.05], [0.3, 0.25, 0.25, 0.2]])
    assert uncertainty(proba, Strategy.MARGIN).argmax() == 0  # the closest top two
    assert uncertainty(proba, Strategy.ENTROPY).argmax() == 1  # the flattest row


@pytest.mark.parametrize(
    ("available", "n", "expected"),
    [
        ({"a": 10, "b": 10, "c": 10}, 9, {"a": 3, "b": 3, "c": 3}),  # equal shares
        ({"a": 1, "b": 10, "c": 10}, 9, {"a": 1, "b": 4, "c": 4}),  # a is short: its spare slots are shared
        ({"a": 1, "b": 2, "c": 10}, 9, {"a": 1, "b": 2, "c": 6}),  # twice
        ({"a": 2, "b": 2}, 9, {"a": 2, "b": 2}),  # never more than there is
        ({"a": 5, "b": 5}, 0, {"a": 0, "b": 0}),
        ({"a": 0, "b": 5}, 3, {"a": 0, "b": 3}),
        ({"a": 3, "b": 3, "c": 10}, 11, {"a": 3, "b": 3, "c": 5}),  # a and b have just their share: c takes the rest
    ],
)
def test_allocate_shares_slots_equally_and_passes_on_spare_ones(available, n, expected):
    scores = {r: [0.5] * k for r, k in available.items()}
    assert allocate(scores, n) == expected


def test_allocate_gives_the_remainder_to_the_most_uncertain_next_candidates():
    scores = {"a": [0.9, 0.2], "b": [0.8, 0.7], "c": [0.95, 0.6]}
    assert allocate(scores, 5) == {"a": 1, "b": 2, "c": 2}  # after 1 each: b's 0.7 and c's 0.6 beat a's 0.2


def test_select_spreads_over_reasons_most_uncertain_first():
    texts = [f"テキスト番号{i}はまったく別の内容です{'あいうえおかきくけこ'[i % 10] * 5}{i}" for i in range(30)]
    reasons = ["a"] * 20 + ["b"] * 10
    scores = np.linspace(1, 0, 30)  # every "a" row is more uncertain than every "b" row
    chosen = select(texts, reasons, scores, 6)
    assert sorted(reasons[i] for i in chosen.picked) == ["a", "a", "a", "b", "b", "b"]
    assert chosen.picked == sorted(chosen.picked)  # in order of uncertainty: first row first
    unspread = select(texts, reasons, scores, 6, spread=False)
    assert unspread.picked == [0, 1, 2, 3, 4, 5]


def test_select_counts_repeats_and_near_duplicates_once():
    base = "手数料が高すぎて、毎月の売上から二割も引かれてしまうのでやめました"
    texts = [base, base, base + "。", "本業が忙しくなって時間がなくなりました", "詐欺みたいな案件に当たって怖くなった"]
    chosen = select(texts, ["fees", "fees", "fees", "time", "trouble"], np.array([0.9, 0.8, 0.85, 0.5, 0.4]), 3)
    assert chosen.picked == [0, 3, 4]
    assert chosen.similar == [2, 0, 0]  # row 0 stands for the exact repeat and the near-duplicate
    assert chosen.duplicates == 2


@pytest.mark.parametrize("near", [9, 17])
def test_select_widens_the_pool_as_often_as_near_duplicates_fill_it(near):
    # mutation audit: widened once only, the distinct row beyond the widened pool was never found
    texts = [f"同じ文章がずっと続いています、退会理由は手数料です{'!' * i}" for i in range(near)]
    texts.append("違う文章で退会理由は時間です")
    chosen = select(texts, ["fees"] * len(texts), np.linspace(1, 0.1, len(texts)), 2, spread=False)
    assert chosen.picked == [0, near]


def test_select_widens_the_pool_when_near_duplicates_fill_it():
    texts = ["同じ文章がずっと続いています、退会理由は手数料です"] * 9 + ["違う文章で退会理由は時間です"]
    texts = [t + "!" * (i % 2) for i, t in enumerate(texts)]  # near, not exact, duplicates
    chosen = select(texts, ["fees"] * 10, np.linspace(1, 0.1, 10), 2, spread=False)
    assert chosen.picked == [0, 9]


@pytest.mark.parametrize(
    ("excluded", "picked", "near_excluded"),
    [
        ((), [0, 3, 4], 0),
        # a near-duplicate of rows 0-2: the whole group goes, repeats counted
        (["手数料が高すぎて、毎月の売上から二割も引かれてしまうのでやめました!"], [3, 4], 3),
        (["まったく関係のない文章です"], [0, 3, 4], 0),
    ],
)
def test_select_leaves_out_near_duplicates_of_excluded_texts(excluded, picked, near_excluded):
    base = "手数料が高すぎて、毎月の売上から二割も引かれてしまうのでやめました"
    texts = [base, base, base + "。", "本業が忙しくなって時間がなくなりました", "詐欺みたいな案件に当たって怖くなった"]
    chosen = select(
        texts, ["fees"] * 3 + ["time", "trouble"], np.array([0.9, 0.8, 0.85, 0.5, 0.4]), 3, excluded=excluded
    )
    assert chosen.picked == picked
    assert chosen.near_excluded == near_excluded


def _texts(kind: str) -> list[str]:
    """Candidate texts of several shapes: distinct, exact repeats, near-duplicates (one character more), mixed."""
    distinct = [
        f"{i}件目:{'あかさたなはまやらわ'[i % 10] * 4}{'いきしちにひみりゐ'[i % 9] * 3}の話{i * 7}" for i in range(24)
    ]
    base = "手数料が高すぎて、毎月の売上から二割も引かれてしまうのでやめました"
    if kind == "distinct":
        return distinct
    if kind == "repeats":
        return [distinct[i % 5] for i in range(30)]
    if kind == "near":
        return [base + "!" * (i % 3) for i in range(12)] + distinct[:6]
    return [base] * 9 + [base + "。"] * 3 + [distinct[i % 7] for i in range(14)] + distinct[7:12]


EXCLUDED = ["手数料が高すぎて、毎月の売上から二割も引かれてしまうのでやめました!!", "0件目:ああああいいいの話0"]


@pytest.mark.parametrize("kind", ["distinct", "repeats", "near", "mixed"])
@pytest.mark.parametrize("n", [1, 4, 100])
@pytest.mark.parametrize("excluded", [(), EXCLUDED], ids=["no-exclude", "exclude"])
@pytest.mark.parametrize("spread", [True, False])
def test_every_candidate_is_counted_once(kind, n, excluded, spread):
    """Regression: near-duplicates of an excluded text were counted with their repeats among the duplicates too."""
    texts = _texts(kind)
    reasons = [("fees", "time", "trouble")[i % 3] for i in range(len(texts))]
    chosen = select(texts, reasons, random_scores(len(texts), seed=n), n, spread=spread, excluded=excluded)
    assert len(chosen.picked) + chosen.duplicates + chosen.near_excluded <= len(texts)
    assert len(chosen.picked) + chosen.duplicates + chosen.near_excluded + chosen.not_chosen == len(texts)
    assert len(chosen.similar) == len(chosen.picked) and min(chosen.similar, default=0) >= 0


def test_near_duplicates_of_an_excluded_text_and_their_repeats_count_once():
    base = "手数料が高すぎて、毎月の売上から二割も引かれてしまうのでやめました"
    texts = [base, base, base + "。", "本業が忙しくなって時間がなくなりました", "詐欺みたいな案件に当たって怖くなった"]
    chosen = select(texts, ["fees"] * 3 + ["time", "trouble"], np.array([0.9, 0.8, 0.85, 0.5, 0.4]), 3, excluded=[base])
    assert (chosen.picked, chosen.near_excluded, chosen.duplicates, chosen.not_chosen) == ([3, 4], 3, 0, 0)
