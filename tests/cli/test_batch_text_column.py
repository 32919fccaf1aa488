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
