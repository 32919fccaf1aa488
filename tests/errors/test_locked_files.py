"""An output there already that the system refused to replace is said to be likely open in Excel
(``taikai.errors._locked_files``): on Windows a file open in Excel is locked, and "Access is denied" alone reads as a
folder one may not write in."""

import errno

import pytest

from taikai.errors import locked_fix, locked_output


@pytest.mark.parametrize(
    ("exc", "there", "locked"),
    [
        (PermissionError(errno.EACCES, "Access is denied"), True, True),
        (PermissionError(errno.EACCES, "Access is denied"), False, False),  # no file there: the folder's matter
        (OSError(errno.ENOSPC, "No space left on device"), True, False),  # a full disk
        (None, True, False),
    ],
)
def test_locked_output(tmp_path, exc, there, locked):
    out = tmp_path / "out.csv"
    if there:
        out.write_text("old\n", encoding="utf-8")
    assert locked_output(exc, out) is locked
    assert locked_output(exc, str(out)) is locked


def test_locked_fix_names_the_file_and_excel(tmp_path):
    assert locked_fix(tmp_path / "sheet.xlsx") == (
        f"close {tmp_path / 'sheet.xlsx'} if it is open in Excel or another program (on Windows a file open in Excel "
        "is locked and cannot be replaced), or make it writable"
    )
