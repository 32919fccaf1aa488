"""A dump and a reference file of predictions that two different models made are refused in one message."""

import json
import shutil
from pathlib import Path

import pytest

import taikai
from taikai.drift import check_drift
from taikai.errors import InputError

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"


@pytest.fixture(scope="module")
def predictions(tmp_path_factory, tiny_model_dir) -> dict[str, Path]:
    """Batch outputs of the hotel reviews: one the tiny model made, and a copy whose summary names another model."""
    folder = tmp_path_factory.mktemp("two")
    own = folder / "own.csv"
    taikai.classify_file(HOTELS, own, "text", model=tiny_model_dir)
    other = folder / "other.csv"
    shutil.copy(own, other)
    values = json.loads((folder / "own.summary.json").read_text(encoding="utf-8"))
    values["model"] |= {"name": "other", "path": "/models/other", "sha256": "0" * 64}
    values["output"] = str(other)
    (folder / "other.summary.json").write_text(json.dumps(values), encoding="utf-8")
    return {"own": own, "other": other}


@pytest.mark.parametrize("named", [True, False])
def test_predictions_of_two_models_are_said_to_be_so(predictions, tiny_model_dir, monkeypatch, named):
    """Regression: the reference was refused with the advice to name its model with --model, which refused the dump
    with the advice to name the dump's model: each message sent the analyst to the other."""
    monkeypatch.setenv("TAIKAI_MODEL", str(tiny_model_dir))
    with pytest.raises(InputError) as caught:
        check_drift(predictions["own"], tiny_model_dir if named else None, reference=predictions["other"])
    assert str(caught.value) == (
        f"{predictions['other']} (the reference) says its predictions were made by model other (sha256 000000000000…), "
        f"and {predictions['own']} (the dump) by model tiny (sha256 "
        + json.loads((tiny_model_dir / "metadata.json").read_text("utf-8"))["artifact"]["sha256"][:12]
        + "…): drift compares both files with one model, so no model= (--model on the command line) reads both; give "
        f"as reference= (--reference on the command line) the dump taikai batch read to write {predictions['other']} "
        f"({HOTELS}), which drift classifies with the model that made the dump's predictions (tiny), "
        "or check each file against its own model's training statistics (leave out the reference)"
    )


def test_predictions_of_one_model_are_compared(predictions, tiny_model_dir):
    assert check_drift(predictions["own"], tiny_model_dir, reference=predictions["own"]).reference_predictions
