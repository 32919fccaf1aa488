"""An argument written without its option is said as what it most likely is, with the option to write
(``taikai.cli._stray_arguments``): the output after INPUT without ``-o``, a column of the data file without
``--text-column`` (or the other column options), rather than "--output is missing" alone or a glob the shell
expanded."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from taikai.cli import cli

DUMP = (
    "id,投稿日,サービス,口コミ本文\n"
    "A1,2025-03-01,Lancers,手数料が20%も取られるので辞めました。\n"
    "A2,2025-03-02,Lancers,本業が忙しくなって時間がなくなりました。\n"
    "A3,2025-03-03,CrowdWorks,提案しても全然通らないので疲れてしまいました。\n"
)
"""A dump exported from Excel: Japanese column names, the reviews in 口コミ本文."""
PREDICTIONS = "id,text,status,reason,sentiment\n1,手数料が高い,ok,fees,negative\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (  # the output without -o
            ["batch", "dump.csv", "out.csv", "--text-column", "口コミ本文"],
            "batch needs --output / -o, which is missing: out.csv, after INPUT, reads as the output: write --output "
            "out.csv (see taikai batch --help)",
        ),
        (  # the column of reviews without --text-column
            ["batch", "dump.csv", "-o", "out.csv", "口コミ本文"],
            "batch reads one INPUT file, but was given more (口コミ本文): '口コミ本文' is a column of dump.csv: write "
            "--text-column '口コミ本文' (see taikai batch --help)",
        ),
        (  # both
            ["batch", "dump.csv", "out.csv", "口コミ本文"],
            "batch needs --output / -o, which is missing: out.csv, after INPUT, reads as the output: write --output "
            "out.csv; '口コミ本文' is a column of dump.csv: write --text-column '口コミ本文' (see taikai batch --help)",
        ),
        (  # a column of ids: the column options other than the texts'
            ["batch", "dump.csv", "-o", "out.csv", "--text-column", "口コミ本文", "id"],
            "batch reads one INPUT file, but was given more (id): 'id' is a column of dump.csv: write --id-column id "
            "(see taikai batch --help)",
        ),
        (  # drift's dates; not the reference file's options
            ["drift", "dump.csv", "--text-column", "口コミ本文", "投稿日"],
            "drift reads one DUMP file, but was given more (投稿日): '投稿日' is a column of dump.csv: write "
            "--date-column '投稿日' (see taikai drift --help)",
        ),
        (
            ["report", "predictions.csv", "report.html"],
            "report needs --output / -o, which is missing: report.html, after PREDICTIONS, reads as the output: write "
            "--output report.html (see taikai report --help)",
        ),
        (
            ["train", "dump.csv", "models/mine"],
            "train needs --out / --output / -o, which is missing: models/mine, after DATA, reads as the output: write "
            "--out models/mine (see taikai train --help)",
        ),
        (  # a file of the data file's kind: a glob the shell expanded, never said to be the output to overwrite
            ["batch", "dump.csv", "other.csv"],
            "batch needs --output / -o, which is missing: add --output PATH (see taikai batch --help)",
        ),
        (
            ["batch", "dump.csv", "-o", "out.csv", "other.csv"],
            "batch reads one INPUT file, but was given more (other.csv); if the shell expanded a glob such as "
            "data/*.csv into several files, run batch once per file, or quote the glob (taikai batch 'data/*.csv' …) "
            "and add --engine dask, which reads every file it matches",
        ),
        # regression: an output name with a space, unquoted, was said to be a glob the shell expanded
        (
            ["batch", "dump.csv", "-o", "結果", "一覧.xlsx", "--text-column", "口コミ本文"],
            "batch reads one INPUT file, but was given more (一覧.xlsx): '結果 一覧.xlsx' is one name, which the shell "
            "split at its spaces: quote it, -o '結果 一覧.xlsx' (see taikai batch --help)",
        ),
        (
            ["batch", "dump.csv", "--output", "退会", "結果", "一覧.csv", "--text-column", "口コミ本文"],
            "batch reads one INPUT file, but was given more (結果 一覧.csv): '退会 結果 一覧.csv' is one name, which "
            "the shell split at its spaces: quote it, --output '退会 結果 一覧.csv' (see taikai batch --help)",
        ),
        (
            ["report", "predictions.csv", "-o", "退会", "レポート.html"],
            "report reads one PREDICTIONS file, but was given more (レポート.html): '退会 レポート.html' is one name, "
            "which the shell split at its spaces: quote it, -o '退会 レポート.html' (see taikai report --help)",
        ),
        (
            ["train", "dump.csv", "--out", "models/my", "model"],
            "train reads one DATA file, but was given more (model): 'models/my model' is one name, which the shell "
            "split at its spaces: quote it, --out 'models/my model' (see taikai train --help)",
        ),
        (  # a column after an output without an extension: the column, as before
            ["batch", "dump.csv", "-o", "out", "口コミ本文"],
            "batch reads one INPUT file, but was given more (口コミ本文): '口コミ本文' is a column of dump.csv: write "
            "--text-column '口コミ本文' (see taikai batch --help)",
        ),
        (  # a file that is there after an output without an extension: a glob the shell expanded, as before
            ["batch", "dump.csv", "-o", "out", "other.csv"],
            "batch reads one INPUT file, but was given more (other.csv); if the shell expanded a glob such as "
            "data/*.csv into several files, run batch once per file, or quote the glob (taikai batch 'data/*.csv' …) "
            "and add --engine dask, which reads every file it matches",
        ),
        (  # no column of that name, no file: as before
            ["batch", "dump.csv", "-o", "out.csv", "本文"],
            "batch reads one INPUT file, but was given more (本文); if the shell expanded a glob such as data/*.csv "
            "into several files, run batch once per file, or quote the glob (taikai batch 'data/*.csv' …) and add "
            "--engine dask, which reads every file it matches",
        ),
    ],
)
def test_a_stray_argument_is_said_with_its_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    """Regression (h390): `taikai batch dump.csv out.csv` said only that --output was missing, and `taikai batch
    dump.csv -o out.csv 口コミ本文` that the shell may have expanded a glob."""
    (tmp_path / "dump.csv").write_text(DUMP, encoding="cp932")
    (tmp_path / "other.csv").write_text(DUMP, encoding="utf-8")
    (tmp_path / "predictions.csv").write_text(PREDICTIONS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code == 2, result.output
    assert result.output == f"taikai: error: {said}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.csv", "other.csv", "predictions.csv"]


MODEL_STRAYS = [
    (
        ["info", "models/mine"],
        "info was given more arguments than it takes (models/mine): models/mine is a model directory: write --model "
        "models/mine (see taikai info --help)",
    ),
    (
        ["info", "models/mine/metadata.json"],
        "info was given more arguments than it takes (models/mine/metadata.json): models/mine/metadata.json is a "
        "model's file: write --model models/mine (see taikai info --help)",
    ),
    (
        ["evaluate", "dump.csv", "models/mine"],
        "evaluate reads one DATA file, but was given more (models/mine): models/mine is a model directory: write "
        "--model models/mine (see taikai evaluate --help)",
    ),
    (  # --model given: no word of it
        ["info", "-m", "models/mine", "models/mine"],
        "info was given more arguments than it takes (models/mine): run it as taikai info [OPTIONS] (see taikai "
        "info --help)",
    ),
]
"""A model directory written without --model (h390: `taikai info models/mine` was told only how info is run)."""


@pytest.mark.parametrize(("args", "said"), MODEL_STRAYS)
def test_a_model_written_without_its_option_is_told_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    (tmp_path / "dump.csv").write_text(DUMP, encoding="utf-8")
    (tmp_path / "models" / "mine").mkdir(parents=True)
    (tmp_path / "models" / "mine" / "metadata.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code == 2, result.output
    assert result.output == f"taikai: error: {said}\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["batch", "My", "Reviews.csv", "-o", "out.csv", "--text-column", "口コミ本文"],
            "batch reads one INPUT file, but was given more (Reviews.csv): 'My Reviews.csv' is one file, whose name "
            "the shell split at its spaces: quote it, 'My Reviews.csv' (see taikai batch --help)",
        ),
        (  # the split name, then the output and the column, each said
            ["batch", "My", "Reviews.csv", "new.csv", "口コミ本文"],
            "batch needs --output / -o, which is missing: 'My Reviews.csv' is one file, whose name the shell split at "
            "its spaces: quote it, 'My Reviews.csv'; new.csv, after INPUT, reads as the output: write --output "
            "new.csv; '口コミ本文' is a column of My Reviews.csv: write --text-column '口コミ本文' (see taikai batch "
            "--help)",
        ),
        (
            ["report", "口コミ", "データ", "2025.csv", "-o", "r.html"],
            "report reads one PREDICTIONS file, but was given more (データ 2025.csv): '口コミ データ 2025.csv' is one "
            "file, whose name the shell split at its spaces: quote it, '口コミ データ 2025.csv' (see taikai report "
            "--help)",
        ),
    ],
)
def test_a_file_name_the_shell_split_at_its_spaces_is_told_to_be_quoted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    """Regression (h390): `taikai batch My Reviews.csv …` (a name with a space, unquoted) spoke of a glob the shell
    expanded, or, without -o, took Reviews.csv for the output meant."""
    (tmp_path / "My Reviews.csv").write_text(DUMP, encoding="cp932")
    (tmp_path / "口コミ データ 2025.csv").write_text(DUMP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code == 2, result.output
    assert result.output == f"taikai: error: {said}\n"
