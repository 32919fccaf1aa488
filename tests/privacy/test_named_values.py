"""--mask-pii and the personal data that stands outside the text column's cells: an xlsx sheet's name, the texts
given to a command on its command line.

Each test searches what a command wrote or said for the value and for pieces of it (four digits of a phone
number, the local part of an e-mail address), which a masking of only part of the value would leave.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from support_commands import data_command, without_temp_folder

import taikai
from taikai.cli import cli

SHEETS = [
    ("山田さん090-6767-1212", ["山田", "6767", "1212"]),
    ("tanaka.hiroshi@example.com", ["tanaka.hiroshi", "example.com"]),
]
"""Sheet names that hold personal data, and the pieces of it no output may hold."""


def _strings(value: object) -> list[str]:
    """Return every string in *value* (a JSON document), those of a string that holds a JSON document included."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, str):
        try:
            inner = json.loads(value)
        except ValueError:
            return [value]
        return [value, *_strings(inner)] if isinstance(inner, (dict, list)) else [value]
    return []


def _workbook(path: Path, sheet: str) -> Path:
    with pd.ExcelWriter(path) as writer:
        reviews = pd.DataFrame({"text": ["手数料が高すぎて辞めた", "単価が安すぎる"]})
        reviews.to_excel(writer, sheet_name=sheet, index=False)
        pd.DataFrame({"a": [1]}).to_excel(writer, sheet_name="cover", index=False)
    return path


@pytest.mark.parametrize(("sheet", "pieces"), SHEETS)
def test_an_xlsx_sheet_s_name_is_masked_in_the_batch_summary(tmp_path, tiny_model_dir, sheet, pieces):
    """Regression: the summary's run fingerprint held the sheet read and the workbook's sheets as named."""
    path, out = _workbook(tmp_path / "in.xlsx", sheet), tmp_path / "out.csv"
    taikai.classify_file(path, out, "text", model=tiny_model_dir, mask_pii=True)
    written = "\n".join(_strings(json.loads(out.with_name("out.summary.json").read_text(encoding="utf-8"))))
    assert [piece for piece in pieces if piece in written] == []
    assert "(sheet 1)" in written and "cover" in written  # a name masking leaves alone stays as it is
    for given in (sheet, 1, None):  # the same sheet, named or numbered: not refused as another run's output
        with pytest.warns(taikai.errors.DataWarning, match="nothing to resume"):
            taikai.classify_file(path, out, "text", model=tiny_model_dir, mask_pii=True, resume=True, sheet=given)


@pytest.mark.parametrize(("sheet", "pieces"), SHEETS)
def test_an_xlsx_sheet_s_name_stays_as_it_is_without_mask_pii(tmp_path, tiny_model_dir, sheet, pieces):
    path, out = _workbook(tmp_path / "in.xlsx", sheet), tmp_path / "out.csv"
    taikai.classify_file(path, out, "text", model=tiny_model_dir)
    written = "\n".join(_strings(json.loads(out.with_name("out.summary.json").read_text(encoding="utf-8"))))
    assert sheet in written


def test_two_sheets_that_mask_alike_do_not_resume_each_other(tmp_path, tiny_model_dir):
    path, out = tmp_path / "in.xlsx", tmp_path / "out.csv"
    with pd.ExcelWriter(path) as writer:
        for sheet in ("佐藤さん", "鈴木さん"):
            pd.DataFrame({"text": ["手数料が高すぎて辞めた"]}).to_excel(writer, sheet_name=sheet, index=False)
    taikai.classify_file(path, out, "text", model=tiny_model_dir, mask_pii=True)
    with pytest.raises(taikai.errors.InputError, match=r"sheet \(--sheet\) changed: '\[人名\]さん \(sheet 1\)' → "):
        taikai.classify_file(path, out, "text", model=tiny_model_dir, mask_pii=True, resume=True, sheet=2)


@pytest.mark.parametrize(
    "command",
    [
        ["batch", "{dump}", "-o", "{out}.csv", "--text-column", "text"],
        ["drift", "{dump}", "--text-column", "text"],
    ],
    ids=["batch", "drift"],
)
@pytest.mark.parametrize(("sheet", "pieces"), SHEETS)
def test_the_sheet_a_message_advises_is_given_by_number_when_its_name_is_masked(
    tmp_path, tmp_path_factory, tiny_model_dir, command, sheet, pieces
):
    """Regression: 'read it with sheet='[人名]さん[電話番号]' (…)', a name no sheet has."""

    path = tmp_path / "in.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"a": [1]}).to_excel(writer, sheet_name="cover", index=False)
        pd.DataFrame({"text": ["手数料が高すぎて辞めた"]}).to_excel(writer, sheet_name=sheet, index=False)
    args = data_command(command, tmp_path, path, tiny_model_dir)
    masked = CliRunner().invoke(cli, [*args, "--mask-pii"])
    said = without_temp_folder(masked.output, tmp_path_factory)
    assert masked.exit_code == 2 and "has 'text': read it with sheet=2 (--sheet 2 on the command line)" in said
    assert [piece for piece in pieces if piece in said] == []
    unmasked = CliRunner().invoke(cli, args).output
    assert f"read it with sheet={sheet!r} (--sheet {shlex.quote(sheet)} on the command line)" in unmasked
