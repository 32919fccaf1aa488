"""A suggest sheet's CSV cells Excel would read as formulas are escaped, and read back exactly as they were."""

import pandas as pd
import pytest

import taikai
from taikai.io import escape_formula, read_labelled_file, unescape_formula, unescape_sheet
from taikai.labels import REASON_IDS


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+81 手数料が高い", "'+81 手数料が高い"),
        ("-最悪", "'-最悪"),
        ("@all", "'@all"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=x", "''=x"),  # already looks escaped: one more, so that reading takes exactly one off
        ("''-x", "'''-x"),
        ("'abc", "'abc"),  # an apostrophe before text Excel reads as text: left as it is
        ("手数料=高い", "手数料=高い"),  # only the first character counts
        ("", ""),
        (12, 12),  # numbers and missing cells are not texts
        (None, None),
    ],
)
def test_formula_texts_get_an_apostrophe_and_lose_exactly_it_on_reading(value, written):
    assert escape_formula(value) == written
    assert unescape_formula(written) == value


ESCAPED = ["'=1", "'-最悪だった", "'@x", ""]
"""Cells as a suggest sheet holds them."""


@pytest.mark.parametrize(
    ("columns", "rows", "expected"),
    [
        # a suggest sheet: unescaped whole, even a column with a bare formula start (typed in by a person)
        (["row", "text", "model_reason", "reasons"], [ESCAPED, ["-", "=x", "'@y", ""]], ["=1", "-最悪だった", "@x"]),
        # one whose model columns were deleted: every column holds only escaped formula starts
        (
            ["レビューID", "text", "reasons", "sentiment"],
            [ESCAPED, ["-163", "普通", "fees", ""]],
            ["=1", "-最悪だった", "@x"],
        ),
        (["text", "reasons", "more_reasons", "note"], [ESCAPED], ["=1", "-最悪だった", "@x"]),
        # a user's own texts, written as they are: =… and '=… both, so the apostrophes are the texts' own
        (["id", "text", "reasons", "sentiment"], [ESCAPED, ["=2", "-最高", "fees", ""]], ["'=1", "'-最悪だった", "@x"]),
    ],
    ids=["sheet", "model-columns-deleted", "no-id", "labelled-data"],
)
def test_a_labelled_csv_file_is_unescaped_where_an_escaping_writer_wrote_it(tmp_path, columns, rows, expected):
    """Regression: only a file with the sheet's model_reason column was unescaped, so a sheet whose model columns a
    person deleted kept its apostrophes (train --add, evaluate, suggest --exclude)."""
    frame = pd.DataFrame(rows, columns=columns)
    path = tmp_path / "s.csv"
    frame.to_csv(path, index=False, encoding="utf-8-sig")
    read = read_labelled_file(path).frame
    assert [str(v) for v in read.iloc[0, :3]] == expected
    assert unescape_sheet(frame).iloc[0, :3].tolist() == expected
    assert frame.iloc[0].tolist() == ESCAPED  # the frame given is left as it was


@pytest.mark.parametrize(
    ("suffix", "write"),
    [(".jsonl", lambda f, p: f.to_json(p, orient="records", lines=True, force_ascii=False)), (".parquet", None)],
)
def test_a_file_of_another_format_keeps_its_apostrophes(tmp_path, suffix, write):
    frame = pd.DataFrame({"text": ["'=1"], "reasons": ["fees"]})
    path = tmp_path / f"s{suffix}"
    (write or (lambda f, p: f.to_parquet(p)))(frame, path)
    assert read_labelled_file(path).frame["text"].tolist() == ["'=1"]


def test_a_sheets_escaped_column_name_is_read_back():
    frame = pd.DataFrame({"'=id": ["'=R1"], "text": ["t"], "model_reason": ["fees"], "reasons": [""]})
    assert unescape_sheet(frame).columns[0] == "=id" and unescape_sheet(frame).iloc[0, 0] == "=R1"


NUMBERS = ["-163", "-1.5", "-0.25", "-123456789012345", "163"]
"""Plain numbers as Excel writes them back: Excel and LibreOffice read them as numbers, not formulas."""
FORMULAS = [
    "-1+2",
    "=SUM(A1)",
    "@x",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "--1",
    "-1,000",
    "-163 ",
    "-163\n",
    " -",
    "-",
    "+",
    "+81",  # number-like, but Excel would write them back otherwise (81, 0, -0.5, -1.5, -0.0002, fewer digits)
    "-0",
    "-.5",
    "-1.50",
    "+1e3",
    "-2E-4",
    "-01",
    "-1234567890123456",
    "-１６３",  # full-width digits: how Excel reads them depends on its locale; escaped, which is safe either way
]
"""Texts Excel may read as formulas (or not as plain numbers): escaped."""


@pytest.mark.parametrize(
    ("value", "written"),
    [
        *((n, n) for n in NUMBERS),
        *((f, "'" + f) for f in FORMULAS if f[0] in "=+-@"),
        (" -", " -"),  # a blank first: Excel reads text
        ("－163", "－163"),  # a full-width sign is no formula start
        ("'-163", "''-163"),  # an apostrophe before a number: one more, so that reading takes exactly one off
        ("''+81", "'''+81"),
    ],
)
def test_a_plain_number_is_not_escaped_and_every_formula_is(value, written):
    assert escape_formula(value) == written
    assert unescape_formula(written) == value


def test_a_sheet_escaped_before_plain_numbers_were_left_alone_still_reads_back():
    assert unescape_formula("'-163") == "-163"  # as taikai wrote a negative id up to this fix


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_every_cell_of_a_sheet_reads_back_as_it_was_written(tmp_path, suffix):
    from taikai.suggestion import write_sheet

    values = [*NUMBERS, *FORMULAS, "'-163", "'=x", "手数料=高い"]
    rows = pd.DataFrame({"id": values, "text": values, "model_reason": "fees"})
    write_sheet(rows, tmp_path / f"s{suffix}", ["fees"], [])
    read = read_labelled_file(tmp_path / f"s{suffix}").frame
    assert read["id"].tolist() == values and read["text"].tolist() == values


def test_a_csv_sheets_negative_ids_join_the_users_data(tmp_path):
    from taikai.suggestion import write_sheet

    data = pd.DataFrame({"id": [-163, 5, -1], "amount": [1.5, 2.0, 3.0]})
    rows = pd.DataFrame({"id": data["id"].astype(str), "text": ["a", "b", "c"], "model_reason": "fees"})
    write_sheet(rows, tmp_path / "s.csv", ["fees"], [])
    assert (tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()[1] == "-163,a,fees,,,"
    joined = pd.read_csv(tmp_path / "s.csv").merge(data, on="id")  # a user's join of the filled sheet
    assert joined["amount"].tolist() == [1.5, 2.0, 3.0]


TEXTS = [
    "=手数料が高すぎて手元に残らない",
    "+20%の手数料はさすがに高いと思う",
    "-本業が忙しくなって時間が取れない",
    "@直接契約に切り替えたのでもう使っていません",
    "'=提案しても提案しても選ばれない",  # looks escaped already
    "単価が安すぎて、何時間やっても数百円にしかならない",
]
IDS = ["=r1", "+81", "-163", "@r4", "'-5", "r6"]


ID = "レビューID"
KEPT = {
    "sheet": None,
    "model columns deleted": [ID, "text", "reasons", "sentiment", "more_reasons", "note"],
    "id, text and labels": [ID, "text", "reasons", "sentiment"],
}
"""A filled CSV sheet as ``taikai suggest`` writes it, and the columns a person kept of it (``None``: all)."""


def _sheet_content(tmp_path, kind):
    """Write a filled CSV sheet as ``taikai suggest`` writes it, with only the columns *kind* keeps. Return the file
    and the texts and ids it stands for: the texts and ids the sheet was written from, whatever columns were
    deleted."""
    from taikai.suggestion import write_sheet

    path = tmp_path / "s.csv"
    rows = pd.DataFrame({ID: IDS, "text": TEXTS, "model_reason": "fees"})
    write_sheet(rows, path, ["fees", "low_pay"], ["negative"])
    frame = pd.read_csv(path, dtype=str, keep_default_na=False).assign(reasons="low_pay", sentiment="negative")
    frame = frame if KEPT[kind] is None else frame[KEPT[kind]]
    frame.to_csv(path, index=False, encoding="utf-8-sig")
    return path, TEXTS, IDS


def _train_add(data, tmp_path, texts, ids, model):
    from taikai.training import Columns, read_inputs

    base = tmp_path / "base.csv"
    pd.DataFrame({"text": texts, "reasons": "low_pay", "sentiment": "negative"}).to_csv(base, index=False)
    with pytest.raises(taikai.InputError) as error:  # every added row is a duplicate of the base data's
        read_inputs(base, [data], columns=Columns())
    source = "the frame given to add=" if isinstance(data, pd.DataFrame) else str(data)
    return str(error.value).replace(str(base), "BASE").replace(source, "SOURCE")


def _train_data(data, tmp_path, texts, ids, model):
    from taikai.training import Columns, read_inputs

    return read_inputs(data, columns=Columns()).base["text"].tolist()


def _evaluate(data, tmp_path, texts, ids, model):
    seen = []

    class Recording:
        reason_labels, sentiment_labels = model.reason_labels, model.sentiment_labels

        def classify(self, values):
            seen.extend(values)
            return model.classify(values)

        metadata = None

    taikai.evaluate(Recording(), data)
    return seen


def _evaluate_rules(data, tmp_path, texts, ids, model):
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "い"\nlabel = "fees"\nany = ["い"]\n', encoding="utf-8")  # fires on every row
    [rule] = taikai.evaluate_rules(rules, data, model, examples=10).rules
    return [m.text for m in rule.examples]


def _exclude(data, tmp_path, texts, ids, model):
    import warnings

    predictions = pd.DataFrame({ID: ids, "text": texts, "status": "ok", "reason": "fees", "reasons": "fees"})
    predictions = predictions.assign(**{f"p_reason_{r}": 1 / len(REASON_IDS) for r in REASON_IDS})
    predictions.loc[len(predictions)] = {**predictions.iloc[0].to_dict(), ID: "r7", "text": "まだ渡していない行です"}
    with warnings.catch_warnings(record=True) as caught:  # ids matched with other texts are warned of
        warnings.simplefilter("always")
        suggested = taikai.suggest(predictions, n=6, text_column="text", id_column=ID, exclude=data)
    return list(suggested.excluded.values()), [str(w.message).split(": ", 1)[1] for w in caught]


@pytest.mark.parametrize("kind", list(KEPT))
@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (_train_add, lambda texts, ids: "every labelled row of SOURCE is already in BASE (6 duplicates)"),
        (_train_data, lambda texts, ids: texts),
        (_evaluate, lambda texts, ids: texts),
        (_evaluate_rules, lambda texts, ids: texts),
        (_exclude, lambda texts, ids: ([6], [])),
    ],
    ids=["train-add", "train-data", "evaluate", "evaluate-rules", "suggest-exclude"],
)
def test_a_frame_is_unescaped_as_the_csv_file_of_the_same_content_is(tmp_path, tiny_model, kind, entry, expected):
    """Regression: a suggest sheet read with pandas kept the apostrophes its writer put before =, +, - and @; and
    a sheet whose model columns a person deleted kept them read from the file or a frame (the suggest-exclude entry
    warned that its texts differ: another dump?)."""
    path, texts, ids = _sheet_content(tmp_path, kind)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    from_file = entry(path, tmp_path, texts, ids, tiny_model)
    from_frame = entry(frame, tmp_path, texts, ids, tiny_model)
    want = expected(texts, ids)
    if isinstance(want, str):
        assert want in from_file and want in from_frame
    else:
        assert from_file == from_frame == want


LONG = "長" * 32_768  # one character more than an Excel cell holds


@pytest.mark.parametrize(
    ("columns", "formulas", "long"),
    [
        ([["=1+1", "a", "@x"], ["b", "+81", "c"]], (3, (0, 1, 2)), (0, ())),
        ([["-163", "-1.5", "手数料"], [-1, 2.5, None]], (0, ()), (0, ())),  # plain numbers, and numbers: no formula
        ([["-ひどい", "'=x", "＝全角"], ["\tx", "\rx", ""]], (3, (0, 1)), (0, ())),  # tab, CR count; ' and ＝ do not
        ([[["=in a list"], {"=": 1}, True]], (0, ()), (0, ())),
        ([["a", LONG, "=" + LONG], [LONG[1:], "b", "c"]], (1, (2,)), (2, (1, 2))),  # 32,767 characters fit
    ],
)
def test_excel_risks_counts_the_texts_excel_reads_as_formulas_or_cuts(columns, formulas, long):
    from taikai.io import ExcelRisks
    from taikai.io._formula_cells import excel_risks

    assert excel_risks(columns) == ExcelRisks(*formulas, *long)


@pytest.mark.parametrize("value", ["=1+1", "'=x", "''@y", "-163", "+81", "plain", "'plain", "", None, 3, "-ひどい"])
def test_unescape_cells_gives_back_what_escape_formula_was_given(value):
    from taikai.io import unescape_cells

    assert unescape_cells([escape_formula(value)]) == [value]


@pytest.mark.parametrize(
    ("cells", "dtype", "expected"),
    [
        # an object column keeps its objects: made str, it could not hold the lone surrogate of an undecoded byte
        (["報酬が安い\udc82\udca0", "'=x", None], object, ["報酬が安い\udc82\udca0", "=x", None]),
        (["手数料\ud83d", 3, None], object, ["手数料\ud83d", 3, None]),
        (["'=x", None], "string", ["=x", pd.NA]),
        (["'=x", "手数料"], "str", ["=x", "手数料"]),
    ],
)
def test_unescaping_keeps_a_columns_dtype_and_cells(cells, dtype, expected):
    frame = pd.DataFrame({"text": pd.Series(cells, dtype=dtype), "model_reason": "fees", "reasons": ""})
    frame.insert(0, "id", "R1")  # a suggest sheet's columns: every text cell is unescaped
    column = unescape_sheet(frame)["text"]
    assert column.dtype == frame["text"].dtype
    assert [None if v is None or v is pd.NA else v for v in column.tolist()] == [
        None if v is None or v is pd.NA else v for v in expected
    ]
