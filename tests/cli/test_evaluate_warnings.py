"""taikai evaluate's warnings (rows the model was trained on, gold labels it cannot predict) are said once on each
stream, whatever ``--json`` target: ``--json -`` prints the report on standard error, under the warnings."""

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli

SEEN = "were in this model's training data"
UNPREDICTABLE = "'no_such_reason'"


@pytest.mark.parametrize(
    ("target", "report_out", "json_out"),
    [
        (None, True, False),  # the report on stdout, headed by the warnings
        ("report.json", True, False),  # the same, and the JSON in the file
        ("-", False, True),  # the JSON on stdout; the report on stderr, where the warnings were said
    ],
    ids=["no-json", "json-file", "json-stdout"],
)
def test_every_warning_is_said_once_per_stream(tmp_path, tiny_csv, tiny_model_dir, target, report_out, json_out):
    """Regression: ``taikai evaluate FILE --json -`` showed each warning twice on stderr: once as the warning, once
    atop the report, which ``--json -`` sends to stderr."""
    data = tmp_path / "labelled.csv"
    frame = pd.read_csv(tiny_csv)
    frame.loc[0, "reasons"] = "no_such_reason"  # gold label the model cannot predict: a second warning
    frame.to_csv(data, index=False)
    given = ["--json", str(tmp_path / target) if target != "-" else "-"] if target else []
    result = CliRunner().invoke(cli, ["evaluate", str(data), "-m", str(tiny_model_dir), "--free-labels", *given])
    assert result.exit_code == 0, result.output
    for said in (SEEN, UNPREDICTABLE):
        assert result.stderr.count(said) == 1, result.stderr
    assert ("**WARNING:" in result.stdout) is report_out
    assert "**WARNING:" not in result.stderr
    if json_out:
        assert json.loads(result.stdout)["n_scored"] > 0
