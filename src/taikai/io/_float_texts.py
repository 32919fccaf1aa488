"""Write a column of floats as ``repr`` writes each (the CSV cell of a probability), most of them in Arrow's C++ code.

``repr(float)`` finds the shortest digits that read back as the float with David Gay's algorithm, in big-number
arithmetic for the 16 and 17 digits of most probabilities: the eleven probability columns took about a tenth of a
batch's CPU time outside MeCab (bench/RESULTS.md). Arrow's cast to string finds the same shortest digits (the
double-conversion library) several times faster, and writes a float between 0.0001 and 1 as ``repr`` does
(``0.000123``, ``0.5``); elsewhere the two write differently (``1e-05`` and ``0.00001``, ``1.0`` and ``1``), so
every other float, and NaN, is written by ``repr`` as before. Where two shortest digit strings are equally near,
the two might round apart: that needs a float whose exact decimal value has at most 18 significant digits (a tie
lies halfway between two strings of 17 or fewer), so at most 18 + z binary digits after the point, z being the
zeros right after the decimal point (:func:`_may_tie`), such as 0.50000762939453125: those are left to ``repr``
too (this pyarrow writes all 16.7 million floats k/2**24 in [0.0001, 1), the ties among them, as ``repr`` does).
Before its first use in a process, Arrow's writing is compared with ``repr`` on a set of floats, and not used if
they differ anywhere (another pyarrow writing floats another way).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

LOW = 1e-4
"""The least float both write alike (``repr`` writes smaller ones with an exponent)."""
MIN_VALUES = 64
"""A shorter column is written by ``repr`` alone."""
_TIE_DIGITS = 18
"""At most so many significant decimal digits in a float's exact value where two shortest strings can tie."""
_CHECKED: dict[str, bool] = {}


def float_texts(values: list[float], nan: str) -> list[str]:
    """Return ``repr(v)`` of each float of *values*, and *nan* for NaN."""
    if len(values) < MIN_VALUES or not _arrow_agrees():
        return [repr(v) if v == v else nan for v in values]
    return _through_arrow(values, nan)


def _through_arrow(values: list[float], nan: str) -> list[str]:
    """Return what :func:`float_texts` writes, Arrow writing the floats in [LOW, 1) that cannot tie."""
    import numpy as np  # imported here: the writers load with the command line, whose help loads no numpy

    x = np.array(values, dtype=np.float64)
    texts = _arrow_texts(x)
    plain = (x >= LOW) & (x < 1.0) & ~_may_tie(x)
    for i in np.flatnonzero(~plain).tolist():
        value = values[i]
        texts[i] = repr(value) if value == value else nan
    return texts


def _may_tie(x: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Whether each float of *x* in [LOW, 1) has at most ``_TIE_DIGITS`` + z binary digits after the point, z the
    zeros right after the decimal point (one more, for a logarithm rounded near a power of ten): the floats whose
    exact value has few enough significant digits to lie halfway between two shortest strings."""
    import numpy as np

    inside = np.where((x >= LOW) & (x < 1.0), x, 0.5)  # any other float is left to repr anyway
    zeros = np.floor(-np.log10(inside)).astype(np.int32)  # 0 to 4 (0 to 3, but near a power of ten)
    scaled = np.ldexp(inside, zeros + _TIE_DIGITS + 1)
    tie: np.ndarray[Any, Any] = np.floor(scaled) == scaled
    return tie


def _arrow_texts(x: np.ndarray[Any, Any]) -> list[str]:
    """Return Arrow's text of each float of *x*."""
    import pyarrow as pa  # with numpy: a batch has them loaded already

    texts: list[str] = pa.array(x, type=pa.float64()).cast(pa.string()).to_pylist()
    return texts


def _arrow_agrees() -> bool:
    """Whether Arrow writes floats in [LOW, 1) as ``repr`` does, tried once per process on floats of every kind
    there: probabilities a float32 score gives, floats k/2**24 (of float32 scores, ties among them: those left to
    ``repr``), the bounds, and a spread of 17-digit floats."""
    agrees = _CHECKED.get("arrow")
    if agrees is None:
        import numpy as np

        rng = np.random.default_rng(0)
        uniform = rng.random(2000)
        grid = rng.integers(1, 2**24, 2000) / 2**24  # k/2**24: the ties of float32 scores among them
        spread = np.concatenate(
            [
                LOW + (1 - LOW) * uniform,
                np.exp(np.log(LOW) * uniform),  # as many small ones as large ones
                (np.exp(np.log(LOW) * uniform)).astype(np.float32).astype(np.float64),
                [LOW, np.nextafter(LOW, 1), 0.1, 0.5, 0.9999999999999999, 1 / 3, 2 / 3, 0.5 + 2.0**-17, 2.0**-14],
                grid,
            ]
        )
        floats = [v for v in spread.tolist() if LOW <= v < 1.0]
        agrees = _CHECKED["arrow"] = _through_arrow(floats, "nan") == list(map(repr, floats))
    return agrees
