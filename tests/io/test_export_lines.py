"""Lines exports add to a CSV/TSV file. Two exports joined into one file (``cat a.csv b.csv``, a BI tool's pages
concatenated) repeat the header line mid-file: that line is a bad line naming itself, not a review the model classifies
(it was read as the text '本文' and labelled). Excel's ``sep=,`` first line is read past, as Excel reads it (the run
stopped: "no column '本文'; the columns are ['sep=']; … the lines above it look like a title")."""

from __future__ import annotations

import codecs

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.errors import InputError
from taikai.io import open_reader

REPEATED = (
    "the header repeated: line 1's column names again, as where two exports were joined into one file; delete the line"
)
BELOW_SEP = REPEATED.replace("line 1's", "line 2's")


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
        # the header of a labeller's copy with a comment column added, or without one, or with columns moved
        ("f.csv", "id,本文,reasons\n1,a,fees\nid,本文,reasons,コメント\n", [["1"], ["a"], ["fees"]], [3]),
        ("g.csv", "id,本文,reasons,コメント\n1,a,fees,\nid,本文,reasons\n", [["1"], ["a"], ["fees"], [""]], [3]),
        ("h.csv", "id,本文,reasons,note\nid,reasons,本文,note\n", [[], [], [], []], [2]),
        # two names among other cells are a row
        (
            "i.csv",
            "id,本文,reasons,note\nid,本文,x,y\nx,本文,id,z\n",
            [["id", "x"], ["本文", "本文"], ["x", "id"], ["y", "z"]],
            [],
        ),
        # regression (h391): below Excel's sep=, line the header is line 2, which the message named line 1
        ("j.csv", "sep=,\r\nid,本文\r\n1,a\r\nid,本文\r\n", [["1"], ["a"]], [4]),
    ],
)
def test_a_header_repeated_mid_file_is_a_bad_line(tmp_path, name, data, read, bad):
    path = tmp_path / name
    path.write_bytes(codecs.BOM_UTF8 + data.encode("utf-8"))
    [chunk] = list(open_reader(path).chunks(10))
    assert chunk.data == read
    said = BELOW_SEP if data.startswith("sep=") else REPEATED
    assert [(b.line, b.error) for b in chunk.bad] == [(line, said) for line in bad]


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


@pytest.mark.parametrize(
    ("name", "data", "read", "bad"),
    [
        ("a.csv", "sep=,\r\nid,本文\r\n1,手数料\r\n2\r\n", [["1"], ["手数料"]], [4]),
        ("b.csv", "SEP=,\nid,本文\n1,手数料\n", [["1"], ["手数料"]], []),
        ("c.tsv", "sep=\t\rid\t本文\r1\t手数料\r1\r", [["1"], ["手数料"]], [4]),
        ("d.csv", "sep=,\nid,本文\nid,本文\n", [[], []], [3]),
    ],
)
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_excel_s_sep_line_is_read_past(tmp_path, name, data, read, bad, bom):
    path = tmp_path / name
    path.write_bytes(bom + data.encode("utf-8"))
    reader = open_reader(path)
    [chunk] = list(reader.chunks(10))
    assert (reader.columns, chunk.data) == (["id", "本文"], read)
    assert [b.line for b in chunk.bad] == bad  # file lines, the sep= line counted


@pytest.mark.parametrize(
    ("name", "first", "how"),
    [
        ("a.csv", "sep=\t", "'\\t', not ',': read it with input_format='tsv' (--input-format tsv on the command line)"),
        ("b.tsv", "sep=,", "',', not '\\t': read it with input_format='csv' (--input-format csv on the command line)"),
        (
            "c.csv",
            "sep=;",
            "';', not ',': taikai reads comma (CSV) and tab (TSV) separated files: save it from Excel as CSV UTF-8",
        ),
    ],
)
def test_a_sep_line_naming_another_delimiter_says_what_reads_it(tmp_path, name, first, how):
    path = tmp_path / name
    path.write_text(f"{first}\nid;本文\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_reader(path)
    assert str(caught.value) == f"{path}:1: the line {first!r} says the fields are separated by {how}"


ROW = "the header repeated: row 1's column names again, as where two exports were pasted into one sheet; delete the row"


@pytest.mark.parametrize(
    ("rows", "read", "bad"),
    [
        ([["id", "本文"], [1, "手数料"], ["id", "本文"], [2, "単価"]], [[1, 2], ["手数料", "単価"]], [3]),
        (
            [[2024, "本文"], [1, "手数料"], [2024, "本文"]],
            [[1], ["手数料"]],
            [3],
        ),  # a number as a name, as Excel keeps it
        ([["id", "本文"], ["id", "本文です"], ["本文", "id"]], [["id", "本文"], ["本文です", "id"]], []),
        # sheets of two labellers pasted into one: one of them added a comment column, at the end or in between
        (
            [["id", "本文", "reasons", "コメント"], [1, "a", "fees", "迷った"], ["id", "本文", "reasons"], [2, "b"]],
            [[1, 2], ["a", "b"], ["fees", None], ["迷った", None]],
            [3],
        ),
        (
            [["id", "本文", "reasons"], [1, "a", "fees"], ["id", "本文", "reasons", "コメント"]],
            [[1], ["a"], ["fees"]],
            [3],
        ),
        ([["id", "本文", "reasons"], ["id", "コメント", "本文", "reasons"]], [[], [], []], [2]),
        # the exact header with empty cells past it, where another row fills a cell there
        ([["id", "本文"], ["id", "本文", None], [1, "a"]], [[1], ["a"]], [2]),
    ],
)
def test_a_header_repeated_in_a_sheet_is_a_bad_row(tmp_path, rows, read, bad):
    import openpyxl

    path = tmp_path / "joined.xlsx"
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    [chunk] = list(open_reader(path).chunks(10))
    assert chunk.data == read
    assert [(b.line, b.error) for b in chunk.bad] == [(line, ROW) for line in bad]


def test_cli_evaluate_names_a_labeller_s_header_pasted_in_a_merged_sheet(tmp_path, tiny_model_dir):
    import openpyxl

    path = tmp_path / "merged.xlsx"
    wb = openpyxl.Workbook()
    for row in (
        ["id", "text", "reasons", "sentiment", "コメント"],
        ["a1", "手数料が高すぎる", "fees", "negative", "迷った"],
        ["id", "text", "reasons", "sentiment"],  # the other labeller's sheet, without the comment column
        ["b1", "提案が通らない", "rejection", "negative"],
    ):
        wb.active.append(row)
    wb.save(path)
    result = CliRunner().invoke(cli, ["evaluate", str(path), "-m", str(tiny_model_dir)])
    assert result.exit_code == 2, result.output
    assert f"merged.xlsx:3: malformed record ({ROW})" in " ".join(result.output.split())


PARQUET_ROW = (
    "the header repeated: data row {} holds the column names again, as where two exports were joined and read as one "
    "table (the second one's header as a row) before it was written; delete the row"
)
JSONL_LINE = (
    "the header repeated: the record's values are its keys again, as where two exports were joined and read as one "
    "table (the second one's header as a row) before it was written; delete the line"
)


def _parquet(path, columns):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table(columns), path)


@pytest.mark.parametrize(
    ("columns", "size", "read", "bad"),
    [
        ({"id": ["1", "id", "2"], "本文": ["a", "本文", "b"]}, 10, [["1", "2"], ["a", "b"]], [2]),
        ({"本文": ["本文", "a", "\ufeff本文"]}, 10, [["a"]], [1, 3]),
        # data rows counted across the file's batches
        ({"本文": ["a", "本文", "b", "本文"]}, 2, [["a", "b"]], [2, 4]),
        # a review that reads '本文' beside its id is a review; so is a row of numbers
        ({"id": ["1", "2"], "本文": ["本文", "id"]}, 10, [["1", "2"], ["本文", "id"]], []),
        ({"id": [1, 2], "本文": ["a", "本文"]}, 10, [[1, 2], ["a", "本文"]], []),
    ],
)
def test_a_header_repeated_in_a_parquet_file_is_a_bad_record(tmp_path, columns, size, read, bad):
    path = tmp_path / "joined.parquet"
    _parquet(path, columns)
    chunks = list(open_reader(path).chunks(size))
    assert [[v for c in chunks for v in c.data[j]] for j in range(len(columns))] == read
    assert sum(c.rows for c in chunks) == len(read[0])
    assert [(b.line, b.error) for c in chunks for b in c.bad] == [(row, PARQUET_ROW.format(row)) for row in bad]


@pytest.mark.parametrize(
    ("lines", "read", "bad"),
    [
        (['{"id": "1", "本文": "a"}', '{"id": "id", "本文": "本文"}'], [["1"], ["a"]], [2]),
        (['\ufeff{"本文": "本文"}', '{"本文": "a"}', '{"本文": " 本文"}'], [["a", " 本文"]], [1]),
        # a name among other values, or one key of two, is a review
        (['{"id": "1", "本文": "本文"}', '{"本文": "本文"}'], [["1", None], ["本文", "本文"]], []),
    ],
)
def test_a_header_repeated_in_a_jsonl_file_is_a_bad_line(tmp_path, lines, read, bad):
    path = tmp_path / "joined.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [chunk] = list(open_reader(path).chunks(10))
    assert chunk.data == read
    assert [(b.line, b.error) for b in chunk.bad] == [(line, JSONL_LINE) for line in bad]


@pytest.mark.parametrize(
    ("name", "args", "code", "said"),
    [
        ("joined.parquet", [], 2, f"joined.parquet:2: malformed record ({PARQUET_ROW.format(2)}): 'id\\ttext'"),
        ("joined.jsonl", [], 2, "joined.jsonl:2: malformed record (the header repeated: the record's values"),
        ("joined.parquet", ["--on-bad-lines", "report"], 0, "bad lines: 1 (set aside in"),
        ("joined.jsonl", ["--on-bad-lines", "report"], 0, "bad lines: 1 (set aside in"),
    ],
)
def test_cli_batch_does_not_classify_a_header_written_into_a_parquet_or_jsonl_file(
    tmp_path, tiny_model_dir, name, args, code, said
):
    path, out = tmp_path / name, tmp_path / "out.csv"
    rows = {"id": ["1", "id", "2"], "text": ["手数料が高い", "text", "単価が安い"]}
    if name.endswith(".parquet"):
        _parquet(path, rows)
    else:
        path.write_text('{"id": "1", "text": "手数料が高い"}\n{"id": "id", "text": "text"}\n', encoding="utf-8")
    command = ["batch", str(path), "-o", str(out), "--text-column", "text", "-m", str(tiny_model_dir), *args]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == code, result.output
    assert said in " ".join(result.output.split())
    if code == 0:
        ids = [line.split(",")[0] for line in out.read_text(encoding="utf-8").splitlines()]
        assert "id" not in ids[1:]
