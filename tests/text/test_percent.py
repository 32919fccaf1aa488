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
        # regression: 1 in 10 million read "0.0000 %", all but 1 "100.0000 %": past 4 decimals, the bound
        (1 / 10**7, " ", "<0.0001 %"),
        ((10**7 - 1) / 10**7, " ", ">99.9999 %"),
        (1 / 10**7, "", "<0.0001%"),
    ],
)
def test_a_share_that_is_not_all_or_none_never_reads_as_all_or_none(share, space, shown):
    assert percent(share, space) == shown


@pytest.mark.parametrize(
    ("share", "shown"),
    [
        (0.0, "0.0%"),
        (1.0, "100.0%"),
        (0.123, "12.3%"),
        # regression: the report wrote 2,999 of 3,000 rows as 100.0% and 1 of them as 0.0%
        (2_999 / 3_000, "99.97%"),
        (1 / 3_000, "0.03%"),
    ],
)
def test_decimals_is_the_least_number_of_decimals(share, shown):
    assert percent(share, "", decimals=1) == shown
