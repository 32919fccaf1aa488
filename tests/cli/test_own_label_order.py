"""A model of labels of its own (``--free-labels``) lists them in its own order on every surface: numbers by value,
then the rest alphabetically; a taxonomy name among them (``other``, ``neutral``) takes no taxonomy place, and its
sentiment ``neutral`` beside ``bad`` and ``great`` takes no taxonomy colour. A rule labelled with one of its
sentiments is told so."""

import re
from pathlib import Path

import pandas as pd
import pytest

import taikai
from taikai import analysis
from taikai.analysis._charts import SENTIMENT_COLOURS
from taikai.analysis._palette import TAB10
from taikai.analysis._tables import reason_labels, sentiment_labels
from tests.cli.conftest import invoke_cli

ROWS = [  # a team's codes: numbers, Japanese, and taxonomy names meaning something else
    ("野球の試合で勝った", "10", "great"),
    ("野球の選手が打った", "10", "great"),
    ("野球の球場に行った", "10", "neutral"),
    ("スマホの性能が上がった", "2", "bad"),
    ("スマホのアプリが落ちた", "2", "bad"),
    ("スマホを買った", "2", "neutral"),
    ("映画館で映画を見た", "other", "great"),
    ("映画の俳優が好き", "other", "neutral"),
    ("映画の監督が嫌い", "other", "bad"),
    ("料理の味が薄い", "報酬", "bad"),
    ("料理を作った", "報酬", "neutral"),
    ("料理の店に行った", "報酬", "great"),
]
REASONS = ["2", "10", "other", "報酬"]
SENTIMENTS = ["bad", "great", "neutral"]


@pytest.fixture(scope="module")
def own_dir(tmp_path_factory) -> Path:
    df = pd.DataFrame(ROWS, columns=["text", "reasons", "sentiment"])
    out = tmp_path_factory.mktemp("own_order") / "m"
    taikai.train(df, out, taikai.FeatureConfig(min_df=1), folds=0, test_size=0, free_labels=True)
    return out


@pytest.fixture(scope="module")
def predictions(own_dir, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("own_order_dump")
    pd.DataFrame({"text": [text for text, _, _ in ROWS]}).to_csv(folder / "dump.csv", index=False)
    result = invoke_cli("batch", folder / "dump.csv", "--text-column", "text", "-o", folder / "p.csv", "-m", own_dir)
    assert result.exit_code == 0, result.output
    return folder / "p.csv"


def _order(line: str, labels: list[str]) -> list[str]:
    """Return *labels* in the order *line* names them (each as a word of its own)."""
    found = {label: m.start() for label in labels if (m := re.search(rf"(?<![\w]){label}(?![\w])", line))}
    return sorted(found, key=found.__getitem__)


def test_the_model_orders_its_own_labels(own_dir):
    model = taikai.load_model(own_dir)
    assert (model.reason_labels, model.sentiment_labels) == (REASONS, SENTIMENTS)  # was other, 10, 2, 報酬; neutral, …
    [prediction] = model.predict(["野球の試合で勝った"])
    assert list(prediction.reason_proba) == REASONS and list(prediction.sentiment_proba) == SENTIMENTS


@pytest.mark.parametrize(
    ("args", "start", "labels"),
    [
        (["info"], "reasons:", REASONS),
        (["info"], "sentiments:", SENTIMENTS),
        (["batch", "{dump}", "--text-column", "text", "-o", "{out}"], "reasons:", REASONS),
        (["batch", "{dump}", "--text-column", "text", "-o", "{out}"], "sentiments:", SENTIMENTS),
    ],
)
def test_every_command_lists_the_labels_in_the_models_order(own_dir, predictions, tmp_path, args, start, labels):
    dump = predictions.parent / "dump.csv"
    result = invoke_cli(*[a.format(dump=dump, out=tmp_path / "out.csv") for a in args], "--model", own_dir)
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if line.startswith(start)]
    assert _order(line, labels) == labels, line


def test_keywords_list_the_labels_in_the_models_order(own_dir):
    result = invoke_cli("keywords", "--top", "1", "--model", own_dir)
    assert result.exit_code == 0, result.output
    said = [line.split(":")[0] for line in result.output.splitlines() if line.startswith(("reason ", "sentiment "))]
    assert said == [f"reason {x}" for x in REASONS] + [f"sentiment {x}" for x in SENTIMENTS]


def test_predictions_and_their_readers_keep_the_models_order(predictions):
    df = pd.read_csv(predictions, dtype=str)
    assert [c for c in df.columns if c.startswith("p_reason_")] == [f"p_reason_{x}" for x in REASONS]
    assert [c for c in df.columns if c.startswith("p_sentiment_")] == [f"p_sentiment_{x}" for x in SENTIMENTS]
    assert (reason_labels(df), sentiment_labels(df)) == (REASONS, SENTIMENTS)


def test_the_report_lists_the_sentiments_in_the_models_order(own_dir, predictions, tmp_path):
    page = tmp_path / "r.html"
    result = invoke_cli("report", predictions, "--model", own_dir, "-o", page, "--lang", "en")
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    firsts = "|".join(re.findall(r"<tr><th>([^<]*)</th>", html))  # each table row's first cell
    assert "|".join(REASONS) in firsts and "|".join(SENTIMENTS) in firsts, firsts  # the distributions
    assert "<tr><th>reason</th>" + "".join(f"<th>{x}</th>" for x in SENTIMENTS) in html  # sentiment per reason


@pytest.mark.parametrize(
    ("sentiments", "colours"),
    [
        (["positive", "neutral", "negative"], [SENTIMENT_COLOURS[s] for s in ("positive", "neutral", "negative")]),
        (["bad", "great", "neutral"], list(TAB10[:3])),  # was grey for neutral, the palette's for the others
        (["1", "2", "3"], list(TAB10[:3])),
    ],
)
def test_only_the_taxonomys_sentiments_take_its_colours(sentiments, colours):
    import matplotlib.colors

    table = pd.DataFrame([[1, 2, 3]], index=pd.Index(["x"], name="reason"), columns=sentiments)
    figure = analysis.sentiment_bars(table, sentiments=sentiments)
    bars = figure.axes[0].patches
    assert [matplotlib.colors.to_hex(bar.get_facecolor()) for bar in bars] == colours


@pytest.mark.parametrize(
    ("label", "said"),
    [  # regression: "label 'great' is not a reason of the model", and no more
        ("great", "label 'great' is one of the model's sentiments (bad, great, neutral), and sentiments cannot be"),
        ("審査", "label '審査' is not a reason of the model"),
    ],
)
def test_a_rule_labelled_with_a_sentiment_of_the_model_is_told_so(own_dir, tmp_path, label, said):
    rules = tmp_path / "rules.toml"
    rules.write_text(f'[[rule]]\nname = "r"\nlabel = "{label}"\nany = ["野球"]\n', encoding="utf-8")
    assert taikai.load_model(own_dir).reason_labels.sentiments == tuple(SENTIMENTS)  # type: ignore[attr-defined]
    result = invoke_cli("predict", "--rules", rules, "--model", own_dir, "野球の試合で勝った")
    assert result.exit_code == 2, result.output
    assert f"rules.toml:1: rule 'r' (rule 1 of the file): {said}" in result.output
    assert "the model's reasons are 2, 10, other, 報酬: give one of them as label" in result.output
