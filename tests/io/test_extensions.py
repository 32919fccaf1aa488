"""Tests for taikai.io._extensions: the extension meant by one taikai does not know."""

from __future__ import annotations

from pathlib import Path

import pytest

from taikai.errors import OUTPUT_FORMAT, InputError
from taikai.io import format_of
from taikai.io._extensions import meant_extension


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("q.xlxs", "q.xlsx"),  # letters swapped; as near .xlsm, but .xlsx is the format's own name
        ("q.xslx", "q.xlsx"),
        ("q.cvs", "q.csv"),
        ("q.cs", "q.csv"),
        ("q.pqt", "q.pq"),
        ("q.psv", None),  # as near .csv as .tsv: neither is meant
        ("q.ods", None),
        ("q.dat", None),
        ("q.csv", None),  # known: nothing to suggest
        ("q", None),
    ],
)
def test_meant_extension(name: str, meant: str | None) -> None:
    found = meant_extension(Path(name))
    assert (None if found is None else str(found)) == meant


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("q.xlxs", "the extension '.xlxs' (did you mean {dir}/q.xlsx?); name the format with"),
        ("q.cvs", "from the extension '.cvs' (did you mean {dir}/q.csv?); name the format with"),
        ("q.dat", "cannot tell the format from the extension '.dat'; name the format with"),
    ],
)
def test_output_extension_meant(tmp_path: Path, name: str, said: str) -> None:
    """Regression: ``-o q.xlxs`` was told to name the format, without the extension it most likely meant."""
    with pytest.raises(InputError) as raised:
        format_of(tmp_path / name, None, OUTPUT_FORMAT)
    assert said.format(dir=tmp_path) in str(raised.value)


def test_input_extension_meant(tmp_path: Path) -> None:
    path = tmp_path / "reviews.cvs"
    path.write_text("id,text\n1,安い\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"'\.cvs' \(did you mean .*reviews\.csv\?\); give the file one of"):
        format_of(path)
