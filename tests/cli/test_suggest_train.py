"""End to end, as an analyst works: batch → suggest → a person fills the sheet → train --add → a model that learned."""

import csv
import json

import openpyxl
import pytest
from click.testing import CliRunner

from taikai import load_model
from taikai.cli import cli

NO_COPIES = " (near-copies kept in one fold: none among them)"
"""What the comparison says of the sheets here: no added row is a near-copy of another."""

# A phenomenon the tiny model has never seen: generative AI taking the work. The person labels it `rejection`.
TAUGHT = [
    "生成AIで記事が書けるからと単価の話の前に断られた",
    "AIに任せるので今回は見送りますと言われた",
    "AI画像で足りるそうで依頼が来なくなった",
    "翻訳はAIで済ませると言われて契約が終わった",
    "生成AIを使える人を優先すると募集に書いてあった",
    "AIの下書きを直すだけの仕事しか残っていない",
    "ナレーションもAI音声に置き換えると言われた",
    "生成AIの登場で応募しても選ばれなくなった",
]
OTHER = [
    "手数料が高くて手元に残らない",
    "本業が忙しくて続けられない",
    "直接契約に切り替えました",
    "",  # status empty: left out of the sheet and counted
    "(^_^)",  # status error: no Japanese
]
PROBES = ["生成AIのほうが安いと言われた", "AIで十分だと発注者に言われた", "生成AIに仕事を持っていかれた"]


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture(scope="module")
def predictions(tmp_path_factory, tiny_model_dir):
    """The tiny model's predictions for TAUGHT + OTHER, written once for the module (the tests only read it)."""
    folder = tmp_path_factory.mktemp("dump")
    dump = folder / "dump.csv"
    with dump.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["review_id", "body"])
        writer.writerows([f"r{i:02d}", text] for i, text in enumerate(TAUGHT + OTHER))
    out = folder / "predictions.csv"
    args = ["batch", dump, "-o", out, "--text-column", "body", "--id-column", "review_id", "--model", tiny_model_dir]
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def fill_xlsx(path, sentiments=None, reasons=None):
    """Label the AI rows rejection, negative too (only the first *sentiments* / *reasons* when given; the others:
    reasons only / a sentiment only)."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    taught = [row for row in ws.iter_rows(min_row=2) if "AI" in row[header.index("text")].value]
    for i, row in enumerate(taught):
        if reasons is None or i < reasons:
            row[header.index("reasons")].value = "提案が通らない"  # the Japanese display name of rejection
        if sentiments is None or i < sentiments:
            row[header.index("sentiment")].value = "negative"
    wb.save(path)


def fill_csv(path, encoding):
    with path.open(encoding=encoding, newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if "AI" in row["text"]:
            row["reasons"], row["sentiment"] = "rejection", "ネガティブ"
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "options", "encoding"),
    [
        ("sheet.xlsx", [], None),
        ("sheet.csv", [], "utf-8-sig"),
        ("sheet.csv", ["--output-encoding", "cp932"], "cp932"),  # as Excel on Japanese Windows saves a CSV
    ],
)
def test_suggest_fill_and_train_add_teaches_the_model(
    run, tmp_path, predictions, tiny_csv, tiny_model, name, options, encoding
):
    sheet = tmp_path / name
    result = run(
        "suggest", predictions, "-o", sheet, "--n", "50", "--text-column", "body", "--id-column", "review_id", *options
    )
    assert result.exit_code == 0, result.output
    assert "11 rows to label" in result.output and "1 empty, 1 error" in result.output
    if encoding is None:
        fill_xlsx(sheet)
    else:
        assert sheet.read_bytes().startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
        fill_csv(sheet, encoding)

    before = [p.reason for p in tiny_model.predict(PROBES)]
    assert "rejection" not in before  # the fixture is a real check: the base model does not know this yet
    out = tmp_path / "model"
    args = ["train", tiny_csv, "--add", sheet, "--add-weight", "3", "--out", out, "--folds", "2", "--test-size", "0"]
    result = run(*args, "--compare-folds", "2")
    assert result.exit_code == 0, result.output
    assert f"added: {sheet}  (11 rows, 8 used, 3 blank, weight 3)" in result.output
    assert "your labels: 8 rows, 2-fold" in result.output and "\n  reason accuracy " in result.output

    model = load_model(out)
    [base, added] = model.metadata.inputs
    assert (base.role, base.rows, base.used) == ("base", 40, 40)
    assert (added.role, added.file, added.rows, added.used, added.blank, added.weight) == (
        "added",
        str(sheet),
        11,
        8,
        3,
        3.0,
    )
    assert added.sha256 and added.sha256 != base.sha256
    assert model.metadata.metrics.added.rows == 8
    assert [p.reason for p in model.predict(PROBES)] == ["rejection"] * 3


def test_xlsx_sheet_is_made_for_a_person_in_excel(run, tmp_path, predictions):
    sheet = tmp_path / "sheet.xlsx"
    assert run("suggest", predictions, "-o", sheet, "--text-column", "body").exit_code == 0
    wb = openpyxl.load_workbook(sheet)
    assert wb.sheetnames == ["labels", "definitions", "how_to"]
    ws = wb["labels"]
    header = [c.value for c in ws[1]]
    # batch's --id-column (its summary says), and "text", as train --add reads it, whatever the predictions call it
    assert header[:2] == ["review_id", "text"]
    assert header[-4:] == ["reasons", "sentiment", "more_reasons", "note"]
    assert {"model_reason", "p_model_reason", "model_sentiment", "p_model_sentiment"} <= set(header)
    assert ws.freeze_panes == "C2"
    assert all(ws.cell(i, header.index("reasons") + 1).value is None for i in range(2, ws.max_row + 1))
    assert ws.cell(2, 2).alignment.wrap_text and ws.column_dimensions["B"].width == 60
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    letter = openpyxl.utils.get_column_letter
    reasons_col, sentiment_col = letter(header.index("reasons") + 1), letter(header.index("sentiment") + 1)
    assert (
        lists[f"{reasons_col}2:{reasons_col}12"]
        == '"low_pay,fees,rejection,time,graduated,platform_switch,trouble,other"'
    )
    assert lists[f"{sentiment_col}2:{sentiment_col}12"] == '"positive,neutral,negative"'
    definitions = [[c.value for c in row] for row in wb["definitions"].iter_rows()]
    assert definitions[0] == ["kind", "id", "日本語", "meaning", "説明"]
    fees = next(row for row in definitions if row[1] == "fees")
    assert fees[2] == "手数料が高い" and "fee" in fees[3] and "手数料" in fees[4]
    assert [row[1] for row in definitions if row[0] == "sentiment"] == ["positive", "neutral", "negative"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-o", "{tmp}/s.parquet", "--text-column", "body"],
            "s.parquet: a labelling sheet must be named .xlsx (with dropdowns) or .csv (UTF-8 with BOM), "
            "not '.parquet'",
        ),
        (
            ["-o", "{tmp}/s.txt", "--text-column", "body"],
            "s.txt: a labelling sheet must be named .xlsx (with dropdowns) or .csv (UTF-8 with BOM), not '.txt'",
        ),
        (
            ["-o", "{tmp}/s", "--text-column", "body"],
            "/s: a labelling sheet must be named .xlsx (with dropdowns) or .csv (UTF-8 with BOM), "
            "and this name has no extension",
        ),
        (["-o", "{tmp}/s.xlsx", "--text-column", "nope"], "predictions.csv: no column 'nope'"),
        (["-o", "{tmp}/s.xlsx", "--text-column", "body", "--id-column", "nope"], "no column 'nope'"),
        (
            ["-o", "{tmp}/s.xlsx", "--text-column", "body", "--output-encoding", "cp932"],
            "taikai: error: output_encoding= (--output-encoding on the command line) applies to a .csv sheet; an .xlsx "
            "sheet is always Unicode\n",
        ),
        (
            ["-o", "{tmp}/s.xlsx", "--text-column", "body", "--n", "0"],
            "taikai: error: suggest: invalid value for --n: ",
        ),
    ],
)
def test_suggest_bad_input_exits_2_with_a_message(run, tmp_path, predictions, args, message):
    result = run("suggest", predictions, *[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not list(tmp_path.glob("s.*"))


def test_suggest_refuses_a_file_that_is_not_predictions(run, tmp_path, tiny_csv):
    result = run("suggest", tiny_csv, "-o", tmp_path / "s.xlsx")
    assert result.exit_code == 2
    assert (
        "tiny.csv: not a predictions file: no p_reason_* columns" in result.stderr and "taikai batch" in result.stderr
    )


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"reasons": "low_pya", "sentiment": "negative"}, r"sheet.csv:2: reasons: unknown label 'low_pya'"),
        ({"reasons": "fees", "sentiment": "angry"}, r"sheet.csv:2: sentiment: unknown label 'angry'"),
        (
            {"reasons": "fees", "more_reasons": "fees|xx", "sentiment": "negative"},
            r"sheet.csv:2: more_reasons: unknown label 'xx'",
        ),
    ],
)
def test_unknown_label_in_an_added_file_stops_naming_file_row_and_value(run, tmp_path, tiny_csv, cells, message):
    sheet = tmp_path / "sheet.csv"
    row = {"text": "生成AIに負けた", "reasons": "", "sentiment": "", "more_reasons": ""} | cells
    sheet.write_text(",".join(row) + "\n" + ",".join(row.values()) + "\n", encoding="utf-8-sig")
    result = run("train", tiny_csv, "--add", sheet, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0")
    assert result.exit_code == 2
    assert message in result.stderr


@pytest.mark.parametrize(
    ("label", "said"),
    [
        ("AI代替", "sheet.csv:2: reasons: unknown label 'AI代替'\n"),
        # --free-labels: the labels are the user's own, even spelt as taxonomy ids (no 手数料が高い)
        ("fee", "sheet.csv:2: reasons: unknown label 'fee' (closest: 'fees')\n"),
    ],
)
def test_an_added_label_data_lacks_under_free_labels_says_to_label_it_in_data(run, tmp_path, tiny_csv, label, said):
    """Regression: under --free-labels an --add sheet's own label was refused only as "unknown label … or fix the
    typo", as if --free-labels had not been given."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f"text,reasons,sentiment\n生成AIに負けた,{label},negative\n", encoding="utf-8")
    args = ["--out", tmp_path / "m", "--folds", "0", "--test-size", "0", "--free-labels"]
    result = run("train", tiny_csv, "--add", sheet, *args)
    assert result.exit_code == 2
    assert said in result.stderr
    assert (
        f"or fix the typo; a file given to add= (--add on the command line) can only use labels {tiny_csv} has, even "
        "with free_labels=True (--free-labels on the command line): to train a label of your own, label rows with it "
        f"in {tiny_csv} too\n"
    ) in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "m").exists()


def test_train_reports_skipped_rows_where_they_cannot_be_missed(run, tmp_path, tiny_csv):
    data = tmp_path / "data.csv"
    lines = tiny_csv.read_text(encoding="utf-8").splitlines()
    data.write_text("\n".join([*lines, "(^_^)v,other,neutral", "orz,other,positive", ",fees,negative"]) + "\n")
    result = run("train", data, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0")
    assert result.exit_code == 0, result.output
    assert "WARNING: 3 training row(s) cannot be used and were skipped:" in result.stderr
    assert "data.csv:42: text: no Japanese characters" in result.stderr and "data.csv:44: text: empty" in result.stderr
    assert "(43 rows, 40 used, 3 skipped)" in result.output
    meta = json.loads((tmp_path / "m" / "metadata.json").read_text())
    assert meta["training_data"]["skipped_rows"] == 3 and meta["inputs"][0]["bad"] == 3
    stopped = run("train", data, "--out", tmp_path / "m2", "--on-bad-rows", "error", "--folds", "0", "--test-size", "0")
    assert stopped.exit_code == 2 and "data.csv:42" in stopped.stderr and not (tmp_path / "m2").exists()


def test_train_add_drops_rows_already_in_the_data(run, tmp_path, tiny_csv):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "text,reasons,sentiment\n手数料が20%も引かれるのがつらい,fees,negative\n"  # in tiny.csv, same labels
        "時給にすると200円くらい。さすがに続けられない,trouble,negative\n"  # in tiny.csv, other labels
        "生成AIに負けた,rejection,negative\n,,\n",
        encoding="utf-8",
    )
    result = run("train", tiny_csv, "--add", sheet, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0")
    assert result.exit_code == 0, result.output
    assert f"added: {sheet}  (4 rows, 1 used, 1 blank, 2 duplicates, weight 1)" in result.output
    assert "1 dropped duplicate(s) carry labels that differ from DATA's: reasons in 1 (DATA's" in result.output
    assert "your labels" not in result.output  # one added row: nothing to cross-validate


def test_train_add_counts_duplicates_with_another_sentiment_as_differing(run, tmp_path, tiny_csv):
    """Regression: a row of DATA relabelled with another sentiment only was dropped without a note."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "text,reasons,sentiment\n手数料が20%も引かれるのがつらい,fees,neutral\n"  # in tiny.csv as fees/negative
        "時給にすると200円くらい。さすがに続けられない,trouble,positive\n"  # in tiny.csv as low_pay/negative
        "生成AIに負けた,rejection,negative\n",
        encoding="utf-8",
    )
    result = run("train", tiny_csv, "--add", sheet, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0")
    assert result.exit_code == 0, result.output
    assert (
        "note:  2 dropped duplicate(s) carry labels that differ from DATA's: reasons in 1, sentiment in 2 "
        "(DATA's were kept)"
    ) in result.output
    meta = json.loads((tmp_path / "m" / "metadata.json").read_text())
    assert meta["training_data"]["added_disagreeing_in"]["duplicates"] == {"reasons": 1, "sentiment": 2}


def test_train_add_of_a_cp932_copy_drops_its_rows_as_duplicates(run, tmp_path):
    """Regression: CP932 writes 〜 and − as ～ and －, so a copy through Excel was trained on a second time."""
    rows = [
        ("報酬は月3〜5万円ほどで手数料が高い", "fees", "negative"),
        ("手取りが−20%になって手数料が高い", "fees", "negative"),
        ("本業が忙しくて時間がない", "time", "neutral"),
        ("直接契約に切り替えました", "graduated", "positive"),
    ]
    data, copy = tmp_path / "data.csv", tmp_path / "copy.csv"
    text = "text,reasons,sentiment\n" + "".join(",".join(row) + "\n" for row in rows)
    data.write_text(text, encoding="utf-8")
    copy.write_bytes(text.encode("cp932"))
    assert "～" in copy.read_bytes().decode("cp932")  # the CP932 form of 〜
    result = run("train", data, "--add", copy, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0")
    # every row a duplicate: the copy adds nothing, and the command stops before training
    assert result.exit_code == 2, result.output
    assert f"every labelled row of {copy} is already in {data} (4 duplicates)" in result.output


@pytest.mark.parametrize(
    ("options", "rows"),
    [
        (["--test-size", "0.25"], "40 rows (30 train + 2 added = 32 trained on, 10 test)"),
        (["--test-size", "0.25", "--refit-all"], "40 rows (30 train + 2 added = 32 trained on, 10 test; then refitted"),
        (["--test-size", "0"], "40 rows (40 train + 2 added = 42 trained on, 0 test)"),
    ],
)
def test_info_shows_the_added_files_and_the_rows_trained_on(run, tmp_path, tiny_csv, options, rows):
    """Regression: info named only DATA, and its train rows left out the added rows the model was fitted on."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "text,reasons,sentiment\n生成AIに負けた,rejection,negative\nAIで十分だと言われた,rejection,negative\n,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "m"
    trained = run("train", tiny_csv, "--add", sheet, "--add-weight", "2", "--out", out, "--folds", "0", *options)
    assert trained.exit_code == 0, trained.output
    result = run("info", "--model", out)
    assert result.exit_code == 0
    assert f"data:       {tiny_csv.name}: {rows}" in result.output
    assert f"added:      {sheet}  (3 rows, 2 used, 1 blank, weight 2)" in result.output


def test_info_counts_a_row_skipped_in_an_added_sheet_on_its_added_line_only(run, tmp_path, tiny_csv):
    """Regression: info counted a row skipped in the --add sheet against DATA ("41 rows read, 1 skipped" of a DATA
    of 40 rows, all used), unlike train's own lines."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "text,reasons,sentiment\n生成AIに負けた,rejection,negative\nAIで十分だと言われた,rejection,negative\n"
        "(^_^),rejection,negative\n,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "m"
    trained = run("train", tiny_csv, "--add", sheet, "--out", out, "--folds", "0", "--test-size", "0.25")
    assert trained.exit_code == 0, trained.output
    assert f"added: {sheet}  (4 rows, 2 used, 1 blank, 1 skipped, weight 1)" in trained.output
    result = run("info", "--model", out)
    assert result.exit_code == 0, result.output
    assert f"data:       {tiny_csv.name}: 40 rows (30 train + 2 added = 32 trained on, 10 test)," in result.output
    assert f"added:      {sheet}  (4 rows, 2 used, 1 blank, 1 skipped, weight 1)" in result.output
    assert "skipped;" not in result.output


@pytest.mark.parametrize(
    ("sentiments", "heads", "compared"),
    [
        (
            0,
            "reason head 48 rows, sentiment head 40 (not the 8 with reasons only)",
            "none has a sentiment, so only reasons",
        ),
        (
            3,
            "reason head 48 rows, sentiment head 43 (not the 5 with reasons only)",
            "sentiment scored on the 3 with a sent",
        ),
    ],
)
def test_a_sheet_coded_with_reasons_only_teaches_the_reason_head(
    run, tmp_path, predictions, tiny_csv, sentiments, heads, compared
):
    """Regression: a suggest sheet with reasons filled and sentiment left empty was refused ("adds no labelled
    row (40 row(s): 0 without any label, 40 unusable)"): analysts often code only the reasons."""
    sheet = tmp_path / "sheet.xlsx"
    result = run("suggest", predictions, "-o", sheet, "--n", "50", "--text-column", "body", "--id-column", "review_id")
    assert result.exit_code == 0, result.output
    fill_xlsx(sheet, sentiments)
    out = tmp_path / "model"
    args = ["train", tiny_csv, "--add", sheet, "--add-weight", "3", "--out", out, "--folds", "2", "--test-size", "0"]
    result = run(*args, "--compare-folds", "2", "--vectors", "none")
    assert result.exit_code == 0, result.output
    assert f"added: {sheet}  (11 rows, 8 used, 3 blank, weight 3)" in result.output
    assert f"\nheads: {heads}\n" in result.output
    assert f"your labels: 8 rows, 2-fold{NO_COPIES}; trained without them → with them; {compared}" in result.output
    assert ("sentiment accuracy" in result.output.split("your labels:")[1]) == bool(sentiments)
    model = load_model(out)
    assert model.metadata.sentiments == ("negative", "neutral", "positive")
    assert [p.reason for p in model.predict(PROBES)] == ["rejection"] * 3
    info = run("info", "--model", out)
    assert info.exit_code == 0 and f"\nheads:      {heads}\n" in info.output


@pytest.mark.parametrize(
    ("reasons", "heads", "compared"),
    [
        (
            0,
            "reason head 40 rows (not the 8 with a sentiment only), sentiment head 48",
            "none has a reason, so only sentim",
        ),
        (
            3,
            "reason head 43 rows (not the 5 with a sentiment only), sentiment head 48",
            "reasons scored on the 3 with a rea",
        ),
    ],
)
def test_a_sheet_coded_with_sentiments_only_teaches_the_sentiment_head(
    run, tmp_path, predictions, tiny_csv, reasons, heads, compared
):
    """Regression: a suggest sheet with sentiments filled and reasons left empty was refused ("adds no labelled
    row (11 row(s): 3 without any label, 8 unusable)"), and its rows listed as "reasons: no label"."""
    sheet = tmp_path / "sheet.xlsx"
    result = run("suggest", predictions, "-o", sheet, "--n", "50", "--text-column", "body", "--id-column", "review_id")
    assert result.exit_code == 0, result.output
    fill_xlsx(sheet, reasons=reasons)
    out = tmp_path / "model"
    args = ["train", tiny_csv, "--add", sheet, "--add-weight", "3", "--out", out, "--folds", "2", "--test-size", "0"]
    result = run(*args, "--compare-folds", "2", "--vectors", "none")
    assert result.exit_code == 0, result.output
    assert f"added: {sheet}  (11 rows, 8 used, 3 blank, weight 3)" in result.output
    assert "skipped" not in result.output and "skipped" not in result.stderr
    assert f"\nheads: {heads}\n" in result.output
    assert f"your labels: 8 rows, 2-fold{NO_COPIES}; trained without them → with them; {compared}" in result.output
    assert ("reason accuracy" in result.output.split("your labels:")[1]) == bool(reasons)
    info = run("info", "--model", out)
    assert info.exit_code == 0 and f"\nheads:      {heads}\n" in info.output
    plain = ["--out", tmp_path / "plain", "--folds", "0", "--test-size", "0", "--vectors", "none"]
    no_sentiment = run("train", tiny_csv, "--add", sheet, "--no-sentiment", *plain)
    if reasons:  # the rows with a sentiment only are skipped: they have nothing to train
        assert no_sentiment.exit_code == 0, no_sentiment.output
        assert "which --no-sentiment does not read: nothing to train" in no_sentiment.stderr
    else:
        assert no_sentiment.exit_code == 2
        assert "adds no labelled row (11 row(s): 3 without any label, 8 unusable); fill in reasons," in (
            no_sentiment.stderr
        )


@pytest.mark.parametrize("option", ["--add", "--add-weight", "--on-bad-rows", "--compare-folds"])
def test_train_help_lists_the_new_options(run, option):
    assert option in run("train", "--help").output


@pytest.mark.parametrize("option", ["--n", "--strategy", "--seed", "--text-column", "--id-column", "--output-encoding"])
def test_suggest_help_lists_its_options(run, option):
    assert option in run("suggest", "--help").output


def test_train_add_refuses_a_predictions_file(run, tmp_path, tiny_csv, predictions):
    """Regression: a batch output's 3,000 predicted rows were trained on as gold labels."""
    result = run("train", tiny_csv, "--add", predictions, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0")
    assert result.exit_code == 2 and not (tmp_path / "m").exists()
    assert f"taikai: error: {predictions}: this is a predictions file" in result.stderr
    assert "the filled taikai suggest sheet" in result.stderr


def test_train_add_notes_added_files_that_disagree(run, tmp_path, tiny_csv):
    """Regression: added-vs-added disagreements were dropped silently."""
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text("text,reasons,sentiment\n生成AIに負けた,rejection,negative\n新しい話,other,neutral\n", "utf-8")
    second.write_text("text,reasons,sentiment\n生成AIに負けた,other,negative\n", encoding="utf-8")
    args = ["--out", tmp_path / "m", "--folds", "0", "--test-size", "0"]
    result = run("train", tiny_csv, "--add", first, "--add", second, *args)
    assert result.exit_code == 0, result.output
    assert f"added: {first}  (2 rows, 1 used, 1 duplicates, weight 1)" in result.output
    assert (
        "note:  1 dropped duplicate(s) among the files given to add= (--add on the command line) carry labels that "
        "differ from the row kept: reasons in 1 (the last one: of the later file, or later in the file): "
        f"{first}:2 (kept: {second}:2)\n"  # named, with the row kept (they were not)
    ) in result.output


@pytest.mark.parametrize("sheet", ["suggested", "csv"])
def test_train_add_refuses_a_sheet_without_labels_before_training(run, tmp_path, tiny_csv, predictions, sheet):
    """Regression: an unfilled sheet gave a warning, then trained (80 s on the real data) and wrote a model, exit 0."""
    first, empty = tmp_path / "first.csv", tmp_path / "empty.csv"
    first.write_text("text,reasons,sentiment\n生成AIに負けた,rejection,negative\n", "utf-8")
    if sheet == "suggested":
        empty = tmp_path / "to_label.xlsx"
        assert run("suggest", predictions, "-o", empty, "--n", "5").exit_code == 0
    else:
        empty.write_text("text,reasons,sentiment\n別の話,,\n", encoding="utf-8")
    rows = 5 if sheet == "suggested" else 1
    args = ["--out", tmp_path / "m", "--folds", "0", "--test-size", "0"]
    result = run("train", tiny_csv, "--add", first, "--add", empty, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"taikai: error: {empty}: adds no labelled row ({rows} row(s): {rows} without any label, 0 unusable); fill "
        "in reasons, sentiments or both, save the sheet and run again (check that this is the file you labelled), "
        "or leave it out of add= (--add on the command line)\n"
    )
    assert not (tmp_path / "m").exists()


def test_suggest_refuses_a_filled_sheet_and_replaces_it_with_force(run, tmp_path, predictions):
    sheet = tmp_path / "sheet.xlsx"
    assert run("suggest", predictions, "-o", sheet, "--text-column", "body").exit_code == 0
    fill_xlsx(sheet)
    before = sheet.read_bytes()
    result = run("suggest", predictions, "-o", sheet, "--text-column", "body")
    assert result.exit_code == 2
    assert (
        f"taikai: error: out={str(sheet)!r} (--output on the command line): already exists and holds 16 filled "
        "reasons/sentiment cell(s): the labels "
        "would be lost; choose another file, or pass overwrite=True (--force on the command line) to replace it"
    ) in result.stderr
    assert sheet.read_bytes() == before
    result = run("suggest", predictions, "-o", sheet, "--text-column", "body", "--force")
    assert result.exit_code == 0 and f"labelling sheet written to {sheet}" in result.output
    rows = list(openpyxl.load_workbook(sheet).worksheets[0].values)
    reasons = [row[rows[0].index("reasons")] for row in rows[1:]]
    assert len(reasons) == 11 and not any(reasons)
