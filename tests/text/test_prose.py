"""Columns of prose: the likely column of reviews, named when a frame lacks the text column asked for."""

import pandas as pd
import pytest

import taikai
from taikai import analysis
from taikai.text import frame_reviews, reviews_told

REVIEWS = [f"手数料が高すぎて、{n}件目で続けられなくなりました。" for n in range(6)]
HINT = "; '本文' reads as reviews: text_column='本文' (--text-column '本文' on the command line)"


def _dump() -> pd.DataFrame:
    """A dump as an analyst has it in a notebook: its reviews in 本文, not in a column named text."""
    return pd.DataFrame({"本文": REVIEWS, "platform": ["a", "b"] * 3}, index=pd.Index(range(10, 16), name="review_id"))


def _classified(model) -> pd.DataFrame:
    return model.predict_frame(_dump(), text_column="本文")


@pytest.mark.parametrize(
    ("call", "told"),
    [
        # regression: predict_frame, check_drift of a frame, distinctive_words and the tables of reviews said only
        # "no column 'text'" where the report, suggest and evaluate named 本文, which reads as reviews
        pytest.param(lambda model: model.predict_frame(_dump()), HINT, id="predict_frame"),
        pytest.param(lambda model: taikai.check_drift(_classified(model), model), HINT, id="check_drift"),
        pytest.param(
            lambda model: taikai.distinctive_words(_classified(model)),
            "; '本文' reads as reviews: text_column='本文'",
            id="distinctive_words",
        ),
        pytest.param(lambda model: analysis.least_confident(_classified(model)), HINT, id="least_confident"),
        pytest.param(
            lambda model: analysis.representative_reviews(_classified(model)), HINT, id="representative_reviews"
        ),
        pytest.param(lambda model: taikai.suggest(_classified(model), n=2), HINT, id="suggest"),  # as before
    ],
)
def test_a_frame_without_the_text_column_names_its_reviews(tiny_model, call, told):
    with pytest.raises(taikai.InputError, match=r"no column 'text'; ") as raised:
        call(tiny_model)
    assert str(raised.value).endswith(told)


@pytest.mark.parametrize(
    ("frame", "name", "told"),
    [
        (pd.DataFrame({"本文": REVIEWS}), "text", HINT),
        (pd.DataFrame({"本文": REVIEWS, "text": REVIEWS}), "text", ""),  # there: nothing to say
        (pd.DataFrame({3: REVIEWS}), "3", ""),  # 3 written as "3" is the column, as find_column finds it
        (
            pd.DataFrame({3: REVIEWS}),
            "text",
            "; '3' reads as reviews: text_column='3' (--text-column 3 on the command line)",
        ),
        (pd.DataFrame({"memo": ["要確認。"] * 6, "id": range(6)}), "text", ""),  # stock phrases are no reviews
        (pd.DataFrame({("a", "本文"): REVIEWS}), "text", ""),  # a tuple names it: no "('a', '本文')" to copy
    ],
)
def test_reviews_told(frame, name, told):
    assert reviews_told(frame, name) == told


def test_frame_reviews_keeps_the_frame_order():
    frame = pd.DataFrame({"id": range(6), "感想": REVIEWS, "本文": [r + "本当に" for r in REVIEWS]})
    assert frame_reviews(frame) == ["感想", "本文"]
