"""suggest on predictions frames and files: what is left out, determinism, the sheet's columns and encodings."""

import json
import warnings
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import openpyxl
import pandas as pd
import pytest

import taikai
from taikai.errors import DataWarning
from taikai.labels import REASON_IDS, SENTIMENTS, shown_label
from taikai.suggestion import Strategy, Suggestion, definitions, write_sheet
from tests.text.test_similar import REVIEW, SURVEY, survey


def predictions(n: int = 60, seed: int = 0) -> pd.DataFrame:
    """A predictions frame as predict_frame writes it, with random probabilities and two rows not ok."""
    rng = np.random.default_rng(seed)
    reason_p = rng.dirichlet(np.ones(len(REASON_IDS)) * 0.5, size=n)
    sentiment_p = rng.dirichlet(np.ones(3), size=n)
    frame = pd.DataFrame(
        {
            "review_id": [f"r{i:03d}" for i in range(n)],
            "body": [
                f"レビュー{i}番: {'あかさたなはまやらわ'[i % 10] * (i % 7 + 3)}の話をしています{i}" for i in range(n)
            ],
            "status": ["ok"] * n,
        }
    )
    for j, r in enumerate(REASON_IDS):
        frame[f"p_reason_{r}"] = reason_p[:, j]
    for j, s in enumerate(SENTIMENTS):
        frame[f"p_sentiment_{s}"] = sentiment_p[:, j]
    frame["reason"] = [REASON_IDS[j] for j in reason_p.argmax(axis=1)]
    frame["reasons"] = frame["reason"]
    frame.loc[[3, 7], "status"] = ["empty", "error"]
    frame.loc[[3, 7], [c for c in frame.columns if c.startswith("p_")]] = np.nan
    return frame


@pytest.mark.parametrize("strategy", ["margin", "entropy", "random"])
def test_suggest_leaves_out_rows_not_ok_and_is_deterministic(strategy):
    df = predictions()
    a = taikai.suggest(df, n=20, strategy=strategy, seed=3, text_column="body", id_column="review_id")
    b = taikai.suggest(df, n=20, strategy=strategy, seed=3, text_column="body", id_column="review_id")
    assert a.rows.equals(b.rows)
    assert len(a.rows) == 20 and a.total == 60 and a.not_ok == {"empty": 1, "error": 1}
    assert not {"r003", "r007"} & set(a.rows["review_id"])
    assert sum(a.per_reason.values()) == 20


def test_margin_picks_the_smallest_top_two_gaps():
    df = predictions()
    chosen = taikai.suggest(df, n=8, text_column="body", id_column="review_id")
    gaps = chosen.rows["p_model_reason"] - chosen.rows["p_runner_up"]
    ok = df[df["status"] == "ok"]
    p = np.sort(ok[[f"p_reason_{r}" for r in REASON_IDS]].to_numpy(), axis=1)
    all_gaps = p[:, -1] - p[:, -2]
    assert gaps.max() <= np.quantile(all_gaps, 0.5)  # spread over reasons, yet all from the unsure half
    assert list(gaps) == sorted(gaps, key=lambda g: round(g, 3))  # most uncertain first (rounded in the sheet)


def test_random_depends_on_the_seed():
    df = predictions()
    ids = [set(taikai.suggest(df, n=10, strategy="random", seed=s, text_column="body").rows["text"]) for s in (1, 2)]
    assert ids[0] != ids[1]


def test_without_an_id_column_rows_are_numbered_from_one():
    df = predictions().drop(columns="review_id")
    chosen = taikai.suggest(df, n=5, text_column="body")
    for row, text in zip(chosen.rows["row"], chosen.rows["text"], strict=True):
        assert df["body"].iloc[row - 1] == text


FILTERED = range(100, 160)


@pytest.mark.parametrize(
    ("index", "id_column", "shown"),
    [
        ("review_id", None, "review_id"),  # a named index is the sheet's ids, as the report shows it beside reviews
        ("review_id", "review_copy", "review_copy"),  # an id column given wins
        ("review_id", "review_id", "review_id"),  # the index named as the id column (before: refused, not a column)
        (["review_copy", "review_id"], "review_id", "review_id"),  # a level of two: every level made a column
        (["platform", "review_id"], None, "review_id"),  # the level naming each row, not the repeated platform
        (["review_id", "platform"], None, "review_id"),  # the first level when it names each row
        (FILTERED, None, "index"),  # an unnamed index not the positions (filtered): its labels (before: row 1, …)
        (None, None, "review_id"),  # the default index: the column named as ids (before: the 1-based data row)
    ],
)
def test_a_frame_s_index_is_the_sheet_s_id(index, id_column, shown):
    """Regression: a frame indexed by its ids (df.set_index("review_id")) got a sheet of row numbers, while
    build_report showed the same index as each review's id; so did a filtered frame (index 100, 101, …), whose
    row numbers df.loc does not find, while every other message names its rows by their index labels."""
    df = predictions().assign(review_copy=lambda d: d["review_id"], platform=lambda d: d.index % 3)
    given = df.set_axis(index) if index is FILTERED else df.set_index(index) if index else df
    chosen = taikai.suggest(
        given.drop(columns="review_id") if index is FILTERED else given, n=5, text_column="body", id_column=id_column
    )
    assert chosen.rows.columns[0] == shown
    for at, text in zip(chosen.rows[shown], chosen.rows["text"], strict=True):
        row = (
            at - 1
            if shown == "row"
            else at - FILTERED.start
            if shown == "index"
            else df.index[df["review_id"] == at][0]
        )
        assert df["body"].iloc[row] == text


def test_a_filtered_frame_with_a_column_named_index_is_numbered_and_told_so():
    """The index cannot be the sheet's ``index`` column beside a column of that name: rows numbered, and a warning
    says what to do (followed: the named index is the id)."""
    given = predictions().drop(columns="review_id").assign(index="x").set_axis(FILTERED)
    with pytest.warns(DataWarning, match=r"a column is named 'index' too; name the index \(df.rename_axis"):
        chosen = taikai.suggest(given, n=5, text_column="body")
    assert chosen.rows.columns[0] == "row"
    assert taikai.suggest(given.rename_axis("review_no"), n=5, text_column="body").rows.columns[0] == "review_no"


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (predictions().drop(columns=[f"p_reason_{r}" for r in REASON_IDS]), "no p_reason_"),
        (predictions().drop(columns=["body"]), "no column 'body'"),
    ],
)
def test_suggest_refuses_frames_it_cannot_use(frame, message):
    with pytest.raises(taikai.InputError, match=message):
        taikai.suggest(frame, n=5, text_column="body")


@pytest.mark.parametrize(
    ("seed", "error", "message"),
    [
        (-1, taikai.InputError, "seed must be at least 0, not -1"),  # regression: numpy's ValueError, a traceback
        (-(2**40), taikai.InputError, "seed must be at least 0"),
        ("1", TypeError, "seed"),
    ],
)
@pytest.mark.parametrize("strategy", ["margin", "random"])
def test_suggest_refuses_a_seed_numpy_cannot_take(seed, error, message, strategy):
    with pytest.raises(error, match=message):
        taikai.suggest(predictions(), n=5, text_column="body", seed=seed, strategy=strategy)


@pytest.mark.parametrize("seed", [0, 2**32, 2**70])  # beyond 32 bits numpy still seeds: the same rows for a seed
def test_suggest_takes_any_seed_of_zero_or_more(seed):
    drawn = [
        taikai.suggest(predictions(), n=5, text_column="body", id_column="review_id", seed=seed, strategy="random")
        for _ in range(2)
    ]
    assert [d.rows["review_id"].tolist() for d in drawn] == [drawn[0].rows["review_id"].tolist()] * 2
    assert len(drawn[0].rows) == 5


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".parquet", ".xlsx"])
def test_suggest_reads_every_predictions_format(tmp_path, suffix):
    df = predictions(30)
    path = tmp_path / f"p{suffix}"
    {
        ".csv": lambda: df.to_csv(path, index=False),
        ".tsv": lambda: df.to_csv(path, index=False, sep="\t"),
        ".jsonl": lambda: df.to_json(path, orient="records", lines=True, force_ascii=False),
        ".parquet": lambda: df.to_parquet(path),
        ".xlsx": lambda: df.to_excel(path, index=False),
    }[suffix]()
    chosen = taikai.suggest(path, n=6, text_column="body", id_column="review_id")
    expected = taikai.suggest(df, n=6, text_column="body", id_column="review_id")
    assert list(chosen.rows["review_id"]) == list(expected.rows["review_id"])
    assert chosen.not_ok == {"empty": 1, "error": 1}


@pytest.mark.parametrize(
    ("encoding", "bom", "text_out"),
    [(None, True, "𠮷野家の話"), ("utf-8", False, "𠮷野家の話"), ("cp932", False, "?野家の話")],
)
def test_csv_sheet_encodings(tmp_path, encoding, bom, text_out):
    rows = pd.DataFrame({"row": [1], "text": ["𠮷野家の話"], "model_reason": ["fees"]})
    out = tmp_path / "s.csv"
    replaced = write_sheet(rows, out, ["fees"], ["negative"], encoding).replaced
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") is bom
    assert replaced == (1 if encoding == "cp932" else 0)
    text = data.decode(encoding or "utf-8-sig")
    assert text.splitlines()[0] == "row,text,model_reason,reasons,sentiment,more_reasons,note"
    assert text.splitlines()[1] == f"1,{text_out},fees,,,,"


def test_definitions_of_labels_outside_the_taxonomy_fall_back_to_the_id():
    rows = definitions(["fees", "mine"], ["negative"])
    # labels of one's own, fees among them: each its own name, with no meaning from the taxonomy
    assert rows[0] == ("reason", "fees", "fees", "", "")
    assert rows[1] == ("reason", "mine", "mine", "", "")
    assert rows[2][:3] == ("sentiment", "negative", "ネガティブ") and rows[2][3]  # the sentiments are the taxonomy's


def test_a_long_label_list_is_referenced_on_the_definitions_sheet(tmp_path):
    reasons = [f"custom_reason_number_{i:02d}" for i in range(20)]  # too long for an inline list
    out = tmp_path / "s.xlsx"
    write_sheet(pd.DataFrame({"row": [1], "text": ["テスト"]}), out, reasons, ["negative"])
    ws = openpyxl.load_workbook(out)["labels"]
    formulas = sorted(dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list")
    assert formulas == ['"negative"', "definitions!$B$2:$B$21"]


def test_xlsx_sheet_drops_characters_excel_cannot_hold_and_counts_them(tmp_path):
    out = tmp_path / "s.xlsx"
    assert write_sheet(pd.DataFrame({"row": [1], "text": ["ベル\x07の音"]}), out, ["fees"], ["negative"]).replaced == 1
    assert openpyxl.load_workbook(out)["labels"]["B2"].value == "ベルの音"


def test_xlsx_sheet_keeps_a_text_starting_with_an_equals_sign_as_text(tmp_path):
    """Regression: openpyxl wrote ``=…`` as a formula, which Excel computes and a reader sees empty."""
    out = tmp_path / "s.xlsx"
    write_sheet(pd.DataFrame({"row": [1], "text": ["=1+1 手数料が高い"]}), out, ["fees"], ["negative"])
    cell = openpyxl.load_workbook(out)["labels"]["B2"]
    assert (cell.value, cell.data_type) == ("=1+1 手数料が高い", "s")


CUT = "cut to Excel's 32,767-character limit"
CSV_SAID = (
    "hold more than 32,767 characters, which Excel cuts to that when it opens the file: {}. A sheet saved again "
    "from Excel keeps only what it shows, and train --add then learns from the cut text; fill such rows in a text "
    "editor to keep them whole"
)


@pytest.mark.parametrize(
    ("sheet", "texts", "ids", "warning"),
    [
        ("s.xlsx", ["短い", "あ" * 40_000], "row", f"1 cell(s) {CUT}, in 1 row(s): line 3 (row 2); "),
        (
            "s.xlsx",
            ["い" * 32_768, "あ" * 40_000],
            "row",
            f"2 cell(s) {CUT}, in 2 row(s): line 2 (row 1), line 3 (row 2); ",
        ),
        ("s.xlsx", ["短い", "あ" * 40_000], "review_id", f"1 cell(s) {CUT}, in 1 row(s): line 3 (id 2); "),
        ("s.xlsx", ["短い", "あ" * 32_767], "row", None),  # at the limit: whole, and no warning
        ("s.csv", ["短い", "あ" * 40_000], "row", "1 text cell(s) in 1 row(s) " + CSV_SAID.format("line 3 (row 2)")),
        (
            "s.csv",
            ["い" * 32_768, "あ" * 40_000],
            "review_id",
            "2 text cell(s) in 2 row(s) " + CSV_SAID.format("line 2 (id 1), line 3 (id 2)"),
        ),
        ("s.csv", ["短い", "あ" * 32_767], "row", None),
    ],
)
def test_sheet_warns_of_cells_excel_cuts(tmp_path, sheet, texts, ids, warning):
    """An xlsx sheet cuts such cells as it is written; a CSV sheet holds them whole, but Excel cuts them as it opens
    it (it said nothing); both name the rows as batch does, by line and id (the xlsx said "sheet row(s) 3")."""
    out = tmp_path / sheet
    rows = pd.DataFrame({ids: [1, 2], "text": texts})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert write_sheet(rows, out, ["fees"], ["negative"]).replaced == 0
    said = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    end = "write a .csv sheet to keep whole texts" if sheet.endswith(".xlsx") else ""
    assert said == ([] if warning is None else [f"{out}: {warning}{end}"])
    if sheet.endswith(".csv"):
        back = pd.read_csv(out, dtype=str, encoding="utf-8-sig")
        assert back["text"].tolist() == texts
        return
    ws = openpyxl.load_workbook(out)["labels"]
    assert [ws["B2"].value, ws["B3"].value] == [t[:32_767] for t in texts]


@pytest.mark.parametrize(
    ("total", "not_ok", "duplicates", "expected"),
    [
        (
            3000,
            {},
            0,
            ["0 rows to label (margin, seed 0) of 3,000 read", "status not ok: none; same or near-duplicate text: 0"],
        ),
        (
            1_250_000,
            {"empty": 1200},
            4321,
            ["of 1,250,000 read", "status not ok: 1,200 empty; same or near-duplicate text: 4,321"],
        ),
    ],
)
def test_the_tally_prints_counts_with_thousands_separators(total, not_ok, duplicates, expected):
    s = taikai.Suggestion(pd.DataFrame(), taikai.Strategy.MARGIN, 0, total, not_ok, duplicates, {"low_pay": 1500})
    text = str(s)
    assert all(part in text for part in expected), text
    assert "per predicted reason: low_pay 1,500" in text


SAID = "(--rules-mode override put the rule's label first)"
OVERRIDDEN = f"other; perhaps trouble too {SAID}"


@pytest.mark.parametrize(
    ("written", "model_reason", "expected"),
    [
        ("other|trouble", None, "other|trouble"),  # flag mode: the model's own list
        ("trouble|other", "other", OVERRIDDEN),  # a rule took the primary: not shown as the model's
        ("trouble", "other", None),  # impossible (the model's own is kept after the rule's): shown as read
        ("other|trouble", "other", "other|trouble"),  # no rule, or a rule agreeing: the list is the model's
        ("fees|time|other", "time", f"time|other; perhaps fees too {SAID}"),
    ],
)
def test_model_reasons_are_the_model_s_own_not_the_rules(written, model_reason, expected):
    from taikai.suggestion._sheet_rows import model_reasons

    assert model_reasons(written, model_reason) == (written if expected is None else expected)


def test_a_sheet_of_override_predictions_does_not_show_the_rule_s_label_as_the_model_s():
    """Regression: model_reason other beside model_reasons trouble|other (the rule's list) in the sheet."""
    df = predictions()
    df["reasons"] = df["reason"]
    df["model_reason"] = df["reason"]
    moved = df.index[(df["status"] == "ok") & (df["reason"] != "trouble")]
    df.loc[moved, "reasons"] = "trouble|" + df.loc[moved, "reason"]
    df.loc[moved, "reason"] = "trouble"
    rows = taikai.suggest(df, n=60, text_column="body", id_column="review_id").rows
    for mine, theirs in zip(rows["model_reason"], rows["model_reasons"], strict=True):
        assert theirs == mine if mine == "trouble" else theirs == f"{mine}; perhaps trouble too {SAID}"


RULED = ["rule_names", "rule_reasons", "rule_conflict"]


def ruled_predictions(prefix: str = "") -> pd.DataFrame:
    """predictions() as batch --rules writes them: a fee rule fired on every third row, in conflict where the model's
    reason is not fees."""
    df = predictions()
    fired = df.index % 3 == 0
    df["rule_names"] = np.where(fired, "fee words", None)
    df["rule_reasons"] = np.where(fired, "fees", None)
    df["rule_conflict"] = fired & (df["reason"] != "fees")
    df["sentiment"] = [
        SENTIMENTS[j] for j in df[[f"p_sentiment_{s}" for s in SENTIMENTS]].fillna(0).to_numpy().argmax(1)
    ]
    return df.rename(columns={c: prefix + c for c in df.columns if c not in ("review_id", "body")})


@pytest.mark.parametrize(
    ("frame", "fmt", "ruled"),
    [  # regression: the sheet dropped the rule columns, so a labeller saw neither the rules nor their conflicts
        (ruled_predictions(), ".csv", True),
        (ruled_predictions(), ".xlsx", True),
        (ruled_predictions("pred_"), ".csv", True),  # batch --prefix pred_
        (predictions(), ".csv", False),  # predictions made without rules: no rule columns
    ],
)
def test_the_sheet_keeps_the_rules_that_fired(tmp_path, frame, fmt, ruled):
    out = tmp_path / f"sheet{fmt}"
    rows = taikai.suggest(frame, out, n=20, text_column="body", id_column="review_id").rows
    read = pd.read_csv(out, dtype=str) if fmt == ".csv" else pd.read_excel(out, dtype=str)
    columns = list(read.columns)
    if not ruled:
        assert not set(RULED) & set(columns) and not set(RULED) & set(rows.columns)
        return
    assert columns[columns.index("p_model_sentiment") + 1 : columns.index("similar_rows")] == RULED
    source = ruled_predictions().set_index("review_id")
    for _, row in read.iterrows():
        cells = [value if isinstance(value, str) else None for value in row[RULED]]  # an empty cell: no rule fired
        names, reasons, conflict = source.loc[row["review_id"], RULED]
        written = str(conflict).lower() if fmt == ".csv" else str(conflict)  # a CSV's true, an xlsx's boolean
        assert cells == [*(v if isinstance(v, str) else None for v in (names, reasons)), written]
    assert rows["rule_conflict"].tolist() == [bool(source.loc[i, "rule_conflict"]) for i in rows["review_id"]]
    assert rows["rule_conflict"].any() and rows["rule_names"].isna().any()  # conflicts, and rows no rule fired on


def fill_sheet(path, cells):
    """Fill the first *cells* rows' reasons and sentiment of the sheet at *path* (xlsx or csv), as a person does."""
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        header = [c.value for c in ws[1]]
        for row in list(ws.iter_rows(min_row=2))[:cells]:
            row[header.index("reasons")].value = "fees"
            row[header.index("sentiment")].value = "negative"
        wb.save(path)
    else:
        sheet = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        sheet.loc[: cells - 1, ["reasons", "sentiment"]] = ["fees", "negative"]
        sheet.to_csv(path, index=False, encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("name", "filled", "message"),
    [
        ("s.xlsx", 5, "already exists and holds 10 filled reasons/sentiment cell(s): the labels would be lost"),
        ("s.csv", 3, "already exists and holds 6 filled reasons/sentiment cell(s): the labels would be lost"),
        ("s.csv", 0, "already exists (a sheet with no reasons/sentiment filled in)"),
    ],
)
def test_suggest_refuses_to_overwrite_a_sheet_unless_told(tmp_path, name, filled, message):
    out = tmp_path / name
    taikai.suggest(predictions(), out, n=10, text_column="body", id_column="review_id")
    if filled:
        fill_sheet(out, filled)
    before = out.read_bytes()
    with pytest.raises(taikai.InputError) as caught:
        taikai.suggest(predictions(), out, n=10, text_column="body", id_column="review_id")
    assert message in str(caught.value) and "pass overwrite=True (--force on the command line)" in str(caught.value)
    assert out.read_bytes() == before
    taikai.suggest(predictions(), out, n=10, text_column="body", id_column="review_id", overwrite=True)
    assert out.read_bytes() != before or not filled


@pytest.mark.parametrize(
    ("title", "first", "said"),
    [
        # h245: a filled sheet saved with the definitions sheet first was "not a labelling sheet taikai can read",
        # and --force, which that seemed to allow, lost its labels
        (
            "ラベル",
            "definitions",
            "holds 6 filled reasons/sentiment cell(s) on its sheet 'ラベル': the labels would be",
        ),
        ("ラベル", "how_to", "holds 6 filled reasons/sentiment cell(s) on its sheet 'ラベル': the labels would be"),
        ("labels", "definitions", "holds 6 filled reasons/sentiment cell(s): the labels would be lost"),  # read first
    ],
    ids=["renamed-definitions-first", "renamed-how-to-first", "labels-not-first"],
)
def test_an_existing_workbook_s_labels_are_counted_on_whichever_sheet_they_are(tmp_path, title, first, said):
    out = tmp_path / "s.xlsx"
    taikai.suggest(predictions(), out, n=10, text_column="body", id_column="review_id")
    fill_sheet(out, 3)
    wb = openpyxl.load_workbook(out)
    wb.worksheets[0].title = title
    wb.move_sheet(first, offset=-wb.sheetnames.index(first))
    wb.save(out)
    with pytest.raises(taikai.InputError) as caught:
        taikai.suggest(predictions(), out, n=10, text_column="body", id_column="review_id")
    assert said in str(caught.value)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("my own notes\n", "already exists (not a labelling sheet taikai can read)"),
        (  # regression: labelled data train reads was said to be a file taikai cannot read
            "text,reasons,sentiment\n手数料が高い,fees,negative\n",
            "already exists (labelled data of 1 row(s) with a reasons column, not a labelling sheet)",
        ),
        (
            "text,status,reason,reasons,p_reason_fees\n手数料が高い,ok,fees,fees,0.9\n",
            "already exists (a predictions file, as taikai batch writes, not a labelling sheet)",
        ),
    ],
)
def test_suggest_refuses_an_existing_file_that_is_not_a_sheet_saying_what_it_is(tmp_path, content, said):
    out = tmp_path / "notes.csv"
    out.write_text(content, encoding="utf-8")
    with pytest.raises(taikai.InputError) as caught:
        taikai.suggest(predictions(), out, n=10, text_column="body")
    assert str(caught.value) == (
        f"out={str(out)!r} (--output on the command line): {said}; choose another file, or pass overwrite=True "
        "(--force on the command line) to replace it"
    )
    assert out.read_text(encoding="utf-8") == content


def test_a_missing_column_lists_the_columns_as_the_frame_names_them():
    df = predictions().rename(columns={c: f"pred_{c}" for c in predictions().columns if c not in {"body", "review_id"}})
    with pytest.raises(taikai.InputError) as caught:
        taikai.suggest(df, n=5, text_column="body", id_column="nope")
    assert "no column 'nope'" in str(caught.value)
    assert "'pred_status'" in str(caught.value) and "'status'" not in str(caught.value)


@pytest.mark.parametrize(
    ("text_column", "id_column", "message"),
    [
        (0, 1, None),
        ("0", "1", None),
        ("", None, "<frame>: no column ''; the columns are [0, 1, 'status'"),
        (0, 7, "<frame>: no column 7; the columns are [0, 1, 'status'"),
    ],
)
def test_a_frame_with_integer_column_labels(text_column, id_column, message):
    """Regression: text_column=0 was taken as not given (a falsy check), and "" as "text"."""
    frame = predictions().rename(columns={"body": 0, "review_id": 1})
    frame = frame[[0, 1, *[c for c in frame.columns if c not in (0, 1)]]]
    if message is None:
        found = taikai.suggest(frame, n=5, text_column=text_column, id_column=id_column)
        expected = taikai.suggest(predictions(), n=5, text_column="body", id_column="review_id")
        assert found.rows.columns[0] == "1"
        assert found.rows.iloc[:, :2].values.tolist() == expected.rows.iloc[:, :2].values.tolist()
    else:
        with pytest.raises(taikai.InputError) as caught:
            taikai.suggest(frame, n=5, text_column=text_column, id_column=id_column)
        assert str(caught.value).startswith(message)


def _dump(texts, not_ok=0, seed=0):
    """A predictions frame of *texts* (ids d0, d1, …), its last *not_ok* rows empty."""
    frame = predictions(len(texts), seed).assign(
        body=texts, status="ok", review_id=[f"d{i}" for i in range(len(texts))]
    )
    predicted = [c for c in frame.columns if c.startswith("p_")] + ["reason", "reasons"]
    frame.loc[[3, 7], predicted] = frame.loc[[0, 1], predicted].to_numpy()  # predictions() left them empty
    if not_ok:
        frame.loc[frame.index[-not_ok:], "status"] = "empty"
        frame.loc[frame.index[-not_ok:], [c for c in frame.columns if c.startswith("p_")]] = np.nan
    return frame


COMMON = "同じ定型文のレビューがたくさん並んでいます、退会の理由は手数料です"
MIXED = [COMMON] * 30 + [COMMON + "。"] * 5 + predictions(40)["body"].tolist()


@pytest.mark.parametrize("strategy", ["margin", "random"])
@pytest.mark.parametrize(
    ("n", "not_ok", "exclude"),
    [
        (10, 0, []),
        (10, 6, []),
        (500, 6, []),
        # near-duplicates of an excluded text, with their repeats (the hunter's case), and two files that overlap
        (10, 3, [pd.DataFrame({"text": [COMMON + "!!"]})]),
        (10, 3, [pd.DataFrame({"review_id": [f"d{i}" for i in range(30, 50)]}), pd.DataFrame({"text": MIXED[40:60]})]),
        (500, 0, [pd.DataFrame({"text": [COMMON + "!!"]}), pd.DataFrame({"text": MIXED[36:50]})]),
    ],
    ids=["plain", "not-ok", "n-above-rows", "near-excluded", "files-overlap", "everything-but-a-few"],
)
def test_the_tally_counts_every_row_read_once(strategy, n, not_ok, exclude):
    """Regression: with --exclude the summary counted more rows than were read (3,621 of 3,202): near-duplicates of
    an excluded text were counted again with the duplicates, and a row held by two files for each."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        s = taikai.suggest(
            _dump(MIXED, not_ok), n=n, strategy=strategy, text_column="body", id_column="review_id", exclude=exclude
        )
    parts = len(s.rows) + sum(s.not_ok.values()) + s.duplicates + sum((s.excluded or {}).values()) + s.near_excluded
    assert parts <= s.total == len(MIXED)
    assert parts + s.not_chosen == s.total
    assert s.to_dict()["not_chosen"] == s.not_chosen
    assert ("not drawn: " if strategy == "random" else "not chosen (the model is surer of them): ") in str(s)


@pytest.mark.parametrize(("n", "seeds"), [(10, range(40)), (40, range(10))])
def test_random_draws_rows_uniformly_so_common_texts_come_in_proportion(n, seeds):
    """Regression: --strategy random sampled groups of near-duplicates: a text filling half the dump came no more
    often than any other, and a sheet row stood for every copy in the dump, so the sheet's reasons were not the
    dump's."""
    dump = _dump(MIXED)
    common, reasons = 0.0, pd.Series(0.0, index=REASON_IDS)
    for seed in seeds:
        s = taikai.suggest(dump, n=n, strategy="random", seed=seed, text_column="body", id_column="review_id")
        assert len(s.rows) == n and (s.rows["similar_rows"] == 0).all()  # every row drawn stands for itself
        assert f"not drawn: {len(MIXED) - n} (a uniform draw: every row as likely;" in str(s)
        common += s.rows["text"].str.startswith(COMMON).mean()
        reasons += s.rows["model_reason"].value_counts(normalize=True).reindex(REASON_IDS, fill_value=0)
    assert abs(common / len(seeds) - 35 / len(MIXED)) < 0.06  # 35 of the 75 rows are COMMON or COMMON + "。"
    in_dump = dump["reason"].value_counts(normalize=True).reindex(REASON_IDS, fill_value=0)
    assert (reasons / len(seeds) - in_dump).abs().max() < 0.06


@pytest.mark.parametrize("strategy", ["margin", "entropy", "random"])
@pytest.mark.parametrize(
    ("not_ok", "exclude", "message"),
    [
        (75, [], "<frame>: nothing to label: none of its 75 row(s) was classified (status not ok: 75 empty); no sheet"),
        (  # with files to exclude too: none classified, not "every one of its 0 rows handed out" (mutation audit)
            75,
            [pd.DataFrame({"text": MIXED})],
            "<frame>: nothing to label: none of its 75 row(s) was classified (status not ok: 75 empty); no sheet",
        ),
        (
            0,
            [pd.DataFrame({"text": MIXED})],
            "<frame>: nothing left to label: every one of its 75 classified row(s) was handed out before (exclude= "
            "(--exclude on the command line): 75 in <frame 1>; near-duplicates of them: 0); no sheet was written.",
        ),
        (
            5,
            [pd.DataFrame({"text": MIXED[:40]}), pd.DataFrame({"text": [t + "!" for t in MIXED[36:]]})],
            "every one of its 70 classified row(s) was handed out before (exclude= (--exclude on the command line): "
            "40 in <frame 1>, 0 in <frame 2>; near-duplicates of them: 30); the other 5 were not classified (status "
            "not ok: 5 empty); no sheet was written",
        ),
    ],
    ids=["none-classified", "none-classified-some-excluded", "all-excluded", "near-and-not-ok"],
)
def test_nothing_left_to_label_is_an_error_and_writes_no_sheet(tmp_path, strategy, not_ok, exclude, message):
    """Regression: suggest printed '0 rows to label', wrote a sheet of headers only and succeeded."""
    out = tmp_path / "s.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        with pytest.raises(taikai.InputError) as caught:
            taikai.suggest(_dump(MIXED, not_ok), out, n=5, strategy=strategy, text_column="body", exclude=exclude)
    assert message in str(caught.value)
    assert not out.exists()


@pytest.mark.parametrize("strategy", ["margin", "entropy"])
@pytest.mark.parametrize(
    ("texts", "duplicates"),
    [
        (SURVEY, 0),  # ten answers filled into one form: ten rows to label (7 were hidden as near-duplicates)
        ([*SURVEY, REVIEW, REVIEW.replace("二割", "３割")], 1),  # one review with a changed word: still counted once
    ],
    ids=["form", "review-among-form"],
)
def test_answers_filled_into_one_form_are_not_near_duplicates(strategy, texts, duplicates):
    """Regression (R15): 10 rows of 【退会アンケート】…退会理由：{X}… gave "same or near-duplicate text: 7"."""
    s = taikai.suggest(_dump(texts), n=20, strategy=strategy, text_column="body", id_column="review_id")
    assert (len(s.rows), s.duplicates) == (len(texts) - duplicates, duplicates)
    assert f"same or near-duplicate text: {duplicates}" in str(s)


MORE_ANSWERS = ["子育てで忙しい", "本業が忙しくなった", "評価が厳しい", "非承認が続いた", "システムが使いにくい"]
MORE_ANSWERS += ["サポートが遅い", "報酬の振込が遅い", "別の副業を始めた", "目標金額に達した", "家族の介護"]


@pytest.mark.parametrize("strategy", ["margin", "entropy", "random"])
def test_answers_filled_into_the_form_of_a_sheet_handed_out_are_not_its_near_duplicates(strategy):
    """Regression (h153): --strategy random --exclude left out other answers filled into the form of the sheet
    handed out as near-duplicates of it (near-duplicates of them: 4), which margin and entropy no longer did."""
    texts = [*SURVEY, *map(survey, MORE_ANSWERS)]
    handed_out = pd.DataFrame({"text": SURVEY})
    s = taikai.suggest(_dump(texts), n=20, strategy=strategy, text_column="body", exclude=[handed_out])
    assert (len(s.rows), s.near_excluded) == (len(MORE_ANSWERS), 0)


_FRAME = pd.DataFrame({"id": ["r1", "r2", "r3"], "text": ["手数料が高い", "時間がない", "報酬が安い"]})


@pytest.mark.parametrize(
    ("rows", "options", "shown", "said"),
    [
        # regression: the dataclass repr, its frame of rows over several lines
        (3, {}, "Suggestion(3 rows to label (margin, seed 0) of 40 read)", "3 rows to label (margin, seed 0)"),
        # regression: "1 rows to label"
        (1, {}, "Suggestion(1 row to label (margin, seed 0) of 40 read)", "1 row to label (margin, seed 0)"),
        (
            2,
            {"out": Path("s1.xlsx")},
            "Suggestion(2 rows to label (margin, seed 0) of 40 read; labelling sheet written to s1.xlsx)",
            "labelling sheet written to s1.xlsx",
        ),
        # regression: "(--exclude)", a command-line option, said to Python users of taikai.suggest
        (
            3,
            {"excluded": {"s1.xlsx": 5}, "near_excluded": 1},
            "Suggestion(3 rows to label (margin, seed 0) of 40 read)",
            "left out as handed out before, in the files given to exclude= (--exclude on the command line): "
            "5 in s1.xlsx; near-duplicates of them: 1\n",
        ),
    ],
)
def test_a_suggestion_shows_one_line_and_names_the_python_argument(rows, options, shown, said):
    s = taikai.Suggestion(_FRAME[:rows], taikai.Strategy.MARGIN, 0, 40, {}, 0, {"fees": rows}, **options)
    assert repr(s) == shown and "\n" not in repr(s)
    assert said in str(s), str(s)
    notebook: list[str] = []  # IPython calls _repr_pretty_(printer, cycle) for a cell's last value
    s._repr_pretty_(SimpleNamespace(text=notebook.append), False)
    assert notebook == [str(s)]


@pytest.mark.parametrize(
    ("manifest", "column", "ids"),
    [
        # a Dask engine run without --id-column: its row column (0-based) names the rows; before: the sheet's row
        # column held 1-based numbers, so that row 5 of the sheet was row 4 of the folder it came from
        # (an id column, the row column too, is read as text from every format, as a CSV output's cells are)
        ({"columns": ["row", "body"], "id_column": None}, "row", lambda picked: str(picked)),
        ({"columns": ["review_id", "body"], "id_column": "review_id"}, "review_id", lambda picked: str(picked)),
        # no columns recorded: the column named as ids (before: the data rows, from 1)
        ({"id_column": None}, "review_id", lambda picked: str(picked)),
    ],
    ids=["dask-row-column", "dask-id-column", "no-columns"],
)
def test_a_sheet_of_a_dask_folder_names_its_rows_as_the_folder_does(tmp_path, manifest, column, ids):
    frame = predictions().drop(columns="review_id")
    frame.insert(0, "row", range(len(frame)))  # as the Dask engine numbers the rows of a run without an id
    frame.insert(1, "review_id", frame["row"])
    folder = tmp_path / "out.parquet"
    folder.mkdir()
    frame.to_parquet(folder / "part.00000.parquet", index=False)
    values = {"rows": len(frame), "format": "parquet", "parts": ["part.00000.parquet"], "text_column": "body"}
    (folder / "_taikai.json").write_text(json.dumps(values | manifest), encoding="utf-8")
    chosen = taikai.suggest(folder, n=5)
    rows = frame.set_index("body")["row"]  # each text's row in the folder
    assert chosen.rows[column].tolist() == [ids(rows[text]) for text in chosen.rows["text"]]


@pytest.mark.parametrize("strategy", ["margin", "entropy", "random"])
def test_the_sheet_s_model_columns_are_each_row_s_own_top_two_and_sentiment(strategy):
    # mutation audit: runner_up named as the top reason, p_model_reason as the runner-up's, the sentiment least
    # likely taken for the model's: a sheet of another row's (or the wrong end's) values passed every test
    df = predictions(n=40, seed=5)
    chosen = taikai.suggest(df, n=12, strategy=strategy, text_column="body", id_column="review_id")
    by_id = df.set_index("review_id")
    for row in chosen.rows.itertuples(index=False):
        reasons = by_id.loc[row.review_id, [f"p_reason_{r}" for r in REASON_IDS]].astype(float)
        top2 = reasons.sort_values(ascending=False, kind="stable")
        sentiments = by_id.loc[row.review_id, [f"p_sentiment_{s}" for s in SENTIMENTS]].astype(float)
        assert (row.model_reason, row.runner_up) == tuple(str(c)[len("p_reason_") :] for c in top2.index[:2])
        assert (row.p_model_reason, row.p_runner_up) == (round(top2.iloc[0], 3), round(top2.iloc[1], 3))
        assert row.model_sentiment == str(sentiments.idxmax())[len("p_sentiment_") :]
        assert row.p_model_sentiment == round(sentiments.max(), 3)


@pytest.mark.parametrize("strategy", ["margin", "entropy", "random"])
@pytest.mark.parametrize("missing", [[0], [2, 5, 9]])
def test_rows_without_probabilities_are_counted_unclassified_and_never_on_the_sheet(strategy, missing):
    # mutation audit: without a status column, a row whose probabilities are blank was a candidate like any other
    df = predictions(n=30).drop(columns="status")
    df.loc[[3, 7], [c for c in df.columns if c.startswith("p_")]] = 0.1  # not ok only by status, which is gone
    df.loc[missing, [c for c in df.columns if c.startswith("p_reason_")]] = np.nan
    chosen = taikai.suggest(df, n=30, strategy=strategy, text_column="body", id_column="review_id")
    assert chosen.not_ok == {"unclassified": len(missing)}
    assert not set(chosen.rows["review_id"]) & set(df.loc[missing, "review_id"])
    assert chosen.rows[["p_model_reason", "p_runner_up"]].notna().all().all()


@pytest.mark.parametrize("n", [1, 3])
def test_per_reason_lists_every_reason_of_the_model_even_those_with_no_row(n):
    chosen = taikai.suggest(predictions(), n=n, text_column="body", id_column="review_id")
    assert list(chosen.per_reason) == list(REASON_IDS) and sum(chosen.per_reason.values()) == n
    assert chosen.to_dict()["per_reason"] == chosen.per_reason


@pytest.mark.parametrize("seed", [0, 4])
def test_a_random_draw_continued_with_exclude_is_the_same_draw(seed):
    # mutation audit: the draw's order after the exclusion was not the rows' own (the shuffle cut short instead)
    df = predictions(n=40)
    whole = taikai.suggest(df, n=10, strategy="random", seed=seed, text_column="body", id_column="review_id")
    first = taikai.suggest(df, n=4, strategy="random", seed=seed, text_column="body", id_column="review_id")
    rest = taikai.suggest(
        df, n=6, strategy="random", seed=seed, text_column="body", id_column="review_id", exclude=first.rows
    )
    assert [*first.rows["review_id"], *rest.rows["review_id"]] == list(whole.rows["review_id"])


@pytest.mark.parametrize("n", [0, -3])
def test_a_sheet_of_no_rows_is_refused(n):
    # mutation audit: n=0 passed the check and made a sheet of nothing, or an error about the rows
    with pytest.raises(taikai.errors.InputError, match=rf"^n={n} \(--n on the command line\) must be at least 1$"):
        taikai.suggest(predictions(), n=n, text_column="body")


@pytest.mark.parametrize("strategy", ["margin", "entropy"])
def test_rows_the_model_is_equally_unsure_of_are_taken_in_an_order_the_seed_sets(strategy):
    """Ties in uncertainty are broken by a seeded shuffle, not by the rows' order (mutation audit: without the
    jitter every seed took the first rows, and the tests, on random probabilities, had no tie)."""
    df = predictions()
    p = [c for c in df.columns if c.startswith("p_reason_")]
    df.loc[df["status"] == "ok", p] = 1 / len(p)  # every row as unsure as every other
    picked = {
        seed: list(
            taikai.suggest(df, n=5, strategy=strategy, seed=seed, text_column="body", id_column="review_id").rows[
                "review_id"
            ]
        )
        for seed in (0, 1, 2)
    }
    assert len({tuple(ids) for ids in picked.values()}) == 3
    assert picked[0] == list(
        taikai.suggest(df, n=5, strategy=strategy, seed=0, text_column="body", id_column="review_id").rows["review_id"]
    )


@pytest.mark.parametrize(
    ("per_reason", "listed"),
    [({"fees": 2, "time": 0, "trouble": 1}, ["fees", "trouble"]), ({"fees": 0, "time": 3}, ["time"])],
)
def test_the_tally_lists_only_the_reasons_that_have_rows_on_the_sheet(per_reason, listed):
    """Mutation audit: a mutant listing every reason, 'time 0' too, survived."""
    chosen = Suggestion(pd.DataFrame(), Strategy.MARGIN, 0, 10, {}, 0, per_reason)
    [line] = [s for s in str(chosen).splitlines() if s.startswith("per predicted reason: ")]
    assert line == "per predicted reason: " + ", ".join(f"{shown_label(r)} {per_reason[r]}" for r in listed)


@pytest.mark.parametrize(
    ("out", "said"),
    [
        ("s.xlsx", "2 control character(s) an xlsx cell cannot hold were removed"),
        ("s.XLSX", "2 control character(s) an xlsx cell cannot hold were removed"),  # Windows names it so
        ("s.csv", "2 character(s) the sheet's encoding cannot hold were written as ?"),
    ],
)
def test_the_tally_says_what_became_of_the_characters_the_sheet_could_not_hold(out, said):
    """Mutation audit: a mutant reading only a lower-case .xlsx as a workbook survived (.XLSX said '?')."""
    chosen = Suggestion(pd.DataFrame(), Strategy.MARGIN, 0, 10, {}, 0, {}, out=Path(out), replaced=2)
    assert said in str(chosen).splitlines()


@pytest.mark.parametrize(
    ("given", "shown", "warned"),
    [
        (lambda df: df.set_index("day"), "row", True),  # dates: one per several reviews
        (lambda df: df.set_index(["day", "platform"]), "row", True),  # no level names a row
        (lambda df: pd.concat([df, df]).set_index("review_id"), "review_id", False),  # a row twice keeps its id
        (lambda df: df.set_index("review_id"), "review_id", False),
    ],
    ids=["dates", "levels-none-unique", "repeated-rows", "ids"],
)
def test_an_index_that_names_no_row_is_not_the_sheet_s_id(tmp_path, given, shown, warned):
    """Regression: a frame indexed by its dates (df.set_index("posted_at")) got a sheet whose ids were dates;
    excluding that sheet of 5 rows in the next round left out every row of those dates (22 of 600)."""
    df = predictions().assign(
        day=lambda d: [f"2026-03-{i % 7 + 1:02d}" for i in d.index], platform=lambda d: d.index % 2
    )
    frame = given(df)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chosen = taikai.suggest(frame, tmp_path / "sheet.csv", n=5, text_column="body")
        again = taikai.suggest(frame, n=5, text_column="body", exclude=tmp_path / "sheet.csv")
    said = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    assert chosen.rows.columns[0] == shown
    assert bool(said) == warned and all("does not name a row" in s for s in said), said
    copies = len(frame) // len(df)  # a row twice is handed out once, and left out twice
    assert sum(again.excluded.values()) == 5 * copies, again


@pytest.mark.parametrize(
    ("sheet", "ids", "named"),
    [
        (
            "s.csv",
            ["007", "r2", "1234567890123456789", "123456789012345"],
            "line 2 (id 007), line 4 (id 1234567890123456789)",
        ),
        ("s.csv", ["r1", "7", "-163", "0"], None),  # shown as written
        ("s.xlsx", ["007", "r2", "1234567890123456789", "1"], None),  # held as text
    ],
)
def test_a_csv_sheet_warns_of_ids_excel_reads_as_numbers(tmp_path, sheet, ids, named):
    """Regression: a CSV sheet of ids 007 said nothing, though Excel, where the person fills it, saves them as 7."""
    out = tmp_path / sheet
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write_sheet(pd.DataFrame({"id": ids, "text": ["手数料が高い"] * len(ids)}), out, ["fees"], ["negative"])
    said = [str(w.message) for w in caught if issubclass(w.category, DataWarning) and "id(s) of" in str(w.message)]
    assert said == (
        []
        if named is None
        else [
            f"{out}: 2 id(s) of column 'id' are digits Excel reads as a number when it opens the file, dropping a "
            f"leading zero (007 as 7) or digits past the 15th (1234567890123456789 as 1.23457E+18): {named}. A sheet "
            "saved from Excel keeps them so, and exclude= (--exclude on the command line) then matches such a row by "
            "another id (7) or by its text alone. Write an .xlsx sheet, which holds them as text, or import the CSV "
            "into Excel (Data > From Text/CSV) with that column's type set to Text"
        ]
    )


@pytest.mark.parametrize(("strategy", "warned"), [("margin", True), ("entropy", True), ("random", False)])
def test_the_sheet_says_how_each_row_was_picked_and_evaluate_reads_it(tmp_path, tiny_model, strategy, warned):
    """Regression: a filled margin sheet scored by evaluate understated the model on the dump without a word: the
    sheet did not say its rows were the model's least sure."""
    df = predictions()
    s = taikai.suggest(df, tmp_path / "s.csv", n=6, strategy=strategy, text_column="body", id_column="review_id")
    assert (s.rows["picked_by"] == strategy).all()
    columns = list(pd.read_csv(tmp_path / "s.csv").columns)
    assert columns.index("picked_by") == columns.index("similar_rows") + 1 < columns.index("reasons")
    sheet = pd.read_csv(tmp_path / "s.csv").assign(reasons="low_pay", sentiment="negative")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = taikai.evaluate(tiny_model, sheet)
    assert any(f"(picked_by {strategy})" in str(w.message) for w in caught) is warned
    assert (report.picked is not None) is warned
