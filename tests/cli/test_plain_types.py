"""click's number types said in plain words (``taikai.cli._plain_types``)."""

import click
import pytest

from taikai.cli._plain_types import plain_value_error, range_words


@pytest.mark.parametrize(
    ("param_type", "words"),
    [
        (click.IntRange(min=0), "0 or more"),
        (click.IntRange(min=1), "1 or more"),
        (click.FloatRange(min=0, min_open=True), "more than 0"),
        (click.IntRange(0, 4294967295), "from 0 to 4294967295"),
        (click.FloatRange(0, 1, max_open=True), "0 or more and less than 1"),
        (click.FloatRange(max=0.5), "0.5 or less"),
        (click.INT, ""),
    ],
)
def test_range_words(param_type, words):
    assert range_words(param_type) == words


@pytest.mark.parametrize(
    ("message", "param_type", "plain"),
    [
        ("'abc' is not a valid integer range.", click.IntRange(min=0), "'abc' is not a whole number (0 or more)"),
        ("'abc' is not a valid integer.", click.INT, "'abc' is not a whole number"),
        (
            "'x' is not a valid float range.",
            click.FloatRange(min=0, min_open=True),
            "'x' is not a number (more than 0)",
        ),
        ("-1 is not in the range x>=0.", click.IntRange(min=0), "-1 is not 0 or more"),
        ("'foo' is not one of 'a', 'b'.", click.Choice(["a", "b"]), "'foo' is not one of 'a', 'b'."),  # plain already
        ("a message of taikai's own", click.INT, "a message of taikai's own"),
    ],
)
def test_plain_value_error(message, param_type, plain):
    assert plain_value_error(message, param_type) == plain
