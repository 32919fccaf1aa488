"""``--sheet NAME|NUMBER`` on the commands that read labelled data (train, evaluate, rules test): the sheet read,
by name or number, as batch reads it; a sheet the workbook lacks and a file of another format are refused."""

from pathlib import Path

import pytest
from support_text import FEE_RULE

SHEETS = "the sheets are ['表紙', 'ラベル']"


def _command(name: str, data: Path, model: Path, tmp_path: Path) -> list[object]:
    """Return the arguments of *name* reading the labelled file *data*."""
    if name == "train":
        return ["train", data, "-o", tmp_path / "m", "--vectors", "none", "--folds", "2", "--test-size", "0"]
    if name == "rules":
        rules = tmp_path / "rules.toml"
        rules.write_text(FEE_RULE, encoding="utf-8")
        return ["rules", "test", rules, data, "-m", model]
    return ["evaluate", data, "-m", model]


DONE = {"train": "40 rows", "evaluate": "40 of 40 rows", "rules": "| fee |"}


@pytest.mark.parametrize("command", ["train", "evaluate", "rules"])
@pytest.mark.parametrize("sheet", ["ラベル", "2"])
def test_the_sheet_given_by_name_or_number_is_read(invoke, tiny_model_dir, book, tmp_path, command, sheet):
    result = invoke(*_command(command, book, tiny_model_dir, tmp_path), "--sheet", sheet)
    assert result.exit_code == 0, result.output
    assert DONE[command] in result.output


@pytest.mark.parametrize("command", ["train", "evaluate", "rules"])
@pytest.mark.parametrize(
    ("sheet", "file", "message"),
    [
        ("無い", "book", f"no sheet '無い'; {SHEETS}: give one of their names, or a number from 1 to 2"),
        ("3", "book", f"no sheet '3'; {SHEETS}: give one of their names, or a number from 1 to 2"),
        ("2", "csv", "sheet= (--sheet on the command line) applies to xlsx input, not to csv"),
        (
            "1",
            "book",
            "the columns of sheet '表紙' (its sheets are 表紙, ラベル) are ['説明']",
        ),
        (
            None,
            "book",
            # h341: the sheet that has the columns is named, not "if the labels are on another sheet, give it with
            # sheet= (--sheet on the command line), or name that sheet 'labels'" (kept for a workbook none of whose
            # other sheets has them: test_the_sheet_that_has_the_columns_is_named)
            "read it with sheet='ラベル' (--sheet 'ラベル' on the command line), or name it 'labels' (a workbook's "
            "sheet of that name is read first)",
        ),
    ],
)
def test_a_wrong_sheet_is_an_error_that_says_what_to_do(
    invoke, tiny_model_dir, book, tiny_csv, tmp_path, command, sheet, file, message
):
    data = book if file == "book" else tiny_csv
    option = ["--sheet", sheet] if sheet is not None else []
    result = invoke(*_command(command, data, tiny_model_dir, tmp_path), *option)
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.output.split()), result.output
    assert "Traceback" not in result.output


def test_a_sheet_given_for_an_add_workbook_names_the_csv_data_it_applies_to(invoke, book, tiny_csv, tmp_path):
    """Regression (h173): train DATA.csv --add BOOK.xlsx --sheet 2 said "sheet= … applies to xlsx input, not to
    csv", naming no file: the user, who meant the --add workbook's sheet, could not tell which file was meant."""
    result = invoke(*_command("train", tiny_csv, tmp_path, tmp_path), "--add", book, "--sheet", "2")
    assert result.exit_code == 2, result.output
    assert (
        f"taikai: error: {tiny_csv}: sheet= (--sheet on the command line) applies to xlsx input, not to csv; "
        "leave it out"
    ) in " ".join(result.stderr.split())
    assert "Traceback" not in result.output


def test_a_sheet_given_that_lacks_the_column_points_to_sheet(invoke, tiny_model_dir, book, tmp_path):
    result = invoke(*_command("evaluate", book, tiny_model_dir, tmp_path), "--sheet", "表紙")
    assert result.exit_code == 2, result.output
    output = " ".join(result.output.split())
    assert "sheet 'ラベル' has 'text' and 'reasons' and 'sentiment': read it with sheet='ラベル' (--sheet" in output
    assert "the first" not in output


@pytest.mark.parametrize("command", ["train", "evaluate", "rules"])
@pytest.mark.parametrize(
    ("holder", "said"),
    [
        # h341: a summary sheet first was told only "if the labels are on another sheet, …", and train --add, first,
        # to rename the summary's 理由 column to reasons
        ("データ", "sheet 'データ' has 'text' and 'reasons'"),
        # no other sheet has the columns: the advice names none
        (None, "if the labels are on another sheet, give it with sheet= (--sheet on the command line), or name that"),
    ],
)
def test_the_sheet_that_has_the_columns_is_named(invoke, tiny_model_dir, tiny_csv, tmp_path, command, holder, said):
    import pandas as pd

    path = tmp_path / "book.xlsx"
    data = pd.read_csv(tiny_csv)
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"理由": ["手数料"], "件数": [3]}).to_excel(writer, sheet_name="集計", index=False)
        (data if holder else data.rename(columns={"text": "本文"})).to_excel(writer, sheet_name="データ", index=False)
    result = invoke(*_command(command, path, tiny_model_dir, tmp_path))
    assert result.exit_code == 2, result.output
    assert said in " ".join(result.output.split()), result.output
    if holder:
        read = "read it with sheet='データ' (--sheet 'データ' on the command line), or name it 'labels'"
        assert read in " ".join(result.output.split()), result.output
    followed = invoke(*_command(command, path, tiny_model_dir, tmp_path), "--sheet", "データ")
    assert (followed.exit_code == 0) == bool(holder), followed.output


def test_train_help_says_add_files_are_read_from_their_labels_sheet(invoke):
    result = invoke("train", "--help")
    assert "An xlsx --add file is read from its sheet named labels, else its first." in " ".join(result.output.split())
