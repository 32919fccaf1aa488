"""Every command that reads a data file says what a file it cannot read really is, and what to do: an old Excel
workbook or an xlsx one renamed .csv, a .txt file (one review per line, whatever commas or tabs its reviews hold),
a missing file (said before anything else, such as a missing --text-column)."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import random
import shlex
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from support_commands import InShell

from taikai.cli import cli
from taikai.io._sniff import OLE2


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["text", "reasons"])
    book.active.append(["手数料が高い", "fees"])
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


FILES = {
    "old.csv": OLE2 + bytes(504),
    "book.csv": _xlsx(),
    "reviews.txt": "手数料が高い,辞めた\n単価が安い,遅い\n案件が少ない\tつらい\n".encode(),
    "missing.csv": None,
    "missing.txt": None,
}
SAID = {
    "old.csv": "taikai: error: {path}: an .xls (Excel 97–2003) workbook, whatever its name, is not read: save it as "
    ".xlsx or CSV from Excel\n",
    "book.csv": "taikai: error: {path} is an .xlsx (Excel) workbook, whatever its name, not a CSV file; {xlsx}"
    "rename it .xlsx, or save it as CSV from Excel\n",
    "reviews.txt": "taikai: error: {path}: a .txt file is plain text, {txt}\n",
    "missing.csv": "taikai: error: {path}: no such file\n",
    "missing.txt": "taikai: error: {path}: no such file\n",  # was: said to be plain text (not batch)
}
TABLES = "CSV, TSV, JSONL, Parquet or xlsx"
HELD = "if it holds one (a header, then one row per line), "
TXT = {  # what each command reads, and what to do: only batch, which classifies reviews, points to predict
    "batch": "not a table: to classify its lines, one review per line, give them to predict (taikai predict < {path} "
    "on the command line, model.predict(lines) in Python); if it holds a table (a header, then one row per line), "
    "{table}",
    "evaluate": f"not a labelled table ({TABLES}: the texts and their labels): {HELD}{{table}}",
    "train": f"not a labelled table ({TABLES}: the texts and their labels): {HELD}{{table}}",
    "report": f"not a predictions file (the table taikai batch writes: {TABLES}): give the file taikai batch wrote; "
    f"{HELD}{{table}}",
    "suggest": f"not a predictions file (the table taikai batch writes: {TABLES}): give the file taikai batch wrote; "
    f"{HELD}{{table}}",
    "drift": f"not a dump or predictions file (a table: {TABLES}): {HELD}{{table}}",
}
COMMANDS = {
    "batch": ("-o", "{tmp}/out.csv", "--text-column", "text"),
    "batch without --text-column": ("-o", "{tmp}/out.csv"),
    "evaluate": ("-m", "{model}"),
    "train": ("-o", "{tmp}/model", "--no-sentiment", "--reasons-column", "reasons"),
    "report": ("-o", "{tmp}/report.html"),
    "suggest": ("-o", "{tmp}/sheet.csv"),
    "drift": ("-m", "{model}"),
}
INPUT_FORMAT = "name its format with input_format= (--input-format on the command line): csv or tsv"
"""What a command that takes --input-format says of a .txt table; the others: give it the extension."""
NAMED_XLSX = "name its format with input_format= (--input-format on the command line): xlsx, or "
"""What a command that takes --input-format says first of a workbook under another name; the others: rename it."""


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_a_command_cannot_read_is_said_to_be_what_it_is(tmp_path, tiny_model_dir, command, name):
    """Regression: an .xls or .xlsx workbook renamed .csv was read as CSV by every command but predict (its
    columns a line of binary, or bytes that do not decode); a .txt file could not be told apart from its
    extension alone, then was told to every command to classify its lines with predict (a labelled table or a
    predictions file too), and a missing one to be plain text; batch given a missing file and no --text-column
    asked for the column."""
    path = tmp_path / name
    if FILES[name] is not None:
        path.write_bytes(FILES[name])
    options = [o.format(tmp=tmp_path, model=tiny_model_dir) for o in COMMANDS[command]]
    result = CliRunner().invoke(cli, [command.split()[0], str(path), *options])
    takes_format = command.split()[0] in ("batch", "drift")
    table = INPUT_FORMAT if takes_format else "give it the extension .csv or .tsv"
    assert result.exit_code == 2, result.output
    txt = TXT[command.split()[0]].format(path=path, table=table)
    assert result.output == SAID[name].format(path=path, txt=txt, xlsx=NAMED_XLSX if takes_format else "")
    assert not [p for p in tmp_path.iterdir() if p.name not in FILES]  # nothing written


@pytest.mark.parametrize(
    ("name", "said"),
    [
        # regression: taken for a CSV or TSV file, and pointed to taikai batch --input-format csv
        ("reviews.txt", "'reviews.txt' is a file, but predict classifies the texts it is given: to classify its lines"),
        ("tabs.txt", "'tabs.txt' is a file, but predict classifies the texts it is given: to classify its lines"),
        # regression: "is a CSV file", pointed to batch, which read it as CSV
        ("book.csv", "'book.csv' is an xlsx (Excel) file, but predict classifies the texts it is given, not the"),
        ("old.csv", "'old.csv' is an .xls (Excel 97–2003) workbook, but predict classifies the texts it is given"),
    ],
)
def test_predict_says_what_a_file_given_as_a_text_is(tmp_path, tiny_model_dir, monkeypatch, name, said):
    monkeypatch.chdir(tmp_path)
    content = {"tabs.txt": "id\ttext\n1\t手数料が高い\n2\t単価が安い\n".encode()}.get(name) or FILES[name]
    Path(name).write_bytes(content)
    result = CliRunner().invoke(cli, ["predict", name, "-m", str(tiny_model_dir)])
    assert f"taikai: warning: {said}" in result.output, result.output
    to_do = {
        "reviews.txt": f"give them on standard input (taikai predict < {name})\n",
        "tabs.txt": f"give them on standard input (taikai predict < {name})\n",
        # regression: told to rename it, as if batch --input-format xlsx could not read it
        "book.csv": "use taikai batch book.csv --input-format xlsx -o OUT.csv --text-column COLUMN (its columns are "
        "['text', 'reasons'])\n",
        "old.csv": "save it as .xlsx or CSV from Excel, then use taikai batch FILE -o OUT.csv --text-column COLUMN\n",
    }
    assert to_do[name] in result.output, result.output


@pytest.mark.parametrize("name", ["book", "book.csv", "book.xls"])
@pytest.mark.parametrize("command", ["batch", "drift"])
def test_a_workbook_under_another_name_is_read_with_input_format_xlsx(tmp_path, tiny_model_dir, command, name):
    """Regression: --input-format xlsx said the workbook was "not a readable xlsx workbook" (openpyxl reads a path by
    its extension), while the message for it without the option said to give --input-format."""
    path = tmp_path / name
    path.write_bytes(_xlsx())
    batch = ["-o", str(tmp_path / "out.csv"), "--text-column", "text", "--prefix", "pred_"]
    options = {"batch": batch, "drift": ["-m", str(tiny_model_dir)]}
    result = CliRunner().invoke(cli, [command, str(path), "--input-format", "xlsx", *options[command]])
    assert result.exit_code == 0, result.output
    assert "not a readable xlsx workbook" not in result.output
    if command == "batch":
        assert (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()[1].startswith("手数料が高い,fees,ok,")


RANDOM = random.Random(119).randbytes(2000)
PARQUET = b"PAR1" + bytes(60)
BINARY_SAID = "taikai: error: {path}: this looks like binary data, not text ("


@pytest.mark.parametrize(
    ("name", "content", "options", "said"),
    [
        (
            "nulgz.csv",
            gzip.compress(b"text\nx\n"),
            [],
            "{path} is gzip-compressed data (by its first bytes), not a CSV file; decompress it first "
            "(gunzip -c {quoted} > {sh[OUT.csv]}) and give the file that makes",
        ),
        (
            "rgz.txt",  # was: a .txt file is plain text, give its lines to predict
            gzip.compress("手数料\n".encode()),
            [],
            "{path} is gzip-compressed data (by its first bytes), not a plain text file; decompress it first "
            "(gunzip -c {quoted} > {sh[OUT.txt]}) and give the file that makes",
        ),
        (
            "r.csv.gz",  # was: cannot tell the format from the extension '.gz'
            gzip.compress(b"text\nx\n"),
            [],
            "{path} is gzip-compressed data (by its first bytes), which taikai does not read; decompress it first "
            "(gunzip -c {quoted} > {sh[r.csv]}) and give the file that makes",
        ),
        (
            "r.tsv",
            bz2.compress(b"text\nx\n"),
            ["--input-format", "csv"],
            "{path} is bzip2-compressed data (by its first bytes), not a CSV file; decompress it first "
            "(bunzip2 -c {quoted} > {sh[OUT.tsv]}) and give the file that makes",
        ),
        (
            "r.jsonl",
            lzma.compress(b'{"text": "x"}\n'),
            [],
            "{path} is xz-compressed data (by its first bytes), not a JSON Lines file; decompress it first "
            "(unxz -c {quoted} > {sh[OUT.jsonl]})",
        ),
        ("rand.csv", RANDOM, [], BINARY_SAID),
        ("rand.csv", RANDOM, ["--encoding-errors", "replace"], BINARY_SAID),
        ("rand.tsv", RANDOM, [], BINARY_SAID),
        (
            "x.csv",  # was: not a readable xlsx workbook (… another format renamed .xlsx)
            PARQUET,
            ["--input-format", "xlsx"],
            "{path} is a Parquet file, whatever its name, not an .xlsx (Excel) workbook; name its format with "
            "input_format= (--input-format on the command line): parquet, or rename it .parquet\n",
        ),
        (
            "x.parquet",
            PARQUET,
            ["--input-format", "xlsx"],
            "{path} is a Parquet file, not an .xlsx (Excel) workbook; read it as parquet, not as xlsx\n",
        ),
        ("x.xlsx", b"PK\x03\x04rest", [], "{path}: not a readable xlsx workbook ("),  # a zip: the reader says why
    ],
    ids=[
        "gzip-csv",
        "gzip-txt",
        "csv-gz",
        "bzip2-as-csv",
        "xz-jsonl",
        "random",
        "random-replace",
        "random-tsv",
        "parquet-as-xlsx",
        "parquet-named-as-xlsx",
        "zip-as-xlsx",
    ],
)
def test_batch_names_compressed_binary_and_misnamed_files(tmp_path, tiny_model_dir, name, content, options, said):
    path = tmp_path / name
    path.write_bytes(content)
    args = ["batch", path, "-o", tmp_path / "out.csv", "-m", tiny_model_dir, "--text-column", "text", *options]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 2 and not (tmp_path / "out.csv").exists()
    expected = said.format(path=path, quoted=shlex.quote(str(path)), sh=InShell(tmp_path))
    assert result.stderr.startswith(expected if said is BINARY_SAID else f"taikai: error: {expected}"), result.stderr
    assert "latin-1" not in result.stderr


@pytest.mark.parametrize(
    "encoding",
    [["--encoding", "cp932", "--encoding-errors", "replace"], ["--encoding", "latin-1"], ["--encoding", "utf-8"]],
    ids=["cp932-replace", "latin-1", "utf-8"],
)
@pytest.mark.parametrize("command", [*COMMANDS, "rules test"])
def test_binary_data_is_refused_whatever_the_encoding_given(tmp_path, tiny_model_dir, command, encoding):
    """Regression: given --encoding, a text header over random bytes was classified (cp932, replace), or /bin/true
    got a CSV error quoting '\\x7fELF…' (latin-1): the binary refusal ran only when the encoding was detected (R12)."""
    path = tmp_path / "rand.csv"
    path.write_bytes(b"text\n" + RANDOM.replace(b"\n", b" ") + b"\n")
    options = [o.format(tmp=tmp_path, model=tiny_model_dir) for o in COMMANDS.get(command, ())]
    before = (
        ["rules", "test", str(Path(__file__).parents[2] / "examples" / "rules.toml")]
        if command == "rules test"
        else [command.split()[0]]
    )
    result = CliRunner().invoke(cli, [*before, str(path), *options, *encoding])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(BINARY_SAID.format(path=path)), result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["rand.csv"]  # nothing written


UTF8_AS_CP932 = (
    "taikai: error: {path}: the file is UTF-8, not cp932, the encoding given with encoding= (--encoding on the "
    "command line): it decodes cleanly "
    "as UTF-8 ("
)


@pytest.mark.parametrize("errors", [[], ["--encoding-errors", "replace"]], ids=["strict", "replace"])
@pytest.mark.parametrize("command", [*COMMANDS, "rules test"])
def test_a_utf8_file_given_as_cp932_is_refused_before_any_row(tmp_path, tiny_model_dir, command, errors):
    """Regression: taikai batch u8.csv --encoding cp932 classified 手数料が高い as 謇区焚譁吶′鬮倥＞, status ok;
    only the rows dense with 縺 繧 繝 were said to be mojibake."""
    path = tmp_path / "u8.csv"
    path.write_bytes("text,reasons\n手数料が高い,fees\n退会しました,other\n".encode())
    options = [o.format(tmp=tmp_path, model=tiny_model_dir) for o in COMMANDS.get(command, ())]
    before = (
        ["rules", "test", str(Path(__file__).parents[2] / "examples" / "rules.toml")]
        if command == "rules test"
        else [command.split()[0]]
    )
    result = CliRunner().invoke(cli, [*before, str(path), *options, "--encoding", "cp932", *errors])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(UTF8_AS_CP932.format(path=path)), result.stderr
    assert "to have it detected, or pass encoding='utf-8' (--encoding utf-8 on the command line)" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["u8.csv"]  # nothing written


def test_a_csv_file_with_one_stray_control_byte_is_classified(tmp_path, tiny_model_dir):
    """Regression: ``1,単価が安い\\x0e`` under ``id,text`` was refused as binary data (4% control bytes) (R12)."""
    path = tmp_path / "one.csv"
    path.write_bytes("id,text\n1,単価が安い\x0e\n".encode())
    args = ["batch", path, "-o", tmp_path / "out.csv", "-m", tiny_model_dir, "--text-column", "text"]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    assert "binary" not in result.output and "status: ok 1" in result.output


def test_the_decompress_hint_overwrites_no_file(tmp_path, tiny_model_dir):
    """Regression: batch dump.csv.gz said gunzip -c dump.csv.gz > dump.csv with dump.csv beside it (R12)."""
    path = tmp_path / "dump.csv.gz"
    path.write_bytes(gzip.compress(b"text\nx\n"))
    (tmp_path / "dump.csv").write_text("id,text\n1,keep me\n")
    args = ["batch", path, "-o", tmp_path / "out.csv", "-m", tiny_model_dir, "--text-column", "text"]
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 2
    assert f"(gunzip -c {shlex.quote(str(path))} > {InShell(tmp_path)['dump-1.csv']})" in result.stderr, result.stderr
    assert (tmp_path / "dump.csv").read_text() == "id,text\n1,keep me\n"


CTL9 = ("id,text\n" + "".join(f"{n},単価が安い\x08です\n" for n in range(1, 10))).encode()
"""216 bytes of valid UTF-8, a stray backspace a row (4% of its bytes)."""
NO_BOM = "id,text\n1,手数料が高すぎて辞めました\n2,単価が安い\n"
FEW_ASCII = "本文,評価\n手数料が高い,悪い\n案件が少ない,普通\n"
"""Two ASCII characters a line (regression: in UTF-16 without a BOM, refused as binary data)."""


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (NO_BOM.encode("utf-16-le"), "the {noun} is UTF-16LE (without a byte-order mark: "),
        (NO_BOM.encode("utf-16-be"), "the {noun} is UTF-16BE (without a byte-order mark: "),
        (FEW_ASCII.encode("utf-16-le"), "the {noun} is UTF-16LE (without a byte-order mark: "),
        (FEW_ASCII.encode("utf-16-be"), "the {noun} is UTF-16BE (without a byte-order mark: "),
        (CTL9, None),
    ],
    ids=["utf-16le", "utf-16be", "utf-16le-few-ascii", "utf-16be-few-ascii", "backspace-a-row"],
)
@pytest.mark.parametrize("piped", [False, True], ids=["batch", "predict"])
def test_utf16_without_bom_and_stray_control_bytes_are_no_binary_data(tmp_path, tiny_model_dir, content, said, piped):
    """Regression: both were refused as 'binary data … no encoding reads it as reviews' (23% and 4% of control
    bytes); UTF-16 without a BOM now gets the UTF-16 message with the iconv command of its byte order, and a text
    with a stray control byte a row is classified, the byte kept in its text (R140)."""
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    if piped:
        args, source, noun = ["predict", "-m", tiny_model_dir, "--format", "jsonl"], "standard input", "input"
    else:
        args = ["batch", path, "-o", tmp_path / "out.csv", "-m", tiny_model_dir, "--text-column", "text"]
        source, noun = str(path), "file"
    result = CliRunner().invoke(cli, [str(a) for a in args], input=content if piped else None)
    assert "binary" not in result.output
    if said is not None:
        assert result.exit_code == 2 and result.stderr.startswith(f"taikai: error: {source}: {said.format(noun=noun)}")
        assert f"(iconv -f {said[14:22]} -t UTF-8 old > new" in result.stderr
    elif piped:  # each line a text: the header too, an error (no Japanese), so exit code 2
        assert '"line": 10, "text": "9,単価が安い\\bです", "status": "ok"' in result.stdout, result.output
    else:
        assert result.exit_code == 0 and "status: ok 9" in result.output
        assert "単価が安い\x08です" in (tmp_path / "out.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "batch without --text-column"])
def test_a_damaged_parquet_file_is_said_to_be_damaged(tmp_path, tiny_model_dir, command):
    """Regression: a Parquet file whose footer is whole but a row group is damaged stopped batch with "fix the cause
    (free disk space, make the folder writable) and run it again with --resume", which fails the same way, and the
    other commands with "cannot read or write a file (…); check the paths"."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path, rows = tmp_path / "dump.parquet", 5000
    table = {"text": [f"手数料が高い{i}" for i in range(rows)], "reasons": ["fees"] * rows}
    pq.write_table(pa.table(table), path, row_group_size=100)
    data = bytearray(path.read_bytes())
    data[len(data) // 3 : len(data) // 3 + 2000] = b"A" * 2000
    path.write_bytes(bytes(data))
    options = [o.format(tmp=tmp_path, model=tiny_model_dir) for o in COMMANDS[command]]
    options += ["--prefix", "pred_"] if command == "batch" else []  # beside the input's own reasons
    result = CliRunner().invoke(cli, [command.split()[0], str(path), *options])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"taikai: error: {path}: reading it stopped after "), result.output
    assert result.output.endswith(", or was cut short or changed while it was written; write it again\n")
    assert not [p for p in tmp_path.iterdir() if p.name != path.name]  # nothing written, nothing kept to resume


@pytest.mark.parametrize(
    "command",
    [
        ["suggest", "{summary}", "-o", "{dir}/s.xlsx"],
        ["suggest", "{predictions}", "-o", "{dir}/s.xlsx", "--exclude", "{summary}"],
        ["report", "{summary}", "-o", "{dir}/r.html"],
        ["evaluate", "{summary}", "--model", "{model}"],
        ["train", "{summary}", "--out", "{dir}/m"],
        ["train", "{data}", "--add", "{summary}", "--out", "{dir}/m"],
    ],
    ids=["suggest", "suggest-exclude", "report", "evaluate", "train", "train-add"],
)
def test_a_batch_summary_given_for_its_output_is_told_to_be_one(
    classify_dump, tiny_model_dir, tiny_csv, tmp_path, command
):
    """h245: pred.summary.json, a name completed one dot too far, was told to be given an extension such as .jsonl,
    which it is not: it is the summary of pred.csv, the file to give."""
    predictions = classify_dump("summary_given", ["id", "text"], "", "--text-column", "text", "-q")
    summary = predictions.with_name(f"{predictions.stem}.summary.json")
    paths = {"summary": summary, "predictions": predictions, "dir": tmp_path, "model": tiny_model_dir, "data": tiny_csv}
    args = [a.format(**paths) for a in command]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(
        f"taikai: error: {summary}: the summary taikai batch wrote beside its output {predictions}, not data; give "
        f"{predictions} itself"
    ), result.stderr


@pytest.mark.parametrize(
    ("utf8_line", "status"),
    [
        ("r3,時間がないので辞めました", "error"),  # read as CP932: 譎る俣縺後↑縺・… (and a byte as U+FFFD)
        ("r3,手数料", "ok"),  # kanji only: read as CP932 it holds none of 縺 繧 繝, and is left as before
    ],
)
def test_a_utf8_line_of_a_cp932_file_read_with_replace_is_an_error_not_mojibake_classified(
    tmp_path, tiny_model_dir, utf8_line, status
):
    src, out = tmp_path / "mixed.csv", tmp_path / "out.csv"
    cp932 = "id,text\nr1,手数料が高すぎて続けられませんでした\nr2,案件が少なくて稼げない\n".encode("cp932")
    src.write_bytes(cp932 + f"{utf8_line}\n".encode())
    args = ["batch", str(src), "-o", str(out), "--text-column", "text", "--id-column", "id", "--encoding-errors"]
    result = CliRunner().invoke(cli, [*args, "replace", "-m", str(tiny_model_dir)])
    assert result.exit_code == 0, result.output
    import pandas as pd

    rows = pd.read_csv(out)
    assert rows["status"].tolist() == ["ok", "ok", status]
    said = rows["message"].fillna("").tolist()[2]
    assert said.startswith("UTF-8 text read as CP932 (mojibake): ") is (status == "error"), said
