"""The page is forwarded to readers without the repository or the command line: an option (``--by``, ``model=``)
is named only in a sentence that says who can use it (whoever made the page), and the page says ``whole input``,
not the exporter's ``whole dump`` (analysis/_report/_en.py, _ja.py, analysis/_drift_words.py, _drift_section.py)."""

import html
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.analysis import build_report
from taikai.cli import cli

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "data" / "sample_dump.csv"
RULES = ROOT / "examples" / "rules.toml"
OPTION = re.compile(r"--[a-z]|\b[a-z][a-z_]*=|\bwhole dump\b", re.I)  # an option, a keyword argument, the dump
ACTOR = re.compile(r"whoever made this page|このページの作成者", re.I)


def _sentences(page: str) -> list[str]:
    """Return the sentences of *page*'s text (notes, bullets, cells, chart alt texts), each once."""
    page = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", page, flags=re.S)
    page = re.sub(r'<img[^>]*alt="([^"]*)"[^>]*>', r"<p>\1</p>", page)
    found: dict[str, None] = {}
    for chunk in re.split(r"<[^>]+>", page):
        for sentence in re.split(r"(?<=[.。])\s+|(?<=。)", html.unescape(chunk).strip()):
            found.update({sentence.strip(): None} if sentence.strip() else {})
    return list(found)


def _run(tmp_path: Path, *args: object) -> None:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output


SCENARIOS = {
    # name: (batch's options, report's options, what is done between them)
    "sample dump": ([], ["--date-column", "posted_at", "--by", "platform"], None),
    "no date column": ([], [], None),
    "trial run": (["--limit", "20"], [], None),
    "rules, weekly": (
        ["--rules", RULES, "--rules-mode", "override"],
        ["--date-column", "posted_at", "--freq", "W"],
        None,
    ),
    "no summary": ([], [], "summary"),
    "model gone": ([], [], "model"),
}


@pytest.fixture(scope="module", params=list(SCENARIOS))
def scenario(request, tmp_path_factory, tiny_model_dir) -> tuple[str, Path]:
    """Return (name, predictions) of a scenario: the sample dump's first 60 rows classified by a copy of the tiny
    model, then its summary or its model removed as the scenario says. Run once for both languages' pages (the tests
    only read it: each writes its page in its own tmp_path)."""
    batch, _, remove = SCENARIOS[request.param]
    folder = tmp_path_factory.mktemp("forwarded")
    dump, predictions, model = folder / "dump.csv", folder / "p.csv", folder / "model"
    dump.write_text("".join(SAMPLE.read_text(encoding="utf-8").splitlines(True)[:61]), encoding="utf-8")
    shutil.copytree(tiny_model_dir, model)
    _run(
        folder,
        "batch",
        dump,
        "-o",
        predictions,
        "--text-column",
        "text",
        "--id-column",
        "review_id",
        "-m",
        model,
        *batch,
    )
    if remove == "summary":
        (folder / "p.summary.json").unlink()
    if remove == "model":
        shutil.rmtree(model)
    return request.param, predictions


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_option_is_named_only_beside_who_can_use_it(tmp_path, scenario, lang):
    """Regression: the page told its reader to use options ("model= (コマンドラインでは --model) で指定してください",
    "No date column given (--date-column).", "taikai batch --limit 20 classified only …", "(--rules-mode override)")
    and said "Whole dump:", and named the batch summary file as the source of the model's details."""
    name, predictions = scenario
    _run(tmp_path, "report", predictions, "-o", tmp_path / "r.html", "--lang", lang, *SCENARIOS[name][1])
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert [s for s in _sentences(page) if OPTION.search(s) and not ACTOR.search(s)] == []
    model_section = re.search(r'<section id="model">(.*?)</section>', page, re.S)
    assert model_section is not None
    files = [s for s in _sentences(model_section.group(1)) if "summary.json" in s]  # the record of the model
    assert all(ACTOR.search(s) for s in files), files


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("texts", [["手数料が高い", "単価が安い"], ["やりがいがない", "連絡が遅い", "手数料が高い"]])
def test_a_frame_s_page_names_model_only_beside_who_can_use_it(tiny_model, lang, texts):
    """Regression: a frame's page said "Name another with model=." (別のモデルなら model= で指定してください)."""
    frame = tiny_model.predict_frame(pd.DataFrame({"text": texts}))
    page = build_report(frame, lang=lang, embed_font=False, charts=False, drift=False)
    said = [s for s in _sentences(page) if OPTION.search(s)]
    assert said and all(ACTOR.search(s) for s in said)
