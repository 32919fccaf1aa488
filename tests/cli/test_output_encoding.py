"""``--output-encoding`` reads the names of an encoding the library's ``output_encoding=`` reads (``utf8``, ``UTF-8``,
``ms932``: ``taikai.cli._options.OutputEncoding``), and a Shift_JIS name, which an Excel user gives for what Excel
writes, is told cp932 (Windows' Shift_JIS), in batch and suggest; so is ``output_encoding="sjis"`` in Python."""

from pathlib import Path

import pytest

import taikai
from taikai.errors import InputError

DUMP = "id,口コミ本文\n1,手数料が高すぎて辞めました①\n2,提案が通らない\n"
"""Two reviews, one with a character cp932 holds and Shift_JIS does not (①)."""
CP932 = "write cp932, Windows' Shift_JIS, which Excel reads and writes"


@pytest.mark.parametrize(
    ("given", "encoding"),
    [("utf8", "utf-8"), ("UTF8", "utf-8"), ("ms932", "cp932"), ("UTF-8-SIG", "utf-8-sig"), ("cp932", "cp932")],
)
def test_batch_reads_another_name_of_an_output_encoding(invoke, tiny_model_dir, tmp_path, given, encoding):
    """Regression (h390): --output-encoding utf8 (or ms932) was refused as "not one of 'utf-8', 'utf-8-sig',
    'cp932'", though output_encoding='utf8' reads it in Python and --encoding utf8 on the same command line."""
    (tmp_path / "dump.csv").write_text(DUMP, encoding="utf-8")
    out = tmp_path / "out.csv"
    result = invoke(
        "batch", tmp_path / "dump.csv", "-o", out, "--text-column", "口コミ本文", "-m", tiny_model_dir,
        "--output-encoding", given, "-q",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = out.read_bytes().decode(encoding)  # decodes: written in that encoding
    assert "手数料が高すぎて辞めました①" in text
    assert out.read_bytes().startswith("\ufeff".encode()) == (encoding == "utf-8-sig")  # a BOM only for utf-8-sig


@pytest.mark.parametrize("given", ["sjis", "Shift_JIS", "shift-jis", "SJIS"])
@pytest.mark.parametrize("command", ["batch", "suggest"])
def test_a_shift_jis_output_encoding_is_told_cp932(invoke, tmp_path, given, command):
    """Regression (h390): --output-encoding Shift_JIS said only "'Shift_JIS' is not one of 'utf-8', 'utf-8-sig',
    'cp932'", not that cp932 is the Shift_JIS Excel writes."""
    (tmp_path / "dump.csv").write_text(DUMP, encoding="utf-8")
    args = ["--text-column", "口コミ本文"] if command == "batch" else []
    result = invoke(command, tmp_path / "dump.csv", "-o", tmp_path / "out.csv", *args, "--output-encoding", given)
    assert result.exit_code == 2
    assert f"invalid value for --output-encoding: {given!r} is not one of " in result.output
    assert CP932 in result.output
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("given", ["sjis", "shift_jis"])
def test_classify_file_tells_a_shift_jis_output_encoding_cp932(tiny_model_dir, tmp_path, given):
    (tmp_path / "dump.csv").write_text(DUMP, encoding="utf-8")
    with pytest.raises(InputError, match="cp932 is Windows' Shift_JIS, which Excel reads and writes"):
        taikai.classify_file(
            tmp_path / "dump.csv", tmp_path / "out.csv", text_column="口コミ本文", output_encoding=given,
            model=tiny_model_dir,
        )  # fmt: skip
    assert not Path(tmp_path / "out.csv").exists()
