"""taikai._masked_messages: a public function called with mask_pii=True raises its errors with personal data masked
(a headerless file's column names are its first row, a review), but for the paths and names given to it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import taikai
import taikai.analysis
from taikai._masked_messages import asked, kept_values
from taikai.batch import BatchOptions
from taikai.errors import InputError

REVIEW = "田中さんから090-1234-5678に電話がありました"
"""The first row of a file without a header row, which errors quote as its column names."""

Call = Callable[[Path, Path, bool], Any]

CALLS: list[tuple[str, Call]] = [
    ("classify_file", lambda p, out, m: taikai.classify_file(p, out / "o.csv", mask_pii=m)),
    (
        "classify_file options=",
        lambda p, out, m: taikai.classify_file(p, out / "o.csv", options=BatchOptions(text_column="text", mask_pii=m)),
    ),
    ("check_drift", lambda p, out, m: taikai.check_drift(p, mask_pii=m)),
    ("build_report", lambda p, out, m: taikai.analysis.build_report(pd.read_csv(p), mask_pii=m)),
    ("write_report", lambda p, out, m: taikai.analysis.write_report(p, out / "r.html", mask_pii=m)),
    ("suggest", lambda p, out, m: taikai.suggest(p, mask_pii=m)),
]


@pytest.fixture
def headerless(tmp_path: Path) -> Path:
    path = tmp_path / "reviews_without_header.csv"
    path.write_text(f"{REVIEW},x\n二行目の本文です,y\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "call"), CALLS, ids=[name for name, _ in CALLS])
def test_an_error_of_a_masked_call_quotes_no_personal_data(name: str, call: Call, headerless: Path) -> None:
    with pytest.raises(InputError) as raised:
        call(headerless, headerless.parent, True)
    message = str(raised.value)
    assert "090-1234-5678" not in message and "田中" not in message, message
    assert "[電話番号]" in message, message  # the column is named, masked


@pytest.mark.parametrize(("name", "call"), CALLS, ids=[name for name, _ in CALLS])
def test_an_error_of_a_call_without_masking_quotes_the_columns(name: str, call: Call, headerless: Path) -> None:
    with pytest.raises(InputError, match="090-1234-5678"):
        call(headerless, headerless.parent, False)


@pytest.mark.parametrize("mask", [True, False])
def test_predict_frame_masks_its_errors_when_asked(tiny_model, headerless, mask):
    """A frame read from a headerless file has its first row, a review, for column names."""
    with pytest.raises(InputError) as raised:
        tiny_model.predict_frame(pd.read_csv(headerless), text_column="text", mask_pii=mask)
    assert ("090-1234-5678" in str(raised.value)) is not mask, raised.value


def test_the_path_given_stays_as_given(tmp_path: Path) -> None:
    path = tmp_path / "090-1234-5678" / "田中.csv"  # a folder named like a phone number is the user's own
    path.parent.mkdir()
    path.write_text(f"{REVIEW},x\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        taikai.suggest(path, mask_pii=True)
    message = str(raised.value)
    assert str(path) in message and f"'{REVIEW}'" not in message, message


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"mask_pii": True}, True),
        ({"mask_pii": False}, False),
        ({}, False),
        ({"option_values": {"mask_pii": True}}, True),
        ({"options": {"mask_pii": True}}, True),
        ({"options": BatchOptions(text_column="t", mask_pii=True)}, True),
        ({"options": BatchOptions(text_column="t")}, False),
        ({"mask_pii": "yes"}, False),  # refused by the function itself, not taken for True
    ],
)
def test_asked(arguments: dict[str, object], expected: bool) -> None:
    assert asked(arguments) is expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ("reviews.csv", ["reviews.csv"]),
        (Path("a/b.csv"), ["a/b.csv"]),
        ("本文", []),  # too short to be kept: it could stand inside a value to mask
        ({"text_column": "comment", "jobs": 2}, ["comment"]),
        (["review", None, 3], ["review"]),
        (pd.DataFrame({"text": ["x"]}), []),
    ],
)
def test_kept_values(values: object, expected: list[str]) -> None:
    assert kept_values(values) == expected
