"""``taikai train --id-column`` (``id_column=``): the rows of DATA and of each ``--add`` file holding the column are
named by their id after their file line in every message, as ``taikai batch --id-column`` names rows, so that an
analyst finds them in the team's sheet."""

import pandas as pd
import pytest

IDS = [f"R-2026-{i:05d}" for i in range(1, 41)]


def _unknown(frame):
    frame.loc[[6, 7], "reasons"] = "feez"


def _in_part(frame):
    frame.loc[5, ["reasons", "more_reasons"]] = ["", "fees"]
    frame.loc[6, ["reasons", "more_reasons", "review_id"]] = ["", "fees", ""]


def _in_part_no_ids(frame):
    _in_part(frame)
    del frame["review_id"]  # else found by its name (tests/cli/test_ids_by_name.py)


def _nothing(frame):
    pass


CASES = {
    # edit of the --add sheet, the id column given, what the error says
    "unknown-label": (_unknown, "review_id", "sheet.csv:8 (id R-2026-00007): reasons: unknown label 'feez'"),
    "unknown-repeated": (_unknown, "review_id", "(the same on 1 more line(s): 9 (id R-2026-00008))"),
    "labelled-in-part": (_in_part, "review_id", "sheet.csv:7 (id R-2026-00006): reasons: no label"),
    "blank-id": (_in_part, "review_id", "sheet.csv:8 (its id cell is blank): reasons: no label"),
    "no-id-column": (_in_part_no_ids, None, "sheet.csv:7: reasons: no label"),
    "found-by-name": (_in_part, None, "sheet.csv:7 (id R-2026-00006): reasons: no label"),
    "missing-column": (
        _nothing,
        "rid",
        "no column 'rid'; the columns are ['text', 'reasons', 'sentiment']; give the right one to id_column= "
        "(--id-column on the command line) (no file of --add, add=, has it either)",
    ),
}


@pytest.mark.parametrize(("edit", "id_column", "said"), CASES.values(), ids=list(CASES))
def test_added_rows_are_named_by_their_id(invoke, tiny_csv, tmp_path, edit, id_column, said):
    """Regression: train named an --add sheet's rows by FILE:LINE only, and had no --id-column."""
    frame = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    frame["text"] = frame["text"] + "（追加）"  # not duplicates of DATA's rows
    frame.insert(0, "review_id", IDS)
    frame["more_reasons"] = ""
    edit(frame)
    sheet = tmp_path / "sheet.csv"
    frame.to_csv(sheet, index=False, encoding="cp932")
    given = ["--id-column", id_column] if id_column else []
    options = ["--on-bad-rows", "error", "--vectors", "none", "--folds", "2", "--compare-folds", "0"]
    result = invoke("train", tiny_csv, "--add", sheet, "--out", tmp_path / "m", *options, *given)
    assert result.exit_code == 2, result.output
    assert said in result.output
