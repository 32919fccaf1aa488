"""Names and places are no new words under mask_pii: :class:`taikai.drift._hidden_words.HiddenWords`."""

from pathlib import Path

import numpy as np
import pytest

from taikai.drift import StatisticsBuilder
from taikai.drift._hidden_words import HiddenWords
from taikai.text import WordTagger

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"
NAMED = ("担当のキムラが高圧的で返金に応じない。", "ナカジマが返信してこない。", "渋谷区神南1-2-3まで来いと言われた。")


@pytest.mark.parametrize(
    ("text", "names", "units"),
    [
        ("担当のキムラが高圧的で返金に応じない。", {"キムラ"}, set()),  # 固有名詞-人名
        ("ナカジマが返信してこない。", {"ナカジマ"}, set()),  # 固有名詞-一般 in the text, a surname too
        ("渋谷区神南1-2-3まで来いと言われた。", {"渋谷", "神南"}, {"区"}),  # 固有名詞-地名, the unit after one
        ("東京都港区に住んでいる", {"東京", "港"}, {"都", "区"}),
        ("グーグルで検索した", set(), set()),  # a proper noun the dictionary holds as no person
        ("大阪府市の対応が遅い", {"大阪"}, {"府", "市"}),  # a unit right after a unit after a place
        ("Zxqwvさんと連絡が取れない", set(), set()),  # an unknown word UniDic guesses as a name stays a word
        ("佐藤さんと森で撮影した", {"佐藤"}, set()),  # 森, tagged a common noun, is a surname too: it stays
        ("区役所の手続きが面倒", set(), set()),  # no place before it: 区 stays a word
        ("渋谷に住んでいたが、区の手続きが面倒", {"渋谷"}, set()),  # a place earlier, not right before it
        ("手数料が高い", set(), set()),
    ],
)
def test_names_places_and_address_units_of_a_text(text, names, units):
    assert HiddenWords().of(text) == (frozenset(names), frozenset(units))


@pytest.mark.parametrize(
    ("mask_pii", "text", "words"),
    [
        (False, "担当のキムラが高圧的で返金に応じない。", {"担当", "キムラ", "高圧的", "返金", "応ずる"}),
        (True, "担当のキムラが高圧的で返金に応じない。", {"担当", "高圧的", "返金", "応ずる"}),
        (True, "ナカジマが返信してこない。", {"返信", "する"}),  # くる leans on て: no content word
        (True, "渋谷区神南1-2-3まで来いと言われた。", {"来る", "言う"}),
        (True, "区役所に行った", {"区", "役所", "行く"}),  # no place before 区: it stays
        (True, "グーグルで検索した", {"グーグル", "検索", "する"}),
        (True, "佐藤さんと渋谷区で会った", {"会う"}),  # a name with a suffix is a content word of its own
    ],
)
def test_a_builder_for_mask_pii_counts_no_name_or_place(tiny_model, mask_pii, text, words):
    """Regression: drift --mask-pii listed キムラ, ナカジマ, 渋谷, 区 and 神南 among its new words."""
    builder = StatisticsBuilder.for_model(tiny_model, "t", mask_pii)
    proba = np.array([[1.0] + [0.0] * (len(tiny_model.reason_labels) - 1)])
    rows = builder.measure([text], None, proba, np.empty((1, 0)))
    assert set(rows[0].words) == words
    assert (builder.child("period").hidden is None) is (builder.hidden is None) is not mask_pii


def test_a_plain_builder_hides_nothing():
    builder = StatisticsBuilder("t", ["a"], [], None, WordTagger("base"))
    rows = builder.measure(["佐藤さんと渋谷区で会った"], None, np.array([[1.0]]), np.empty((1, 0)))
    assert {"佐藤さん", "渋谷", "区"} <= set(rows[0].words)


@pytest.mark.parametrize(("mask_pii", "listed"), [(False, True), (True, False)])
def test_check_drift_with_mask_pii_lists_no_name_among_new_words(tiny_model, mask_pii, listed):
    """The Python API as the CLI: check_drift(frame, mask_pii=True) lists no name or place as a new word."""
    import pandas as pd

    from taikai.drift import check_drift

    frame = pd.read_csv(HOTELS)
    named = (
        "担当のキムラが高圧的で返金に応じない。",
        "ナカジマが返信してこない。",
        "渋谷区神南1-2-3まで来いと言われた。",
    )
    frame["text"] = [t + named[i % 3] for i, t in enumerate(frame["text"])]
    new = {w.word for w in check_drift(frame, tiny_model, mask_pii=mask_pii).overall.new_words}
    assert "返金" in new
    assert ({"キムラ", "ナカジマ", "渋谷", "神南", "区"} <= new) is listed
    assert not (new & {"キムラ", "ナカジマ", "渋谷", "神南", "区"}) or not mask_pii
