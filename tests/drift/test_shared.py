"""Drift says how many of the dump's rows hold a text the reference holds too, and what that means: a dump compared
with itself, a month that is part of its reference, a cumulative export against the last one."""

from __future__ import annotations

import pandas as pd
import pytest

from taikai.drift import check_drift


def _texts(tiny_csv) -> list[str]:
    return pd.read_csv(tiny_csv)["text"].tolist()


def _more(texts: list[str], reference: str) -> list[str]:
    """Rows the reference holds beside the dump's texts: 8 of its own for ``more``, else none."""
    return [f"{t}。別の月の口コミ" for t in texts[:8]] if reference == "more" else []


@pytest.mark.parametrize(
    ("shared", "reference", "said"),
    [
        (
            40,
            "texts",
            ": the dump and the reference hold the same texts, so it is compared with itself and cannot drift",
        ),
        (
            40,
            "more",
            ": the dump is part of the reference (48 rows), which its rows pull toward it; compare it with the "
            "reference's other rows",
        ),
        (
            30,
            "texts",
            ": every figure counts them, so what changed in the other 10 shows diluted; for a cumulative export "
            "against the last one, check the new rows alone or per period (--date-column)",
        ),
        (2, "texts", " (each counted in every figure)"),
        (0, "texts", None),
        (40, None, None),  # against the model's statistics: no texts to share
    ],
    ids=["all", "part", "cumulative", "few", "none", "model"],
)
def test_rows_whose_text_the_reference_holds_are_counted(shared, reference, said, tiny_csv, tiny_model):
    """Regression: a dump compared with itself (the same month exported twice) or with an export holding most of
    its rows read `drift: no` without a word, as if nothing had changed since the reference."""
    texts = _texts(tiny_csv)
    new = [f"{t}。それでも来月からは別のサイトで続けるつもりだ" for t in texts[: 40 - shared]]
    report = check_drift(
        pd.DataFrame({"text": texts[:shared] + new}),
        tiny_model,
        reference=None if reference is None else pd.DataFrame({"text": texts + _more(texts, reference)}),
    )
    assert report.shared_rows == (shared if reference else 0)
    assert report.to_dict()["shared_rows"] == report.shared_rows
    lines = [line for line in report.to_text().splitlines() if line.startswith("rows whose text the reference")]
    head = f"rows whose text the reference holds too: {shared} of 40 ({shared / 40:.0%})"
    assert lines == ([] if said is None else [head + said])
