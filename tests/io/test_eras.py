"""western_dates writes a Japanese era's year as its Western year, in every form forms and Excel write it."""

from __future__ import annotations

import pytest

from taikai.io._eras import western_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和8年11月3日", "2026年11月3日"),
        ("令和元年5月1日", "2019年5月1日"),
        ("令8年11月3日", "2026年11月3日"),  # Excel's gge年m月d日
        ("R8.11.3", "2026-11-03"),  # Excel's ge.m.d
        ("r8.11.3", "2026-11-03"),
        ("令8.11.3", "2026-11-03"),  # Excel's gge.m.d
        ("平成31/4/30 10:05", "2019-04-30 10:05"),
        ("S64-1-7", "1989-01-07"),
        ("M45.7.29", "1912-07-29"),
        ("T15.12.24", "1926-12-24"),
        ("R元.5.1", "2019-05-01"),
        # a month alone (a survey dump's month column): the month, read as its first day
        ("R8.11", "2026-11"),
        ("令8/11", "2026-11"),
        (" H31-4 ", "2019-04"),
        ("R元.5", "2019-05"),
        ("R8.13", "R8.13"),  # no month
        ("S1.2", "S1.2"),  # before 昭和 began (December 1926): an id
        ("R1.4", "R1.4"),  # before 令和 began (May 2019)
        ("H31.5", "H31.5"),  # after 平成 ended
        ("R1.5", "2019-05"),
        ("S64.1", "1989-01"),
        ("R8.11 10:05", "R8.11 10:05"),  # a time after a month: no date
        ("H1-2-x", "H1-2-x"),  # a code
        ("R00001", "R00001"),  # an id
        ("R8.11.3.4", "2026-11-03.4"),  # read as no date afterwards
        ("2026年11月3日", "2026年11月3日"),
        ("X8.11.3", "X8.11.3"),
    ],
)
def test_an_eras_year_is_written_as_its_western_year(text, expected):
    assert western_dates(text) == expected
