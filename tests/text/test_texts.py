"""The text transformers and helpers refuse a bare str (as scikit-learn's vectorizers do) instead of reading it
character by character, and name the position of an item that is not a str instead of a raw error from deep
inside (unicodedata, fugashi)."""

import pandas as pd
import pytest

from taikai.text import JapaneseTokenizer, TextNormalizer, content_words, same_text_key

SINGLE_STR = r"must be an iterable of texts \(a list, a pandas Series, …\), not a single str \(iterable over raw text"
WRAP = r"documents expected, string object received\): wrap the text in a list, \['本業が忙しい'\]$"
FILL = r"must be a str \(fill or drop missing values first, e.g. with Series.fillna\(''\)\)"

TRANSFORMS = {
    "normalizer": lambda x: TextNormalizer().transform(x),
    "tokenizer surface": lambda x: JapaneseTokenizer().transform(x),
    "tokenizer base": lambda x: JapaneseTokenizer(form="base").transform(x),
    "content_words": content_words,
}
NAMES = {"normalizer": "X", "tokenizer surface": "X", "tokenizer base": "X", "content_words": "texts"}


@pytest.mark.parametrize("name", TRANSFORMS)
def test_a_bare_str_is_refused(name):
    with pytest.raises(ValueError, match=f"^{NAMES[name]} {SINGLE_STR} {WRAP}"):
        TRANSFORMS[name]("本業が忙しい")


@pytest.mark.parametrize("name", TRANSFORMS)
@pytest.mark.parametrize(
    ("texts", "position", "given"),
    [
        (lambda: ["本業", None], 1, "None"),
        (lambda: pd.Series(["本業", "時間", 5], index=[10, 11, 12]), 2, "int 5"),  # the position, not the label
        (lambda: iter(["本業", float("nan")]), 1, "float nan"),  # a one-shot iterator is read again to find it
        (lambda: [b"\xe6\x89\x8b"], 0, r"bytes b'\\xe6\\x89\\x8b'"),
    ],
    ids=["None in a list", "int in a Series", "NaN in an iterator", "bytes"],
)
def test_an_item_that_is_not_a_str_is_named(name, texts, position, given):
    expected = f"^item {position} of {NAMES[name]} \\(counted from 0\\) {FILL}, not {given}$"
    with pytest.raises(TypeError, match=expected):
        TRANSFORMS[name](texts())


@pytest.mark.parametrize("name", TRANSFORMS)
def test_not_an_iterable_is_refused(name):
    with pytest.raises(
        TypeError, match=rf"^{NAMES[name]} must be an iterable of texts \(a list, a pandas Series, …\), not int 5$"
    ):
        TRANSFORMS[name](5)


@pytest.mark.parametrize("name", TRANSFORMS)
def test_a_one_shot_iterator_of_texts_still_works(name):
    assert TRANSFORMS[name](iter(["手数料が高い"])) == TRANSFORMS[name](["手数料が高い"])


@pytest.mark.parametrize(("value", "given"), [(None, "None"), (5, "int 5"), (b"abc", "bytes b'abc'")])
def test_same_text_key_refuses_what_is_not_a_str(value, given):
    with pytest.raises(
        TypeError, match=rf"^normalized must be a str \(a text normalised by check_text\), not {given}$"
    ):
        same_text_key(value)
