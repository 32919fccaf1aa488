"""Scoring rules against gold labels: hits, right hits, precision, recall and misfires, per rule and per label."""

import re
from dataclasses import replace

import pytest

from taikai.rules import Counts, Misfire, RuleScore, RulesScore, compile_rules, parse_rules, score_rules
from taikai.rules._score import LINES_NAMED, NUMBERING, ROWS_NAMED

RULES = """
[[rule]]
name = "fee"
label = "fees"
any = ["手数料"]

[[rule]]
name = "percent"
label = "fees"
regex = ['\\d+%']

[[rule]]
name = "unused"
label = "time"
any = ["残業"]
"""

ROWS = [  # text, gold reasons
    ("手数料が20%", ["fees"]),  # both fee rules right
    ("手数料のせいで稼げない", ["low_pay", "fees"]),  # right: fees is among the gold reasons, not primary
    ("手数料は妥当", ["other"]),  # fee misfires
    ("20%しか採用されない", ["rejection"]),  # percent misfires
    ("振込料が高い", ["fees"]),  # a fees row no rule finds
    ("", ["fees"]),  # not matched: empty text, so in no rule's support (its rules could not fire on it)
]


@pytest.fixture(scope="module")
def score():
    matcher = compile_rules(parse_rules(RULES, "r.toml"))
    texts, gold = zip(*ROWS, strict=True)
    return score_rules(matcher, texts, gold, lines=[2, 3, 4, 5, 6, 7], examples=1, source="gold.csv")


@pytest.mark.parametrize(
    ("name", "counts", "precision", "recall", "misfires"),
    [
        ("fee", Counts(hits=3, right=2, support=3), 2 / 3, 2 / 3, 1),
        ("percent", Counts(hits=2, right=1, support=3), 1 / 2, 1 / 3, 1),
        ("unused", Counts(hits=0, right=0, support=0), None, None, 0),
    ],
)
def test_per_rule(score, name, counts, precision, recall, misfires):
    [rule] = [r for r in score.rules if r.name == name]
    assert rule.counts == counts
    assert rule.counts.precision == (pytest.approx(precision) if precision is not None else None)
    assert rule.counts.recall == (pytest.approx(recall) if recall is not None else None)
    assert rule.misfires == misfires


def test_per_label_counts_a_row_once(score):
    assert score.labels == {"fees": Counts(hits=4, right=2, support=3), "time": Counts(0, 0, 0)}
    assert (score.rows, score.unmatched, score.covered) == (6, 1, 4)


def test_misfires_name_their_line_and_gold(score):
    [fee] = [r for r in score.rules if r.name == "fee"]
    assert [(e.row, e.line, e.gold, e.text) for e in fee.examples] == [(2, 4, ("other",), "手数料は妥当")]
    report = score.to_markdown()
    assert "| fee | fees | 3 | 2 | 0.667 (0.208–0.939) | 0.667 |" in report
    assert "| unused | time | 0 | 0 | - | - |" in report
    assert "fee (fees) fires against the gold label on 1 row(s):\n- line 4: gold other: 手数料は妥当" in report
    assert "6 labelled rows, 5 matched (1 not: text empty or not Japanese); a rule fired on 4." in report


def test_to_dict_is_complete(score):
    values = score.to_dict()
    assert values["rules_file"] == "r.toml" and values["data"] == "gold.csv"
    assert values["rules"][0] | {"examples": None} == {
        "name": "fee",
        "label": "fees",
        "hits": 3,
        "right": 2,
        "support": 3,
        "precision": pytest.approx(2 / 3),
        "precision_interval": pytest.approx([0.208, 0.939], abs=0.0005),
        "recall": pytest.approx(2 / 3),
        "misfires": 1,
        "examples": None,
        "same_rows_as": None,
    }
    assert values["rules"][0]["examples"] == [{"row": 2, "line": 4, "gold": ["other"], "text": "手数料は妥当"}]


@pytest.mark.parametrize(
    ("lines", "said", "named"),
    [
        ([4, 9], [LINES_NAMED], ["- line 4: gold other", "- line 9: gold other"]),
        (None, [ROWS_NAMED], ["- row 1: gold other", "- row 2: gold other"]),  # data rows, 1-based
        ([], [], []),  # no misfire listed (examples=0): nothing to say
    ],
    ids=["file lines", "no lines", "none listed"],
)
def test_the_report_says_what_the_numbers_of_its_rows_count(lines, said, named):
    """Regression: ``line N`` or ``row N`` (1-based) was printed without saying what it counts."""
    matcher = compile_rules(parse_rules(RULES))
    texts, gold = ["手数料は妥当", "手数料は妥当"], [["other"], ["other"]]
    score = score_rules(matcher, texts, gold, lines or None, examples=2 if lines != [] else 0)
    report = score.to_markdown()
    assert [note for note in (LINES_NAMED, ROWS_NAMED) if note in report] == said
    assert all(f"{name}: 手数料は妥当" in report for name in named)
    assert score.to_dict()["numbering"] == NUMBERING


def test_misfires_of_a_file_line_and_of_none_are_both_explained():
    fee = RuleScore("fee", "fees", Counts(2, 0, 0), 2, (Misfire(0, 2, ("other",), "a"), Misfire(1, None, (), "b")))
    report = RulesScore("r.toml", "x", 2, 0, 2, (fee,), {}).to_markdown()
    assert f"\n\n{LINES_NAMED} {ROWS_NAMED}\n\n" in report
    assert "- line 2: gold other: a\n- row 2: gold : b" in report


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError, match="one entry per row"):
        score_rules(compile_rules(parse_rules(RULES)), ["a", "b"], [["fees"]])


@pytest.mark.parametrize(
    ("examples", "listing"),
    [
        (0, "fee (fees) fires against the gold label on 1 row(s).\n\n"),  # no rows listed, no "… and 1 more"
        (1, "fee (fees) fires against the gold label on 1 row(s):\n- line 4: gold other: 手数料は妥当\n\n"),
    ],
)
def test_misfires_listed_as_many_as_asked(examples, listing):
    texts, gold = zip(*ROWS, strict=True)
    matcher = compile_rules(parse_rules(RULES, "r.toml"))
    report = score_rules(matcher, texts, gold, lines=[2, 3, 4, 5, 6, 7], examples=examples).to_markdown()
    assert listing in report
    assert "more" not in report


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("[メール] [電話番号]", False),  # only placeholders: classify calls it no Japanese, so it is not matched
        ("[メール]", False),
        ("[電話番号]", False),
        ("[URL]", False),
        ("[ID]", False),
        ("[人名]", True),  # a name's placeholder stands for Japanese text
        ("[メール]の手数料", True),
        ("手数料", True),
    ],
)
def test_a_text_is_matched_when_classify_can_read_it(text, matched):
    matcher = compile_rules(parse_rules(RULES, "r.toml"))
    score = score_rules(matcher, [text, "手数料"], [["fees"], ["fees"]])
    assert (score.rows, score.unmatched) == (2, 0 if matched else 1)
    assert f"{2 - score.unmatched} matched ({score.unmatched} not: text empty or not Japanese)" in str(score)


@pytest.mark.parametrize("name", ["fee|high", "fee\nhigh", "fee\r\n|high"])
def test_a_rule_name_stays_in_its_cell_of_the_markdown_table(name):
    """Regression: a line break in a rule's name (a quoted TOML key may hold one) ended the table's row."""
    fee = RuleScore(name, "fees", Counts(2, 0, 0), 2, ())
    report = RulesScore("r.toml", "x", 2, 0, 2, (fee,), {}).to_markdown()
    lines = report.splitlines()
    header = next(line for line in lines if line.startswith("| "))
    row = next(line for line in lines if line.startswith("| fee"))
    cells = re.split(r"(?<!\\)\|", row)  # the bars that are not escaped
    assert len(cells) == header.count("|") + 1 and "high" in row


@pytest.mark.parametrize(
    ("misfire", "where", "index"),
    [
        (Misfire(2, 5, ("fees",), "t", index="r7"), "line 5", None),  # the file line names the row: no index
        (Misfire(2, None, ("fees",), "t", index="r7"), "row 3 (index 'r7')", "r7"),
        (Misfire(2, None, ("fees",), "t", index=2), "row 3", None),  # the index label is its position
        (Misfire(2, None, ("fees",), "t"), "row 3", None),
    ],
)
def test_a_misfire_gives_its_index_label_only_where_it_names_the_row_by_it(misfire, where, index):
    assert misfire.where() == where
    assert misfire.to_dict().get("index") == index
    assert ("index" in misfire.to_dict()) is (index is not None)


@pytest.mark.parametrize(
    ("texts", "said"),
    [
        # regression: a rule that never fired showed only zeros in the table, with nothing said about it
        (["手数料が高い", "残業続き"], "Fired on none of the 2 rows: percent (fees). Check their terms"),
        (["手数料", "振込料"], "Fired on none of the 2 rows: percent (fees), unused (time). Check their terms"),
        (["手数料が20%", "残業"], None),  # every rule fired
        (["", "[メール]"], None),  # no row could be matched: no rule could fire, nothing to check
    ],
)
def test_rules_that_never_fired_are_named_with_what_to_check(texts, said):
    matcher = compile_rules(parse_rules(RULES, "r.toml"))
    report = score_rules(matcher, texts, [["fees"]] * len(texts)).to_markdown()
    found = [line for line in report.splitlines() if line.startswith("Fired on none")]
    assert found == ([] if said is None else [found[0]]) and (said is None or found[0].startswith(said))


SAME_ROWS = """
[[rule]]
name = "fee"
label = "fees"
any = ["手数料"]

[[rule]]
name = "fee again"
label = "fees"
regex = ["手.料"]

[[rule]]
name = "fee as time"
label = "time"
all = ["手数料"]

[[rule]]
name = "percent"
label = "fees"
regex = ['\\d+%']

[[rule]]
name = "never"
label = "time"
any = ["残業"]

[[rule]]
name = "never again"
label = "time"
any = ["定時"]
"""


@pytest.mark.parametrize(
    ("name", "same_as", "said"),
    [  # regression: a rule firing on exactly the rows of an earlier one was not said to be so
        ("fee", None, None),
        ("fee again", "fee", "fee again (fees) fired on exactly the 2 row(s) that fee (fees) fired on: it adds "),
        ("fee as time", "fee", "fee as time (time) fired on exactly the 2 row(s) that fee (fees) fired on: the two"),
        ("percent", None, None),  # fired on one of those rows only
        ("never again", None, None),  # two rules that never fire are said to by the rules that fired on none
    ],
)
def test_a_rule_firing_on_exactly_the_rows_of_an_earlier_one_is_said_to(name, same_as, said):
    matcher = compile_rules(parse_rules(SAME_ROWS, "r.toml"))
    score = score_rules(matcher, ["手数料が20%", "手数料は妥当", "時間がない"], [["fees"], ["other"], ["time"]])
    [rule] = [r for r in score.rules if r.name == name]
    assert rule.same_rows == same_as
    assert next(r for r in score.to_dict()["rules"] if r["name"] == name)["same_rows_as"] == same_as
    said_of = [line for line in score.to_markdown().splitlines() if line.startswith(f"{name} ({rule.label}) fired on")]
    assert said_of == ([] if said is None else [said_of[0]]) and (said is None or said_of[0].startswith(said))


def test_the_report_gives_each_label_s_row_and_the_rows_labelled_in_part():
    """Mutation audit: the per-label table's rows, and the rows left out labelled in part, in the report and JSON."""
    matcher = compile_rules(parse_rules(RULES, "r.toml"))
    texts, gold = zip(*ROWS, strict=True)
    score = score_rules(matcher, texts, gold)
    report = replace(score, in_part=2).to_markdown()
    assert "| fees | 4 | 2 | 0.500 (0.150–0.850) | 0.667 |" in report.splitlines()
    assert "| time | 0 | 0 | - | - |" in report.splitlines()
    assert "(and 2 labelled in part (only more_reasons), skipped)" in report
    assert replace(score, in_part=2).to_dict()["labelled_in_part"] == 2


def test_a_misfire_is_named_by_its_data_row_and_shown_on_one_line():
    """Mutation audit: rows left out before scoring make a misfire's data row differ from its place among the texts;
    a text of several lines is shown on one."""
    matcher = compile_rules(parse_rules(RULES, "r.toml"))
    score = score_rules(matcher, ["手数料は\n妥当", "残業"], [["other"], ["time"]], rows=[4, 9])
    [fee] = [r for r in score.rules if r.name == "fee"]
    assert [e.row for e in fee.examples] == [4]
    assert "- row 5: gold other: 手数料は 妥当" in score.to_markdown().splitlines()


@pytest.mark.parametrize(
    ("hits", "right", "cell", "few"),
    [
        (
            2,
            2,
            "1.000 (0.342–1.000)",
            "Few hits: r (fees) on 2: one hit moves a rule's precision by 1/hits (0.500 at 2)",
        ),
        (
            3,
            1,
            "0.333 (0.061–0.792)",
            "Few hits: r (fees) on 3: one hit moves a rule's precision by 1/hits (0.333 at 3)",
        ),
        (10, 9, "0.900 (0.596–0.982)", None),  # enough hits: no caution, the interval still given
        (0, 0, "-", None),  # never fired: no precision, no interval
    ],
)
def test_a_precision_on_few_hits_gives_its_interval_and_a_caution(hits, right, cell, few):
    """Regression: a rule right on 2 of 2 hits printed a bare 1.000, read as firm."""
    counts = Counts(hits, right, 4)
    score = RulesScore("r.toml", "gold.csv", 12, 0, hits, (RuleScore("r", "fees", counts, hits - right, ()),), {})
    report = score.to_markdown()
    assert f"| r | fees | {hits} | {right} | {cell} |" in report
    assert (score.few_hits() or "")[: len(few or "")] == (few or "")
    assert (few in report) if few else "Few hits" not in report
    values = score.to_dict()
    assert values["few_hits"] == score.few_hits()
    interval = values["rules"][0]["precision_interval"]
    assert (interval is None) if not hits else [f"{v:.3f}" for v in interval] == cell[7:-1].split("–")


@pytest.mark.parametrize(
    ("labels", "few"),
    [
        (
            {"fees": Counts(3, 3, 5), "time": Counts(2, 1, 4)},
            "Few hits of any rule of the label: fees on 3, time on 2: one hit moves a label's precision by 1/hits "
            "(0.500 at 2), so these precisions are rough, as their 95 % interval shows",
        ),
        ({"fees": Counts(12, 9, 20), "time": Counts(9, 9, 9)}, "Few hits of any rule of the label: time on 9:"),
        ({"fees": Counts(10, 9, 20), "time": Counts(0, 0, 4)}, None),  # enough hits, or none: no caution
    ],
)
def test_a_label_precision_on_few_hits_gives_a_caution_worded_as_a_rules(labels, few):
    """Regression: the per-label table printed a label's precision on 2 or 3 hits with no caution (the rules' one
    named only rules)."""
    rules = tuple(RuleScore(label, label, c, c.hits - c.right, ()) for label, c in labels.items())
    score = RulesScore("r.toml", "gold.csv", 40, 0, 0, rules, labels)
    report, values = score.to_markdown(), score.to_dict()
    assert values["few_label_hits"] == score.few_label_hits()
    if few is None:
        assert score.few_label_hits() is None and "Few hits of any rule" not in report
        return
    assert score.few_label_hits().startswith(few)
    paragraphs = report.split("\n\n")
    assert score.few_label_hits() in paragraphs  # a paragraph of its own, after the rules' caution
    assert paragraphs.index(score.few_label_hits()) == paragraphs.index(score.few_hits()) + 1
    rules_caution = score.few_hits().split(": ", 2)[2]  # the same words from "one hit moves" on, but whose
    assert score.few_label_hits().split(": ", 2)[2] == rules_caution.replace("a rule's", "a label's")
