"""A Dask engine's output folder read as one predictions file: its parts in order, its manifest as the summary."""

import io
import json
import re

import pandas as pd
import pytest

from taikai.errors import INPUT_FORMAT, InputError
from taikai.io import (
    PARTS_MANIFEST,
    format_of,
    is_parts_folder,
    open_reader,
    read_predictions,
    read_summary,
    read_table,
)

HEADER = "row,text,status,reason,p_reason_fees\n"
STAMP = {"name": "mine", "path": "/m/mine", "sha256": "ab" * 32, "created_at": "2026-01-01T00:00:00"}


def _folder(root, fmt="csv", parts=("0,手数料,ok,fees,0.9\n", "1,時間,ok,time,0.1\n2,,empty,,\n"), **values):
    """Write parts as the Dask engine names them, and a manifest listing them (*values* added to it)."""
    root.mkdir()
    names = []
    for k, body in enumerate(parts):
        names.append(f"part.{k:05d}.{fmt}")
        if fmt == "parquet":
            pd.read_csv(io.StringIO(HEADER + body), dtype={"text": str, "reason": str}).to_parquet(root / names[-1])
        else:
            (root / names[-1]).write_text(HEADER + body, encoding="utf-8")
    manifest = {"rows": 3, "format": fmt, "parts": names, "statuses": {"ok": 2, "empty": 1}, **values}
    (root / PARTS_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return root


@pytest.mark.parametrize(("name", "fmt"), [("out", "csv"), ("out.csv", "csv"), ("d", "parquet")])
def test_a_parts_folder_reads_as_one_file_in_part_order(tmp_path, name, fmt):
    folder = _folder(tmp_path / name, fmt)
    assert is_parts_folder(folder) and format_of(folder) == fmt
    table = read_table(folder)
    assert table.frame["row"].astype(int).tolist() == [0, 1, 2]
    assert table.frame["text"].tolist()[:2] == ["手数料", "時間"]
    assert table.lines is None  # each part has its own lines: rows are named by their place in the whole
    assert read_predictions(folder)["p_reason_fees"].tolist()[:2] == [0.9, 0.1]


def test_the_manifest_is_the_summary_of_the_folder(tmp_path):
    folder = _folder(tmp_path / "out", prefix="pred_", model_stamp=STAMP, model=STAMP["sha256"])
    run = read_summary(folder)
    assert run is not None and run.path == str(folder / PARTS_MANIFEST)
    assert (run.rows, run.statuses, run.prefix, run.bad_lines) == (3, {"ok": 2, "empty": 1}, "pred_", 0)
    assert run.model is not None and (run.model.name, run.model.sha256) == ("mine", STAMP["sha256"])


def test_a_manifest_without_a_model_stamp_still_names_the_models_hash(tmp_path):
    run = read_summary(_folder(tmp_path / "out", model="cd" * 32))
    assert run is not None and run.model is not None and run.model.sha256 == "cd" * 32 and run.prefix is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: (f / "part.00001.csv").unlink(), r"lists 1 part\(s\) that are not in .*\['part.00001.csv'\]"),
        (lambda f: (f / PARTS_MANIFEST).write_text("{", encoding="utf-8"), "not a readable taikai manifest"),
        (
            lambda f: (f / "part.00001.csv").write_text("row,text\n1,x\n", encoding="utf-8"),
            r"part.00001.csv: the columns \['row', 'text'\] differ from those of part.00000.csv",
        ),
    ],
)
def test_a_damaged_folder_is_named(tmp_path, change, message):
    folder = _folder(tmp_path / "out")
    change(folder)
    with pytest.raises(InputError, match=message):
        read_table(folder)


def test_a_folder_without_a_manifest_is_not_read_as_parts(tmp_path):
    (tmp_path / "out.csv").mkdir()
    assert not is_parts_folder(tmp_path / "out.csv")
    with pytest.raises(InputError, match="is a directory, not a file"):
        open_reader(tmp_path / "out.csv")


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        (None, "give the file one of the extensions .csv, .tsv, .jsonl, .parquet or .xlsx"),
        (
            INPUT_FORMAT,
            "name the format with input_format= (--input-format on the command line): one of csv, tsv, jsonl, "
            "parquet, xlsx",
        ),
    ],
)
def test_an_unknown_extension_suggests_an_option_only_when_given_one(tmp_path, option, expected):
    with pytest.raises(InputError, match=re.escape(expected)):
        format_of(tmp_path / "preds.dat", None, option)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_each_part_is_opened_once(tmp_path, readers_made, fmt):
    """The first part's reader, made to learn the columns, is the one that reads its rows: a JSONL part is read
    whole for its keys when its reader is made, so a second reader read it whole twice more."""
    folder = _folder(tmp_path / "out", fmt)
    if fmt == "jsonl":  # _folder writes CSV lines
        rows = [{"row": 0, "text": "手数料"}], [{"row": 1, "text": "時間"}, {"row": 2, "text": None}]
        for k, part in enumerate(rows):
            lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part)
            (folder / f"part.{k:05d}.jsonl").write_text(lines, encoding="utf-8")
    for _ in range(2):  # read twice with one reader, as drift reads a date column again
        reader = open_reader(folder)
        assert [v for c in reader.chunks(10) for v in c.data[1]] == ["手数料", "時間", None if fmt == "jsonl" else ""]
    assert readers_made == [f"part.00000.{fmt}", f"part.00001.{fmt}"] * 2
