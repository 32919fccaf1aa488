"""A model of numbered labels (a team's codes ``1``..``3``) says each count or share after its label apart from it:
``'1' 59.9%``, not ``1 59.9%``, in every output that puts a number after a label."""

import re
from pathlib import Path

import pandas as pd
import pytest

import taikai
from tests.cli.conftest import invoke_cli

ROWS = [
    ("野球の試合で勝った", "1", "3"),
    ("野球の選手が打った", "1", "3"),
    ("野球の球場に行った", "1", "2"),
    ("スマホの性能が上がった", "2", "1"),
    ("スマホのアプリが落ちた", "2", "1"),
    ("スマホを買った", "2", "2"),
    ("映画館で映画を見た", "10", "3"),
    ("映画の俳優が好き", "10", "2"),
    ("映画の監督が嫌い", "10", "1"),
]


@pytest.fixture(scope="module")
def coded(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The model's directory, a dump of its texts and the predictions batch wrote of them."""
    folder = tmp_path_factory.mktemp("coded")
    df = pd.DataFrame(ROWS, columns=["text", "reasons", "sentiment"])
    taikai.train(df, folder / "m", taikai.FeatureConfig(min_df=1), folds=0, test_size=0, free_labels=True)
    df[["text"]].to_csv(folder / "dump.csv", index=False)
    result = invoke_cli(
        "batch", folder / "dump.csv", "--text-column", "text", "-o", folder / "p.csv", "-m", folder / "m"
    )
    assert result.exit_code == 0, result.output
    return folder / "m", folder / "dump.csv", folder / "p.csv"


@pytest.mark.parametrize(
    ("args", "said"),
    [  # regression: "reasons: 1 3, 2 3, 10 3", "1 0.60, 10 0.21", "Sentiment: 1 33.3% · 2 33.3%"
        (["batch", "{dump}", "--text-column", "text", "-o", "{out}"], r"reasons: '1' \d, '2' \d, '10' \d"),
        (["batch", "{dump}", "--text-column", "text", "-o", "{out}"], r"sentiments: '1' \d, '2' \d, '3' \d"),
        (["predict", "--top", "2", "野球の試合で勝った"], r"'1' 0\.\d\d, '\d+' 0\.\d\d"),
        (["report", "{predictions}", "-o", "{page}", "--lang", "en"], None),
    ],
)
def test_a_number_after_a_numbered_label_reads_apart(coded, tmp_path, args, said):
    model, dump, predictions = coded
    page = tmp_path / "r.html"
    args = [a.format(dump=dump, out=tmp_path / "o.csv", predictions=predictions, page=page) for a in args]
    result = invoke_cli(*args, "--model", model)
    assert result.exit_code == 0, result.output
    if said is None:  # the report's summary and its overall sentiment
        html = page.read_text(encoding="utf-8")
        assert re.search(r"Sentiment: &#x27;1&#x27; [\d.]+% · &#x27;2&#x27; [\d.]+% · &#x27;3&#x27; [\d.]+%\.", html)
        assert re.search(r"<p>&#x27;1&#x27; [\d.]+% · &#x27;2&#x27; [\d.]+% · &#x27;3&#x27; [\d.]+%</p>", html)
    else:
        assert re.search(said, result.output), result.output


@pytest.mark.parametrize(
    ("label", "said"),
    [("2", "'2' 9.7% → 15.3%"), ("審査", "審査 9.7% → 15.3%")],  # drift's "reason that moved most"
)
def test_the_reason_that_moved_most_reads_apart_from_its_shares(label, said):
    from taikai.drift._mix import ShareMove

    assert str(ShareMove(label, 0.097, 0.153)) == said


def test_suggest_counts_the_rows_of_a_numbered_reason_apart_from_it(coded, tmp_path):
    _, _, predictions = coded
    result = invoke_cli("suggest", predictions, "-o", tmp_path / "sheet.csv", "--n", "6")
    assert result.exit_code == 0, result.output
    assert re.search(r"per predicted reason: '1' \d, '2' \d, '10' \d", result.output), result.output


@pytest.mark.parametrize(
    ("thresholds", "said"),
    [({"1": 0.3, "10": 0.25}, "'1' 0.30, '10' 0.25"), ({"fees": 0.3, "報酬": 0.2}, "fees 0.30, 報酬 0.20")],
)
def test_info_says_each_threshold_apart_from_its_numbered_reason(thresholds, said):
    from taikai.model._figures import describe_thresholds

    assert describe_thresholds(thresholds, list(thresholds)) == said
