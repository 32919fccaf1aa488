"""Where the model a batch summary names is: its stored path, absolute now; an older summary's relative one found
beside the summary first, then in the current folder."""

from __future__ import annotations

import shlex

import pytest

from taikai.errors import InputError
from taikai.io import ModelStamp, RunSummary, check_made_by, stamp_model_dir


def _run(summary_dir, path: str) -> RunSummary:
    stamp = ModelStamp("mine", path, "a" * 64, "2026-01-01")
    return RunSummary(str(summary_dir / "out.summary.json"), 3, {"ok": 3}, 0, 0, None, stamp)


@pytest.mark.parametrize(
    ("stored", "there", "found"),
    [
        ("ABS/models/mine", ["models/mine"], "ABS/models/mine"),
        ("ABS/models/mine", [], None),
        ("models/mine", ["run/models/mine", "models/mine"], "run/models/mine"),  # beside the summary first
        ("models/mine", ["models/mine"], "models/mine"),  # then the current folder
        ("models/mine", [], None),
        ("", ["models/mine"], None),  # a model never saved: no directory named
    ],
    ids=["absolute", "absolute-gone", "beside-summary", "current-folder", "relative-gone", "none-named"],
)
def test_the_model_directory_of_a_summary(tmp_path, monkeypatch, stored, there, found):
    work = tmp_path / "work"
    (work / "run").mkdir(parents=True)
    for folder in there:
        (work / folder).mkdir(parents=True)
    monkeypatch.chdir(work)
    run = _run(work / "run", stored.replace("ABS", str(work)))
    expected = None if found is None else work / found.replace("ABS/", "")
    assert stamp_model_dir(run) == expected


def test_the_advice_names_the_directory_found_from_another_folder(tmp_path, monkeypatch):
    """Regression: drift's refusal said "name the model ... with model='models/mine'", a path relative to where
    batch ran, which from another folder is "models/mine: no such model directory"."""
    (tmp_path / "run" / "models" / "mine").mkdir(parents=True)
    run = _run(type(tmp_path)("run"), "models/mine")  # batch ran in run/, and wrote its output there
    monkeypatch.chdir(tmp_path)  # the folder drift runs in: models/mine is not here
    with pytest.raises(InputError) as caught:
        check_made_by(run, "/x/default", "b" * 64, named=False)
    folder = tmp_path / "run" / "models" / "mine"
    assert str(caught.value).endswith(
        f"name the model that made them with model='{folder}' (--model {shlex.quote(str(folder))} on the command line)"
    )


DEFAULT = (
    "out.summary.json says the predictions were made by model mine (sha256 aaaaaaaaaaaa…), not by the default model "
    "(/x/default, sha256 bbbbbbbbbbbb…)"
)
NEW_PLACE = "give that model's new place with model= (--model on the command line)"


@pytest.mark.parametrize(
    ("stored", "advice"),
    [
        ("ABS/models/v2", f"; the directory it names, ABS/models/v2, is gone (moved or deleted): {NEW_PLACE}"),
        (
            "models/v2",
            "; the directory it names, models/v2, is gone (moved or deleted) (looked for beside the summary and in "
            f"the current folder): {NEW_PLACE}",
        ),
        ("", ", and names no directory of it; give that model's directory with model= (--model on the command line)"),
    ],
    ids=["absolute-moved", "older-summary-relative-moved", "none-named"],
)
def test_the_advice_for_a_model_directory_that_is_gone_says_so(tmp_path, monkeypatch, stored, advice):
    """Regression: train --out tinym; mv tinym models/v2; batch -m models/v2; mv models/v2 archive/v2; drift said
    "name the model that made them with model='/…/models/v2'", and following it failed with "no such model
    directory" (a model never saved was named by its name, as if it were a directory)."""
    monkeypatch.chdir(tmp_path)
    run = _run(tmp_path, stored.replace("ABS", str(tmp_path)))
    with pytest.raises(InputError) as caught:
        check_made_by(run, "/x/default", "b" * 64, named=False)
    message = str(caught.value)
    assert message == DEFAULT.replace("out.summary.json", str(tmp_path / "out.summary.json")) + advice.replace(
        "ABS", str(tmp_path)
    )
    assert "model='" not in message
