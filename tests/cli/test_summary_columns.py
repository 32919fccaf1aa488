"""report, suggest and drift take the text and id columns ``taikai batch`` was given, from its summary."""

import json
import re
import shutil

import pytest

from taikai.io import read_summary


@pytest.fixture(scope="module")
def scored(classify_dump):
    """A batch output of a dump whose texts are in ``body`` and ids in ``review_id``."""
    return classify_dump("p2", ["review_id", "body"], "", "--text-column", "body", "--id-column", "review_id", "-q")


def copy(scored, folder, **changes):
    """Copy the predictions and their summary into *folder*, the summary's fields set to *changes* (``None``:
    removed, as in a summary written before batch recorded them); return the copy's path."""
    target = shutil.copy(scored, folder / scored.name)
    values = json.loads(scored.with_name("p2.summary.json").read_text(encoding="utf-8"))
    for key, value in changes.items():
        values.pop(key) if value is None else values.update({key: value})
    (folder / "p2.summary.json").write_text(json.dumps(values), encoding="utf-8")
    return target


COMMANDS = {
    "report": lambda p, tmp, model: ("report", p, "-o", tmp / "r.html", "--no-drift", "--lang", "en", "-m", model),
    "suggest": lambda p, tmp, model: ("suggest", p, "-o", tmp / "s.csv", "--n", "3"),
    "drift": lambda p, tmp, model: ("drift", p, "-m", model),
}
SAID = {"report": "HTML report written to", "suggest": "3 rows to label", "drift": "(predictions file, read as written"}


def test_batch_records_its_text_and_id_columns(scored):
    summary = read_summary(scored)
    assert (summary.text_column, summary.id_column) == ("body", "review_id")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_batch_text_column_is_the_default(invoke, scored, tmp_path, tiny_model_dir, command):
    """Regression: after batch --text-column body, report (and suggest, drift) stopped at "no column 'text'"."""
    result = invoke(*COMMANDS[command](copy(scored, tmp_path), tmp_path, tiny_model_dir))
    assert result.exit_code == 0, result.output
    assert SAID[command] in result.output


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize(
    ("changes", "options", "column", "named"),
    [
        ({"text_column": None, "id_column": None}, (), "text", "--text-column"),  # an old summary: today's default
        ({}, ("--text-column", "nope"), "nope", "--text-column"),  # the option wins
        (
            {"text_column": "gone"},
            (),
            "gone",
            "(--text-column on the command line; its default came from p2.summary.json)",
        ),
    ],
    ids=["old summary", "option wins", "summary's column missing"],
)
def test_a_missing_text_column_names_where_its_name_came_from(
    invoke, scored, tmp_path, tiny_model_dir, command, changes, options, column, named
):
    path = copy(scored, tmp_path, **changes)
    result = invoke(*COMMANDS[command](path, tmp_path, tiny_model_dir), *options)
    assert result.exit_code == 2, result.output
    assert f"no column {column!r}" in result.output and named in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("changes", "options", "id_header"),
    [
        ({}, (), "review_id"),
        ({"id_column": None}, (), "review_id"),  # none recorded: the column named as ids (before: row numbers)
        ({}, ("--id-column", "body"), "body"),
    ],
    ids=["from the summary", "old summary", "option wins"],
)
def test_suggest_takes_the_batch_id_column(invoke, scored, tmp_path, changes, options, id_header):
    result = invoke("suggest", copy(scored, tmp_path, **changes), "-o", tmp_path / "s.csv", "--n", "3", *options)
    assert result.exit_code == 0, result.output
    header = (tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",")[:2] == [id_header, "text"]


def test_suggest_names_a_missing_id_column_from_the_summary(invoke, scored, tmp_path):
    path = copy(scored, tmp_path, id_column="gone")
    result = invoke("suggest", path, "-o", tmp_path / "s.csv", "--n", "3")
    assert result.exit_code == 2, result.output
    assert "no column 'gone';" in result.output
    assert "id_column= (--id-column on the command line; its default came from p2.summary.json)" in result.output


def _review_headers(page: str, section: str) -> list[str]:
    header = re.search(rf'<section id="{section}">.*?<tr>(.*?)</tr>', page, re.S)
    assert header is not None, section
    return re.findall(r"<th[^>]*>([^<]*)</th>", header.group(1))


@pytest.mark.parametrize("section", ["representative", "uncertain"])
def test_the_report_shows_the_batch_id_column_and_the_by_column_beside_the_reviews(
    invoke, classify_dump, tmp_path, tiny_model_dir, section
):
    scored = classify_dump("ids", ["投稿ID", "text", "store"], "007", "--text-column", "text", "--id-column", "投稿ID")
    out = tmp_path / "r.html"
    result = invoke("report", scored, "-o", out, "--by", "store", "--no-drift", "--lang", "en", "-m", tiny_model_dir)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    headers = _review_headers(page, section)
    assert headers[2:4] == ["投稿ID", "store"], headers


@pytest.mark.parametrize(
    ("by", "said"),
    [
        ("Store", "no column 'Store' (did you mean 'store'?); the columns are ["),
        ("ｓｔｏｒｅ ", "no column 'ｓｔｏｒｅ ' (did you mean 'store'?); the columns are ["),
        ("shop", "no column 'shop'; the columns are ["),  # nothing close: no guess
    ],
)
def test_report_by_a_near_miss_says_the_column_meant(invoke, classify_dump, tmp_path, tiny_model_dir, by, said):
    """Regression: report --by Platform said only "no column 'Platform'; the columns are [...]"."""
    scored = classify_dump("near", ["review_id", "text", "store"], "x", "--text-column", "text", "-q")
    result = invoke("report", scored, "-o", tmp_path / "r.html", "--by", by, "--no-drift", "-m", tiny_model_dir)
    assert result.exit_code == 2, result.output
    assert said in result.output and ("did you mean" in result.output) == ("did you" in said)
