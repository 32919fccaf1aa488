import pytest

from taikai.text import percent


@pytest.mark.parametrize(
    ("share", "space", "shown"),
    [
        (0.0, " ", "0 %"),
        (1.0, " ", "100 %"),
        (0.43, " ", "43 %"),
        (312 / 734, " ", "43 %"),
        # regression: 199 of 200 rows read "100 %", and 1 of 300 "0 %": neither all nor none
        (199 / 200, " ", "99.5 %"),
        (1 / 300, " ", "0.3 %"),
        (9_999 / 10_000, " ", "99.99 %"),  # as many decimals as it takes
        (3 / 100_000, " ", "0.003 %"),
        (0.4, "", "40%"),
        (1 / 1000, "", "0.1%"),
    ],
)
def test_a_share_that_is_not_all_or_none_never_reads_as_all_or_none(share, space, shown):
    assert percent(share, space) == shown
