"""A file that is not there is said with what the user likely meant (``taikai.errors._missing_paths``): the name of
its folder that differs in case or width, by its extension or by a misspelling, and the folder of the path that is
missing (a README path run outside the repository), on the command line of every command that reads a file."""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.errors import missing_path_hint


@pytest.mark.parametrize(
    ("files", "given", "hint"),
    [
        (["my_reviews.csv"], "my_review.csv", " (did you mean my_reviews.csv?)"),  # a letter left out
        (["my_reviews.csv"], "My_Reviews.csv", " (did you mean my_reviews.csv?)"),  # case
        (["my_reviews.csv"], "ｍｙ_reviews.csv", " (did you mean my_reviews.csv?)"),  # width
        (["dump.csv", "x2.xlsx"], "dump.xlsx", " (did you mean dump.csv?)"),  # the same name, another extension
        (["x2.csv", "s2.xlsx"], "x2.xlsx", " (did you mean x2.csv?)"),  # its stem before a spelling one letter away
        (["data/my_reviews.csv"], "data/my_review.csv", " (did you mean data/my_reviews.csv?)"),  # as written
        (["my_reviews.csv"], "./my_review.csv", " (did you mean ./my_reviews.csv?)"),
        (["my_reviews.csv"], "dump.csv", ""),  # nothing close: no guess
        (["g_1.csv", "g_2.csv"], "g_3.csv", ""),  # another of a numbered series: no guess
        (["a.csv", "b.csv"], "a.tsv", " (did you mean a.csv?)"),
        ([".hidden.csv"], "hidden.csv", ""),  # a hidden file is no guess
        ([], "data/sample_dump.csv", " (no folder data in {cwd}, where taikai runs)"),  # outside the repository
        (["data/x.csv"], "data/sub/x.csv", " (no folder data/sub)"),
        (["out.csv"], "out.csv/x.csv", " (out.csv is a file, not a folder)"),
    ],
)
def test_missing_path_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: list[str], given: str, hint: str
) -> None:
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text\n手数料が高い\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert missing_path_hint(given) == hint.format(cwd=tmp_path)
    assert missing_path_hint(Path(given)) == hint.format(cwd=tmp_path).replace("./", "")  # a Path drops ./


def test_missing_path_hint_absolute(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "x.csv"
    assert missing_path_hint(missing) == f" (no folder {tmp_path / 'nope'})"
    assert missing_path_hint(str(tmp_path / "x.csv")) == ""


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["batch", "my_review.csv", "-o", "out.csv", "--text-column", "text"],
            "my_review.csv: no such file (did you mean my_reviews.csv?)",
        ),
        (["drift", "My_Reviews.csv"], "My_Reviews.csv: no such file (did you mean my_reviews.csv?)"),
        (["evaluate", "my_reviews.tsv"], "my_reviews.tsv: no such file (did you mean my_reviews.csv?)"),
        (["report", "my_review.csv", "-o", "r.html"], "my_review.csv: no such file (did you mean my_reviews.csv?)"),
        (
            ["batch", "data/sample_dump.csv", "-o", "out.csv", "--text-column", "text"],
            "data/sample_dump.csv: no such file (no folder data in {cwd}, where taikai runs)",
        ),
        (["predict", "--rules", "rule.toml", "手数料"], "rule.toml: no such rules file (did you mean rules.toml?)"),
        (["predict", "-m", "models/mine", "手数料"], "models/mine: no such model directory (no folder models in {cwd}"),
    ],
)
def test_cli_says_the_file_meant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str) -> None:
    (tmp_path / "my_reviews.csv").write_text("text\n手数料が高い\n", encoding="utf-8")
    (tmp_path / "rules.toml").write_text('[[rule]]\nname = "fees"\nlabel = "fees"\nany = ["手数料"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert f"taikai: error: {said.format(cwd=tmp_path)}" in result.output
    assert not (tmp_path / "out.csv").exists()
    assert sorted(os.listdir(tmp_path)) == ["my_reviews.csv", "rules.toml"]
