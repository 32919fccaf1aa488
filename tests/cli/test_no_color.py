"""NO_COLOR (no-color.org): set and not empty, a command writes no colour codes, even to a terminal."""

import pytest
from click.testing import CliRunner

from taikai.cli import cli


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        ({"NO_COLOR": None}, True),  # not set (the runner unsets it, whatever the environment of the tests)
        ({"NO_COLOR": ""}, True),  # empty: as if not set, as no-color.org says
        ({"NO_COLOR": "1"}, False),  # Regression: explain coloured its weights and spans on a terminal all the same
        ({"NO_COLOR": "yes"}, False),
    ],
)
def test_explain_on_a_terminal_is_coloured_unless_no_color_is_set(tiny_model_dir, env, coloured):
    # color=True: the runner's output is taken for a terminal's, which click colours
    result = CliRunner().invoke(
        cli, ["explain", "手数料が高すぎる", "--model", str(tiny_model_dir), "--top", "3"], color=True, env=env
    )
    assert result.exit_code == 0, result.output
    assert "reason: fees" in result.output
    assert ("\x1b[" in result.output) is coloured
