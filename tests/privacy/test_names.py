"""Person names (taikai.privacy._names): a name is masked whole, titles, platforms and self-introductions."""

import pytest

from taikai.privacy import PiiKind, mask_pii
from taikai.privacy._names import TITLES


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
