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
    return {name: path for name, (path, _) in files.items()} | {"out": folder / "out.csv"}


@pytest.mark.parametrize(
    ("command", "what"),
    [
        (["evaluate", "{sheet}", "--no-sentiment"], "for a sheet of"),
        (["rules", "test", "{rules}", "{good_sheet}"], "for rules of"),
        (["predict", "--rules", "{rules}", "手数料が高い"], "for rules of"),
        (["explain", "--rules", "{rules}", "手数料が高い"], "for rules of"),
        (["batch", "{dump}", "--text-column", "text", "--rules", "{rules}", "-o", "{out}"], "for rules of"),
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
    hint = f"the labels are checked against the reasons of the default model (taikai's, or $TAIKAI_MODEL): {what}"
    assert (hint in said and GIVE_THE_MODEL in said) is not given, said
    if command[0] == "evaluate":  # --model first, --free-labels second, for what it does
        assert said.index("pass --free-labels") > (said.index(GIVE_THE_MODEL) if not given else 0)


HINT = "the model's reasons are fees, time: give one of them as label (or its Japanese name)"


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
    from taikai.model import default_model_rules

    errors = {
        "unknown": UnknownRuleLabelError(f"rules.toml:1: rule 'r': label 'お金' is not a reason of the model\n{HINT}"),
        "other": RulesError("rules.toml:1: rule 'r' (rule 1 of the file): no label"),
        "other-ending-as-unknown": RulesError(f"rules.toml: not a rules file; as the README says, {HINT}"),
    }
    error = errors[raised]
    with pytest.raises(RulesError) as caught, default_model_rules(given, ["fees", "time"]):
        raise error
    said = str(caught.value)
    assert type(caught.value) is type(error)  # an UnknownRuleLabelError with the note stays one
    note = "; the labels are checked against the reasons of the default model (taikai's, or $TAIKAI_MODEL): for "
    assert said == (
        f"{error}{note}rules of a model with labels of its own (trained with --free-labels), {GIVE_THE_MODEL}"
        if noted
        else str(error)
    )
