"""Library messages name the Python argument first and the command-line option after it, "on the command line"
(as :class:`taikai.errors.Argument` says them), never the option first with the argument in brackets."""

import inspect
import re
from pathlib import Path

import pytest

from taikai.drift._files import _bad_line_hint
from taikai.evaluation._unknown_labels import SCORE_AS_MISSES
from taikai.io import BadLine, check_labelled
from taikai.io._labelled import FREE_LABELS_HINT
from taikai.io._missing_columns import _sentiment_only
from taikai.model._save_marker import REDO
from taikai.training._checks import FORCE
from taikai.training._inputs import added_labels_hint, new_label_hint

SRC = Path(__file__).resolve().parents[1] / "src" / "taikai"
OPTION_FIRST = re.compile(r"--[a-z-]+( [^ ()\"]+)* \([a-z_]+=")
# words of a report page for its reader, in two languages
PAGES = ("analysis/_report/", "analysis/_drift_words.py", "analysis/_drift_notes.py")


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (FORCE, "overwrite=True (--force on the command line)"),
        (REDO, "train again with overwrite=True (--force on the command line)"),
        (SCORE_AS_MISSES, "pass free_labels=True (--free-labels on the command line) to score"),
        (FREE_LABELS_HINT, "pass free_labels=True (--free-labels on the command line) to use labels of your own"),
        (
            inspect.signature(check_labelled).parameters["bad_rows_hint"].default,
            "pass on_bad_rows='skip' (--on-bad-rows skip on the command line) to train without them",
        ),
        (added_labels_hint("a.csv"), "even with free_labels=True (--free-labels on the command line): "),
        (new_label_hint("a.csv"), "train with free_labels=True (--free-labels on the command line), which"),
        (
            _sentiment_only("感情"),
            "reasons_column='感情', sentiment_column=None, free_labels=True (--reasons-column '感情' --no-sentiment "
            "--free-labels on the command line)",
        ),
        (
            _bad_line_hint(BadLine(2, "invalid JSON", "{"), "jsonl", ["text"], False),
            "on_bad_lines='report' of classify_file (taikai batch --on-bad-lines report on the command line)",
        ),
    ],
)
def test_a_message_names_the_python_argument_then_the_option(said, expected):
    assert expected in said
    assert not OPTION_FIRST.search(said)


def test_no_message_puts_the_option_first_with_the_argument_in_brackets():
    found = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if not str(path.relative_to(SRC).as_posix()).startswith(PAGES)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OPTION_FIRST.search(line)
    ]
    assert found == []
