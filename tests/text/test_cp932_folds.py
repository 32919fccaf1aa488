"""The characters a CP932 output holds as others (〜 as ～), counted with the rows that hold them."""

import pytest

from taikai.text import CP932_FOLDS, CP932Folds, count_cp932_folds


def test_the_folds_are_every_character_the_codec_writes_as_another():
    points = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]

    def written(c):
        try:
            return c.encode("cp932").decode("cp932")
        except UnicodeEncodeError:
            return c  # written as ?, counted apart

    assert {c: written(c) for c in points if written(c) != c} == CP932_FOLDS


@pytest.mark.parametrize(
    ("columns", "folds"),
    [
        ([], CP932Folds()),
        ([["手数料が高い", None], [1, 2.5]], CP932Folds()),
        ([["高い〜", "普通"], ["id1", "−3"]], CP932Folds(2, 2)),  # one in each row
        ([["〜〜", None], ["¢£¬‖", "～"]], CP932Folds(6, 1)),  # all in one row; ～ is CP932's already
        ([["a😀"], ["b"]], CP932Folds()),  # written as ?: not a fold
    ],
)
def test_folds_count_the_characters_and_their_rows(columns, folds):
    assert count_cp932_folds(columns) == folds
