"""Results written to a standard output whose encoding cannot hold every character (CP932: Japanese Windows, a
file redirected from ``PYTHONIOENCODING=cp932``): such characters become ``?`` (said once on standard error), or
``\\uXXXX`` escapes in JSON; never a traceback."""

import json

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.cli._stdout import fit_encoding

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
    ],
    ids=["encodable", "replaced", "json-escaped", "surrogate"],
)
def test_fit_encoding(text, as_json, fitted, lost):
    assert fit_encoding(text, "cp932", as_json) == (fitted, lost)
