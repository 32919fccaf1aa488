"""batch --mask-pii: a name found in one row is masked in every row, whatever --jobs, --resume or the engine."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.batch import Interrupted
from taikai.cli import cli

ROWS = ["手数料が高い", "担当の小林さんが最悪だった", "時給が安い", "松本の件で揉めた", "松本さんに感謝"]
ROWS += ["小林の対応が遅い", "松本市に住んでいる", "本業が忙しい", "小林製薬の案件"]
MASKED = {
    "担当の[人名]さんが最悪だった",
    "[人名]の件で揉めた",
    "[人名]さんに感謝",
    "[人名]の対応が遅い",
    "松本市に住んでいる",
    "小林製薬の案件",
}


@pytest.fixture
def names_dump(tmp_path):
    path = tmp_path / "dump.csv"
    pd.DataFrame({"id": range(len(ROWS) * 3), "text": ROWS * 3}).to_csv(path, index=False)
    return path


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_a_name_found_in_one_row_is_masked_in_all_under_jobs_and_resume(
    stop_after, tmp_path, names_dump, tiny_model_dir, fmt
):
    options = {"model": tiny_model_dir, "chunk_size": 2, "mask_pii": True}
    one, two, resumed = (tmp_path / f"{name}.{fmt}" for name in ("one", "two", "resumed"))
    summary = taikai.classify_file(names_dump, one, "text", **options)
    taikai.classify_file(names_dump, two, "text", jobs=2, **options)
    with pytest.raises(Interrupted):  # stopped before the rows that say 小林 and 松本 are persons were saved again
        taikai.classify_file(names_dump, resumed, "text", on_chunk=stop_after(1), **options)
    taikai.classify_file(names_dump, resumed, "text", resume=True, **options)
    assert two.read_bytes() == one.read_bytes() == resumed.read_bytes()
    frame = pd.read_parquet(one) if fmt == "parquet" else pd.read_json(one, lines=True) if fmt == "jsonl" else None
    frame = pd.read_csv(one) if frame is None else frame
    assert set(frame["text"]) >= MASKED
    assert summary.masks == {"name": 12}


def test_the_names_are_never_written_to_the_work_folder(stop_after, tmp_path, names_dump, tiny_model_dir):
    out = tmp_path / "out.csv"
    with pytest.raises(Interrupted):
        taikai.classify_file(
            names_dump, out, "text", model=tiny_model_dir, chunk_size=2, mask_pii=True, on_chunk=stop_after(2)
        )
    partial = tmp_path / "out.csv.taikai-partial"
    saved = b"".join(p.read_bytes() for p in partial.rglob("*") if p.is_file())
    assert "小林".encode() not in saved and "松本".encode() not in saved


def test_the_dask_engine_masks_a_name_found_in_one_partition_in_all(tiny_model):
    dd = pytest.importorskip("dask.dataframe")
    from taikai.batch.dask import classify

    ddf = dd.from_pandas(pd.DataFrame({"text": ROWS}), npartitions=3)  # 小林 and 松本 found in other partitions
    out = classify(ddf, "text", tiny_model, mask_pii=True).compute()
    assert set(out["text"]) >= MASKED


def test_the_dask_file_engine_masks_a_name_found_in_one_partition_in_all(client, tiny_model_dir, tmp_path, names_dump):
    from taikai.dask import classify_files

    out = tmp_path / "out.parquet"
    summary = classify_files(names_dump, out, "text", model=tiny_model_dir, client=client, mask_pii=True, partitions=4)
    assert set(pd.read_parquet(out)["text"]) >= MASKED
    assert summary.masks == {"name": 12}


SAVED = ["手数料が高い", "小林の対応が遅い", "松本さんに感謝", "時給が安い", "本業が忙しい"]
NEW_NAME = ["新しい担当の小林さんが親切", "手数料が高い"]  # 小林 a person only in the rows appended
NO_NEW_NAME = ["松本の件で揉めた", "時給が安い"]  # 松本 a person in the rows saved already


def _dump(fmt: str, texts: list[str], start: int = 0) -> str:
    rows = [{"id": f"r{i:02d}", "text": t} for i, t in enumerate(texts, start)]
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return ("id,text\n" if start == 0 else "") + "".join(f"{row['id']},{row['text']}\n" for row in rows)


@pytest.mark.parametrize(
    ("in_fmt", "out_fmt", "appended", "stopped", "jobs", "again"),
    [
        ("csv", "csv", NEW_NAME, True, 1, True),  # the rows saved hold 小林 bare: classified again, from the start
        ("jsonl", "jsonl", NEW_NAME, True, 1, True),
        ("csv", "parquet", NEW_NAME, True, 1, True),  # a table's types: the grown input's
        ("jsonl", "csv", NEW_NAME, True, 2, True),  # --jobs 2: the names of each range collected in the workers
        ("csv", "csv", NEW_NAME, False, 1, True),  # a complete output whose input then grew
        ("csv", "csv", NO_NEW_NAME, True, 1, False),  # no name the rows saved lacked: only the rows appended
        ("jsonl", "jsonl", NO_NEW_NAME, True, 1, False),
        ("csv", "parquet", NO_NEW_NAME, True, 1, False),
        ("jsonl", "jsonl", NO_NEW_NAME, False, 1, False),
    ],
)
def test_a_resume_of_an_input_grown_by_rows_naming_a_new_person_runs_from_the_start(
    stop_after, tmp_path, tiny_model_dir, in_fmt, out_fmt, appended, stopped, jobs, again
):
    dump, out, fresh = tmp_path / f"dump.{in_fmt}", tmp_path / f"out.{out_fmt}", tmp_path / f"fresh.{out_fmt}"
    options = {"model": tiny_model_dir, "chunk_size": 2, "mask_pii": True, "jobs": jobs}
    dump.write_text(_dump(in_fmt, SAVED), encoding="utf-8")
    if stopped:
        with pytest.raises(Interrupted):
            taikai.classify_file(dump, out, "text", on_chunk=stop_after(1), **options)
    else:
        taikai.classify_file(dump, out, "text", **options)
    with open(dump, "a", encoding="utf-8") as f:  # the next day's rows
        f.write(_dump(in_fmt, appended, len(SAVED)))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        resumed = taikai.classify_file(dump, out, "text", resume=True, **options)
    whole = taikai.classify_file(dump, fresh, "text", **options)
    assert out.read_bytes() == fresh.read_bytes()
    assert resumed.masks == whole.masks == {"name": 3 if again else 2}
    said = [str(w.message) for w in caught if "cannot keep" in str(w.message)]
    kept = 2 if stopped else len(SAVED)
    if again:
        assert said == [
            f"cannot keep the {kept} rows saved for {out}: the rows appended to the input since the saved run name 1 "
            "person it did not name then, and a person's name is masked in every row that writes it (the rows saved "
            "were masked without it); classifying every row again, from the start"
        ]
        assert (resumed.rows, resumed.resumed_rows, resumed.appended_rows) == (7, 0, 0)
    else:
        assert said == []
        assert (resumed.rows, resumed.resumed_rows, resumed.appended_rows) == (7, kept, 2)


def test_the_command_says_in_one_line_why_it_runs_from_the_start_naming_no_one(stop_after, tmp_path, tiny_model_dir):
    dump, out = tmp_path / "dump.csv", tmp_path / "out.csv"
    dump.write_text(_dump("csv", SAVED), encoding="utf-8")
    with pytest.raises(Interrupted):
        taikai.classify_file(
            dump, out, "text", model=tiny_model_dir, chunk_size=2, mask_pii=True, on_chunk=stop_after(1)
        )
    with open(dump, "a", encoding="utf-8") as f:
        f.write(_dump("csv", NEW_NAME, len(SAVED)))
    args = ["batch", str(dump), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir), "--chunk-size", "2"]
    result = CliRunner().invoke(cli, [*args, "--mask-pii", "--resume"])
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "cannot keep" in line]
    assert len(said) == 1 and said[0].startswith(f"taikai: warning: cannot keep the 2 rows saved for {out}: "), said
    assert "小林" not in result.output and "小林" not in out.read_text(encoding="utf-8")
