"""``taikai evaluate --id-column`` (``id_column=``): every row evaluate names (unscored, labelled in part, unknown
labels, wrong split values) is named by its id after its file line, as ``taikai batch --id-column`` names rows, and
the JSON gives the id, so that an analyst joins the rows back to the team's sheet."""

import json

import pandas as pd
import pytest

import taikai

IDS = [f"R-2026-{i:05d}" for i in range(1, 41)]


def _sheet(tiny_csv, tmp_path, edit, suffix=".csv"):
    """Write the tiny fixture with a ``review_id`` column first, changed by *edit* (a frame → None), as *suffix*."""
    frame = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    frame.insert(0, "review_id", IDS)
    frame["more_reasons"] = ""
    frame["split"] = "test"
    edit(frame)
    path = tmp_path / f"team{suffix}"
    if suffix == ".xlsx":
        frame.to_excel(path, index=False)
    else:
        frame.to_csv(path, index=False, encoding="cp932")
    return path


def _blank_text(frame):
    frame.loc[3, "text"] = ""


def _blank_text_blank_id(frame):
    frame.loc[3, ["text", "review_id"]] = ""


def _in_part(frame):
    frame.loc[5, ["reasons", "more_reasons"]] = ["", "fees"]


def _unknown(frame):
    frame.loc[[6, 7], "reasons"] = "feez"


def _split(frame):
    frame.loc[8, "split"] = "tset"


CASES = {
    # edit, suffix, options, exit code, what stdout or stderr says
    "unscored": (_blank_text, ".csv", [], 0, "team.csv:5 (id R-2026-00004): empty"),
    "unscored-xlsx": (_blank_text, ".xlsx", [], 0, "team.xlsx:5 (id R-2026-00004): empty"),  # as in the CSV
    "blank-id": (_blank_text_blank_id, ".csv", [], 0, "team.csv:5 (its id cell is blank): empty"),
    "labelled-in-part": (_in_part, ".csv", [], 0, "team.csv:7 (id R-2026-00006): reasons: no label"),
    "unknown-label": (_unknown, ".csv", [], 2, "team.csv:8 (id R-2026-00007): reasons: unknown label 'feez'"),
    "unknown-repeated": (_unknown, ".csv", [], 2, "(the same on 1 more line(s): 9 (id R-2026-00008))"),
    "split": (_split, ".csv", ["--split", "test"], 2, "team.csv:10 (id R-2026-00009): split 'tset'"),
}


@pytest.mark.parametrize(("edit", "suffix", "options", "code", "said"), CASES.values(), ids=list(CASES))
def test_rows_are_named_by_their_id(invoke, tiny_csv, tiny_model_dir, tmp_path, edit, suffix, options, code, said):
    """Regression: evaluate named rows by FILE:LINE only, and had no --id-column, as batch and suggest have."""
    data = _sheet(tiny_csv, tmp_path, edit, suffix)
    result = invoke("evaluate", data, "-m", tiny_model_dir, "--id-column", "review_id", *options)
    assert result.exit_code == code, result.output
    assert said in result.output


@pytest.mark.parametrize(
    ("edit", "expected"),
    [(_blank_text, "R-2026-00004"), (_blank_text_blank_id, "")],
    ids=["id", "blank-id"],
)
def test_the_json_gives_each_unscored_row_its_id(invoke, tiny_csv, tiny_model_dir, tmp_path, edit, expected):
    data = _sheet(tiny_csv, tmp_path, edit)
    result = invoke("evaluate", data, "-m", tiny_model_dir, "--id-column", "review_id", "--json", "-")
    assert result.exit_code == 0, result.output
    assert [u["id"] for u in json.loads(result.stdout)["unscored"]] == [expected]


def _blank_text_no_ids(frame):
    _blank_text(frame)
    del frame["review_id"]  # review_id is found by its name (tests/cli/test_ids_by_name.py)


def test_without_an_id_column_rows_are_named_as_before(invoke, tiny_csv, tiny_model_dir, tmp_path):
    data = _sheet(tiny_csv, tmp_path, _blank_text_no_ids)
    result = invoke("evaluate", data, "-m", tiny_model_dir, "--json", "-")
    assert result.exit_code == 0, result.output
    assert "team.csv:5: empty" in result.stderr
    assert "id" not in json.loads(result.stdout)["unscored"][0]


@pytest.mark.parametrize("data_kind", ["file", "frame"])
def test_a_missing_id_column_is_refused_with_the_columns(tiny_csv, tiny_model, tmp_path, data_kind):
    path = _sheet(tiny_csv, tmp_path, lambda frame: None)
    data = path if data_kind == "file" else pd.read_csv(path, encoding="cp932")
    with pytest.raises(taikai.errors.InputError, match=r"no column 'ID'; the columns are \['review_id', 'text'"):
        taikai.evaluate(tiny_model, data, id_column="ID")


def _mislabelled(frame):
    frame.loc[0, "reasons"] = "time"  # a low_pay text: the model's primary reason differs from this gold


def _mislabelled_no_ids(frame):
    _mislabelled(frame)
    del frame["review_id"]  # else found by its name


@pytest.mark.parametrize(
    ("options", "edit", "listed", "entry"),
    [
        (
            ["--id-column", "review_id"],
            _mislabelled,
            "team.csv:2 (id R-2026-00001): gold time, predicted low_pay",
            {"row": 0, "line": 2, "gold": "time", "predicted": "low_pay", "id": "R-2026-00001"},
        ),
        (
            [],
            _mislabelled_no_ids,
            "team.csv:2: gold time, predicted low_pay",
            {"row": 0, "line": 2, "gold": "time", "predicted": "low_pay"},
        ),
    ],
    ids=["with-ids", "without"],
)
def test_the_misclassified_rows_are_listed_by_line_and_id(
    invoke, tiny_csv, tiny_model_dir, tmp_path, options, edit, listed, entry
):
    """Regression: evaluate's report and JSON gave the scores only: which rows the model got wrong could not be
    found, nor joined back to the sheet."""
    data = _sheet(tiny_csv, tmp_path, edit)
    json_file = tmp_path / "scores.json"
    result = invoke("evaluate", data, "-m", tiny_model_dir, "--json", json_file, *options)
    assert result.exit_code == 0, result.output
    assert "## Misclassified rows (primary reason)" in result.stdout
    assert listed in result.stdout
    assert entry in json.loads(json_file.read_text(encoding="utf-8"))["misclassified"]
