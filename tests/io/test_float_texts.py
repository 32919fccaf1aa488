"""Float cells are written as ``repr`` writes them, whether Arrow or ``repr`` writes them, and NaN as asked."""

from __future__ import annotations

import math

import numpy as np
import pytest

from taikai.io import _float_texts
from taikai.io._float_texts import MIN_VALUES, float_texts
from taikai.io._writers import _text_column

RNG = np.random.default_rng(7)
UNIFORM = RNG.random(3000)
SPREAD = np.exp(np.log(1e-12) * UNIFORM)  # 1e-12 to 1: across the bound at 0.0001


@pytest.mark.parametrize(
    "values",
    [
        UNIFORM.tolist(),
        SPREAD.tolist(),
        SPREAD.astype(np.float32).astype(np.float64).tolist(),  # probabilities of float32 scores
        (-UNIFORM).tolist() + (UNIFORM * 1e6).tolist(),
        [0.0, 1.0, -0.0, 1e-4, 9.999999999999999e-05, 0.00010000000000000002, 0.9999999999999999, 1e-05] * 10,
        [0.5 + 2.0**-17, 0.5 + 3 * 2.0**-20, 0.75, 0.1, 1 / 3] * 20,  # few binary digits: left to repr
        [math.inf, -math.inf, 5e-324, 1.7976931348623157e308] * 20,
        UNIFORM[: MIN_VALUES - 1].tolist(),  # short: repr alone
        [],
    ],
)
def test_float_texts_are_repr(values):
    assert float_texts(values, nan="") == list(map(repr, values))


def test_nan_is_written_as_given():
    values = [math.nan, *UNIFORM[:100].tolist(), math.nan]
    assert float_texts(values, nan="") == ["", *map(repr, UNIFORM[:100].tolist()), ""]
    assert float_texts(values, nan="nan")[0] == "nan"


def test_a_column_of_floats_is_written_as_the_csv_module_writes_it():
    values = [*SPREAD[:200].tolist(), math.nan]
    assert _text_column(values) == [*map(repr, SPREAD[:200].tolist()), ""]


def test_arrow_is_not_used_where_it_writes_otherwise(monkeypatch):
    monkeypatch.setattr(_float_texts, "_CHECKED", {})
    monkeypatch.setattr(_float_texts, "_arrow_texts", lambda x: [f"{v:.3f}" for v in x.tolist()])
    assert float_texts(UNIFORM.tolist(), nan="") == list(map(repr, UNIFORM.tolist()))
    assert _float_texts._CHECKED == {"arrow": False}


def _exact_digits(value: float) -> int:
    """The significant decimal digits of *value*'s exact binary value."""
    from decimal import Decimal

    return len(Decimal(value).as_tuple().digits)


@pytest.mark.parametrize(
    "bits",
    [18, 19, 20, 21, 22, 24],  # k/2**bits: the exact value has up to bits significant digits, fewer for smaller ones
)
def test_every_float_that_can_tie_is_left_to_repr(bits):
    """A tie (halfway between two shortest strings) needs an exact value of at most 18 significant digits: every
    such float in [LOW, 1) is flagged, and none of more than 20 (most probabilities of a float32 score)."""
    grid = RNG.integers(1, 2**bits, 4000) / 2**bits
    values = grid[(grid >= _float_texts.LOW) & (grid < 1.0)]
    may_tie = _float_texts._may_tie(values)
    digits = np.array([_exact_digits(v) for v in values.tolist()])
    assert may_tie[digits <= 18].all()  # none that can tie is left to Arrow
    assert not may_tie[digits > 20].any()  # the bound is near (one binary digit to spare): not every float of 24


@pytest.mark.parametrize(
    "value",
    [0.5 + 2.0**-17, 0.25 + 2.0**-19, 0.125 + 2.0**-21, 0.0625 + 2.0**-22, 0.001 + 0, 2.0**-14],
)
def test_the_known_ties_and_short_floats_are_written_as_repr(value):
    assert float_texts([value] * MIN_VALUES, nan="") == [repr(value)] * MIN_VALUES
