"""scripts/drift_thresholds.py: a wrong model directory is said in one line that names the option it came with."""

import drift_thresholds
import pytest


@pytest.mark.parametrize(
    ("wrong", "option", "other"),
    [("--model", "--model DIR", "--split-model DIR"), ("--split-model", "--split-model DIR", "--model DIR")],
)
def test_a_wrong_model_names_its_own_option(tmp_path, capsys, tiny_model_dir, wrong, option, other):
    """Regression: a wrong --split-model was a traceback whose advice said to give the directory with --model DIR."""
    given = {"--model": str(tiny_model_dir), "--split-model": str(tiny_model_dir), wrong: str(tmp_path / "nowhere")}
    assert drift_thresholds.main([arg for pair in given.items() for arg in pair]) == 2
    err = capsys.readouterr().err
    assert err.startswith("drift_thresholds.py: error: ") and "nowhere: no such model directory" in err
    assert f"with {option}" in err and other not in err
