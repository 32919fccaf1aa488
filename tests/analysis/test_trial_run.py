"""Predictions of a trial run (taikai batch --limit N) say so: the report's header, drift's text and JSON, and
suggest's warning and how_to (analysis/_report/_masked_input.py, drift/_model_text.py, suggestion/_how_to.py)."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from taikai.cli import cli

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"
TRIAL_JA = (
    "試行の予測です (入力全体ではありません): dump.csv の先頭 20 行だけを分類しました。"
    "以下の件数と割合はその行だけのものです"
)
TRIAL_EN = (
    "A trial run, not the whole input: only the first 20 rows of dump.csv were classified; every count and share "
    "below is of those rows alone"
)
DRIFT = "the first 20 rows of dump.csv (taikai batch --limit 20)"
SUGGEST = "these are the predictions of a trial run (taikai batch --limit 20)"


def _predictions(tmp_path: Path, tiny_model, limit: list[str]) -> tuple[CliRunner, Path, Path]:
    dump, predictions, model_dir = tmp_path / "dump.csv", tmp_path / "pred.csv", tmp_path / "model"
    dump.write_bytes(HOTELS.read_bytes())
    tiny_model.save(model_dir)
    runner = CliRunner()
    batch = ["batch", str(dump), "-o", str(predictions), "--text-column", "text", "--model", str(model_dir), *limit]
    result = runner.invoke(cli, batch)
    assert result.exit_code == 0, result.output
    return runner, predictions, model_dir


def _header(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    head = html[: html.index("<section")]
    return [re.sub("<[^>]+>", "", n) for n in re.findall(r'<p class="note">(.*?)</p>', head, re.S)]


@pytest.mark.parametrize(
    ("limit", "lang", "expected"),
    [
        # Regression: a report of a --limit 20 trial read as the whole dump's, saying nothing of the limit
        (["--limit", "20"], "ja", TRIAL_JA),
        (["--limit", "20"], "en", TRIAL_EN),
        ([], "ja", None),
        (["--limit", "1000"], "ja", None),  # the input ended before the limit: its predictions are of all of it
    ],
)
def test_the_report_says_the_predictions_are_a_trial_run(tiny_model, tmp_path, limit, lang, expected):
    runner, predictions, model_dir = _predictions(tmp_path, tiny_model, limit)
    page = tmp_path / "report.html"
    args = ["report", str(predictions), "-o", str(page), "--model", str(model_dir), "--no-drift", "--lang", lang]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    header = _header(page)
    assert [line for line in header if "試行" in line or "trial run" in line] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("limit", "expected"),
    [(["--limit", "20"], DRIFT), ([], None), (["--limit", "100"], None), (["--limit", "60"], None)],  # 60: all rows
)
def test_drift_says_the_predictions_are_a_trial_run(tiny_model, tmp_path, limit, expected):
    runner, predictions, model_dir = _predictions(tmp_path, tiny_model, limit)
    out = tmp_path / "drift.json"
    result = runner.invoke(cli, ["drift", str(predictions), "--model", str(model_dir), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    said = [line for line in result.output.splitlines() if line.startswith("trial run:")]
    assert said == ([f"trial run: {expected}, not the whole input"] if expected else [])
    assert json.loads(out.read_text(encoding="utf-8"))["trial_run"] == expected


@pytest.mark.parametrize(("limit", "said"), [(["--limit", "20"], True), ([], False), (["--limit", "61"], False)])
def test_suggest_says_the_predictions_are_a_trial_run(tiny_model, tmp_path, limit, said):
    import openpyxl

    runner, predictions, _ = _predictions(tmp_path, tiny_model, limit)
    sheet = tmp_path / "sheet.xlsx"
    result = runner.invoke(cli, ["suggest", str(predictions), "-o", str(sheet), "--n", "5"])
    assert result.exit_code == 0, result.output
    assert (SUGGEST in result.output) is said
    steps = [row[2] for row in openpyxl.load_workbook(sheet)["how_to"].iter_rows(values_only=True)]
    assert any(SUGGEST in str(step) for step in steps) is said


@pytest.mark.parametrize(
    ("limit", "expected"),
    # Regression: --limit 60 of the 60 rows (the whole input, none left) read as a trial run
    [(["--limit", "20"], 20), ([], None), (["--limit", "99"], None), (["--limit", "60"], None)],
)
def test_a_frame_read_with_read_predictions_carries_the_trial_run(tiny_model, tmp_path, limit, expected):
    import warnings

    from taikai.analysis import build_report
    from taikai.drift import check_drift
    from taikai.io import TRIAL_RUN, read_predictions
    from taikai.suggestion import suggest

    _, predictions, _ = _predictions(tmp_path, tiny_model, limit)
    frame = read_predictions(predictions)
    assert frame.attrs.get(TRIAL_RUN) == (None if expected is None else {"limit": 20, "input": "dump.csv"})
    page = build_report(frame[frame["status"] == "ok"], model=tiny_model, drift=False, charts=False, lang="en")
    assert (TRIAL_EN in page) is (expected is not None)
    assert check_drift(frame, tiny_model).to_dict()["trial_run"] == (DRIFT if expected else None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        suggest(frame, n=5)
    assert any(SUGGEST in str(w.message) for w in caught) is (expected is not None)


@pytest.mark.parametrize(
    ("dump_limit", "reference_limit", "said", "heading"),
    [
        # Regression: a reference of a trial run's predictions was not said (the dump's was)
        ([], ["--limit", "20"], ["reference trial run: " + DRIFT + ", not the whole input"], "whole dump: 60 rows"),
        # Regression: under the trial line, the figures were headed "whole dump: 20 rows"
        (["--limit", "20"], [], ["trial run: " + DRIFT + ", not the whole input"], "trial run's rows: 20 rows"),
        (
            ["--limit", "20"],
            ["--limit", "20"],
            [f"{w}trial run: {DRIFT}, not the whole input" for w in ("", "reference ")],
            None,
        ),
        ([], ["--limit", "60"], [], "whole dump: 60 rows"),  # 60: all of the input's rows
    ],
)
def test_drift_says_a_reference_is_a_trial_run(tiny_model, tmp_path, dump_limit, reference_limit, said, heading):
    (tmp_path / "dump").mkdir()
    (tmp_path / "ref").mkdir()
    runner, predictions, model_dir = _predictions(tmp_path / "dump", tiny_model, dump_limit)
    _, reference, _ = _predictions(tmp_path / "ref", tiny_model, reference_limit)
    out = tmp_path / "drift.json"
    args = ["drift", str(predictions), "--reference", str(reference), "--model", str(model_dir), "--json", str(out)]
    result = runner.invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    lines = result.output.splitlines()
    assert [line for line in lines if "trial run:" in line] == said
    assert heading is None or any(line.startswith(heading + ",") for line in lines), lines
    assert ("whole dump" in result.output) is (not dump_limit)
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["reference"]["trial_run"] == (DRIFT if reference_limit == ["--limit", "20"] else None)


def _meta(frame):
    import pandas as pd

    return pd.DataFrame({"n": range(len(frame))}, index=frame.index)


@pytest.mark.parametrize(
    ("flow", "kept"),
    [
        # Regression: Model.predict_frame of a trial run's frame (the notebook's flow) dropped the mark
        ("predict_frame", True),
        ("predict_frame with a prefix", True),
        # what read_predictions' docstring says of pandas itself
        ("filter", True),
        ("assign", True),
        ("set_index", True),
        ("merge", False),
        ("join", False),
        ("concat axis=1", False),
        ("DataFrame", False),
    ],
)
def test_which_flows_keep_the_trial_run_mark(tiny_model, tmp_path, flow, kept):
    import pandas as pd

    from taikai.io import TRIAL_RUN, read_predictions

    _, predictions, _ = _predictions(tmp_path, tiny_model, ["--limit", "20"])
    frame = read_predictions(predictions)
    texts = frame[["text"]].rename(columns={"text": "本文"}).assign(n=range(len(frame)))
    texts.attrs = frame.attrs
    flows = {
        "predict_frame": lambda: tiny_model.predict_frame(texts, text_column="本文"),
        "predict_frame with a prefix": lambda: tiny_model.predict_frame(frame, text_column="text", prefix="again_"),
        "filter": lambda: frame[frame["status"] == "ok"],
        "assign": lambda: frame.assign(x=1),
        "set_index": lambda: frame.set_index("text"),
        "merge": lambda: frame.assign(n=range(len(frame))).merge(_meta(frame), on="n"),
        "join": lambda: frame.join(_meta(frame)),
        "concat axis=1": lambda: pd.concat([frame, _meta(frame)], axis=1),
        "DataFrame": lambda: pd.DataFrame(frame),
    }
    made = flows[flow]()
    assert (made.attrs.get(TRIAL_RUN) == {"limit": 20, "input": "dump.csv"}) is kept
