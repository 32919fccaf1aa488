"""batch --mask-pii: a name found in one row is masked in every row, whatever --jobs, --resume or the engine."""

from __future__ import annotations

import pandas as pd
import pytest

import taikai
from taikai.batch import Interrupted

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
