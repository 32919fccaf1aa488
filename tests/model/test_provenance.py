"""Row hashes: the same review matches in another file or encoding; older versions are read with their own key."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from taikai.errors import ModelError
from taikai.model import ROW_HASHES_VERSION, RowHashes, text_hashes

ROOT = Path(__file__).parents[2]
TEXTS = ["月3〜5件しか来ない", "手取りは−20%になった", "手数料が高い"]  # the first two change in CP932


def _cp932(text: str) -> str:
    return text.encode("cp932").decode("cp932")


def test_a_cp932_copy_is_one_of_the_rows():
    """Regression: 〜 and − written back as ～ and － by CP932 made a training row look new to evaluate."""
    rows = RowHashes.of(TEXTS)
    assert rows.version == ROW_HASHES_VERSION == 2
    assert rows.contains([_cp932(t) for t in TEXTS]).tolist() == [True, True, True]
    assert RowHashes.from_dict(rows.to_dict()).contains([_cp932(TEXTS[0])]).tolist() == [True]


def test_version_1_hashes_are_read_and_compared_with_their_own_key():
    """A model trained before the fold keeps its overlap check: its hashes are of the unfolded text."""
    old = RowHashes(np.unique(text_hashes(TEXTS, version=1)), 1)
    read = RowHashes.from_dict(old.to_dict())
    assert read.version == 1 and "folded" not in read.to_dict()["method"]
    assert read.contains(TEXTS).tolist() == [True, True, True]
    assert read.contains([_cp932(t) for t in TEXTS]).tolist() == [False, False, True]  # as before the fold


def test_an_unknown_version_is_refused():
    data = RowHashes.of(TEXTS).to_dict() | {"version": 3}
    with pytest.raises(ModelError, match=r"row hashes of version 3, but this taikai reads version\(s\) 1, 2"):
        RowHashes.from_dict(data)


def test_the_shipped_models_row_hashes_are_those_of_its_data():
    """The shipped model was refitted on every row of data/reviews.csv: its hashes are theirs, with today's key."""
    meta = json.loads((ROOT / "models" / "default" / "metadata.json").read_text(encoding="utf-8"))
    texts = pd.read_csv(ROOT / "data" / "reviews.csv", dtype=str, keep_default_na=False)["text"]
    assert meta["refit_on_all_rows"] and meta["inputs"][0]["used"] == len(texts)
    assert meta["training_data"]["row_hashes"] == RowHashes.of(texts).to_dict()
