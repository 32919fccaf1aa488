"""Numbers in the report's sentences (``taikai.analysis._report._format``)."""

import pytest

from taikai.analysis._report._format import count, p_value, share


@pytest.mark.parametrize(
    ("p", "said"),
    [(0.0, "p < 0.001"), (0.000999, "p < 0.001"), (0.001, "p = 0.001"), (0.0123, "p = 0.012"), (0.5, "p = 0.500")],
)
def test_p_value(p, said):
    assert p_value(p) == said


@pytest.mark.parametrize(("n", "said"), [(0, "0"), (999, "999"), (1234, "1,234"), (1234567, "1,234,567")])
def test_count(n, said):
    assert count(n) == said


@pytest.mark.parametrize(("x", "said"), [(0.0, "0.0%"), (0.123, "12.3%"), (1.0, "100.0%")])
def test_share(x, said):
    assert share(x) == said
