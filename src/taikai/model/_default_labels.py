"""Rules and labels checked against the labels of the model used: :func:`checked_rules` (and
:func:`checked_ruleset`) read rules and check their labels, the one way every caller does; when no model was given,
an error about a label the default model lacks says so, and to give the model those labels belong to (a
``--free-labels`` model's sheet or rules used without it)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from taikai.errors import MODEL, UnknownRuleLabelError
from taikai.rules import RuleMatcher, RulesGiven, read_rules, resolve_rules

if TYPE_CHECKING:
    from taikai.model._model import Model
    from taikai.rules import RuleSet


def default_model_labels(what: str) -> str:
    """Return what an error about labels the default model does not know adds when no model was given (*what*: whose
    labels they are, such as ``a sheet`` or ``rules``): they were checked against the default model's reasons, and
    the model with labels of its own they belong to is to be given."""
    return (
        "the labels are checked against those of the default model (taikai's, or $TAIKAI_MODEL): for "
        f"{what} of a model with labels of its own (trained with --free-labels), give that model with {MODEL}"
    )


@contextmanager
def default_model_rules(given: object, labels: Sequence[str]) -> Iterator[None]:
    """Run the block that reads and checks rules against *labels* (the reasons of the model used); when no model was
    *given* (``None``: the default model was used), a :class:`~taikai.errors.UnknownRuleLabelError` (a rule label
    not among them) ends with :func:`default_model_labels`."""
    try:
        yield
    except UnknownRuleLabelError as error:
        if given is not None:
            raise
        raise UnknownRuleLabelError(f"{error}; {default_model_labels('rules')}") from error


def checked_ruleset(rules: RulesGiven, model: Model, given: object) -> RuleSet | None:
    """Return the rule set *rules* is or names (:func:`taikai.rules.read_rules`; ``None``: no rules), every rule's
    label read as *model* reads labels and checked to be one of its reasons; a file's labels are checked with its
    other problems, all said at once. *given* is the model the caller was given (``None``: the default model was
    used, and an error about a label says so, see :func:`default_model_rules`)."""
    labels = model.reason_labels
    with default_model_rules(given, labels):
        ruleset = read_rules(rules, labels)
        if ruleset is not None:
            ruleset.check_labels(labels)
    return ruleset


def checked_rules(rules: RulesGiven, model: Model, given: object) -> RuleMatcher | None:
    """Return *rules* checked as :func:`checked_ruleset` checks them, compiled (a matcher given is kept, relabelled
    when its labels read otherwise for *model*): what :meth:`taikai.Model.classify` matches."""
    ruleset = checked_ruleset(rules, model, given)
    # a file is read once: its rule set is compiled; a matcher keeps its compiled patterns
    return resolve_rules(rules if isinstance(rules, RuleMatcher) else ruleset, model.reason_labels)
