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


@pytest.mark.parametrize(
    ("share", "decimals", "shown"),
    [
        (1 / 16, 1, "6.3%"),  # 6.25: Excel's 0.0% and a pivot table's share show 6.3%
        (5 / 16, 1, "31.3%"),
        (1 / 80, 1, "1.3%"),
        (2_345 / 10_000, 1, "23.5%"),  # the float is 0.23449999…; Excel holds 15 digits, 0.2345
        (1 / 8, 0, "13%"),
        (3 / 8, 0, "38%"),
        (1 / 200, 0, "1%"),
        (1 / 3, 1, "33.3%"),
        (2 / 3, 1, "66.7%"),
        (0.0625, 1, "6.3%"),
    ],
)
def test_a_share_is_rounded_as_excel_rounds_it(share, decimals, shown):
    """Regression: the report wrote 1 of 16 as 6.2% and 5 of 16 as 31.2% (Python rounds a 5 to even), where the
    analyst's Excel check of the batch output, a cell formatted 0.0% or a pivot table's share, shows 6.3% and
    31.3%: every exact half of a small month or segment disagreed with her spreadsheet."""
    assert percent(share, "", decimals=decimals) == shown
