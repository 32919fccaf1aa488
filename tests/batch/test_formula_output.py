"""batch's CSV and TSV output opened in Excel: a text Excel reads as a formula (=, +, -, @ first) is warned of, or,
with --excel-safe, written with an apostrophe first; report, drift, read_predictions and --resume read it as it was."""

from __future__ import annotations

import json
import re
import warnings

import pandas as pd
import pytest
from click.testing import CliRunner

import taikai
from taikai.batch import Interrupted
from taikai.cli import cli
from taikai.errors import DataWarning, InputError
from taikai.io import read_predictions

TEXTS = [
    ("=1+1", '=HYPERLINK("http://x","手数料の件")'),  # the id is a formula too
    ("r2", "@SUM(1+1) 手数料が高い"),
    ("r3", "+81-90-1234-5678 に電話して"),
    ("r4", "報酬が安すぎて辞めました"),
    ("-163", "-163"),  # a plain number: Excel reads it as the number
    ("r6", "-ひどい運営でした"),
    ("r7", "'=x と書いた"),  # an apostrophe first already: no formula, but escaped again to read back exactly
]
FORMULAS = "5 text cell(s) in 4 row(s)"
WHERE = "line 2 (id =1+1), line 3 (id r2), line 4 (id r3), line 7 (id r6)"


@pytest.fixture
def formula_dump(tmp_path):
    path = tmp_path / "dump.csv"
    pd.DataFrame(TEXTS, columns=["id", "text"]).to_csv(path, index=False)
    return path


def _batch(dump, out, model_dir, *options):
    args = ["batch", str(dump), "-o", str(out), "--text-column", "text", "--id-column", "id"]
    model = ["-m", str(model_dir)] if model_dir is not None else []  # None: the shipped model
    return CliRunner().invoke(cli, [*args, *model, *options])


@pytest.mark.parametrize(
    ("output", "options", "escaped", "warned"),
    [
        ("out.csv", [], False, True),
        ("out.tsv", [], False, True),
        ("out.csv", ["--output-encoding", "cp932"], False, True),
        ("out.csv", ["--excel-safe"], True, False),
        ("out.tsv", ["--excel-safe"], True, False),
        ("out.csv", ["--excel-safe", "--output-encoding", "utf-8-sig"], True, False),
        ("out.parquet", [], False, False),  # no text Excel reads as a formula: it holds texts as text
        ("out.xlsx", [], False, False),
        ("out.jsonl", [], False, False),
    ],
)
def test_texts_excel_reads_as_formulas_are_escaped_or_warned_of(
    tmp_path, formula_dump, tiny_model_dir, output, options, escaped, warned
):
    out = tmp_path / output
    result = _batch(formula_dump, out, tiny_model_dir, *options)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "Excel reads as a formula" in line]
    said = [line for line in result.output.splitlines() if line.startswith("texts written with an apostrophe")]
    if warned:
        assert warnings == [
            f"taikai: warning: {out}: {FORMULAS} start with =, +, - or @, which Excel reads as a formula when it opens "
            f"the file (it computes it, shows #NAME?, or makes a link of =HYPERLINK(…)): {WHERE}. To open the file "
            "in Excel, run again with excel_safe=True (--excel-safe on the command line), which writes each with an "
            "apostrophe first, so that Excel shows it as text (taikai report, drift and read_predictions read it "
            "back as it was), or write xlsx output, which holds them as text"
        ]
    else:
        assert warnings == []
    assert said == (
        [f"texts written with an apostrophe first, which Excel would read as formulas: 5 in 4 row(s): {WHERE}"]
        if escaped
        else []
    )
    summary = json.loads(out.with_suffix(".summary.json").read_text(encoding="utf-8"))
    cells, rows = (5, 4) if output.endswith((".csv", ".tsv")) else (0, 0)
    assert (summary["formula_cells"], summary["formula_rows"], summary["excel_safe"]) == (cells, rows, escaped)
    if output.endswith((".csv", ".tsv")):
        raw = pd.read_csv(
            out,
            sep="\t" if output.endswith(".tsv") else ",",
            dtype=str,
            keep_default_na=False,
            encoding="cp932" if "cp932" in options else "utf-8-sig",
        )
        ids, texts = zip(*TEXTS, strict=True)
        if escaped:
            ids = tuple(taikai.io.escape_formula(v) for v in ids)
            texts = tuple(taikai.io.escape_formula(v) for v in texts)
        assert (tuple(raw["id"]), tuple(raw["text"])) == (ids, texts)


@pytest.mark.parametrize("output", ["out.xlsx", "out.parquet", "out.jsonl"])
def test_excel_safe_is_refused_for_output_that_holds_texts_as_text(tmp_path, formula_dump, tiny_model_dir, output):
    result = _batch(formula_dump, tmp_path / output, tiny_model_dir, "--excel-safe")
    assert result.exit_code == 2, result.output
    fmt = output.split(".")[1]
    assert (
        f"taikai: error: excel_safe=True (--excel-safe on the command line) applies to CSV and TSV output; {fmt} "
        "output holds every text as text, which Excel never reads as a formula: leave it out"
    ) in result.output
    assert not (tmp_path / output).exists()


def test_classify_file_warns_of_formulas_as_a_data_warning(tmp_path, formula_dump, tiny_model):
    with pytest.warns(DataWarning, match=re.escape(f"{FORMULAS} start with =, +, - or @")):
        summary = taikai.classify_file(formula_dump, tmp_path / "out.csv", "text", model=tiny_model, id_column="id")
    assert (summary.formula_cells, summary.formula_rows, summary.formula_where) == (5, 4, WHERE.split(", "))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_an_excel_safe_output_reads_back_as_the_plain_one(tmp_path, fmt):
    plain, safe, dump = tmp_path / f"plain.{fmt}", tmp_path / f"safe.{fmt}", tmp_path / "dump.csv"
    rows = TEXTS + [(f"s{i}", "-ひどい運営でした" if i % 2 else "=報酬が安すぎて辞めました") for i in range(30)]
    pd.DataFrame(rows, columns=["id", "text"]).to_csv(dump, index=False)  # classified rows that start so: counted
    assert _batch(dump, plain, None).exit_code == 0  # the shipped model, whose vocabulary has no apostrophe
    assert _batch(dump, safe, None, "--excel-safe").exit_code == 0
    assert plain.read_bytes() != safe.read_bytes()
    pd.testing.assert_frame_equal(read_predictions(safe), read_predictions(plain))
    assert read_predictions(safe)["text"].tolist() == [text for _, text in rows]
    drift = []
    for path in (plain, safe):
        result = CliRunner().invoke(cli, ["drift", str(path), "--json"])
        assert result.exit_code in (0, 1), result.output  # 1: drift found, in so few rows
        drift.append({k: v for k, v in json.loads(result.stdout).items() if k != "source"})
    assert drift[0] == drift[1]


def test_an_interrupted_excel_safe_run_resumes_to_an_identical_file(tmp_path, formula_dump, tiny_model_dir, stop_after):
    full, out = tmp_path / "full.csv", tmp_path / "out.csv"
    options = {"model": tiny_model_dir, "chunk_size": 2, "id_column": "id", "excel_safe": True}
    whole = taikai.classify_file(formula_dump, full, "text", **options)
    with pytest.raises(Interrupted):
        taikai.classify_file(formula_dump, out, "text", on_chunk=stop_after(2), **options)
    changed = "excel_safe (--excel-safe) changed: True → False"  # not "(none)": left out at its default
    with pytest.raises(InputError, match=re.escape(changed)):  # written otherwise, the rows saved would mix
        taikai.classify_file(formula_dump, out, "text", resume=True, **(options | {"excel_safe": False}))
    resumed = taikai.classify_file(formula_dump, out, "text", resume=True, **options)
    assert out.read_bytes() == full.read_bytes()
    assert (resumed.formula_cells, resumed.formula_rows, resumed.formula_where) == (5, 4, WHERE.split(", "))
    assert whole.formula_where == resumed.formula_where


@pytest.mark.slow  # a 2-process Dask cluster
def test_the_dask_engine_escapes_and_reads_back_as_the_local_one(client, tmp_path, formula_dump, tiny_model_dir):
    import taikai.dask

    out, local = tmp_path / "out", tmp_path / "local.csv"
    options = {"id_column": "id", "model": tiny_model_dir, "excel_safe": True}
    summary = taikai.dask.classify_files(formula_dump, out, "text", client=client, output_format="csv", **options)
    taikai.classify_file(formula_dump, local, "text", **options)
    parts = [p.read_text(encoding="utf-8").split("\n", 1) for p in sorted(out.glob("part.*.csv"))]
    assert parts[0][0] + "\n" + "".join(body for _, body in parts) == local.read_text(encoding="utf-8")
    assert (summary.formula_cells, summary.formula_rows, summary.excel_safe) == (5, 4, True)
    pd.testing.assert_frame_equal(read_predictions(out).drop(columns="row", errors="ignore"), read_predictions(local))


@pytest.mark.parametrize(
    ("output", "warned"),
    [("out.csv", True), ("out.tsv", True), ("out.jsonl", False), ("out.parquet", False)],  # xlsx: cut and said
)
def test_a_text_longer_than_an_excel_cell_is_warned_of_in_csv_output(tmp_path, tiny_model_dir, output, warned):
    dump, out = tmp_path / "dump.csv", tmp_path / output
    rows = [("r1", "手数料が高い"), ("r2", "長" * 32_768), ("r3", "短い"), ("r4", "手" * 32_767)]  # 32,767: it fits
    pd.DataFrame(rows, columns=["id", "text"]).to_csv(dump, index=False)
    result = _batch(dump, out, tiny_model_dir, "-q")
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "32,767" in line]
    assert said == (
        [
            f"taikai: warning: {out}: 1 text cell(s) in 1 row(s) hold more than 32,767 characters, which Excel cuts "
            "to that when it opens the file: line 3 (id r2). The file holds them whole (taikai report, drift and "
            "read_predictions read them so); do not save it again from Excel, which would keep only what it shows"
        ]
        if warned
        else []
    )
    assert read_predictions(out)["text"].tolist() == [text for _, text in rows]
    summary = json.loads(out.with_suffix(".summary.json").read_text(encoding="utf-8"))
    assert (summary["long_cells"], summary["long_where"]) == ((1, ["line 3 (id r2)"]) if warned else (0, []))


@pytest.mark.parametrize(
    ("options", "raw"),
    [
        ([], "=2+3,手数料が高い,余り"),
        (["--excel-safe"], "'=2+3,手数料が高い,余り"),  # opened in Excel as the output is: escaped as it is
    ],
)
def test_the_bad_lines_side_file_is_escaped_as_the_output_is(tmp_path, tiny_model_dir, options, raw):
    """Regression: --excel-safe escaped the output's texts but wrote the set-aside records as the input held them,
    a formula Excel computes when the user opens the side file to see what was set aside."""
    dump, out = tmp_path / "dump.csv", tmp_path / "out.csv"
    dump.write_text("id,text\nr1,報酬が安い\n=2+3,手数料が高い,余り\n", encoding="utf-8")
    result = _batch(dump, out, tiny_model_dir, "--on-bad-lines", "report", *options)
    assert result.exit_code == 0, result.output
    side = pd.read_csv(tmp_path / "out.bad_lines.csv", dtype=str, keep_default_na=False)
    assert side["raw"].tolist() == [raw]
    assert side["line"].tolist() == ["3"]


UNRECORDED = (
    "6 text cell(s) start with an apostrophe before =, +, - or @ (column(s) 'id' 1, 'text' 5), as taikai batch "
    "--excel-safe writes a text Excel would read as a formula, but no batch summary of the file (out.summary.json) "
    "says it was written so: they are read as written, apostrophe included. To read them back as they were, put the "
    "summary batch wrote beside the file (in Python, taikai.io.unescape_sheet(frame) takes the apostrophes off a "
    "frame read so)"
)


def _read_back(out, how, model_dir):
    """Read *out* back as *how* does; return the warnings said and the texts read (None: the command shows none)."""
    if how == "read_predictions":
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            texts = read_predictions(out)["text"].tolist()
        return [str(w.message) for w in caught if issubclass(w.category, DataWarning)], texts
    args = {"drift": ["drift", str(out)], "report": ["report", str(out), "-o", str(out.with_suffix(".html"))]}[how]
    result = CliRunner().invoke(cli, [*args, "-m", str(model_dir)])
    assert result.exit_code in (0, 1, 3), result.output  # drift: found, or not judged in so few rows
    said = [line.removeprefix("taikai: warning: ") for line in result.output.splitlines() if "apostrophe" in line]
    return said, None


@pytest.mark.parametrize("how", ["read_predictions", "drift", "report"])
@pytest.mark.parametrize(
    ("options", "summary", "warned"),
    [
        (["--excel-safe"], False, True),  # forwarded without its summary: said once, read as written
        (["--excel-safe"], True, False),  # the summary says so: read back as it was
        ([], False, False),  # '=x beside =1+1 in its column: not written by --excel-safe, which escapes both
    ],
)
def test_escaped_texts_of_a_file_without_its_summary_are_said(
    tmp_path, formula_dump, tiny_model_dir, how, options, summary, warned
):
    """Regression: a --excel-safe CSV forwarded without its summary.json was read back with the apostrophes kept,
    and nothing said why the texts differed from the input's."""
    out = tmp_path / "out.csv"
    assert _batch(formula_dump, out, tiny_model_dir, "-q", *options).exit_code == 0
    if not summary:
        out.with_suffix(".summary.json").unlink()
    said, texts = _read_back(out, how, tiny_model_dir)
    assert said == ([f"{out}: {UNRECORDED}"] if warned else [])
    if texts is not None:
        escaped = bool(options) and not summary
        assert texts == [taikai.io.escape_formula(t) if escaped else t for _, t in TEXTS]


@pytest.mark.parametrize("how", ["drift", "report"])
def test_an_escaped_column_name_is_read_back_as_it_was(tmp_path, tiny_model_dir, how):
    """Regression: drift read an --excel-safe output's header as written: --date-column @date was "no column
    '@date' (did you mean "'@date"?)", though read_predictions and report name it @date."""
    dump, out = tmp_path / "dated.csv", tmp_path / "out.csv"
    days = ["2024-01-05", "2024-02-07"] * 20
    texts = ["報酬が安すぎて辞めました", "手数料が高い"] * 20
    pd.DataFrame({"id": range(40), "text": texts, "@date": days}).to_csv(dump, index=False)
    assert _batch(dump, out, tiny_model_dir, "-q", "--excel-safe").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("id,text,'@date,")
    shown = ["drift", str(out)] if how == "drift" else ["report", str(out), "-o", str(tmp_path / "r.html")]
    result = CliRunner().invoke(cli, [*shown, "-m", str(tiny_model_dir), "--date-column", "@date"])
    assert result.exit_code in (0, 1, 3), result.output
    assert "no column" not in result.output


IDS = ["007", "r2", "1234567890123456789", "123456789012345", "0", "-163", "０７"]  # 15 digits, 0, -163: as shown
NUMBER_IDS = (
    "2 id(s) of column 'id' are digits Excel reads as a number when it opens the file, dropping a leading zero (007 "
    "as 7) or digits past the 15th (1234567890123456789 as 1.23457E+18), so that they no longer match your data's "
    "ids, nor do once saved from Excel: line 2 (id 007), line 4 (id 1234567890123456789). The file holds them as "
    "written (taikai report, drift and read_predictions read them so); to open it in Excel, import it (Data > From "
    "Text/CSV) with that column's type set to Text, or write xlsx output, which holds them as text"
)


@pytest.mark.parametrize(
    ("output", "options", "warned"),
    [
        ("out.csv", [], True),
        ("out.tsv", [], True),
        ("out.csv", ["--excel-safe"], True),  # an apostrophe would change the ids: said, not escaped
        ("out.xlsx", [], False),  # held as text
        ("out.jsonl", [], False),
    ],
)
def test_ids_excel_reads_as_numbers_are_warned_of(tmp_path, tiny_model_dir, output, options, warned):
    """Regression: a CSV output whose ids Excel shows otherwise (007 as 7, a 19-digit id rounded) said nothing,
    though a sheet saved from Excel no longer joins to the user's data on them."""
    dump, out = tmp_path / "dump.csv", tmp_path / output
    pd.DataFrame({"id": IDS, "text": ["手数料が高い"] * len(IDS)}).to_csv(dump, index=False)
    result = _batch(dump, out, tiny_model_dir, "-q", *options)
    assert result.exit_code == 0, result.output
    said = [line.removeprefix("taikai: warning: ") for line in result.output.splitlines() if "id(s) of" in line]
    assert said == ([f"{out}: {NUMBER_IDS}"] if warned else [])
    summary = json.loads(out.with_suffix(".summary.json").read_text(encoding="utf-8"))
    assert (summary["number_ids"], len(summary["number_id_where"])) == ((2, 2) if warned else (0, 0))
    if output.endswith((".csv", ".tsv")):  # the file holds them as written
        raw = pd.read_csv(out, sep="\t" if output.endswith(".tsv") else ",", dtype=str, keep_default_na=False)
        assert raw["id"].tolist() == IDS
