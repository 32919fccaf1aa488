"""``taikai evaluate``, ``train`` and ``rules test`` without ``--id-column`` find the rows' id column by its name,
as ``suggest`` and ``report`` do (``taikai.io.id_column_by_name``): ``review_id``, ``id``, ``回答ID``, ``ID``,
``response_id`` …, not a column giving one value to rows of different texts; a given ``--id-column`` wins. Each
command says which column named the rows and whether it was found by its name (JSON, report, summary)."""

import json

import pandas as pd
import pytest

from taikai.model import read_metadata

IDS = [f"A-{i:03d}" for i in range(40)]

RULES = """
[[rule]]
name = "fee"
label = "fees"
any = ["手数料"]
"""

CASES = {
    # the id-named columns put first (values: a list, or one value for every row), the options, then the column
    # that names the rows (None: none), whether found by its name, and the words of the warning (None: none)
    "回答ID": ({"回答ID": IDS}, [], "回答ID", True, None),
    "review_id": ({"review_id": IDS}, [], "review_id", True, None),
    "ID": ({"ID": IDS}, [], "ID", True, None),
    "blank-cells": ({"回答ID": [*IDS[:10], "", "", *IDS[12:]]}, [], "回答ID", True, None),  # a blank id names no row
    "response_id": ({"response_id": IDS}, [], "response_id", True, None),
    "user_id-shared": ({"user_id": "u-1"}, [], None, False, "its column 'user_id' is not taken as the rows' id"),
    "after-a-shared-one": ({"user_id": "u-1", "回答ID": IDS}, [], "回答ID", True, None),
    "not-an-id": ({"paid": IDS}, [], None, False, None),
    "none": ({}, [], None, False, None),
    "given-wins": ({"回答ID": IDS, "no": IDS}, ["--id-column", "no"], "no", False, None),
}


def _team(tiny_csv, tmp_path, columns, added=""):
    """Write the tiny fixture as ``team.csv`` with *columns* first and its fourth row labelled in part (each text
    followed by *added*)."""
    frame = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    frame["text"] += added
    for position, (name, values) in enumerate(columns.items()):
        frame.insert(position, name, values)
    frame["more_reasons"] = ""
    frame.loc[3, ["reasons", "more_reasons"]] = ["", "fees"]
    path = tmp_path / "team.csv"
    frame.to_csv(path, index=False, encoding="cp932")
    return path


def _named(id_column):
    """The place of the row labelled in part as the commands list it."""
    return "team.csv:5 (id A-003): reasons: no label" if id_column else "team.csv:5: reasons: no label"


def _warned(result, warned):
    said = [line for line in result.stderr.splitlines() if "is not taken as" in line]
    assert [warned in line for line in said] == ([True] if warned else [])


PARAMETERS = (("columns", "options", "id_column", "by_name", "warned"), CASES.values())


@pytest.mark.parametrize(*PARAMETERS, ids=list(CASES))
def test_evaluate_finds_the_id_column_by_its_name(
    invoke, tiny_csv, tiny_model_dir, tmp_path, columns, options, id_column, by_name, warned
):
    """Regression: evaluate named rows by FILE:LINE only unless given --id-column, even beside a review_id."""
    data = _team(tiny_csv, tmp_path, columns)
    result = invoke("evaluate", data, "-m", tiny_model_dir, "--json", "-", *options)
    assert result.exit_code == 0, result.output
    assert _named(id_column) in result.stderr
    report = json.loads(result.stdout)
    assert (report["id_column"], report["id_found_by_name"]) == (id_column, by_name)
    assert (f"Rows named by the ids of {id_column!r}, a column found by its name." in result.stderr) == by_name
    _warned(result, warned)


@pytest.mark.parametrize(*PARAMETERS, ids=list(CASES))
def test_rules_test_finds_the_id_column_by_its_name(
    invoke, tiny_csv, tmp_path, columns, options, id_column, by_name, warned
):
    """Regression: rules test named rows by their line only unless given --id-column, even beside a review_id."""
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES, encoding="utf-8")
    data = _team(tiny_csv, tmp_path, columns)
    result = invoke("rules", "test", rules, data, "--format", "json", *options)
    assert result.exit_code == 0, result.output
    assert _named(id_column) in result.stderr
    score = json.loads(result.stdout)
    assert (score["id_column"], score["id_found_by_name"]) == (id_column, by_name)
    _warned(result, warned)


TRAIN = ["--vectors", "none", "--folds", "2"]


@pytest.mark.parametrize(*PARAMETERS, ids=list(CASES))
def test_train_finds_the_id_column_by_its_name(
    invoke, tiny_csv, tmp_path, columns, options, id_column, by_name, warned
):
    """Regression: train named DATA's rows by FILE:LINE only unless given --id-column, even beside a review_id."""
    data = _team(tiny_csv, tmp_path, columns)
    result = invoke("train", data, "--out", tmp_path / "m", *TRAIN, *options)
    assert result.exit_code == 0, result.output
    assert _named(id_column) in result.stderr
    record = read_metadata(tmp_path / "m").training_data
    assert (record.id_column, record.id_found_by_name) == ((id_column, by_name) if id_column else (None, None))
    how = "found by its name" if by_name else "given"
    assert (f"ids:   {id_column} ({how})" in result.stderr) == (id_column is not None)
    _warned(result, warned)


def test_an_added_sheet_s_id_column_is_found_when_data_has_none(invoke, tiny_csv, tmp_path):
    """A sheet from suggest (review_id) added to DATA without ids: its rows are named by their ids."""
    sheet = _team(tiny_csv, tmp_path, {"review_id": IDS}, "（追加）")  # not DATA's texts
    result = invoke("train", tiny_csv, "--add", sheet, "--out", tmp_path / "m", *TRAIN, "--compare-folds", "0")
    assert result.exit_code == 0, result.output
    assert _named("review_id") in result.stderr
    assert "ids:   review_id (found by its name)" in result.stderr


def test_a_sheet_without_ids_still_matches_a_dump_with_回答ID_by_text(invoke, tiny_csv, tmp_path):
    """A suggest sheet without ids added to DATA whose ids are 回答ID: its rows repeating DATA's texts are duplicates,
    matched by text as before (the id column found in DATA names none of the sheet's rows)."""
    data = _team(tiny_csv, tmp_path, {"回答ID": IDS})
    frame = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    sheet = tmp_path / "sheet.csv"
    frame.iloc[[0, 1, 2, 4]].to_csv(sheet, index=False)  # four of DATA's texts (its fourth row is labelled in part)
    new = frame.iloc[4:10].assign(text=frame["text"].iloc[4:10] + "（追加）")
    new.to_csv(sheet, mode="a", header=False, index=False)  # and six new ones
    result = invoke("train", data, "--add", sheet, "--out", tmp_path / "m", *TRAIN, "--compare-folds", "0")
    assert result.exit_code == 0, result.output
    added = [f for f in read_metadata(tmp_path / "m").inputs if f.role == "added"]
    assert [(f.used, f.duplicates) for f in added] == [(6, 4)]
    assert "ids:   回答ID (found by its name)" in result.stderr
