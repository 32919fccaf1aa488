"""The report's drift section: figures and periods from a predictions frame, or a note saying why there are none."""

from pathlib import Path

import pandas as pd
import pytest

from taikai.analysis import build_report, drift_section
from taikai.analysis._drift_section import NO_PROBABILITIES

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"


@pytest.fixture(scope="module")
def predictions(tiny_model) -> pd.DataFrame:
    return tiny_model.predict_frame(pd.read_csv(HOTELS))


def test_section_of_drifted_predictions(predictions, tiny_model):
    section = drift_section(predictions, tiny_model, date_column="posted_at", freq="W")
    assert section.alert is True and section.reasons
    assert section.figures is not None and section.figures.loc["token OOV rate", "verdict"] == "DRIFT"
    assert section.periods is not None and len(section.periods) == 5
    assert section.report is not None and section.report.predictions  # read from the columns, not reclassified


@pytest.mark.parametrize(
    ("drop", "model", "note"),
    [
        (True, "tiny", NO_PROBABILITIES),
        (False, None, "this model was trained before drift statistics were stored"),  # the shipped model, format 2
    ],
)
def test_section_says_why_it_cannot_check(predictions, tiny_model, drop, model, note):
    import taikai

    if model is None and taikai.load_model().metadata.drift is not None:
        pytest.skip("the shipped model has drift statistics")
    frame = predictions.drop(columns=[c for c in predictions.columns if c.startswith("p_")]) if drop else predictions
    section = drift_section(frame, tiny_model if model else None)
    assert section.alert is None and section.figures is None
    assert any(note in n for n in section.notes)


@pytest.mark.slow
def test_report_holds_the_drift_section(predictions, tiny_model):
    page = build_report(predictions, date_column="posted_at", model=tiny_model)
    assert '<section id="drift">' in page and "ドリフトあり (drift: yes)" in page
    assert "token OOV rate" in page and "2025-07" in page
    assert '<section id="drift">' not in build_report(predictions, model=tiny_model, drift=False)


@pytest.mark.parametrize(
    ("lang", "title", "note"),
    [
        ("ja", "ドリフト (学習データとの違い)", NO_PROBABILITIES),
        ("en", "Drift (against the training data)", "No probability"),
    ],
)
def test_section_speaks_the_page_language(predictions, tiny_model, lang, title, note):
    frame = predictions.drop(columns=[c for c in predictions.columns if c.startswith("p_")])
    section = drift_section(frame, tiny_model, lang=lang)
    assert section.title == title and section.notes[0].startswith(note)


@pytest.mark.parametrize(
    ("lang", "verdict"),
    [
        ("ja", "判定できません: 分類できた行が少なすぎます (drift: not judged; too few classifiable rows: 0 of 3"),
        ("en", "Not judged: too few rows could be classified (drift: not judged; too few classifiable rows: 0 of 3"),
    ],
)
def test_section_of_too_few_rows_says_not_judged(predictions, tiny_model, lang, verdict):
    """Regression: a dump in which no figure could be judged was shown as "no drift"."""
    frame = predictions.head(3).assign(text="hello world")
    frame = tiny_model.predict_frame(frame[["text"]])
    section = drift_section(frame, tiny_model, lang=lang)
    assert section.notes[0].startswith(verdict) and section.alert is False
