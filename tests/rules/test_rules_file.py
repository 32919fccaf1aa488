"""A table of rules saved from Excel (CSV or tab-separated text; CP932, a BOM, blank columns at the end) given as
the rules is told that rules are TOML, with its first rule written as a ``[[rule]]`` table."""

import codecs

import pytest

from taikai.errors import RulesError
from taikai.rules import load_rules, written_names

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
def test_a_table_of_rules_is_told_to_be_written_as_toml(tmp_path, name, separator, encoding, bom):
    """Regression: a .csv was refused as 'not a rules file: it is named as a data file … give its path as the
    rules', and a .txt as 'not valid TOML: Expected '=' after a key'."""
    path = tmp_path / name
    path.write_bytes(bom + "".join(separator.join(row) + "\r\n" for row in ROWS).encode(encoding))
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:1: a table of rules (columns name, label, any, all, not), and taikai reads")
    assert message.endswith(f"; its first rule, on row 3, is in TOML:\n{FIRST}")


@pytest.mark.parametrize(
    "header",
    [
        "id,text,reasons",
        "text,label",  # mutation audit: one column named as a rule's key (label), or two without name, is no table
        "label,any",  # of rules: a labelled data file
    ],
)
def test_a_data_file_given_as_the_rules_is_still_said_to_be_one(tmp_path, header):
    path = tmp_path / "reviews.csv"
    path.write_text(f"{header}\n1,手数料が高い,fees\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"not a rules file: it is named as a data file \(\.csv\)"):
        load_rules(path)


@pytest.mark.parametrize(
    ("header", "columns"),
    [  # regression: each was 'not a rules file: it is named as a data file' (.csv) or 'not valid TOML' (.toml, .txt)
        (
            ["ルール名", "ラベル", "パターン", "除外"],
            "ルール名 (= name), ラベル (= label), パターン (= any), 除外 (= not)",
        ),
        (
            ["名前", "理由", "キーワード", "正規表現"],
            "名前 (= name), 理由 (= label), キーワード (= any), 正規表現 (= regex)",
        ),
        (["Name", "ｌａｂｅｌ", "すべて", "除外語"], "Name, ｌａｂｅｌ (= label), すべて (= all), 除外語 (= not)"),
    ],
)
@pytest.mark.parametrize(("name", "separator"), [("rules.csv", ","), ("rules.toml", ","), ("rules.txt", "\t")])
def test_a_table_of_rules_with_japanese_column_names_is_shown_its_rule_in_toml(
    tmp_path, header, columns, name, separator
):
    path = tmp_path / name
    rows = [header, ["fee words", "fees", "手数料", "妥当"]]
    path.write_text("".join(separator.join(row) + "\n" for row in rows), encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:1: a table of rules (columns {columns}), and taikai reads rules from a TOML")
    keys = [columns.split(", ")[k].split("= ")[-1].rstrip(")").lower() for k in range(4)]
    shown = [f'{keys[0]} = "fee words"', f'{keys[1]} = "fees"', f'{keys[2]} = ["手数料"]', f'{keys[3]} = ["妥当"]']
    assert message.endswith("its first rule, on row 2, is in TOML:\n[[rule]]\n" + "\n".join(shown))


def test_a_rules_file_named_dash_is_read(tmp_path, monkeypatch):
    """Mutation audit: ``-`` is refused as standard input only where no file is named so."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text('[[rule]]\nname = "r"\nlabel = "fees"\nany = ["手数料"]\n', encoding="utf-8")
    assert [r.name for r in load_rules("-").rules] == ["r"]
    (tmp_path / "-").unlink()
    with pytest.raises(RulesError, match=r"^-: .* does not read rules from standard input; save them to a file"):
        load_rules("-")


def test_a_table_of_rules_shows_a_quote_of_a_cell_escaped(tmp_path):
    """Mutation audit: a table of rules's first rule is shown as TOML that reads, quotes and backslashes escaped."""
    path = tmp_path / "rules.csv"
    path.write_text('name,label,any\n"say ""hi""",fees,\\d+円\n', encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    assert str(caught.value).endswith('[[rule]]\nname = "say \\"hi\\""\nlabel = "fees"\nany = ["\\\\d+円"]')


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
