"""A workbook whose first sheet is a cover names the sheet whose column reads as reviews, with how to read it
(taikai.io._review_sheets): its note read as a malformed record, and a column missing from it."""

import pytest

REVIEWS = [f"報酬が安すぎて続けられませんでした（{i}件目）。" for i in range(8)]
COVER = [["退会アンケート"], ["作成", "山本"]]  # a title, then a note of two cells: a malformed record below it
ANSWERS = [["回答ID", "退会理由(自由記述)"], *([i, text] for i, text in enumerate(REVIEWS))]
TOLD = (
    "; sheet '回答' has '退会理由(自由記述)', which reads as reviews: read it with sheet='回答' (--sheet '回答' on "
    "the command line)"
)


@pytest.mark.parametrize(
    ("sheets", "told"),
    [
        # regression: the cover's note was said to be a malformed record to fix, the answers' sheet not named
        ([("概要", COVER), ("回答", ANSWERS)], TOLD),
        ([("概要", COVER), ("集計", [["理由", "件数"], ["単価", 3]]), ("回答", ANSWERS)], TOLD),
        ([("概要", COVER), ("集計", [["理由", "件数"], ["単価", 3]])], ""),  # no sheet of reviews: as before
    ],
    ids=["cover-then-answers", "summary-between", "no-answers"],
)
def test_a_cover_sheet_read_first_names_the_sheet_of_reviews(tmp_path, sheets, told):
    from support_workbooks import sheets_workbook

    from taikai.errors import InputError
    from taikai.io import read_predictions

    path = sheets_workbook(tmp_path / "アンケート.xlsx", sheets)
    with pytest.raises(InputError) as caught:
        read_predictions(path)
    said = str(caught.value)
    assert said.startswith(f"{path}:2: malformed record"), said
    assert said.endswith("(taikai reads the header from row 1)" + told), said
