"""The retrain command a hint gives for a model: the options the model was trained with, as its metadata records."""

import json
import shutil
from dataclasses import replace

import pytest

import taikai
from taikai.errors import ModelError
from taikai.model import read_metadata
from tests.conftest import TINY_DATA, TINY_OPTIONS

COMMAND = f"taikai train {TINY_DATA}{{}} --out MODEL_DIR"
UNWRITTEN = None
"""A field's value in EDITS that removes it: the default, as training writes it (not at all)."""
EDITS = {  # the metadata's edits, and the options the hint gives (the tiny model's folds and test size last)
    "taxonomy": ({}, TINY_OPTIONS),
    "free-labels": ({"free_labels": True}, f" --free-labels{TINY_OPTIONS}"),
    "no-sentiment": ({"labels": {"sentiments": []}}, f" --no-sentiment{TINY_OPTIONS}"),
    "no-vectors": ({"config": {"vectors": None}}, f" --vectors none{TINY_OPTIONS}"),
    "refit-all": ({"refit_on_all_rows": True}, f" --refit-all{TINY_OPTIONS}"),
    # Regression: a model trained with --seed 7 or --mask-pii was told to retrain without them (other test rows and
    # thresholds; a model fitted on the personal data the first one was kept from)
    "seed": ({"seed": 7}, f" --seed 7{TINY_OPTIONS}"),
    "masked": ({"mask_pii": True}, f" --mask-pii{TINY_OPTIONS}"),
    # Regression: a model trained with --folds 0 --test-size 0 (the README's) was told to retrain without them: the
    # next round's model held out a fifth of the rows and tuned its thresholds over 5 folds
    "folds": ({"folds": 10}, " --folds 10 --test-size 0"),
    "test-size": ({"test_size": 0.25}, " --folds 2 --test-size 0.25"),
    "defaults": ({"folds": UNWRITTEN, "test_size": UNWRITTEN}, ""),
    "all": (
        {
            "free_labels": True,
            "labels": {"sentiments": []},
            "config": {"vectors": None},
            "refit_on_all_rows": True,
            "seed": 3,
            "mask_pii": True,
            "folds": 0,
            "test_size": 0.3,
        },
        " --free-labels --no-sentiment --vectors none --refit-all --seed 3 --mask-pii --folds 0 --test-size 0.3",
    ),
}


def _versions(meta: dict) -> None:
    meta["versions"]["scikit-learn"] = "0.24.2"


def _unchanged(meta: dict) -> None:
    pass


REFUSALS = {
    "other-library-versions": (_versions, None),
    "artifact-missing": (_unchanged, "model.joblib"),
    "artifact-a-directory": (_unchanged, "dir"),
}


@pytest.mark.parametrize("refusal", list(REFUSALS))
@pytest.mark.parametrize("edit", list(EDITS))
def test_a_retrain_hint_names_the_options_the_model_was_trained_with(tiny_model_dir, tmp_path, edit, refusal):
    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    meta = json.loads((model_dir / "metadata.json").read_text())
    changes, options = EDITS[edit]
    for key, value in changes.items():
        meta[key] = {**meta[key], **value} if isinstance(value, dict) else value
        if value is UNWRITTEN:
            del meta[key]
    change, artifact = REFUSALS[refusal]
    change(meta)
    if artifact:
        (model_dir / "model.joblib").unlink()
    if artifact == "dir":
        (model_dir / "model.joblib").mkdir()
    (model_dir / "metadata.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError) as caught:
        taikai.load_model(model_dir)
    assert str(caught.value).endswith(COMMAND.format(options))


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ({"version": 99}, "a newer taikai saved the model: upgrade taikai, or retrain it with this one: "),
        ({"count": -1}, "damaged row hashes (count or order does not match)"),
    ],
    ids=["newer", "damaged"],
)
def test_the_retrain_hint_of_damaged_row_hashes_names_the_models_options(tiny_model_dir, damage, said):
    meta = read_metadata(tiny_model_dir)
    hashes = {**meta.training_data.row_hashes, **damage}
    meta = replace(meta, free_labels=True, training_data=replace(meta.training_data, row_hashes=hashes))
    with pytest.raises(ModelError) as caught:
        meta.fitted_rows()
    assert said in str(caught.value)
    assert str(caught.value).endswith(COMMAND.format(f" --free-labels{TINY_OPTIONS}"))
