"""A CR in a text (a Windows line break) written to xlsx output comes back as written, not as a bare LF (XML reads a
CR LF as an LF unless the CR is written as ``&#13;``): batch's xlsx output and suggest's xlsx sheet."""

import openpyxl
import pandas as pd
import pytest

import taikai
from taikai.suggestion._sheet import write_sheet

TEXTS = [
    "時給が安い\r\nもう無理",  # a Windows line break
    "手数料が\rとても高い",  # a bare CR (an old Mac's)
    "提案が\n通らない",
    "文字どおり&#13;と_x000D_を書いた",  # references and escapes as written stay as written
    "普通に辞めた",
]


@pytest.mark.parametrize("chunk_size", [2, 100])
def test_batch_xlsx_output_keeps_carriage_returns(tmp_path, tiny_model, chunk_size):
    """Regression: a review's \\r\\n came back from the xlsx output as \\n, unsaid."""
    source = tmp_path / "in.jsonl"
    pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS}).to_json(source, orient="records", lines=True)
    out = tmp_path / "out.xlsx"
    taikai.classify_file(source, out, "text", model=tiny_model, chunk_size=chunk_size)
    assert pd.read_excel(out, dtype=str)["text"].tolist() == TEXTS
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("out")) == ["out.summary.json", "out.xlsx"]


@pytest.mark.parametrize("texts", [TEXTS, ["改行なし", "普通"]])
def test_the_suggest_sheet_keeps_them_too(tmp_path, texts):
    out = tmp_path / "s.xlsx"
    write_sheet(pd.DataFrame({"row": range(1, len(texts) + 1), "text": texts}), out, ["fees"], ["negative"])
    ws = openpyxl.load_workbook(out)["labels"]
    assert [ws.cell(i + 2, 2).value for i in range(len(texts))] == texts
    assert openpyxl.load_workbook(out).sheetnames == ["labels", "definitions", "how_to"]
