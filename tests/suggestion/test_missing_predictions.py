"""suggest given a predictions file that is not there says so first, whatever summary lies beside its name."""

import warnings

import pytest

import taikai
from taikai.errors import DataWarning, InputError
from taikai.io import summary_path, write_summary


def _another_output_s(tmp_path):
    """x.csv and its summary written by batch; x.xlsx, asked for, was never written (they would share it)."""
    (tmp_path / "x.csv").write_text("id,text\n1,a\n", encoding="utf-8")
    write_summary(tmp_path / "x.csv", {"rows": 1, "output": str(tmp_path / "x.csv")})


def _malformed(tmp_path):
    summary_path(tmp_path / "x.xlsx").write_text("{not json", encoding="utf-8")


@pytest.mark.parametrize(
    ("summary", "meant"),
    [(_another_output_s, " (did you mean {tmp}/x.csv?)"), (_malformed, "")],
    ids=["another-output-s", "malformed"],
)
def test_a_missing_predictions_file_is_said_missing_with_no_word_of_the_summary(tmp_path, summary, meant):
    """Regression (h322): `taikai batch a.csv -o x.csv`, then `taikai suggest x.xlsx -o s.xlsx` (a mistyped
    extension) warned that x.summary.json describes x.csv "not x.xlsx as it is now", of a file that is not there,
    before saying `x.xlsx: no such file`; a malformed summary was an error instead of the missing file. The file
    beside it of the same name is said to be the one likely meant (h390)."""
    summary(tmp_path)
    with warnings.catch_warnings(record=True) as caught, pytest.raises(InputError) as raised:
        warnings.simplefilter("always")
        taikai.suggest(tmp_path / "x.xlsx", tmp_path / "s.xlsx")
    assert str(raised.value) == f"{tmp_path / 'x.xlsx'}: no such file{meant.format(tmp=tmp_path)}"
    assert [str(w.message) for w in caught if issubclass(w.category, DataWarning)] == []
    assert not (tmp_path / "s.xlsx").exists()
