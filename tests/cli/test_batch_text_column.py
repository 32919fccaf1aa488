"""taikai batch without --text-column: a taikai: error: line naming the input's columns, not click's bare usage."""

import pyarrow as pa
import pyarrow.parquet as pq
import pytest


@pytest.mark.parametrize(
    ("engine", "given"),
    [
        ("local", "multi.csv"),
        ("dask", "multi.csv"),  # the Dask engine said only "give the column of texts with --text-column"
        ("dask", "*.csv"),
        ("dask", "parts"),
    ],
)
def test_batch_without_text_column_names_the_columns(invoke, tmp_path, engine, given):
    """Regression: click's 'Missing option '--text-column'' did not say which columns the input has."""
    (tmp_path / "multi.csv").write_text("ID,本文\n1,手数料が高い\n", encoding="utf-8")
    (tmp_path / "parts").mkdir()
    pq.write_table(pa.table({"ID": ["1"], "本文": ["手数料が高い"]}), tmp_path / "parts" / "a.parquet")
    path = tmp_path / given
    result = invoke("batch", path, "-o", tmp_path / ("o.csv" if engine == "local" else "o"), "--engine", engine)
    assert result.exit_code == 2, result.output
    said = f"taikai: error: give the column of texts with --text-column; {path}'s columns are ['ID', '本文']"
    assert result.output.splitlines() == [said]
    assert not (tmp_path / "o.csv").exists() and not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("engine", "header", "said"),
    [
        ("local", "id,text", " (--text-column text reads the column named text)"),
        ("dask", "id,text", " (--text-column text reads the column named text)"),
        ("local", "id,texts", ""),  # only a column named text exactly is pointed at
    ],
)
def test_batch_without_text_column_says_how_to_read_a_column_named_text(invoke, tmp_path, engine, header, said):
    """Regression: a file with a column named text was told only to give the column of texts with --text-column."""
    path = tmp_path / "dump.csv"
    path.write_text(f"{header}\n1,手数料が高い\n", encoding="utf-8")
    result = invoke("batch", path, "-o", tmp_path / ("o.csv" if engine == "local" else "o"), "--engine", engine)
    assert result.exit_code == 2, result.output
    columns = header.split(",")
    assert result.output.splitlines() == [
        f"taikai: error: give the column of texts with --text-column; {path}'s columns are {columns}{said}"
    ]


def _two_sheets(path):
    import pandas as pd

    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"メモ": ["説明"]}).to_excel(writer, sheet_name="README", index=False)
        pd.DataFrame({"本文": ["手数料が高い"]}).to_excel(writer, sheet_name="データ", index=False)


@pytest.mark.parametrize(
    ("name", "engine", "hint"),
    [
        (
            "two_sheets.xlsx",
            "local",
            "columns of sheet 'README' (the first; its sheets are README, データ) are ['メモ'], or read another "
            "sheet with sheet= (--sheet NAME on the command line)",
        ),
        ("tab.csv", "local", "the file looks tab-separated; read it as TSV (input_format='tsv', --input-format tsv"),
        ("tab.csv", "dask", "the file looks tab-separated; read it as TSV (input_format='tsv', --input-format tsv"),
    ],
)
def test_batch_without_text_column_gives_the_hints_of_a_missing_column(invoke, tmp_path, name, engine, hint):
    """Regression: without --text-column the columns were listed without the sheet read or the tab hint that
    a wrong --text-column gets."""
    path = tmp_path / name
    if name.endswith(".xlsx"):
        _two_sheets(path)
    else:
        path.write_text("id\t日付\tサービス\t本文\n1\t2024-01-01\tx\t高い\n", encoding="utf-8")
    result = invoke("batch", path, "-o", tmp_path / ("o.csv" if engine == "local" else "o"), "--engine", engine)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("taikai: error: give the column of texts with --text-column; "), result.output
    assert hint in result.output


def _sheet(path, rows):
    import openpyxl

    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)


TITLE_ROWS = [["レビュー集計 2025年"], ["出力日", "2025-12-01"], ["id", "text", "platform"], [1, "手数料が高い", "X"]]


@pytest.mark.parametrize(
    ("name", "write", "column", "said"),
    [
        (
            "hdr3.csv",
            lambda p: p.write_text("\n".join(",".join(map(str, r)) for r in TITLE_ROWS) + "\n", encoding="utf-8"),
            "text",
            "no column 'text'; the columns are ['レビュー集計 2025年']; 'text' is on line 3: the lines above it look "
            "like a title; delete them (taikai reads the header from line 1)",
        ),
        (
            "hdr3.xlsx",
            lambda p: _sheet(p, TITLE_ROWS),
            "text",
            "no column 'text'; the columns are ['レビュー集計 2025年']; 'text' is on row 3: the rows above it look "
            "like a title; delete them (taikai reads the header from row 1)",
        ),
        (
            "case.csv",
            lambda p: p.write_text("id,text\n1,手数料が高い\n", encoding="utf-8"),
            "Text",
            "no column 'Text' (did you mean 'text'?); the columns are ['id', 'text']; give the right one to "
            "text_column= (--text-column on the command line)",
        ),
        (
            "space.xlsx",
            lambda p: _sheet(p, [["id", "text "], [1, "手数料が高い"]]),
            "text",
            "no column 'text' (did you mean 'text '?); the columns are ['id', 'text ']; give the right one to "
            "text_column= (--text-column on the command line)",
        ),
        (
            "wide.csv",
            lambda p: p.write_bytes("id,ｔｅｘｔ\n1,手数料が高い\n".encode("cp932")),
            "text",
            "no column 'text' (did you mean 'ｔｅｘｔ'?); the columns are ['id', 'ｔｅｘｔ']; give the right one to "
            "text_column= (--text-column on the command line)",
        ),
    ],
    ids=["title above a CSV header", "title above a sheet header", "case", "trailing space", "full-width CP932"],
)
def test_a_text_column_not_found_says_the_near_miss_or_the_header_below(invoke, tmp_path, name, write, column, said):
    """Regression: only 'no column 'text'; the columns are [...]', whose advice led to a malformed record error."""
    path = tmp_path / name
    write(path)
    result = invoke("batch", path, "-o", tmp_path / "o.csv", "--text-column", column)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[0].startswith(f"taikai: error: {path}: {said}"), result.output
    assert not (tmp_path / "o.csv").exists()


EXCEL_PLAIN = "ID,投稿日,退会理由（自由記述）\r\n1,2026/11/01,手数料が高すぎる\r\n3,2026/11/03,単価が安い\r\n"
EXCEL_TITLED = "退会アンケート 2026年11月分,,\r\n,,\r\n" + EXCEL_PLAIN
TITLE_AT_3 = "'ID', '投稿日', '退会理由（自由記述）'"


@pytest.mark.parametrize(
    ("content", "options", "said", "not_said"),
    [
        (  # forgetting --text-column on Excel's CP932 export with a title row: the columns listed were the title
            EXCEL_TITLED,
            [],
            f"columns are ['退会アンケート 2026年11月分']; line 1 holds one cell, as a title does: if line 3 "
            f"({TITLE_AT_3}) is the header, delete the lines above it (taikai reads the header from line 1)",
            "(did you mean",
        ),
        (  # a column number: told to delete the header and a data row, as if line 5's id 3 were a header below a title
            EXCEL_PLAIN,
            ["--text-column", "3"],
            "no column '3' (columns are chosen by name, not by number: column 3, counting from 1, is "
            "'退会理由（自由記述）'); the columns are ['ID', '投稿日', '退会理由（自由記述）']; give the right one to ",
            "look like a title",
        ),
        (EXCEL_PLAIN, ["--text-column", "1"], "column 1, counting from 1, is 'ID')", "look like a title"),
        (  # a title file's id 3 on line 6 was said to be the header below the title: delete lines 1-5
            EXCEL_TITLED,
            ["--text-column", "3"],
            "no column '3' (columns are chosen by name, not by number); the columns are "
            f"['退会アンケート 2026年11月分']; line 1 holds one cell, as a title does: if line 3 ({TITLE_AT_3}) is "
            "the header",
            "'3' is on line",
        ),
    ],
    ids=["no --text-column, title row", "a column number", "a number that is an id of a data row", "title, number"],
)
def test_a_beginners_text_column_on_an_excel_export_gets_advice_that_works(
    invoke, tmp_path, content, options, said, not_said
):
    path = tmp_path / "退会アンケート (1).csv"
    path.write_bytes(content.encode("cp932"))
    result = invoke("batch", path, "-o", tmp_path / "o.csv", *options)
    assert result.exit_code == 2, result.output
    error = [line for line in result.output.splitlines() if line.startswith("taikai: error: ")]
    assert len(error) == 1 and said in error[0] and not_said not in error[0], result.output
    assert not (tmp_path / "o.csv").exists()


TITLE_HINT = (
    "line 1 holds one cell, as a title does: if line 3 ('ID', '投稿日', '退会理由（自由記述）') is the header, delete "
    "the lines above it (taikai reads the header from line 1)"
)


@pytest.mark.parametrize(
    ("engine", "given", "where"),
    [
        ("local", "in/a.csv", ""),
        ("dask", "in/a.csv", ""),
        ("dask", "in", "in FIRST, "),
        ("dask", "in/*.csv", "in FIRST, "),
    ],
    ids=["local", "dask-file", "dask-folder", "dask-glob"],
)
def test_batch_without_text_column_says_the_header_below_a_title_in_either_engine(
    invoke, tmp_path, engine, given, where
):
    """Regression: the Dask engine listed the title as the columns and said nothing of the header below it, which
    the local engine says (and the Dask engine too, given a --text-column)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.csv").write_bytes(EXCEL_TITLED.encode("cp932"))
    (tmp_path / "in" / "b.csv").write_bytes(EXCEL_TITLED.encode("cp932"))
    path = tmp_path / given
    result = invoke("batch", path, "-o", tmp_path / ("o.csv" if engine == "local" else "o"), "--engine", engine)
    assert result.exit_code == 2, result.output
    hint = where.replace("FIRST", str(tmp_path / "in" / "a.csv")) + TITLE_HINT
    said = f"give the column of texts with --text-column; {path}'s columns are ['退会アンケート 2026年11月分']; {hint}"
    errors = [line for line in result.output.splitlines() if line.startswith("taikai: error: ")]
    assert errors == [f"taikai: error: {said}"], result.output


@pytest.fixture(scope="module")
def ja_model(tmp_path_factory, tiny_csv):
    """A model trained on the tiny fixture with its texts in a column named 本文."""
    import pandas as pd

    import taikai

    root = tmp_path_factory.mktemp("ja_model")
    pd.read_csv(tiny_csv).rename(columns={"text": "本文"}).to_csv(root / "data.csv", index=False)
    config = taikai.FeatureConfig(min_df=1)
    taikai.train(root / "data.csv", root / "m", config=config, folds=0, test_size=0, text_column="本文")
    return root / "m"


@pytest.mark.parametrize(
    ("engine", "header", "said"),
    [
        ("local", "ID,本文", " (--text-column '本文' reads '本文', the column the model was trained on)"),
        ("dask", "ID,本文", " (--text-column '本文' reads '本文', the column the model was trained on)"),
        ("local", "ID,body", ""),  # a file without the model's column: nothing to point at
    ],
)
def test_batch_without_text_column_names_the_column_the_model_was_trained_on(
    invoke, tmp_path, ja_model, engine, header, said
):
    """Regression: with a model trained with --text-column 本文, a dump with that column was told only to give the
    column of texts with --text-column, not that 本文 is the one the model read; following the hint works."""
    path = tmp_path / "dump.csv"
    path.write_text(f"{header}\n1,手数料が高い\n", encoding="utf-8")
    out = tmp_path / ("o.csv" if engine == "local" else "o")
    result = invoke("batch", path, "-o", out, "--engine", engine, "-m", ja_model)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [
        f"taikai: error: give the column of texts with --text-column; {path}'s columns are {header.split(',')}{said}"
    ]
    if said:
        assert (
            invoke("batch", path, "-o", tmp_path / "again.csv", "-m", ja_model, "--text-column", "本文").exit_code == 0
        )


NAMED_TEXT = " (--text-column text reads the column named text)"


@pytest.mark.parametrize(
    ("engine", "header", "given", "said", "fixed"),
    [
        (
            "local",
            "text,reasons,sentiment",
            [],
            NAMED_TEXT + "; with --prefix pred_, its own 'reasons' and 'sentiment' stay apart from the model's columns "
            "(pred_reason, …)",
            ["--prefix", "pred_"],
        ),
        (
            "dask",
            "text,reasons,sentiment",
            [],
            NAMED_TEXT + "; with --prefix pred_, its own 'reasons' and 'sentiment' stay apart from the model's columns "
            "(pred_reason, …)",
            ["--prefix", "pred_"],
        ),
        (
            "local",
            "text,status,pred_reasons",
            ["--prefix", "pred_"],
            NAMED_TEXT + "; with --prefix pred2_, its own 'pred_reasons' stays apart from the model's columns "
            "(pred2_reason, …)",
            ["--prefix", "pred2_"],
        ),
        ("local", "text,status,pred_reasons", ["--prefix", "out_"], NAMED_TEXT, ["--prefix", "out_"]),  # no clash
        ("local", "text,category,tone", [], NAMED_TEXT, []),  # labels under other names: nothing clashes
    ],
)
def test_batch_without_text_column_on_a_labelled_file_says_the_prefix_its_run_needs(
    invoke, tmp_path, engine, header, given, said, fixed
):
    """Regression: a labelled file (text, reasons, sentiment) was told that --text-column text reads the column
    named text; run so, it then stopped on its reasons and sentiment, which the model's columns would overwrite.
    The first message says the prefix too, and its advice, followed whole, runs."""
    path = tmp_path / "labelled.csv"
    path.write_text(f"{header}\n手数料が高い,fees,negative\n", encoding="utf-8")
    out = tmp_path / ("o.csv" if engine == "local" else "o")
    result = invoke("batch", path, "-o", out, "--engine", engine, *given)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [
        f"taikai: error: give the column of texts with --text-column; {path}'s columns are {header.split(',')}{said}"
    ]
    again = invoke("batch", path, "-o", tmp_path / "again.csv", "--text-column", "text", *fixed)
    assert again.exit_code == 0, again.output


def test_classify_file_without_text_column_on_a_labelled_file_says_the_prefix_in_python_words(tmp_path):
    import taikai
    from taikai.errors import InputError

    path = tmp_path / "labelled.csv"
    path.write_text("text,reasons,sentiment\n手数料が高い,fees,negative\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"; with prefix='pred_', its own 'reasons' and 'sentiment' stay apart"):
        taikai.classify_file(path, tmp_path / "o.csv")


REVIEW = "報酬が安すぎて続けられませんでした。"


def _write(path, columns):
    """Write *columns* (name → cells) to *path* in the format its extension names (CSV as Excel's CP932)."""
    import pandas as pd

    frame = pd.DataFrame(columns)
    if path.suffix == ".csv":
        path.write_bytes(frame.to_csv(index=False).encode("cp932"))
    elif path.suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    elif path.suffix == ".parquet":
        frame.to_parquet(path)
    else:
        frame.to_excel(path, index=False)


@pytest.mark.parametrize(
    ("name", "columns", "said"),
    [
        ("excel.csv", {"ID": ["1"], "投稿日": ["2026/11/01"], "口コミ": [REVIEW]}, "; '口コミ' reads as reviews: "),
        ("export.jsonl", {"id": [1], "comment": [REVIEW]}, "; 'comment' reads as reviews: --text-column comment"),
        ("dump.parquet", {"id": [1], "本文": [REVIEW]}, "; '本文' reads as reviews: "),
        ("sheet.xlsx", {"ID": [1], "本文": [REVIEW]}, "; '本文' reads as reviews: "),
        (
            "two.csv",
            {"題名": ["最悪でした。"], "感想": [REVIEW]},
            "; '題名' and '感想' read as reviews: --text-column '題名' or --text-column '感想'",
        ),
        ("short.csv", {"ID": ["1"], "本文": ["手数料が高い"]}, ""),  # too short to tell from a label: no guess
        ("labels.csv", {"本文": [REVIEW], "理由": ["fees"]}, "; '本文' reads as reviews: "),
    ],
)
def test_batch_without_text_column_names_the_column_of_reviews(invoke, tmp_path, name, columns, said):
    """Regression: an Excel export whose reviews are under 口コミ (or a JSONL export's comment) was told only to
    give the column of texts and its columns, not which of them holds the reviews."""
    path = tmp_path / name
    _write(path, columns)
    result = invoke("batch", path, "-o", tmp_path / "o.csv")
    assert result.exit_code == 2, result.output
    [line] = result.output.splitlines()
    listed = f"taikai: error: give the column of texts with --text-column; {path}'s columns are {list(columns)}"
    assert line.startswith(listed + said), line
    assert line == listed or said
    assert not (tmp_path / "o.csv").exists()
