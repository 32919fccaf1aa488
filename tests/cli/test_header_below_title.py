"""drift, evaluate, train and rules test say that a header stands below a title, as batch does
(taikai.io.check_header_row), instead of a missing column without the reason, or a malformed record at the header's
line."""

import pytest

TITLE = "退会アンケート集計 2024年度"
LABELLED = [[TITLE], [], ["text", "reasons", "sentiment"], ["手数料が高すぎる", "fees", "negative"]]
DUMP = [[TITLE], ["出力日", "2024-12-01"], ["text", "date"], ["手数料が高すぎる", "2024-01-05"]]
BELOW = "the lines above it look like a title; delete them (taikai reads the header from line 1)"
EXPORT = [[TITLE], [], ["ID", "投稿日", "本文"], ["1", "2024-01-05", "手数料が高すぎる"]]  # Excel's, other names
AFTER = (
    "line 1 holds one cell, as a title does: if line 3 ('ID', '投稿日', '本文') is the header, delete the lines above "
    "it (taikai reads the header from line 1)"
)


def _write(path, rows):
    if path.suffix == ".xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        for row in rows:
            wb.active.append(row)
        wb.save(path)
    else:
        path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("command", "rows", "options", "said"),
    [
        ("drift", DUMP, [], f"no column 'text'; the columns are ['{TITLE}']; 'text' is on line 3: {BELOW}"),
        ("drift", DUMP, ["--date-column", "date"], "no column 'text' nor 'date'; "),
        (
            "evaluate",
            LABELLED,
            [],
            f"no column 'text' nor 'reasons' nor 'sentiment'; the columns are ['{TITLE}']; 'text', 'reasons' and "
            f"'sentiment' are on line 3: {BELOW}",
        ),
        ("evaluate", LABELLED, ["--no-sentiment"], f"'text' and 'reasons' are on line 3: {BELOW}"),
        ("train", LABELLED, ["-o", "{tmp}/mm"], f"'text', 'reasons' and 'sentiment' are on line 3: {BELOW}"),
        # rules test said "titled.csv:3: malformed record (expected 1 fields, found 3)"
        (
            "rules",
            LABELLED,
            [],
            f"no column 'text' nor 'reasons'; the columns are ['{TITLE}']; 'text' and 'reasons' are on line 3: {BELOW}",
        ),
        ("rules", LABELLED, ["--reasons-column", "gold"], "'text' is on line 3: "),  # h153's case
        # a header of other names below the title: evaluate and train said "titled.csv:3: malformed record"
        ("evaluate", EXPORT, [], f"the columns are ['{TITLE}']; {AFTER}"),
        ("train", EXPORT, ["-o", "{tmp}/mm"], f"the columns are ['{TITLE}']; {AFTER}"),
        ("rules", EXPORT, [], f"the columns are ['{TITLE}']; {AFTER}"),
        ("drift", EXPORT, [], f"no column 'text'; the columns are ['{TITLE}']; {AFTER}"),
    ],
)
def test_a_header_below_a_title_is_said_so(invoke, tmp_path, tiny_model_dir, command, rows, options, said):
    """Regression: drift said only "no column 'text'"; evaluate and train "titled.csv:3: malformed record"."""
    path = tmp_path / "titled.csv"
    _write(path, rows)
    model = ["-m", tiny_model_dir] if command != "train" else []
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["手数料"]\n', encoding="utf-8")
    command_line = ["rules", "test", rules] if command == "rules" else [command]
    result = invoke(*command_line, path, *model, *[o.format(tmp=tmp_path) for o in options])
    assert result.exit_code == 2, result.output
    assert f"taikai: error: {path}: " in result.output and said in result.output, result.output
    assert "malformed record" not in result.output


def test_a_header_below_a_title_in_a_sheet_is_said_so(invoke, tmp_path, tiny_model_dir):
    path = tmp_path / "titled.xlsx"
    _write(path, LABELLED)
    result = invoke("evaluate", path, "-m", tiny_model_dir)
    assert result.exit_code == 2, result.output
    assert "'text', 'reasons' and 'sentiment' are on row 3: the rows above it look like a title" in result.output
