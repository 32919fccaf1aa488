"""classify_file and taikai.dask.classify_files without text_column: an InputError naming the input's columns, as
taikai batch says it, not a bare TypeError."""

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import taikai
from taikai.errors import InputError

SAID = "give the column of texts with text_column= (--text-column on the command line)"


@pytest.mark.parametrize(
    ("engine", "given", "options", "listed"),
    [
        # regression: TypeError "the text column is needed: text_column=", without the columns
        ("local", "multi.csv", {}, "; {path}'s columns are ['ID', '本文']"),
        ("local", "multi.tsv", {"input_format": "tsv"}, "; {path}'s columns are ['ID', '本文']"),
        ("local", "cp932.csv", {"encoding": "cp932"}, "; {path}'s columns are ['ID', '本文']"),
        ("dask", "multi.csv", {}, "; {path}'s columns are ['ID', '本文']"),
        ("dask", "*.csv", {}, "; {path}'s columns are ['ID', '本文']"),
        ("dask", "parts", {}, "; {path}'s columns are ['ID', '本文']"),
        # regression: the first file's keys were said to be the glob's columns, a later file's ('text') left out
        ("dask", "j/*.jsonl", {}, "; {path}'s columns (those of {tmp}/j/a.jsonl: the other files may add keys) are "),
        ("dask", "j", {}, "; {path}'s columns (those of {tmp}/j/a.jsonl: the other files may add keys) are "),
        ("dask", "j/a.jsonl", {}, "; {path}'s columns are "),
    ],
)
def test_no_text_column_names_the_columns(tmp_path, engine, given, options, listed):
    (tmp_path / "multi.csv").write_text("ID,本文\n1,手数料が高い\n", encoding="utf-8")
    (tmp_path / "multi.tsv").write_text("ID\t本文\n1\t手数料が高い\n", encoding="utf-8")
    (tmp_path / "cp932.csv").write_bytes("ID,本文\n1,手数料が高い\n".encode("cp932"))
    (tmp_path / "parts").mkdir()
    pq.write_table(pa.table({"ID": ["1"], "本文": ["手数料が高い"]}), tmp_path / "parts" / "a.parquet")
    (tmp_path / "j").mkdir()
    (tmp_path / "j" / "a.jsonl").write_text('{"ID": 1, "本文": "x"}\n', encoding="utf-8")
    (tmp_path / "j" / "b.jsonl").write_text('{"ID": 2, "text": "手数料が高い"}\n', encoding="utf-8")
    listed += "['ID', '本文']" if listed.endswith("are ") else ""
    path = tmp_path / given
    run = pytest.importorskip("taikai.dask").classify_files if engine == "dask" else taikai.classify_file
    with pytest.raises(InputError) as caught:
        run(path, tmp_path / "out.csv", **options)
    assert str(caught.value) == SAID + listed.format(path=path, tmp=tmp_path)
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    ("engine", "given", "said"),
    [
        # regression: the local engine asked for text_column (then said the folder), the Dask engine read the model
        ("local", "parts", "is a folder; the local engine reads one file"),
        ("local", "model", "is a directory, not a file: a model directory (it holds model.joblib and metadata.json)"),
        ("dask", "model", "is a directory, not a file: a model directory (it holds model.joblib and metadata.json)"),
    ],
)
def test_a_folder_is_said_before_the_missing_text_column(tmp_path, tiny_model_dir, engine, given, said):
    (tmp_path / "parts").mkdir()
    pq.write_table(pa.table({"ID": ["1"], "本文": ["手数料が高い"]}), tmp_path / "parts" / "a.parquet")
    path = tiny_model_dir if given == "model" else tmp_path / given
    run = pytest.importorskip("taikai.dask").classify_files if engine == "dask" else taikai.classify_file
    with pytest.raises(InputError) as caught:
        run(path, tmp_path / "out.csv")
    assert str(caught.value).startswith(f"{path}: {said}"), caught.value
    assert not (tmp_path / "out.csv").exists()


def test_an_unknown_option_is_still_named_before_the_missing_column(tmp_path):
    (tmp_path / "in.csv").write_text("ID,本文\n1,手数料が高い\n", encoding="utf-8")
    with pytest.raises(
        TypeError, match=r"classify_file\(\) got an unexpected keyword argument .job. \(did you mean .jobs.\?\)"
    ):
        taikai.classify_file(tmp_path / "in.csv", tmp_path / "out.csv", job=2)


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_missing_input_is_said_before_the_missing_text_column(tmp_path, engine):
    """Regression: classify_file on a file that does not exist, without text_column, asked for text_column."""
    run = pytest.importorskip("taikai.dask").classify_files if engine == "dask" else taikai.classify_file
    said = {"local": "no such file", "dask": "no file matches; give a directory, a file or a quoted glob"}[engine]
    with pytest.raises(InputError) as caught:
        run(tmp_path / "missing.csv", tmp_path / "out.csv")
    assert str(caught.value).startswith(f"{tmp_path / 'missing.csv'}: {said}"), caught.value


@pytest.mark.parametrize(
    ("engine", "said"),
    [
        # regression: no column was pointed at
        ("local", "; '口コミ' reads as reviews: text_column='口コミ' (--text-column '口コミ' on the command line)"),
        ("dask", ""),  # the Dask engine reads no row before the run: no guess
    ],
)
def test_no_text_column_names_the_column_of_reviews(tmp_path, engine, said):
    path = tmp_path / "excel.csv"
    path.write_bytes("ID,口コミ\n1,報酬が安すぎて続けられませんでした。\n".encode("cp932"))
    run = pytest.importorskip("taikai.dask").classify_files if engine == "dask" else taikai.classify_file
    with pytest.raises(InputError) as caught:
        run(path, tmp_path / "out.csv", **({"encoding": "cp932"} if engine == "dask" else {}))
    assert str(caught.value) == f"{SAID}; {path}'s columns are ['ID', '口コミ']{said}"


REVIEWS = [f"報酬が安すぎて続けられませんでした（{i}件目）。" for i in range(8)]
SHORT = ["低単価。", "手数料高い", "案件少ない", "もう使わない", "返信こない", "時間ない", "直契約へ", "他サービスへ"]


@pytest.mark.parametrize(
    ("columns", "guessed"),
    [
        ({"url": [f"https://crowdworks.jp/public/jobs/{i}?ref=top!" for i in range(8)], "口コミ": REVIEWS}, ["口コミ"]),
        ({"url": [f"https://crowdworks.jp/public/jobs/{i}?ref=top" for i in range(8)], "review": SHORT}, []),
        ({"mail": [f"user{i}@example.co.jp" for i in range(8)], "口コミ": REVIEWS}, ["口コミ"]),
        ({"memo": ["要確認。", "済", "対応済み。", "要確認。"] * 2, "review": ["はい", "いいえ"] * 4}, []),
        ({"memo": ["要確認。", "対応済み。"] * 4, "口コミ": REVIEWS}, ["口コミ"]),
        ({"ID": list(range(8)), "date": [f"2024-01-0{i + 1}" for i in range(8)], "名前": ["田中 太郎"] * 8}, []),
    ],
    ids=[
        "url-beside-reviews",
        "url-beside-short-texts",
        "mail",
        "memo-of-stock-phrases",
        "memo-beside-reviews",
        "name",
    ],
)
def test_the_reviews_guess_never_names_a_column_of_links_or_stock_phrases(tmp_path, columns, guessed):
    """Regression: a column of links (``?``, ``!`` in their queries) read as reviews, and so did a memo column of a
    few stock phrases ending in ``。``; beside a column of short reviews, either was the one column named."""
    path = tmp_path / "in.csv"
    pd.DataFrame(columns).to_csv(path, index=False)
    with pytest.raises(InputError) as caught:
        taikai.classify_file(path, tmp_path / "out.csv")
    said = str(caught.value)
    assert ("reads as reviews" in said) is bool(guessed), said
    for column in columns:
        assert (f"text_column={column!r}" in said) is (column in guessed), said


COVER = [["このブックは退会アンケートです"], ["作成", "山本"]]
ANSWERS = [["回答ID", "退会理由(自由記述)", "日付"]] + [[i, text, "2026/11/01"] for i, text in enumerate(REVIEWS)]
SUMMARY = [["理由", "件数"], ["単価", 3]]
FREE = "'退会理由(自由記述)'"
TOLD = f"; sheet '回答' has {FREE}, which reads as reviews: read it with "
SHEET_AND_COLUMN = f"--sheet '回答' --text-column {FREE}"


@pytest.mark.parametrize(
    ("sheets", "options", "said"),
    [
        # regression: a cover sheet's title was said to be over a header ('作成', '山本') to delete the rows above
        (
            [("概要", COVER), ("回答", ANSWERS)],
            {},
            "of sheet '概要' (the first; its sheets are 概要, 回答) are ['このブックは退会アンケートです']"
            f"{TOLD}sheet='回答', text_column={FREE} ({SHEET_AND_COLUMN} on the command line)",
        ),
        (
            [("概要", [["件数", "メモ"], [8, "済"]]), ("集計", SUMMARY), ("回答", ANSWERS)],
            {},
            "of sheet '概要' (the first; its sheets are 概要, 集計, 回答) are ['件数', 'メモ']"
            f"{TOLD}sheet='回答', text_column={FREE} ({SHEET_AND_COLUMN} on the command line)",
        ),
        (
            [("概要", COVER), ("回答", ANSWERS)],
            {"sheet": "回答"},
            f"of sheet '回答' (its sheets are 概要, 回答) are ['回答ID', {FREE}, '日付'], or read another sheet with "
            f"sheet= (--sheet NAME on the command line); {FREE} reads as reviews: text_column={FREE} (--text-column "
            f"{FREE} on the command line)",
        ),
        (  # no sheet of reviews: the title's advice and any other sheet, as before
            [("概要", COVER), ("集計", SUMMARY)],
            {},
            "of sheet '概要' (the first; its sheets are 概要, 集計) are ['このブックは退会アンケートです']; "
            "row 1 holds one cell, as a title does: if row 2 ('作成', '山本') is the header, delete the rows above "
            "it (taikai reads the header from row 1), or read another sheet with sheet= (--sheet NAME on the "
            "command line)",
        ),
    ],
    ids=["cover-then-answers", "two-summaries-then-answers", "answers-read", "no-answers"],
)
def test_no_text_column_names_the_sheet_of_reviews(tmp_path, sheets, options, said):
    from support_workbooks import sheets_workbook

    path = sheets_workbook(tmp_path / "アンケート 11月.xlsx", sheets)
    with pytest.raises(InputError) as caught:
        taikai.classify_file(path, tmp_path / "out.csv", **options)
    assert str(caught.value) == f"{SAID}; {path}'s columns {said}"


def test_batch_without_text_column_is_told_the_sheet_and_column_to_give(tmp_path):
    from click.testing import CliRunner
    from support_workbooks import sheets_workbook

    from taikai.cli import cli

    path = sheets_workbook(tmp_path / "アンケート 11月.xlsx", [("概要", COVER), ("回答", ANSWERS)])
    result = CliRunner().invoke(cli, ["batch", str(path), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 2, result.output
    assert result.output.strip().endswith(TOLD + SHEET_AND_COLUMN), result.output
