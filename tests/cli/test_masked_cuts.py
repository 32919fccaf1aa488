"""Under --mask-pii (and mask_pii=True), a user's text a message quotes cut short is masked before it is cut: cut
first, ``taro.yamada@e…`` was no e-mail address to the masker, ``090-1234-…`` no phone number, and they leaked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support_commands import data_command, without_temp_folder

EMAIL = "連絡先はtaro.yamada@example.comまで。給料が安い"
PHONE = "田中です。電話は090-1234-5678まで。給料が安い"
FRAGMENTS = ("taro", "yamada", "example", "090", "1234", "5678")
"""Pieces of the planted values: none may be said; the EUC-JP error cuts each line at 20 characters, inside them."""


@pytest.fixture(params=[EMAIL, PHONE], ids=["email", "phone"])
def euc_dump(request, tmp_path):
    dump = tmp_path / "dump.csv"
    dump.write_bytes(f"id,text\nr1,{request.param}\nr2,手数料が高すぎる\n".encode("euc-jp"))
    return dump


@pytest.mark.parametrize(
    "command",
    [
        ["batch", "{dump}", "-o", "{out}.csv"],
        ["drift", "{dump}"],
        ["report", "{dump}", "-o", "{out}.html"],
        ["suggest", "{dump}", "-o", "{out}.csv"],
        ["rules", "test", "{rules}", "{dump}"],
    ],
    ids=["batch", "drift", "report", "suggest", "rules-test"],
)
def test_an_euc_jp_line_is_masked_before_it_is_cut(
    invoke, tmp_path, tmp_path_factory, tiny_model_dir, euc_dump, command
):
    """Regression: '...that line reading as 'r1,連絡先はtaro.yamada@e…'' under --mask-pii."""
    args = data_command(command, tmp_path, euc_dump, tiny_model_dir)
    result = invoke(*args, "--mask-pii")
    assert result.exit_code == 2, result.output
    assert "looks like EUC-JP" in result.output
    said = without_temp_folder(result.output, tmp_path_factory)
    assert not [f for f in FRAGMENTS if f in said], said


def test_read_table_masks_an_euc_jp_line_before_it_is_cut(euc_dump, tmp_path_factory):
    """The Python call asked to mask (mask_pii=True) quotes the line masked, whole values only."""
    from taikai.errors import InputError
    from taikai.io import read_table

    with pytest.raises(InputError, match="looks like EUC-JP") as caught:
        read_table(euc_dump, mask_pii=True)
    said = without_temp_folder(str(caught.value), tmp_path_factory)
    assert not [f for f in FRAGMENTS if f in said], said


@pytest.fixture(scope="module")
def dask_run(tmp_path_factory, tiny_model_dir, invoke) -> Path:
    """A folder holding ``in.csv`` (two reviews) and ``parts``, the Dask engine's output folder of it (CSV parts), as
    ``taikai batch in.csv -o parts --engine dask`` writes them. Made once: a run starts a Dask cluster (its processes
    took 10-20 s of each test on the 2-core machine), and every test of a malformed part copies it before it breaks a
    part."""
    pytest.importorskip("dask")
    folder = tmp_path_factory.mktemp("dask_run")
    data = folder / "in.csv"
    data.write_text("id,text\nr1,給料が安い\nr2,手数料が高すぎる\n", encoding="utf-8")
    made = invoke(
        "batch",
        data,
        "-o",
        folder / "parts",
        "--engine",
        "dask",
        "--output-format",
        "csv",
        "--text-column",
        "text",
        "-m",
        tiny_model_dir,
    )
    assert made.exit_code == 0, made.output
    return folder


@pytest.mark.parametrize(
    "command", [["report", "{parts}", "-o", "{out}.html"], ["drift", "{parts}"]], ids=["report", "drift"]
)
@pytest.mark.parametrize("value", ["taro.yamada@example.com", "090-1234-5678"], ids=["email", "phone"])
def test_a_malformed_part_record_is_masked_before_it_is_cut(
    invoke, tmp_path, tmp_path_factory, tiny_model_dir, dask_run, command, value
):
    """Regression: report/drift of a Dask engine's folder quoted a malformed record of a part cut at 80 characters,
    then masked: '...ああtaro.yama'; its parts are read without the command's mask_pii."""
    shutil.copytree(dask_run, tmp_path, dirs_exist_ok=True)  # this test's own copy of the run, whose part it breaks
    parts = tmp_path / "parts"
    last = sorted(parts.glob("part.*.csv"))[-1]
    with last.open("a", encoding="utf-8") as f:  # the cut at 80 characters falls inside the value
        f.write(f"9,r9,{'あ' * 70}{value} です,{','.join('abcdefghijklmnopqrstuvwxyz')}\n")
    args = [a.format(parts=parts, out=tmp_path / "out") for a in command]
    model = ["-m", tiny_model_dir] if command[0] == "drift" else []
    result = invoke(*args, *model, "--mask-pii")
    assert result.exit_code == 2, result.output
    assert "malformed record" in result.output
    said = without_temp_folder(result.output, tmp_path_factory)
    assert not [f for f in FRAGMENTS if f in said], said
