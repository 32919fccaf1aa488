"""The report's words: one count takes the singular in English (``{n|review|reviews}``); Japanese is unchanged."""

import re
from dataclasses import fields

import pandas as pd
import pytest

from taikai.analysis import build_report
from taikai.analysis._report._i18n import EN, JA, fill


@pytest.mark.parametrize(
    ("template", "values", "expected"),
    [
        ("{n} {n|review|reviews}", {"n": "1"}, "1 review"),
        ("{n} {n|review|reviews}", {"n": 1}, "1 review"),
        ("{n} {n|review|reviews}", {"n": "0"}, "0 reviews"),
        ("{n} {n|review|reviews}", {"n": "2"}, "2 reviews"),
        ("{n} {n|review|reviews}", {"n": "1,001"}, "1,001 reviews"),
        ("{a} of {b} {b|row|rows} {a|was|were} left", {"a": "1", "b": "3"}, "1 of 3 rows was left"),
        ("{a} of {b} {b|row|rows} {a|was|were} left", {"a": "2", "b": "1"}, "2 of 1 row were left"),
        ("{n} 件", {"n": "1"}, "1 件"),
    ],
)
def test_fill_chooses_singular_or_plural_by_the_count(template, values, expected):
    assert fill(template, **values) == expected


COUNT_NOUN = re.compile(r"\{\w+\} (?:classified )?(?:reviews|rows|comparisons|lines)\b")


@pytest.mark.parametrize("name", [f.name for f in fields(EN) if isinstance(getattr(EN, f.name), str)])
def test_no_english_count_is_always_plural(name):
    assert not COUNT_NOUN.search(getattr(EN, name)), getattr(EN, name)


@pytest.mark.parametrize("name", [f.name for f in fields(JA) if isinstance(getattr(JA, f.name), str)])
def test_japanese_templates_have_no_plural_choice(name):
    assert not re.search(r"\{\w+\|", getattr(JA, name)), getattr(JA, name)


@pytest.mark.parametrize(
    ("lang", "texts", "said"),
    [
        ("en", ["手数料が高すぎて続けられない"], ["1 row ·", "1 of 1 review (100.0%) was classified.", ": 1 review ("]),
        (
            "en",
            ["手数料が高すぎて続けられない", "手数料が高い"],
            ["2 rows ·", "2 of 2 reviews (100.0%) were classified."],
        ),
        ("en", ["手数料が高すぎて続けられない", ""], ["1 of 2 rows was not classified", "1 classified review."]),
        ("ja", ["手数料が高すぎて続けられない"], ["1 行", "1 件のうち 1 件 (100.0%) を分類しました。"]),
    ],
)
def test_report_counts_agree_with_their_nouns(tiny_model, lang, texts, said):
    frame = tiny_model.predict_frame(pd.DataFrame({"text": texts}))
    page = build_report(frame, lang=lang, embed_font=False, charts=False, drift=False)
    for words in said:
        assert words in page, words
