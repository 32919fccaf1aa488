"""Results written to a standard output whose encoding cannot hold every character (CP932: Japanese Windows, a
file redirected from ``PYTHONIOENCODING=cp932``): such characters become ``?`` (said once on standard error), or
``\\uXXXX`` escapes in JSON; never a traceback."""

import errno
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.cli._stdout import echo_encodable, fit_encoding, write_advice

TEXT = "独立しました😀"
WARNING = "taikai: warning: standard output's encoding (cp932) cannot hold 1 character(s) of the output (U+1F600)"


def run_cp932(*args: object):
    """Run ``taikai ARGS`` with standard output (and error) encoded in CP932."""
    return CliRunner(charset="cp932").invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["predict", TEXT], "独立しました?"),
        (["predict", TEXT, "𠮷野家😀"], "?野家?"),  # one warning for the whole table
        (["explain", "--top", "1", TEXT], "  独立しました?"),
    ],
    ids=["predict", "predict-two", "explain"],
)
def test_text_output_writes_what_cp932_cannot_hold_as_a_question_mark(tiny_model_dir, command, shown):
    """Regression: a UnicodeEncodeError traceback, exit 1, nothing printed."""
    result = run_cp932(*command, "-m", tiny_model_dir)
    assert result.exit_code == 0, result.output
    assert shown in result.stdout_bytes.decode("cp932")
    assert result.stderr.count("cannot hold") == 1
    assert "written as ?; to keep every character, have it written as UTF-8 (PYTHONIOENCODING=utf-8" in result.stderr


def test_the_warning_names_the_character(tiny_model_dir):
    result = run_cp932("predict", TEXT, "-m", tiny_model_dir)
    assert result.stderr.startswith(WARNING)


@pytest.mark.parametrize(
    ("command", "text_of"),
    [
        (["predict", TEXT, "--format", "json"], lambda out: json.loads(out)[0]["text"]),
        (["predict", TEXT, "--format", "jsonl"], lambda out: json.loads(out)["text"]),
        (["explain", TEXT, "--format", "json"], lambda out: json.loads(out)["text"]),
    ],
    ids=["predict-json", "predict-jsonl", "explain-json"],
)
def test_json_output_escapes_what_cp932_cannot_hold(tiny_model_dir, command, text_of):
    """JSON keeps every character: ``\\ud83d\\ude00``, valid JSON in CP932, read back as the emoji; no warning."""
    result = run_cp932(*command, "-m", tiny_model_dir)
    assert result.exit_code == 0, result.output
    out = result.stdout_bytes.decode("cp932")
    assert "\\ud83d\\ude00" in out
    assert text_of(out) == TEXT
    assert "cannot hold" not in result.stderr


@pytest.mark.parametrize(
    ("text", "as_json", "fitted", "lost"),
    [
        ("手数料が高い", False, "手数料が高い", []),
        ("高い😀😀𠮷", False, "高い???", ["😀", "𠮷"]),
        ("高い😀", True, "高い\\ud83d\\ude00", ["😀"]),
        ("\udc81a", False, "?a", ["\udc81"]),  # a lone surrogate encodes in no encoding
        ("F1 0.9 \u00b7 Jensen\u2013Shannon \u2014", False, "F1 0.9 \u30fb Jensen-Shannon \u2015", []),
        ("0.9 \u00b7 😀", False, "0.9 \u30fb ?", ["😀"]),
        ("\u00b7", True, "\\u00b7", ["\u00b7"]),  # JSON keeps the character itself
    ],
    ids=["encodable", "replaced", "json-escaped", "surrogate", "look-alikes", "look-alike-and-lost", "json-kept"],
)
def test_fit_encoding(text, as_json, fitted, lost):
    assert fit_encoding(text, "cp932", as_json) == (fitted, lost)


RULES = Path(__file__).parents[2] / "examples" / "rules.toml"


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["info", "-m", "{model}"], " \u30fb "),
        (["evaluate", "{data}", "-m", "{model}"], " \u30fb macro-F1 "),
        (["train", "{data}", "--vectors", "none", "--folds", "2", "-o", "{out}"], " \u30fb reason accuracy "),  # stderr
        (["evaluate", "{data}", "-m", "{model}", "--json", "-"], " \u30fb macro-F1 "),  # the text on stderr
        (["drift", "{data}", "-m", "{model}"], "reason mix shift (Jensen-Shannon, bits)"),
        (["keywords", "-m", "{model}"], "reason fees ("),
        (["predict", "手数料が高い", "-m", "{model}"], "手数料が高い"),
        (["explain", "手数料が高い", "-m", "{model}"], "手数料が高い"),
        (["rules", "test", str(RULES), "{data}"], "precision"),
    ],
    ids=["info", "evaluate", "train", "evaluate-json", "drift", "keywords", "predict", "explain", "rules-test"],
)
def test_usual_output_fits_cp932_without_a_warning(tiny_model_dir, tiny_csv, tmp_path, command, shown):
    """Regression: taikai's own · (figure lines) and – (Jensen–Shannon) were written as ? with a warning on every
    CP932 terminal; they are written as their look-alikes ・ and -, and nothing is said."""
    names = {"model": tiny_model_dir, "data": tiny_csv, "out": tmp_path / "m"}
    result = run_cp932(*(arg.format(**names) for arg in command))
    assert result.exit_code == 0, result.output
    # train's summary and --json -'s text report are on standard error (h306), which writes them alike
    on_stderr = command[0] == "train" or command[-2:] == ["--json", "-"]
    out = (result.stderr_bytes if on_stderr else result.stdout_bytes).decode("cp932")
    assert shown in out, out
    assert "?" not in out and "\\x" not in out  # no character written as ? (stdout) or \xb7 (stderr)
    assert "cannot hold" not in result.stderr


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        (["独立😀", "独立😀"], "cannot hold 1 character(s) of the output (U+1F600)"),  # the second line: no word
        (
            ["😀😁😂😃😄😅"],
            "cannot hold 6 character(s) of the output (U+1F600, U+1F601, U+1F602, U+1F603, U+1F604, and 1 more)",
        ),
    ],
    ids=["two-lines", "six-characters"],
)
def test_a_command_warns_once_of_the_characters_its_output_loses(lines, said):
    @click.command()
    def command() -> None:
        for line in lines:
            echo_encodable(line)

    result = CliRunner(charset="cp932").invoke(command, [])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("taikai: warning:") == 1 and said in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("number", "said"),
    [(errno.EBADF, "run it with standard output open"), (errno.ENOSPC, "check the file or device it is redirected to")],
)
def test_a_failed_write_to_standard_output_is_told_what_to_do(number, said):
    assert write_advice(OSError(number, "failed")).startswith(said)
