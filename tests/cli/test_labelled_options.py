"""taikai.cli._labelled_options: the options train and evaluate share to name a labelled file's columns."""

import pytest

REFUSED = "--sentiment-column feeling names a column of sentiments, which --no-sentiment says the data does not have"


def _command(command, tiny_csv, tiny_model_dir, tmp_path):
    if command == "train":
        return ["train", tiny_csv, "--out", tmp_path / "m", "--vectors", "none", "--folds", "0", "--test-size", "0"]
    return ["evaluate", tiny_csv, "--model", tiny_model_dir]


@pytest.mark.parametrize("command", ["train", "evaluate"])
def test_a_sentiment_column_beside_no_sentiment_is_refused(invoke, tiny_csv, tiny_model_dir, tmp_path, command):
    """Regression: --sentiment-column X --no-sentiment ignored X without a word (and trained a reason head only)."""
    args = _command(command, tiny_csv, tiny_model_dir, tmp_path)
    result = invoke(*args, "--sentiment-column", "feeling", "--no-sentiment")
    assert result.exit_code == 2, result.output
    assert REFUSED in result.stderr
    assert "leave out --no-sentiment to use that column, or --sentiment-column to do without" in result.stderr
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize("command", ["train", "evaluate"])
@pytest.mark.parametrize("options", [["--no-sentiment"], ["--sentiment-column", "sentiment"]])
def test_either_alone_is_taken(invoke, tiny_csv, tiny_model_dir, tmp_path, command, options):
    result = invoke(*_command(command, tiny_csv, tiny_model_dir, tmp_path), *options)
    assert result.exit_code == 0, result.output
    assert "--no-sentiment says" not in result.output
