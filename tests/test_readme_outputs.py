"""The README's outputs of the shipped model, read from the README itself and compared with what the code prints
now: the tuple its first Python example shows, the table of ``predict --rules`` and the lines of ``rules test``
it quotes. A retrained model or an edited rules file that changes them fails here until the README says so."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.evaluation._scores import wilson_interval

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _python_tuple() -> tuple[list[str], list[str]]:
    """The first Python example's ``p.reason, … # (…)`` line: the tuple shown, and the one the model gives."""
    found = re.search(
        r'\[p\] = model\.predict\("([^"]+)"\)\np\.reason, p\.reason_ja, p\.reasons, p\.sentiment  # (.+)', README
    )
    assert found is not None, "the README's first Python example moved"
    [p] = taikai.load_model().predict(found[1])
    return [repr(ast.literal_eval(found[2]))], [repr((p.reason, p.reason_ja, p.reasons, p.sentiment))]


def _predict_rules() -> tuple[list[str], list[str]]:
    """The table under "Run them with the model", and what its first command prints."""
    section = README[README.index("### Run them with the model") :]
    command = re.search(r'\ntaikai (predict --rules \S+ "([^"]+)")\n', section)
    table = re.search(r"```text\n(.*?)\n```", section, re.DOTALL)
    assert command is not None and table is not None, "the README's predict --rules example moved"
    with pytest.MonkeyPatch.context() as patch:  # as typed at a terminal (piped, the table holds each text whole)
        patch.setattr("taikai.cli._predict.terminal_width", lambda: 200)
        result = CliRunner().invoke(cli, ["predict", "--rules", str(ROOT / "examples/rules.toml"), command[2]])
    assert result.exit_code == 0, result.output
    return [" ".join(line.split()) for line in table[1].splitlines()], result.stdout.splitlines()


def _rules_test() -> tuple[list[str], list[str]]:
    """The lines quoted under "Test rules against labels" (its table's rows, its note on numbering, a misfire), and
    what ``rules test examples/rules.toml data/reviews.csv`` prints."""
    section = README[README.index("### Test rules against labels") :]
    block = re.search(r"```text\n(.*?)\n```", section, re.DOTALL)
    assert block is not None, "the README's rules test example moved"
    shown = [line for line in block[1].splitlines() if line.strip() not in ("", "…")]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        result = CliRunner().invoke(cli, ["rules", "test", "examples/rules.toml", "data/reviews.csv"])
    assert result.exit_code == 0, result.output
    return shown, result.stdout.splitlines()


def _evaluate_headline() -> tuple[list[str], list[str]]:
    """The primary-reason headline shown under "Training and evaluating honestly", which the README says the shipped
    model's own training printed, and that line made from the test scores its metadata records."""
    section = README[README.index("### Training and evaluating honestly") :]
    found = re.search(r"\n## Primary reason\n(accuracy \S+ \(95 % interval \S+\) · macro-F1 \S+)\n", section)
    assert found is not None, "the README's evaluate example moved"
    test = taikai.load_model().metadata.metrics.test
    assert test is not None and test.reason_accuracy is not None and test.reason_macro_f1 is not None
    rows = test.reason_rows or test.rows
    assert rows
    low, high = wilson_interval(round(test.reason_accuracy * rows), rows)
    interval = f"(95 % interval {low:.3f}–{high:.3f})"
    return [found[1]], [f"accuracy {test.reason_accuracy:.3f} {interval} · macro-F1 {test.reason_macro_f1:.3f}"]


def _drift() -> tuple[list[str], list[str]]:
    """The lines shown under the "drift" example, which the README says the shipped model prints, and what its
    ``drift data/sample_dump.csv --text-column text`` prints."""
    section = README[README.index("taikai drift data/sample_dump.csv --text-column text ") :]
    block = re.search(r"```text\n(.*?)\n```", section, re.DOTALL)
    assert block is not None, "the README's drift example moved"
    shown = [line for line in block[1].splitlines() if line.strip() not in ("", "…")]
    result = CliRunner().invoke(cli, ["drift", str(ROOT / "data/sample_dump.csv"), "--text-column", "text"])
    assert result.exit_code == 0, result.output
    return shown, result.stdout.splitlines()


def _quoted(text: str, start: str, end: str) -> str:
    """The sentence of *text* from *start* to *end* (included), a line break and its indent read as one space."""
    found = re.search(re.escape(start) + r".*?" + re.escape(end), re.sub(r"\n\s*", " ", text))
    assert found is not None, f"the quote starting {start!r} moved"
    return found[0]


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory) -> str:
    """The text of the HTML report of data/sample_dump.csv classified by the shipped model, as the README makes it
    (`taikai report predictions.csv -o report.html --date-column posted_at --by platform`), entities decoded."""
    import html

    folder = tmp_path_factory.mktemp("report")
    predictions = folder / "predictions.csv"
    taikai.classify_file(ROOT / "data/sample_dump.csv", predictions, text_column="text", id_column="review_id")
    out = taikai.analysis.write_report(predictions, folder / "report.html", date_column="posted_at", by="platform")
    return html.unescape(out.read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("doc", "start", "end"),
    [
        ("README.md", "退会理由の分布: 最も多いのは", "%)。"),  # a chart's alt text
        ("README.md", "2026-03に「トラブル・不信」が", ")"),  # the summary's biggest change
        ("docs/drift.md", "最も割合が動いた理由: ", " (基準 → この入力)"),  # the drift section
    ],
    ids=["alt text", "summary", "drift section"],
)
def test_the_report_s_sentences_quoted_are_those_of_the_sample_s_report(sample_report, doc, start, end):
    """Regression (h355): after the retrain of 2026-12-06 the README quoted 692 件 (23.1%) and 28 件から 55 件
    (20.6% → 40.7%, p = 0.002), docs/drift.md 18.2% → 23.1%, where the sample's report says 695 件 (23.2%),
    27 件から 55 件 (19.9% → 40.7%, p < 0.001) and 18.1% → 23.2%."""
    quoted = _quoted((ROOT / doc).read_text(encoding="utf-8"), start, end)
    assert quoted in sample_report, f"{doc} quotes {quoted!r}, which the sample's report does not say"


@pytest.mark.slow
def test_the_report_s_accuracy_quoted_is_the_shipped_model_s(sample_report):
    """Regression (h355): the README's Model section quoted the accuracy `90.3%`; the page says 90.4%."""
    [quoted] = re.findall(r"its accuracy \(a share, `([\d.]+%)`\)", README)
    assert f">{quoted}<" in sample_report, f"the README quotes {quoted}, which the sample's report does not show"


@pytest.mark.parametrize(
    "example", [_python_tuple, _predict_rules, _rules_test, _evaluate_headline, _drift], ids=lambda f: f.__name__[1:]
)
def test_the_readme_shows_what_the_shipped_model_prints(example: Callable[[], tuple[list[str], list[str]]]):
    shown, printed = example()
    assert shown, "the README shows no lines here"
    printed_lines = {" ".join(line.split()) for line in printed}
    missing = [line for line in shown if " ".join(line.split()) not in printed_lines]
    assert not missing, f"the README shows lines the code does not print: {missing}\nprinted:\n" + "\n".join(printed)
