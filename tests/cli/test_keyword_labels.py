"""``taikai keywords LABEL…``: the strongest features of the labels named only."""

import json

import pytest
from click.testing import CliRunner

from taikai.cli import cli


def _keywords(model_dir, *args):
    return CliRunner().invoke(cli, ["keywords", *args, "--model", str(model_dir), "--top", "3"])


@pytest.mark.parametrize(
    ("labels", "heads"),
    [
        # regression: `taikai keywords fees` was refused (given more arguments than it takes): no way to ask for
        # the keywords of one reason but to read every label's
        (["fees"], ["reason fees (手数料が高い)"]),
        (["手数料が高い"], ["reason fees (手数料が高い)"]),
        (["FEES"], ["reason fees (手数料が高い)"]),
        (["ネガティブ", "low_pay"], ["reason low_pay (報酬・単価が低い)", "sentiment negative"]),  # the model's order
        (["negative", "negative"], ["sentiment negative"]),
        ([], None),  # every label, as before
    ],
)
def test_keywords_lists_the_labels_named(tiny_model_dir, labels, heads):
    result = _keywords(tiny_model_dir, *labels)
    assert result.exit_code == 0, result.output
    shown = [line.split(":")[0] for line in result.stdout.splitlines()]
    assert shown == (heads or [line.split(":")[0] for line in _keywords(tiny_model_dir).stdout.splitlines()])
    assert len(shown) == (len(heads) if heads else 11)


def test_keywords_json_holds_the_labels_named(tiny_model_dir):
    result = _keywords(tiny_model_dir, "fees", "positive", "--format", "json")
    data = json.loads(result.stdout)
    assert (list(data["reason"]), list(data["sentiment"])) == (["fees"], ["positive"])
    assert len(data["reason"]["fees"]) == 3


@pytest.mark.parametrize(
    ("label", "meant"),
    [
        ("fess", " (did you mean fees (手数料が高い)?)"),
        ("低単価", " (did you mean low_pay (報酬・単価が低い)?)"),
        ("negatve", " (did you mean negative (ネガティブ)?)"),
        ("xyz", ""),
    ],
)
def test_keywords_refuses_a_label_the_model_has_not(tiny_model_dir, label, meant):
    result = _keywords(tiny_model_dir, "fees", label)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"taikai: error: keywords: {label!r} is no reason or sentiment of the model{meant}: its reasons are low_pay, "
        "fees, rejection, time, graduated, platform_switch, trouble, other, its sentiments positive, neutral, "
        "negative; give one or more of them, or none for all\n"
    )
