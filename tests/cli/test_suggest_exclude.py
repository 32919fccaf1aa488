"""taikai suggest --exclude: a second round does not hand back the rows of the sheets handed out before."""

import csv
import os

import openpyxl
import pandas as pd
import pytest

from tests.suggestion.test_suggest import predictions


@pytest.fixture
def pred(tmp_path):
    """A predictions CSV (60 rows, 2 not ok) with ids in review_id and texts holding an e-mail address."""
    df = predictions().rename(columns={"body": "text"})
    df["text"] = [f"{t} 連絡先 user{i}@example.com" for i, t in enumerate(df["text"])]
    path = tmp_path / "pred.csv"
    df.to_csv(path, index=False)
    return path


def sheet_column(path, column):
    if path.suffix == ".xlsx":
        ws = openpyxl.load_workbook(path).worksheets[0]
        header = [c.value for c in ws[1]]
        return [str(row[header.index(column)]) for row in ws.iter_rows(min_row=2, values_only=True)]
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [row[column] for row in csv.DictReader(f)]


@pytest.mark.parametrize(
    ("first_options", "suffix", "column"),
    [
        (["--id-column", "review_id"], ".xlsx", "review_id"),  # by id
        (["--id-column", "review_id"], ".csv", "review_id"),
        ([], ".xlsx", "review_id"),  # the id column found by its name, as the report finds it
        ([], ".xlsx", "text"),  # no id column: row numbers, matched by text
        ([], ".csv", "text"),
        (["--mask-pii"], ".xlsx", "row"),  # masked texts match the masked predictions
        (["--mask-pii"], ".csv", "row"),
    ],
    ids=["id-xlsx", "id-csv", "id-named-xlsx", "text-xlsx", "text-csv", "masked-xlsx", "masked-csv"],
)
def test_second_round_skips_the_first_rounds_rows(invoke, tmp_path, pred, first_options, suffix, column):
    if column != "review_id":  # no column named as ids: the sheet numbers the rows, matched again by their texts
        pd.read_csv(pred, dtype=str).drop(columns="review_id").to_csv(pred, index=False)
    s1 = tmp_path / f"s1{suffix}"
    s2 = tmp_path / f"s2{suffix}"
    first = invoke("suggest", pred, "-o", s1, "--n", "10", *first_options)
    assert first.exit_code == 0, first.output
    second = invoke("suggest", pred, "-o", s2, "--n", "10", *first_options, "--exclude", s1)
    assert second.exit_code == 0, second.stderr
    said = "left out as handed out before, in the files given to exclude= (--exclude on the command line): "
    assert f"{said}10 in {s1}; near-duplicates of them: 0\n" in second.output
    assert "10 rows to label" in second.output
    assert not set(sheet_column(s1, column)) & set(sheet_column(s2, column))


def test_several_files_are_counted_each_and_one_matching_nothing_is_warned_of(invoke, tmp_path, pred):
    s1, s2, other = tmp_path / "s1.xlsx", tmp_path / "s2.csv", tmp_path / "other.csv"
    other.write_text("text,reasons\nまったく別のレビュー,fees\n", encoding="utf-8")
    assert invoke("suggest", pred, "-o", s1, "--n", "10").exit_code == 0
    assert invoke("suggest", pred, "-o", s2, "--n", "5", "--exclude", s1).exit_code == 0
    result = invoke("suggest", pred, "-o", tmp_path / "s3.xlsx", "--exclude", s1, "--exclude", other, "--exclude", s2)
    assert result.exit_code == 0, result.stderr
    assert f"given to exclude= (--exclude on the command line): 10 in {s1}, 0 in {other}, 5 in {s2};" in result.output
    assert (
        f"taikai: warning: {other}, given to exclude= (--exclude on the command line): none of its 1 row(s) is a row "
        "of the predictions, by id or text; "
        "is it a sheet or labelled file of this data?"
    ) in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            None,
            "taikai: error: {path}, given to exclude= (--exclude on the command line): no such file; give the sheets "
            "handed out before",
        ),
        (
            "note\nx\n",
            "taikai: error: {path}, given to exclude= (--exclude on the command line): no column 'text' (nor "
            "'review_id') to match rows by (its columns: 'note')",
        ),
    ],
)
def test_an_unusable_exclude_file_is_an_error_without_traceback(invoke, tmp_path, pred, content, message):
    path = tmp_path / "labelled.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = invoke("suggest", pred, "-o", tmp_path / "s.xlsx", "--exclude", path)
    assert result.exit_code != 0
    assert result.stderr.startswith(message.format(path=path)), result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "s.xlsx").exists()


def test_a_sheet_of_another_dump_whose_ids_restart_is_warned_of(invoke, tmp_path, pred):
    # fix/h60: a sheet of another dump (ids R00001… again, other texts) left out its rows silently
    other = tmp_path / "a1.csv"
    other.write_text("review_id,text\nr001,別のダンプの文\nr002,これも別のダンプ\n", encoding="utf-8")
    result = invoke("suggest", pred, "-o", tmp_path / "s2.csv", "--id-column", "review_id", "--exclude", other)
    assert result.exit_code == 0, result.stderr
    assert f"given to exclude= (--exclude on the command line): 2 in {other};" in result.output
    assert (
        f"taikai: warning: {other}, given to exclude= (--exclude on the command line): 2 row(s) match a prediction by "
        "id but their texts differ (e.g. id "
        "r001): is the sheet from another dump? They are left out by id all the same"
    ) in result.stderr


def test_an_empty_exclude_is_named_by_its_position_not_read_as_the_current_folder(invoke, tmp_path, pred):
    """Regression: --exclude "" said "., given to exclude= …: no such file" (Path("") is the current folder)."""
    result = invoke("suggest", pred, "-o", tmp_path / "s.xlsx", "--exclude", "")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "taikai: error: item 1 of exclude= (--exclude on the command line) is empty; give the sheets handed out "
        "before, or labelled files, by their paths"
    ), result.stderr


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
@pytest.mark.parametrize(
    ("output", "named"),
    [
        (lambda d: d / "s1.csv", "s1.csv"),  # the same name
        (lambda d: d / "sub" / ".." / "s1.csv", "s1.csv"),  # another name of it
        (lambda d: d / "link.csv", "s1.csv"),  # a symbolic link to it
        (lambda d: d / "hard.csv", "s1.csv"),  # a hard link to it
    ],
    ids=["same", "dotdot", "symlink", "hardlink"],
)
def test_an_output_that_is_a_sheet_given_to_exclude_is_refused_even_with_force(
    invoke, tmp_path, pred, force, output, named
):
    """Regression (R15): -o s1.csv --exclude s1.csv --force replaced the filled-in sheet it read by a blank one."""
    s1 = tmp_path / "s1.csv"
    assert invoke("suggest", pred, "-o", s1, "--n", "10").exit_code == 0
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.csv").symlink_to(s1)
    (tmp_path / "hard.csv").hardlink_to(s1)
    before = s1.read_bytes()
    out = output(tmp_path)
    result = invoke("suggest", pred, "-o", out, "--n", "10", "--exclude", s1, *force)
    assert result.exit_code != 0
    assert (
        f"taikai: error: {out}: the output would overwrite {s1}, given to exclude= (--exclude on the command line); "
        "choose another output file"
    ) in result.stderr
    assert "--force" not in result.stderr and "Traceback" not in result.stderr
    assert s1.read_bytes() == before


@pytest.mark.parametrize(
    ("make", "given", "message"),
    [
        (
            lambda d: (d / "folder").mkdir(),
            "folder",
            "{path}, given to exclude= (--exclude on the command line): is a directory, not a file; give a data file "
            "in it",
        ),
        (
            lambda d: [(d / "model").mkdir(), (d / "model" / "model.joblib").touch()],
            "model",
            "{path}, given to exclude= (--exclude on the command line): is a directory, not a file: a model directory",
        ),
        (
            lambda d: os.mkfifo(d / "pipe.csv"),
            "pipe.csv",
            "{path}, given to exclude= (--exclude on the command line): is a pipe, not a regular file",
        ),
        (
            lambda d: None,
            "-",
            "-, given to exclude= (--exclude on the command line): standard input is not read here; give the sheets "
            "handed out before, or labelled files, by their paths",
        ),
    ],
    ids=["folder", "model-folder", "fifo", "stdin"],
)
def test_an_exclude_that_is_no_file_is_said_to_be_what_it_is(invoke, tmp_path, pred, make, given, message):
    """Regression (R15): a folder, a FIFO or - given to --exclude was said to be "no such file". Regression (h173):
    the message did not name --exclude (it read as if PREDICTIONS were the folder), and for - it said that suggest
    reads no standard input and that predict and explain do, which is no help with an --exclude sheet."""
    make(tmp_path)
    path = given if given == "-" else tmp_path / given
    result = invoke("suggest", pred, "-o", tmp_path / "s2.csv", "--exclude", path)
    assert result.exit_code != 0
    assert f"taikai: error: {message.format(path=path)}" in result.stderr
    assert "no such file" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "s2.csv").exists()
