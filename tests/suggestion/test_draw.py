"""The random strategy's draw: every row as likely, every row drawn on the sheet, every row counted once."""

import numpy as np
import pytest

from taikai.suggestion._draw import draw
from taikai.suggestion._select import random_scores
from tests.suggestion.test_select import EXCLUDED, _texts


@pytest.mark.parametrize("kind", ["distinct", "repeats", "near", "mixed"])
@pytest.mark.parametrize("n", [1, 4, 100])
@pytest.mark.parametrize("excluded", [(), EXCLUDED], ids=["no-exclude", "exclude"])
def test_every_candidate_is_counted_once(kind, n, excluded):
    texts = _texts(kind)
    chosen = draw(texts, random_scores(len(texts), seed=n), n, excluded=excluded)
    assert len(chosen.picked) + chosen.duplicates + chosen.near_excluded + chosen.not_chosen == len(texts)
    assert len(chosen.picked) == min(n, len(texts) - chosen.near_excluded) and chosen.duplicates == 0


@pytest.mark.parametrize(("copies", "others", "n"), [(90, 10, 10), (20, 20, 8), (1, 30, 5)])
def test_random_draws_every_row_alike_so_a_common_text_is_drawn_in_proportion(copies, others, n):
    """Regression: random drew among groups of near-duplicates, a text filling 90% of the rows no likelier than one
    of a single row, and listed it once standing for all its copies; now each row is as likely, and every row drawn
    is on the sheet, standing for itself."""
    common = "同じ定型文のレビューがたくさん並んでいます、退会の理由は手数料です"
    texts = [common] * copies + _texts("distinct")[:others]
    drawn_common = []
    for seed in range(200):
        chosen = draw(texts, random_scores(len(texts), seed), n)
        assert len(chosen.picked) == len(set(chosen.picked)) == n and chosen.similar == [0] * n
        drawn_common.append(sum(texts[i] == common for i in chosen.picked))
    assert abs(np.mean(drawn_common) - n * copies / len(texts)) <= 0.05 * n


def test_a_text_drawn_again_comes_right_after_its_first_draw():
    texts = ["a同じ文章です", "b別の文章です", "a同じ文章です", "c三つ目の文章", "b別の文章です"]
    order = np.array([0.9, 0.8, 0.7, 0.6, 0.5])
    assert draw(texts, order, 5).picked == [0, 2, 1, 4, 3]


def test_a_near_duplicate_of_an_excluded_text_is_replaced_by_the_next_row_drawn():
    texts = _texts("near")  # 12 near-duplicates of EXCLUDED[0], then 6 distinct texts
    chosen = draw(texts, np.linspace(1, 0, len(texts)), 3, excluded=EXCLUDED[:1])  # drawn in order
    assert (chosen.picked, chosen.near_excluded, chosen.not_chosen) == ([12, 13, 14], 12, 3)


def test_the_rows_drawn_are_listed_in_the_order_drawn():
    texts = _texts("distinct")[:8]
    order = np.array([0.1, 0.9, 0.5, 0.7, 0.3, 0.2, 0.8, 0.4])
    assert draw(texts, order, 4).picked == [1, 6, 3, 2]


@pytest.mark.parametrize(
    "excluded", [(), ["まったく関係のない別の文章、退会の理由は時間です"]], ids=["no-exclude", "exclude"]
)
def test_near_duplicates_drawn_together_are_both_kept_whatever_is_excluded(excluded):
    """Only a near-duplicate of an excluded text is left out, not one of another row drawn (mutation audit: a
    mutant leaving out every drawn text near another drawn text, once anything was excluded, survived)."""
    base = "手数料が高すぎて、毎月の売上から二割も引かれてしまうのでやめました"
    texts = [base, base + "!", "本業が忙しくなって時間がなくなりました"]
    chosen = draw(texts, np.array([0.9, 0.8, 0.7]), 3, excluded=excluded)
    assert (chosen.picked, chosen.near_excluded, chosen.not_chosen) == ([0, 1, 2], 0, 0)
