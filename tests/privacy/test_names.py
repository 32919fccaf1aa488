"""Person names (taikai.privacy._names): a name is masked whole, titles, platforms and self-introductions."""

import pytest

from taikai.privacy import PiiKind, mask_pii
from taikai.privacy._names import TITLES
from taikai.privacy._not_names import NOT_NAMES


def masked(text: str) -> str:
    result = mask_pii(text)
    assert mask_pii(result.text).text == result.text  # masking masked text changes nothing
    return result.text


SURNAMES = ["田中", "山田", "佐藤", "鈴木", "高橋"]
# The titles docs/privacy.md lists, as written there.
DOCUMENTED_TITLES = ["社長", "会長", "部長", "課長", "係長", "店長", "専務", "常務", "所長", "室長", "院長", "編集長"]


def test_the_documented_titles_are_the_titles():
    assert set(DOCUMENTED_TITLES) == TITLES


@pytest.mark.parametrize("title", DOCUMENTED_TITLES)
@pytest.mark.parametrize("surname", SURNAMES)
def test_every_documented_title_takes_a_surname(surname, title):
    # 係長 (係 + 長) and 編集長 (編集 + 長) are two words to UniDic: they were never masked.
    text = f"{surname}{title}に言われた"
    result = mask_pii(text)
    assert result.text == f"[人名]{title}に言われた"
    assert [(s.kind, text[s.start : s.end]) for s in result.spans] == [(PiiKind.NAME, surname)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("田中編集長には3年間お世話になりました。", "[人名]編集長には3年間お世話になりました。"),
        ("会社の係長に言われた", "会社の係長に言われた"),
        ("副編集長に言われた", "副編集長に言われた"),
        ("編集長に言われた", "編集長に言われた"),
    ],
)
def test_titles_of_two_words(text, expected):
    assert masked(text) == expected


PLATFORMS = [
    # the corpus's platforms and nicknames (data/GUIDELINES.md), and the services freelancers move to
    *("クラワ", "ランサ", "サグーワークス", "シノビライティング", "ストアカ", "タイムチケット", "MENTA", "Sagooo"),
    *("ラクマ", "ペイペイ", "タイミー", "Timee", "Uber", "Uber Eats", "ウーバーイーツ", "ウォルト", "Wolt"),
    *("ミンネ", "ジモティー", "レバテック", "楽天"),
]
FRAMES = ["{}さんで修正9回目", "昨日{}さんから連絡", "{}さんで記事を書いてます", "{}様、お世話になりました", "{}さん"]


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_platform_or_service_is_never_masked(platform, frame):
    text = frame.format(platform)
    assert masked(text) == text


def test_the_platforms_of_the_brief_are_on_the_stop_list():
    for name in ("クラワ", "サグーワークス", "ラクマ", "ペイペイ", "タイミー", "ストアカ", "uber", "メルカリ"):
        assert name in NOT_NAMES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # UniDic reads platforms joined by ・ as one unknown word, a person's name to its guess.
        ("ランサーズ・ココナラさん", "ランサーズ・ココナラさん"),
        ("ランサーズ・クラウドワークス・ココナラさん", "ランサーズ・クラウドワークス・ココナラさん"),
    ],
)
def test_platforms_joined_by_a_middle_dot_stay(text, expected):
    assert masked(text) == expected
