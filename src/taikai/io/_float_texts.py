"""Write a column of floats as ``repr`` writes each (the CSV cell of a probability), most of them in Arrow's C++ code.

``repr(float)`` finds the shortest digits that read back as the float with David Gay's algorithm, in big-number
arithmetic for the 16 and 17 digits of most probabilities: the eleven probability columns took about a tenth of a
batch's CPU time outside MeCab (bench/RESULTS.md). Arrow's cast to string finds the same shortest digits (the
double-conversion library) several times faster, and writes a float between 0.0001 and 1 as ``repr`` does
(``0.000123``, ``0.5``); elsewhere the two write differently (``1e-05`` and ``0.00001``, ``1.0`` and ``1``), so
every other float, and NaN, is written by ``repr`` as before. Where two shortest digit strings are equally near
(a float of few binary digits, such as 0.50000762939453125) the two may round apart: such floats are left to
``repr`` too. Before its first use in a process, Arrow's writing is compared with ``repr`` on a set of floats,
and not used if they differ anywhere (another pyarrow writing floats another way).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

LOW = 1e-4
"""The least float both write alike (``repr`` writes smaller ones with an exponent)."""
MIN_VALUES = 64
"""A shorter column is written by ``repr`` alone."""
_SCALE = 2.0**24
"""A float in [LOW, 1) that this makes whole has at most 24 binary digits after the point, so at most 21 decimal
significant digits: a tie between two shortest digit strings is possible only for such a float (18 or fewer)."""
_CHECKED: dict[str, bool] = {}


def float_texts(values: list[float], nan: str) -> list[str]:
    """Return ``repr(v)`` of each float of *values*, and *nan* for NaN."""
    if len(values) < MIN_VALUES or not _arrow_agrees():
        return [repr(v) if v == v else nan for v in values]
    import numpy as np  # imported here: the writers load with the command line, whose help loads no numpy

    x = np.array(values, dtype=np.float64)
    texts = _arrow_texts(x)
    inside = np.flatnonzero((x >= LOW) & (x < 1.0))
    scaled = x[inside] * _SCALE
    plain = np.zeros(len(x), dtype=bool)
    plain[inside[np.floor(scaled) != scaled]] = True
    for i in np.flatnonzero(~plain).tolist():
        value = values[i]
        texts[i] = repr(value) if value == value else nan
    return texts


def _arrow_texts(x: np.ndarray[Any, Any]) -> list[str]:
    """Return Arrow's text of each float of *x*."""
    import pyarrow as pa  # with numpy: a batch has them loaded already

    texts: list[str] = pa.array(x, type=pa.float64()).cast(pa.string()).to_pylist()
    return texts


def _arrow_agrees() -> bool:
    """Whether Arrow writes floats in [LOW, 1) as ``repr`` does, tried once per process on floats of every kind
    there: probabilities a float32 score gives, the bounds, and a spread of 17-digit floats."""
    agrees = _CHECKED.get("arrow")
    if agrees is None:
        import numpy as np

        rng = np.random.default_rng(0)
        uniform = rng.random(2000)
        spread = np.concatenate(
            [
                LOW + (1 - LOW) * uniform,
                np.exp(np.log(LOW) * uniform),  # as many small ones as large ones
                (np.exp(np.log(LOW) * uniform)).astype(np.float32).astype(np.float64),
                [LOW, np.nextafter(LOW, 1), 0.1, 0.5, 0.9999999999999999, 1 / 3, 2 / 3],
            ]
        )
        floats = [v for v in spread.tolist() if LOW <= v < 1.0]
        agrees = _CHECKED["arrow"] = _arrow_texts(np.array(floats)) == list(map(repr, floats))
    return agrees
