"""Row hashes: the same review matches in another file or encoding; older versions are read with their own key."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from taikai.errors import ModelError
from taikai.model import ROW_HASHES_VERSION, RowHashes, content_sha256, text_hashes

ROOT = Path(__file__).parents[2]
TEXTS = ["月3〜5件しか来ない", "手取りは−20%になった", "手数料が高い"]  # the first two change in CP932


def _cp932(text: str) -> str:
    return text.encode("cp932").decode("cp932")


def test_a_cp932_copy_is_one_of_the_rows():
    """Regression: 〜 and − written back as ～ and － by CP932 made a training row look new to evaluate."""
    rows = RowHashes.of(TEXTS)
    assert rows.version == ROW_HASHES_VERSION == 3
    assert rows.contains([_cp932(t) for t in TEXTS]).tolist() == [True, True, True]
    assert RowHashes.from_dict(rows.to_dict()).contains([_cp932(TEXTS[0])]).tolist() == [True]


def test_version_1_hashes_are_read_and_compared_with_their_own_key():
    """A model trained before the fold keeps its overlap check: its hashes are of the unfolded text."""
    old = RowHashes(np.unique(text_hashes(TEXTS, version=1)), 1)
    read = RowHashes.from_dict(old.to_dict())
    assert read.version == 1 and "folded" not in read.to_dict()["method"]
    assert read.contains(TEXTS).tolist() == [True, True, True]
    assert read.contains([_cp932(t) for t in TEXTS]).tolist() == [False, False, True]  # as before the fold


REFERENCES = ["納品後に&#12289;修正を頼まれた", "手数料が高い&#x3002;", "&amp;手数料が高い"]  # 、 。 &


@pytest.mark.parametrize(
    ("version", "written", "decoded"),
    [
        (2, [True, True, True], [False, False, False]),  # made before references were decoded: as written
        (3, [True, True, True], [True, True, True]),  # today's key: a reference is the character it stands for
    ],
)
def test_each_version_keys_html_references_as_it_did(version, written, decoded):
    """Regression: a model trained before references were decoded (version 2 hashes of '、' written '&#12289;') had
    its hashes compared with keys of the decoded text, so evaluate --split test took its training rows for test
    rows (862 of 900 instead of 180)."""
    stored = RowHashes(np.unique(text_hashes(REFERENCES, version=version)), version)
    read = RowHashes.from_dict(stored.to_dict())
    assert read.version == version and read.to_dict() == stored.to_dict()
    assert read.contains(REFERENCES).tolist() == written
    assert read.contains(["納品後に、修正を頼まれた", "手数料が高い。", "&手数料が高い"]).tolist() == decoded


def test_new_models_get_the_version_that_decodes_references():
    assert RowHashes.of(REFERENCES).version == 3
    assert "references decoded" in RowHashes.of(REFERENCES).to_dict()["method"]
    assert (text_hashes(REFERENCES, version=2) != text_hashes(REFERENCES, version=3)).all()
    assert (text_hashes(TEXTS, version=2) == text_hashes(TEXTS, version=3)).all()  # no reference: the same key


@pytest.mark.parametrize(
    ("version", "advice"),
    [
        (4, "a newer taikai saved the model: upgrade taikai, or retrain it with this one: taikai train DATA.csv"),
        (0, "the model directory is damaged or was written by another taikai version: restore it from a copy"),
        ("3", "the model directory is damaged or was written by another taikai version: restore it from a copy"),
        (None, "the model directory is damaged or was written by another taikai version: restore it from a copy"),
    ],
)
def test_an_unknown_version_is_refused_saying_what_to_do(version, advice):
    """Regression: the refusal said what it read and stopped, with nothing to do about it."""
    data = RowHashes.of(TEXTS).to_dict() | {"version": version}
    with pytest.raises(ModelError) as caught:
        RowHashes.from_dict(data)
    assert f"row hashes of version {version!r}, but this taikai reads version(s) 1, 2, 3; {advice}" in str(caught.value)


def test_the_shipped_models_row_hashes_are_those_of_its_data():
    """The shipped model was refitted on every row of data/reviews.csv: its hashes (today's key, version 3, since
    the retrain of 2026-12-04) are theirs."""
    meta = json.loads((ROOT / "models" / "default" / "metadata.json").read_text(encoding="utf-8"))
    texts = pd.read_csv(ROOT / "data" / "reviews.csv", dtype=str, keep_default_na=False)["text"]
    assert meta["refit_on_all_rows"] and meta["inputs"][0]["used"] == len(texts)
    stored = RowHashes.from_dict(meta["training_data"]["row_hashes"])
    assert stored.version == 3 and stored.to_dict() == meta["training_data"]["row_hashes"]
    assert stored.contains(texts).all()
    assert np.array_equal(stored.hashes, RowHashes.of(texts).hashes)


MASKED = "担当の[人名]さん([電話番号])に言われた。手数料が高い"  # taikai.mask_pii of RAW
RAW = "担当の田中さん(090-1234-5678)に言われた。手数料が高い"


@pytest.mark.parametrize(
    ("fitted", "evaluated", "masked", "found"),
    [
        ([MASKED], RAW, True, True),  # trained on a masked sheet: the unmasked review is one of its rows
        ([MASKED], RAW, False, False),
        ([RAW], RAW, True, True),
        ([MASKED], MASKED, True, True),
        ([RAW], MASKED, True, False),  # the reverse cannot be told: the hashes do not hold the texts to mask
        ([MASKED], RAW.replace("田中", "鈴木"), True, True),  # the same once masked: another name is not told apart
        ([MASKED], "手数料が高い", True, False),
        ([], RAW, True, False),
    ],
)
def test_a_row_masked_is_one_of_the_rows_of_a_model_trained_on_it_masked(fitted, evaluated, masked, found):
    """Regression: a model trained on a taikai suggest --mask-pii sheet found its rows unmasked new to evaluate."""
    rows = RowHashes.from_dict(RowHashes.of(fitted).to_dict())
    assert rows.contains([evaluated, None, ""], masked=masked).tolist() == [found, False, False]


@pytest.fixture
def masked_calls(monkeypatch):
    """Count the texts the masker masks (each string passed to PiiMasker.mask)."""
    from taikai.privacy._mask import PiiMasker

    calls: list[str] = []
    real = PiiMasker.mask

    def counting(self, text):
        calls.append(text)
        return real(self, text)

    monkeypatch.setattr(PiiMasker, "mask", counting)
    return calls


def _unrecorded(rows: RowHashes) -> RowHashes:
    """The same hashes as metadata written before taikai counted placeholders holds them."""
    values = rows.to_dict()
    del values["placeholders"]
    return RowHashes.from_dict(values)


EVALUATED = [RAW, RAW.replace("田中", "鈴木"), MASKED, "手数料が高い", "山田さんに090-9999-0000で連絡した", None, ""]


@pytest.mark.parametrize(
    ("fitted", "placeholders", "masks", "masks_before"),
    [  # regression: evaluate masked every row not found, whatever the model was fitted on (twice as slow)
        (["手数料が高い", "時間がない", RAW], 0, 0, 3),  # no fitted text holds a placeholder: nothing to mask
        ([], 0, 0, 0),
        ([MASKED, "時間がない"], 1, 4, 4),  # fitted on a masked sheet: the rows not found are masked
        (["[人名]さん", "[ＵＲＬ]を見て", "[url]が遅い", "[メール]"], 4, 5, 5),  # normalised, lower-cased ones count
    ],
)
def test_rows_are_masked_only_when_a_fitted_text_holds_a_placeholder(
    masked_calls, fitted, placeholders, masks, masks_before
):
    rows = RowHashes.from_dict(RowHashes.of(fitted).to_dict())
    assert rows.placeholders == placeholders
    found = rows.contains(EVALUATED, masked=True)
    assert len(masked_calls) == masks
    masked_calls.clear()
    # the same rows are found as by masking every row not found (metadata without the count)
    assert _unrecorded(rows).contains(EVALUATED, masked=True).tolist() == found.tolist()
    assert len(masked_calls) == masks_before


def test_metadata_without_the_count_masks_as_before(masked_calls):
    """A model saved before the count was recorded (here the shipped model's hashes without it) masks every row not
    found; the shipped model, retrained with the count, masks none."""
    meta = json.loads((ROOT / "models" / "default" / "metadata.json").read_text(encoding="utf-8"))
    shipped = RowHashes.from_dict(meta["training_data"]["row_hashes"])
    assert shipped.placeholders == 0
    text = "山田さんに090-9999-0000で連絡した"
    assert shipped.contains([text], masked=True).tolist() == [False]
    assert masked_calls == []
    older = {k: v for k, v in meta["training_data"]["row_hashes"].items() if k != "placeholders"}
    stored = RowHashes.from_dict(older)
    assert stored.placeholders is None and "placeholders" not in stored.to_dict()
    assert stored.contains([text], masked=True).tolist() == [False]
    assert masked_calls == [text]


@pytest.mark.parametrize("count", [-1, 2, True, "1", 1.0])
def test_a_damaged_placeholder_count_is_refused(count):
    values = RowHashes.of(["手数料が高い"]).to_dict() | {"placeholders": count}
    with pytest.raises(ModelError, match=rf"damaged row hashes \(placeholders is {count!r}, not a count from 0 to 1\)"):
        RowHashes.from_dict(values)


@pytest.mark.parametrize(
    ("evaluated", "exact", "near"),
    [
        ("手数料が高い", True, True),  # the very text: a near-copy too
        ("手数料が高い。", False, True),  # an added 。
        ("手数料が、高い！", False, True),  # another comma and mark
        ("手数料 が 高い ", False, True),  # other spacing
        ("手数料が高い★", False, False),  # a symbol is no punctuation
        ("手数料が安い", False, False),  # another review
    ],
)
def test_a_fitted_text_with_other_punctuation_or_spacing_is_a_near_copy(evaluated, exact, near):
    """Regression: a held-back row that was a training row with an added 。 or another comma was found only when its
    normalised text was the very same."""
    rows = RowHashes.from_dict(json.loads(json.dumps(RowHashes.of(TEXTS).to_dict())))
    assert rows.contains([evaluated]).tolist() == [exact]
    assert rows.near_copies([evaluated]).tolist() == [near]


def test_row_hashes_written_before_near_copies_were_recorded_tell_none():
    written = RowHashes.of(TEXTS).to_dict()
    del written["near"]
    assert RowHashes.from_dict(written).near_copies(["手数料が高い。"]) is None


@pytest.mark.parametrize("near", [{"count": 1, "data": "!!"}, {"count": 5, "data": ""}, ["x"]])
def test_damaged_near_copy_hashes_are_refused(near):
    written = RowHashes.of(TEXTS).to_dict() | {"near": near}
    with pytest.raises(ModelError, match="damaged near-copy hashes"):
        RowHashes.from_dict(written)


@pytest.mark.parametrize(
    "rows",
    [
        [("報酬が安い\udc82\udca0", "low_pay")],  # a byte left undecoded (surrogateescape) in an object column
        [("手数料\ud83d", "fees"), ("手数料", "fees")],  # half of an emoji's pair, cut by a JSON source
    ],
)
def test_content_sha256_takes_a_lone_surrogate(rows):
    digest = content_sha256(rows)
    assert len(digest) == 64 and digest != content_sha256([(t.encode("utf-8", "replace").decode(), r) for t, r in rows])
