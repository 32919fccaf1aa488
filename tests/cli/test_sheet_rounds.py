"""A CSV sheet is safe to open in Excel and reads back as it was; a later round's sheet carries the earlier ones."""

import csv
import shlex

import openpyxl
import pytest
from click.testing import CliRunner

import taikai
import taikai.io
from taikai.cli import cli

# Texts (and ids) Excel would read as formulas: each must come back as written through train, evaluate, --exclude.
ROWS = [
    ('=HYPERLINK("x")', "=手数料が高すぎて手元に残らない", "fees", "negative"),
    ("+81", "+20%の手数料はさすがに高いと思う", "fees", "negative"),  # not as Excel writes it back: escaped
    ("-1", "-本業が忙しくなって時間が取れない", "time", "neutral"),
    ("@r4", "@直接契約に切り替えたのでもう使っていません", "graduated", "positive"),
    ("'=r5", "'=提案しても提案しても選ばれない", "rejection", "negative"),  # looks escaped already
    ("r6", "単価が安すぎて、何時間やっても数百円にしかならない", "low_pay", "negative"),
]


@pytest.fixture
def run():
    def invoke(*args, code=0):
        result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    return invoke


@pytest.fixture
def predictions(tmp_path, tiny_model_dir, run):
    dump = tmp_path / "dump.csv"
    with dump.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([("id", "text"), *((i, t) for i, t, _, _ in ROWS)])
    out = tmp_path / "pred.csv"
    run("batch", dump, "-o", out, "--text-column", "text", "--id-column", "id", "-m", tiny_model_dir)
    return out


def test_csv_sheet_escapes_formula_cells_and_reads_them_back(run, tmp_path, predictions, tiny_model_dir):
    sheet = tmp_path / "s.csv"
    run("suggest", predictions, "-o", sheet, "--n", "6")
    with sheet.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["text"] for r in rows) == sorted("'" + t if t[0] in "=+-@'" else t for _, t, _, _ in ROWS)
    # the id -1 is a plain number, not a formula: written as it is, so that it joins the user's data; +81 is kept as
    # text (Excel would write it back as 81)
    assert sorted(r["id"] for r in rows) == sorted(['\'=HYPERLINK("x")', "'+81", "-1", "'@r4", "''=r5", "r6"])
    labels = {t: (r, s) for _, t, r, s in ROWS}
    for row in rows:  # a person fills it in
        row["reasons"], row["sentiment"] = labels[row["text"][1:] if row["text"][0] == "'" else row["text"]]
    with sheet.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    data = tmp_path / "data.csv"
    with data.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([("text", "reasons", "sentiment"), *((t, r, s) for _, t, r, s in ROWS)])
    # the sheet's texts are DATA's texts again: every row a duplicate
    out = run("train", data, "--add", sheet, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0", code=2)
    assert f"every labelled row of {sheet} is already in {data} (6 duplicates)" in out
    # ids and texts match the predictions' again: every row left out, so nothing is left to label
    out = run("suggest", predictions, "-o", tmp_path / "s2.csv", "--exclude", sheet, code=2)
    assert "nothing left to label: every one of its 6 classified row(s) was handed out before" in out
    assert f"6 in {sheet}; near-duplicates of them: 0" in out and not (tmp_path / "s2.csv").exists()
    assert "Scored 6 of 6 rows" in run("evaluate", sheet, "-m", tiny_model_dir)


def test_xlsx_definitions_keep_a_label_that_starts_with_equals(tmp_path):
    import pandas as pd

    from taikai.suggestion import write_sheet

    rows = pd.DataFrame({"row": [1], "text": ["=テスト"], "model_reason": ["=高い"]})
    write_sheet(rows, tmp_path / "s.xlsx", ["=高い", "+安い"], [])
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    cells = [c for row in wb["definitions"].iter_rows(min_row=2) for c in row[1:3]]
    assert [c.value for c in cells] == ["=高い", "=高い", "+安い", "+安い"]
    assert {c.data_type for c in cells} == {"s"}  # text, not formulas


def _how_to(path):
    return [row[1:] for row in openpyxl.load_workbook(path)["how_to"].iter_rows(min_row=2, values_only=True)]


@pytest.mark.parametrize(
    ("excluded", "adds", "excludes"),
    [
        ([], "", ""),
        (["s1.xlsx"], " --add {s1}", " --exclude {s1}"),
        (["s1.xlsx", "data.csv"], " --add {s1}", " --exclude {s1} --exclude {data}"),  # data: no --add
    ],
    ids=["first-round", "second-round", "a-labelled-file-too"],
)
def test_a_later_rounds_how_to_carries_the_earlier_files(
    run, tmp_path, predictions, tiny_csv, excluded, adds, excludes
):
    run("suggest", predictions, "-o", tmp_path / "s1.xlsx", "--n", "2")
    with (tmp_path / "data.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([("text", "reasons"), (ROWS[-1][1], "low_pay")])
    paths = {"s1.xlsx": str(tmp_path / "s1.xlsx"), "data.csv": str(tmp_path / "data.csv")}
    options = [a for name in excluded for a in ("--exclude", paths[name])]
    run("suggest", predictions, "-o", tmp_path / "s2.xlsx", "--n", "2", *options)
    steps = _how_to(tmp_path / "s2.xlsx")
    train, again = steps[-2], steps[-1]
    quoted = {name: shlex.quote(path) for name, path in paths.items()}  # the commands quote a path holding a space
    adds, excludes = adds.format(s1=quoted["s1.xlsx"]), excludes.format(s1=quoted["s1.xlsx"], data=quoted["data.csv"])
    data = shlex.quote(str(tiny_csv))  # the file the predicting model was trained on, as its metadata records it
    assert f"taikai train {data}{adds} --add このファイル --out MODEL" in train[0]
    assert f"taikai train {data}{adds} --add THIS_FILE --out MODEL" in train[1]
    assert ("前の回のシートも --add に残す" in train[0]) == bool(adds)
    assert f"次のシート{excludes} --exclude このファイル" in again[0]
    assert f"NEXT_SHEET{excludes} --exclude THIS_FILE" in again[1]


def test_a_second_week_s_sheet_found_by_its_id_column_excludes_and_trains_beside_last_week_s(
    run, tmp_path, tiny_csv, tiny_model_dir
):
    """A dump whose ids are in 回答ID, classified without --id-column: last week's sheet numbered its rows (row), this
    week's names them by 回答ID, found by its name. Last week's rows, matched by text, are not handed out again, and
    this week's how_to train command (--id-column 回答ID) trains on both sheets, the earlier one without the column."""
    import pandas as pd

    texts = pd.read_csv(tiny_csv)["text"].tolist()
    dump = pd.DataFrame({"回答ID": [f"{i:03d}" if i != 5 else "1e3" for i in range(len(texts))], "text": texts})
    dump.to_csv(tmp_path / "dump.csv", index=False)
    run("batch", tmp_path / "dump.csv", "-o", tmp_path / "pred.csv", "--text-column", "text", "-m", tiny_model_dir)
    old = tmp_path / "last_week.xlsx"  # as suggest made it before: the rows numbered, no 回答ID
    taikai.suggest(taikai.io.read_predictions(tmp_path / "pred.csv").drop(columns="回答ID"), old, n=4)
    new = tmp_path / "this_week.xlsx"
    out = run("suggest", tmp_path / "pred.csv", "-o", new, "--n", "4", "--exclude", old)
    assert f"4 in {old}; near-duplicates of them: 0" in out
    sheets = {p: pd.read_excel(p, dtype=str) for p in (old, new)}
    assert list(sheets[old].columns[:1]) == ["row"] and list(sheets[new].columns[:1]) == ["回答ID"]
    assert set(sheets[new]["回答ID"]) <= set(dump["回答ID"])  # as written: 007, 1e3
    assert not set(sheets[old]["text"]) & set(sheets[new]["text"])
    for path in (old, new):  # a person fills both in
        wb = openpyxl.load_workbook(path)
        ws = wb["labels"]
        header = [c.value for c in ws[1]]
        for row in range(2, ws.max_row + 1):
            ws.cell(row, header.index("reasons") + 1).value = ws.cell(row, header.index("model_reason") + 1).value
        wb.save(path)
    step = next(
        en for *_, en in openpyxl.load_workbook(new)["how_to"].iter_rows(values_only=True) if "taikai train" in en
    )
    assert "last_week.xlsx --add THIS_FILE" in step and "--id-column '回答ID'" in step
    data = tmp_path / "data.csv"
    pd.read_csv(tiny_csv).assign(text=lambda d: d["text"] + "。以上です").to_csv(data, index=False)
    out = run(
        "train",
        data,
        "--add",
        old,
        "--add",
        new,
        "--out",
        tmp_path / "m",
        "--id-column",
        "回答ID",
        "--vectors",
        "none",
        "--compare-folds",
        "0",
        "--folds",
        "0",
    )
    assert f"added: {old}  (4 rows, 4 used" in out and f"added: {new}  (4 rows, 4 used" in out
