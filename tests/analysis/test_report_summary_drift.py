"""The report's summary says the drift verdict in one line, in the drift section's words (analysis/_report/_summary.py):
the summary is the first screen a forwarded page's reader sees, and the drift section is the last."""

import html
import re
from pathlib import Path

import pandas as pd
import pytest

from taikai.analysis import build_report

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews_katakana.csv"
"""Hotel reviews with their hiragana in katakana: clearly drifted for the tiny model (as in test_drift_section.py)."""


@pytest.fixture(scope="module")
def frames(tiny_model, tiny_csv) -> dict[str, pd.DataFrame]:
    """Predictions of the tiny model for each verdict: drifted, its own training text, and too few rows to judge."""
    three = pd.DataFrame({"text": ["hello world", "good morning", "see you"]})
    return {
        "yes": tiny_model.predict_frame(pd.read_csv(HOTELS)),
        "no": tiny_model.predict_frame(pd.read_csv(tiny_csv)[["text"]]),
        "not judged": tiny_model.predict_frame(three),
    }


def _summary(page: str) -> list[str]:
    """Return the paragraphs of the page's summary section, as text."""
    found = re.search(r'<section id="summary">(.*?)</section>', page, re.S)
    assert found is not None
    return [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", found.group(1), re.S)]


def _page(frame: pd.DataFrame, model: object, lang: str, drift: bool = True) -> str:
    return build_report(frame, model=model, lang=lang, drift=drift, charts=False, embed_font=False)


@pytest.mark.parametrize(
    ("verdict", "lang", "said"),
    [
        (
            "yes",
            "en",
            "Drift found (drift: yes): this input, or part of it, differs from the model's training data, so the "
            "reasons and sentiments on this page may be less accurate than when the model was tested; the last "
            "section, 'Drift (against the training data)', says how and where.",
        ),
        (
            "yes",
            "ja",
            "ドリフトあり: この入力 (またはその一部) はモデルの学習データと違うため、このページの理由と感情はモデルの"
            "テスト時より不正確な可能性があります。どう違い、どこが違うかは、ページ最後の"
            "「ドリフト (学習データとの違い)」にあります。",
        ),
        ("no", "en", "No drift found (drift: no) against the model's training data."),
        ("no", "ja", "ドリフトなし (モデルの学習データと比べて)。"),
        (
            "not judged",
            "en",
            "Not judged: too few rows could be classified (drift: not judged; too few classifiable rows: 0 of 3 rows "
            "classified; at least 30 are needed). Whether this input is like the model's training data is not known "
            "(the last section, 'Drift (against the training data)').",
        ),
        (
            "not judged",
            "ja",
            "ドリフト: 判定できません: 分類できた行が少なすぎます (3 行のうち分類できたのは 0 行、判定には 30 行以上が"
            "必要)。この入力がモデルの学習データと似ているかは分かりません "
            "(ページ最後の「ドリフト (学習データとの違い)」)。",
        ),
    ],
)
def test_the_summary_says_the_drift_verdict(frames, tiny_model, verdict, lang, said):
    """Regression: the summary never said the verdict, even of a page whose drift section found drift (a model of
    churn reviews on news text: drift: yes, OOV 35.8 %); the reader forwarded the page read the figures as sound."""
    page = _page(frames[verdict], tiny_model, lang)
    overview, *rest = _summary(page)
    assert rest[0] == said
    # the verdict as the drift section says it, and the page's numbers as without that section
    drift = re.search(r'<section id="drift">.*?<p[^>]*>(.*?)(?:\. Reference: |。基準: )', page, re.S)
    assert drift is not None and html.unescape(drift.group(1)) in said
    assert overview == _summary(_page(frames[verdict], tiny_model, lang, drift=False))[0]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "Drift cannot be checked, so whether this input is like the model's training data is not known (the last "
            "section, 'Drift (against the training data)', says why).",
        ),
        (
            "ja",
            "ドリフトを確認できません。この入力がモデルの学習データと似ているかは分かりません (理由はページ最後の"
            "「ドリフト (学習データとの違い)」にあります)。",
        ),
    ],
)
def test_the_summary_says_when_drift_could_not_be_checked(frames, format_2_model_dir, lang, said):
    """A model without drift statistics: the drift section says why nothing was checked, the summary that it was
    not (not silence, which read as no drift)."""
    assert said in _summary(_page(frames["no"], format_2_model_dir, lang))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_page_without_a_drift_section_says_nothing_of_drift(frames, tiny_model, lang):
    summary = _summary(_page(frames["yes"], tiny_model, lang, drift=False))
    assert not [p for p in summary if re.search("(?i)drift|ドリフト", p)]
