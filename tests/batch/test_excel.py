"""A CP932 input (an Excel export) written to plain UTF-8 CSV or TSV, which Excel shows garbled, is said to be."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import taikai
from taikai.batch import _excel
from taikai.cli import cli
from taikai.errors import DataWarning

ROWS = "ID,本文\r\n1,手数料が高すぎて続けられませんでした\r\n2,本業が忙しくなった\r\n"
ADVICE = (
    "which Excel shows garbled: to open it in Excel, write utf-8-sig, which keeps every character, or cp932, which "
    "writes one it cannot hold as '?': run again with output_encoding='utf-8-sig' or output_encoding='cp932' "
    "(--output-encoding utf-8-sig or --output-encoding cp932 on the command line)"
)


@pytest.mark.parametrize(
    ("written", "output", "options", "read_as"),
    [
        ("cp932", "out.csv", [], "cp932"),  # detected
        ("cp932", "out.tsv", [], "cp932"),
        ("cp932", "out.csv", ["--encoding", "cp932"], "cp932"),  # given
        ("cp932", "out.csv", ["--encoding", "sjis"], "shift_jis"),
        ("cp932", "out.txt", ["--output-format", "csv"], "cp932"),
        ("cp932", "out.csv", ["--output-encoding", "utf-8"], None),  # chosen: the user knows
        ("cp932", "out.csv", ["--output-encoding", "utf-8-sig"], None),
        ("cp932", "out.csv", ["--output-encoding", "cp932"], None),
        ("cp932", "out.parquet", [], None),
        ("cp932", "out.jsonl", [], None),
        ("cp932", "out.xlsx", [], None),
        ("utf-8", "out.csv", [], None),
        ("utf-8-sig", "out.csv", [], None),
    ],
)
def test_a_cp932_input_written_as_plain_utf8_csv_says_how_to_open_it_in_excel(
    tmp_path, tiny_model_dir, written, output, options, read_as
):
    (tmp_path / "dump.csv").write_bytes(ROWS.encode(written))
    args = ["batch", str(tmp_path / "dump.csv"), "-o", str(tmp_path / output), "--text-column", "本文", "-q"]
    result = CliRunner().invoke(cli, [*args, "-m", str(tiny_model_dir), *options])
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "Excel" in line]
    if read_as is None:
        assert said == []
    else:
        assert said == [
            f"taikai: warning: {tmp_path / 'dump.csv'} was read as {read_as} (an Excel export?), and "
            f"{tmp_path / output} is written in UTF-8 without a byte-order mark, {ADVICE}"
        ]


@pytest.mark.parametrize(("options", "warned"), [({}, True), ({"output_encoding": "utf-8-sig"}, False)])
def test_classify_file_says_it_as_a_data_warning(tmp_path, tiny_model, options, warned):
    (tmp_path / "dump.csv").write_bytes(ROWS.encode("cp932"))
    run = pytest.warns(DataWarning, match=re.escape(ADVICE)) if warned else None
    if run is None:  # the suite makes any warning an error
        taikai.classify_file(tmp_path / "dump.csv", tmp_path / "out.csv", "本文", model=tiny_model, **options)
        return
    with run as caught:
        taikai.classify_file(tmp_path / "dump.csv", tmp_path / "out.csv", "本文", model=tiny_model, **options)
    assert [w.filename for w in caught] == [__file__]  # at the user's line


def test_a_run_says_it_once_when_its_output_is_written(tmp_path, tiny_model, stop_after):
    lines = "".join(f"{i},手数料が高すぎて続けられませんでした（{i}）\r\n" for i in range(20))
    (tmp_path / "dump.csv").write_bytes(("ID,本文\r\n" + lines).encode("cp932"))
    args = (tmp_path / "dump.csv", tmp_path / "out.csv", "本文")
    with pytest.raises(KeyboardInterrupt):  # no output: nothing said of it (the suite makes any warning an error)
        taikai.classify_file(*args, model=tiny_model, chunk_size=5, on_chunk=stop_after(2))
    with pytest.warns(DataWarning, match=re.escape(ADVICE)) as caught:
        summary = taikai.classify_file(*args, model=tiny_model, chunk_size=5, resume=True)
    assert summary.rows == 20
    assert len(caught) == 1


def test_the_note_made_an_error_comes_with_the_output_complete(tmp_path, tiny_model):
    """``-W error`` (this suite's filter): the note is given once the output is in place, its partial folder gone."""
    (tmp_path / "dump.csv").write_bytes(ROWS.encode("cp932"))
    with pytest.raises(DataWarning, match=re.escape(ADVICE)):
        taikai.classify_file(tmp_path / "dump.csv", tmp_path / "out.csv", "本文", model=tiny_model)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.csv", "out.csv", "out.summary.json"]


@pytest.mark.parametrize(
    ("options", "error"),
    [
        # Regression (h364): the note that out.csv, written in UTF-8, shows garbled in Excel was printed first,
        # of an output the error then stopped
        (["--encoding", "shift_jis"], "dump.csv:3: byte 0x82 is not valid shift_jis"),
        (["--encoding", "cp932"], "dump.csv:3: byte 0x82 is not valid cp932"),
        (["--encoding", "cp932", "--on-bad-lines", "error", "--limit", "1"], None),  # the rows read: written, said
    ],
)
def test_a_run_stopped_by_a_byte_not_decoded_says_only_that(tmp_path, tiny_model_dir, options, error):
    data = ROWS.encode("cp932").replace(b"2,", b"2,\x82\xff")
    (tmp_path / "dump.csv").write_bytes(data)
    args = ["batch", str(tmp_path / "dump.csv"), "-o", str(tmp_path / "out.csv"), "--text-column", "本文", "-q"]
    result = CliRunner().invoke(cli, [*args, "-m", str(tiny_model_dir), *options])
    assert result.exit_code == (0 if error is None else 2), result.output
    if error is None:
        assert "Excel shows garbled" in result.output, result.output
        return
    assert result.output.splitlines()[0].startswith(f"taikai: error: {tmp_path / error}"), result.output
    assert "Excel" not in result.output


@pytest.mark.parametrize(
    ("encodings", "fmt", "given", "said"),
    [
        (["utf-8", "cp932", "missing"], "csv", None, "b1.csv"),  # the files after the first CP932 one are not read
        (["cp932", "missing"], "tsv", None, "b0.csv"),
        (["utf-8", "utf-8"], "csv", None, None),
        (["utf-8", "missing"], "parquet", None, None),  # no note to give: no file read
        (["utf-8", "missing"], "csv", "utf-8", None),
        (["utf-8", "bad", "cp932"], "csv", None, "b2.csv"),  # one that cannot be read: its own read says why
    ],
)
def test_the_dask_engine_s_note_names_the_first_of_its_files_read_as_cp932(tmp_path, encodings, fmt, given, said):
    files = [tmp_path / f"b{k}.csv" for k in range(len(encodings))]
    for path, encoding in zip(files, encodings, strict=True):
        if encoding == "bad":
            path.write_bytes(b"id,text\n1,\x00\x01\x02\x03\x00\x00\x00\x00\n")
        elif encoding != "missing":
            path.write_bytes("id,text\n1,手数料が高すぎる\n".encode(encoding))
    first = (encodings[0], str(files[0]))
    read = _excel.file_encodings(first, files[1:], "strict")
    if said is None:
        _excel.warn_excel_files(read, tmp_path / "out", fmt, given)
        return
    with pytest.warns(DataWarning) as caught:
        _excel.warn_excel_files(read, tmp_path / "out", fmt, given)
    assert [str(w.message).split(" was read as ")[0] for w in caught] == [str(tmp_path / said)]
