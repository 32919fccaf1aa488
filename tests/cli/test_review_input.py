"""The reviews ``predict`` and ``explain`` read from standard input, one per line, and the advice for a file given
where a text is expected (``taikai.cli._review_input``)."""

import bz2
import gzip
import json
import lzma
import os
import random
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from taikai.cli import cli

REPLACED = "line 1: 2 undecodable byte(s) read as U+FFFD in utf-8"
"""The note of a line whose 2 bytes were read as U+FFFD, as batch writes it in the row's message."""
BROKEN = b"\xe6\x89\x8b\xff\xfe" + "料が高い\n".encode()


def run(*args: object, input: bytes | str | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["predict", "--format", "jsonl"], lambda out: json.loads(out)["message"]),
        (["predict", "--format", "json"], lambda out: json.loads(out)[0]["message"]),
        (["predict"], lambda out: out.splitlines()[1].split("  ")[-1]),
        (["explain", "-", "--format", "json"], lambda out: json.loads(out)[0]["message"]),
    ],
    ids=["jsonl", "json", "table", "explain"],
)
def test_a_line_read_with_u_fffd_says_so_in_its_message_as_a_batch_row_does(tiny_model_dir, args, message):
    """Regression: predict's record said ``"message": ""``, the note only on standard error."""
    result = run(*args, "-m", tiny_model_dir, "--encoding-errors", "replace", input=BROKEN)
    assert result.exit_code == 0, result.output
    assert message(result.stdout) == REPLACED
    assert "1 row(s) hold 2 undecodable byte(s) read as U+FFFD: line(s) 1" in result.stderr


def test_a_line_not_classified_keeps_its_reason_before_the_note(tiny_model_dir):
    args = ["-m", tiny_model_dir, "--encoding-errors", "replace", "--format", "jsonl"]
    result = run("predict", *args, input=b"abc\xff\n")
    assert result.exit_code == 2
    said = "no Japanese characters: the model only reads Japanese; line 1: 1 undecodable byte(s) read as U+FFFD in"
    assert json.loads(result.stdout)["message"].startswith(said)


def test_explain_reads_standard_input_one_review_per_line_as_predict_does(tiny_model_dir):
    """Regression: ``explain -`` joined every line into one text."""
    given = "手数料が高い\n\n本業が忙しい\nabc\n"
    result = run("explain", "-", "-m", tiny_model_dir, "--format", "json", "--top", "1", input=given)
    assert result.exit_code == 2
    records = json.loads(result.stdout)
    assert [(r["line"], r["text"], r["status"]) for r in records] == [
        (1, "手数料が高い", "ok"),
        (3, "本業が忙しい", "ok"),
        (4, "abc", "error"),
    ]
    predicted = json.loads(run("predict", "-m", tiny_model_dir, "--format", "json", input=given).stdout)
    assert [r["reason"]["label"] for r in records[:2]] == [p["reason"] for p in predicted[:2]]
    assert "taikai: warning: standard input: 1 blank line(s) skipped: line(s) 2" in result.stderr
    assert "taikai: error: standard input:4: no Japanese characters" in result.stderr


@pytest.mark.parametrize(
    ("given", "starts"),
    [
        ("手数料が高い\n本業が忙しい\n", ["[standard input line 1]", "[standard input line 2]"]),
        ("手数料が高い\n", []),
    ],
    ids=["several-lines", "one-line"],
)
def test_explain_heads_each_line_when_standard_input_has_several(tiny_model_dir, given, starts):
    result = run("explain", "-", "-m", tiny_model_dir, "--top", "1", input=given)
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if line.startswith("[")] == starts
    assert result.stdout.count("reason: ") == len(given.splitlines())


@pytest.mark.parametrize(
    ("given", "lines"),
    [("\n手数料が高い\n", [2]), ("手数料が高い\n本業が忙しい\n", [1, 2])],
    ids=["one-line", "two-lines"],
)
def test_explain_of_standard_input_gives_a_list_whatever_its_number_of_lines(tiny_model_dir, given, lines):
    """Regression: one line gave an object and several a list, so a script reading the output broke on one line."""
    result = run("explain", "-", "-m", tiny_model_dir, "--format", "json", input=given)
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert isinstance(records, list)
    assert [r["line"] for r in records] == lines
    assert all(list(r)[:2] == ["line", "text"] for r in records)


def test_explain_of_a_text_argument_gives_one_object(tiny_model_dir):
    result = run("explain", "手数料が高い", "-m", tiny_model_dir, "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert isinstance(record, dict) and "line" not in record and record["text"] == "手数料が高い"


@pytest.mark.parametrize(
    ("name", "content", "advice"),
    [
        (
            "cases_lines.txt",
            "手数料が高い\n本業が忙しい\n",
            "'cases_lines.txt' is a file, but explain explains the text it is given: to explain its lines, one review "
            "per line, give them on standard input (taikai explain - < cases_lines.txt)",
        ),
        (
            "cases.csv",
            "id,text\n1,手数料が高い\n",
            "'cases.csv' is a CSV file, but explain explains the text it is given, not the rows of a file: to classify "
            "a column of its rows, use taikai batch cases.csv -o OUT.csv --text-column COLUMN (its columns are "
            "['id', 'text'])",
        ),
    ],
)
def test_explain_of_a_file_name_says_how_to_give_its_lines(
    tiny_model_dir, tmp_path, monkeypatch, name, content, advice
):
    """Regression: ``explain FILE`` said only "no Japanese characters", where predict gives its file advice."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = run("explain", name, "-m", tiny_model_dir)
    assert result.exit_code == 2
    assert f"taikai: warning: {advice}\n" in result.stderr


_REVIEWS = "報酬が安すぎて続けられませんでした。", "案件が少なくて辞めました。", "手数料が高いので移りました。"


@pytest.mark.parametrize(
    ("command", "rows", "said"),
    [  # regression: the line said only --text-column COLUMN, where batch's error names the column of reviews
        (
            "predict",
            {"id": [1, 2, 3], "口コミ": _REVIEWS, "評価": [2, 1, 2]},
            "--text-column COLUMN (its columns are ['id', '口コミ', '評価']); '口コミ' reads as reviews: "
            "--text-column '口コミ'\n",
        ),
        (
            "explain",
            {"本文": _REVIEWS, "メモ": [r[::-1] for r in _REVIEWS]},
            "--text-column COLUMN (its columns are ['本文', 'メモ']); '本文' and 'メモ' read as reviews: "
            "--text-column '本文' or --text-column 'メモ'\n",
        ),
        ("predict", {"id": [1, 2, 3], "評価": [2, 1, 2]}, "--text-column COLUMN (its columns are ['id', '評価'])\n"),
    ],
)
def test_a_data_file_given_as_a_text_names_its_column_of_reviews_as_batch_does(
    tiny_model_dir, tmp_path, monkeypatch, command, rows, said
):
    import pandas as pd

    monkeypatch.chdir(tmp_path)
    pd.DataFrame(rows).to_csv("dump.csv", index=False)
    warned = run(command, "dump.csv", "-m", tiny_model_dir).stderr
    assert f"use taikai batch dump.csv -o OUT.csv {said}" in warned, warned
    ran = run("batch", "dump.csv", "-o", "out.csv", "-m", tiny_model_dir).stderr  # the one wording of batch's error
    assert ran.endswith(said.removeprefix("--text-column COLUMN (its columns are ").replace(")", "", 1)), ran


@pytest.mark.parametrize(
    ("command", "given", "error"),
    [
        ("predict", "\n \n", "standard input held only blank lines (2): nothing to classify; give one review per line"),
        ("predict", "", "standard input was empty: nothing to classify; give one review per line"),
        ("explain", "\n", "standard input held only blank lines (1): nothing to explain; give one review per line"),
    ],
)
def test_standard_input_without_a_review_says_what_it_held(tiny_model_dir, command, given, error):
    """Regression: blank lines were reported skipped, then standard input "empty"."""
    args = [command, *(["-"] if command == "explain" else [])]
    result = run(*args, "-m", tiny_model_dir, input=given)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.endswith(f"taikai: error: {error}\n"), result.stderr


TABLE = (
    "taikai: warning: standard input looks like {kind} table (its first line, {header!r}, reads as a header of "
    "columns), but {command} reads each line as one review, the header too: to classify a column of its rows, save "
    "it to a file whose name ends in .{ext} and use taikai batch FILE.{ext} -o OUT.csv --text-column COLUMN"
)


@pytest.mark.parametrize(
    ("command", "given", "warning"),
    [
        (
            "predict",
            "id,text\n1,手数料が高い\n",
            TABLE.format(kind="a CSV", header="id,text", command="predict", ext="csv"),
        ),
        (
            "predict",
            "id\ttext\n1\t手数料が高い\n",
            TABLE.format(kind="a TSV", header="id\ttext", command="predict", ext="tsv"),
        ),
        (
            "explain",
            "id,text\n1,手数料が高い\n",
            TABLE.format(kind="a CSV", header="id,text", command="explain", ext="csv"),
        ),
        ("predict", "手数料が高い、でも,まあ\n本業,時間\n", None),  # reviews with commas: no header
        ("predict", "手数料が高い\n", None),
        ("predict", "時給換算で300円,やめました\n修正依頼が多すぎて,心が折れた\n", None),  # two reviews, one comma each
        (
            "predict",
            "投稿日,本文\n2025-01-05,単価が安い\n",
            TABLE.format(kind="a CSV", header="投稿日,本文", command="predict", ext="csv"),
        ),
        ("predict", "ランサーズ,手数料高い\n時給300円,やめました\n", None),  # regression: warned (h113)
        (
            "predict",  # regression: no warning, the header classified as a review (h113)
            "id,ひとこと感想\n1,手数料が高すぎて辞めました\n2,単価が安い\n",
            TABLE.format(kind="a CSV", header="id,ひとこと感想", command="predict", ext="csv"),
        ),
        (
            "predict",  # regression: no warning, the header classified as a review (R12)
            "サービス,評価,コメント\nランサーズ,★1,手数料が高すぎて辞めた\nココナラ,★2,安い\n",
            TABLE.format(kind="a CSV", header="サービス,評価,コメント", command="predict", ext="csv"),
        ),
    ],
)
def test_a_table_piped_in_gets_the_batch_advice_and_is_still_read(tiny_model_dir, command, given, warning):
    """Regression: a CSV piped into predict was classified line by line, header included, without a word."""
    args = [command, *(["-"] if command == "explain" else []), "--format", "json"]
    result = run(*args, "-m", tiny_model_dir, input=given)
    assert (warning in result.stderr) if warning else ("looks like" not in result.stderr), result.stderr
    records = json.loads(result.stdout)
    records = records if isinstance(records, list) else [records]
    assert [r["line"] for r in records] == list(range(1, len(given.splitlines()) + 1))


@pytest.mark.parametrize(
    ("name", "given", "advice"),
    [
        (
            "data.txt",
            "id,text\n1,手数料が高い\n",
            "use taikai batch data.txt --input-format csv -o OUT.csv --text-column",
        ),
        ("data.txt", "id\ttext\n1\t手数料が高い\n", "use taikai batch data.txt --input-format tsv -o OUT.csv"),
        ("data.csv", "id,text\n1,手数料が高い\n", "use taikai batch data.csv -o OUT.csv --text-column COLUMN"),
        ("data.tsv", "id,text\n1,手数料が高い\n", "use taikai batch data.tsv --input-format csv -o OUT.csv"),
    ],
)
def test_a_table_redirected_from_a_file_gets_a_batch_line_that_works_on_that_file(
    tiny_model_dir, tmp_path, monkeypatch, name, given, advice
):
    """Regression: predict < data.txt was told taikai batch FILE -o OUT.csv, which batch refuses for a .txt."""
    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc to name the file standard input comes from")
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(given, encoding="utf-8")
    with open(name, "rb") as stdin:
        result = run("predict", "-m", tiny_model_dir, input=stdin)  # exit 2: its header is no review
    assert f"to classify a column of its rows, {advice}" in result.stderr, result.stderr
    line = [*advice.removeprefix("use taikai ").split(" -o ")[0].split(), "-o", "out.csv", "--text-column", "text"]
    ran = run(*line, "-m", tiny_model_dir, "-q")  # the advice works as written
    assert ran.exit_code == 0 and Path("out.csv").is_file(), ran.output


@pytest.mark.parametrize(
    ("command", "name", "rows", "encoding", "said"),
    [
        (  # an Excel CSV: CP932, a Japanese header
            "predict",
            "reviews.csv",
            "投稿日,本文,評価\r\n2026/11/01,手数料が高すぎて続けられませんでした,★1\r\n"
            "2026/11/02,提案しても全然通らないので辞めました,★2\r\n2026/11/03,本業が忙しくて時間がなくなりました,★3\r\n",
            "cp932",
            "use taikai batch reviews.csv -o OUT.csv --text-column COLUMN (its columns are ['投稿日', '本文', "
            "'評価']); '本文' reads as reviews: --text-column '本文'",
        ),
        (
            "explain",
            "dump.txt",
            "id,口コミ\n1,報酬が安すぎて続けられませんでした。\n2,案件が少なくて辞めました。\n",
            "utf-8",
            "use taikai batch dump.txt --input-format csv -o OUT.csv --text-column COLUMN (its columns are ['id', "
            "'口コミ']); '口コミ' reads as reviews: --text-column '口コミ'",
        ),
        (
            "predict",
            "dump.csv",
            "id,評価\n1,2\n2,1\n",
            "utf-8",
            "use taikai batch dump.csv -o OUT.csv --text-column COLUMN (its columns are ['id', '評価'])",
        ),
    ],
)
def test_a_table_redirected_from_a_file_names_its_column_of_reviews(
    tiny_model_dir, tmp_path, monkeypatch, command, name, rows, encoding, said
):
    """Regression: predict < reviews.csv was told --text-column COLUMN alone, where predict reviews.csv (the file
    given as a text) and batch's own error name the file's columns and the one that reads as reviews."""
    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc to name the file standard input comes from")
    monkeypatch.chdir(tmp_path)
    Path(name).write_bytes(rows.encode(encoding))
    with open(name, "rb") as stdin:
        result = run(command, *(["-"] if command == "explain" else []), "-m", tiny_model_dir, input=stdin)
    assert f"to classify a column of its rows, {said}\n" in result.stderr, result.stderr


BINARY = (
    "taikai: error: standard input is {kind} (by its first bytes), not lines of text, and {command} reads each line "
    "as one review: to classify a column of its rows, {first} use taikai batch FILE -o OUT.csv --text-column COLUMN\n"
)


@pytest.mark.parametrize(
    ("command", "given", "kind", "first"),
    [
        ("predict", b"PAR1" + bytes(60), "a Parquet file", "save it to a file with the extension .parquet, then"),
        ("explain", b"PAR1" + bytes(60), "a Parquet file", "save it to a file with the extension .parquet, then"),
        ("predict", b"PK\x03\x04rest", "a zip archive", "extract the file it holds, then"),
        (
            "predict",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "an .xls (Excel 97–2003) workbook",
            "save it as .xlsx or CSV from Excel, then",
        ),
    ],
    ids=["predict-parquet", "explain-parquet", "predict-zip", "predict-xls"],
)
def test_a_binary_data_file_piped_in_is_named_not_undecodable(tiny_model_dir, command, given, kind, first):
    """Regression: taikai predict < book.txt (a workbook) said the input could not be decoded as UTF-8 or CP932."""
    args = [command, *(["-"] if command == "explain" else [])]
    result = run(*args, "-m", tiny_model_dir, input=given)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == BINARY.format(kind=kind, command=command, first=first)


def test_a_workbook_piped_in_is_named_as_one(tiny_model_dir, book):
    result = run("predict", "-m", tiny_model_dir, input=book.read_bytes())
    assert result.stderr == BINARY.format(
        kind="an xlsx (Excel) file",
        command="predict",
        first="save it to a file with the extension .xlsx, then",
    )


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (
            ["--encoding-errors", "replace"],
            [
                "taikai: warning: standard input: 1 row(s) hold 2 undecodable byte(s) read as U+FFFD: line(s) 1",
                "taikai: warning: standard input: 1 blank line(s) skipped: line(s) 2",
            ],
        ),
        (
            [],
            [
                "taikai: error: standard input: cannot decode as UTF-8 or CP932 (utf-8: byte 0xff on line 1; cp932:",
                "or pass encoding_errors='replace' (--encoding-errors replace on the command line) to read",
            ],
        ),
    ],
    ids=["replaced", "strict"],
)
def test_standard_input_is_named_one_way_and_its_utf8_as_utf8(tiny_model_dir, options, said):
    """Regression: one run said ``<stdin>`` and ``standard input``, a note said ``in utf-8-sig`` for UTF-8
    without a BOM, and the error advised ``errors='replace'``, a name no public reader takes."""
    result = run("predict", "-m", tiny_model_dir, "--format", "jsonl", *options, "-", input=BROKEN + b"\n")
    for part in said:
        assert part in result.stderr
    assert "<stdin>" not in result.stderr
    assert "utf-8-sig" not in result.stderr + result.stdout
    assert "errors='replace'" not in result.stderr.replace("encoding_errors='replace'", "")
    if options:
        assert json.loads(result.stdout.splitlines()[0])["message"].endswith("read as U+FFFD in utf-8")


GZIP_TEXT = gzip.compress("手数料が高い\n".encode())
DECOMPRESS = (
    "taikai: error: standard input is {kind} (by its first bytes), not lines of text: decompress it first "
    "({tool} -c FILE | {reader}), and for a table, {tool} -c FILE > OUT.csv, then use taikai batch OUT.csv -o "
    "OUT2.csv --text-column COLUMN\n"
)


@pytest.mark.parametrize(
    ("command", "given", "kind", "tool"),
    [
        ("predict", GZIP_TEXT, "gzip-compressed data", "gunzip"),
        ("explain", GZIP_TEXT, "gzip-compressed data", "gunzip"),
        ("predict", bz2.compress("手数料".encode()), "bzip2-compressed data", "bunzip2"),
        ("predict", lzma.compress("手数料".encode()), "xz-compressed data", "unxz"),
        ("predict", b"\x28\xb5\x2f\xfd" + bytes(12), "zstd-compressed data", "unzstd"),
    ],
    ids=["predict-gzip", "explain-gzip", "bzip2", "xz", "zstd"],
)
def test_compressed_data_piped_in_is_told_to_be_decompressed(tiny_model_dir, command, given, kind, tool):
    """Regression: predict < r.txt.gz said it could not decode the bytes, and to pass an encoding such as latin-1."""
    args = [command, *(["-"] if command == "explain" else [])]
    result = run(*args, "-m", tiny_model_dir, input=given)
    assert result.exit_code == 2 and result.stdout == ""
    reader = "taikai explain -" if command == "explain" else "taikai predict"
    assert result.stderr == DECOMPRESS.format(kind=kind, tool=tool, reader=reader)


@pytest.mark.parametrize("options", [[], ["--encoding", "latin-1"], ["--encoding-errors", "replace"]])
def test_random_bytes_piped_in_are_binary_data_not_an_encoding_to_name(tiny_model_dir, options):
    """Regression: head -c 2000 /dev/urandom | taikai predict was told to pass latin-1, then classified mojibake."""
    result = run("predict", "-m", tiny_model_dir, *options, input=random.Random(6).randbytes(2000))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("taikai: error: standard input: this looks like binary data, not text (")
    assert "latin-1" not in result.stderr.replace("--encoding latin-1", "")


@pytest.mark.parametrize("given", ["単価が安い\x08\n", "手数料が高い\x00\n単価が安い\n"])
def test_a_review_with_a_stray_control_byte_piped_in_is_classified(tiny_model_dir, given):
    """Regression: printf '単価が安い\\x08' | taikai predict was refused as binary data "such as NUL" (R12)."""
    result = run("predict", "-m", tiny_model_dir, input=given.encode())
    assert result.exit_code == 0, result.stderr
    assert "binary" not in result.stderr and "単価が安い" in result.stdout


def test_a_compressed_file_named_as_a_text_is_told_to_be_decompressed(tiny_model_dir, tmp_path):
    path = tmp_path / "r.txt.gz"
    path.write_bytes(GZIP_TEXT)
    result = run("predict", "-m", tiny_model_dir, path)
    assert (
        f"taikai: warning: {str(path)!r} is gzip-compressed data, but predict classifies the texts it is given: "
        f"decompress it and give its lines on standard input (gunzip -c {shlex.quote(str(path))} | taikai predict), "
        "or, for a table, classify a column of the decompressed file with taikai batch FILE -o OUT.csv --text-column "
        "COLUMN\n"
    ) in result.stderr


@pytest.mark.parametrize(
    ("texts", "said"),
    [
        ((), "give review texts as arguments, or pipe one review per line into stdin"),
        # regression: predict - with standard input closed (<&-) said to pipe reviews in, not that - found none
        (("-",), "- reads the reviews from standard input, but there is none"),
    ],
)
def test_predict_without_standard_input_says_what_is_missing(monkeypatch, texts, said):
    import click

    from taikai.cli._predict import _read_texts

    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(click.UsageError) as caught:
        _read_texts(texts, None, "strict")
    assert caught.value.message == said


@pytest.mark.parametrize(
    ("args", "given", "place"),
    [
        (["predict", "-"], "手数料が高い\nhello\n", "standard input:2"),
        (["predict", "--format", "json"], "手数料が高い\n\nhello\n", "standard input:3"),
        (["explain", "-"], "手数料が高い\nhello\n", "standard input:2"),
        (["predict", "手数料が高い", "hello"], None, "<argument 2>"),
        (["explain", "hello"], None, "<argument 1>"),  # Regression (h394): explain's said no place at all
        (["explain", "--format", "json", "www"], None, "<argument 1>"),
    ],
    ids=[
        "predict-stdin",
        "predict-stdin-blank",
        "explain-stdin",
        "predict-arguments",
        "explain-argument",
        "explain-json",
    ],
)
def test_a_review_that_cannot_be_classified_is_named_as_its_input_names_it(tiny_model_dir, args, given, place):
    """Regression (h306): ``taikai: standard input line 2: error: …`` and ``taikai: input 2: error: …``, where a
    file's row is ``FILE:LINE: …`` and a decoding error names the same line ``standard input:2:`` and the same
    argument ``<argument 2>``."""
    result = run(*args, "-m", tiny_model_dir, input=given)
    assert result.exit_code == 2
    said = f"taikai: error: {place}: no Japanese characters: the model only reads Japanese"
    assert said in result.stderr.splitlines(), result.stderr


@pytest.mark.parametrize(
    ("args", "given", "said"),
    [
        (["explain", ""], None, "taikai: error: <argument 1>: empty or whitespace-only text"),
        (["explain", "   "], None, "taikai: error: <argument 1>: empty or whitespace-only text"),
        (["predict", ""], None, "taikai: error: <argument 1>: empty or whitespace-only text"),
        (["predict", "手数料が高い", " "], None, "taikai: error: <argument 2>: empty or whitespace-only text"),
        (["predict", "手数料が高い", "hello"], None, "taikai: error: <argument 2>: no Japanese characters"),
        (["explain", "hello"], None, "taikai: error: <argument 1>: no Japanese characters"),
        (["explain", "-"], "手数料が高い\nhello\n", "taikai: error: standard input:2: no Japanese characters"),
    ],
)
def test_a_review_that_cannot_be_classified_is_said_as_every_error_is(tiny_model_dir, args, given, said):
    """Regression (h365): ``taikai: empty: …`` (explain) and ``taikai: <argument 2>: empty: …`` (predict), the
    row's status where every other failure says ``taikai: error: …``, its place after (``taikai: error:
    standard input:2: …`` names an undecodable line so); the status stays in the table and the JSON."""
    result = run(*args, "-m", tiny_model_dir, input=given)
    assert result.exit_code == 2
    assert [line for line in result.stderr.splitlines() if line.startswith(said)], result.stderr


@pytest.mark.parametrize(
    ("args", "given", "place"),
    [
        (["predict"], b"\xe6\x89\x8b\n\xff\n", "standard input:2:"),
        (["predict", "x", b"\xff"], None, "<argument 2>:"),
        (["explain", b"\xff\xff"], None, "<argument 1>:"),  # Regression (h394): explain's was <argument>:
    ],
    ids=["stdin", "argument", "explain-argument"],
)
def test_decoding_errors_name_the_inputs_so_too(args, given, place):
    """The names above are the ones a decoding error gives (``taikai.io.decode_input``, ``decode_argument``)."""
    result = CliRunner().invoke(cli, [os.fsdecode(a) if isinstance(a, bytes) else a for a in args], input=given)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"taikai: error: {place} "), result.stderr


@pytest.mark.parametrize("command", [["predict"], ["explain", "-"]])
def test_utf8_piped_in_with_encoding_cp932_is_refused_not_read_as_mojibake(tiny_model_dir, command):
    """Regression: printf '手数料が高い' | taikai predict --encoding cp932 classified 謇区焚譁吶′鬮倥＞, status ok."""
    result = run(*command, "-m", tiny_model_dir, "--encoding", "cp932", input="手数料が高い\n".encode())
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(
        "taikai: error: standard input: the input is UTF-8, not cp932, the encoding given with encoding= "
        "(--encoding on the command line): "
    ), result.stderr
