"""A text given to ``predict`` or ``explain`` that reads as the name of a file that is not there, or names a folder:
its name is classified, and a warning says so and how to give a file's lines."""

import pytest
from click.testing import CliRunner

from taikai.cli import cli

_ADVICE = {
    "predict": "to classify the lines of a file, one review per line, give them on standard input (taikai predict < "
    "FILE), or classify a column of a table's rows with taikai batch FILE -o OUT.csv --text-column COLUMN",
    "explain": "to explain the lines of a file, one review per line, give them on standard input (taikai explain - < "
    "FILE), or classify a column of a table's rows with taikai batch FILE -o OUT.csv --text-column COLUMN",
}


@pytest.mark.parametrize("command", ["predict", "explain"])
@pytest.mark.parametrize(
    ("text", "said"),
    [
        # regression: a misspelt file, or one in another folder, was classified as a review without a word
        ("口コミ.txt", "'口コミ.txt' reads as a file's name, but there is no such file (in {cwd})"),
        ("退会理由_2026.CSV", "'退会理由_2026.CSV' reads as a file's name, but there is no such file (in {cwd})"),
        ("data/レビュー.xlsx", "'data/レビュー.xlsx' reads as a file's name, but there is no such file (in {cwd})"),
        ("レビュー.jsonl.gz", "'レビュー.jsonl.gz' reads as a file's name, but there is no such file (in {cwd})"),
        ("口コミ", "'口コミ' is a folder (in {cwd})"),  # regression: a folder's name was classified silently
        ("手数料が高い", None),
        ("手数料.が高い", None),  # no file's extension
        ("サイト.comは手数料が高い", None),
        ("手数料が高い.csv と思う", None),  # white space: a sentence
        ("手数料が高い。.txt", "'手数料が高い。.txt' reads as a file's name, but there is no such file (in {cwd})"),
    ],
)
def test_a_text_that_reads_as_a_missing_file_or_a_folder_is_warned(
    tiny_model_dir, tmp_path, monkeypatch, command, text, said
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "口コミ").mkdir()
    result = CliRunner().invoke(cli, [command, text, "--model", str(tiny_model_dir)], catch_exceptions=False)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("taikai: warning: ")]
    if said is None:
        assert warnings == [], result.stderr
        return
    doing = "classifies the texts it is given" if command == "predict" else "explains the text it is given"
    assert warnings == [
        f"taikai: warning: {said.format(cwd=tmp_path)}, and {command} {doing}: it read the name itself as a "
        f"review; {_ADVICE[command]}"
    ], result.stderr


def test_an_absolute_path_is_not_said_to_be_in_the_current_folder(tiny_model_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "nowhere" / "口コミ.csv"
    result = CliRunner().invoke(cli, ["predict", str(missing), "--model", str(tiny_model_dir)])
    assert f"taikai: warning: {str(missing)!r} reads as a file's name, but there is no such file, and predict" in (
        result.stderr
    )
