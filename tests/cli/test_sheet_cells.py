"""A row of a sheet with cells past the named columns names them as Excel does (``D3``)."""

import pytest


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        # said "b.xlsx:3: malformed record (cells beyond the 2 named columns)"
        (
            [["text", "id"], ["安い", "1"], ["高い", "2", None, "memo"]],
            "b.xlsx:3: malformed record (cell(s) D3 beyond ",
        ),
    ],
)
def test_a_row_with_cells_beyond_the_header_names_them(invoke, tmp_path, tiny_model_dir, rows, said):
    import openpyxl

    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / "b.xlsx")
    result = invoke(
        "batch", tmp_path / "b.xlsx", "-o", tmp_path / "o.csv", "-m", tiny_model_dir, "--text-column", "text"
    )
    assert result.exit_code == 2, result.output
    assert said in result.output, result.output


@pytest.mark.parametrize("command", ["evaluate", "rules"])
def test_a_labeller_s_comments_in_a_column_with_no_name_say_what_to_do(invoke, tmp_path, tiny_model_dir, command):
    """A labelled sheet with comments typed in the column after the last named one (h386): the refusal says to name
    that column or clear it, not only that every record needs one field per column."""
    import openpyxl

    wb = openpyxl.Workbook()
    for row in (["text", "reasons", "sentiment"], ["手数料が高い", "fees", "negative", "迷った"]):
        wb.active.append(row)
    wb.save(tmp_path / "b.xlsx")
    rules = tmp_path / "r.toml"
    rules.write_text('[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["手数料"]\n', encoding="utf-8")
    given = ["rules", "test", rules] if command == "rules" else [command]
    result = invoke(*given, tmp_path / "b.xlsx", "-m", tiny_model_dir)
    assert result.exit_code == 2, result.output
    said = "b.xlsx:2: malformed record (cell(s) D2 beyond the 3 named columns, A to C: give column D a name in row 1 "
    assert said in " ".join(result.output.split()), result.output


@pytest.mark.parametrize(
    ("beside", "said"),
    [
        # said "not a readable xlsx workbook (an xlsx file is a zip archive, and this file is not one: damaged, …"
        (True, "read {dir}/reviews.xlsx instead (as last saved: save it in Excel first)"),
        (False, "read the workbook itself (reviews.xlsx, where it was opened from)"),
    ],
)
@pytest.mark.parametrize("command", ["batch", "evaluate", "train"])
def test_excel_s_lock_file_is_said_to_be_one(invoke, tmp_path, tiny_model_dir, beside, said, command):
    """Regression: ``~$reviews.xlsx`` (Excel's owner file, beside a workbook open in it) was said to be a damaged
    workbook, or another format renamed .xlsx."""
    import openpyxl

    if beside:
        openpyxl.Workbook().save(tmp_path / "reviews.xlsx")
    lock = tmp_path / "~$reviews.xlsx"
    lock.write_bytes(b"\x07tanaka ".ljust(165, b"\x00"))  # Excel's: the user's name, padded
    args = {"batch": ["-o", tmp_path / "o.csv", "-m", tiny_model_dir], "evaluate": ["-m", tiny_model_dir]}
    result = invoke(command, lock, *args.get(command, ["-o", tmp_path / "m"]))
    assert result.exit_code == 2, result.output
    told = "the lock file Excel keeps beside a workbook while it is open (it holds who opened it, no rows): "
    assert f"{lock}: {told}{said.format(dir=tmp_path)}" in result.output, result.output
