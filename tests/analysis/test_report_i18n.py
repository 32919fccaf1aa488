"""The report's words: one count takes the singular in English (``{n|review|reviews}``); Japanese is unchanged."""

import html
import re
from dataclasses import fields

import pandas as pd
import pytest

import taikai
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


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "を分類しました。最も多い退会理由は「手数料が高い」で 1 件 (100.0%)。感情: "),
        ("en", "1 of 1 review (100.0%) was classified. The most frequent reason is 'High fees': 1 review (100.0%). "),
    ],
)
def test_the_summary_joins_its_sentences_as_the_language_writes_them(tiny_model, lang, said):
    """Regression: the Japanese summary read "を分類しました。 最も多い…。 感情: …", a space after each 。 as
    English puts one after its full stop."""
    frame = tiny_model.predict_frame(pd.DataFrame({"text": ["手数料が高すぎて続けられない"]}))
    frame["reason"] = "fees"  # whatever the tiny model says: the sentence is the point
    page = html.unescape(build_report(frame, lang=lang, embed_font=False, charts=False, drift=False))
    assert said in page and "。 " not in page.split('<section id="summary">')[1].split("</p>")[0]


TOPICS = {"low_pay": "スポーツ", "fees": "家電", "rejection": "映画", "time": "美容"}  # the rest are left as they are


@pytest.mark.parametrize(
    ("own", "lang", "heading", "churn"),
    [
        (None, "ja", "退会理由レポート", "退会理由"),  # the churn taxonomy
        (None, "en", "Churn reasons report", "Churn"),
        (TOPICS, "ja", "理由レポート", "退会理由"),  # news topics of one's own
        (TOPICS, "en", "Reasons report", "Churn"),
        ({}, "ja", "理由レポート", "退会理由"),  # labels of one's own spelt as taxonomy ids (--free-labels)
    ],
    ids=["taxonomy-ja", "taxonomy-en", "own-ja", "own-en", "own-as-ids-ja"],
)
def test_a_model_of_labels_of_its_own_gets_a_page_without_the_churn_words(tiny_csv, own, lang, heading, churn):
    """Regression: the report of a model trained with --free-labels on news topics was headed 退会理由レポート
    ("Churn reasons report") and said 最も多い退会理由は「スポーツ」."""
    data = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    if own is not None:
        data["reasons"] = data["reasons"].replace(own, regex=False)
    config = taikai.FeatureConfig()
    model = taikai.train(data, folds=0, test_size=0, config=config, free_labels=own is not None)
    page = build_report(model.predict_frame(data[["text"]]), lang=lang, embed_font=False, charts=False, drift=False)
    assert f"<h1>{heading}</h1>" in page
    assert (churn in page) == (own is None)
