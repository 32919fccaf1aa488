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
        (click.FloatRange(min=0.0, max=1.0), "from 0 to 1"),  # a whole bound written whole
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


_JOBS = click.Option(["--jobs", "-j"], type=click.IntRange(min=0))
_RATE = click.Option(["-r", "--rate"], type=click.FloatRange(0, 1))


@pytest.mark.parametrize(
    ("message", "param", "plain"),
    [
        (
            "'=2' is not a valid integer range.",
            _JOBS,
            "'=2' is not a whole number (0 or more), as -j=2 gives it (a short option takes no =): write -j 2 or "
            "--jobs=2",
        ),
        (
            "'=0.5' is not a valid float range.",
            _RATE,
            "'=0.5' is not a number (from 0 to 1), as -r=0.5 gives it (a short option takes no =): write -r 0.5 or "
            "--rate=0.5",
        ),
        # what follows the = is no good either: no form of it is advised
        (
            "'=abc' is not a valid integer range.",
            _JOBS,
            "'=abc' is not a whole number (0 or more), as -j=abc gives it (a short option takes no =): write -j and "
            "the number after a space",
        ),
        (
            "'=-1' is not a valid integer range.",
            _JOBS,
            "'=-1' is not a whole number (0 or more), as -j=-1 gives it (a short option takes no =): write -j and the "
            "number after a space",
        ),
        (
            "'=' is not a valid integer range.",
            _JOBS,
            "'=' is not a whole number (0 or more), as -j= gives it (a short option takes no =): write -j and the "
            "number after a space",
        ),
        # no = in front, or no short form: as before
        ("'2x' is not a valid integer range.", _JOBS, "'2x' is not a whole number (0 or more)"),
        (
            "'=2' is not a valid integer range.",
            click.Option(["--chunk-size"], type=click.IntRange(min=1)),
            "'=2' is not a whole number (1 or more)",
        ),
        ("'=2' is not a valid integer range.", None, "'=2' is not a whole number (0 or more)"),
    ],
)
def test_a_short_number_option_joined_by_an_equals_sign_is_told_how_to_write_it(message, param, plain):
    """Regression: batch -j=2 said "'=2' is not a whole number (0 or more)", not that a short option takes no =."""
    param_type = param.type if param is not None else click.IntRange(min=0)
    assert plain_value_error(message, param_type, param) == plain


_JOINED = "as -j=2 gives it (a short option takes no =): write -j 2 or --jobs=2"
_DOUBLED = "as --jobs==2 gives it (one = too many): write --jobs 2 or --jobs=2"


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (["-j=2"], f"--jobs / -j: '=2' is not a whole number (0 or more), {_JOINED} ("),
        # Regression: --jobs==2 was told "as -j=2 gives it (a short option takes no =)", which it was not given
        (["--jobs==2"], f"--jobs / -j: '=2' is not a whole number (0 or more), {_DOUBLED} ("),
        (
            ["--jobs==x"],
            "--jobs / -j: '=x' is not a whole number (0 or more), as --jobs==x gives it (one = too many): ",
        ),
        # Regression: an option without a short form was told nothing of the = (--limit==3)
        (["--limit==3"], "--limit: '=3' is not a whole number (1 or more), as --limit==3 gives it (one = too many): "),
        (["--chunk-size==5"], "--chunk-size: '=5' is not a whole number (1 or more), as --chunk-size==5 gives it ("),
        (["-j", "2"], None),  # the advice, followed, is taken
        (["--jobs=2"], None),
        (["--jobs", "2"], None),
        (["--limit", "3"], None),
    ],
)
def test_batch_numbers_joined_by_an_equals_sign(invoke, tiny_csv, tmp_path, given, said):
    result = invoke("batch", tiny_csv, "-o", tmp_path / "out.csv", *given, "--text-column", "nowhere")
    assert result.exit_code == 2
    if said is None:
        assert "invalid value" not in result.stderr and "no column 'nowhere'" in result.stderr, result.stderr
    else:
        assert result.stderr.startswith(f"taikai: error: batch: invalid value for {said}"), result.stderr
