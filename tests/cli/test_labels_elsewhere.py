"""``taikai train`` (and a file of ``train --add``), ``rules test`` and ``evaluate`` name the columns that look to
hold the labels under other names (理由, 感情, category, tone) and how to read them (taikai.io._label_columns,
taikai.io._missing_columns); following that advice works."""

import csv
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from taikai.cli import cli

RULES = '[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["手数料"]\n'
ADDED = [  # rows the tiny fixture does not hold
    ("生成AIに仕事を取られて応募しても通らない", "rejection", "negative"),
    ("手数料が二割も引かれるので別のサービスに移った", "fees|platform_switch", "negative"),
    ("子育てが落ち着くまでお休みします", "time", "neutral"),
]
GIVE_BOTH = (
    "but '理由' and '感情' look to hold labels: give them as reasons_column='理由' (--reasons-column '理由' on the "
    "command line) and sentiment_column='感情' (--sentiment-column '感情' on the command line)"
)


def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.output


def renamed(source: Path, target: Path, names: dict[str, str], rows: list[tuple[str, ...]] | None = None) -> Path:
    """Write *source* (or *rows* under its header) to *target* with its columns renamed as *names* says."""
    with source.open(encoding="utf-8", newline="") as f:
        read = list(csv.reader(f))
    header = [names.get(c, c) for c in read[0]]
    with target.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *(read[1:] if rows is None else rows)])
    return target


def command(name: str, data: Path, base: Path, model: Path, out: Path) -> list[object]:
    """The command line of *name* on *data* (``add``: *data* added to the base data *base*)."""
    fast = ["--vectors", "none", "--folds", "2", "--test-size", "0.25", "--out", out]
    rules = data.parent / "rules.toml"
    rules.write_text(RULES, encoding="utf-8")
    return {
        "train": ["train", data, *fast],
        "add": ["train", base, "--add", data, *fast],
        "rules": ["rules", "test", rules, data, "--model", model],
        "evaluate": ["evaluate", data, "--model", model],
    }[name]


@pytest.mark.parametrize(
    ("name", "columns", "options", "said"),
    [
        ("train", {"text": "感想", "reasons": "理由", "sentiment": "感情"}, ["--text-column", "感想"], GIVE_BOTH),
        (
            "train",  # the text too: it is asked for after the labels
            {"text": "感想", "reasons": "理由", "sentiment": "感情"},
            [],
            f"{GIVE_BOTH}; give the column of texts to text_column= (--text-column on the command line)",
        ),
        (
            "train",  # only the sentiment under another name
            {"sentiment": "tone"},
            [],
            "no column 'sentiment', but 'tone' looks to hold labels: give it as sentiment_column='tone' "
            "(--sentiment-column tone on the command line); the columns are ['text', 'reasons', 'tone']",
        ),
        (
            "train",
            {"reasons": "category"},
            ["--no-sentiment"],
            "no column 'reasons', but 'category' looks to hold labels: give it as reasons_column='category'",
        ),
        (
            "rules",
            {"text": "感想", "reasons": "理由", "sentiment": "感情"},
            ["--text-column", "感想"],
            "no column 'reasons', but '理由' looks to hold labels: give it as reasons_column='理由' "
            "(--reasons-column '理由' on the command line); the columns are ['感想', '理由', '感情']",
        ),
        ("rules", {"reasons": "分類"}, [], "but '分類' looks to hold labels: give it as reasons_column='分類'"),
        ("evaluate", {"text": "感想", "reasons": "理由", "sentiment": "感情"}, ["--text-column", "感想"], GIVE_BOTH),
    ],
)
def test_labels_under_other_names_are_named_with_the_options_that_read_them(
    tmp_path, tiny_csv, tiny_model_dir, name, columns, options, said
):
    data = renamed(tiny_csv, tmp_path / "labelled.csv", columns)
    args = command(name, data, tiny_csv, tiny_model_dir, tmp_path / "m")
    code, output = run(*args, *options)
    assert code == 2 and said in output, output
    assert output.startswith(f"taikai: error: {data}: no column "), output
    advice = re.findall(r"\((--[a-z-]+-column \S+) on the command line\)", output)  # the options with a value
    text = [] if "--text-column" in options or "text_column=" not in output else ["--text-column", "感想"]
    code, output = run(*args, *options, *shlex.split(" ".join(advice)), *text)  # as the message says
    assert code == 0, output


@pytest.mark.parametrize(
    ("columns", "said", "back"),
    [
        (
            {"text": "感想", "reasons": "理由", "sentiment": "感情"},
            "no column 'text' nor 'reasons', but '理由' and '感情' look to hold labels: rename '理由' to 'reasons' "
            "and '感情' to 'sentiment', and the column of texts to 'text' in the file: a file given to add= ",
            {"感想": "text", "理由": "reasons", "感情": "sentiment"},
        ),
        (  # the sentiment, not read when the file has no column of that name, is asked for too
            {"reasons": "category", "sentiment": "tone"},
            "no column 'reasons', but 'category' and 'tone' look to hold labels: rename 'category' to 'reasons' and "
            "'tone' to 'sentiment' in the file: a file given to add= ",
            {"category": "reasons", "tone": "sentiment"},
        ),
        (
            {"reasons": "理由"},
            "no column 'reasons', but '理由' looks to hold labels: rename '理由' to 'reasons' in the file",
            {"理由": "reasons"},
        ),
    ],
)
def test_an_added_file_names_the_names_to_give_its_label_columns(
    tmp_path, tiny_csv, tiny_model_dir, columns, said, back
):
    added = renamed(tiny_csv, tmp_path / "added.csv", columns, ADDED)
    args = command("add", added, tiny_csv, tiny_model_dir, tmp_path / "m")
    code, output = run(*args)
    assert code == 2 and said in output, output
    renamed(added, added, back)  # as the message says
    code, output = run(*args)
    assert code == 0, output
    assert "no sentiment" not in output and "without a sentiment" not in output, output


@pytest.mark.parametrize(
    ("name", "columns", "said"),
    [  # a near miss is said as such; a column of reviews is no column of labels, whatever its name
        ("train", {"reasons": "Reasons"}, "no column 'reasons' (did you mean 'Reasons'?)"),
        ("rules", {"reasons": " REASONS"}, "no column 'reasons' (did you mean 'REASONS'?)"),
        ("train", {"text": "退会理由", "reasons": "分類"}, "but '分類' looks to hold labels"),
    ],
)
def test_a_near_miss_or_a_column_of_reviews_is_no_label_column(tmp_path, tiny_csv, tiny_model_dir, name, columns, said):
    data = renamed(tiny_csv, tmp_path / "labelled.csv", columns)
    code, output = run(*command(name, data, tiny_csv, tiny_model_dir, tmp_path / "m"))
    assert code == 2 and said in output, output
    assert "'退会理由'" not in output.split("; the columns are")[0], output


@pytest.mark.parametrize(
    ("sentiment", "said"),
    [
        ("感情", "to train the sentiment head on them too, rename its column '感情' to 'sentiment'"),
        ("tone", "rename its column 'tone' to 'sentiment'"),
        ("Sentiment", "rename its column 'Sentiment' to 'sentiment'"),  # a near name, as before
        ("memo", "add a 'sentiment' column to the file and fill it in"),  # no name of labels: as before
    ],
)
def test_an_added_file_with_its_sentiments_under_another_name_is_told_the_name(tmp_path, tiny_csv, sentiment, said):
    """Regression: an added file of text, reasons and 感情 was told to add a 'sentiment' column it had."""
    added = renamed(tiny_csv, tmp_path / "added.csv", {"sentiment": sentiment}, ADDED)
    args = command("add", added, tiny_csv, tiny_csv, tmp_path / "m")
    code, output = run(*args)
    assert code == 0 and f"{added}: no 'sentiment' column, so its 3 labelled row(s)" in output and said in output
    if "rename" in said:  # as the warning says
        renamed(added, added, {sentiment: "sentiment"})
        code, output = run(*args, "--force")
        assert code == 0 and "no 'sentiment' column" not in output, output


READS = "; '口コミ' reads as reviews: text_column='口コミ' (--text-column '口コミ' on the command line)"


@pytest.mark.parametrize(
    ("name", "columns", "options"),
    [
        ("train", {"text": "口コミ"}, []),
        ("train", {"text": "口コミ", "reasons": "理由", "sentiment": "感情"}, []),  # after the labels' advice
        ("evaluate", {"text": "口コミ"}, []),
        ("evaluate", {"text": "口コミ", "reasons": "理由", "sentiment": "感情"}, []),  # all three in one message
        ("rules", {"text": "口コミ"}, []),
        ("rules", {"text": "口コミ", "reasons": "理由", "sentiment": "感情"}, []),
    ],
)
def test_the_column_of_reviews_is_named_when_the_text_column_is_missing(
    tmp_path, tiny_csv, tiny_model_dir, name, columns, options
):
    """Regression: a labelled file whose reviews are under 口コミ was told its columns and to give the column of
    texts, not which column holds them."""
    data = renamed(tiny_csv, tmp_path / "labelled.csv", columns)
    args = command(name, data, tiny_csv, tiny_model_dir, tmp_path / "m")
    code, output = run(*args, *options)
    assert code == 2 and output.rstrip("\n").endswith(READS), output
    advice = re.findall(r"\((--[a-z-]+-column \S+) on the command line\)", output)
    code, output = run(*args, *options, *shlex.split(" ".join(advice)))  # as the message says
    assert code == 0, output
