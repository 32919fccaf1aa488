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
