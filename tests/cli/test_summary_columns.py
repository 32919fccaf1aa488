"""report, suggest and drift take the text and id columns ``taikai batch`` was given, from its summary."""

import csv
import json
import shutil

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.io import read_summary

TEXTS = [
    "手数料が20%も引かれるのがつらい",
    "単価が安すぎて、何時間やっても数百円にしかならない",
    "提案しても提案しても選ばれない",
    "本業が忙しくなって時間が取れなくなった",
    "直接契約に切り替えたのでもう使っていません",
    "納品したのに報酬が支払われなかった",
]


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def scored(tmp_path_factory, tiny_model_dir):
    """A batch output of a dump whose texts are in ``body`` and ids in ``review_id``."""
    folder = tmp_path_factory.mktemp("columns")
    dump = folder / "dump.csv"
    with dump.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["review_id", "body"])
        writer.writerows([f"r{i}", text] for i, text in enumerate(TEXTS))
    out = folder / "p2.csv"
    args = ("--text-column", "body", "--id-column", "review_id", "-m", tiny_model_dir, "-q")
    result = invoke("batch", dump, "-o", out, *args)
    assert result.exit_code == 0, result.output
    return out


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
SAID = {"report": "report written to", "suggest": "3 rows to label", "drift": "(predictions file)"}


def test_batch_records_its_text_and_id_columns(scored):
    summary = read_summary(scored)
    assert (summary.text_column, summary.id_column) == ("body", "review_id")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_batch_text_column_is_the_default(scored, tmp_path, tiny_model_dir, command):
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
    scored, tmp_path, tiny_model_dir, command, changes, options, column, named
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
        ({"id_column": None}, (), "row"),
        ({}, ("--id-column", "body"), "body"),
    ],
    ids=["from the summary", "old summary", "option wins"],
)
def test_suggest_takes_the_batch_id_column(scored, tmp_path, changes, options, id_header):
    result = invoke("suggest", copy(scored, tmp_path, **changes), "-o", tmp_path / "s.csv", "--n", "3", *options)
    assert result.exit_code == 0, result.output
    header = (tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",")[:2] == [id_header, "text"]


def test_suggest_names_a_missing_id_column_from_the_summary(scored, tmp_path):
    path = copy(scored, tmp_path, id_column="gone")
    result = invoke("suggest", path, "-o", tmp_path / "s.csv", "--n", "3")
    assert result.exit_code == 2, result.output
    assert "no column 'gone';" in result.output
    assert "id_column= (--id-column on the command line; its default came from p2.summary.json)" in result.output
