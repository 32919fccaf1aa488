"""A sheet or rules file of a ``--free-labels`` model used without ``--model`` is checked against the default model's
reasons: the error about its labels says so and to give the model they belong to (and, for evaluate, offers
``--free-labels`` after that, for what it does); with ``--model`` it does not."""

from pathlib import Path

import pytest

from tests.cli.conftest import invoke_cli

GIVE_THE_MODEL = "give that model with model= (--model on the command line)"
RULES = '[[rule]]\nname = "money"\nlabel = "お金"\nany = ["手数料"]\n'
"""A rule whose label is one of the user's own (a --free-labels model's), not one of the default model's reasons."""


def _files(folder: Path) -> dict[str, Path]:
    files = {
        "rules": (folder / "rules.toml", RULES),
        "sheet": (folder / "sheet.csv", "text,reasons\n手数料が高い,お金\n画面が重い,使い勝手\n"),
        "good_sheet": (folder / "good.csv", "text,reasons\n手数料が高い,fees\n"),
        "dump": (folder / "dump.csv", "text\n手数料が高い\n"),
    }
    for path, content in files.values():
        path.write_text(content, encoding="utf-8")
    return {name: path for name, (path, _) in files.items()} | {"out": folder / "out.csv", "parts": folder / "parts"}


@pytest.mark.parametrize(
    ("command", "what"),
    [
        (["evaluate", "{sheet}", "--no-sentiment"], "for a sheet of"),
        (["rules", "test", "{rules}", "{good_sheet}"], "for rules of"),
        (["predict", "--rules", "{rules}", "手数料が高い"], "for rules of"),
        (["explain", "--rules", "{rules}", "手数料が高い"], "for rules of"),
        (["batch", "{dump}", "--text-column", "text", "--rules", "{rules}", "-o", "{out}"], "for rules of"),
        (
            ["batch", "{dump}", "--text-column", "text", "--rules", "{rules}", "-o", "{parts}", "--engine", "dask"],
            "for rules of",
        ),
    ],
)
@pytest.mark.parametrize("given", [False, True])
def test_labels_unknown_to_the_default_model_say_to_give_the_model(
    tiny_model_dir, tmp_path, monkeypatch, command, what, given
):
    """Regression: evaluate offered only --free-labels (which scores every such label as a miss), and predict,
    batch, explain and rules test listed the default model's reasons for a rule's label, never --model."""
    monkeypatch.setenv("TAIKAI_MODEL", str(tiny_model_dir))  # the default model
    files = _files(tmp_path)
    args = [a.format(**files) for a in command] + (["--model", str(tiny_model_dir)] if given else [])
    result = invoke_cli(*args)
    assert result.exit_code == 2, result.output
    said = result.output
    assert "'お金'" in said and "Traceback" not in said
    hint = f"the labels are checked against those of the default model (taikai's, or $TAIKAI_MODEL): {what}"
    assert (hint in said and GIVE_THE_MODEL in said) is not given, said
    if command[0] == "evaluate":  # --model first, --free-labels second, for what it does
        assert said.index("pass free_labels=True (--free-labels") > (said.index(GIVE_THE_MODEL) if not given else 0)


HINT = (
    "the model's reasons are fees (手数料が高い), time (時間がない): give one of them as label (or its Japanese name)"
)


@pytest.mark.parametrize(
    ("raised", "given", "noted"),
    [
        ("unknown", None, True),
        ("unknown", "models/mine", False),  # the model was given: its reasons were the ones to give
        # a RulesError about something else is left as it is, however its message ends
        ("other", None, False),
        ("other-ending-as-unknown", None, False),
    ],
)
def test_default_model_rules_tells_an_unknown_label_by_its_type(raised, given, noted):
    """Regression: an error about rule labels was told from others by the end of its message (the model's reasons
    hint), so a RulesError about something else ending so was taken for one; it is told by its type now."""
    from taikai.errors import RulesError, UnknownRuleLabelError
    from taikai.model._default_labels import default_model_rules

    errors = {
        "unknown": UnknownRuleLabelError(
            f"rules.toml:1: rule 'r' (rule 1 of the file): label 'お金' is not a reason of the model\n{HINT}"
        ),
        "other": RulesError("rules.toml:1: rule 'r' (rule 1 of the file): no label"),
        "other-ending-as-unknown": RulesError(f"rules.toml: not a rules file; as the README says, {HINT}"),
    }
    error = errors[raised]
    with pytest.raises(RulesError) as caught, default_model_rules(given, ["fees", "time"]):
        raise error
    said = str(caught.value)
    assert type(caught.value) is type(error)  # an UnknownRuleLabelError with the note stays one
    note = "; the labels are checked against those of the default model (taikai's, or $TAIKAI_MODEL): for "
    assert said == (
        f"{error}{note}rules of a model with labels of its own (trained with --free-labels), {GIVE_THE_MODEL}"
        if noted
        else str(error)
    )


@pytest.mark.parametrize("kind", ["path", "ruleset", "matcher"])
@pytest.mark.parametrize("compiled", [True, False], ids=["checked_rules", "checked_ruleset"])
@pytest.mark.parametrize("given", [False, True])
def test_rules_are_read_and_checked_the_one_way(tiny_model, tmp_path, kind, compiled, given):
    """Model.prepare_rules, both batch engines, predict, explain and rules test read rules and checked their labels
    each in its own copy of the same steps; one helper does it for all, a rule set or a compiled matcher."""
    from taikai.errors import UnknownRuleLabelError
    from taikai.model import checked_rules, checked_ruleset
    from taikai.rules import RuleMatcher, RuleSet, compile_rules, load_rules

    check = checked_rules if compiled else checked_ruleset
    model_given = tiny_model if given else None

    def rules_of(text: str) -> object:
        path = tmp_path / "rules.toml"
        path.write_text(text, encoding="utf-8")
        if kind == "path":
            return path
        return load_rules(path) if kind == "ruleset" else compile_rules(load_rules(path))

    good = rules_of(RULES.replace("お金", "手数料が高い"))  # a Japanese name: read as the model's id
    found = check(good, tiny_model, model_given)
    assert isinstance(found, RuleMatcher if compiled else RuleSet)
    assert (found.rules if isinstance(found, RuleMatcher) else found).labels == ("fees",)
    bad = rules_of(RULES)
    with pytest.raises(UnknownRuleLabelError) as caught:
        check(bad, tiny_model, model_given)
    said = str(caught.value)
    assert "rule 'money' (rule 1 of the file): label 'お金' is not a reason of the model" in said
    assert (GIVE_THE_MODEL in said) is not given
    assert check(None, tiny_model, model_given) is None


def test_a_matcher_whose_labels_read_so_already_is_kept(tiny_model, tmp_path):
    from taikai.model import checked_rules
    from taikai.rules import compile_rules, parse_rules

    matcher = compile_rules(parse_rules(RULES.replace("お金", "fees"), "rules.toml"))
    assert checked_rules(matcher, tiny_model, tiny_model) is matcher
    assert tiny_model.prepare_rules(matcher) is matcher
