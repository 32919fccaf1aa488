"""Every warning a command prints is one line of stderr in taikai's form, ``taikai: warning: …``, also another
package's (openpyxl's, here): a nightly job's log is grepped for them, and Python's own form took two lines, the
second a line of the package's source."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from tests.support_workbooks import edited_workbook

OPENPYXL_SAID = (
    "taikai: warning: Cell D3 is marked as a date but the serial value 1000000000 is outside the limits for dates. "
    "The cell will be treated as an error. (UserWarning, openpyxl/worksheet/_reader.py:"
)


@pytest.mark.filterwarnings("default::UserWarning")  # as Python shows them outside the suite (it raises them)
@pytest.mark.parametrize(
    "command",
    [
        ["drift", "{path}", "--date-column", "posted", "--json", "{out}"],
        ["evaluate", "{path}", "--json", "{out}"],
    ],
)
def test_another_package_s_warning_is_one_line_in_taikai_s_form(tmp_path, command):
    path = edited_workbook(tmp_path / "labels.xlsx", "bad date")
    args = [a.format(path=path, out=tmp_path / "out.json") for a in command]
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    foreign = [line for line in lines if "openpyxl" in line or "warn(" in line]  # Python's: path, then source line
    assert [line for line in foreign if not line.startswith("taikai: warning: ")] == []
    assert any(line.startswith(OPENPYXL_SAID) for line in lines), lines
