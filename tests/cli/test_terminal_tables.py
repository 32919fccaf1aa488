"""evaluate and rules test on a terminal: their Markdown tables lined up and split to fit its width, their notes
wrapped between words; piped (no terminal) the Markdown as written."""

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.text import display_width

RULES = """
[[rule]]
name = "手数料の話 (fee words)"
label = "fees"
any = ["手数料"]

[[rule]]
name = "low pay"
label = "low_pay"
any = ["単価", "時給"]
"""


def _run(monkeypatch, tmp_path, tiny_csv, tiny_model_dir, command, width):
    monkeypatch.setattr("taikai.cli._predict.terminal_width", lambda: width)
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES, encoding="utf-8")
    args = {
        "evaluate": ["evaluate", str(tiny_csv), "-m", str(tiny_model_dir)],
        "rules test": ["rules", "test", str(rules), str(tiny_csv), "-m", str(tiny_model_dir)],
    }[command]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("command", ["evaluate", "rules test"])
def test_on_a_terminal_every_line_fits_and_tables_line_up(
    monkeypatch, tmp_path, tiny_csv, tiny_model_dir, command, width
):
    """Regression: at 80 columns the confusion matrix (105 columns) and the notes (200 and more) were cut by the
    terminal, mid-word, and the rows of a table were not lined up."""
    shown = _run(monkeypatch, tmp_path, tiny_csv, tiny_model_dir, command, width)
    lines = shown.splitlines()
    assert max(map(display_width, lines)) <= width, [line for line in lines if display_width(line) > width]
    for block in "\n".join(line if line.startswith("|") else "" for line in lines).split("\n\n"):
        rows = [line for line in block.splitlines() if line]
        assert len({display_width(row) for row in rows}) <= 1, rows  # a table's rows: one width


@pytest.mark.parametrize("command", ["evaluate", "rules test"])
def test_piped_the_markdown_is_as_the_library_writes_it(monkeypatch, tmp_path, tiny_csv, tiny_model_dir, command):
    shown = _run(monkeypatch, tmp_path, tiny_csv, tiny_model_dir, command, None)
    assert any(line.startswith("|---|") for line in shown.splitlines())  # unpadded, as before
    assert _run(monkeypatch, tmp_path, tiny_csv, tiny_model_dir, command, 200) != shown  # lined up on a terminal


@pytest.mark.parametrize("command", [["info"], ["keywords", "--top", "10"]], ids=["info", "keywords"])
def test_info_and_keywords_wrap_under_their_values_on_a_terminal(monkeypatch, tiny_model_dir, command):
    """Regression: info's thresholds, config, versions and figures (126 to 180 columns) and keywords' lists of
    features were cut by a terminal of 80 mid-word, their rest under the field names."""
    args = [*command, "-m", str(tiny_model_dir)]
    monkeypatch.setattr("taikai.cli._predict.terminal_width", lambda: None)
    piped = CliRunner().invoke(cli, args)
    monkeypatch.setattr("taikai.cli._predict.terminal_width", lambda: 80)
    shown = CliRunner().invoke(cli, args)
    assert piped.exit_code == shown.exit_code == 0, shown.output
    assert max(map(display_width, piped.stdout.splitlines())) > 80  # else this tests nothing
    lines = shown.stdout.splitlines()
    assert max(map(display_width, lines)) <= 80
    assert " ".join(shown.stdout.split()) == " ".join(piped.stdout.split())  # the same words, only broken into lines
    heads = [line for line in lines if not line.startswith(" ")]
    assert len(heads) == len(piped.stdout.splitlines())  # each wrapped line under its value, not at the first column
