"""A ``--free-labels`` model whose labels all happen to be taxonomy ids (``fees`` meaning ratings, ``time`` meaning
usability) keeps them as its user's own: its metadata says ``free_labels``, and no output gives them the
taxonomy's names (手数料が高い, 時間がない) or definitions. A model saved before ``free_labels`` was recorded keeps
reading such labels as the taxonomy's."""

import json
from pathlib import Path

import pandas as pd
import pytest

import taikai
from taikai.labels import OwnLabels
from tests.cli.conftest import invoke_cli

TEXTS = {  # fees: ratings, time: usability; 良い/悪い: sentiments of one's own
    ("fees", "良い"): ["評価が公平で嬉しい", "評価の仕組みが良い", "評価がすぐ付く", "評価が正しい"],
    ("time", "悪い"): ["画面が分かりにくい", "画面の操作が難しい", "画面が重い", "画面のボタンが小さい"],
}
TAXONOMY_TEXT = ("手数料が高い", "時間がない", "High fees", "No time", "システム利用料", "本業・家庭")


def _frame() -> pd.DataFrame:
    rows = [(t, reason, sentiment) for (reason, sentiment), ts in TEXTS.items() for t in ts]
    return pd.DataFrame(rows, columns=["text", "reasons", "sentiment"])


def _train(out: Path, free_labels: bool) -> Path:
    config = taikai.FeatureConfig(min_df=1)
    sentiment = "sentiment" if free_labels else None  # 良い, 悪い: not the taxonomy's sentiments
    taikai.train(_frame(), out, config, folds=0, test_size=0, free_labels=free_labels, sentiment_column=sentiment)
    return out


@pytest.fixture(scope="module")
def free_dir(tmp_path_factory) -> Path:
    return _train(tmp_path_factory.mktemp("free_ids") / "m", free_labels=True)


@pytest.fixture(scope="module")
def predictions(free_dir, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("free_pred")
    dump = folder / "dump.csv"
    dump.write_text("text\n評価が公平で嬉しい\n画面が分かりにくい\n評価の仕組みが良い\n", encoding="utf-8")
    out = folder / "pred.csv"
    result = invoke_cli("batch", dump, "--text-column", "text", "-o", out, "--model", free_dir)
    assert result.exit_code == 0, result.output
    return out


def _no_taxonomy_text(text: str) -> None:
    assert not [name for name in TAXONOMY_TEXT if name in text], text


def test_the_metadata_records_free_labels(free_dir):
    metadata = json.loads((free_dir / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["free_labels"] is True
    model = taikai.load_model(free_dir)
    assert model.metadata.free_labels and isinstance(model.reason_labels, OwnLabels)


@pytest.mark.parametrize(
    ("args", "said"),
    [  # regression: each gave the taxonomy's names: "fees 手数料が高い", "fees (手数料が高い)", …
        (["predict", "評価が公平で嬉しい"], "ok      fees    fees"),
        (["explain", "評価が公平で嬉しい"], "reason: fees  p="),
        (["keywords", "--top", "1"], "reason fees: "),
    ],
)
def test_commands_show_the_labels_as_written(free_dir, args, said):
    result = invoke_cli(*args, "--model", free_dir)
    assert result.exit_code == 0, result.output
    assert said in result.output, result.output
    _no_taxonomy_text(result.output)


def test_batch_writes_and_sums_up_the_labels_as_written(free_dir, predictions, tmp_path):
    written = pd.read_csv(predictions)
    assert written["reason_ja"].tolist() == written["reason"].tolist() == ["fees", "time", "fees"]
    dump = tmp_path / "dump.csv"
    dump.write_text("text\n評価が公平で嬉しい\n画面が分かりにくい\n", encoding="utf-8")
    result = invoke_cli("batch", dump, "--text-column", "text", "-o", tmp_path / "out.csv", "--model", free_dir)
    assert "reasons: fees 1, time 1\n" in result.output, result.output
    _no_taxonomy_text(result.output)


def test_python_predictions_name_the_labels_as_written(free_dir):
    model = taikai.load_model(free_dir)
    [prediction] = model.predict(["評価が公平で嬉しい"])
    assert (prediction.reason, prediction.reason_ja) == ("fees", "fees")
    assert taikai.explain(model, "評価が公平で嬉しい").model_reasons == ["fees", "time"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_report_shows_the_labels_as_written(predictions, tmp_path, lang):
    page = tmp_path / "r.html"
    result = invoke_cli("report", predictions, "-o", page, "--lang", lang, "--no-drift")
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "<td>fees</td>" in html
    _no_taxonomy_text(html)
    assert "ポジティブ" not in html


def test_the_suggest_sheet_gives_no_taxonomy_definition(predictions, tmp_path):
    sheet = tmp_path / "s.xlsx"
    result = invoke_cli("suggest", predictions, "-o", sheet, "--n", "2")
    assert result.exit_code == 0, result.output
    definitions = pd.read_excel(sheet, sheet_name="definitions", header=None).astype(str)
    cells = " ".join(map(str, definitions.to_numpy().ravel()))
    assert "fees" in cells and "time" in cells
    _no_taxonomy_text(cells)
    labels = pd.read_excel(sheet, sheet_name=0).astype(str)
    _no_taxonomy_text(" ".join(map(str, labels.to_numpy().ravel())))


def test_a_model_without_the_record_keeps_reading_ids_as_the_taxonomy_s(tmp_path):
    out = _train(tmp_path / "m", free_labels=False)
    metadata = json.loads((out / "metadata.json").read_text(encoding="utf-8"))
    assert "free_labels" not in metadata
    result = invoke_cli("predict", "評価が公平で嬉しい", "--model", out)
    assert "手数料が高い" in result.output, result.output


@pytest.mark.parametrize(
    ("command", "written", "said"),
    [  # regression: read as the taxonomy's fees (手数料が高い), which is not what this model's fees means
        ("evaluate", "手数料が高い", "reasons: unknown label '手数料が高い'"),
        ("evaluate", "FEES", "reasons: unknown label 'FEES' (closest: 'fees')"),
        ("rules", "手数料が高い", "label '手数料が高い' is not a reason of the model"),
    ],
)
def test_files_read_for_the_model_keep_its_labels_as_written(free_dir, tmp_path, command, written, said):
    if command == "evaluate":
        path = tmp_path / "gold.csv"
        path.write_text(f"text,reasons,sentiment\n評価が公平で嬉しい,{written},良い\n", encoding="utf-8")
        result = invoke_cli("evaluate", path, "--model", free_dir)
    else:
        path = tmp_path / "rules.toml"
        path.write_text(f'[[rule]]\nname = "r"\nlabel = "{written}"\nany = ["評価"]\n', encoding="utf-8")
        result = invoke_cli("predict", "評価が公平で嬉しい", "--rules", path, "--model", free_dir)
    assert result.exit_code != 0
    assert said in result.output, result.output
    _no_taxonomy_text(result.output.replace(f"'{written}'", ""))
