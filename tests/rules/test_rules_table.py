"""A table of rules (CSV, tab-separated text, xlsx) is read as the rules a TOML file writes, every bad row named by
its file and line with what to do."""

from pathlib import Path

import pytest
from support_workbooks import sheets_workbook

from taikai.errors import RulesError
from taikai.rules import load_rules, parse_rules

EXAMPLES = Path(__file__).parents[2] / "examples"
REASONS = ["low_pay", "fees", "rejection", "time", "graduated", "platform_switch", "trouble", "other"]


def _csv(tmp_path: Path, text: str, name: str = "rules.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("table", "toml"),
    [
        (  # one row per keyword, no name: the rows of one label are one rule, named by it, in the order of the rows
            "ラベル,キーワード,メモ\nlow_pay,時給,\nlow_pay,単価,安い\nfees,手数料,\n",
            '[[rule]]\nname = "low_pay"\nlabel = "low_pay"\nany = ["時給", "単価"]\n'
            '[[rule]]\nname = "fees"\nlabel = "fees"\nany = ["手数料"]\n',
        ),
        (  # merged cells, as saved: a blank name and label go on with the rule above; blank rows and notes skipped
            "name,label,any,not,note\nfee,fees,手数料,妥当,n\n,,利用料,,\n,,,,a note alone\n,,,,\npay,low_pay,時給,,\n",
            '[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["手数料", "利用料"]\nnot = ["妥当"]\n'
            '[[rule]]\nname = "pay"\nlabel = "low_pay"\nany = ["時給"]\n',
        ),
        (  # the kind of a row's terms written without a prefix; a prefix written in the cell is kept
            "name,label,any,all,regex,種類\nfee,fees,引く,lemma:払う,,原形\n,,手数料,,,\n,,\\d+%,,,正規表現\n"
            ",,,,[1-9]割,\n",
            '[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["lemma:引く", "手数料", "regex:\\\\d+%"]\n'
            'all = ["lemma:払う"]\nregex = ["[1-9]割"]\n',
        ),
        (  # a cell of several lines (Alt+Enter) holds a term a line; spaces around a term and blank lines dropped
            'name,label,any,,\nfee,fees,"手数料\n 利用料 \n\n振込料",,\n',
            '[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["手数料", "利用料", "振込料"]\n',
        ),
        (  # a cell listing terms on one line, as typed in Excel: 、 (or ､), ，, and , not between digits separate them
            'name,label,any,all,not,kind\nfee,fees,"手数料、利用料､振込料",,"妥当，仕方ない",\n'
            'pay,low_pay,"時給,単価",,,\ntime,time,"忙しい、疲れる",,,lemma\n',
            '[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["手数料", "利用料", "振込料"]\nnot = ["妥当", "仕方ない"]\n'
            '[[rule]]\nname = "pay"\nlabel = "low_pay"\nany = ["時給", "単価"]\n'
            '[[rule]]\nname = "time"\nlabel = "time"\nany = ["lemma:忙しい", "lemma:疲れる"]\n',
        ),
        (  # a , between digits is in one term; ・ joins words; regex cells and regex: terms keep their commas
            'name,label,any,regex\npay,low_pay,"1,000円","\\d{1,3}、"\n,,"報酬・単価",\n,,"regex:月\\d{2,3}円",\n',
            '[[rule]]\nname = "pay"\nlabel = "low_pay"\nany = ["1,000円", "報酬・単価", \'regex:月\\d{2,3}円\']\n'
            "regex = ['\\d{1,3}、']\n",
        ),
        (  # full-width and English column names; labels and names read as a TOML file's are
            "Ｎａｍｅ,Reason,Keywords,Not\n ｆｅｅ ,手数料が高い,手数料,妥当\n",
            '[[rule]]\nname = "fee"\nlabel = "手数料が高い"\nany = ["手数料"]\nnot = ["妥当"]\n',
        ),
    ],
)
def test_a_table_is_read_as_the_rules_toml_writes(tmp_path, table, toml):
    rules = load_rules(_csv(tmp_path, table), REASONS)
    assert rules.rules == tuple(
        r.__class__(**{**r.__dict__, "line": rules.rules[k].line})
        for k, r in enumerate(parse_rules(toml, labels=REASONS).rules)
    )
    assert rules.digest() == parse_rules(toml, labels=REASONS).digest()


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ("name,lable,any\nfee,fees,手数料\n", ["rules.csv:1: unknown column 'lable' (did you mean 'label'?)"]),
        ("name,any\nfee,手数料\n", ["rules.csv:1: no label column: add one (label, or ラベル)"]),
        ("label,any,感情\nfees,手数料,negative\n", ["rules.csv:1: unknown column '感情': rules set reasons only"]),
        ("label,any,優先度\nfees,手数料,1\n", ["rules.csv:1: unknown column '優先度': rules apply in the order"]),
        ("ラベル,理由,any\nfees,fees,手数料\n", ["rules.csv:1: the columns 'ラベル', '理由' are both the label: keep"]),
        ("label,any\nfees,手数料,oops\n", ["rules.csv:2: the cell 'oops' is under no column: give the column a name"]),
        (
            "label,any\nfees,手数料\nlow_pay,時給\nfees,利用料\n",
            ["rules.csv:4: the rule 'fees' of line 2 goes on here, after other rules: a rule's rows are consecutive"],
        ),
        (
            "name,label,any\nfee,fees,手数料\n,low_pay,時給\n",
            ["rules.csv:3: rule 'fee': the label 'low_pay' here, 'fees' above: a rule has one label"],
        ),
        ("name,label,any\n,fees,手数料\n", ["rules.csv:2: no name: write the rule's name in its name column"]),
        (
            "label,any,kind\nfees,手数料,原型\n",
            ["rules.csv:2: the kind '原型' is none of surface, lemma, regex (表層, 原形, 正規表現): write one"],
        ),
        ("label,regex,kind\nfees,\\d+%,lemma\n", ["rules.csv:2: the kind 'lemma' is no kind of a regex cell"]),
        (  # a term's problem at its own row, as a TOML file's at its own line
            "name,label,any\nfee,fees,手数料\n,,利用料|振込料\n",
            ["rules.csv:3: rule 'fee' (rule 1 of the file): any: the term '利用料|振込料'"],
        ),
        (
            "name,label,any\nfee,fees,手数料\npay,price,単価\n",
            ["rules.csv:3: rule 'pay' (rule 2 of the file): label 'price' is not a reason of the model"],
        ),
        (
            "name,label,not\nfee,fees,妥当\nx,,\n",
            [
                "rules.csv:2: rule 'fee' (rule 1 of the file): the rule matches nothing: give terms in any or all, "
                "or patterns in regex columns",
                "rules.csv:3: rule 'x' (rule 2 of the file): no label; write it in its label column",
            ],
        ),
        ("name,label,any\n", ["rules.csv: no rules: the table has no row under its header"]),
    ],
)
def test_every_bad_row_is_named_by_its_line(tmp_path, monkeypatch, table, said):
    monkeypatch.chdir(tmp_path)
    _csv(tmp_path, table)
    with pytest.raises(RulesError) as caught:
        load_rules("rules.csv", REASONS)
    lines = str(caught.value).split("\n")
    for line in said:
        assert any(shown.startswith(line) for shown in lines), (line, lines)


RULES_SHEET = [["label", "keyword"], ["fees", "手数料"], [None, 100], ["low_pay", "時給\n単価"]]


@pytest.mark.parametrize(
    ("sheets", "said"),
    [
        ({"ルール": RULES_SHEET}, None),
        ({"メモ": [["何か"]], "ルール": RULES_SHEET, "空": []}, None),  # the one sheet of rules, wherever it is
        ({"a": RULES_SHEET, "b": RULES_SHEET}, "rules.xlsx: sheets 'a', 'b' each hold a table of rules"),
        ({"gold": [["text", "reasons"], ["手数料が高い", "fees"]]}, "rules.xlsx: not a rules file: it is named as a"),
    ],
)
def test_a_workbook_is_read_from_its_sheet_of_rules(tmp_path, monkeypatch, sheets, said):
    monkeypatch.chdir(tmp_path)
    sheets_workbook(tmp_path / "rules.xlsx", sheets)
    if said is not None:
        with pytest.raises(RulesError, match=f"^{said}"):
            load_rules("rules.xlsx")
        return
    rules = load_rules("rules.xlsx", REASONS)
    toml = '[[rule]]\nname = "fees"\nlabel = "fees"\nany = ["手数料", "100"]\n'
    toml += '[[rule]]\nname = "low_pay"\nlabel = "low_pay"\nany = ["時給", "単価"]\n'
    assert rules.digest() == parse_rules(toml, labels=REASONS).digest()
    assert [(r.line, str(rules.where(r))) for r in rules.rules] == [
        (2, "rules.xlsx:2: rule 'fees'"),
        (4, "rules.xlsx:4: rule 'low_pay'"),
    ]


def test_the_example_table_is_the_example_file_in_every_format(tmp_path):
    """examples/rules.csv writes the rules of examples/rules.toml: the same digest (what a --resume compares), and
    so does the table re-saved as CP932, as tab-separated UTF-16 and as a workbook."""
    import csv

    digest = load_rules(EXAMPLES / "rules.toml", REASONS).digest()
    text = (EXAMPLES / "rules.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))
    (tmp_path / "cp932.csv").write_bytes(text.replace("\n", "\r\n").encode("cp932"))
    (tmp_path / "unicode.txt").write_bytes(
        "".join("\t".join(row) + "\r\n" for row in rows).encode("utf-16")  # Excel's "Unicode text"
    )
    sheets_workbook(tmp_path / "rules.xlsx", {"Sheet1": rows})
    paths = [EXAMPLES / "rules.csv", *(tmp_path / n for n in ("cp932.csv", "unicode.txt", "rules.xlsx"))]
    assert [load_rules(p, REASONS).digest() for p in paths] == [digest] * 4
