"""A reader that stops after the first line (``taikai keywords | head -1``) finds every command's results in one
write: a command writing a line at a time found the pipe closed by its second line and ended with exit code 1, with
nothing on standard error, in one run of two."""

from pathlib import Path

import pytest
from click.testing import CliRunner

import taikai.cli._common as common
from taikai.cli import cli

RULES = Path(__file__).parents[2] / "examples" / "rules.toml"


@pytest.mark.parametrize(
    "command",
    [
        ["keywords", "-m", "{model}"],  # regression: a write per label
        ["keywords", "-m", "{model}", "--format", "json"],
        ["info", "-m", "{model}"],
        ["evaluate", "{data}", "-m", "{model}"],
        ["drift", "{data}", "-m", "{model}"],
        ["predict", "手数料が高い", "単価が安い", "-m", "{model}"],
        ["explain", "手数料が高い", "-m", "{model}"],
        ["rules", "test", str(RULES), "{data}", "-m", "{model}"],
    ],
    ids=["keywords", "keywords-json", "info", "evaluate", "drift", "predict", "explain", "rules-test"],
)
def test_results_are_written_at_once(monkeypatch, tiny_model_dir, tiny_csv, command):
    written: list[str] = []

    def write_once(message: str, *, as_json: bool = False) -> None:
        if written:  # the reader took the first write and went away
            raise BrokenPipeError(32, "Broken pipe")
        written.append(message)

    monkeypatch.setattr(common, "echo_encodable", write_once)
    args = [part.format(model=tiny_model_dir, data=tiny_csv) for part in command]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, (result.exit_code, result.output)
    assert len(written) == 1 and written[0].strip()
    if command[0] == "keywords" and "json" not in command:
        lines = written[0].splitlines()
        assert lines[0].startswith("reason ") and lines[-1].startswith("sentiment ")
