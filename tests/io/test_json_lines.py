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
            "up to a key of its own first (jq -c '.text = .review.text' {dir}/d.jsonl > {dir}/d-flat.jsonl), "
            "then read that file",
        ),
        (
            [{"id": 1, "レビュー": {"本文": "手数料が高い"}}],
            "本文",
            """(jq -c '."本文" = ."レビュー"."本文"' {dir}/d.jsonl > {dir}/d-flat.jsonl)""",
        ),
        # a key that only a later record's object has, and a review that is null in the first
        ([{"id": 1, "review": None}, {"id": 2, "review": {"text": "単価が安い"}}], "text", "'review' holds objects"),
        ([{"id": 1, "review": {"body": "x"}}], "text", None),  # no object holds the key: nothing more said
        ([{"id": 1, "review": ["text"]}], "text", None),  # a list is no object
        ([{"id": 1, "text": "x"}], "body", None),
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
        ({"a": {"x": 1}, "b": {"x": 2, "y": 3}}, {}, {"x": "a", "y": "b"}),  # the first column holding a key
        ({"b": {"x": 2}}, {"x": "a"}, {"x": "a"}),
        ({"a": 1, "b": [{"x": 1}]}, {}, {}),
    ],
)
def test_inner_keys_name_the_first_column_holding_each(record, known, expected):
    assert inner_keys(record, known) == expected
