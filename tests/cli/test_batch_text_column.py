"""taikai batch without --text-column: a taikai: error: line naming the file's columns, not click's bare usage."""

import pytest


@pytest.mark.parametrize(
    ("engine", "listed"),
    [("local", "; {path}'s columns are ['ID', '本文']"), ("dask", "")],  # dask: folders and globs too
)
def test_batch_without_text_column_names_the_columns(invoke, tmp_path, engine, listed):
    """Regression: click's 'Missing option '--text-column'' did not say which columns the file has."""
    path = tmp_path / "multi.csv"
    path.write_text("ID,本文\n1,手数料が高い\n", encoding="utf-8")
    result = invoke("batch", path, "-o", tmp_path / ("o.csv" if engine == "local" else "o"), "--engine", engine)
    assert result.exit_code == 2, result.output
    said = "taikai: error: give the column of texts with --text-column" + listed.format(path=path)
    assert result.output.splitlines() == [said]
    assert not (tmp_path / "o.csv").exists()
