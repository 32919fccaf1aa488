"""The command line, driven through click's runner."""

import json
import os
import re
import shlex
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from support_models import flip_a_byte

from taikai.cli import cli


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


@pytest.mark.parametrize("command", [[], *([name] for name in sorted(cli.list_commands(None)))])
def test_every_command_has_help(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_predict_table(run, tiny_model_dir):
    result = run("predict", "手数料が高すぎる", "本業が忙しい", "--model", tiny_model_dir, "--top", "2")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["#", "status", "reason"]
    assert len(lines) == 3


def test_predict_json_and_top(run, tiny_model_dir):
    result = run("predict", "手数料が高すぎる", "--model", tiny_model_dir, "--format", "json", "--top", "3")
    assert result.exit_code == 0
    [record] = json.loads(result.output)
    assert record["status"] == "ok"
    assert len(record["top_reasons"]) == 3
    assert record["top_reasons"][0]["reason"] == record["reason"]


def test_predict_reads_stdin_lines_as_jsonl(run, tiny_model_dir):
    result = run("predict", "--model", tiny_model_dir, "--format", "jsonl", input="手数料が高い\n本業が忙しい\n")
    assert result.exit_code == 0
    assert [json.loads(line)["status"] for line in result.output.splitlines()] == ["ok", "ok"]


STDIN_TEXTS = ["手数料が高すぎる", "単価が安い"]


@pytest.mark.parametrize(
    "data",
    [
        "\n".join(STDIN_TEXTS).encode("utf-8"),
        "\r\n".join(STDIN_TEXTS).encode("utf-8-sig"),
        "\r\n".join(STDIN_TEXTS).encode("cp932") + b"\r\n",
    ],
    ids=["utf-8", "utf-8-sig", "cp932"],
)
def test_predict_reads_stdin_bytes_in_the_encoding_batch_detects(run, tiny_model_dir, data):
    result = run("predict", "--model", tiny_model_dir, "--format", "jsonl", input=data)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["status"]) for r in records] == [(text, "ok") for text in STDIN_TEXTS]
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("data", "options", "message"),
    [
        (
            b"\xfe\xfe" + "手".encode(),
            [],
            "taikai: error: standard input: cannot decode as UTF-8 or CP932 (utf-8: byte 0xfe on line 1; "
            "cp932: byte 0x8b on line 1); pass its encoding with encoding= (--encoding on the command line)",
        ),
        (
            "手数料が高すぎる\n".encode("utf-16"),  # Excel's "Unicode テキスト", piped in
            [],
            "taikai: error: standard input: the input is UTF-16 (it starts with the byte-order mark FF FE, as Excel "
            'writes its "Unicode テキスト" export), and taikai reads and writes only encodings in which ASCII',
        ),
        (
            "手数料が高すぎる\n単価が安い\n".encode("cp932"),
            ["--encoding", "utf-8"],
            "taikai: error: standard input:1: byte 0x8e is not valid utf-8, the encoding given with encoding= "
            "(--encoding on the command line)",
        ),
    ],
    ids=["undecodable", "utf-16", "wrong-encoding-given"],
)
def test_predict_stops_at_stdin_bytes_it_cannot_decode(run, tiny_model_dir, data, options, message):
    result = run("predict", "--model", tiny_model_dir, *options, input=data)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""  # nothing classified, no mojibake


# UTF-8 with a character cut off: CP932 decodes it without a word, every row into mojibake with status ok
DAMAGED_UTF8 = (
    "review_id,text\nA1,田中さんが本業が忙しくなりました\nA2,".encode() + "田".encode()[:1] + "しつこい\n".encode()
)
DAMAGED_SAYS = "3: byte 0xe7 is not valid UTF-8, but the rest of the {} is (20 multi-byte characters decode as UTF-8"


@pytest.mark.parametrize(
    ("options", "code", "says"),
    [
        ([], 2, "taikai: error: {path}:" + DAMAGED_SAYS.format("file")),
        (["--encoding-errors", "replace"], 0, "rows not cleanly decoded: 1 (1 undecodable byte(s) read as U+FFFD)"),
    ],
    ids=["stops", "replace"],
)
def test_batch_does_not_read_damaged_utf8_as_cp932(run, tiny_model_dir, tmp_path, options, code, says):
    path, out = tmp_path / "in.csv", tmp_path / "out.csv"
    path.write_bytes(DAMAGED_UTF8)
    result = run("batch", path, "-o", out, "--text-column", "text", "-m", tiny_model_dir, *options)
    assert result.exit_code == code, result.output
    assert says.format(path=path) in result.stderr
    if code:
        assert not out.exists()
    else:
        texts = out.read_text(encoding="utf-8").splitlines()
        assert texts[1].startswith("A1,田中さんが本業が忙しくなりました,ok,") and texts[2].startswith(
            "A2,\ufffdしつこい,ok,"
        )


def test_predict_does_not_read_damaged_utf8_stdin_as_cp932(run, tiny_model_dir):
    result = run("predict", "--model", tiny_model_dir, input=DAMAGED_UTF8)
    assert result.exit_code == 2
    assert result.stderr.startswith("taikai: error: standard input:" + DAMAGED_SAYS.format("input")), result.stderr
    assert result.stdout == ""


def test_predict_stdin_encoding_errors_replace_warns_naming_the_line(run, tiny_model_dir):
    data = "単価が安い\n".encode() + "手数料が".encode() + b"\xff" + "高すぎる".encode()
    result = run("predict", "--model", tiny_model_dir, "--format", "jsonl", "--encoding-errors", "replace", input=data)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["単価が安い", "手数料が\ufffd高すぎる"]
    said = "taikai: warning: standard input: 1 row(s) hold 1 undecodable byte(s) read as U+FFFD: line(s) 2"
    assert said in result.stderr


def argv(data):
    """Return *data* as Python hands a command-line argument to a program (undecodable bytes as surrogates)."""
    return os.fsdecode(data)


@pytest.mark.parametrize(
    ("arguments", "options", "texts"),
    [
        ([argv("手数料が高すぎる".encode("cp932")), "単価が安い"], [], ["手数料が高すぎる", "単価が安い"]),
        ([argv("手数料が高すぎる".encode("cp932"))], ["--encoding", "cp932"], ["手数料が高すぎる"]),
        (["手数料が高すぎる"], ["--encoding", "cp932"], ["手数料が高すぎる"]),  # text already: not made mojibake
    ],
    ids=["cp932-detected", "cp932-given", "clean-utf8-kept"],
)
def test_predict_decodes_the_bytes_of_text_arguments(run, tiny_model_dir, arguments, options, texts):
    result = run("predict", *arguments, "--model", tiny_model_dir, "--format", "jsonl", *options)
    assert result.exit_code == 0, result.output
    assert [(json.loads(line)["text"], json.loads(line)["status"]) for line in result.stdout.splitlines()] == [
        (text, "ok") for text in texts
    ]
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("data", "options", "message"),
    [
        (
            b"\xff" + "手数料が高い".encode(),
            [],
            "taikai: error: <argument 2>:1: byte 0xff is not valid UTF-8, but the rest of the input is (6 multi-byte",
        ),
        (
            "手数料が高すぎる".encode("cp932"),
            ["--encoding", "utf-8"],
            "taikai: error: <argument 2>:1: byte 0x8e is not valid utf-8, the encoding given with encoding= "
            "(--encoding on the command line)",
        ),
    ],
    ids=["stray-byte", "wrong-encoding-given"],
)
def test_predict_stops_at_argument_bytes_it_cannot_decode(run, tiny_model_dir, data, options, message):
    result = run("predict", "単価が安い", argv(data), "--model", tiny_model_dir, *options)
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr
    assert result.stdout == ""  # nothing classified, no mojibake, no byte dropped


def test_predict_argument_encoding_errors_replace_keeps_the_byte_as_fffd_and_warns(run, tiny_model_dir):
    data = b"\xff" + "手数料が高い".encode()
    result = run("predict", argv(data), "--model", tiny_model_dir, "--format", "jsonl", "--encoding-errors", "replace")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["text"] == "\ufffd手数料が高い"
    assert "taikai: warning: <argument 1> holds 1 undecodable byte read as U+FFFD\n" in result.stderr


def test_predict_dash_reads_standard_input(run, tiny_model_dir):
    result = run("predict", "-", "--model", tiny_model_dir, "--format", "jsonl", input="手数料が高い\n単価が安い\n")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["手数料が高い", "単価が安い"]


@pytest.mark.parametrize(
    ("stdin", "texts", "warned"),
    [
        ("手数料が高い\n単価が安い\n\n", ["手数料が高い", "単価が安い"], "1 blank line(s) skipped: line(s) 3"),
        ("手数料が高い\n  \n\n単価が安い\n", ["手数料が高い", "単価が安い"], "2 blank line(s) skipped: line(s) 2, 3"),
        ("手数料が高い\n単価が安い\n", ["手数料が高い", "単価が安い"], None),
    ],
    ids=["trailing", "between", "none"],
)
def test_predict_skips_blank_lines_of_standard_input_as_batch_does(run, tiny_model_dir, stdin, texts, warned):
    """Regression: a file with one trailing blank line gave an `empty` row and exit 2."""
    result = run("predict", "--model", tiny_model_dir, "--format", "jsonl", input=stdin)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == texts
    assert ("taikai: warning: standard input: " + (warned or "") in result.stderr) is (warned is not None)


LINES_STDIN = "手数料が高い\n\nhello\n時間がない\n"  # hello, not Japanese, is the third line, the second text


@pytest.mark.parametrize(
    ("args", "stdin", "numbers"),
    [
        (["--format", "table"], LINES_STDIN, [1, 3, 4]),
        (["--format", "json"], LINES_STDIN, [1, 3, 4]),
        (["--format", "jsonl"], LINES_STDIN, [1, 3, 4]),
        (["--format", "jsonl", "-"], "\n \nhello\n", [3]),
    ],
    ids=["table", "json", "jsonl", "dash"],
)
def test_predict_numbers_the_texts_of_standard_input_by_their_line(run, tiny_model_dir, args, stdin, numbers):
    """Regression: after a blank line, the texts were numbered by count: the third line was the second input."""
    result = run("predict", "--model", tiny_model_dir, *args, input=stdin)
    assert result.exit_code == 2
    assert "taikai: error: standard input:3: no Japanese characters" in result.stderr
    if args[1] == "table":
        assert [line.split()[0] for line in result.stdout.splitlines()[1:]] == [str(n) for n in numbers]
        return
    records = json.loads(result.stdout) if args[1] == "json" else list(map(json.loads, result.stdout.splitlines()))
    assert [r["line"] for r in records] == numbers
    assert list(records[0])[:2] == ["line", "text"]


def test_predict_numbers_texts_given_as_arguments_from_1_without_a_line(run, tiny_model_dir):
    result = run("predict", "手数料が高い", "hello", "--model", tiny_model_dir, "--format", "jsonl")
    assert "taikai: error: <argument 2>: no Japanese characters" in result.stderr
    assert all("line" not in json.loads(line) for line in result.stdout.splitlines())


@pytest.mark.parametrize(("name", "warned"), [("reviews.txt", True), ("手数料が高い", False)])
def test_predict_warns_when_a_text_is_the_name_of_a_file(run, tiny_model_dir, tmp_path, monkeypatch, name, warned):
    """Regression: `taikai predict reviews.txt` classified the file's name without a word."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reviews.txt").write_text("手数料が高い\n", encoding="utf-8")
    result = run("predict", name, "--model", tiny_model_dir)
    said = f"taikai: warning: {name!r} is a file, but predict classifies the texts it is given"
    assert (said in result.stderr) is warned, result.stderr
    assert ("taikai predict < reviews.txt" in result.stderr) is warned


_BATCH = "but predict classifies the texts it is given, not the rows of a file: to classify a column of its rows, "
_DUMP = "review_id,posted_at,text\nR1,2025-01-01,手数料が高い\nR2,2025-01-02,単価が安い\n"


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        # regression: a data file was to be given on standard input, which classified its header and whole lines
        (
            "dump.csv",
            _DUMP,
            f"'dump.csv' is a CSV file, {_BATCH}use taikai batch dump.csv -o OUT.csv --text-column COLUMN (its columns "
            "are ['review_id', 'posted_at', 'text'])",
        ),
        (  # by its content: batch is told the format
            "dump",
            _DUMP,
            f"'dump' is a CSV file, {_BATCH}use taikai batch dump --input-format csv -o OUT.csv --text-column "
            "COLUMN (its columns are ['review_id', 'posted_at', 'text'])",
        ),
        (  # regression: a .txt file whose reviews hold commas was a CSV file: plain text, whatever it holds
            "dump.txt",
            _DUMP,
            "'dump.txt' is a file, but predict classifies the texts it is given: to classify its lines, one review "
            "per line, give them on standard input (taikai predict < dump.txt)",
        ),
        (
            "dump.tsv",
            _DUMP.replace(",", "\t"),
            f"'dump.tsv' is a TSV file, {_BATCH}use taikai batch dump.tsv -o OUT.csv --text-column COLUMN (its columns",
        ),
        (
            "d.jsonl",
            '{"id": 1, "text": "手数料が高い"}\n',
            f"'d.jsonl' is a JSON Lines file, {_BATCH}use taikai batch d.jsonl -o OUT.csv --text-column COLUMN (its "
            "columns are ['id', 'text'])",
        ),
        (
            "old.xls",
            "",
            f"'old.xls' is an .xls (Excel 97–2003) workbook, {_BATCH}save it as .xlsx or CSV from Excel, then use "
            "taikai batch FILE -o OUT.csv --text-column COLUMN",
        ),
        (  # a text file of one review per line, with a comma: standard input, as before
            "reviews.txt",
            "手数料が高い, 辞めた\n単価が安い\n",
            "'reviews.txt' is a file, but predict classifies the texts it is given: to classify its lines, one review "
            "per line, give them on standard input (taikai predict < reviews.txt)",
        ),
    ],
)
def test_predict_points_a_data_file_to_batch(run, tiny_model_dir, tmp_path, monkeypatch, name, content, said):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = run("predict", name, "--model", tiny_model_dir)
    assert f"taikai: warning: {said}" in result.stderr, result.stderr


def test_predict_points_a_parquet_or_xlsx_file_to_batch_with_its_columns(run, tiny_model_dir, tmp_path, monkeypatch):
    import pandas as pd

    monkeypatch.chdir(tmp_path)
    frame = pd.DataFrame({"id": [1], "本文": ["手数料が高い"]})
    frame.to_parquet("d.parquet")
    frame.to_excel("d.xlsx", index=False)
    for name, kind in (("d.parquet", "a Parquet"), ("d.xlsx", "an xlsx (Excel)")):
        result = run("predict", name, "--model", tiny_model_dir)
        assert (
            f"taikai: warning: '{name}' is {kind} file, {_BATCH}use taikai batch {name} -o OUT.csv --text-column "
            "COLUMN (its columns are ['id', '本文'])"
        ) in result.stderr


def test_predict_refuses_standard_input_of_blank_lines_only(run, tiny_model_dir):
    result = run("predict", "--model", tiny_model_dir, input="\n \n")
    assert result.exit_code == 2
    assert "taikai: error: standard input held only blank lines (2): nothing to classify" in result.stderr


def test_predict_refuses_dash_among_texts(run, tiny_model_dir):
    result = run("predict", "単価が安い", "-", "--model", tiny_model_dir, input="手数料が高い\n")
    assert result.exit_code == 2
    said = "taikai: error: - reads the reviews from standard input: give it alone to predict (taikai predict -), not"
    assert said in result.stderr  # regression: the command was not named


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["predict", "-手数料が高い"],
            "taikai: error: predict has no option '-手' (see taikai predict --help); to give a text that starts "
            "with '-', put -- before it: taikai predict -- '-手数料が高い'\n",
        ),
        (
            ["explain", "--手数料が高い"],
            "taikai: error: explain has no option '--手数料が高い' (see taikai explain --help); to give a text that "
            "starts with '-', put -- before it: taikai explain -- '--手数料が高い'\n",
        ),
        (
            ["predict", "-x"],
            "taikai: error: predict has no option '-x' (see taikai predict --help); to give a text that starts with "
            "'-', put -- before it: taikai predict -- -x\n",
        ),
        (
            ["predict", "--modle", "m"],
            "taikai: error: predict has no option '--modle': did you mean --model? (see taikai predict --help)\n",
        ),
        (
            ["predict", argv("-手数料が高い".encode("cp932"))],  # CP932 in a UTF-8 terminal: decoded, no surrogates
            "taikai: error: predict has no option '-手数料が高い' (see taikai predict --help); to give a text that "
            "starts with '-', put -- before it: taikai predict -- '-手数料が高い'\n",
        ),
        (
            ["explain", argv(b"-\xff\xfe")],  # bytes that decode in nothing: not shown
            "taikai: error: explain has no option '-…' (see taikai explain --help); to give a text that starts with "
            "'-', put -- before it: taikai explain -- TEXT\n",
        ),
    ],
    ids=["japanese", "double-dash-japanese", "short", "a-typo-gets-no-hint", "cp932-argument", "undecodable"],
)
def test_an_unknown_option_that_may_be_a_text_hints_at_double_dash(args, message):
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == message, result.stderr
    assert ("put -- before it" in result.stderr) == (args[1] != "--modle")


@pytest.mark.parametrize(
    ("arguments", "given", "source"),
    [
        ([argv("もうやめた".encode("euc_jp"))], None, "<argument 1>:1: the text"),
        (["-"], "もうやめた\n稼げない\n".encode("euc_jp"), "standard input:1: the input"),
    ],
    ids=["argument", "stdin"],
)
def test_predict_refuses_short_euc_jp_rather_than_classify_its_cp932_mojibake(
    run, tiny_model_dir, arguments, given, source
):
    result = run("predict", *arguments, "--model", tiny_model_dir, input=given)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"taikai: error: {source} looks like EUC-JP: that line reads as 'もうやめた' in EUC-JP, as '､筅ｦ､荀皃ｿ' in "
        "CP932; pass encoding='euc-jp' (--encoding euc-jp on the command line), or "
        "encoding='cp932' (--encoding cp932 on the command line) if it is CP932 half-width katakana\n"
    ), result.stderr
    assert result.stdout == ""
    options = ["--model", tiny_model_dir, "--format", "jsonl", "--encoding", "euc-jp"]
    read = run("predict", *arguments, *options, input=given)
    assert read.exit_code == 0, read.output
    assert json.loads(read.stdout.splitlines()[0])["text"] == "もうやめた"


@pytest.mark.parametrize("text", ["ｶｽﾀﾏｰｻﾎﾟｰﾄ､ｵｿｲ", "ｱﾝｹﾝ･ｻｷﾞ", "ｱﾝｹﾝ｡ｵｵｲ"])
def test_predict_reads_cp932_half_width_katakana_with_punctuation(run, tiny_model_dir, text):
    """､ ･ ｡ lead EUC-JP kana, so EUC-JP reads these too: correctly spelled half-width katakana is CP932."""
    result = run("predict", "-", "--model", tiny_model_dir, "--format", "jsonl", input=f"{text}\n".encode("cp932"))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["text"] == text


@pytest.mark.parametrize(
    ("args", "given"),
    [
        (
            ["predict", "--encoding", "nosuch", "手数料が高い"],
            "='nosuch' (--encoding on the command line): unknown encoding",
        ),
        (
            ["explain", "--encoding", "nosuch", "手数料が高い"],
            "='nosuch' (--encoding on the command line): unknown encoding",
        ),
        (
            ["predict", "--encoding", "utf-16", "手数料が高い"],
            "='utf-16' (--encoding on the command line): taikai reads and writes only encodings",
        ),
    ],
    ids=["predict", "explain", "not-ascii-compatible"],
)
def test_an_unusable_encoding_is_refused_even_for_clean_text_arguments(run, tiny_model_dir, args, given):
    result = run(*args, "--model", tiny_model_dir)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"taikai: error: encoding{given}"), result.stderr
    assert "Usage:" not in result.stderr  # the same style as batch's, not click's usage block
    assert result.stdout == ""


def test_explain_stdin_encoding_errors_replace_warns_about_the_line(run, tiny_model_dir):
    data = "手数料が".encode() + b"\xff" + "高すぎる\n".encode()
    result = run("explain", "-", "--model", tiny_model_dir, "--encoding-errors", "replace", input=data)
    assert result.exit_code == 0, result.output
    said = "taikai: warning: standard input: 1 row(s) hold 1 undecodable byte(s) read as U+FFFD: line(s) 1\n"
    assert said in result.stderr
    assert "note: line 1: 1 undecodable byte(s) read as U+FFFD in utf-8" in result.stdout


def test_predict_classifies_a_text_starting_with_dash_after_double_dash(run, tiny_model_dir):
    result = run("predict", "--model", tiny_model_dir, "--format", "jsonl", "--", "-手数料が高い")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["text"] == "-手数料が高い"


@pytest.mark.parametrize(
    "emoticon", ["(´・ω・`)", "・・・", "ーーー", "(ﾟ∀ﾟ)", "゛", "ヽ(・∀・)ﾉ", "(ノ・ω・)ノ", "(・へ・)"]
)
def test_predict_reads_emoticons_of_kana_marks_as_no_japanese(run, tiny_model_dir, emoticon):
    result = run("predict", "手数料が高い", emoticon, "--model", tiny_model_dir)
    assert result.exit_code == 2
    assert "taikai: error: <argument 2>: no Japanese words, only marks such as ・ ー ヽ or a lone kana" in result.stderr
    assert result.stdout.splitlines()[2].split()[:3] == ["2", "error", "-"]


@pytest.mark.parametrize(
    ("encoded", "plain"),
    [
        ("&#25163;&#25968;&#26009;&#12364;&#39640;&#12356;", "手数料が高い"),
        ("&amp;手数料が高い", "&手数料が高い"),
    ],
)
def test_predict_decodes_html_character_references(run, tiny_model_dir, encoded, plain):
    result = run("predict", encoded, plain, "--model", tiny_model_dir)
    assert result.exit_code == 0, result.stderr
    first, second = (line.split()[1:6] for line in result.stdout.splitlines()[1:3])
    assert first[0] == "ok" and first == second


def test_predict_bad_input_exits_2_and_says_which(run, tiny_model_dir):
    result = run("predict", "手数料が高い", "   ", "english only", "--model", tiny_model_dir)
    assert result.exit_code == 2
    assert "taikai: error: <argument 2>: empty or whitespace-only text" in result.stderr
    assert "taikai: error: <argument 3>: no Japanese" in result.stderr
    rows = [line.split() for line in result.stdout.splitlines()]
    assert len(rows) == 4  # the header and one row per input, the bad ones included
    assert rows[1][:3] == ["1", "ok", "fees"]
    assert rows[2][:3] == ["2", "empty", "-"] and rows[3][:3] == ["3", "error", "-"]


LONG_TEXT = "手数料が高すぎる。" * 1200  # 10,800 characters: classified on its first 10,000
CUT = "text longer than 10000 characters: only the first 10000 were classified"


def test_the_predict_table_shows_each_text_and_its_message(run, tiny_model_dir):
    result = run("predict", LONG_TEXT, "english only", "手数料が高い", "--model", tiny_model_dir)
    assert result.exit_code == 2
    header, cut, error, plain = result.stdout.splitlines()
    assert header.split()[-2:] == ["text", "message"]
    assert cut.split()[1:3] == ["ok", "fees"] and cut.endswith(CUT)  # the cut is said, not only in JSON
    assert error.split()[1] == "error" and re.search(r" english only +no Japanese characters", error)  # both
    assert plain.endswith("手数料が高い")


def test_the_predict_table_has_no_message_column_when_no_text_has_one(run, tiny_model_dir):
    result = run("predict", "手数料が高い", "--model", tiny_model_dir)
    assert result.stdout.splitlines()[0].split()[-1] == "text"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_predict_json_rows_all_have_the_same_keys(run, tiny_model_dir, fmt):
    result = run(
        "predict", "手数料が高い", "", "english only", "--model", tiny_model_dir, "--format", fmt, "--top", "2"
    )
    assert result.exit_code == 2
    out = result.stdout
    records = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
    assert [list(r) for r in records[1:]] == [list(records[0])] * 2
    assert [len(r["top_reasons"]) for r in records] == [2, 0, 0]


def test_predict_missing_model_is_a_clear_error(run, tmp_path):
    result = run("predict", "手数料が高い", "--model", tmp_path / "nope")
    assert result.exit_code == 2
    assert "taikai: error:" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["info", "--model", "{dir}"], {}, "{dir}: no such model directory; give the directory of a trained model"),
        (
            ["predict", "手数料が高い"],
            {"TAIKAI_MODEL": "{dir}"},
            "{dir}: no such model directory (named by TAIKAI_MODEL)",
        ),
        (
            ["info"],
            {"TAIKAI_MODEL": "{dir}"},
            "{dir}: no such model directory (named by TAIKAI_MODEL); set TAIKAI_MODEL",
        ),
    ],
)
def test_a_missing_model_directory_is_named_as_a_directory(tmp_path, args, env, message):
    missing = str(tmp_path / "nodir")
    runner = CliRunner(env={k: v.format(dir=missing) for k, v in env.items()})
    result = runner.invoke(cli, [a.format(dir=missing) for a in args])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"taikai: error: {message.format(dir=missing)}")
    assert "metadata.json;" not in result.stderr and "--metadata-only" not in result.stderr


def test_train_info_evaluate_round_trip(run, tiny_csv, tmp_path):
    out = tmp_path / "m"
    result = run("train", tiny_csv, "--out", out, "--folds", "2", "--test-size", "0.25")
    assert result.exit_code == 0, result.output
    assert (out / "model.joblib").exists() and (out / "metadata.json").exists()
    assert re.search(r"^cv:   reason macro-F1 \d\.\d{3} · reason accuracy \d\.\d{3}", result.output, re.M)
    assert re.search(r"^test: reason macro-F1 \d\.\d{3}", result.output, re.M)
    assert re.search(r"^base:  \S+tiny\.csv  \(40 rows, 40 used\)$", result.output, re.M), result.output
    assert "{'" not in result.output  # figures in words, not a Python dict

    result = run("info", "--model", out)
    assert result.exit_code == 0
    assert "scikit-learn" in result.output and re.search(r"^artifact:   sha256 [0-9a-f]{64}$", result.output, re.M)
    assert re.search(r"^data:       \S+: 40 rows \(30 train, 10 test\), sha256 [0-9a-f]{64}$", result.output, re.M)
    config = "word 1-2-grams (base forms, CP932 look-alikes folded) + word vectors 'chive' (the table must be "
    assert f"\nconfig:     {config}" in result.output
    assert re.search(r"^thresholds: low_pay 0\.\d\d, ", result.output, re.M) or "none tuned" in result.output
    assert re.search(r"^cv:         reason macro-F1 \d\.\d{3}", result.output, re.M)
    assert "{'" not in result.output, result.output
    meta = json.loads(run("info", "--model", out, "--json").output)
    assert meta["labels"]["reasons"]

    report = tmp_path / "report.json"
    result = run("evaluate", tiny_csv, "--model", out, "--json", report)
    assert result.exit_code == 0
    assert "## Primary reason" in result.output
    assert json.loads(report.read_text())["n_rows"] == 40


def test_evaluate_missing_column_names_file_and_column(run, tiny_model_dir, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("review,reasons,sentiment\n手数料,fees,negative\n", encoding="utf-8")
    result = run("evaluate", path, "--model", tiny_model_dir)
    assert result.exit_code == 2
    assert "x.csv" in result.stderr and "no column 'text'; the columns are" in result.stderr
    assert "give the right one to text_column= (--text-column on the command line)" in result.stderr


def test_evaluate_reads_cp932(run, tiny_model_dir, tmp_path):
    path = tmp_path / "sjis.csv"
    path.write_bytes("text,reasons,sentiment\n手数料が高い,fees,negative\n".encode("cp932"))
    result = run("evaluate", path, "--model", tiny_model_dir)
    assert result.exit_code == 0
    assert "Scored 1 of 1 rows" in result.output


def test_undecodable_file_is_a_clear_error(run, tiny_model_dir, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_bytes(b"text,reasons,sentiment\n\xff\xfe\x80\x81\xfc\xfc,fees,negative\n")
    result = run("evaluate", path, "--model", tiny_model_dir)
    assert result.exit_code == 2
    assert "broken.csv:2: cannot decode as UTF-8 or CP932" in result.stderr


def test_train_on_missing_file(run, tmp_path):
    result = run("train", tmp_path / "none.csv", "--out", tmp_path / "m")
    assert result.exit_code == 2
    assert "none.csv: no such file" in result.stderr


def test_training_data_problems_name_the_true_line_after_multi_line_texts(run, tmp_path):
    path = tmp_path / "bad.csv"
    content = 'text,reasons,sentiment\n"手数料が\n高すぎる",fees,negative\n\n,low_pay,negative\n単価,,\n'
    path.write_text(content, encoding="utf-8")  # a two-line text and a blank line before the bad rows
    result = run("train", path, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0", "--on-bad-rows", "error")
    assert result.exit_code == 2
    assert "bad.csv:5: text: empty" in result.stderr and "bad.csv:6: reasons: no label" in result.stderr
    assert "--on-bad-rows skip" in result.stderr  # says how to go on without them


def test_frame_problems_name_the_data_row(tmp_path):
    import pandas as pd

    import taikai

    texts, reasons = ["手数料が\n高い", "", "単価"], ["fees", "fees", ""]
    frame = pd.DataFrame({"text": texts, "reasons": reasons, "sentiment": ["negative", "negative", ""]})
    with pytest.raises(taikai.InputError, match=r"(?s)<frame>: row 2 \(data row, 1-based\): text: .*row 3 .*reasons"):
        taikai.train(frame, folds=0, test_size=0, on_bad_rows="error")


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("utf-8", r"big\.csv:20002: byte 0x92 is not valid utf-8"),
        (
            "foo",
            r"encoding='foo' \(--encoding on the command line\): unknown encoding",
        ),
    ],
)
def test_training_file_encoding_errors_name_the_line_or_the_option(run, tmp_path, encoding, message):
    path = tmp_path / "big.csv"  # about 700 kB: the bad byte is far past pandas' first buffer
    rows = "".join(f"手数料が高い{i},fees,negative\n" for i in range(20_000))
    path.write_bytes(f"text,reasons,sentiment\n{rows}".encode() + "単価,low_pay,negative\n".encode("cp932"))
    result = run("train", path, "--out", tmp_path / "m", "--encoding", encoding)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert re.search(message, result.stderr), result.stderr


def _older_sklearn(model_dir):
    meta = json.loads((model_dir / "metadata.json").read_text())
    meta["versions"]["scikit-learn"] = "0.24.2"
    (model_dir / "metadata.json").write_text(json.dumps(meta))


def _retired_format(model_dir):
    meta = json.loads((model_dir / "metadata.json").read_text())
    meta["format"] = 1
    (model_dir / "metadata.json").write_text(json.dumps(meta))


@pytest.mark.parametrize(
    ("spoil", "refusal"),
    [
        (flip_a_byte, r"sha256 \w+ does not match"),
        (_older_sklearn, r"scikit-learn: model trained with 0\.24\.2"),
        (_retired_format, r"a model of format 1, written by taikai \S+ \(its metadata says so\), cannot be loaded"),
    ],
)
def test_info_metadata_only_shows_a_refused_model_without_unpickling(
    run, tiny_model_dir, tmp_path, monkeypatch, spoil, refusal
):
    import shutil

    import joblib

    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    spoil(model_dir)
    result = CliRunner().invoke(cli, ["info", "--model", str(model_dir)])
    assert result.exit_code == 2
    assert re.search(refusal, result.stderr) and "--metadata-only" in result.stderr

    def no_unpickling(*args, **kwargs):
        raise AssertionError("info --metadata-only unpickled the artifact")

    monkeypatch.setattr(joblib, "load", no_unpickling)
    result = CliRunner().invoke(cli, ["info", "--model", str(model_dir), "--metadata-only"])
    assert result.exit_code == 0, result.output
    assert re.search(refusal, result.stderr), result.stderr
    assert "fees" in result.stdout and "cv" in result.stdout
    if spoil is not _retired_format:
        assert "REFUSED when loading" in result.stdout
    # Regression: --json said nothing of the refusal (only stderr did)
    shown = run("info", "--model", model_dir, "--metadata-only", "--json")
    assert shown.exit_code == 0
    meta = json.loads(shown.stdout)
    assert meta["training_data"]["rows"] == 40
    assert meta["status"]["loaded"] is False and meta["status"]["refused"] is True
    assert re.search(refusal, meta["status"]["problems"][0])


def _artifact_a_directory(model_dir):
    (model_dir / "model.joblib").unlink()
    (model_dir / "model.joblib").mkdir()


@pytest.mark.parametrize(
    ("spoil", "metadata", "refusal"),
    [
        (
            lambda d: (d / "metadata.json").write_text("[]", encoding="utf-8"),
            {"metadata": []},
            "{d}/metadata.json: not taikai model metadata (it holds other JSON, a JSON list: was it overwritten?)",
        ),
        (
            _artifact_a_directory,
            {"max_chars": 10000},
            "{d}/model.joblib: a directory, not the model's file; put the model's model.joblib in its place",
        ),
    ],
    ids=["metadata a list", "model.joblib a directory"],
)
def test_info_metadata_only_shows_odd_model_directories_with_a_status(
    run, tiny_model_dir, tmp_path, spoil, metadata, refusal
):
    """Regressions: metadata.json holding [] printed just [] under --json, with no status object; model.joblib
    being a directory ended in "taikai: error: …: cannot read (Is a directory)", exit 2, not REFUSED, exit 0."""
    import shutil

    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    spoil(model_dir)
    refusal = refusal.format(d=model_dir)
    shown = run("info", "--model", model_dir, "--metadata-only", "--json")
    assert shown.exit_code == 0, shown.output
    values = json.loads(shown.stdout)
    assert values.items() >= metadata.items()
    assert values["status"]["loaded"] is False and values["status"]["refused"] is True
    assert values["status"]["problems"][0].startswith(refusal)
    assert shown.stderr.startswith(f"taikai: warning: loading this model would be refused: {refusal}")
    loading = run("info", "--model", model_dir)
    assert loading.exit_code == 2 and loading.stderr.startswith(f"taikai: error: {refusal}")


_UNCHECKED = (
    "that the artifact is a taikai pipeline, and the labels, thresholds and feature configuration against it: only "
    "loading checks them (taikai info without --metadata-only)"
)


@pytest.mark.parametrize(
    ("extra", "status"),
    [
        ([], {"loaded": True, "refused": False, "problems": []}),
        (["--metadata-only"], {"loaded": False, "refused": None, "problems": [], "unchecked": _UNCHECKED}),
    ],
)
def test_info_json_has_the_status_of_a_sound_model(run, tiny_model_dir, extra, status):
    meta = json.loads(run("info", "--model", tiny_model_dir, "--json", *extra).stdout)
    assert meta["status"] == status


def test_info_metadata_only_does_not_call_a_model_with_other_labels_sound(run, tiny_model_dir, tmp_path):
    """Regression: --metadata-only --json said refused: false of a model whose labels differ from its artifact's
    classes, which loading refuses: metadata alone cannot tell."""
    import shutil

    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    meta = json.loads((model_dir / "metadata.json").read_text(encoding="utf-8"))
    meta["labels"]["reasons"].append("spam")
    (model_dir / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    assert "labels.reasons names 'spam'" in CliRunner().invoke(cli, ["info", "--model", str(model_dir)]).stderr
    shown = json.loads(run("info", "--model", model_dir, "--metadata-only", "--json").stdout)
    assert shown["status"] == {"loaded": False, "refused": None, "problems": [], "unchecked": _UNCHECKED}
    text = run("info", "--model", model_dir, "--metadata-only").stdout
    assert (
        f"status:     sha256 and library versions match (metadata only: not loaded, so not checked: {_UNCHECKED})"
        in text
    )


def test_info_names_the_reasons_at_the_default_threshold(run, tiny_model_dir, tmp_path):
    """Regression: an older --refit-all model, without a threshold for a reason only its test rows had, was refused;
    it loads, and info says which reasons are at the default."""
    import shutil

    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    meta = json.loads((model_dir / "metadata.json").read_text(encoding="utf-8"))
    del meta["reason_thresholds"]["platform_switch"]
    (model_dir / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    result = run("info", "--model", model_dir)
    assert result.exit_code == 0 and "status:     verified and loaded" in result.output
    line = next(x for x in result.output.splitlines() if x.startswith("thresholds: "))
    assert line.endswith("; none tuned, so at 0.3: platform_switch") and "platform_switch 0." not in line, line


def _broken_labelled(tmp_path, tiny_csv):
    """The tiny labelled file in CP932 with one undecodable byte pair in the text of its second row (line 3)."""
    lines = tiny_csv.read_text(encoding="utf-8").splitlines()
    data = "\n".join(lines).encode("cp932").replace("時給".encode("cp932"), b"\x81\x20", 1)
    path = tmp_path / "broken.csv"
    path.write_bytes(data + b"\n")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", "{data}", "--model", "{model}"],
        ["train", "{data}", "--out", "{tmp}/m", "--folds", "0", "--test-size", "0"],
        ["suggest", "{predictions}", "-o", "{tmp}/sheet.csv", "--n", "3"],
        ["drift", "{data}", "--model", "{model}"],
        ["rules", "test", "{rules}", "{data}", "--model", "{model}"],
        ["report", "{predictions}", "-o", "{tmp}/r.html", "--no-drift"],
    ],
)
def test_every_command_that_reads_a_text_file_takes_encoding_errors(tmp_path, tiny_csv, tiny_model_dir, command):
    from pathlib import Path

    import pandas as pd

    import taikai

    data = _broken_labelled(tmp_path, tiny_csv)
    predictions = tmp_path / "predictions.csv"
    if "{predictions}" in command:
        dump = tmp_path / "dump.csv"
        dump.write_text("text\n" + "\n".join(pd.read_csv(tiny_csv)["text"]) + "\n", encoding="utf-8")
        taikai.classify_file(dump, predictions, "text", model=tiny_model_dir)
        raw = predictions.read_bytes()  # UTF-8 with one stray byte in a text: an undecodable byte
        predictions.write_bytes(raw.replace("時給".encode(), b"\xff", 1))
    names = {"data": data, "model": tiny_model_dir, "tmp": tmp_path, "predictions": predictions}
    names["rules"] = Path(__file__).parents[2] / "examples" / "rules.toml"
    args = [part.format(**names) for part in command]
    result = CliRunner().invoke(cli, [*args, "--encoding-errors", "strict"])
    assert result.exit_code == 2, result.output
    assert (
        "encoding_errors='replace' (--encoding-errors replace on the command line)" in result.stderr
        and "Traceback" not in result.output
    )
    result = CliRunner().invoke(cli, [*args, "--encoding-errors", "replace"])
    assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output  # drift: 1 is "drift: yes"
    warned = r"taikai: warning: .*: 1 row\(s\) hold 1 undecodable byte\(s\) read as U\+FFFD: line\(s\) \d"
    assert re.search(warned, result.stderr), result.stderr


_BAD_RECORD = 'id,text\nP001,手数料が高い\nP002,"bad line 田中さん 090-1111-2222",extra,fields\n'


@pytest.mark.parametrize(
    ("command", "options", "hint"),
    [
        (
            "batch",
            ["--text-column", "text", "-o", "{out}.csv"],
            "fix it, or pass on_bad_lines='report' (--on-bad-lines report on the command line) to set such lines aside",
        ),
        ("report", ["-o", "{out}.html"], "fix it (every record needs one field per column)"),
        ("suggest", ["-o", "{out}.csv"], "fix it (every record needs one field per column)"),
    ],
)
@pytest.mark.parametrize("mask", [True, False])
def test_a_malformed_record_s_text_is_masked_in_the_error_with_mask_pii(run, tmp_path, command, options, hint, mask):
    """report and suggest quoted a malformed record's text unmasked under --mask-pii (batch masked it)."""
    data = tmp_path / "in.csv"
    data.write_text(_BAD_RECORD, encoding="utf-8")
    given = [o.format(out=tmp_path / "out") for o in options] + (["--mask-pii"] if mask else [])
    result = run(command, str(data), *given)
    assert result.exit_code == 2, result.output
    text = "[人名]さん [電話番号]" if mask else "田中さん 090-1111-2222"
    assert f'taikai: error: {data}:3: malformed record (expected 2 fields, found 4): \'P002,"bad line {text}"' in (
        result.output
    ), result.output
    assert hint in result.output


@pytest.fixture(scope="module")
def own_model_dir(tmp_path_factory):
    """A model of one's own labels (--free-labels): topics, no sentiment head, no Japanese display names."""
    import pandas as pd

    import taikai

    texts = {
        "スポーツ": ["野球の試合で勝った", "サッカーの得点王", "野球の選手が打った", "サッカーの試合を見た"],
        "IT/技術": ["新しいスマホが出た", "パソコンの性能が上がった", "アプリを開発した", "スマホのアプリ"],
    }
    df = pd.DataFrame([(t, label) for label, ts in texts.items() for t in ts], columns=["text", "label"])
    out = tmp_path_factory.mktemp("own") / "m"
    config = taikai.FeatureConfig()
    taikai.train(df, out, config, folds=0, test_size=0, reasons_column="label", sentiment_column=None, free_labels=True)
    return out


@pytest.mark.parametrize(
    ("args", "said"),
    [  # regression: a label of one's own was followed by itself as its display name: "スポーツ (スポーツ)"
        (["explain", "野球の試合"], "reason: スポーツ  p="),
        (["keywords", "--top", "1"], "reason スポーツ: "),
        (["batch", "{dump}", "--text-column", "text", "-o", "{out}"], "reasons: IT/技術 1, スポーツ 1"),
    ],
)
def test_a_label_of_ones_own_is_not_named_twice(run, own_model_dir, tmp_path, args, said):
    dump = tmp_path / "dump.csv"
    dump.write_text("text\n野球の試合\nスマホのアプリ\n", encoding="utf-8")
    args = [a.format(dump=dump, out=tmp_path / "out.csv") for a in args]
    result = run(*args, "--model", own_model_dir)
    assert result.exit_code == 0, result.output
    assert said in result.output
    assert "(スポーツ)" not in result.output and "(IT/技術)" not in result.output


def test_the_report_names_a_label_of_ones_own_once(run, own_model_dir, tmp_path):
    dump, predictions, page = tmp_path / "dump.csv", tmp_path / "p.csv", tmp_path / "r.html"
    dump.write_text("text\n野球の試合\nスマホのアプリ\n", encoding="utf-8")
    assert run("batch", dump, "--text-column", "text", "-o", predictions, "--model", own_model_dir).exit_code == 0
    result = run("report", predictions, "--model", own_model_dir, "-o", page)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "<td>スポーツ</td>" in html  # the representative reviews' reason column
    assert "スポーツ (スポーツ)" not in html and "IT/技術 (IT/技術)" not in html


@pytest.fixture(scope="module")
def comma_model_dir(tmp_path_factory):
    """A model of one's own labels, one of which holds a comma (as the README allows) and one a space."""
    import pandas as pd

    import taikai

    texts = {
        "家庭, 育児": ["子どもの世話で時間がない", "育児で手が離せない", "家事と育児で忙しい", "子どもが小さくて無理"],
        "支払い 遅延": ["報酬の支払いが遅れた", "入金が三か月遅れた", "支払いがまだ来ない", "振込が遅延している"],
        "独立": ["直接契約に移った", "独立して事務所を開いた", "会社に就職した", "直接取引を始めた"],
    }
    df = pd.DataFrame([(t, label) for label, ts in texts.items() for t in ts], columns=["text", "reasons"])
    out = tmp_path_factory.mktemp("comma") / "m"
    taikai.train(df, out, taikai.FeatureConfig(), folds=0, test_size=0, sentiment_column=None, free_labels=True)
    return out


@pytest.mark.parametrize(
    ("args", "said"),
    [  # regression: "家庭, 育児, 支払い 遅延, 独立" read as four labels
        (["info"], "reasons:    '家庭, 育児', 支払い 遅延, 独立  (free labels: the user's own"),
        # regression: a --no-sentiment model's config said "C 30/30 (reasons/sentiment)"
        (["info"], "min_df 2, C 30, class weight balanced (reasons only: no sentiment)\n"),
        (
            ["evaluate", "{bad}", "--no-sentiment"],
            "use one of the reasons '家庭, 育児', 支払い 遅延, 独立, or fix the typo",
        ),
        (["batch", "{dump}", "--text-column", "text", "-o", "{out}"], "reasons: '家庭, 育児' 1, 独立 1\n"),
        (["predict", "--top", "3", "育児で手が離せない"], "'家庭, 育児' 0."),
    ],
)
def test_a_label_holding_a_comma_is_quoted_in_lists(run, comma_model_dir, tmp_path, args, said):
    dump, bad = tmp_path / "dump.csv", tmp_path / "bad.csv"
    dump.write_text("text\n育児で手が離せない\n直接契約に移った\n", encoding="utf-8")
    bad.write_text("text,reasons\n育児で忙しい,家庭\n", encoding="utf-8")
    args = [a.format(dump=dump, bad=bad, out=tmp_path / "out.csv") for a in args]
    result = run(*args, "--model", comma_model_dir)
    assert said in result.output, result.output


@pytest.mark.parametrize("command", [["info"], ["predict", "手数料が高い"]])
def test_an_empty_model_path_is_refused(command):
    """Regression: --model '' silently meant the current directory."""
    result = CliRunner().invoke(cli, [*command, "--model", ""])
    assert result.exit_code == 2
    assert "invalid value for --model / -m: '' is empty: give the directory of a trained model, or leave " in (
        result.stderr
    )


@pytest.mark.parametrize(
    "command",
    [
        ["predict", "--rules", "", "手数料が高い"],
        ["explain", "--rules", " ", "手数料が高い"],
        ["batch", "in.csv", "--rules", ""],
    ],
)
def test_an_empty_rules_path_is_refused(command):
    """Regression: --rules '' was read as the current directory: ".: cannot read the rules file (Is a directory)"."""
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 2
    given = command[command.index("--rules") + 1]
    said = f"invalid value for --rules: {given!r} is {'blank' if given else 'empty'}: give a rules file such as "
    assert said + "rules.toml, or leave --rules out" in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("content", "hint"),
    [(b"", False), (b"{not json", False), (json.dumps({"format": "6"}).encode(), True)],
)
def test_info_offers_metadata_only_only_when_it_can_read_the_metadata(tiny_model_dir, tmp_path, content, hint):
    """Regression: the hint was given for an empty metadata.json, and --metadata-only then failed the same way."""
    import shutil

    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir)
    (model_dir / "metadata.json").write_bytes(content)
    result = CliRunner().invoke(cli, ["info", "--model", str(model_dir)])
    assert result.exit_code == 2 and result.stderr.startswith(f"taikai: error: {model_dir / 'metadata.json'}")
    assert (
        f"taikai info --model {shlex.quote(str(model_dir))} --metadata-only shows its metadata" in result.stderr
    ) is hint


@pytest.mark.parametrize(
    ("given", "named"),
    [("my model", " --model 'my model'"), ("モデル", " --model 'モデル'"), (None, "")],
    ids=["quoted", "japanese", "the-default-model"],
)
def test_infos_metadata_only_hint_followed_literally_shows_the_same_model(
    tiny_model_dir, tmp_path, monkeypatch, given, named
):
    """Regression: the hint said taikai info --metadata-only without the --model given, so following it showed the
    shipped model instead of the refused one."""
    import shlex
    import shutil

    monkeypatch.chdir(tmp_path)
    model_dir = tmp_path / (given or "env model")
    shutil.copytree(tiny_model_dir, model_dir)
    with (model_dir / "model.joblib").open("ab") as f:
        f.write(b"x")  # refused by its sha256
    monkeypatch.setenv("TAIKAI_MODEL", str(model_dir))  # the default model, when no --model is given
    result = CliRunner().invoke(cli, ["info"] + ([] if given is None else ["--model", given]))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()  # one line, the hint at its end
    hint = line[line.rindex("(taikai info") :]
    assert hint == f"(taikai info{named} --metadata-only shows its metadata without loading it)"
    followed = CliRunner().invoke(cli, shlex.split(hint[1:].split(" shows")[0])[1:])
    assert followed.exit_code == 0 and f"model:      {given or model_dir}" in followed.output, followed.output


@pytest.mark.parametrize(
    "command",
    [
        ["batch", "{data}", "-o", "{tmp}/out.csv", "--text-column", "text", "--model", "{model}", "--prefix", "p_"],
        ["drift", "{data}", "--model", "{model}"],
        ["train", "{data}", "-o", "{tmp}/m", "--folds", "0"],
    ],
    ids=["batch", "drift", "train"],
)
@pytest.mark.parametrize("errors", [[], ["--encoding-errors", "replace"]], ids=["strict", "replace"])
def test_an_euc_jp_file_that_cp932_cannot_decode_is_named_euc_jp(
    run, tiny_model_dir, tiny_csv, tmp_path, command, errors
):
    path = tmp_path / "euc.csv"  # a real-size EUC-JP file: CP932 fails on it, it is not short EUC-JP mojibake
    path.write_bytes(Path(tiny_csv).read_text(encoding="utf-8").encode("euc_jp"))
    result = run(*[a.format(data=path, tmp=tmp_path, model=tiny_model_dir) for a in command], *errors)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(
        f"taikai: error: {path}:2: the file looks like EUC-JP: it does not decode as UTF-8 or CP932, but does as "
        "EUC-JP, that line reading as '"
    ), result.stderr
    assert result.stderr.endswith("; pass encoding='euc-jp' (--encoding euc-jp on the command line)\n"), (
        result.stderr
    )  # not encoding_errors=
    read = run(*[a.format(data=path, tmp=tmp_path, model=tiny_model_dir) for a in command], "--encoding", "euc-jp")
    assert read.exit_code in (0, 1), read.output  # read (drift exits 1 when the data drifted)
    assert "EUC-JP" not in read.stderr, read.stderr


TAB_HINT = "The one column name holds tabs: the file looks tab-separated; give it a .tsv name"
TAB_FORMAT_HINT = (
    "The one column name holds tabs: the file looks tab-separated; read it as TSV (input_format='tsv', "
    "--input-format tsv on the command line) or give it a .tsv name"
)
SEMICOLON_HINT = "The one column name holds semicolons: the file looks semicolon-separated, which taikai does not read"
ONE_COLUMN_COMMANDS = pytest.mark.parametrize(
    ("command", "data", "tab_hint"),
    [
        (
            ["batch", "{data}", "-o", "{tmp}/out.csv", "--text-column", "text", "--model", "{model}"],
            "labelled",
            TAB_FORMAT_HINT,
        ),
        (["drift", "{data}", "--model", "{model}"], "labelled", TAB_FORMAT_HINT),
        (["train", "{data}", "-o", "{tmp}/m", "--folds", "0"], "labelled", TAB_HINT),
        (["evaluate", "{data}", "--model", "{model}"], "labelled", TAB_HINT),
        (["rules", "test", str(Path(__file__).parents[2] / "examples" / "rules.toml"), "{data}"], "labelled", TAB_HINT),
        (["suggest", "{data}", "-o", "{tmp}/s.xlsx"], "predictions", TAB_HINT),
        (["report", "{data}", "-o", "{tmp}/r.html", "--model", "{model}"], "predictions", TAB_HINT),
    ],
    ids=["batch", "drift", "train", "evaluate", "rules test", "suggest", "report"],
)


@ONE_COLUMN_COMMANDS
@pytest.mark.parametrize("separator", ["\t", ";"], ids=["tabs", "semicolons"])
def test_a_file_read_as_one_column_says_what_separates_it(
    run, tiny_model, tiny_model_dir, tiny_csv, tmp_path, command, data, tab_hint, separator
):
    """Regression: --input-format was named to report and suggest (and their functions), which do not take it."""
    labelled = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    frame = labelled if data == "labelled" else tiny_model.predict_frame(labelled[["text"]])
    path = tmp_path / "export.csv"  # an Excel "text (tab-separated)" export named .csv, or a European CSV
    frame.to_csv(path, sep=separator, index=False)
    args = [a.format(data=path, tmp=tmp_path, model=tiny_model_dir) for a in command]
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("taikai: error: ") and "export.csv: " in result.stderr
    hint = tab_hint if separator == "\t" else SEMICOLON_HINT
    assert hint in result.stderr, result.stderr
    assert ("--input-format" in result.stderr) is (hint == TAB_FORMAT_HINT), result.stderr


@ONE_COLUMN_COMMANDS
def test_a_tab_separated_file_with_a_comma_in_a_text_says_what_separates_it(
    run, tiny_model, tiny_model_dir, tiny_csv, tmp_path, command, data, tab_hint
):
    """Regression: a comma in a text of a tab-separated .csv stopped train, evaluate and rules test at a malformed
    record (expected 1 fields, found 2) without the hint the missing-column error gives."""
    labelled = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    frame = labelled if data == "labelled" else tiny_model.predict_frame(labelled[["text"]])
    frame.loc[len(frame) - 1, "text"] = "手数料が高い, 本当に"
    path = tmp_path / "export.csv"
    frame.to_csv(path, sep="\t", index=False)
    args = [a.format(data=path, tmp=tmp_path, model=tiny_model_dir) for a in command]
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("taikai: error: ") and "export.csv" in result.stderr
    assert tab_hint in result.stderr, result.stderr


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("command", "patched"),
    [
        (["predict", "手数料が高い"], "taikai.model.load_model"),
        (["train", "{data}", "--out", "{out}"], "taikai.training.train"),
        (["batch", "{data}", "-o", "{out}.csv", "--text-column", "text"], "taikai.batch.run_local"),
        (["drift", "{data}"], "taikai.drift.check_drift"),
    ],
    ids=["predict", "train", "batch", "drift"],
)
def test_ctrl_c_while_a_command_starts_exits_130(run, monkeypatch, tiny_csv, tmp_path, command, patched):
    """Regression: Ctrl-C while a command imported or loaded was click's "Aborted!", exit 1 (README: 130)."""
    module, _, name = patched.rpartition(".")
    monkeypatch.setattr(__import__(module, fromlist=[name]), name, _interrupt)
    result = run(*(a.format(data=tiny_csv, out=tmp_path / "out") for a in command))
    assert result.exit_code == 130
    assert "interrupted" in result.stderr and "Aborted!" not in result.output
