"""``taikai train --add`` without ``--id-column`` still matches labelled sheets to last week's rows as before: a row
repeating DATA's text is a duplicate (by text, with or without ids), and a text edited in a later sheet is one review
only under an id column, found by its name (``回答ID`` from ``suggest``), as a given one does; a sheet without ids (a
``suggest`` sheet's ``row`` numbers) matches by text; a given ``--id-column`` wins; a column that gives one id to rows
of different texts is passed over in that file, with a warning."""

import pandas as pd
import pytest

from taikai.model import read_metadata

TEXT = "クライアントから修正を十回以上求められて、結局報酬も払われずに終わった"
EDITED = TEXT.replace("十回", "10回") + "（誤字修正）"  # the labeller fixed a typo in the second week's sheet
DATA_IDS = [f"A-{i:03d}" for i in range(40)]
TRAIN = ["--vectors", "none", "--folds", "2", "--compare-folds", "0"]

# DATA's id columns; each sheet's id columns (a list of 8 values for the first sheet: DATA's rows 0 and 1, TEXT, five
# new texts; one value for the second sheet's EDITED row); the options; each sheet's (used, duplicates); the column
# the edit warning names (None: none, the edit trained as a review of its own); the summary's ids: line (None: none)
FIRST = {"回答ID": ["A-000", "A-001", "S-1", "S-2", "S-3", "S-4", "S-5", "S-6"]}
CASES = {
    "dump-回答ID-sheets-without": (
        {"回答ID": DATA_IDS},
        ({"row": list(range(1, 9))}, {"row": [1]}),
        [],
        [(6, 2), (1, 0)],
        None,
        "ids:   回答ID (found by its name)",
    ),
    "dump-回答ID-sheets-回答ID": (
        {"回答ID": DATA_IDS},
        (FIRST, {"回答ID": ["S-1"]}),
        [],
        [(5, 3), (1, 0)],
        "回答ID",
        "ids:   回答ID (found by its name)",
    ),
    "no-ids": ({}, ({"row": list(range(1, 9))}, {"row": [1]}), [], [(6, 2), (1, 0)], None, None),
    "sheets-回答ID-only": (
        {},
        (FIRST, {"回答ID": ["S-1"]}),
        [],
        [(5, 3), (1, 0)],
        "回答ID",
        "ids:   回答ID (found by its name)",
    ),
    "given-wins": (
        {"回答ID": DATA_IDS, "no": DATA_IDS},
        ({**FIRST, "no": list(range(1, 9))}, {"回答ID": ["S-1"], "no": [9]}),  # by no: TEXT and EDITED differ
        ["--id-column", "no"],
        [(6, 2), (1, 0)],
        None,
        "ids:   no (given)",
    ),
    "given-joins": (
        {"回答ID": DATA_IDS, "no": DATA_IDS},
        ({**FIRST, "no": list(range(1, 9))}, {"回答ID": ["S-9"], "no": [3]}),  # by no: TEXT's id
        ["--id-column", "no"],
        [(5, 3), (1, 0)],
        "no",
        "ids:   no (given)",
    ),
    "dump-回答ID-shared-in-a-sheet": (
        {"回答ID": DATA_IDS},
        ({"回答ID": ["u-1"] * 8}, {"回答ID": ["u-1"]}),  # users' ids under the dump's name: one for every row
        [],
        [(6, 2), (1, 0)],
        None,
        "ids:   回答ID (found by its name)",
    ),
    "sheets-shared-then-one-row": (
        {},
        ({"回答ID": ["u-1"] * 8}, {"回答ID": ["u-1"]}),  # the second sheet's one row names itself: the first's do not
        [],
        [(6, 2), (1, 0)],
        None,
        "ids:   回答ID (found by its name)",
    ),
}


def _write(path, frame, columns):
    for position, (name, values) in enumerate(columns.items()):
        frame.insert(position, name, values)
    frame.to_csv(path, index=False, encoding="cp932")
    return path


@pytest.mark.parametrize(("dump", "sheets", "options", "counts", "warned", "ids"), CASES.values(), ids=list(CASES))
def test_added_sheets_match_last_week_s_rows_by_text_and_edits_by_id(
    invoke, tiny_csv, tmp_path, dump, sheets, options, counts, warned, ids
):
    """Regression: with ids found by their name, a suggest sheet without ids had to match a dump with 回答ID by text
    still, and a sheet's column of users' ids (one for many texts) was not to join a text to its edit."""
    frame = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    data = _write(tmp_path / "data.csv", frame.copy(), dump)
    first = frame.iloc[[0, 1, 8, 9, 10, 11, 12, 13]].reset_index(drop=True)  # two of DATA's rows, then six new
    first.loc[2:, "text"] = [TEXT, *(first["text"].iloc[3:] + "（追加）")]
    second = frame.iloc[[8]].reset_index(drop=True).assign(text=EDITED)
    paths = [_write(tmp_path / f"w{n}.csv", sheet, ids) for n, sheet, ids in zip((1, 2), (first, second), sheets)]
    result = invoke("train", data, "--add", paths[0], "--add", paths[1], "--out", tmp_path / "m", *TRAIN, *options)
    assert result.exit_code == 0, result.output
    added = [(f.used, f.duplicates) for f in read_metadata(tmp_path / "m").inputs if f.role == "added"]
    assert added == counts
    edits = [line for line in result.stderr.splitlines() if "(a text edited in a sheet?)" in line]
    assert [f"of the {warned!r} column" in line for line in edits] == ([True] if warned else [])
    assert [line.strip() for line in result.stderr.splitlines() if line.startswith("ids:")] == ([ids] if ids else [])
    passed = [line for line in result.stderr.splitlines() if "its column '回答ID' is not taken as the rows' id" in line]
    assert ["w1.csv: its column" in line for line in passed] == ([True] if "u-1" in str(sheets) else [])
