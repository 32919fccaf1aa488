"""taikai._message_templates: a kind of message is read back from a message by its own template only, whole or with
a note after it, and each enum of kinds reads back only its own kinds; an enum whose kinds lack a template is refused
when its templates are given, not when a message of the missing kind is first made."""

from __future__ import annotations

import pytest

from taikai._message_templates import NOTE, MessageKind, register_templates
from taikai.io import LineProblem
from taikai.text import TextProblem


class _Fruit(MessageKind):
    APPLE = "apple"
    PEAR = "pear"


_PATTERNS = register_templates(_Fruit, {_Fruit.APPLE: "an apple of {grams} g", _Fruit.PEAR: "a pear"})


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("an apple of 120 g", _Fruit.APPLE),
        (f"an apple of 120 g{NOTE}line 3: 2 undecodable byte(s)", _Fruit.APPLE),
        ("a pear", _Fruit.PEAR),
        ("a pear, said a user", None),
        ("an apple of  g", None),
        (None, None),
        (3, None),
    ],
)
def test_a_kind_is_read_back_from_its_whole_message(said, kind):
    assert _Fruit.of(said) is kind


def test_a_message_is_made_from_its_template_and_the_kind_prints_as_its_value():
    assert _Fruit.APPLE.message(grams=120) == "an apple of 120 g"
    assert _Fruit.APPLE.template == "an apple of {grams} g" and str(_Fruit.PEAR) == "pear"


@pytest.mark.parametrize("kinds", [LineProblem, TextProblem, _Fruit])
def test_each_enum_reads_back_only_its_own_kinds(kinds):
    others = [k for enum in (LineProblem, TextProblem, _Fruit) if enum is not kinds for k in enum]
    for other in others:
        if "{" not in other.template:
            assert kinds.of(other.template) is None, other


def test_kinds_without_a_template_are_refused_when_the_templates_are_given():
    class _Half(MessageKind):
        ONE = "one"
        TWO = "two"

    with pytest.raises(ValueError, match=r"_Half: no template for \['two'\]"):
        register_templates(_Half, {_Half.ONE: "one"})
