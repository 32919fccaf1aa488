"""``taikai rules test`` and ``taikai predict --rules`` through click's runner."""

import json
import shlex

import pytest
from click.testing import CliRunner
from support_commands import without_temp_folder

from taikai.analysis import evaluate_rules
from taikai.cli import cli

RULES = """
[[rule]]
name = "fee"
label = "fees"
any = ["手数料"]
not = ["妥当"]

[[rule]]
name = "main job"
label = "time"
any = ["本業"]
"""

LABELLED = """text,reasons,sentiment
手数料が20%も引かれるのがつらい,fees,negative
本業が忙しくなって手数料も払えない,time|fees,neutral
手数料より本業の稼ぎが大事,other,neutral
振込手数料が高い,fees,negative
,other,neutral
"""


@pytest.fixture
def files(tmp_path):
    rules, labelled = tmp_path / "rules.toml", tmp_path / "gold.csv"
    rules.write_text(RULES, encoding="utf-8")
    labelled.write_text(LABELLED, encoding="utf-8")
    return rules, labelled


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_rules_test_prints_scores_and_misfires(files, tiny_model_dir):
    rules, labelled = files
    result = run("rules", "test", rules, labelled, "-m", tiny_model_dir)
    assert result.exit_code == 0, result.output
    assert "5 labelled rows, 4 matched (1 not: text empty or not Japanese); a rule fired on 4." in result.output
    assert "| fee | fees | 4 | 3 | 0.750 (0.301–0.954) | 1.000 |" in result.output
    assert "| main job | time | 2 | 1 | 0.500 (0.095–0.905) | 1.000 |" in result.output
    assert "fee (fees) fires against the gold label on 1 row(s):\n- line 4: gold other: 手数料より本業の稼ぎが大事" in (
        result.output
    )
    assert "main job (time) fires against the gold label on 1 row(s):\n- line 4: gold other" in result.output


def test_rules_test_json(files, tiny_model_dir):
    rules, labelled = files
    result = run("rules", "test", rules, labelled, "-m", tiny_model_dir, "--format", "json", "--examples", "0")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [(r["name"], r["hits"], r["right"], r["misfires"], r["examples"]) for r in report["rules"]] == [
        ("fee", 4, 3, 1, []),
        ("main job", 2, 1, 1, []),
    ]
    assert report["labels"]["fees"]["recall"] == 1.0 and "among the row's gold reasons" in report["definition"]


@pytest.mark.parametrize(
    ("rules", "labelled", "extra", "message"),
    [
        (
            RULES + "[[rule]]\nname = 'x'\nlabel = 'fees'\nany = ['a']\nsome = ['b']\n",
            None,
            [],
            "rule 'x' (rule 3 of the file): unknown key 'some'",
        ),
        (
            RULES.replace('"time"', '"busy"'),
            None,
            [],
            "rules.toml:8: rule 'main job' (rule 2 of the file): label 'busy' is not a reason",
        ),
        # regression: a pattern that backtracks without end hung rules test, with no warning
        (
            RULES + "[[rule]]\nname = 'quit'\nlabel = 'time'\nregex = ['(\\S+\\s?)+で辞めた$']\n",
            "text,reasons\nクラウドワークスで三年ほどライティングをしていましたが、単価が上がらないまま子どもが生まれ、時間も取れ"
            "なくなったので、いったんお休みすることにしました。,time\n",
            [],
            "rules.toml:15: rule 'quit' (rule 3 of the file): regex: the regular expression '(\\S+\\s?)+で辞めた$' "
            "repeats a group",
        ),
        # regression: a trailing | made a pattern that fired on every row
        (
            RULES.replace('any = ["本業"]', 'regex = ["手数料|システム利用料|"]'),
            None,
            [],
            "rules.toml:11: rule 'main job' (rule 2 of the file): regex: the regular expression "
            "'手数料|システム利用料|' matches the empty text, so it fires on every text",
        ),
        # regression: a sentiment as label got the closest reason as the hint
        (
            RULES.replace('"time"', '"negative"'),
            None,
            [],
            "rules.toml:8: rule 'main job' (rule 2 of the file): label 'negative' is a sentiment "
            "(negative, ネガティブ), and sentiments "
            "cannot be rule labels: rules set reasons only",
        ),
        (None, "text,gold\n手数料,fees\n", [], "gold.csv: no column 'reasons'; the columns are ['text', 'gold']"),
        (  # a column that looks to hold the reasons: named, with the option that reads it (h208)
            None,
            "text,label\n手数料,fees\n",
            [],
            "gold.csv: no column 'reasons', but 'label' looks to hold labels: give it as reasons_column='label' "
            "(--reasons-column label on the command line); the columns are ['text', 'label']",
        ),
        (None, None, ["--reasons-column", "gold"], "give it as reasons_column='reasons' (--reasons-column reasons"),
        (None, "text,reasons\n手数料,price\n", [], "gold.csv:2: reasons: unknown label 'price'"),
    ],
)
def test_rules_test_errors_exit_2(files, tiny_model_dir, rules, labelled, extra, message):
    rules_path, labelled_path = files
    if rules is not None:
        rules_path.write_text(rules, encoding="utf-8")
    if labelled is not None:
        labelled_path.write_text(labelled, encoding="utf-8")
    result = run("rules", "test", rules_path, labelled_path, "-m", tiny_model_dir, *extra)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_rules_test_given_the_data_first_says_the_order_and_its_advice_works(files, tiny_model_dir, suffix):
    """Regression: `rules test gold.csv rules.toml` said gold.csv:1 is not valid TOML (column 5), nothing of the
    order; a Parquet file given first was told to be saved as UTF-8."""
    rules, labelled = files
    if suffix == ".parquet":
        import pandas as pd

        labelled = labelled.with_suffix(suffix)
        pd.read_csv(files[1]).to_parquet(labelled)
    result = run("rules", "test", labelled, rules, "-m", tiny_model_dir)
    assert result.exit_code == 2, result.output
    head = "taikai: error: rules test takes the rules file first, then the labelled data; "
    assert result.output.startswith(head) and "TOML" not in result.output and "UTF-8" not in result.output
    advised = shlex.split(result.output.rstrip().rsplit(": taikai ", 1)[1])  # as a shell reads it
    assert advised == ["rules", "test", str(rules), str(labelled)]
    assert run(*advised, "-m", tiny_model_dir).exit_code == 0


ALL_KINDS = """[[rule]]
name = "fee"
label = "fees"
any = ["手数料"]
colour = "red"

[[rule]]
name = "fee"
label = "fees"
regex = ["(abc"]

[[rule]]
name = "busy"
label = "nonsense"
any = ["本業"]

[[rule]]
name = "typed"
label = "fees"
any = "手数料"
"""


def test_rules_test_reports_every_kind_of_error_in_one_run(files, tiny_model_dir):
    """Regression: an unknown key, a bad regex, a bad type, a used name and a bad label took three runs to see."""
    rules_path, labelled_path = files
    rules_path.write_text(ALL_KINDS, encoding="utf-8")
    result = run("rules", "test", rules_path, labelled_path, "-m", tiny_model_dir)
    assert result.exit_code == 2, result.output
    for message in (
        "rules.toml:5: rule 'fee' (rule 1 of the file): unknown key 'colour'",  # a key and a term: at their lines
        "rules.toml:10: rule 'fee' (rule 2 of the file): regex: bad regular expression '(abc'",
        "rules.toml:7: rule 'fee' (rule 2 of the file): the name is used by rule 1 too",
        "rules.toml:12: rule 'busy' (rule 3 of the file): label 'nonsense' is not a reason of the model",
        "rules.toml:20: rule 'typed' (rule 4 of the file): any must be a list of strings",
        "the model's reasons are ",
    ):
        assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("extra", "listed", "more"),
    [((), 5, ["- … and 2 more"]), (("--examples", "6"), 6, ["- … and 1 more"]), (("--examples", "7"), 7, [])],
)
def test_rules_test_lists_five_misfires_of_a_rule_unless_told_how_many(tmp_path, tiny_model_dir, extra, listed, more):
    rules, labelled = tmp_path / "rules.toml", tmp_path / "gold.csv"
    rules.write_text(RULES, encoding="utf-8")
    labelled.write_text("text,reasons\n" + "".join(f"本業で{k}時間,other\n" for k in range(7)), encoding="utf-8")
    result = run("rules", "test", rules, labelled, "-m", tiny_model_dir, *extra)
    assert result.exit_code == 0, result.output
    assert "main job (time) fires against the gold label on 7 row(s):" in result.output
    assert result.output.count(": gold other: 本業で") == listed
    assert [line for line in result.output.splitlines() if line.startswith("- … ")] == more


def test_rules_test_help():
    result = run("rules", "test", "--help")
    assert result.exit_code == 0 and "among the row's gold reasons" in result.output
    assert " rules test [OPTIONS] FILE... LABELLED\n" in result.output  # FILE repeats (h376)


@pytest.mark.parametrize("mode", ["flag", "override"])
def test_predict_with_rules(files, tiny_model_dir, mode):
    rules, _ = files
    text = "本業が忙しくなった"  # the tiny model reads it as other; the rule says time
    table = run("predict", text, "-m", tiny_model_dir, "--rules", rules, "--rules-mode", mode)
    assert table.exit_code == 0, table.output
    header, row = table.output.splitlines()
    assert header.split()[-4:] == ["model", "rules", "conflict", "text"]
    cells = row.split()
    assert cells[2] == ("time" if mode == "override" else "other") and cells[-4:] == ["other", "time", "!", text]
    record = json.loads(
        run("predict", text, "-m", tiny_model_dir, "--rules", rules, "--rules-mode", mode, "--format", "jsonl").output
    )
    assert (record["rule_names"], record["rule_reasons"], record["rule_conflict"]) == (["main job"], ["time"], True)
    # as in batch's output and the README's table of rule columns: model_reason only under override
    assert record.get("model_reason", "absent") == ("other" if mode == "override" else "absent")


@pytest.mark.parametrize("mode", ["flag", "override"])
def test_predict_with_rules_gives_every_row_the_same_keys(files, tiny_model_dir, mode):
    rules, _ = files
    args = ["-m", tiny_model_dir, "--rules", rules, "--rules-mode", mode, "--format", "jsonl", "--top", "2"]
    result = run("predict", "本業が忙しくなった", "", "english", *args)
    assert result.exit_code == 2
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(r) for r in records[1:]] == [list(records[0])] * 2
    assert ("model_reason" in records[0]) == (mode == "override")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rules-mode", "override"], "--rules-mode override applies to rules: give the rules file with --rules FILE"),
        (["--rules", "missing.toml"], "missing.toml: no such rules file"),
    ],
)
def test_predict_rules_errors_exit_2(tiny_model_dir, args, message):
    result = run("predict", "手数料", "-m", tiny_model_dir, *args)
    assert result.exit_code == 2 and message in result.output


@pytest.mark.parametrize(
    ("rows", "line"),
    [
        ("本業が忙しい,,negative\n", "2 labelled rows (and 1 without reasons, skipped)"),
        ("本業が忙しい,,\n", "2 labelled rows (and 1 without reasons, skipped)"),
        ("本業が忙しい,time,negative\n", "3 labelled rows, 3 matched"),
    ],
)
def test_rules_test_does_not_call_a_row_with_a_sentiment_unlabelled(files, tiny_model_dir, rows, line):
    """Regression: a row coded with a sentiment only was counted among the rows "without a label"."""
    rules, labelled = files
    labelled.write_text(
        "text,reasons,sentiment\n手数料が高い,fees,negative\n本業で手数料,time,\n" + rows, encoding="utf-8"
    )
    result = run("rules", "test", rules, labelled, "-m", tiny_model_dir)
    assert result.exit_code == 0, result.output
    assert line in result.output and "without a label" not in result.output


def test_rules_test_reads_a_sheet_labelled_in_part_with_japanese_names(files, tiny_model_dir):
    rules, labelled = files
    labelled.write_text(
        "text,reasons,more_reasons\n手数料が高い,手数料が高い,\n本業が忙しい,,\n本業で手数料も払えない,時間がない,fees\n",
        encoding="utf-8",
    )
    result = run("rules", "test", rules, labelled, "-m", tiny_model_dir)
    assert result.exit_code == 0, result.output
    assert "2 labelled rows (and 1 without reasons, skipped), 2 matched" in result.output
    assert "| fee | fees | 2 | 2 | 1.000 (0.342–1.000) | 1.000 |" in result.output
    assert "| main job | time | 1 | 1 | 1.000 (0.207–1.000) | 1.000 |" in result.output


def test_rules_test_on_a_sheet_without_labels_says_there_is_no_row_to_score(files, tiny_model_dir):
    """Regression: it printed tables of zeros and exited 0 (evaluate stops with "no row to score")."""
    rules, labelled = files
    labelled.write_text("text,reasons\n手数料が高い,\n本業が忙しい,\n", encoding="utf-8")
    result = run("rules", "test", rules, labelled, "-m", tiny_model_dir)
    assert result.exit_code == 2
    assert f"{labelled}: no row to score: 2 row(s), 2 of them without reasons skipped" in result.output
    assert "| fee |" not in result.output


def test_rules_test_refuses_a_predictions_file(files, tiny_model_dir, tmp_path):
    """Regression: a batch output's predicted reasons were scored as gold labels."""
    rules, _ = files
    dump, out = tmp_path / "dump.csv", tmp_path / "pred.csv"
    dump.write_text("text\n手数料が高い\n本業が忙しい\n", encoding="utf-8")
    batch = run("batch", dump, "-o", out, "--text-column", "text", "-m", tiny_model_dir)
    assert batch.exit_code == 0, batch.output
    result = run("rules", "test", rules, out, "-m", tiny_model_dir)
    assert result.exit_code == 2
    assert f"{out}: this is a predictions file" in result.output


def test_rules_test_skips_a_row_labelled_in_part_with_a_warning_as_evaluate_does(files, tiny_model_dir):
    """Regression: a row with only more_reasons stopped rules test while evaluate and train --add skip it."""
    rules, labelled = files
    labelled.write_text(
        "text,reasons,more_reasons\n手数料が高い,fees,\n本業で手数料も払えない,,fees\n本業が忙しい,time,\n",
        encoding="utf-8",
    )
    result = run("rules", "test", rules, labelled, "-m", tiny_model_dir)
    assert result.exit_code == 0, result.output
    assert "2 labelled rows (and 1 labelled in part (only more_reasons), skipped), 2 matched" in result.stdout
    assert "1 row(s) labelled in part cannot be scored and were skipped:" in result.stderr
    assert f"  {labelled}:3: reasons: no label (only more_reasons)" in result.stderr


@pytest.mark.parametrize(
    ("rows", "line", "counts"),
    [
        (
            "本業で手数料も払えない,,fees\n",
            "3 labelled rows (and 1 labelled in part (only more_reasons), skipped)",
            (3, 0, 1),
        ),
        (",,\n", "3 labelled rows (and 1 without reasons, skipped)", (3, 1, 0)),
        (
            ",,\n本業で手数料も払えない,,fees\n",
            "3 labelled rows (and 1 without reasons and 1 labelled in part (only more_reasons), skipped)",
            (3, 1, 1),
        ),
        ("", "3 labelled rows, 3 matched", (3, 0, 0)),
    ],
)
def test_rules_test_counts_every_row_it_leaves_out(files, tiny_model_dir, rows, line, counts):
    """Regression: a row with only more_reasons was in no count of the report, only in a warning on stderr."""
    rules, labelled = files
    labelled.write_text(
        "text,reasons,more_reasons\n手数料が高い,fees,\n本業が忙しい,time,\n手数料が妥当,other,\n" + rows,
        encoding="utf-8",
    )
    text = run("rules", "test", rules, labelled, "-m", tiny_model_dir)
    assert text.exit_code == 0, text.output
    assert line in text.stdout
    result = run("rules", "test", rules, labelled, "-m", tiny_model_dir, "--format", "json")
    report = json.loads(result.stdout)
    assert (report["rows"], report["skipped"], report["labelled_in_part"]) == counts


@pytest.mark.parametrize(
    ("flags", "quoted"),
    [
        ([], "- line 2: gold other: 手数料は田中さん(090-1234-5678)が払うと言われた"),
        (["--mask-pii"], "- line 2: gold other: 手数料は[人名]さん([電話番号])が払うと言われた"),
    ],
)
def test_rules_test_mask_pii_quotes_the_rows_masked(tmp_path, tmp_path_factory, tiny_model_dir, flags, quoted):
    rules, labelled = tmp_path / "rules.toml", tmp_path / "gold.csv"
    rules.write_text(RULES, encoding="utf-8")
    labelled.write_text("text,reasons\n手数料は田中さん(090-1234-5678)が払うと言われた,other\n", encoding="utf-8")
    for fmt in ("text", "json"):
        result = run("rules", "test", rules, labelled, "-m", tiny_model_dir, "--format", fmt, *flags)
        assert result.exit_code == 0, result.output
        assert ("090-1234-5678" in without_temp_folder(result.output, tmp_path_factory)) is not bool(flags)
        if fmt == "text":
            assert quoted in result.output
        else:
            assert json.loads(result.stdout)["rules"][0]["examples"][0]["text"] == quoted.split(": ", 2)[2]


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        ([], None),
        (["--mask-pii"], "taikai: personal data masked: phone [電話番号] 1, name [人名] 1\n"),
    ],
)
def test_rules_test_mask_pii_says_what_it_masked_on_stderr(tmp_path, tiny_model_dir, flags, said):
    # regression: predict, explain, drift and batch said the count on stderr; rules test said nothing
    rules, labelled = tmp_path / "rules.toml", tmp_path / "gold.csv"
    rules.write_text(RULES, encoding="utf-8")
    labelled.write_text("text,reasons\n手数料は田中さん(090-1234-5678)が払うと言われた,other\n", encoding="utf-8")
    for fmt in ("text", "json"):
        result = run("rules", "test", rules, labelled, "-m", tiny_model_dir, "--format", fmt, *flags)
        assert result.exit_code == 0, result.output
        assert ("personal data masked" in result.stderr) is bool(flags)
        assert said is None or said in result.stderr
        assert "personal data masked" not in result.stdout  # stdout stays the report (JSON parses)
    score = evaluate_rules(rules, labelled, tiny_model_dir, mask_pii=bool(flags))
    assert score.masks == ({"name": 1, "phone": 1} if flags else None)


@pytest.mark.parametrize(
    ("rows", "flags", "counted"),
    [
        (["[メール] [電話番号]"], [], "2 labelled rows, 1 matched (1 not: text empty or not Japanese)"),
        (["[メール]"], [], "2 labelled rows, 1 matched (1 not: text empty or not Japanese)"),
        (["[電話番号]", "[URL]"], [], "3 labelled rows, 1 matched (2 not: text empty or not Japanese)"),
        (["090-1234-5678"], ["--mask-pii"], "2 labelled rows, 1 matched (1 not: text empty or not Japanese)"),
        (["[人名]さんの手数料"], [], "2 labelled rows, 2 matched (0 not: text empty or not Japanese)"),
    ],
)
def test_rules_test_does_not_match_a_text_of_placeholders_only(tmp_path, tiny_model_dir, rows, flags, counted):
    rules, labelled = tmp_path / "rules.toml", tmp_path / "ph.csv"
    rules.write_text(RULES, encoding="utf-8")
    labelled.write_text("text,reasons\n" + "".join(f"{r},fees\n" for r in rows) + "手数料,fees\n", encoding="utf-8")
    result = run("rules", "test", rules, labelled, "-m", tiny_model_dir, *flags)
    assert result.exit_code == 0, result.output
    assert counted in result.output


TYPO = RULES.replace('label = "fees"', 'label = "fee"')


@pytest.mark.parametrize(
    "args",
    [
        ["rules", "test", "{rules}", "{labelled}"],
        ["predict", "手数料が高い", "--rules", "{rules}"],
        ["batch", "{dump}", "--text-column", "text", "-o", "{out}", "--rules", "{rules}"],
    ],
    ids=["rules test", "predict", "batch"],
)
def test_a_mistyped_rule_label_gets_the_closest_reason(files, tiny_model_dir, tmp_path, args):
    """Regression: a rule's mistyped label ('fee') got only the list of reasons, without the "closest: fees
    (手数料が高い)" that evaluate and train --add give."""
    rules, labelled = files
    rules.write_text(TYPO, encoding="utf-8")
    dump = tmp_path / "dump.csv"
    dump.write_text("text\n手数料が高い\n", encoding="utf-8")
    filled = [a.format(rules=rules, labelled=labelled, dump=dump, out=tmp_path / "out.csv") for a in args]
    result = run(*filled, "-m", tiny_model_dir)
    assert result.exit_code == 2, result.output
    assert (
        "rules.toml:2: rule 'fee' (rule 1 of the file): label 'fee' is not a reason of the model "
        "(closest: fees (手数料が高い))\n"
        "taikai: error: the model's reasons are " in result.output  # each line of the error in its one form
    )
    assert "Traceback" not in result.output and not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    ("command", "output"),
    [
        (["predict", "手数料が高い", "--format", "jsonl"], '"status": "ok"'),
        (["explain", "手数料が高い", "--format", "json"], '"status": "ok"'),
        (["batch", "IN", "-o", "OUT", "--text-column", "text", "-q"], ""),
    ],
)
def test_the_default_rules_mode_written_out_needs_no_rules(tmp_path, tiny_model_dir, command, output):
    """Regression: ``--rules-mode flag``, the default shown in --help, exited 2 without --rules, while Python's
    ``rules_mode="flag"`` without rules is accepted; only ``override`` needs rules, in both."""
    dump, out = tmp_path / "in.csv", tmp_path / "out.csv"
    dump.write_text("text\n手数料が高い\n", encoding="utf-8")
    args = [str(dump) if a == "IN" else str(out) if a == "OUT" else a for a in command]
    result = run(*args, "-m", tiny_model_dir, "--rules-mode", "flag")
    assert result.exit_code == 0, result.output
    assert output in result.stdout and "--rules-mode" not in result.output
    assert command[0] != "batch" or out.read_text(encoding="utf-8").splitlines()[1].startswith("手数料が高い,ok,")


@pytest.mark.parametrize(
    ("entry", "shown", "hidden"),
    [
        # regression: the term was masked, the forms the fix quoted of it were not ('080-555-666', '080-5,555-6666')
        ('any = ["080-5555-6666"]', "any: the term '[電話番号]' can never match", ["5555", "555-666", "5,555"]),
        ('regex = ["080-5555-6666"]', "regex: the regular expression '[電話番号]'", ["5555", "555-666", "5,555"]),
        ('any = ["ーーーーー田中さん"]', "any: the term 'ーーーーー[人名]さん'", ["田中"]),
        # a term without personal data: its fix quoted as it is
        ('any = ["ーーーーー手数料"]', "write 'ーーー手数料', which matches both", []),
    ],
)
def test_a_rule_term_s_fix_quotes_no_form_of_its_personal_data_with_mask_pii(
    tmp_path, tiny_model_dir, entry, shown, hidden
):
    rules = tmp_path / "rules.toml"
    rules.write_text(f'[[rule]]\nname = "x"\nlabel = "trouble"\n{entry}\n', encoding="utf-8")
    for command in (["predict", "--rules", rules, "手数料が高い"], ["rules", "test", rules, tmp_path / "gold.csv"]):
        (tmp_path / "gold.csv").write_text("text,reasons\n手数料が高い,fees\n", encoding="utf-8")
        result = run(*command, "-m", tiny_model_dir, "--mask-pii")
        assert result.exit_code == 2, result.output
        assert shown in result.output, result.output
        assert not [h for h in hidden if h in result.output.replace(str(tmp_path), "")], result.output
        assert ("without masking" in result.output) is bool(hidden)


MORE = '[[rule]]\nname = "pay"\nlabel = "low_pay"\nany = ["単価"]\n'


@pytest.mark.parametrize(
    ("command", "said"),
    [
        # regression: several --rules were refused with the advice to copy their rules into one file
        (["predict", "手数料も単価も低い", "--format", "json"], ['"rule_names": [\n      "fee",\n      "pay"\n    ]']),
        (["explain", "手数料も単価も低い"], ["rules (flag): 'fee', 'pay' fired: fees, low_pay"]),
        (
            ["batch", "DUMP", "-o", "OUT", "--text-column", "text"],
            ["rules of A: fee 1, main job 0", "rules of B: pay 1"],
        ),
        (
            ["rules", "test", "A", "B", "GOLD"],
            ["| fee | fees | 4 | 3 | 0.750 (0.301–0.954) | 1.000 | A |", "| pay | low_pay | 0 |"],
        ),
    ],
)
@pytest.mark.parametrize("clash", [False, True])
def test_several_rules_files_apply_in_the_order_given(files, tiny_model_dir, tmp_path, command, said, clash):
    rules, gold = files
    other = tmp_path / "more.toml"
    other.write_text(MORE.replace('"pay"', '"fee"') if clash else MORE, encoding="utf-8")
    dump = tmp_path / "dump.csv"
    dump.write_text("text\n手数料も単価も低い\n", encoding="utf-8")
    named = {"A": str(rules), "B": str(other), "DUMP": str(dump), "OUT": str(tmp_path / "out.csv"), "GOLD": gold}
    given = [] if command[0] == "rules" else ["--rules", rules, "--rules", other]
    result = run(*(named.get(a, a) for a in command), *given, "-m", tiny_model_dir)
    if clash:  # one name in two files: refused, both named with their lines
        assert result.exit_code == 2, result.output
        assert f"{other}:1: rule 'fee' (rule 1 of the file): the name is used by {rules}:2: rule 'fee'" in result.output
        assert "Traceback" not in result.output and not (tmp_path / "out.csv").exists()
        return
    assert result.exit_code == 0, result.output
    shown = result.output.replace(str(rules), "A").replace(str(other), "B")
    assert all(s in shown for s in said), shown


@pytest.mark.parametrize(
    ("given", "advised"),
    [
        (["A", "GOLD", "TABLE"], ["A", "TABLE", "GOLD"]),  # the team's table of rules typed last
        (["A", "GOLD", "B"], ["A", "B", "GOLD"]),
        (["GOLD", "TABLE"], ["TABLE", "GOLD"]),
        (["TABLE", "GOLD", "A"], ["TABLE", "A", "GOLD"]),  # the rules in the order given: the order they apply in
    ],
)
def test_rules_test_given_the_data_among_the_rules_says_the_order_and_its_advice_works(
    files, tiny_model_dir, given, advised
):
    """Regression: `rules test team.toml gold.csv mine.csv`, a team's table of rules last, was told to run `rules
    test team.toml mine.csv` (mine.csv read as the data: no column 'text'); with a TOML file last, to run `rules test
    team.toml gold.csv more.toml DATA`, the data left among the rules."""
    rules, labelled = files
    table, other = rules.with_name("mine.csv"), rules.with_name("more.toml")
    table.write_text("ルール名,ラベル,キーワード\n本業,time,本業\n", encoding="utf-8")
    other.write_text(MORE, encoding="utf-8")
    named = {"A": rules, "B": other, "TABLE": table, "GOLD": labelled}
    result = run("rules", "test", *(named[a] for a in given), "-m", tiny_model_dir)
    assert result.exit_code == 2, result.output
    said = shlex.split(result.output.rstrip().rsplit(": taikai ", 1)[1])  # as a shell reads it
    assert said == ["rules", "test", *(str(named[a]) for a in advised)]
    assert run(*said, "-m", tiny_model_dir).exit_code == 0


def test_rules_test_given_rules_files_alone_says_the_data_comes_last(files):
    rules, _ = files
    result = run("rules", "test", rules, rules.with_name("more.toml"))
    assert result.exit_code == 2, result.output
    assert "rules test takes the rules files, then the labelled data last, but " in result.output
    assert "more.toml, the last argument, is a rules file (TOML): give the labelled data after the rules" in (
        result.output
    )


def test_one_rules_file_given_twice_is_read_once(files, tiny_model_dir):
    rules, _ = files
    result = run(
        "predict", "手数料が高い", "--rules", rules, "--rules", rules, "-m", tiny_model_dir, "--format", "json"
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["rule_names"] == ["fee"]


BEFORE = "rules test takes one labelled data file, the last argument (gold.csv), but "
AS_DATA = "(named as data, and no TOML nor a table of rules, whose header has a label and a term column)"


@pytest.mark.parametrize(
    ("given", "said"),
    [
        # regression (h376): the shell expanded data/*.csv; a.csv was read as rules and said to be no rules file
        (
            ["rules.toml", "a.csv", "gold.csv"],
            f"{BEFORE}a.csv, given before it among the rules files, reads as data too {AS_DATA}: if the shell "
            "expanded a glob such as data/*.csv, run rules test once per file: taikai rules test rules.toml a.csv, "
            "then the same with gold.csv",
        ),
        (
            ["rules.toml", "mine.csv", "a.csv", "b.jsonl", "gold.csv"],
            f"{BEFORE}a.csv, b.jsonl, given before it among the rules files, read as data too {AS_DATA}: if the "
            "shell expanded a glob such as data/*.csv, run rules test once per file: taikai rules test rules.toml "
            "mine.csv a.csv, then the same with b.jsonl, gold.csv",
        ),
        (
            ["a.csv", "b.jsonl", "gold.csv"],
            f"{BEFORE}a.csv, b.jsonl, given before it among the rules files, read as data too {AS_DATA}, and no rules "
            "file is given: give the rules first, then one labelled file: taikai rules test RULES.toml a.csv, once "
            "per file",
        ),
        (  # one FILE: the rules reader's own message, which says what a rules file is (a header misspelt)
            ["a.csv", "gold.csv"],
            "a.csv: not a rules file: it is named as a data file (.csv) and is neither TOML nor a table of rules",
        ),
        (["rules.toml", "mine.csv", "gold.csv"], None),  # a table of rules named .csv is read as rules
    ],
)
def test_rules_test_given_data_files_among_the_rules_says_it_takes_one(files, tiny_model_dir, monkeypatch, given, said):
    rules, _ = files
    monkeypatch.chdir(rules.parent)
    (rules.parent / "a.csv").write_text(LABELLED, encoding="utf-8")
    (rules.parent / "b.jsonl").write_text('{"text": "手数料が高い", "reasons": "fees"}\n', encoding="utf-8")
    (rules.parent / "mine.csv").write_text("ルール名,ラベル,キーワード\npay,low_pay,単価\n", encoding="cp932")
    result = run("rules", "test", *given, "-m", tiny_model_dir)
    if said is None:
        assert result.exit_code == 0, result.output
        assert "| pay | low_pay | 0 |" in result.output and "| fee | fees | 4 | 3 |" in result.output
        return
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"taikai: error: {said}"), result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
