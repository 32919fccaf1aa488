"""An OpenDocument spreadsheet (.ods, LibreOffice's) given by mistake is said to be one, with how to save it as what
taikai reads, under any name (:func:`taikai.io._sniff.spreadsheet_error`)."""

import zipfile
from pathlib import Path

import pytest

SAID = "an OpenDocument spreadsheet (.ods) is not read: save it as .xlsx or CSV (in LibreOffice Calc: File > Save As"
XLSB = "an Excel binary workbook (.xlsb) is not read: save it as .xlsx or CSV (in Excel: Save As), and give that file"


def _ods(path: Path) -> Path:
    """Write the parts of an OpenDocument spreadsheet that tell it: its ``mimetype`` entry first, stored."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def _xlsb(path: Path) -> Path:
    """Write the part of an Excel binary workbook that tells it: ``xl/workbook.bin``."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return path


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("reviews.xlsb", []),  # said "cannot tell the format from the extension '.xlsb'; name the format with …"
        ("reviews.xlsx", []),  # said "not a readable xlsx workbook (… File contains no valid workbook part)"
        ("reviews.xlsb", ["--input-format", "xlsx"]),  # the same
    ],
)
def test_an_xlsb_file_is_said_to_be_one(invoke, tmp_path, tiny_model_dir, name, extra):
    path = _xlsb(tmp_path / name)
    result = invoke("batch", path, "-m", tiny_model_dir, "-o", tmp_path / "o.csv", "--text-column", "text", *extra)
    assert result.exit_code == 2, result.output
    assert f"{path}: {XLSB}" in result.output, result.output


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("reviews.ods", []),  # said "cannot tell the format from the extension '.ods'; name the format with …"
        ("reviews.csv", []),  # said "is a zip archive, not a CSV file; extract the file it holds and give that"
        ("reviews.xlsx", []),  # said "not a readable xlsx workbook (the part … is missing: the file is damaged)"
        ("reviews.ods", ["--input-format", "xlsx"]),  # the same
    ],
)
@pytest.mark.parametrize("command", ["batch", "evaluate", "drift"])
def test_an_ods_file_is_said_to_be_one(invoke, tmp_path, tiny_model_dir, name, extra, command):
    path = _ods(tmp_path / name)
    if command == "evaluate" and extra:
        extra = []  # evaluate takes no --input-format
    args = ["-o", tmp_path / "o.csv", "--text-column", "text"] if command == "batch" else []
    result = invoke(command, path, "-m", tiny_model_dir, *args, *extra)
    assert result.exit_code == 2, result.output
    assert f"{path}: {SAID}" in result.output, result.output
