"""A path given to a function or option is checked before anything is read: ``""`` and blanks are said to be
empty or blank (``Path("")`` is the current folder, which was read as ``.: is a directory``), and a file given to an
option that is no file to read is named as given to that option (taikai.io._given_file)."""

from __future__ import annotations

from pathlib import Path

import pytest

import taikai
from taikai.errors import ADD, EXCLUDE, InputError

GIVE = "give the files by their paths"
RULES = Path(__file__).parents[2] / "examples" / "rules.toml"


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (
            lambda tmp, model: taikai.train("", tmp / "m"),
            "data is empty; give the path of a labelled data file (CSV, TSV,",
        ),
        (lambda tmp, model: taikai.train("  ", tmp / "m"), "data is blank; give the path of a labelled data file"),
        (
            lambda tmp, model: taikai.suggest(""),
            "predictions is empty; give the path of a predictions file (taikai batch",
        ),
        (lambda tmp, model: taikai.suggest("\t"), "predictions is blank; give the path of a predictions file"),
        (
            lambda tmp, model: taikai.classify_file("", tmp / "o.csv"),
            "input is empty; give the path of a data file (CSV,",
        ),
        (lambda tmp, model: taikai.classify_file(" ", tmp / "o.csv"), "input is blank; give the path of a data file"),
        (lambda tmp, model: taikai.evaluate(model, ""), "data is empty; give the path of a labelled data file"),
        (lambda tmp, model: taikai.evaluate_rules(RULES, " "), "data is blank; give the path of a labelled data file"),
    ],
    ids=[
        *("train", "train blank", "suggest", "suggest blank", "classify_file", "classify_file blank"),
        *("evaluate", "evaluate_rules blank"),
    ],
)
def test_the_api_says_an_empty_path_is_empty_not_the_current_folder(call, said, tmp_path, monkeypatch, tiny_model):
    """Regression: taikai.train(""), suggest(""), evaluate(model, "") and evaluate_rules(rules, "") said ".: is a
    directory, not a file", classify_file("") ".: is a folder", where the command line says the path is empty."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as raised:
        call(tmp_path, tiny_model)
    assert str(raised.value).startswith(said), raised.value
    assert not (tmp_path / "m").exists() and not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize(
    ("item", "option", "position", "said"),
    [
        ("", ADD, None, "add is empty (add= (--add on the command line)); " + GIVE),
        (" ", EXCLUDE, 2, "item 3 of exclude= (--exclude on the command line) is blank; " + GIVE),  # exclude[2] before
        ("-", ADD, 0, "-, given to add= (--add on the command line): standard input is not read here; " + GIVE),
        ("missing.csv", EXCLUDE, None, "missing.csv, given to exclude= (--exclude on the command line): no such file"),
        (".", ADD, None, "., given to add= (--add on the command line): is a directory, not a file; give a data file"),
    ],
)
def test_check_given_file_names_the_option(item, option, position, said, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as raised:
        taikai.io.check_given_file(item, option, GIVE, position)
    assert str(raised.value).startswith(said), raised.value


@pytest.mark.parametrize("name", ["a.csv", "-"], ids=["a file", "a file named -"])
def test_a_file_passes(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text("text\nx\n", encoding="utf-8")
    taikai.io.check_given_file(name, ADD, GIVE)


TEXT_FILE = "a .txt file is plain text, not one of the tables read here (CSV, TSV, xlsx, JSONL, Parquet): "


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (
            lambda tmp: taikai.train(tmp / "data.csv", tmp / "m", add=[tmp / "notes.txt"]),
            f"notes.txt, given to add= (--add on the command line): {TEXT_FILE}give the labelled files to train on "
            "too by their paths; if it holds a table (a header, then one row per line), give it the extension .csv",
        ),
        (
            lambda tmp: taikai.suggest(tmp / "data.csv", tmp / "s.csv", exclude=[tmp / "notes.txt"]),
            f"notes.txt, given to exclude= (--exclude on the command line): {TEXT_FILE}give the sheets handed out "
            "before, or labelled files, by their paths;",
        ),
        (
            lambda tmp: taikai.train(tmp / "data.csv", tmp / "m", add=[tmp / "book.txt"]),
            "book.txt, given to add= (--add on the command line): is an .xlsx (Excel) workbook, whatever its name, "
            "not a plain text file; rename it .xlsx",
        ),
        (
            lambda tmp: taikai.check_drift(tmp / "data.csv", reference=tmp / "notes.txt"),
            f"notes.txt, given to reference= (--reference on the command line): {TEXT_FILE}give a dump or "
            "predictions file to compare with by its path, or leave it out to compare with the model's training "
            "statistics; if it holds a table (a header, then one row per line), name its format with "
            "reference_input_format= (--reference-input-format on the command line): csv or tsv",
        ),
        (
            lambda tmp: taikai.check_drift(tmp / "data.csv", reference=tmp / "book.txt"),
            "book.txt, given to reference= (--reference on the command line): is an .xlsx (Excel) workbook, whatever "
            "its name, not a plain text file; name its format with reference_input_format= (--reference-input-format "
            "on the command line): xlsx, or rename it .xlsx",
        ),
    ],
    ids=["add", "exclude", "a workbook named .txt", "reference", "a workbook named .txt as reference"],
)
def test_a_text_file_given_to_an_option_is_told_what_the_option_takes(call, said, tmp_path):
    """Regression: a .txt file given to --add, --exclude or --reference was told the main input's advice first, to
    classify its lines with taikai predict (--reference then to name its format)."""
    import pandas as pd

    (tmp_path / "data.csv").write_text("text,reasons,sentiment\n手数料が高い,fees,negative\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("手数料が高い\n単価が安い\n", encoding="utf-8")
    pd.DataFrame({"text": ["手数料が高い"]}).to_excel(tmp_path / "book.xlsx", index=False)
    (tmp_path / "book.txt").write_bytes((tmp_path / "book.xlsx").read_bytes())
    with pytest.raises(InputError) as raised:
        call(tmp_path)
    assert str(raised.value).startswith(f"{tmp_path / said.split(',')[0]}{said[said.index(',') :]}"), raised.value
    assert "taikai predict" not in str(raised.value)
