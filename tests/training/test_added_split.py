"""Rows of an added file that its split column marks test: trained on, and said so at training time, per file."""

import shlex
import warnings

import pandas as pd
import pytest

from taikai.errors import DataWarning
from taikai.training import Columns, read_inputs

BASE = pd.DataFrame(
    {
        "text": ["手数料が高い", "単価が安い", "時間がない", "詐欺にあった"],
        "reasons": ["fees", "low_pay", "time", "trouble"],
        "sentiment": ["negative", "negative", "neutral", "negative"],
    }
)
TEXTS = ["生成AIに負けた", "提案が通らない", "本業が忙しくなった", "直接契約に移った"]


def added(splits, texts=TEXTS):
    """Return an added frame of *texts* whose split column holds *splits* (``None``: no split column)."""
    frame = pd.DataFrame({"text": texts[: len(splits or texts)], "reasons": "other", "sentiment": "neutral"})
    return frame if splits is None else frame.assign(split=splits)


def said(add, tmp_path):
    """Return the DataWarnings read_inputs gives about split columns of *add* (frames, written as CSV files)."""
    paths = []
    for number, frame in enumerate(add):
        path = tmp_path / f"round {number + 1}.csv"
        frame.to_csv(path, index=False)
        paths.append(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_inputs(BASE, paths, columns=Columns())
    return [str(w.message) for w in caught if issubclass(w.category, DataWarning) and "split" in str(w.message)]


@pytest.mark.parametrize(
    ("add", "expected"),
    [
        ([added(["test", " Test ", "TEST", "train"])], [(1, "3 of its 4")]),
        ([added(["train", "train"])], []),
        ([added(None)], []),
        ([added(["", "test", None])], [(1, "1 of its 3")]),
        # a duplicate of a base row is dropped, not trained on as added: not counted
        ([added(["test", "test"], ["手数料が高い", "生成AIに負けた"])], [(1, "1 of its 1")]),
        (
            [added(["test", "train"]), added(None, TEXTS[2:]), added(["train", "test", "test"], TEXTS[1:])],
            # a text repeated is kept from the last file: round 1's second row is round 3's, round 2 adds nothing
            [(1, "1 of its 1"), (3, "2 of its 3")],
        ),
    ],
)
def test_added_rows_marked_test_are_said_to_be_trained_on(tmp_path, add, expected):
    """Regression: a split column in an added file was ignored without a word (its rows all train), and
    ``evaluate --split test`` on that file then warned that the model had seen them."""
    messages = said(add, tmp_path)
    assert len(messages) == len(expected)
    for message, (number, counted) in zip(messages, expected, strict=True):
        path = tmp_path / f"round {number}.csv"
        assert message.startswith(f"{path}: {counted} added row(s) say split 'test', but a file given to add= ")
        assert "trained on whole (its split column is not read: only the base data's holds rows out for the test)" in (
            message
        )
        assert f"taikai evaluate {shlex.quote(str(path))} --split test would score rows the model has seen" in message
        assert message.endswith(
            "move them to a file of their own, left out of add= (--add on the command line), and score it with "
            "taikai evaluate"
        )


def test_a_frame_given_to_add_is_told_the_python_call():
    with pytest.warns(DataWarning, match=r"^<frame>: 2 of its 3 added row\(s\) say split 'test'") as caught:
        read_inputs(BASE, added(["test", "train", "test"]), columns=Columns())
    assert "taikai.evaluate(model, frame, split='test') would score rows the model has seen" in str(caught[0].message)
