"""A workbook saved with a password is an OLE2 file, as an .xls is: it is said to be encrypted, with what to do in
Excel, not to be an Excel 97–2003 workbook (:func:`taikai.io._sniff.old_excel_error`)."""

from pathlib import Path

import pytest

OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
ENCRYPTED = "a workbook protected with a password (encrypted) is not read: open it in Excel, clear the password"


def _ole2(path: Path, streams: list[str], pad: int = 0) -> Path:
    """Write an OLE2 file whose directory names *streams* (UTF-16LE, as a compound file's entries are), *pad*
    bytes after its header (a large workbook's directory comes late)."""
    entries = b"".join(name.encode("utf-16-le").ljust(128, b"\0") for name in ["Root Entry", *streams])
    path.write_bytes(OLE2 + bytes(504) + bytes(pad) + entries)
    return path


@pytest.mark.parametrize(
    ("name", "streams", "pad", "said"),
    [
        # said "an .xls (Excel 97–2003) workbook, whatever its name, is not read: save it as .xlsx or CSV from Excel"
        ("locked.xlsx", ["EncryptionInfo", "EncryptedPackage"], 0, ENCRYPTED),
        ("locked.xlsx", ["EncryptionInfo", "EncryptedPackage"], (1 << 20) - 778, ENCRYPTED),  # name across blocks
        ("locked.csv", ["EncryptionInfo", "EncryptedPackage"], 0, ENCRYPTED),
        ("old.xls", ["Workbook"], 0, ".xls (Excel 97–2003) is not read"),
        ("old.xlsx", ["Workbook"], 0, "an .xls (Excel 97–2003) workbook, whatever its name, is not read"),
    ],
)
@pytest.mark.parametrize("command", ["batch", "evaluate"])
def test_a_workbook_with_a_password_is_said_to_be_one(
    invoke, tmp_path, tiny_model_dir, name, streams, pad, said, command
):
    path = _ole2(tmp_path / name, streams, pad)
    args = ["-o", tmp_path / "o.csv", "--text-column", "text"] if command == "batch" else []
    result = invoke(command, path, "-m", tiny_model_dir, *args)
    assert result.exit_code == 2, result.output
    assert f"{path}: {said}" in result.output, result.output
