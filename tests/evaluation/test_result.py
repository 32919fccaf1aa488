"""The warning about gold labels a model cannot predict names the commonest and counts the rest."""

import pytest

from taikai.evaluation._result import Unpredictable


@pytest.mark.parametrize(
    ("labels", "named", "more"),
    [
        (3, 3, None),
        (10, 10, None),
        (11, 10, ", and 1 more (11 in all; every one"),
        (300, 10, ", and 290 more (300 in all; "),
    ],
    ids=["few", "ten", "eleven", "three-hundred"],
)
def test_the_warning_names_ten_labels_and_says_where_every_one_is(labels, named, more):
    """Regression: evaluating a --free-labels model on data of hundreds of new labels warned with every one of them
    (twice: on stderr and in the report)."""
    counts = {f"l{i:03d}": labels - i for i in range(labels)}  # the commonest first, as evaluate orders them
    warning = Unpredictable("reason", sum(counts.values()), counts).warning()
    assert [f"'l{i:03d}' ({labels - i:,} row(s))" in warning for i in range(labels)] == [
        i < named for i in range(labels)
    ]
    if more is None:
        assert "more" not in warning and "--json report" not in warning
    else:
        assert more in warning and "every one in the --json report, 'unpredictable_gold_labels'" in warning
    assert warning.endswith("or leave those rows out to score what the model can predict.")
