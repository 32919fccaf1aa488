"""The report's drift section uses the model that made the predictions, as the batch summary names it (found by
its stored path, checked by its hash), or says why it cannot; never another model in its place, silently."""

from __future__ import annotations

import html
import json
import re
import shutil

import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.model import FeatureConfig

DUMP = "text\n手数料が高すぎる\n単価が安すぎる\n提案が通らない\n"
GIVE = "give that model with model= (--model on the command line)"  # the warning on stderr
GIVE_PAGE = "whoever made this page can give that model with --model (model= in Python)"  # the page's reader
MADE = "The record of the run that made the predictions says they were made by model tiny"


@pytest.fixture(scope="module")
def other_model_dir(tmp_path_factory, tiny_csv):
    """A second tiny model, of other features (words only): another hash."""
    out = tmp_path_factory.mktemp("models") / "other"
    taikai.train(tiny_csv, out, folds=2, test_size=0, config=FeatureConfig(min_df=1))
    return out


def _invoke(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def _section(page: str, name: str) -> str:
    found = re.search(rf'<section id="{name}">(.*?)</section>', page, re.S)
    assert found is not None, name
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))))


def _sha(folder) -> str:
    return json.loads((folder / "metadata.json").read_text(encoding="utf-8"))["artifact"]["sha256"]


@pytest.mark.parametrize(
    ("case", "drift", "warned"),
    [
        ("as-batch-left-it", "Reference: training statistics of the model tiny (", None),
        ("older-summary-relative-path", "Reference: training statistics of the model tiny (", None),
        ("TAIKAI_MODEL-another", "Reference: training statistics of the model tiny (", None),
        ("model-option", "Reference: training statistics of the model moved (", None),  # --model, moved there
        ("model-moved-to-TAIKAI_MODEL", "Reference: training statistics of the model tiny (", None),  # by its hash
        (
            "model-moved",
            f"Drift cannot be checked: {MADE} (sha256 SHA…), "
            f"but the directory it names is gone (moved or deleted); {GIVE_PAGE}",
            "but MODELS/tiny is no directory; ",
        ),
        (
            "older-summary-model-moved",
            f"Drift cannot be checked: {MADE} (sha256 SHA…), "
            f"but the directory it names is gone (moved or deleted); {GIVE_PAGE}",
            "but ../models/tiny is no directory (looked for beside the summary and in the current folder); ",
        ),
        (
            "another-model-in-its-place",
            f"Drift cannot be checked: {MADE} (sha256 SHA…), "
            f"whose directory holds another model now (sha256 OTHER…); {GIVE_PAGE}",
            "but MODELS/tiny holds another model now (sha256 OTHER…); ",
        ),
    ],
)
def test_the_drift_section_uses_the_model_of_the_summary_or_says_why_not(
    tmp_path, tiny_model_dir, other_model_dir, monkeypatch, case, drift, warned
):
    """Regression: the section checked drift against the default model (the shipped one, or $TAIKAI_MODEL's) and
    called it "default (shipped)" when the summary's relative path did not lead to the model from the folder the
    report ran in, while the model section named the summary's model."""
    models, run = tmp_path / "models", tmp_path / "run"
    run.mkdir()
    shutil.copytree(tiny_model_dir, models / "tiny")
    (run / "dump.csv").write_text(DUMP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _invoke("batch", "run/dump.csv", "--text-column", "text", "-o", "run/p.csv", "-m", "models/tiny")
    summary = run / "p.summary.json"
    if case.startswith("older-summary"):  # as batch wrote it before: relative to where it ran (here: run/)
        values = json.loads(summary.read_text(encoding="utf-8"))
        values["model"]["path"] = "../models/tiny"
        summary.write_text(json.dumps(values), encoding="utf-8")
    if case.endswith("moved") or case == "model-moved-to-TAIKAI_MODEL":
        (models / "tiny").rename(models / "moved")
    if case == "another-model-in-its-place":
        shutil.rmtree(models / "tiny")
        shutil.copytree(other_model_dir, models / "tiny")
    (tmp_path / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "a" / "b")  # the report runs elsewhere than batch did (../models: none there)
    monkeypatch.setenv("TAIKAI_MODEL", str(other_model_dir))  # never used in the summary's model's place
    if case == "model-moved-to-TAIKAI_MODEL":  # the same model (its sha256) elsewhere: used
        monkeypatch.setenv("TAIKAI_MODEL", str(models / "moved"))
    option = ["-m", tmp_path / "models" / "moved"] if case == "model-option" else []
    if case == "model-option":
        (tmp_path / "models" / "tiny").rename(tmp_path / "models" / "moved")
    result = _invoke("report", run / "p.csv", "-o", run / "r.html", "--lang", "en", *option)
    page = (run / "r.html").read_text(encoding="utf-8")
    sha, other = _sha(tiny_model_dir)[:12], _sha(other_model_dir)[:12]
    wanted = drift.replace("SHA", sha).replace("OTHER", other)
    assert wanted in _section(page, "drift")
    assert f"Name {'moved' if case == 'model-option' else 'tiny'}" in _section(page, "model")
    assert "default (shipped)" not in page and "model other" not in _section(page, "drift")
    if warned is None:
        assert "drift section is left out" not in result.output
    else:
        made = f"p.summary.json says the predictions were made by model tiny (sha256 {sha}…), "
        line = f"taikai: warning: the drift section is left out: {made}{warned}{GIVE}"
        resolved = str((tmp_path / "models").resolve())
        assert line.replace("MODELS", resolved).replace("OTHER", other) in result.output
    assert str(tmp_path) not in page and str(tmp_path.resolve()) not in page  # meant to be shared: no local path


@pytest.mark.parametrize("summary", ["as-batch-writes-it", "older-summary-misnamed"])
def test_a_model_chosen_with_taikai_model_is_named_by_its_own_name(tmp_path, other_model_dir, monkeypatch, summary):
    """Regression: batch recorded a model chosen with TAIKAI_MODEL as "default (shipped)" with its own hash, and
    the report showed that name."""
    (tmp_path / "dump.csv").write_text(DUMP, encoding="utf-8")
    monkeypatch.setenv("TAIKAI_MODEL", str(other_model_dir))
    _invoke("batch", tmp_path / "dump.csv", "--text-column", "text", "-o", tmp_path / "p.csv")
    written = tmp_path / "p.summary.json"
    values = json.loads(written.read_text(encoding="utf-8"))
    assert values["model"]["name"] == "other"
    if summary == "older-summary-misnamed":  # as batch wrote it before
        values["model"]["name"] = "default (shipped)"
        written.write_text(json.dumps(values), encoding="utf-8")
    _invoke("report", tmp_path / "p.csv", "-o", tmp_path / "r.html", "--lang", "en")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Name other" in _section(page, "model")
    assert "Reference: training statistics of the model other (" in _section(page, "drift")
    assert "default (shipped)" not in page and str(tmp_path) not in page


@pytest.mark.slow
def test_the_shipped_model_stands_for_its_copy_that_is_gone(tmp_path, monkeypatch):
    """The summary's model is known by its sha256: a copy of the shipped model, deleted since (or the shipped model
    of another virtual environment), is the shipped model, and drift is checked against it."""
    from taikai.model import shipped_model_dir

    shipped = shipped_model_dir()
    assert shipped is not None
    shutil.copytree(shipped, tmp_path / "copy")
    (tmp_path / "dump.csv").write_text(DUMP, encoding="utf-8")
    monkeypatch.delenv("TAIKAI_MODEL", raising=False)
    _invoke("batch", tmp_path / "dump.csv", "--text-column", "text", "-o", tmp_path / "p.csv", "-m", tmp_path / "copy")
    shutil.rmtree(tmp_path / "copy")
    result = _invoke("report", tmp_path / "p.csv", "-o", tmp_path / "r.html", "--lang", "en")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Reference: training statistics of the model default (shipped) (" in _section(page, "drift")
    assert "drift section is left out" not in result.output and str(tmp_path) not in page


MADE_JA = "予測を作った実行の記録によると、予測はモデル tiny (sha256 abababababab…) で作られています"
GIVE_JA = "このページの作成者は、そのモデルを --model (Python では model=) で指定できます。"
MADE_EN = f"{MADE} (sha256 abababababab…)"


@pytest.mark.parametrize(
    ("why", "lang", "said"),
    [
        ("NO_DIRECTORY", "ja", f"{MADE_JA}が、そのモデルのディレクトリは記録されていません。{GIVE_JA}"),
        ("GONE", "ja", f"{MADE_JA}が、記録されたディレクトリはもうありません (移動または削除されました)。{GIVE_JA}"),
        ("NOT_A_MODEL", "ja", f"{MADE_JA}が、記録されたディレクトリは今はモデルではありません。{GIVE_JA}"),
        (
            "ANOTHER_MODEL",
            "ja",
            f"{MADE_JA}が、記録されたディレクトリには今は別のモデル (sha256 cdcdcdcdcdcd…) があります。{GIVE_JA}",
        ),
        ("NO_DIRECTORY", "en", f"{MADE_EN} and names no directory of it; {GIVE_PAGE}"),
        ("GONE", "en", f"{MADE_EN}, but the directory it names is gone (moved or deleted); {GIVE_PAGE}"),
        ("NOT_A_MODEL", "en", f"{MADE_EN}, whose directory is not a model now; {GIVE_PAGE}"),
        (
            "ANOTHER_MODEL",
            "en",
            f"{MADE_EN}, whose directory holds another model now (sha256 cdcdcdcdcdcd…); {GIVE_PAGE}",
        ),
    ],
)
def test_why_the_model_cannot_be_had_is_said_in_the_page_s_language(why, lang, said):
    """Regression: the Japanese page said "ドリフトを確認できません: out.summary.json says the predictions were made
    by model mymodel …; give that model with model= (--model on the command line)": English, and Python advice
    unlike the page's other notes."""
    from taikai.analysis._report._drift import missing_reason
    from taikai.analysis._report._provenance import Missing, MissingModel

    other = "cd" * 32 if why == "ANOTHER_MODEL" else ""
    missing = MissingModel(Missing[why], "p.summary.json", "tiny", "ab" * 32, "(warned)", other)
    assert missing_reason(missing, lang) == said


def test_the_japanese_page_says_in_japanese_that_the_model_directory_is_gone(tmp_path, tiny_model_dir, monkeypatch):
    """The reviewer's case, through the command line: the page in Japanese, the warning on stderr with the path."""
    shutil.copytree(tiny_model_dir, tmp_path / "models" / "tiny")
    (tmp_path / "dump.csv").write_text(DUMP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _invoke("batch", "dump.csv", "--text-column", "text", "-o", "p.csv", "-m", "models/tiny")
    (tmp_path / "models" / "tiny").rename(tmp_path / "models" / "moved")
    result = _invoke("report", "p.csv", "-o", "r.html", "--lang", "ja")
    drift = _section((tmp_path / "r.html").read_text(encoding="utf-8"), "drift")
    made = MADE_JA.replace("abababababab", _sha(tiny_model_dir)[:12])
    gone = "記録されたディレクトリはもうありません (移動または削除されました)。"
    assert f"ドリフトを確認できません: {made}が、{gone}" in drift
    assert GIVE_JA in drift and "on the command line" not in drift and " says " not in drift and "json" not in drift
    assert f"but {(tmp_path / 'models' / 'tiny').resolve()} is no directory; {GIVE}" in result.output  # the warning
