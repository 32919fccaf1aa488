"""Scores on the rows a suggest sheet picked among its model's least sure (taikai.text._picked): warned of, by evaluate
and by rules test alike."""

import warnings

import pandas as pd
import pytest

import taikai

TEXTS = [
    "単価が安すぎて、何時間やっても数百円にしかならない",
    "手数料が2割も引かれるのがつらい",
    "提案しても全然通らなかった",
    "本業が忙しくなって時間がない",
]
GOLD = ["low_pay", "fees", "rejection", "time"]


@pytest.mark.parametrize(
    ("picked_by", "said", "counted"),
    [
        (["margin"] * 4, "the 4 rows scored were picked by taikai suggest (picked_by margin)", (4, 4)),
        (
            ["random", "entropy", "margin", "random"],
            "2 of the 4 rows scored were picked by taikai suggest (picked_by margin or entropy)",
            (2, 4),
        ),
        (["margin", "random", "random", "random"], None, None),  # the margin row is blank: not scored
        (["random"] * 4, None, None),  # a uniform draw: its scores estimate the dump's
        (None, None, None),  # no picked_by column: not a sheet of suggest
    ],
)
def test_scores_on_rows_picked_as_least_sure_are_said_to_understate(tiny_model, picked_by, said, counted):
    """Regression: evaluate on a margin sheet scored the shipped model 0.482 on rows where a random sheet of the same
    dump gave 0.731, and said nothing of why."""
    frame = pd.DataFrame({"text": TEXTS, "reasons": GOLD, "sentiment": ["negative"] * 4})
    if picked_by is not None:
        frame["picked_by"] = picked_by
    if said is None and picked_by is not None and "margin" in picked_by:
        frame.loc[0, ["reasons", "sentiment"]] = ""  # the only margin row left blank: skipped, not scored
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = taikai.evaluate(tiny_model, frame)
    told = [str(w.message) for w in caught if "picked by taikai suggest" in str(w.message)]
    if said is None:
        assert not told and report.picked is None and report.to_dict()["picked_uncertain"] is None
        assert not any("picked by" in w for w in report.warnings())
        return
    assert len(told) == 1 and told[0].startswith(f"<frame>: {said} among the rows its model was least sure of")
    assert told[0].endswith(
        "label and score a sheet drawn with strategy='random' (--strategy random on the command line)"
    )
    assert (report.picked.rows, report.picked.scored) == counted
    assert report.to_dict()["picked_uncertain"]["rows"] == counted[0]
    assert f"**WARNING: {said}" in report.to_markdown()


RULES = '[[rule]]\nname = "fee words"\nlabel = "fees"\nany = ["手数料"]\n'


@pytest.mark.parametrize(
    ("picked_by", "said"),
    [
        (["margin"] * 4, "the 4 rows scored were picked by taikai suggest (picked_by margin)"),
        (["random", "entropy", "random", "random"], "1 of the 4 rows scored were picked by taikai suggest"),
        (["random"] * 4, None),  # a uniform draw: its precision and recall estimate the dump's
        (None, None),  # no picked_by column: not a sheet of suggest
    ],
)
def test_rules_scored_on_rows_picked_as_least_sure_are_warned_of_as_evaluate_does(tmp_path, picked_by, said):
    """Regression: rules test on a margin sheet said nothing of the rows being the model's hardest, where evaluate
    on the same sheet warned; one warning for both, in the words of each."""
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES, encoding="utf-8")
    frame = pd.DataFrame({"text": TEXTS, "reasons": GOLD})
    if picked_by is not None:
        frame["picked_by"] = picked_by
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        score = taikai.evaluate_rules(rules, frame)
    told = [str(w.message) for w in caught if "picked by taikai suggest" in str(w.message)]
    if said is None:
        assert not told and score.picked is None and score.to_dict()["picked_uncertain"] is None
        assert "WARNING" not in score.to_markdown()
        return
    assert len(told) == 1 and told[0].startswith(f"<frame>: {said}")
    assert "the rules' precision and recall on them" in told[0] and "--strategy random" in told[0]
    assert score.to_dict()["picked_uncertain"]["scored"] == 4
    assert f"**WARNING: {said}" in score.to_markdown()
