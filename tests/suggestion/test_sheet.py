"""The labelling sheet fits the model: no sentiment column or step without sentiments, own labels in the examples."""

import csv

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.labels import REASON_IDS, SENTIMENTS
from taikai.suggestion import definitions, write_sheet
from taikai.suggestion._how_to import Earlier, how_to, more_example

OWN = ["支払い, 遅延", "独立", "家庭", "育児"]


@pytest.mark.parametrize(
    ("reasons", "sentiments", "example", "options", "steps"),
    [
        (list(REASON_IDS), list(SENTIMENTS), "fees|trouble", "", 6),  # the taxonomy: as before
        (list(REASON_IDS), [], "fees|trouble", " --no-sentiment", 5),
        (["low_pay", "time", "other"], list(SENTIMENTS), "low_pay|time", "", 6),  # a taxonomy model without fees
        (OWN, list(SENTIMENTS), "独立|家庭", " --free-labels", 6),  # no example with the comma of 支払い, 遅延
        (OWN, [], "独立|家庭", " --free-labels --no-sentiment", 5),
        (["一つだけ"], [], "一つだけ", " --free-labels --no-sentiment", 5),
    ],
)
def test_how_to_speaks_of_the_models_labels(reasons, sentiments, example, options, steps):
    rows = how_to(reasons, sentiments)
    assert [r[0] for r in rows] == [str(i) for i in range(1, steps + 1)]
    text = "\n".join(ja + "\n" + en for _, ja, en in rows)
    assert ("sentiment 列" in text) == bool(sentiments) and ("sentiment:" in text) == bool(sentiments)
    assert more_example(reasons, sentiments) == example and f"(例: {example})" in text
    assert ("退会理由" in text) == (reasons[0] == "low_pay")
    assert ("日本語名も可" in text) == (reasons[0] == "low_pay")
    assert rows[-2][1].endswith(f"--out MODEL{options}") and rows[-2][2].endswith(f"--out MODEL{options}")
    assert "--exclude このファイル" in rows[-1][1] and "--exclude THIS_FILE" in rows[-1][2]  # the next round


@pytest.mark.parametrize(
    ("earlier", "adds", "excludes"),
    [
        (None, "", ""),
        (Earlier(("s1.xlsx",), ("s1.xlsx",)), " --add s1.xlsx", " --exclude s1.xlsx"),
        (
            Earlier(("round 1.xlsx", "data.csv"), ("round 1.xlsx",)),
            " --add 'round 1.xlsx'",
            " --exclude 'round 1.xlsx' --exclude data.csv",
        ),
    ],
    ids=["first-round", "one-sheet", "quoted-and-a-labelled-file"],
)
def test_how_to_carries_the_earlier_files_forward(earlier, adds, excludes):
    """Regression: a second round's sheet named only itself, so following it dropped the first round's labels."""
    *_, (_, train_ja, train_en), (_, next_ja, next_en) = how_to(list(REASON_IDS), list(SENTIMENTS), earlier)
    assert f"taikai train DATA{adds} --add このファイル --out MODEL" in train_ja
    assert f"taikai train DATA{adds} --add THIS_FILE --out MODEL" in train_en
    assert ("keep the earlier rounds' sheets in --add" in train_en) is bool(adds)
    assert f"-o 次のシート{excludes} --exclude このファイル " in next_ja
    assert f"-o NEXT_SHEET{excludes} --exclude THIS_FILE " in next_en


@pytest.mark.parametrize(("sentiments", "columns"), [(["negative"], ["sentiment"]), ([], [])])
def test_sheet_has_a_sentiment_column_only_for_a_model_with_sentiments(tmp_path, sentiments, columns):
    rows = pd.DataFrame({"row": [1], "text": ["テスト"], "model_reason": ["独立"]})
    fill = ["reasons", *columns, "more_reasons", "note"]
    write_sheet(rows, tmp_path / "s.csv", OWN, sentiments)
    assert (tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",") == [*rows.columns, *fill]
    write_sheet(rows, tmp_path / "s.xlsx", OWN, sentiments)
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    assert [c.value for c in wb["labels"][1]] == [*rows.columns, *fill]
    prompts = {dv.promptTitle: dv.prompt for dv in wb["labels"].data_validations.dataValidation}
    assert sorted(prompts) == sorted(["reasons", *columns, "more_reasons"])
    assert "(例: 独立|家庭)" in prompts["more_reasons"]
    assert [r[1] for r in wb["how_to"].iter_rows(min_row=2, values_only=True)] == [
        r[1] for r in how_to(OWN, sentiments)
    ]


def test_a_no_sentiment_own_label_sheet_goes_back_into_train_and_evaluate(tmp_path, tiny_csv):
    """train --free-labels --no-sentiment → batch → suggest → a person fills the sheet → train --add, evaluate."""
    own = dict(zip(REASON_IDS, ["安い", "手数料", "不採用", "多忙", "独立", "移行", "揉め事", "他"], strict=True))
    data = pd.read_csv(tiny_csv)
    data["reasons"] = data["reasons"].map(lambda v: "|".join(own[r] for r in v.split("|")))
    data[["text", "reasons"]].to_csv(tmp_path / "own.csv", index=False)
    with (tmp_path / "dump.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["text"], *([f"{t}、もう使わない"] for t in data["text"])])  # new texts
    runner = CliRunner()

    def run(*args):
        result = runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    common = ["--free-labels", "--no-sentiment", "--vectors", "none", "--folds", "0", "--test-size", "0"]
    run("train", tmp_path / "own.csv", "--out", tmp_path / "m", *common)
    run("batch", tmp_path / "dump.csv", "-o", tmp_path / "p.csv", "--text-column", "text", "-m", tmp_path / "m")
    run("suggest", tmp_path / "p.csv", "-o", tmp_path / "s.xlsx", "--n", "6")
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    ws = wb["labels"]
    header = [c.value for c in ws[1]]
    assert "sentiment" not in header and "model_sentiment" not in header
    assert "--free-labels --no-sentiment" in wb["how_to"]["B5"].value  # step 4, the train command
    for row in ws.iter_rows(min_row=2):
        row[header.index("reasons")].value = "多忙"
        row[header.index("more_reasons")].value = "安い|揉め事"
    wb.save(tmp_path / "s.xlsx")
    again = runner.invoke(cli, ["suggest", str(tmp_path / "p.csv"), "-o", str(tmp_path / "s.xlsx")])
    assert again.exit_code == 2 and "holds 6 filled reasons/sentiment cell(s)" in again.output  # not overwritten
    output = run("train", tmp_path / "own.csv", "--add", tmp_path / "s.xlsx", "--out", tmp_path / "m2", *common)
    assert "added: s.xlsx  (6 rows, 6 used" in output.replace(str(tmp_path) + "/", "")
    scores = run("evaluate", tmp_path / "s.xlsx", "-m", tmp_path / "m2", "--no-sentiment")
    assert "| 多忙 |" in scores and "sentiment macro" not in scores


@pytest.mark.parametrize(
    ("reasons", "sentiments", "kind", "label", "name", "meaning"),
    [  # regression: the definitions sheet gave a label of one's own spelt fees the taxonomy's name and meaning
        (["Fees", "fees", "映画"], [], "reason", "fees", "fees", False),
        (["fees", "time"], ["positive"], "reason", "fees", "手数料が高い", True),
        (["fees", "time"], ["positive", "angry"], "sentiment", "positive", "positive", False),
        (["fees", "time"], ["positive", "negative"], "sentiment", "positive", "ポジティブ", True),
    ],
)
def test_the_definitions_of_labels_of_ones_own_are_their_names(reasons, sentiments, kind, label, name, meaning):
    [found] = [r for r in definitions(reasons, sentiments) if r[:2] == (kind, label)]
    assert found[2] == name
    assert bool(found[3]) is bool(found[4]) is meaning


def _dropdown_choices(wb: openpyxl.Workbook, formula: str) -> list[str]:
    """The choices the reasons dropdown offers: an inline list's items, or the cells of its range."""
    from openpyxl.formula.tokenizer import Tokenizer

    [token] = Tokenizer("=" + formula).items  # one operand: a string, or a range; a bad formula raises
    if token.subtype == "TEXT":
        return token.value[1:-1].replace('""', '"').split(",")
    assert token.subtype == "RANGE"
    sheet, cells = token.value.split("!")
    return [str(row[0].value) for row in wb[sheet][cells.replace("$", "")]]


@pytest.mark.parametrize(
    ("reasons", "inline"),
    [
        (["low_pay", '"fees"', "Low Pay", "低単価"], False),  # regression: "low_pay,"fees",… ended the string
        (['say "no"', "fees"], False),
        (["支払い, 遅延", "独立"], False),
        (["=x", "fees"], True),
        (["'quoted", "fees"], True),
        (["=x", "'q", '"f"', "a,b", "+1", "@y"], False),
        (["low_pay", "Low Pay", "低単価"], True),
        # Excel's limit of 255 characters for an inline list, its quotes counted: 253 between them fit, 254 do not
        (["a" * 126, "b" * 126], True),
        (["a" * 126, "b" * 127], False),
        (["低" * 84, "高" * 84, "中" * 83], True),  # counted in characters, not bytes
        (["低" * 84, "高" * 84, "中" * 84], False),
    ],
)
def test_the_reasons_dropdown_is_a_valid_formula_offering_every_label(tmp_path, reasons, inline):
    out = tmp_path / "s.xlsx"
    write_sheet(pd.DataFrame({"row": [1], "text": ["テスト"]}), out, reasons, ["negative"])
    wb = openpyxl.load_workbook(out)
    header = [c.value for c in wb["labels"][1]]
    letter = openpyxl.utils.get_column_letter(header.index("reasons") + 1)
    [formula] = [dv.formula1 for dv in wb["labels"].data_validations.dataValidation if str(dv.sqref) == f"{letter}2"]
    assert formula.startswith('"') is inline
    assert _dropdown_choices(wb, formula) == reasons


@pytest.mark.parametrize(
    "own",
    [
        ["安い", "手数料", "不採用", "多忙", "独立", "移行", "揉め事", "他"],  # every reason one's own
        ["low_pay", "fees", "rejection", "time", "graduated", "platform_switch", "trouble", "お金"],  # ids and one
    ],
)
def test_the_sentiment_names_a_free_labels_sheet_defines_are_the_ones_train_reads(tmp_path, tiny_csv, own):
    """Regression: the definitions sheet of a --free-labels model whose sentiments are spelt as the taxonomy's gave
    them its Japanese names (ネガティブ), which train --free-labels --add refuses (labels of one's own are read as
    written): a person who typed the name the sheet gave could not train on the sheet."""
    import taikai

    data = pd.read_csv(tiny_csv)
    data["reasons"] = data["reasons"].map(lambda v: "|".join(own[REASON_IDS.index(r)] for r in v.split("|")))
    data.to_csv(tmp_path / "own.csv", index=False)
    options = {"folds": 0, "test_size": 0, "free_labels": True, "config": taikai.FeatureConfig()}
    model = taikai.train(tmp_path / "own.csv", tmp_path / "m", **options)
    predictions = model.predict_frame(pd.DataFrame({"text": [f"{t}、もう使わない" for t in data["text"]]}))
    taikai.suggest(predictions, tmp_path / "s.xlsx", n=6)
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx")
    names = [r[2] for r in wb["definitions"].iter_rows(min_row=2, values_only=True) if r[0] == "sentiment"]
    assert sorted(names) == sorted(SENTIMENTS)  # as written: the sheet offers no name that train refuses
    ws = wb["labels"]
    header = [c.value for c in ws[1]]
    for number, row in enumerate(ws.iter_rows(min_row=2)):  # a person types the names the definitions give
        row[header.index("reasons")].value = own[number]
        row[header.index("sentiment")].value = names[number % len(names)]
    wb.save(tmp_path / "s.xlsx")
    again = taikai.train(tmp_path / "own.csv", tmp_path / "m2", add=tmp_path / "s.xlsx", compare_folds=0, **options)
    assert again.metadata.inputs[1].used == 6


@pytest.mark.parametrize(
    ("reasons", "sentiments"),
    [
        (["fees", "time"], ["良い, とても", "悪い"]),  # regression (mutation audit): a range one row too high
        (["a,b", "c", "d"], ['"pos"', "neg", "neutral"]),
        (["fees", "time"], ["positive", "negative"]),
    ],
)
def test_the_sentiment_dropdown_offers_the_sentiments_not_a_reason(tmp_path, reasons, sentiments):
    out = tmp_path / "s.xlsx"
    write_sheet(pd.DataFrame({"row": [1], "text": ["テスト"]}), out, reasons, sentiments)
    wb = openpyxl.load_workbook(out)
    header = [c.value for c in wb["labels"][1]]
    letter = openpyxl.utils.get_column_letter(header.index("sentiment") + 1)
    [formula] = [dv.formula1 for dv in wb["labels"].data_validations.dataValidation if str(dv.sqref) == f"{letter}2"]
    assert _dropdown_choices(wb, formula) == sentiments


@pytest.mark.parametrize("rows", [1, 2, 7])
def test_every_row_of_the_sheet_has_its_dropdowns_and_the_text_stays_in_view(tmp_path, rows):
    # mutation audit: the last row without its dropdowns, the id and text scrolled away, a narrow text column
    out = tmp_path / "s.xlsx"
    frame = pd.DataFrame({"review_id": [f"r{i}" for i in range(rows)], "body": ["テスト"] * rows})
    write_sheet(frame, out, ["fees", "time"], ["positive", "negative"])
    ws = openpyxl.load_workbook(out)["labels"]
    header = [c.value for c in ws[1]]
    columns = {openpyxl.utils.get_column_letter(header.index(n) + 1) for n in ("reasons", "sentiment", "more_reasons")}
    last = max(rows + 1, 2)
    ranges = {f"{c}2:{c}{last}" if last > 2 else f"{c}2" for c in columns}
    assert {str(dv.sqref) for dv in ws.data_validations.dataValidation} == ranges
    assert ws.freeze_panes == "C2"
    assert ws.column_dimensions["B"].width == 60


@pytest.mark.parametrize(
    ("reasons", "sentiments", "said"),
    [
        (list(REASON_IDS), list(SENTIMENTS), {"reasons": "(報酬・単価が低い など)", "sentiment": "(ポジティブ など)"}),
        (OWN, [], {"reasons": "遅延', 独立, 家庭"}),
        ([f"label{i:03d}" for i in range(60)], [], {"reasons": "label000, label001"}),
    ],
)
def test_a_value_off_a_dropdown_s_list_is_warned_of_not_stopped(tmp_path, reasons, sentiments, said):
    """Regression: the dropdowns stopped a labeller typing a Japanese name (手数料が高い), which the sheet's reader
    takes; Excel now warns and lets it stand, and the reader refuses anything else with the closest label."""
    rows = pd.DataFrame({"row": [1], "text": ["テスト"], "model_reason": [reasons[0]]})
    write_sheet(rows, tmp_path / "s.xlsx", reasons, sentiments)
    lists = [dv for dv in openpyxl.load_workbook(tmp_path / "s.xlsx")["labels"].data_validations.dataValidation]
    lists = [dv for dv in lists if dv.type == "list"]
    assert sorted(dv.errorTitle for dv in lists) == sorted(said)
    for dv in lists:
        assert dv.errorStyle == "warning" and dv.showErrorMessage
        assert said[dv.errorTitle] in dv.error and len(dv.error) <= 255  # Excel takes 255 characters
