"""The same-text key: a review copied through CP932 (Excel on Japanese Windows) is the same review."""

import csv
import sys
import unicodedata
from pathlib import Path

import pytest

from taikai.text import (
    CP932_FOLD,
    CP932_ROUND_TRIP,
    check_text,
    cp932_fold_table,
    near_text_key,
    normalize,
    same_text_key,
)
from taikai.text._same import CP932_FOLDS_OF_VERSION, cp932_folded


def _round_trip(text: str) -> str:
    return text.encode("cp932", errors="replace").decode("cp932")


@pytest.mark.parametrize(
    "text",
    [
        "月3〜5件しか来ない",  # 〜 U+301C becomes ～ U+FF5E
        "手取りは−20%になった",  # − U+2212 becomes － U+FF0D
        "単価‖手数料の話",  # ‖ U+2016 becomes ∥ U+2225
        "¢と£と¬の手数料",  # become ￠ ￡ ￢, which NFKC folds back
    ],
)
def test_a_cp932_copy_has_the_same_key(text):
    copy = _round_trip(text)
    assert copy != text
    assert same_text_key(check_text(copy).text) == same_text_key(check_text(text).text)


def test_every_character_python_cp932_changes_is_folded():
    """Every character that Python's cp932 codec writes back as another one that NFKC does not merge with it."""
    changed = {}
    for code in range(0x10000):
        ch = chr(code)
        try:
            back = ch.encode("cp932").decode("cp932")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if back != ch and normalize(ch) != normalize(back):
            changed[ch] = back
    assert set(changed) == {"〜", "−", "‖"}
    for ch, back in changed.items():
        assert same_text_key(normalize(ch)) == same_text_key(normalize(back))
    assert set(CP932_ROUND_TRIP) >= set(changed)


def test_the_fold_leaves_the_model_text_alone():
    text = "月3〜5件"
    assert check_text(text).text == unicodedata.normalize("NFKC", text)  # the model still sees 〜
    assert same_text_key(check_text(text).text) == "月3~5件"


def test_the_fold_of_new_models_is_the_key_s_and_a_recorded_version_never_changes():
    assert CP932_FOLDS_OF_VERSION[CP932_FOLD] == CP932_ROUND_TRIP
    # version 1 as models record it: a change to the table is a new version, not an edit of this one
    assert CP932_FOLDS_OF_VERSION[1] == {"\u301c": "~", "\u2212": "-", "\u2016": "\u2225", "\u2014": "\u2015"}
    assert cp932_fold_table(0) is None
    assert all(len(k) == len(v) == 1 for k, v in CP932_FOLDS_OF_VERSION[1].items())  # offsets stay
    assert not set(CP932_FOLDS_OF_VERSION[1]) & set(CP932_FOLDS_OF_VERSION[1].values())  # folded text stays folded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("月3〜5件、−20%、単価‖手数料、報酬—手数料〜", "月3~5件、-20%、単価∥手数料、報酬―手数料~"),
        ("月3~5件", "月3~5件"),
        ("", ""),
    ],
)
def test_cp932_folded_writes_each_look_alike_as_its_fold(text, expected):
    table = cp932_fold_table(1)
    assert table is not None
    assert cp932_folded(text, table) == expected
    assert cp932_folded(text, table) == text.translate(str.maketrans(dict(table)))


def _near_key_by_category(normalized: str) -> str:
    """near_text_key as first written (a category call per character): what the patterns must give, key for key."""
    return "".join(c for c in same_text_key(normalized) if unicodedata.category(c)[0] not in "PZ")


def _corpus_texts() -> list[str]:
    with open(Path(__file__).parents[2] / "data" / "reviews.csv", encoding="utf-8", newline="") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    return [variant for t in texts for variant in (t, normalize(t), check_text(t).text)]


def _astral_texts() -> list[str]:
    """Each character beyond the BMP that is punctuation or a space, and an emoji (a symbol), in a review."""
    astral = [chr(c) for c in range(0x10000, sys.maxunicode + 1) if unicodedata.category(chr(c))[0] in "PSZ"]
    return [f"手数料が{c}高い。{c}" for c in astral]


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(lambda: ["".join(map(chr, range(sys.maxunicode + 1)))], id="every code point in one text"),
        pytest.param(lambda: [chr(c) for c in range(0x10000)], id="each BMP character alone"),
        pytest.param(_astral_texts, id="each P, S or Z character beyond the BMP in a review"),
        pytest.param(_corpus_texts, id="data/reviews.csv, as written, normalised, checked"),
        pytest.param(lambda: ["", "。", "、 ,", "★〒", "a\u3000b\u2028c", "𝐀\U00011441\U000e0020"], id="edges"),
    ],
)
def test_the_near_copy_key_drops_the_characters_of_categories_p_and_z(texts):
    """The key made by two patterns (h428: a sixth of the time) is the key made by a category call per character."""
    for text in texts():
        assert near_text_key(text) == _near_key_by_category(text), text
