"""Two exports joined into one file (``cat a.csv b.csv``, a BI tool's pages concatenated) repeat the header line
mid-file: that line is a bad line naming itself, not a review the model classifies (it was read as the text
'本文' and labelled)."""

from __future__ import annotations

import codecs

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.io import open_reader

REPEATED = (
    "the header repeated: line 1's column names again, as where two exports were joined into one file; delete the line"
)


@pytest.mark.parametrize(
    ("name", "data", "read", "bad"),
    [
        (
            "a.csv",
            "id,本文\n1,手数料が高い\nid,本文\n2,単価が安い\n",
            [["1", "2"], ["手数料が高い", "単価が安い"]],
            [3],
        ),
        # the second export's own BOM, and quoted names, are the same header
        ("b.csv", 'id,本文\n1,a\n\ufeffid,本文\n"id","本文"\n', [["1"], ["a"]], [3, 4]),
        ("c.tsv", "id\t本文\n1\ta\nid\t本文\nid\t本文\n", [["1"], ["a"]], [3, 4]),
        ("d.csv", "本文\n手数料\n本文\n", [["手数料"]], [3]),
        # a row holding a column's name in one cell only is a row
        ("e.csv", "id,本文\nid,本文です\n本文,id\n", [["id", "本文"], ["本文です", "id"]], []),
    ],
)
def test_a_header_repeated_mid_file_is_a_bad_line(tmp_path, name, data, read, bad):
    path = tmp_path / name
    path.write_bytes(codecs.BOM_UTF8 + data.encode("utf-8"))
    [chunk] = list(open_reader(path).chunks(10))
    assert chunk.data == read
    assert [(b.line, b.error) for b in chunk.bad] == [(line, REPEATED) for line in bad]


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        ([], 2, f"joined.csv:3: malformed record ({REPEATED}): 'id,text\\n'"),
        (["--on-bad-lines", "report"], 0, "bad lines: 1 (set aside in"),
    ],
)
def test_cli_batch_does_not_classify_a_repeated_header(tmp_path, tiny_model_dir, args, code, said):
    path, out = tmp_path / "joined.csv", tmp_path / "out.csv"
    path.write_text("id,text\n1,手数料が高い\nid,text\n2,単価が安い\n", encoding="utf-8")
    command = ["batch", str(path), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir), *args]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == code, result.output
    assert said in " ".join(result.output.split())
    if code == 0:
        assert [line.split(",")[0] for line in out.read_text(encoding="utf-8").splitlines()] == ["id", "1", "2"]
