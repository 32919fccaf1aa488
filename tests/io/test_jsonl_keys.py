"""A JSONL object naming a key twice is a bad line (json keeps the last value silently); one that does not is read
whatever colons, escapes and nested values it holds."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.io import open_reader

FIRST = '{"id": 0, "text": "最初の行", "meta": null}'


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('{"id": 1, "text": "手数料が高い", "text": "単価が安い"}', "text"),
        ('{"id": 1, "id": 2, "text": "手数料が高い"}', "id"),
        ('{"id": 1, "text": "10:00に連絡", "text": "単価が安い"}', "text"),  # a colon in a value too
        ('{"id": 1, "text": "\\u624b\\u6570\\u6599", "text": "x"}', "text"),  # an escape
        ('{"id": 1, "text": "x", "meta": {"a": 1, "a": 2}}', "a"),  # in a nested object
        ('{"id": 1, "text": "x", "meta": [{"b": 1, "b": 2}]}', "b"),  # in a list
    ],
)
def test_a_repeated_key_makes_a_bad_line(tmp_path, line, key):
    path = tmp_path / "a.jsonl"
    path.write_text(f"{FIRST}\n{line}\n", encoding="utf-8")
    [chunk] = list(open_reader(path).chunks(10))
    assert chunk.rows == 1, "the line with a repeated key was read as a row"
    [bad] = chunk.bad
    assert (bad.line, bad.error) == (2, f"repeated key {key!r}: which value is meant is unclear")


@pytest.mark.parametrize(
    "record",
    [
        {"id": 1, "text": "10:00:00に連絡が来た", "meta": "a:b"},
        {"id": 1, "text": "手数料", "meta": {"a": "x:y", "b": [1, {"c": ":"}]}},
        {"id": 1, "text": "key:", "meta": {}},
    ],
)
@pytest.mark.parametrize("ascii", [True, False], ids=["escaped", "utf-8"])
def test_a_record_without_repeated_keys_is_read_whole(tmp_path, record, ascii):
    path = tmp_path / "a.jsonl"
    path.write_text(f"{FIRST}\n{json.dumps(record, ensure_ascii=ascii)}\n", encoding="utf-8")
    [chunk] = list(open_reader(path).chunks(10))
    assert chunk.bad == [] and chunk.rows == 2
    assert [column[1] for column in chunk.data] == list(record.values())


@pytest.mark.parametrize(
    ("policy", "code", "expected"),
    [
        ("error", 2, "a.jsonl:2: malformed record (repeated key 'text': which value is meant is unclear)"),
        ("report", 0, "bad lines: 1 (set aside in"),
        ("report", 0, "repeated key 'text': which value is meant is unclear"),
    ],
)
def test_cli_batch_handles_a_repeated_key_by_on_bad_lines(tmp_path, tiny_model_dir, policy, code, expected):
    path, out = tmp_path / "a.jsonl", tmp_path / "out.csv"
    path.write_text(f'{FIRST}\n{{"id":1,"text":"手数料が高い","text":"単価が安い"}}\n', encoding="utf-8")
    args = ["batch", str(path), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, [*args, "--on-bad-lines", policy])
    assert result.exit_code == code, result.output
    said = result.output + (tmp_path / "out.bad_lines.csv").read_text(encoding="utf-8") if code == 0 else result.output
    assert expected in " ".join(said.split())
    if code == 0:
        assert "単価が安い" not in out.read_text(encoding="utf-8")
