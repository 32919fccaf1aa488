"""``taikai rules test --id-column`` (``evaluate_rules(id_column=)``): the rows it lists (where a rule fires against
the gold label, labelled in part, unknown labels) are named by their id after their line, as ``taikai batch``
names rows, and ``--format json`` gives each misfire's id."""

import json
import re

import pytest

import taikai
from taikai.analysis import evaluate_rules

RULES = """
[[rule]]
name = "fee"
label = "fees"
any = ["手数料"]
"""

LABELLED = """review_id,text,reasons,more_reasons
R-1,手数料が20%も引かれるのがつらい,fees,
R-2,手数料より本業の稼ぎが大事,other,
,手数料は気にならないが単価が安い,low_pay,
R-4,提案が通らない,,rejection
"""

CASES = {
    # options, what the output says
    "misfire": (["--id-column", "review_id"], "- line 3 (id R-2): gold other"),
    "misfire-blank-id": (["--id-column", "review_id"], "- line 4 (its id cell is blank): gold low_pay"),
    "labelled-in-part": (["--id-column", "review_id"], "gold.csv:5 (id R-4): reasons: no label"),
    "found-by-name": ([], "- line 3 (id R-2): gold other"),  # review_id: tests/cli/test_ids_by_name.py
    "missing": (["--id-column", "rid"], "no column 'rid'; the columns are ['review_id', 'text', 'reasons'"),
}


@pytest.fixture
def files(tmp_path):
    rules, labelled = tmp_path / "rules.toml", tmp_path / "gold.csv"
    rules.write_text(RULES, encoding="utf-8")
    labelled.write_text(LABELLED, encoding="utf-8")
    return rules, labelled


@pytest.mark.parametrize(("options", "said"), CASES.values(), ids=list(CASES))
def test_listed_rows_are_named_by_their_id(invoke, files, options, said):
    """Regression: rules test named its misfires by line only, and had no --id-column."""
    result = invoke("rules", "test", *files, *options)
    assert said in result.output


def test_without_an_id_column_rows_are_named_by_their_line(invoke, files):
    files[1].write_text(re.sub("^[^,\n]*,", "", LABELLED, flags=re.MULTILINE), encoding="utf-8")  # no review_id
    result = invoke("rules", "test", *files)
    assert "- line 3: gold other" in result.output


def test_the_json_gives_each_misfire_its_id(invoke, files):
    result = invoke("rules", "test", *files, "--id-column", "review_id", "--format", "json")
    assert result.exit_code == 0, result.output
    examples = json.loads(result.stdout)["rules"][0]["examples"]
    assert [m["id"] for m in examples] == ["R-2", ""]


def test_a_frame_s_rows_are_named_by_their_id(files):
    import pandas as pd

    frame = pd.read_csv(files[1], dtype=str, keep_default_na=False)
    with pytest.warns(taikai.DataWarning, match=r"<frame>: row 4 \(data row, 1-based\) \(id R-4\)"):
        score = evaluate_rules(files[0], frame, id_column="review_id")
    assert [m.where() for m in score.rules[0].examples] == ["row 2 (id R-2)", "row 3 (its id cell is blank)"]
    with pytest.raises(taikai.errors.InputError, match="no column 'rid'"):
        evaluate_rules(files[0], frame, id_column="rid")
