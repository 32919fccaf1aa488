"""The drift section names a reason one way: in its figures, its why-lines and the reason that moved most."""

import pandas as pd
import pytest

from taikai.analysis import drift_section


def _mixed(model, tiny_csv, mix: dict[str, int]) -> pd.DataFrame:
    """Predictions of the tiny fixture's texts whose reasons are set to *mix* (reason: rows), each row sure of its
    reason, as a dump of that mix would be classified."""
    rows = sum(mix.values())
    texts = pd.read_csv(tiny_csv)["text"].tolist()
    frame = model.predict_frame(pd.DataFrame({"text": (texts * (rows // len(texts) + 1))[:rows]}))
    reasons = [r for r, n in mix.items() for _ in range(n)]
    columns = [c for c in frame.columns if str(c).startswith("p_reason_")]
    frame[columns] = 0.1 / (len(columns) - 1)
    for i, reason in enumerate(reasons):
        frame.loc[i, f"p_reason_{reason}"] = 0.9
    return frame.assign(reason=reasons, reasons=reasons)


@pytest.mark.parametrize(
    ("lang", "named", "not_named"),
    [
        ("en", "share of one reason: Other (other) 80.0% > ", "share of one reason: other "),
        ("ja", "1 つの理由の割合: その他 (other) 80.0% > ", "1 つの理由の割合: other "),
    ],
)
def test_the_why_line_names_the_reason_as_the_figures_do(tiny_model, tiny_csv, lang, named, not_named):
    """Regression (h309): the English page's figure was "share of one reason: Other (other)" and its why-line
    "whole input: share of one reason: other 80.0% > …", as taikai drift names it."""
    section = drift_section(_mixed(tiny_model, tiny_csv, {"other": 80, "fees": 20}), tiny_model, lang=lang)
    assert section.figures is not None and any(str(i).startswith(named.split(" 80")[0]) for i in section.figures.index)
    lines = [line for line in section.reasons if "80.0%" in line]
    assert len(lines) == 1 and named in lines[0] and not_named not in lines[0], section.reasons
