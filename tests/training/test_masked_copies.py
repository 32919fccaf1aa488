"""A masked copy of a base row (``taikai suggest --mask-pii``), or the unmasked row of a masked base row, added with
``--add`` is a duplicate of it, as the same text is.

Regression: DATA holding 20 reviews with a name and a phone number, and a sheet of those 20 masked with the same
labels, trained on all 20 again (none dropped as duplicate), test rows among them, which were then still scored as
held out; the same 20 unmasked were refused as duplicates.
"""

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai import InputError
from taikai.cli import cli
from taikai.training import Columns, read_inputs
from taikai.training._cv import text_keys
from taikai.training._masked_copies import added_keys

CONTACT = "担当の田中さん(090-1234-5678)に言われた。"
ROWS = [
    ("手数料が高すぎて手元に残らない", "fees", "negative"),
    ("単価が安くて続けられない", "low_pay", "negative"),
    ("本業が忙しくて時間がない", "time", "neutral"),
    ("詐欺まがいの案件にあった", "trouble", "negative"),
]
NEW = ("まったく新しい話を書いた", "other", "neutral")


def frame(rows, mask=()):
    """The labelled *rows*, with the contact put before each text, masked in the rows numbered in *mask*."""
    texts = [CONTACT + t for t, _, _ in rows]
    texts = [taikai.mask_pii(t).text if n in mask else t for n, t in enumerate(texts)]
    return pd.DataFrame({"text": texts, "reasons": [r for _, r, _ in rows], "sentiment": [s for _, _, s in rows]})


@pytest.mark.parametrize(
    ("base_masked", "added_masked", "duplicates"),
    [
        ((), (0, 1), 2),  # a masked sheet of unmasked DATA rows
        ((0, 1, 2, 3), (), 2),  # an unmasked sheet of masked DATA rows
        ((0, 1, 2, 3), (0, 1), 2),  # both masked: the same text
        ((), (), 2),  # both unmasked: the same text
    ],
)
def test_a_masked_copy_is_a_duplicate(base_masked, added_masked, duplicates):
    base = frame(ROWS, base_masked)
    added = pd.concat([frame(ROWS[:2], added_masked), frame([NEW])], ignore_index=True)
    inputs = read_inputs(base, [added], columns=Columns())
    assert inputs.files[1].duplicates == duplicates
    assert inputs.added["text"].tolist() == [CONTACT + NEW[0]]


def test_other_personal_data_is_not_a_copy():
    """Two reviews that differ only in the personal data are the same masked, but neither is a masked copy."""
    base = frame(ROWS)
    other = pd.DataFrame({"text": [CONTACT.replace("田中", "鈴木") + ROWS[0][0]], "reasons": ["fees"]})
    inputs = read_inputs(base, [other], columns=Columns(sentiment=None))
    assert inputs.files[1].duplicates == 0


def test_only_the_rows_that_may_match_are_masked(monkeypatch):
    """Masking costs: a masked sheet masks only the DATA rows that start (or end) as one of its texts does."""
    import taikai.privacy._mask as mask_module

    masked: list[object] = []
    real = mask_module.PiiMasker.mask_each

    def counting(self, values):
        values = list(values)
        masked.extend(values)
        return real(self, values)

    monkeypatch.setattr(mask_module.PiiMasker, "mask_each", counting)
    base = [CONTACT + t for t, _, _ in ROWS] + [f"別の話その{n}です" for n in range(50)]
    added = [taikai.mask_pii(CONTACT + ROWS[0][0]).text]
    keys = added_keys(base, text_keys(pd.Series(base)), added, text_keys(pd.Series(added)))
    assert keys == text_keys(pd.Series(base[:1]))  # the masked copy of the first
    assert masked == base[:1]  # the only one ending as the masked text does (too little of it is before "[人名]")


def test_a_masked_copy_of_a_test_row_is_refused_as_a_duplicate(tmp_path):
    """The sheet only of masked copies of DATA rows, a test row among them: refused as the unmasked copies are."""
    base = frame(ROWS).assign(split=["train", "test", "train", "train"])
    data, sheet = tmp_path / "data_pii.csv", tmp_path / "masked_sheet.csv"
    base.to_csv(data, index=False)
    frame(ROWS[:2], (0, 1)).to_csv(sheet, index=False)
    with pytest.raises(InputError, match=r"every labelled row of .*masked_sheet.csv is already in .*\(2 duplicates\)"):
        read_inputs(data, [sheet], columns=Columns())


def test_train_add_drops_a_masked_copy_and_evaluate_finds_its_rows(tiny_csv, tmp_path):
    tiny = pd.read_csv(tiny_csv)
    tiny["text"] = [CONTACT + t if n < 6 else t for n, t in enumerate(tiny["text"])]
    data, sheet, out = tmp_path / "data_pii.csv", tmp_path / "sheet.csv", tmp_path / "mF"
    tiny.to_csv(data, index=False)
    copies = tiny.head(6).assign(text=lambda d: [taikai.mask_pii(t).text for t in d["text"]])
    pd.concat([copies, tiny.head(1).assign(text="まったく新しい話を書いた")]).drop(
        columns="split", errors="ignore"
    ).to_csv(sheet, index=False)
    args = ["train", data, "--add", sheet, "--out", out, "--vectors", "none", "--folds", "0", "--compare-folds", "0"]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    assert "(7 rows, 1 used, 6 duplicates, weight 1)" in result.output
    model = taikai.load_model(out)
    held = model.metadata.training_data.test_rows
    with pytest.warns(taikai.DataWarning, match=f"{len(tiny) - held} of {len(tiny)} rows"):
        taikai.evaluate(model, data)


@pytest.mark.parametrize(
    ("first_masked", "second_masked", "kept"),
    [  # regression: a masked copy and its unmasked text in two --add files (neither in DATA) were both trained on
        ((), (0,), "masked"),  # the later file's row is kept, as for the same text repeated
        ((0,), (), "unmasked"),
        ((), (), "unmasked"),  # the same text: the case a masked copy must count as
        ((0,), (0,), "masked"),
    ],
)
def test_a_masked_copy_of_an_added_row_is_a_repeat(first_masked, second_masked, kept):
    base = frame(ROWS[1:])
    first = pd.concat([frame(ROWS[:1], first_masked), frame([NEW])], ignore_index=True)
    second = frame(ROWS[:1], second_masked)
    inputs = read_inputs(base, [first, second], columns=Columns())
    assert [f.duplicates for f in inputs.files] == [0, 1, 0]
    assert [f.used for f in inputs.files] == [3, 1, 1]
    text = CONTACT + ROWS[0][0]
    assert inputs.added["text"].tolist() == [CONTACT + NEW[0], taikai.mask_pii(text).text if kept == "masked" else text]


def test_a_masked_copy_in_the_same_added_file_with_other_labels_is_a_disagreeing_repeat():
    added = pd.concat([frame(ROWS[:1]), frame(ROWS[:1], (0,)).assign(reasons="other"), frame([NEW])])
    inputs = read_inputs(frame(ROWS[1:]), [added], columns=Columns())
    assert (inputs.files[1].duplicates, inputs.disagreeing_repeats) == (1, 1)
    assert inputs.added["reasons"].tolist() == ["other", NEW[1]]


@pytest.mark.parametrize("masked", [True, False])
def test_train_add_counts_a_masked_copy_among_added_files_as_the_same_text(tmp_path, masked):
    """The CLI says the same of a masked copy in another --add file as of the same text repeated there."""
    data, first, second = tmp_path / "data.csv", tmp_path / "a.csv", tmp_path / "b.csv"
    tiny = pd.read_csv(Path(__file__).parents[1] / "fixtures" / "tiny.csv")
    tiny.to_csv(data, index=False)
    frame(ROWS[:1]).to_csv(first, index=False)  # 担当の田中さん(…)に言われた。…
    pd.concat([frame(ROWS[:1], (0,) if masked else ()), frame([NEW])]).to_csv(second, index=False)
    out = tmp_path / "m"
    args = ["train", data, "--add", first, "--add", second, "--out", out, "--vectors", "none", "--folds", "0"]
    result = CliRunner().invoke(cli, [*map(str, args), "--compare-folds", "0"])
    assert result.exit_code == 0, result.output
    assert "a.csv  (1 rows, 0 used, 1 duplicates, weight 1)" in result.output
    assert "b.csv  (2 rows, 2 used, weight 1)" in result.output


def test_train_in_python_counts_a_masked_copy_among_added_frames_as_a_repeat(tiny_csv, tmp_path):
    first = frame(ROWS[:1])
    second = pd.concat([frame(ROWS[:1], (0,)), frame([NEW])], ignore_index=True)
    model = taikai.train(tiny_csv, tmp_path / "m", folds=0, add=[first, second], compare_folds=0)
    added = [(f.rows, f.used, f.duplicates) for f in model.metadata.inputs if f.role == "added"]
    assert added == [(1, 0, 1), (2, 2, 0)]
