"""The writers of batch output (io/_writers.py): a boolean is written as the input and JSON wrote it, true/false, in
CSV and TSV as in JSONL (Parquet and xlsx keep a boolean type), so that pandas, Excel and R read it back as one."""

import io
import json

import numpy as np
import pandas as pd
import pytest

import taikai
from taikai.io import LineProblem, OutputSpec, encode_stream, text_cells

# (a column's values, how CSV writes them)
COLUMNS = [
    ([True, False], ["true", "false"]),
    ([True, None, False], ["true", "", "false"]),  # a missing cell: empty, as any other
    ([np.True_, np.False_], ["true", "false"]),  # a frame's numpy booleans
    ([True, 1, "x"], ["true", "1", "x"]),  # a column of mixed types: each value as JSON writes it
    (["True", "false"], ["True", "false"]),  # texts: as they were written
    ([1, 0], ["1", "0"]),  # numbers are no booleans
]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize(("values", "written"), COLUMNS)
def test_a_boolean_is_written_true_or_false(fmt, values, written):
    """Regression: the JSONL input's true/false were written True/False (Python's spelling) to CSV and TSV."""
    ids = [str(i) for i in range(len(values))]
    payload, *_ = encode_stream(OutputSpec(fmt, ("id", "flag")), [ids, values], first=True)
    sep = "," if fmt == "csv" else "\t"
    assert payload.decode("utf-8").splitlines()[1:] == [f"{i}{sep}{w}" for i, w in zip(ids, written, strict=True)]


@pytest.mark.parametrize(("values", "written"), [([True, False, None], [True, False, None]), ([np.True_], [True])])
def test_jsonl_writes_json_booleans(values, written):
    payload, *_ = encode_stream(OutputSpec("jsonl", ("flag",)), [values], first=True)
    assert [json.loads(line)["flag"] for line in payload.decode("utf-8").splitlines()] == written


def test_a_mixed_column_s_boolean_is_its_json_text():
    assert text_cells([True, False, None, 1, [True]]) == ["true", "false", None, "1", "[true]"]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_a_jsonl_input_s_booleans_read_back_as_booleans(tmp_path, tiny_model, fmt):
    src, out = tmp_path / "in.jsonl", tmp_path / f"out.{fmt}"
    rows = [
        {"text": "手数料が高すぎる", "flag": True},
        {"text": "単価が安い", "flag": False},
        {"text": "忙しい", "flag": None},
    ]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    taikai.classify_file(src, out, "text", model=tiny_model)
    sep = "," if fmt == "csv" else "\t"
    raw = pd.read_csv(out, sep=sep, dtype=str, keep_default_na=False)
    assert raw["flag"].tolist() == ["true", "false", ""]
    assert pd.read_csv(io.StringIO(out.read_text(encoding="utf-8")), sep=sep)["flag"].tolist()[:2] == [True, False]
    assert taikai.io.read_predictions(out)["flag"].tolist()[:2] == [True, False]


@pytest.mark.parametrize(
    ("name", "content", "kinds"),
    [
        (
            "in.csv",
            'id,text\n1,手数料が高い\n2,単価が,安い\nid,text\n3,"閉じない\n',
            ["field_count", "repeated_header"],
        ),
        ("in.jsonl", '{"id": 1, "text": "手数料"}\n{"id": 2, "text": \n[3]\n', ["invalid_json", "not_an_object"]),
    ],
)
def test_the_side_file_of_bad_lines_names_each_kind_last(tmp_path, tiny_model_dir, name, content, kinds):
    """Regression (h414): the side file held each bad line's English error only, so a user who wanted the repeated
    headers apart from the broken lines matched the wording; its kind is a column of its own, after the four columns
    an earlier taikai wrote (a reader of them by position reads them still)."""
    import csv

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "out.csv"
    taikai.classify_file(path, out, "text", model=tiny_model_dir, on_bad_lines="report")
    with open(tmp_path / "out.bad_lines.csv", encoding="utf-8", newline="") as side:
        rows = list(csv.reader(side))
    assert rows[0] == ["line", "last_line", "error", "raw", "kind"]
    assert [row[4] for row in rows[1:]][: len(kinds)] == kinds
    assert all(LineProblem(row[4]) is LineProblem.of(row[2]) for row in rows[1:] if row[4])
