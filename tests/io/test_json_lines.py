"""A column asked for that is a key inside the objects a JSONL column holds ({"review": {"text": …}}) is said to be
one, with the jq command that copies it up to a key of its own."""

from __future__ import annotations

import json

import pytest

from taikai.errors import TEXT_COLUMN, InputError
from taikai.io import check_header_row, open_reader, sheet_read
from taikai.io._json_lines import inner_keys


@pytest.mark.parametrize(
    ("records", "wanted", "said"),
    [
        # regression: "no column 'text'; the columns are ['id', 'review']; give the right one to text_column=" alone
        (
            [{"id": 1, "review": {"text": "手数料が高い", "stars": 1}}],
            "text",
            "; 'review' holds objects with the key 'text', and the columns are each line's top-level keys: copy it "
            "up to a key of its own first (jq -c '.text = .review.text' {dir}/d.jsonl > {dir}/d-flat.jsonl; with jq "
            "1.7 or later: jq 1.6 rounds numbers past 2**53, such as long ids), then read that file",
        ),
        (
            [{"id": 1, "レビュー": {"本文": "手数料が高い"}}],
            "本文",
            """(jq -c '."本文" = ."レビュー"."本文"' {dir}/d.jsonl > {dir}/d-flat.jsonl; with jq 1.7""",
        ),
        # a key that only a later record's object has, and a review that is null in the first
        ([{"id": 1, "review": None}, {"id": 2, "review": {"text": "単価が安い"}}], "text", "'review' holds objects"),
        ([{"id": 1, "review": {"body": "x"}}], "text", None),  # no object holds the key: nothing more said
        ([{"id": 1, "review": ["text"]}], "text", None),  # a list is no object
        ([{"id": 1, "text": "x"}], "body", None),
        # regression: a dotted path, as BigQuery and json_normalize name a nested field, got "no column
        # 'review.body'" alone (and "'review' reads as reviews", advice that made every row an error)
        (
            [{"id": 1, "review": {"body": "手数料が高い"}}],
            "review.body",
            "; 'review' holds objects with the key 'body', and the columns are each line's top-level keys, not a path "
            """into them: copy it up to a key of its own first (jq -c '."review.body" = .review.body' {dir}/d.jsonl""",
        ),
        # the column the path names, not the first holding the key
        ([{"user": {"id": 7}, "order": {"id": 8}}], "order.id", """'."order.id" = .order.id'"""),
        ([{"user": {"id": 7}, "order": {"id": 8}}], "id", "'.id = .user.id'"),
        ([{"id": 1, "review": {"body": "x"}}], "review.text", None),  # no such key in its objects
        ([{"id": 1, "review": "x"}], "review.body", None),  # no object
    ],
)
def test_a_key_inside_a_columns_objects_is_said_with_how_to_lift_it(tmp_path, records, wanted, said):
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    reader = open_reader(path)
    said = said and said.replace("{dir}", str(tmp_path))
    of, hint = sheet_read(reader, [wanted])
    assert of == "" and ((said in hint) if said else hint == ""), hint
    if said is None:
        check_header_row(reader, [(wanted, TEXT_COLUMN)], path)  # as drift reads it: left to the frame's check
        return
    with pytest.raises(InputError, match="holds objects with the key") as caught:
        check_header_row(reader, [(wanted, TEXT_COLUMN)], path)
    assert str(caught.value).startswith(f"{path}: no column {wanted!r}; the columns are ")


@pytest.mark.parametrize(
    ("record", "known", "expected"),
    [
        (  # the first column holding a key; then each key as a dotted path, with its own column
            {"a": {"x": 1}, "b": {"x": 2, "y": 3}},
            {},
            {"x": "a", "y": "b", "a.x": "a", "b.x": "b", "b.y": "b"},
        ),
        ({"b": {"x": 2}}, {"x": "a", "b.x": "b"}, {"x": "a", "b.x": "b"}),
        ({"a": 1, "b": [{"x": 1}]}, {}, {}),
    ],
)
def test_inner_keys_name_the_first_column_holding_each(record, known, expected):
    assert inner_keys(record, known) == expected


@pytest.mark.parametrize(
    ("wanted", "said"),
    [
        # regression: a Parquet struct's field (BigQuery's RECORD), by its name or its dotted path, got "no column"
        # alone, and "'review' reads as reviews: --text-column review", advice that made every row an error
        (
            "review.body",
            "; 'review' is a struct column with the field 'body', and the columns are the file's top-level ones, not "
            """a path into them: copy it to a column of its own first (python -c 'import pyarrow.parquet as pq, """
            """pyarrow.compute as pc; t = pq.read_table("{path}"); pq.write_table(t.append_column("review.body", """
            """pc.struct_field(t["review"], "body")), "{flat}")'), or select it as one in the export's query, then """
            "read that file",
        ),
        ("body", """pq.write_table(t.append_column("body", pc.struct_field(t["review"], "body")), "{flat}")"""),
        ("text", None),
    ],
)
def test_a_field_of_a_parquet_struct_is_said_with_how_to_lift_it(tmp_path, wanted, said):
    import shlex
    import subprocess
    import sys

    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "d.parquet"
    pq.write_table(pa.table({"id": [1], "review": [{"body": "手数料が高い", "lang": "ja"}]}), path)
    reader = open_reader(path)
    if said is None:
        assert sheet_read(reader, [wanted]) == ("", "")
        return
    with pytest.raises(InputError) as caught:
        check_header_row(reader, [(wanted, TEXT_COLUMN)], path)
    flat = tmp_path / "d-flat.parquet"
    assert said.format(path=path, flat=flat) in str(caught.value), caught.value
    command = str(caught.value).split("(python -c ", 1)[1].split("), or select", 1)[0]
    subprocess.run([sys.executable, "-c", *shlex.split(command)], check=True)  # the command as written makes the column
    assert pq.read_table(flat).column(wanted).to_pylist() == ["手数料が高い"]
