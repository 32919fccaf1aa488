"""The report's rules section: hits per rule, rule label × model label, conflicting examples; none without rules."""

import html
import json
import re

import pandas as pd
import pytest

import taikai
from taikai.analysis import build_report, rules_section, write_report
from taikai.errors import InputError
from taikai.io import read_predictions
from taikai.rules import compile_rules, parse_rules

RULES = """
[[rule]]
name = "fee"
label = "fees"
any = ["手数料"]

[[rule]]
name = "<i>percent</i>"
label = "fees"
regex = ['\\d+%']

[[rule]]
name = "main job"
label = "time"
any = ["本業"]
"""

TEXTS = [
    "手数料が20%も引かれるのがつらい",
    "本業が忙しくなった",
    "本業が忙しくて手数料も高い <b>bold</b>",
    "提案しても選ばれない",
    "",
]


def frame(model, mode="flag", rules=RULES):
    df = pd.DataFrame({"review_id": [f"r{i}" for i in range(len(TEXTS))], "text": TEXTS})
    return model.predict_frame(df, rules=compile_rules(parse_rules(rules)), rules_mode=mode)


@pytest.fixture(scope="module")
def predictions(tiny_model):
    return frame(tiny_model)


def test_no_rule_columns_no_section(tiny_model):
    df = tiny_model.predict_frame(pd.DataFrame({"text": TEXTS}))
    assert rules_section(df) is None
    page = build_report(df, drift=False, charts=False, embed_font=False)
    assert '<section id="rules">' not in page and 'href="#rules"' not in page


HAND_MADE = pd.DataFrame(
    {
        "review_id": ["a", "b", "c", "d", "e", "f"],
        "text": ["t"] * 6,
        "status": ["ok", "ok", "ok", "ok", "ok", "empty"],
        "reason": ["fees", "other", "other", "time", "fees", None],
        "p_reason_fees": [0.8, 0.3, 0.1, 0.2, 0.9, None],
        "p_reason_time": [0.1, 0.2, 0.3, 0.7, 0.05, None],
        "p_reason_other": [0.1, 0.5, 0.6, 0.1, 0.05, None],
        "rule_names": ["fee|percent", "fee", "main job", None, "fee|main job", None],
        "rule_reasons": ["fees", "fees", "time", None, "fees|time", None],
        "rule_conflict": [False, True, True, False, False, None],
    }
)


def test_hits_matrix_and_examples():
    section = rules_section(HAND_MADE, context=["review_id"])
    assert (section.rows, section.ruled, section.conflicts, section.override) == (5, 4, 2, False)
    assert section.hits.to_dict("index") == {
        "fee": {"label": "fees", "hits": 3, "share": 0.6, "conflicts": 1},
        "main job": {"label": "time", "hits": 2, "share": 0.4, "conflicts": 1},
        "percent": {"label": "fees", "hits": 1, "share": 0.2, "conflicts": 0},
    }
    assert section.matrix.to_dict("index") == {
        "fees": {"fees": 2, "time": 0, "other": 1},
        "time": {"fees": 1, "time": 0, "other": 1},
    }
    assert section.examples[["review_id", "rule_names", "model", "p_model", "p_rule"]].to_dict("records") == [
        {"review_id": "c", "rule_names": "main job", "model": "other", "p_model": 0.6, "p_rule": 0.3},
        {"review_id": "b", "rule_names": "fee", "model": "other", "p_model": 0.5, "p_rule": 0.3},
    ]
    assert list(section.examples.columns)[-1] == "text"


@pytest.mark.parametrize(
    ("arguments", "error", "said"),
    [
        ({"context": ["reviewid"]}, InputError, "no column 'reviewid' (did you mean 'review_id'?)"),
        ({"context": "reviewid"}, InputError, "no column 'reviewid' (did you mean 'review_id'?)"),  # one column
        ({"context": 3.5}, TypeError, "context must be a list of column names, or one column's name, not float"),
        ({"context": [pd.NA]}, TypeError, "context must be a column label"),
        ({"text_column": "txet"}, InputError, "no column 'txet'"),
    ],
    ids=["a typo", "a str", "a float", "pd.NA", "text_column"],
)
def test_a_context_or_text_column_not_there_is_refused(arguments, error, said):
    """Regression: a context column not in the frame (a typo, a str's letters) was left out of the examples without
    a word, and a text_column not there stopped with pandas' KeyError "None of [Index(['txet'])] are in the
    [columns]"; as representative_reviews and least_confident refuse them."""
    with pytest.raises(error, match=re.escape(said)):
        rules_section(HAND_MADE, **arguments)


def test_a_rule_that_always_fires_with_another_has_no_label_to_show():
    df = HAND_MADE.assign(rule_names=["x|y", "x|y", None, None, None, None])
    df["rule_reasons"] = ["fees|time", "fees|time", None, None, None, None]
    assert rules_section(df).hits["label"].tolist() == [None, None]


def test_the_tiny_model_s_frame(predictions):
    section = rules_section(predictions)
    assert section.ruled == 3 and section.rows == 4
    assert section.conflicts == int(predictions["rule_conflict"].eq(True).sum())


def test_examples_take_turns_over_rule_labels_surest_disagreement_first():
    rows = pd.DataFrame(
        {
            "text": [f"t{i}" for i in range(5)],
            "status": "ok",
            "reason": ["other"] * 5,
            "p_reason_fees": [0.1, 0.1, 0.1, 0.1, 0.1],
            "p_reason_other": [0.5, 0.9, 0.7, 0.6, 0.8],
            "rule_names": ["a", "a", "a", "b", "b"],
            "rule_reasons": ["fees", "fees", "fees", "time", "time"],
            "rule_conflict": [True] * 5,
        }
    )
    section = rules_section(rows, examples=4)
    assert section.examples["text"].tolist() == ["t1", "t4", "t2", "t3"]  # fees 0.9, time 0.8, fees 0.7, time 0.6
    assert section.examples["p_model"].tolist() == [0.9, 0.8, 0.7, 0.6]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_a_predictions_file_gives_the_frame_s_section(tiny_model, tmp_path, fmt):
    df = frame(tiny_model, mode="override")
    path = tmp_path / f"p.{fmt}"
    {
        "csv": lambda: df.to_csv(path, index=False),
        "jsonl": lambda: df.to_json(path, orient="records", lines=True, force_ascii=False),
        "parquet": lambda: df.to_parquet(path),
    }[fmt]()
    expected, got = rules_section(df), rules_section(read_predictions(path))
    assert got.override and (got.rows, got.ruled, got.conflicts) == (expected.rows, expected.ruled, expected.conflicts)
    pd.testing.assert_frame_equal(got.hits, expected.hits)
    pd.testing.assert_frame_equal(got.matrix, expected.matrix)
    assert got.examples["model"].tolist() == df.loc[df["rule_conflict"] == True, "model_reason"].tolist()  # noqa: E712


def test_the_report_has_the_section_escaped(tiny_model, tmp_path):
    path = tmp_path / "p.csv"
    frame(tiny_model).to_csv(path, index=False)
    page = write_report(path, tmp_path / "r.html", drift=False, charts=False, embed_font=False)
    page = page.read_text(encoding="utf-8")
    assert '<section id="rules">' in page and '<a href="#rules">コーディングルール</a>' in page
    section = page[page.index('<section id="rules">') :]
    assert "ルールが当たったのは 3 件" in section and "<th>main job</th>" in section
    assert '<td class="t">本業が忙しくなった</td>' in section  # the tiny model reads it as other: a conflict
    assert "<i>percent</i>" not in page and "<th>&lt;i&gt;percent&lt;/i&gt;</th>" in section


def test_with_drift_the_rules_section_comes_before_it(tiny_model):
    page = build_report(frame(tiny_model), model=tiny_model, charts=False, embed_font=False)
    nav = page[page.index("<nav>") : page.index("</nav>")]
    assert nav.index('href="#uncertain"') < nav.index('href="#rules"') < nav.index('href="#drift"')
    assert page.index('<section id="rules">') < page.index('<section id="drift">')


@pytest.mark.parametrize(
    ("lang", "blank", "rule_label"),
    [("ja", "(空欄)", "時間がない (time)"), ("en", "(blank)", "No time (time)")],
)
def test_conflicting_reviews_name_blanks_and_rule_labels_as_the_other_tables(lang, blank, rule_label):
    df = HAND_MADE.assign(platform=["Lancers", "Lancers", "", "Lancers", "Lancers", "Lancers"])
    assert rules_section(df, context=["platform"]).examples.loc[2, "platform"] == "(空欄)"
    page = build_report(df, by="platform", lang=lang, drift=False, charts=False, embed_font=False)
    section = page[page.index('<section id="rules">') :]
    row = next(r for r in section.split("<tr>") if ">c</td>" in r)  # review c: rule main job, model other
    assert f'<td class="d">{blank}</td>' in row and f"<td>{rule_label}</td>" in row, row


@pytest.mark.parametrize("mode", ["flag", "override"])
def test_prefixed_predictions_give_the_same_section(tiny_model, mode):
    df = pd.DataFrame({"review_id": [f"r{i}" for i in range(len(TEXTS))], "text": TEXTS})
    rules = compile_rules(parse_rules(RULES))
    plain = rules_section(tiny_model.predict_frame(df, rules=rules, rules_mode=mode))
    prefixed = tiny_model.predict_frame(df, rules=rules, rules_mode=mode, prefix="pred_")
    assert "pred_rule_reasons" in prefixed.columns
    for section in (rules_section(prefixed), rules_section(prefixed, prefix="pred_")):
        assert section is not None
        assert (section.rows, section.ruled, section.conflicts, section.override) == (
            plain.rows,
            plain.ruled,
            plain.conflicts,
            mode == "override",
        )
        pd.testing.assert_frame_equal(section.hits, plain.hits)
        pd.testing.assert_frame_equal(section.matrix, plain.matrix)


NEVER = '\n[[rule]]\nname = "競争"\nlabel = "time"\nany = ["ライバルが多すぎる"]\n'


NEVER_ROW = '<th>競争</th><td>時間がない</td><td class="n">0</td>'  # regression: its label was blank, <td></td>


@pytest.mark.parametrize(
    ("rules", "rows", "none", "older"),
    [
        # regression: a rule that never fired was left out of the table, though the batch summary lists it
        (RULES + NEVER, ["<th>fee</th>", "<th>main job</th>", NEVER_ROW], False, False),
        # regression: with no rule firing the section was headers over empty tables
        (NEVER, [NEVER_ROW], True, False),
        # a summary written before labels were recorded: the label of a rule that never fired is not known
        (RULES + NEVER, ["<th>fee</th>", '<th>競争</th><td>—</td><td class="n">0</td>'], False, True),
    ],
    ids=["one-never-fires", "none-fires", "summary-without-labels"],
)
def test_the_report_lists_every_rule_batch_applied(tiny_model, tmp_path, rules, rows, none, older):
    src, out, path = tmp_path / "in.csv", tmp_path / "p.csv", tmp_path / "rules.toml"
    pd.DataFrame({"review_id": [f"r{i}" for i in range(len(TEXTS))], "text": TEXTS}).to_csv(src, index=False)
    path.write_text(rules, encoding="utf-8")
    taikai.classify_file(src, out, "text", model=tiny_model, rules=path)
    if older:
        saved = tmp_path / "p.summary.json"
        values = json.loads(saved.read_text(encoding="utf-8"))
        del values["rule_labels"]
        saved.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    page = write_report(out, tmp_path / "r.html", drift=False, charts=False, embed_font=False)
    section = page.read_text(encoding="utf-8").split('<section id="rules">')[1].split("</section>")[0]
    for row in rows:
        assert row in section.replace("\n", "")
    assert ("どのルールも当たりませんでした。" in section) is none
    assert ("ルールのラベル (行) × モデル自身の理由" in section) is not none  # no matrix of zeros


def test_rules_section_keeps_the_rules_named_that_never_fired():
    section = rules_section(HAND_MADE, rules=["fee", "never", "percent", "main job"])
    assert section.hits[["hits", "conflicts"]].to_dict("index") == {
        "fee": {"hits": 3, "conflicts": 1},
        "main job": {"hits": 2, "conflicts": 1},
        "percent": {"hits": 1, "conflicts": 0},
        "never": {"hits": 0, "conflicts": 0},
    }
    assert pd.isna(section.hits.loc["never", "label"])


def test_rules_section_takes_the_labels_of_the_rules_that_ran():
    section = rules_section(HAND_MADE, rules={"fee": "fees", "never": "time", "percent": None})
    assert section.hits["label"].to_dict() == {"fee": "fees", "percent": "fees", "main job": "time", "never": "time"}


@pytest.mark.parametrize(
    ("mode", "lang", "expected", "absent"),
    [
        (
            "override",
            "en",
            [
                "The primary reason is the label of the first coding rule that fired, else the model's most probable",
                "counting the label of the first rule that fired in place of the model's reason (rules in override "
                "mode); the model alone gave it {model} (model_reason)",
            ],
            "The primary reason is the most probable one",
        ),
        (
            "override",
            "ja",
            ["主な理由は最初に当たったコーディングルールのラベル", "モデルだけでは {model} 件 (model_reason 列)"],
            "主な理由は予測で最も確率の高い理由、",
        ),
        ("flag", "en", ["The primary reason is the most probable one"], "override mode"),
        ("flag", "ja", ["主な理由は予測で最も確率の高い理由"], "override モード"),
    ],
)
def test_under_override_the_reasons_are_said_to_be_the_rules(tiny_model, mode, lang, expected, absent):
    """Regression: under override the page said the primary reason was the model's most probable one, and gave the
    count with the rules' labels as the model's."""
    df = frame(tiny_model, mode=mode)
    page = build_report(df, lang=lang, drift=False, charts=False, embed_font=False)
    rows = df[df["status"] == "ok"]
    top = rows["reason"].value_counts().idxmax()
    model = int((rows["model_reason"] == top).sum()) if mode == "override" else 0
    for phrase in expected:
        assert html.escape(phrase.format(model=model)) in page
    assert absent not in page


MINE = '[[rule]]\nname = "main job"\nlabel = "time"\nany = ["本業"]\n'


@pytest.mark.parametrize(
    ("lang", "header", "several"),
    [
        ("ja", "<th>ルールファイル</th>", True),
        ("en", "<th>rules file</th>", True),
        ("ja", "<th>ルールファイル</th>", False),
    ],
)
def test_the_report_names_each_rule_s_file_when_batch_ran_several(tiny_model, tmp_path, lang, header, several):
    """Regression (h376): with --rules team.toml --rules mine.toml the table of hits did not say which file held a
    rule (the batch summary records it); of one file it has no such column."""
    src, out, team, mine = (tmp_path / n for n in ("in.csv", "p.csv", "team.toml", "mine.toml"))
    pd.DataFrame({"text": TEXTS}).to_csv(src, index=False)
    team.write_text(RULES.split('[[rule]]\nname = "main job"')[0], encoding="utf-8")
    mine.write_text(MINE, encoding="utf-8")
    given = [team, mine] if several else team
    taikai.classify_file(src, out, "text", model=tiny_model, rules=given)
    page = write_report(out, tmp_path / "r.html", lang=lang, drift=False, charts=False, embed_font=False)
    section = page.read_text(encoding="utf-8").split('<section id="rules">')[1].split("</section>")[0]
    section = section.replace("\n", "")
    assert (header in section) is several
    assert (f"<th>main job</th><td>{'時間がない' if lang == 'ja' else 'No time'}</td><td>{mine}</td>" in section) is (
        several
    )
    assert (f"<th>fee</th><td>{'手数料が高い' if lang == 'ja' else 'High fees'}</td><td>{team}</td>" in section) is (
        several
    )


@pytest.mark.parametrize(
    ("files", "column"),
    [
        (
            {"fee": "team.toml", "percent": "team.toml", "main job": "mine.toml"},
            ["team.toml", "mine.toml", "team.toml", None],
        ),
        ({"fee": "team.toml", "main job": "mine.toml"}, ["team.toml", "mine.toml", None, None]),  # one not named
        ({"fee": "team.toml", "main job": "team.toml"}, None),  # one file: no column
        ({}, None),
        (None, None),
    ],
)
def test_rules_section_gives_each_rule_s_file_when_there_are_several(files, column):
    section = rules_section(HAND_MADE, rules=["fee", "main job", "percent", "never"], files=files)
    assert list(section.hits.index) == ["fee", "main job", "percent", "never"]
    if column is None:
        assert "file" not in section.hits.columns
        return
    assert list(section.hits.columns) == ["label", "file", "hits", "share", "conflicts"]
    assert [f if isinstance(f, str) else None for f in section.hits["file"]] == column


@pytest.mark.parametrize(
    ("files", "column"),
    [
        (  # the row of two rules of two files names both, in the order of its rules
            {"fee": "team.toml", "percent": "team.toml", "main job": "mine.toml"},
            {"b": "team.toml", "c": "mine.toml", "e": "team.toml · mine.toml"},
        ),
        ({"fee": "team.toml", "percent": "mine.toml"}, {"b": "team.toml", "c": None, "e": "team.toml"}),  # not named
        ({"fee": "team.toml", "main job": "team.toml"}, None),  # one file: no column
        (None, None),
    ],
)
def test_conflicting_reviews_name_their_rules_files_when_there_are_several(files, column):
    """Regression (h382): the table of conflicting reviews named no rules file, though the table of rules did."""
    conflicts = HAND_MADE.assign(rule_conflict=[False, True, True, False, True, None])
    section = rules_section(conflicts, context=["review_id"], files=files)
    examples = section.examples
    if column is None:
        assert "file" not in examples.columns
        return
    assert list(examples.columns[:3]) == ["review_id", "rule_names", "file"]
    got = {r: f if isinstance(f, str) else None for r, f in zip(examples["review_id"], examples["file"])}
    assert got == column


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_report_s_conflicting_reviews_name_each_rule_s_file(tiny_model, tmp_path, lang):
    """Regression (h382): with --rules team.toml --rules mine.toml the conflicting reviews said a rule's name alone."""
    src, out, team, mine = (tmp_path / n for n in ("in.csv", "p.csv", "team.toml", "mine.toml"))
    pd.DataFrame({"text": TEXTS}).to_csv(src, index=False)
    team.write_text(RULES.split('[[rule]]\nname = "main job"')[0], encoding="utf-8")
    mine.write_text(MINE, encoding="utf-8")
    taikai.classify_file(src, out, "text", model=tiny_model, rules=[team, mine])
    page = write_report(out, tmp_path / "r.html", lang=lang, drift=False, charts=False, embed_font=False)
    section = page.read_text(encoding="utf-8").split('<section id="rules">')[1].split("</section>")[0]
    table = section.replace("\n", "").split("<table")[-1]  # the conflicting reviews
    header = "ルールファイル" if lang == "ja" else "rules file"
    assert f"<th>{header}</th>" in table
    rows = re.findall(r"<tr>(.*?)</tr>", table)[1:]
    assert rows
    for row in rows:
        cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        named = {"main job": str(mine), "fee": str(team), "<i>percent</i>": str(team)}
        rules = cells[0].split(" · ")  # as the rule labels beside them are joined, not fee|main job
        assert cells[1] == " · ".join(dict.fromkeys(named[r] for r in rules)), cells
