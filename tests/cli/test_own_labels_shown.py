"""A model of labels of its own (``--free-labels``) shows every label as written, in every output: a label spelt as
a taxonomy id (``fees`` beside ``Fees``) gets no Japanese name and no meaning from the taxonomy."""

from pathlib import Path

import pandas as pd
import pytest

import taikai
from tests.cli.conftest import invoke_cli

TEXTS = {
    "fees": ["野球の試合で勝った", "野球の選手が打った", "野球の試合を見た", "野球の球場に行った"],
    "Fees": ["新しいスマホが出た", "スマホの性能が上がった", "スマホのアプリ", "スマホを買った"],
    "映画": ["映画館で映画を見た", "映画の俳優が好き", "新作の映画", "映画の監督"],
}
TAXONOMY_NAMES = ("手数料が高い", "High fees", "システム利用料")


@pytest.fixture(scope="module")
def own_dir(tmp_path_factory) -> Path:
    """A --free-labels --no-sentiment model whose labels include the taxonomy's id ``fees`` and ``Fees``."""
    df = pd.DataFrame([(t, label) for label, ts in TEXTS.items() for t in ts], columns=["text", "reasons"])
    out = tmp_path_factory.mktemp("own_ids") / "m"
    taikai.train(df, out, taikai.FeatureConfig(min_df=1), folds=0, test_size=0, sentiment_column=None, free_labels=True)
    return out


@pytest.fixture(scope="module")
def dump(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("own_dump") / "dump.csv"
    path.write_text("text\n野球の試合で勝った\nスマホのアプリ\n", encoding="utf-8")
    return path


def _no_taxonomy_name(text: str) -> None:
    assert not [name for name in TAXONOMY_NAMES if name in text], text


@pytest.mark.parametrize(
    ("args", "said"),
    [  # regression: each said "fees 手数料が高い", "fees (手数料が高い)" or "reasons: fees (手数料が高い) 1"
        (["predict", "野球の試合で勝った"], "ok      fees    fees"),
        (["explain", "野球の試合で勝った"], "reason: fees  p="),
        (["keywords", "--top", "1"], "reason fees: "),
        (["batch", "{dump}", "--text-column", "text", "-o", "{out}"], "reasons: Fees 1, fees 1\n"),  # the model's order
    ],
)
def test_every_command_shows_a_label_of_ones_own_as_written(own_dir, dump, tmp_path, args, said):
    args = [a.format(dump=dump, out=tmp_path / "out.csv") for a in args]
    result = invoke_cli(*args, "--model", own_dir)
    assert result.exit_code == 0, result.output
    assert said in result.output, result.output
    _no_taxonomy_name(result.output)


def test_batch_writes_the_label_as_written_in_reason_ja(own_dir, dump, tmp_path):
    out = tmp_path / "out.csv"
    assert invoke_cli("batch", dump, "--text-column", "text", "-o", out, "--model", own_dir).exit_code == 0
    written = pd.read_csv(out)
    assert written["reason_ja"].tolist() == written["reason"].tolist() == ["fees", "Fees"]


def test_python_predictions_name_a_label_of_ones_own_as_written(own_dir):
    model = taikai.load_model(own_dir)
    [prediction] = model.predict(["野球の試合で勝った"])
    assert (prediction.reason, prediction.reason_ja) == ("fees", "fees")
    assert model.predict_frame(pd.DataFrame({"text": ["野球の試合で勝った"]}))["reason_ja"].tolist() == ["fees"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_report_shows_a_label_of_ones_own_as_written(own_dir, dump, tmp_path, lang):
    predictions, page = tmp_path / "p.csv", tmp_path / "r.html"
    assert invoke_cli("batch", dump, "--text-column", "text", "-o", predictions, "--model", own_dir).exit_code == 0
    result = invoke_cli("report", predictions, "--model", own_dir, "-o", page, "--lang", lang)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "<td>fees</td>" in html
    _no_taxonomy_name(html)


@pytest.fixture(scope="module")
def comma_dir(tmp_path_factory) -> Path:
    """A --free-labels --no-sentiment model with a label holding a comma (``検索, 表示``)."""
    texts = {"検索, 表示": TEXTS["fees"], "fees": TEXTS["Fees"], "映画": TEXTS["映画"]}
    df = pd.DataFrame([(t, label) for label, ts in texts.items() for t in ts], columns=["text", "reasons"])
    out = tmp_path_factory.mktemp("comma") / "m"
    taikai.train(df, out, taikai.FeatureConfig(min_df=1), folds=0, test_size=0, sentiment_column=None, free_labels=True)
    return out


@pytest.mark.parametrize(
    ("labels", "said"),
    [  # regression: the labels fired were listed unquoted ("fired: 検索, 表示, fees"): one label read as two
        (["検索, 表示", "fees"], "rules (flag): 'a', 'b' fired: '検索, 表示', fees\n"),
        (["fees", "映画"], "rules (flag): 'a', 'b' fired: fees, 映画\n"),
    ],
)
def test_explain_rules_quotes_a_label_holding_a_comma(comma_dir, tmp_path, labels, said):
    rules = tmp_path / "rules.toml"
    rules.write_text(
        "".join(f'[[rule]]\nname = "{n}"\nlabel = "{x}"\nany = ["野球"]\n' for n, x in zip("ab", labels)),
        encoding="utf-8",
    )
    result = invoke_cli("explain", "野球の試合で勝った", "--model", comma_dir, "--rules", rules)
    assert result.exit_code == 0, result.output
    assert said in result.output, result.output


@pytest.mark.parametrize(
    ("own", "gold", "said"),
    [  # regression: evaluate never hinted --free-labels, which scores a label the model cannot predict as a miss
        (
            True,
            "映画館",
            "or fix the typo; or pass free_labels=True (--free-labels on the command line) to score the labels the "
            "model ",
        ),
        (
            False,
            "zzzqq",
            "or fix the typo; or pass free_labels=True (--free-labels on the command line) to score the labels the "
            "model ",
        ),
        (False, "feees", "(closest: fees (手数料が高い))\n"),  # a typo of a taxonomy model's label: no hint
    ],
)
def test_evaluate_hints_free_labels_for_an_own_model_or_a_label_close_to_none(
    own_dir, tiny_model_dir, tmp_path, own, gold, said
):
    data = tmp_path / "gold.csv"
    data.write_text(f"text,reasons\n野球の試合で勝った,{gold}\n", encoding="utf-8")
    result = invoke_cli("evaluate", data, "--no-sentiment", "--model", own_dir if own else tiny_model_dir)
    assert result.exit_code != 0
    assert said in result.output, result.output
    assert ("--free-labels" in result.output) == (gold != "feees"), result.output
