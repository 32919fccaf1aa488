"""HeaderRepeats.of_values tells a record of values of any type (a JSON object's, a Parquet row's, a frame's) that
repeats the header, as the readers of CSV files tell a line of texts (their cases: tests/io/test_export_lines.py)."""

from __future__ import annotations

import pytest

from taikai._repeated_header import HeaderRepeats


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (["id", "本文"], True),
        (["\ufeffid", "本文"], True),
        ([" id ", "本文"], False),  # the names as written, as a CSV line's
        (["id", "本文", None], True),  # an empty cell past the named columns, as a sheet leaves
        ([1, "本文"], False),
        ([1, 2], False),  # numbers are not looked at whole
        ([None, None], False),
        (["1", "本文"], False),
    ],
)
def test_a_record_of_any_values_repeats_the_header(fields, expected):
    assert HeaderRepeats(["id", "本文"]).of_values(fields) is expected


@pytest.mark.parametrize(
    ("columns", "fields", "expected"),
    [
        (["id", "本文", "理由", "メモ"], ["id", "本文", "理由", None], True),  # a copy without the column メモ
        (["id", "本文", "理由", "メモ"], ["本文", "id", "理由", "x"], True),  # columns moved
        (["id", "本文", "理由", "メモ"], ["id", "本文", 3, 4], False),  # two names among values: a row
    ],
)
def test_a_copy_s_header_with_other_columns_repeats_it(columns, fields, expected):
    assert HeaderRepeats(columns).of_values(fields) is expected
