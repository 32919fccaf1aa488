"""A column named to a public function that the frame holds as its index (``df.set_index("posted_at")``): the
error says it is the index and how to make it a column again, and that advice, followed, works (before: "no
column 'posted_at'; … give the right one to date_column=", naming a column the frame has as its index)."""

import re

import pandas as pd
import pytest

import taikai
from taikai import analysis
from taikai.errors import TEXT_COLUMN, InputError
from taikai.model import find_column

TEXTS = ["手数料が高すぎる", "時間がない", "単価が安い", "連絡が来ない"]


@pytest.fixture(scope="module")
def predictions(tiny_model):
    dump = pd.DataFrame(
        {
            "review_id": ["r1", "r2", "r3", "r4"],
            "posted_at": ["2025-01-03", "2025-01-20", "2025-02-05", "2025-02-11"],
            "platform": ["A", "B", "A", "B"],
            "text": TEXTS,
        }
    )
    return tiny_model.predict_frame(dump)


def _report(**columns):
    """build_report of the frame with *columns* (its page is not looked at: only whether the column is found)."""
    return lambda df, m: analysis.build_report(df, model=m, embed_font=False, charts=False, drift=False, **columns)


CALLS = {
    "check_drift": ("posted_at", lambda df, m: taikai.check_drift(df, m, date_column="posted_at")),
    # before: build_report read a column made the index (its named index made columns, for the ids) where every
    # other function refused it, so reasons_over_time refused the frame the report had just counted
    "build_report's date_column": ("posted_at", _report(date_column="posted_at")),
    "build_report's by": ("platform", _report(by="platform")),
    "build_report's text": ("text", _report()),
    "reasons_over_time": ("posted_at", lambda df, m: analysis.reasons_over_time(df, "posted_at")),
    "segment_breakdown": ("platform", lambda df, m: analysis.segment_breakdown(df, "platform")),
    "least_confident": ("platform", lambda df, m: analysis.least_confident(df, context=["platform"])),
    "distinctive_words": ("text", lambda df, m: taikai.distinctive_words(df, "text")),
}
LABELLED = {  # on a labelled frame (before: each said "no column 'text'", not that it was the index)
    "predict_frame": ("text", lambda df, m: m.predict_frame(df, "text", prefix="pred_")),
    "evaluate": ("text", lambda df, m: taikai.evaluate(m, df)),
    "evaluate's reasons": ("reasons", lambda df, m: taikai.evaluate(m, df)),
    "check_drift's text": ("text", lambda df, m: taikai.check_drift(df, m)),
}


@pytest.fixture(scope="module")
def labelled(predictions):
    return predictions[["review_id", "posted_at", "text"]].assign(reasons="fees", sentiment="negative")


@pytest.mark.parametrize("index", ["one level", "a level of two"])
@pytest.mark.parametrize("call", sorted(CALLS) + sorted(LABELLED))
def test_a_column_made_the_index_is_said_to_be_and_the_advice_works(predictions, labelled, tiny_model, call, index):
    column, run = CALLS[call] if call in CALLS else LABELLED[call]
    predictions = predictions if call in CALLS else labelled
    other = "review_id" if column != "review_id" else "posted_at"
    indexed = predictions.set_index(column if index == "one level" else [other, column])
    with pytest.raises(InputError, match=re.escape(f"no column {column!r}")) as refused:
        run(indexed, tiny_model)
    assert str(refused.value).endswith(
        f"; {column!r} is the frame's index: make it a column again with df.reset_index()"
    )
    run(indexed.reset_index(), tiny_model)  # the advice, followed


@pytest.mark.parametrize(
    ("index", "hinted"),
    [(["text"], True), (["id", "text"], True), ([None], False), (["id"], False), ((), False)],
)
def test_find_column_names_the_index_only_when_the_name_is_one_of_its_levels(index, hinted):
    with pytest.raises(InputError) as refused:
        find_column(["body"], "text", TEXT_COLUMN, index=index)
    assert ("'text' is the frame's index" in str(refused.value)) is hinted
