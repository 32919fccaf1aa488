"""The report's output name: one HTML page, not refused under its own kinds of name, refused under another file's."""

import pytest
from click.testing import CliRunner

from taikai.analysis import write_report
from taikai.cli import cli
from taikai.errors import InputError


@pytest.mark.parametrize(
    ("name", "told"),
    [
        ("report.pdf", "print it to PDF"),
        ("report.PDF", "print it to PDF"),
        ("report.xlsx", "the predictions file itself"),
        ("report.csv", "the predictions file itself"),
        ("report.png", "the charts are inside the page"),
        ("report.json", "taikai drift --json"),
    ],
)
def test_an_output_named_as_another_kind_of_file_is_refused_before_anything_is_read(tmp_path, name, told):
    """Before: ``taikai report predictions.csv -o report.pdf`` wrote the HTML page under that name, without a word,
    and the forwarded "PDF" did not open. The predictions file need not exist: the name is checked first."""
    with pytest.raises(InputError) as raised:
        write_report(tmp_path / "missing.csv", tmp_path / name)
    message = str(raised.value)
    assert "the report is one HTML page" in message and f"name it {name.rsplit('.', 1)[0]}.html" in message
    assert told in message
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("name", ["report.html", "report.HTM", "report", "report.2026-12"])
def test_an_html_name_or_one_of_no_known_kind_goes_on_to_read_the_predictions(tmp_path, name):
    with pytest.raises(InputError) as raised:  # the missing predictions file is what stops it
        write_report(tmp_path / "missing.csv", tmp_path / name)
    assert "the report is one HTML page" not in str(raised.value)
    assert "missing.csv" in str(raised.value)


def test_the_command_line_says_it_in_one_error_line(tmp_path):
    (tmp_path / "p.csv").write_text("text,status\nx,ok\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", str(tmp_path / "p.csv"), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("taikai: error: ") and "name it r.html" in result.output
    assert not (tmp_path / "r.pdf").exists()
