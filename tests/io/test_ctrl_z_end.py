"""A Ctrl-Z (0x1A) at a file's end, which DOS tools and some Excel and BI exports write to mark it: the file's end,
not a character of the last row (it was a bad line, 'expected 2 fields, found 1', stopping the run at its line)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.io import open_reader

CSV = "id,本文\r\n1,手数料が高い\r\n2,単価が安い\r\n"


@pytest.mark.parametrize(
    ("name", "data", "read", "blank"),
    [
        ("a.csv", CSV.encode("cp932") + b"\x1a", [["1", "2"], ["手数料が高い", "単価が安い"]], 1),
        ("b.csv", CSV.encode("utf-8") + b"\x1a\x1a", [["1", "2"], ["手数料が高い", "単価が安い"]], 1),
        ("c.csv", CSV.encode("utf-8").rstrip(b"\r\n") + b"\x1a", [["1", "2"], ["手数料が高い", "単価が安い"]], 0),
        # one column, where a blank line is a blank line too: the Ctrl-Z is none either
        ("d.tsv", "本文\n手数料\n\n".encode() + b"\x1a", [["手数料"]], 2),
        ("e.jsonl", '{"本文": "手数料"}\n'.encode() + b"\x1a", [["手数料"]], 1),
        # inside a line, it is a character of the text, as any control byte
        ("f.csv", "本文\na\x1ab\n".encode(), [["a\x1ab"]], 0),
    ],
)
def test_a_ctrl_z_ending_the_file_is_no_text(tmp_path, name, data, read, blank):
    path = tmp_path / name
    path.write_bytes(data)
    [chunk] = list(open_reader(path).chunks(10))
    assert (chunk.data, chunk.bad, chunk.blank) == (read, [], blank)


def test_cli_batch_reads_an_export_ending_in_ctrl_z(tmp_path, tiny_model_dir):
    path, out = tmp_path / "export.csv", tmp_path / "out.csv"
    path.write_bytes(CSV.encode("cp932") + b"\x1a")
    args = ["batch", str(path), "-o", str(out), "--text-column", "本文", "-m", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, [*args, "--output-encoding", "utf-8-sig"])
    assert result.exit_code == 0, result.output
    assert "2 rows classified" in result.output and "blank lines skipped: 1" in result.output
    assert b"\x1a" not in out.read_bytes()
