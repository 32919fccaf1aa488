"""check_made_by refuses predictions whose batch summary names another model (report and drift share it)."""

from __future__ import annotations

import pytest

from taikai.errors import InputError
from taikai.io import ModelStamp, RunSummary, check_made_by

MADE_BY = "out.summary.json says the predictions were made by model shipped (sha256 aaaaaaaaaaaa…)"


def _run(sha256: str = "a" * 64, model: bool = True) -> RunSummary:
    stamp = ModelStamp("shipped", "/models/shipped", sha256, "2026-01-01") if model else None
    return RunSummary("out.summary.json", 3, {"ok": 3}, 0, 0, None, stamp)


@pytest.mark.parametrize(
    ("run", "sha256"),
    [
        (None, "b" * 64),  # no summary
        (_run(model=False), "b" * 64),  # a summary without a model stamp
        (_run(), "a" * 64),  # the same model
        (_run(), ""),  # the model's hash unknown
    ],
)
def test_nothing_to_refuse(run, sha256):
    check_made_by(run, "mine", sha256)


@pytest.mark.parametrize(
    ("named", "message"),
    [
        (
            True,
            f"{MADE_BY}, not by --model mine (sha256 bbbbbbbbbbbb…); name the model that made them, "
            "or leave --model out",
        ),
        (
            False,
            f"{MADE_BY}, not by the default model (mine, sha256 bbbbbbbbbbbb…); name the model that made them with "
            "--model /models/shipped",
        ),
    ],
)
def test_another_model_is_refused_saying_which_made_them(named, message):
    with pytest.raises(InputError) as caught:
        check_made_by(_run(), "mine", "b" * 64, named=named)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("output", "used"),
    [("x.csv", True), ("/elsewhere/x.csv", True), ("x.parquet", False), ("renamed.csv", True), (None, True)],
    ids=["this-file", "same-name-other-folder", "another-output", "output-renamed-with-it", "no-output-field"],
)
def test_a_summary_of_another_output_is_not_used(tmp_path, output, used):
    """x.csv and x.parquet share x.summary.json: one whose output is the other (there) is not used; one naming a
    file that is not there (an output renamed with its summary) is."""
    import json
    import warnings

    from taikai.errors import DataWarning
    from taikai.io import read_summary, write_summary

    predictions = tmp_path / "x.csv"
    (tmp_path / "x.parquet").write_bytes(b"PAR1")
    write_summary(predictions, {"rows": 7} | ({"output": output} if output else {}))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run = read_summary(predictions)
    assert (run is not None) == used
    messages = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    if used:
        assert messages == [] and run is not None and run.rows == 7
    else:
        assert messages == [
            f"{tmp_path / 'x.summary.json'}: is the batch summary of x.parquet, not of x.csv; it is not used (its "
            "counts, model and columns are another run's). Rename one of the outputs so that each has its own"
        ]
    assert json.loads((tmp_path / "x.summary.json").read_text())["rows"] == 7
