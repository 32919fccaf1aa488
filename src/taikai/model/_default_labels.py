"""Labels checked against the default model's reasons when no model was given: an error about a label it lacks
says so, and to give the model those labels belong to (a ``--free-labels`` model's sheet or rules used without it)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from taikai.errors import MODEL, UnknownRuleLabelError


def default_model_labels(what: str) -> str:
    """Return what an error about labels the default model does not know adds when no model was given (*what*: whose
    labels they are, such as ``a sheet`` or ``rules``): they were checked against the default model's reasons, and
    the model with labels of its own they belong to is to be given."""
    return (
        "the labels are checked against the reasons of the default model (taikai's, or $TAIKAI_MODEL): for "
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
