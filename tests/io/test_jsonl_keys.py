"""A JSONL object naming a key twice is a bad line (json keeps the last value silently); one that does not is read
whatever colons, escapes and nested values it holds."""

from __future__ import annotations

import csv
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
        ('{"id": 1, "text": "1", "text": "\\u003a"}', "text"),  # an escaped colon makes up for the lost key
        ('{"id": 1, "text": "1", "text": "\\u003A"}', "text"),  # the same, its hex in capitals
        ('{"id": 1, "te\\u0078t": "a:b", "text": "c"}', "text"),  # a key spelled two ways
        ('{"id": 1, "te\\u0078t": "\\u624b:10", "text": "\\u624b"}', "text"),  # ... with escapes and colons
        ('{"\\u0069d": 1, "id": 2, "text": "2024-01-02T10:00:00.000"}', "id"),  # ... beside a pandas ISO date
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


def _pandas_lines(rows: int) -> list[str]:
    """Return *rows* lines as pandas writes a frame of Japanese texts and dates (every kanji as \\uXXXX)."""
    import pandas as pd

    frame = pd.DataFrame(
        {
            "id": range(rows),
            "text": [f"返信: {i}時に連絡しても来ない" for i in range(rows)],
            "date": pd.date_range("2024-01-01", periods=rows, freq="min"),
        }
    )
    return frame.to_json(orient="records", lines=True, date_format="iso").splitlines()


def test_pandas_lines_are_read_whole_without_the_slow_check(tmp_path):
    """The common case: \\u escapes and colons in values, no repeated key: the colon count alone clears it."""
    from taikai.io._json_lines import maybe_repeated

    lines = _pandas_lines(50)
    assert "\\u8fd4" in lines[0] and "T00:00:00" in lines[0]
    assert not any(maybe_repeated(line, json.loads(line)) for line in lines)
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [chunk] = list(open_reader(path).chunks(100))
    assert chunk.bad == [] and chunk.rows == 50 and chunk.data[1][3] == "返信: 3時に連絡しても来ない"


def test_no_repeated_key_passes_the_quick_check(tmp_path):
    """Random objects, keys repeated or not, spelled plainly or escaped, values with colons plain or escaped, nested
    or not: every line with a repeated key (as json's object_pairs_hook sees it) is a bad line, no other is."""
    import random

    from taikai.io._json_lines import RepeatedKey, parse_line

    rng = random.Random(81)
    spell = {"text": ["text", "te\\u0078t", "\\u0074ext"], "id": ["id", "\\u0069d"], "a:b": ["a:b", "a\\u003ab"]}
    values = ['"10:00"', '"\\u003a"', '"\\u003A\\u624b"', '"\\u624b"', '"x"', "1", '{"a": 1, "a": 2}', '[":"]']

    def repeated(line: str) -> bool:
        def hook(pairs):
            if len({k for k, _ in pairs}) != len(pairs):
                raise RepeatedKey("")
            return dict(pairs)

        try:
            json.loads(line, object_pairs_hook=hook)
        except RepeatedKey:
            return True
        return False

    seen = {True: 0, False: 0}
    for _ in range(3000):
        keys = [rng.choice(list(spell)) for _ in range(rng.randint(1, 4))]
        line = "{" + ", ".join(f'"{rng.choice(spell[k])}": {rng.choice(values)}' for k in keys) + "}"
        expected = repeated(line)
        seen[expected] += 1
        assert isinstance(parse_line(line), RepeatedKey) is expected, line
    assert min(seen.values()) > 500, seen


@pytest.mark.parametrize(
    ("lines", "columns", "rows"),
    [
        # an export that leaves out null values (BigQuery, jq): later lines name keys the first lacks
        (
            ['{"id": 1, "text": "手数料"}', '{"id": 2, "text": "単価", "platform": "Lancers"}'],
            ["id", "text", "platform"],
            [[1, "手数料", None], [2, "単価", "Lancers"]],
        ),
        (['{"id": 1}', '{"text": "単価", "id": 2}'], ["id", "text"], [[1, None], [2, "単価"]]),
        (["{}", '{"b": 1}', '{"a": 2, "b": 3}'], ["b", "a"], [[None, None], [1, None], [3, 2]]),
        # a line that is no object, or a bad one, names no column
        (['{"id": 1}', '["text"]', '{"text": "x"}'], ["id", "text"], [[1, None], [None, "x"]]),
        (['{"id": 1}', '{"id": 2, "id": 3, "z": 0}', '{"text": "x"}'], ["id", "text"], [[1, None], [None, "x"]]),
    ],
)
def test_the_columns_are_every_object_s_keys_in_the_order_they_first_come(tmp_path, lines, columns, rows):
    """Regression: the first object's keys were the columns, and a later line with another key was a bad line."""
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reader = open_reader(path)
    assert reader.columns == columns
    chunks = list(reader.chunks(10))
    assert [list(row) for chunk in chunks for row in zip(*chunk.data, strict=True)] == rows
    assert sum(len(chunk.bad) for chunk in chunks) == len(lines) - len(rows)  # no line blank here


def test_batch_reads_an_export_without_null_values_whole(tmp_path, tiny_model_dir):
    path = tmp_path / "export.jsonl"
    lines = ['{"id": 1, "text": "手数料が高い"}', '{"id": 2, "platform": "Lancers", "text": "単価が安い"}', '{"id": 3}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    args = ["batch", str(path), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir), "-q"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as f:
        got = [(r["id"], r["platform"], r["status"]) for r in csv.DictReader(f)]
    assert got == [("1", "", "ok"), ("2", "Lancers", "ok"), ("3", "", "empty")]


@pytest.mark.parametrize(
    ("lines", "rows", "columns"),
    [
        (['{"id": 1, "text": "a"}', '{"id": 2, "text": "b", "late": 1}'], 1, ["id", "text"]),  # the first row's
        (['{"id": 1, "text": "a"}', '{"id": 2, "text": "b", "late": 1}'], None, ["id", "text", "late"]),
        # the first records name no key ({} and a bad line): read on until one does, not refused as keyless
        (["{}", '{"text": "a"}', '{"text": "b", "late": 1}'], 1, ["text"]),
        (["{}", "not json", '{"text": "a"}'], 1, ["text"]),
    ],
)
def test_the_columns_of_the_first_rows_are_read_on_until_a_record_names_a_key(tmp_path, lines, rows, columns):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert open_reader(path, rows=rows).columns == columns
