"""Reading a rules file: a table of rules saved from Excel (CSV or tab-separated text; CP932, a BOM, blank columns
at the end) is read as its rules; a data file given as the rules is said to be one; the names a file writes."""

import codecs

import pytest
from support_workbooks import sheets_workbook

from taikai.errors import RulesError
from taikai.rules import load_rules, parse_rules, reads_as_data, reads_as_rules, written_names

ROWS = [
    ["name", "label", "any", "all", "not", "", ""],
    ["", "", "", "", "", "", ""],
    ["fee words", "fees", "手数料", "", "妥当", "", ""],
]
FIRST = '[[rule]]\nname = "fee words"\nlabel = "fees"\nany = ["手数料"]\nnot = ["妥当"]'


@pytest.mark.parametrize(
    ("name", "separator", "encoding", "bom"),
    [
        ("rules.csv", ",", "cp932", b""),  # Excel's "CSV (comma delimited)" on a Japanese Windows
        ("rules.csv", ",", "utf-8", codecs.BOM_UTF8),  # "CSV UTF-8"
        ("rules.txt", "\t", "cp932", b""),  # "Text (tab delimited)"
        ("rules.tsv", "\t", "utf-16", b""),  # "Unicode text" (UTF-16 with its BOM)
    ],
)
def test_a_table_of_rules_is_read_as_its_rules(tmp_path, name, separator, encoding, bom):
    """A table of rules saved from Excel is read as the rules its rows write (h361): it was refused and shown its
    first rule as a [[rule]] table to write, and before that refused as 'not a rules file' (.csv) or 'not valid
    TOML' (.txt)."""
    path = tmp_path / name
    path.write_bytes(bom + "".join(separator.join(row) + "\r\n" for row in ROWS).encode(encoding))
    rules = load_rules(path)
    assert rules.digest() == parse_rules(FIRST).digest()
    assert (rules.source, [r.line for r in rules.rules]) == (str(path), [3])


@pytest.mark.parametrize(
    "header",
    [
        "id,text,reasons",
        "text,label",  # mutation audit: a label column without a column of terms is no table of rules
        "text,reasons,labels",
    ],
)
def test_a_data_file_given_as_the_rules_is_still_said_to_be_one(tmp_path, header):
    path = tmp_path / "reviews.csv"
    path.write_text(f"{header}\n1,手数料が高い,fees\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"not a rules file: it is named as a data file \(\.csv\) and is neither"):
        load_rules(path)


@pytest.mark.parametrize(
    "header",
    [
        ["ルール名", "ラベル", "パターン", "除外"],
        ["名前", "理由", "キーワード", "正規表現"],
        ["Name", "ｌａｂｅｌ", "すべて", "除外語"],
    ],
)
@pytest.mark.parametrize(("name", "separator"), [("rules.csv", ","), ("rules.toml", ","), ("rules.txt", "\t")])
def test_a_table_of_rules_with_japanese_column_names_is_read(tmp_path, header, name, separator):
    """Regression (h361): each was refused, told to write TOML; read as TOML whatever the file's name."""
    path = tmp_path / name
    rows = [header, ["fee words", "fees", "手数料", "妥当"]]
    path.write_text("".join(separator.join(row) + "\n" for row in rows), encoding="utf-8")
    keys = {
        "パターン": "any",
        "キーワード": "any",
        "除外": "not",
        "正規表現": "regex",
        "すべて": "all",
        "除外語": "not",
    }
    written = f'[[rule]]\nname = "fee words"\nlabel = "fees"\n{keys[header[2]]} = ["手数料"]\n'
    written += f'{keys[header[3]]} = ["妥当"]\n'
    assert load_rules(path).digest() == parse_rules(written).digest()


def test_a_cell_of_a_table_of_rules_is_read_as_written(tmp_path):
    """Mutation audit: quotes and backslashes of a cell are the term's, as a TOML string writes them escaped."""
    path = tmp_path / "rules.csv"
    path.write_text('name,label,any,regex\n"say ""hi""",fees,"""安い""",\\d+円\n', encoding="utf-8")
    written = '[[rule]]\nname = "say \\"hi\\""\nlabel = "fees"\n' + "any = ['\"安い\"']\nregex = ['\\d+円']\n"
    assert load_rules(path).digest() == parse_rules(written).digest()


def test_a_rules_file_named_dash_is_read(tmp_path, monkeypatch):
    """Mutation audit: ``-`` is refused as standard input only where no file is named so."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text('[[rule]]\nname = "r"\nlabel = "fees"\nany = ["手数料"]\n', encoding="utf-8")
    assert [r.name for r in load_rules("-").rules] == ["r"]
    (tmp_path / "-").unlink()
    with pytest.raises(RulesError, match=r"^-: .* does not read rules from standard input; save them to a file"):
        load_rules("-")


_NAMED = (
    '[[rule]]\nname = " ｆｅｅ "\nlabel = "fees"\nany = ["手数料"]\n\n'
    '[[rule]]\nname = "pay"\nlabel = "low_pay"\nany = ["単価"]\n'
)


@pytest.mark.parametrize(
    ("data", "names"),
    [
        (_NAMED.encode("utf-8"), ["ｆｅｅ", "pay"]),  # as written, the spaces around taken off: not read as NFKC
        (codecs.BOM_UTF8 + _NAMED.encode("utf-8"), ["ｆｅｅ", "pay"]),
        (_NAMED.encode("utf-16"), ["ｆｅｅ", "pay"]),  # Notepad's "Unicode", with its byte order mark
        (_NAMED.encode("cp932"), ["ｆｅｅ", "pay"]),  # Notepad's "ANSI"
        (b'[[rule]]\nlabel = "fees"\n', None),  # a rule without a name
        (b"name = 1\n", None),  # no rule tables
        (b"[[rule]\n", None),  # no TOML
        (b"\xff\xfe\xfd\n", None),  # no text
    ],
)
def test_the_names_of_a_rules_file_are_read_as_written(tmp_path, data, names):
    path = tmp_path / "rules.toml"
    path.write_bytes(data)
    assert written_names(str(path)) == names


@pytest.mark.parametrize("source", ["<rules>", "", "gone.toml", "."])
def test_a_source_that_is_no_rules_file_has_no_names(tmp_path, monkeypatch, source):
    monkeypatch.chdir(tmp_path)
    assert written_names(source) is None


_RULES_TABLE = [["ラベル", "キーワード"], ["fees", "手数料"]]
_DATA = [["text", "reasons"], ["手数料が高い", "fees"]]


@pytest.mark.parametrize(
    ("name", "data", "reads"),
    [
        ("a.csv", "text,reasons\n手数料が高い,fees\n".encode(), True),  # labelled data: data/*.csv expanded
        ("a.csv", "本文,理由\n手数料が高い,fees\n".encode("cp932"), True),
        ("a.tsv", "text\treasons\n手数料が高い\tfees\n".encode("utf-16"), True),
        ("a.jsonl", '{"text": "手数料が高い", "reasons": "fees"}\n'.encode(), True),
        ("a.parquet", b"PAR1", True),
        ("rules.csv", "ラベル,キーワード\nfees,手数料\n".encode("cp932"), False),  # a table of rules, in CP932
        ("rules.csv", codecs.BOM_UTF8 + b"name,label,any\nfee,fees,x\n", False),
        ("rules.tsv", "label\tany\nfees\t手数料\n".encode("utf-16"), False),
        ("rules.csv", f"# team rules\n{FIRST}\n".encode(), False),  # TOML named as data: read as TOML
        ("rules.csv", f"\n{FIRST}\n".encode(), False),
        ("rules.toml", b"text,reasons\n", False),  # named as rules
        ("rules.txt", b"text,reasons\n", False),
    ],
)
def test_a_data_file_reads_as_data_and_a_rules_file_named_so_does_not(tmp_path, name, data, reads):
    """``rules test rules.toml a.csv b.csv`` tells a.csv, the labelled data, from a table of rules (h376)."""
    path = tmp_path / name
    path.write_bytes(data)
    assert reads_as_data(path) is reads
    assert reads_as_data(str(path)) is reads


@pytest.mark.parametrize(
    ("name", "data", "reads"),
    [
        ("rules.toml", b"text,reasons\n", True),  # named as rules
        ("rules.csv", "ラベル,キーワード\nfees,手数料\n".encode("cp932"), True),  # a team's table of rules
        ("rules.tsv", "label\tany\nfees\t手数料\n".encode("utf-16"), True),
        ("rules.csv", f"# team rules\n{FIRST}\n".encode(), True),  # TOML named as data
        ("a.csv", "text,reasons\n手数料が高い,fees\n".encode(), False),  # labelled data
        ("a.jsonl", '{"text": "手数料が高い", "reasons": "fees"}\n'.encode(), False),
        ("rules.txt", b"text,reasons\n", False),
    ],
)
def test_a_rules_file_reads_as_rules_by_its_name_or_its_head(tmp_path, name, data, reads):
    """``rules test team.toml gold.xlsx mine.csv`` tells mine.csv, the team's table of rules given last, from the
    data given before it (it was told to run ``rules test team.toml mine.csv``, mine.csv read as the data)."""
    path = tmp_path / name
    path.write_bytes(data)
    assert reads_as_rules(path) is reads
    assert reads_as_rules(str(path)) is reads


@pytest.mark.parametrize(("sheets", "reads"), [({"labels": _DATA}, False), ({"rules": _RULES_TABLE}, True)])
def test_a_workbook_reads_as_rules_when_a_sheet_holds_them(tmp_path, sheets, reads):
    path = tmp_path / "book.xlsx"
    sheets_workbook(path, sheets)
    assert reads_as_rules(path) is reads


@pytest.mark.parametrize(
    ("sheets", "reads"),
    [
        ({"labels": _DATA}, True),
        ({"notes": [["memo"]], "labels": _DATA}, True),
        ({"notes": [["memo"]], "rules": _RULES_TABLE}, False),  # some sheet holds a table of rules
        ({"empty": []}, True),
    ],
)
def test_a_workbook_reads_as_data_unless_a_sheet_holds_rules(tmp_path, sheets, reads):
    path = tmp_path / "book.xlsx"
    sheets_workbook(path, sheets)
    assert reads_as_data(path) is reads


@pytest.mark.parametrize("name", ["gone.csv", "folder.csv", "broken.xlsx"])
def test_a_file_that_cannot_be_read_is_left_to_the_rules_reader(tmp_path, name):
    path = tmp_path / name
    if name == "folder.csv":
        path.mkdir()
    elif name == "broken.xlsx":
        path.write_bytes(b"not a zip")
    assert reads_as_data(path) is False
