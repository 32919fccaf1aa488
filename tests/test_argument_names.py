"""Messages name an argument with its command-line option (taikai._argument_names): a value shown on the command
line is quoted for the shell, so that a hint holding a column or a file with a space or a quote can be pasted."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai._argument_names import shell_quote
from taikai.cli import cli
from taikai.errors import Argument, InputError

KIND = Argument("kind", "--kind")


@pytest.mark.parametrize(
    ("values", "said"),
    [
        (["word"], "kind='word' (--kind word on the command line)"),
        (["word", "all"], "kind='word' or kind='all' (--kind word or --kind all on the command line)"),
        (["退会 理由"], "kind='退会 理由' (--kind '退会 理由' on the command line)"),
        (["it's"], "kind=\"it's\" (--kind 'it'\"'\"'s' on the command line)"),
        (["a;b"], "kind='a;b' (--kind 'a;b' on the command line)"),
        (["$HOME"], "kind='$HOME' (--kind '$HOME' on the command line)"),
        ([3], "kind=3 (--kind 3 on the command line)"),
    ],
    ids=["plain", "two", "space", "quote", "semicolon", "dollar", "number"],
)
def test_either_quotes_its_values_for_the_shell(values, said):
    """Regression: ``--reasons-column 退会 理由`` was shown unquoted, two words to the shell."""
    assert KIND.either(values) == said


@pytest.mark.parametrize("value", ["退会 理由", "it's", 'say "no"', "a b&c"])
def test_the_option_given_in_either_reads_back_as_the_value(value):
    shown = KIND.either([value])
    line = shown[shown.index("(") + 1 : shown.rindex(" on the command line)")]
    assert shlex.split(line) == ["--kind", value]


def test_python_only_arguments_are_not_quoted():
    assert Argument("kind").either(["退会 理由"]) == "kind='退会 理由'"


@pytest.mark.parametrize(
    ("argument", "values", "said"),
    [
        (KIND, ["word", "all"], "--kind word or --kind all"),
        (KIND, ["退会 理由"], "--kind '退会 理由'"),
        (Argument("kind"), ["word"], ""),  # no option gives it
    ],
)
def test_the_option_alone_is_quoted_as_either_quotes_it(argument, values, said):
    assert argument.on_command_line(values) == said


def test_train_hint_for_label_columns_with_spaces_can_be_pasted(tmp_path, tiny_csv):
    """Regression: ``taikai train`` on data whose label columns were '退会 理由' and "it's sentiment" said
    ``--reasons-column 退会 理由`` and ``--sentiment-column it's sentiment``: pasted, the shell split or choked."""
    data = tmp_path / "spaced.csv"
    frame = pd.read_csv(tiny_csv).rename(columns={"reasons": "退会 理由", "sentiment": "it's sentiment"})
    frame.to_csv(data, index=False)
    result = CliRunner().invoke(cli, ["train", str(data), "--out", str(tmp_path / "m")])
    assert result.exit_code != 0
    given = re.findall(r"\((--[a-z-]+ .*?) on the command line\)", result.output)
    assert [shlex.split(g) for g in given] == [
        ["--reasons-column", "退会 理由"],
        ["--sentiment-column", "it's sentiment"],
    ], result.output


def test_a_txt_table_is_told_to_predict_with_its_path_quoted(tmp_path):
    """Regression: ``taikai predict < /path/my data.txt`` was said unquoted."""
    from taikai.io import format_of

    path = tmp_path / "my data.txt"
    path.write_text("手数料が高い\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        format_of(path)
    said = str(raised.value)
    command = said[said.index("taikai predict < ") : said.index(" on the command line")]
    assert shlex.split(command) == ["taikai", "predict", "<", str(path)], said


def test_sentiment_column_refused_beside_no_sentiment_is_quoted(tmp_path, tiny_csv):
    """Regression: ``--sentiment-column my tone`` was echoed unquoted in the refusal of ``--no-sentiment``."""
    args = ["train", str(tiny_csv), "--out", str(tmp_path / "m"), "--no-sentiment", "--sentiment-column", "my tone"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "--sentiment-column 'my tone' names a column of sentiments" in result.output, result.output


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("退会理由\n(自由記述)", "$'退会理由\\n(自由記述)'"),  # a header cell typed with Alt+Enter in Excel
        ("退会理由\r\n(自由記述)", "$'退会理由\\r\\n(自由記述)'"),
        ("a b\tc", "$'a b\\tc'"),
        ("it's\nhere", "$'it\\'s\\nhere'"),
        ("back\\slash\n", "$'back\\\\slash\\n'"),
        ("unit\x1fsep", "$'unit\\x1fsep'"),
        ("line\u2028sep", "$'line\\u2028sep'"),
        ("退会 理由", "'退会 理由'"),  # printable: as shlex.quote says it
        ("本文", "'本文'"),
        ("text", "text"),
    ],
    ids=["alt-enter", "crlf", "tab", "quote", "backslash", "control", "line-separator", "space", "kanji", "plain"],
)
def test_a_value_that_prints_as_no_character_is_quoted_with_escapes(value, said):
    """Regression: a column named with a line break (``退会理由⏎(自由記述)``) was told as ``--text-column '退会理由``,
    the message's line ending inside the quotes, and pasting ``'退会理由\\n(自由記述)'`` gave two characters ``\\n``."""
    assert shell_quote(value) == said
    assert "\n" not in KIND.either([value]) and "\t" not in KIND.either([value])


@pytest.mark.slow  # a bash subprocess per value
@pytest.mark.parametrize("value", ["退会理由\n(自由記述)", "a b\tc", "it's\r\nhere", "back\\slash\x1f", "l\u2028s"])
def test_bash_reads_the_quoted_value_back(value):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash here")
    done = subprocess.run([bash, "-c", f"printf %s {shell_quote(value)}"], capture_output=True, check=True)
    assert done.stdout.decode("utf-8") == value


def test_batch_without_text_column_names_a_column_with_a_line_break_on_one_line(tmp_path, tiny_csv, tiny_model_dir):
    """Regression: ``taikai batch`` of an Excel CSV whose review column's header holds a line break said
    ``--text-column '退会理由`` and, on a second ``taikai: error:`` line, ``(自由記述)'``: nothing to paste."""
    data = tmp_path / "アンケート.csv"
    texts = pd.read_csv(tiny_csv)["text"].head(6)
    pd.DataFrame({"回答ID": range(6), "退会理由\n(自由記述)": texts}).to_csv(data, index=False, encoding="cp932")
    args = ["batch", str(data), "-o", str(tmp_path / "out.csv"), "--model", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.output.count("taikai: error:") == 1, result.output
    assert "--text-column $'退会理由\\n(自由記述)'" in result.output, result.output
