"""The commands that take review texts as arguments (``taikai.cli._text_args``): explain, which takes one, says
what to do with several instead of click's "Got unexpected extra argument"."""

import pytest
from click.testing import CliRunner

from taikai.cli import cli


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["手数料が高い", "時間がない"],
            "taikai: error: explain takes one review, but 2 were given ('手数料が高い', '時間がない'): to explain "
            "several, give them one per line on standard input: printf '%s\\n' '手数料が高い' '時間がない' | "
            "taikai explain -; or quote a review that holds spaces as one argument",
        ),
        (
            ["手数料が", "高い", "です"],
            "taikai: error: explain takes one review, but 3 were given ('手数料が', '高い', 'です')",
        ),
        (
            ["--", "-手数料", "高い"],  # after --, a text that starts with - is one of them
            "taikai: error: explain takes one review, but 2 were given ('-手数料', '高い')",
        ),
        # regression: - (standard input) was suggested as a review: printf '%s\n' - '単価が安い' | taikai explain -
        (
            ["-", "単価が安い"],
            "taikai: error: explain takes one review, but 2 were given (-, '単価が安い'): - reads the reviews from "
            "standard input: give it alone (taikai explain -), or give the review without it: taikai explain "
            "'単価が安い'\n",
        ),
        (
            ["-", "単価が安い", "手数料"],
            "taikai: error: explain takes one review, but 3 were given (-, '単価が安い', '手数料'): - reads the "
            "reviews from standard input: give it alone (taikai explain -), or to explain several, give them one "
            "per line on standard input: printf '%s\\n' '単価が安い' '手数料' | taikai explain -;",
        ),
        (
            ["-", "-"],
            "taikai: error: explain takes one review, but 2 were given (-, -): - reads the reviews from "
            "standard input: give it once (taikai explain -)\n",
        ),
    ],
)
def test_explain_given_several_texts_points_to_standard_input(tiny_model_dir, args, said):
    """Regression: click's usage block and "Error: Got unexpected extra argument (時間がない)"."""
    result = CliRunner().invoke(cli, ["explain", "-m", str(tiny_model_dir), *args], prog_name="taikai")
    assert result.exit_code == 2, result.output
    assert result.output.startswith(said), result.output
    assert "unexpected extra argument" not in result.output and "Usage:" not in result.output


def test_explain_given_one_text_still_explains_it(tiny_model_dir):
    result = CliRunner().invoke(cli, ["explain", "手数料が高い", "-m", str(tiny_model_dir)], prog_name="taikai")
    assert result.exit_code == 0, result.output
    assert "手数料" in result.output


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("報酬が安すぎる" + "\ufffd" * 8, "ok"),  # a review, then emoji lost upstream as U+FFFD: classified
        ("時給が低すぎて辞めました" + "\ufffd" * 13, "ok"),
        ("手" + "\ufffd" * 8, "error"),  # mostly U+FFFD, one kanji by chance: refused, about the text, not a file
    ],
)
def test_predict_and_classify_read_a_review_followed_by_u_fffd(tiny_model_dir, tiny_model, text, status):
    result = CliRunner().invoke(cli, ["predict", "-m", str(tiny_model_dir), text], prog_name="taikai")
    assert (result.exit_code == 0) == (status == "ok"), result.output
    classified = tiny_model.classify([text])
    assert classified.statuses[0] == status, classified.messages[0]
    if status == "error":
        assert classified.messages[0].endswith("decode the text in its own encoding (a file: read it in its encoding)")
        assert "decode the text in its own encoding" in result.output


@pytest.mark.parametrize(
    ("args", "said"),
    [  # regression: "predict has no option '--text-column': taikai predict --help lists its options", nothing else
        (
            ["predict", "--text-column", "本文", "{file}"],
            "predict has no option '--text-column' (see taikai predict --help); predict reads the texts given, not the "
            "columns of a file: to classify a column of '{file}', run taikai batch '{file}' -o OUT.csv --text-column "
            "COLUMN (its columns are ['id', '本文']); '本文' reads as reviews: --text-column '本文'",
        ),
        (  # -o was told to be a text starting with '-': put -- before it
            ["explain", "-o", "out.csv", "{file}"],
            "explain has no option '-o' (see taikai explain --help); explain reads the texts given, not the columns of "
            "a file: to classify a column of '{file}', run taikai batch '{file}'",
        ),
        (["predict", "--id-column", "id", "高い"], "to classify a column of FILE, run taikai batch FILE -o OUT.csv"),
    ],
)
def test_a_batch_option_given_to_a_command_of_texts_names_batch(tmp_path, args, said):
    path = tmp_path / "退会 理由.csv"
    path.write_text("id,本文\n1,報酬が安すぎて続けられませんでした。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, [a.format(file=path) for a in args], prog_name="taikai")
    assert result.exit_code == 2, result.output
    assert len(result.output.splitlines()) == 1, result.output
    assert result.output.startswith("taikai: error: ") and said.format(file=path) in result.output, result.output


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["explain"], None),
        (["explain"], "手数料が高い\n"),  # regression: piped as into predict, it said only "run taikai explain TEXT"
        (["explain", "--top", "2"], "手数料が高い\n"),
    ],
)
def test_explain_without_text_says_that_dash_reads_standard_input(args, stdin):
    result = CliRunner().invoke(cli, args, input=stdin, prog_name="taikai")
    assert result.exit_code == 2
    assert result.output == (
        "taikai: error: explain needs TEXT, which is missing: run taikai explain [OPTIONS] TEXT, or give - as TEXT "
        "to read one review per line of standard input (… | taikai explain -) (see taikai explain --help)\n"
    )


@pytest.mark.parametrize(
    ("args", "said", "hidden"),
    [
        (  # regression: the reviews were quoted as typed, and the commands advised dropped --mask-pii
            ["explain", "--mask-pii", "鈴木一郎さん", "suzuki.ichiro@example.jp"],
            "taikai: error: explain takes one review, but 2 were given ('[人名]さん', '[メール]'): to explain several, "
            "give them one per line on standard input: printf '%s\\n' '[人名]さん' '[メール]' | taikai explain "
            "--mask-pii -;",
            ["鈴木", "一郎", "suzuki"],
        ),
        (
            ["explain", "-", "山田さんから090-1234-5678に", "--mask-pii"],
            "give the review without it: taikai explain --mask-pii '[人名]さんから[電話番号]に'",
            ["山田", "1234", "5678"],
        ),
        (  # regression: a text that starts with - was quoted as typed, and named as the option '-山'
            ["predict", "--mask-pii", "-山田さんから090-1234-5678に電話"],
            "taikai: error: predict has no option '-…' (see taikai predict --help); to give a text that starts with "
            "'-', put -- before it: taikai predict --mask-pii -- '-[人名]さんから[電話番号]に電話'",
            ["山田", "1234", "5678"],
        ),
        (
            ["explain", "--mask-pii", "-tanaka.hiroshi@example.com"],
            "put -- before it: taikai explain --mask-pii -- '-[メール]'",
            ["tanaka", "hiroshi", "example"],
        ),
    ],
)
def test_the_texts_a_refusal_quotes_are_masked_under_mask_pii(args, said, hidden):
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code == 2
    assert said in result.output
    assert [piece for piece in hidden if piece in result.output] == []


@pytest.mark.parametrize(
    ("args", "said"),
    [  # without --mask-pii (or with it as a text, after --), the texts are quoted as given
        (["explain", "鈴木一郎さん", "suzuki.ichiro@example.jp"], "('鈴木一郎さん', suzuki.ichiro@example.jp)"),
        (["explain", "--", "鈴木一郎さん", "--mask-pii"], "('鈴木一郎さん', --mask-pii)"),
        (["predict", "-山田さん"], "predict has no option '-山' (see taikai predict --help); to give a text that "),
    ],
)
def test_the_texts_a_refusal_quotes_stay_as_given_without_mask_pii(args, said):
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code == 2
    assert said in result.output


BLOG = "長文のブログ記事です。" * 600  # 6,600 characters, pasted whole
BLOG_START = repr(BLOG[:40] + "…")  # its first 40 characters, then …
BULLETS = "- 手数料が高い。\n" * 700  # a markdown list pasted whole: it starts with -


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (  # regression: each text was quoted whole, twice (in the list and in the printf command): 26,000 characters
            ["explain", BLOG, BLOG + "後半"],
            f"explain takes one review, but 2 were given ({BLOG_START}, {BLOG_START}): to explain several, give them "
            "one per line on standard input: taikai explain - < reviews.txt, a file of one review per line; or quote",
        ),
        (
            ["explain", "-", BLOG],
            f"give the review without it: taikai explain TEXT, the text given ({BLOG_START}, 6,600 characters) "
            "quoted as one argument\n",
        ),
        (  # a post pasted unquoted: one argument a word
            ["explain", *("手数料 が 高い " * 30).split()],
            "explain takes one review, but 90 were given ('手数料', 'が', '高い', '手数料', 'が', and 85 more): "
            "to explain several, give them one per line on standard input: taikai explain - < reviews.txt, a file "
            "of one review per line; or quote a review that holds spaces as one argument\n",
        ),
        (  # regression: the whole list was quoted in the command to run (18,000 characters)
            ["predict", BULLETS],
            "to give a text that starts with '-', put -- before it: taikai predict -- TEXT, the text given "
            f"({BULLETS[:40] + '…'!r}, 7,000 characters) quoted as one argument\n",
        ),
    ],
)
def test_a_refusal_quotes_the_start_of_a_long_text_given(tiny_model_dir, args, said):
    result = CliRunner().invoke(cli, [args[0], "-m", str(tiny_model_dir), *args[1:]], prog_name="taikai")
    assert result.exit_code == 2
    assert said in result.output, result.output[:2000]
    assert len(result.output) < 800
