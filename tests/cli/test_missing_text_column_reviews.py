"""A --text-column that the file does not have: batch and drift name the column that reads as reviews, as evaluate,
train and rules test name it, so that the way out is written in the error."""

import shlex

import pytest

REVIEWS = [
    "単価が安すぎて、続ける意味がなかった。",
    "手数料が二割も引かれるので、やめました。",
    "提案を百件出しても一件も通らなかった。",
    "本業が忙しくなって時間がなくなりました。",
]


def _dump(path, text: str) -> None:
    rows = "".join(f"{i},2025-01-0{i},{review}\n" for i, review in enumerate(REVIEWS, 1))
    path.write_text(f"ID,投稿日,{text}\n{rows}", encoding="utf-8")


def _said(path, given: str, column: str, argument: str = "text_column") -> str:
    option = "--" + argument.replace("_", "-")
    return (
        f"taikai: error: {path}: no column {given!r}; the columns are ['ID', '投稿日', {column!r}]; give the right one "
        f"to {argument}= ({option} on the command line); {column!r} reads as reviews: {argument}={column!r} "
        f"({option} {shlex.quote(column)} on the command line)"
    )


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["batch", "{dump}", "-o", "{out}.csv", "--text-column", "本文"], ("{dump}", "本文", "口コミ")),
        (["batch", "{dump}", "-o", "{out}", "--text-column", "本文", "--engine", "dask"], ("{dump}", "本文", "口コミ")),
        (["drift", "{dump}", "--text-column", "本文", "--model", "{model}"], ("{dump}", "本文", "口コミ")),
        (  # the reference file's column is told with its own option
            ["drift", "{dump}", "--text-column", "口コミ", "--reference", "{ref}", "--model", "{model}"],
            ("{ref}", "口コミ", "body", "reference_text_column"),
        ),
    ],
    ids=["batch-local", "batch-dask", "drift", "drift-reference"],
)
def test_a_text_column_not_there_names_the_column_that_reads_as_reviews(
    invoke, tmp_path, tiny_model_dir, command, said
):
    """Regression (h322): `taikai batch アンケート.csv -o out.csv --text-column 本文` (and drift, for the dump and
    for its --reference) said only "give the right one to text_column= (--text-column on the command line)",
    though batch run without --text-column, and evaluate given a wrong one, name the column of reviews."""
    _dump(tmp_path / "dump.csv", "口コミ")
    _dump(tmp_path / "ref.csv", "body")
    names = {"dump": tmp_path / "dump.csv", "ref": tmp_path / "ref.csv", "out": tmp_path / "out"}
    args = [arg.format(**names, model=tiny_model_dir) for arg in command]
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    path, given, column, *argument = said
    assert result.stderr.splitlines() == [_said(path.format(**names), given, column, *argument)]
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "command",
    [["report", "{copy}", "-o", "{out}.html", "-m", "{model}"], ["suggest", "{copy}", "-o", "{out}.xlsx"]],
    ids=["report", "suggest"],
)
def test_predictions_without_their_text_column_name_the_column_that_reads_as_reviews(
    invoke, tmp_path, tiny_model_dir, command
):
    """Regression (h322): predictions copied without their batch summary (edited in Excel, renamed) default to a
    column named text; report and suggest said only "give the right one to text_column=", not which column held
    the reviews."""
    _dump(tmp_path / "dump.csv", "口コミ")
    batched = invoke(
        "batch", tmp_path / "dump.csv", "-o", tmp_path / "p.csv", "--text-column", "口コミ", "-m", tiny_model_dir
    )
    assert batched.exit_code == 0, batched.output
    copy = tmp_path / "copy.csv"
    copy.write_bytes((tmp_path / "p.csv").read_bytes())  # no summary beside it: the text column is text
    args = [arg.format(copy=copy, out=tmp_path / "out", model=tiny_model_dir) for arg in command]
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    [said] = result.stderr.splitlines()
    assert said.startswith(
        f"taikai: error: {copy}: no column 'text'; the columns are ['ID', '投稿日', '口コミ', 'status'"
    )
    hint = "'口コミ' reads as reviews: text_column='口コミ' (--text-column '口コミ' on the command line)"
    assert said.endswith(f"; give the right one to text_column= (--text-column on the command line); {hint}")
    assert not (tmp_path / "out.html").exists() and not (tmp_path / "out.xlsx").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["batch", "{dump}", "-o", "{out}.csv"],
        ["batch", "{dump}", "-o", "{out}.csv", "--text-column", "本文"],
        ["batch", "{dump}", "-o", "{out}", "--text-column", "本文", "--engine", "dask"],
        ["drift", "{dump}", "--text-column", "本文", "--model", "{model}"],
        ["evaluate", "{dump}", "--model", "{model}"],
        ["train", "{dump}", "--out", "{out}", "--vectors", "none"],
    ],
    ids=["batch", "batch-text-column", "batch-dask", "drift", "evaluate", "train"],
)
@pytest.mark.parametrize("separator", ["\t", ";"], ids=["tab", "semicolon"])
def test_a_file_read_with_the_wrong_separator_names_no_whole_line_as_reviews(
    invoke, tmp_path, tiny_model_dir, command, separator
):
    """Regression (h355): a TSV named .csv (an Excel "テキスト (タブ区切り)" export renamed) read as one column whose
    cells are whole lines, ids and dates too; batch named that column as reviews, `--text-column
    'ID<TAB>投稿日<TAB>本文'`, which would classify every line, ids included, rather than only the separator's fix."""
    rows = "".join(f"{i}{separator}2025-01-0{i}{separator}{review}\n" for i, review in enumerate(REVIEWS, 1))
    dump = tmp_path / "dump.csv"
    dump.write_text(f"ID{separator}投稿日{separator}本文\n{rows}", encoding="utf-8")
    args = [arg.format(dump=dump, out=tmp_path / "out", model=tiny_model_dir) for arg in command]
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    [said] = result.stderr.splitlines()
    assert "reads as reviews" not in said, said
    assert ". The one column name holds " in said, said
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "out").exists()
