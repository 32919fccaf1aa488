"""The display names of labels: a reason's or a sentiment's in Japanese or English (:func:`reason_name`,
:func:`sentiment_name`), or the label itself when it is one of the model's own (:mod:`taikai.labels._own`)."""

from __future__ import annotations

from collections.abc import Iterable

from taikai._keywords import keywords_checked
from taikai._missing import is_missing
from taikai._taxonomy import REASONS, SENTIMENT_NAMES_EN, SENTIMENT_NAMES_JA, SENTIMENTS
from taikai.errors import check_choice, wrong_type
from taikai.labels._own import own_labels

_NAMES = {"ja": {r.id: r.name_ja for r in REASONS}, "en": {r.id: r.name_en for r in REASONS}}
_SENTIMENT_NAMES = {"ja": SENTIMENT_NAMES_JA, "en": SENTIMENT_NAMES_EN}


def _check_label(label: object, head: str, example: str) -> None:
    """Raise ``TypeError`` naming argument ``label`` unless *label* (of *head*: ``reason`` or ``sentiment``) is a str:
    a missing one is a row not classified, several (a Series, a list) a column to map, which the message says how
    to do."""
    if isinstance(label, str):
        return
    function = f"{head}_name"
    if is_missing(label):
        hint = f": a row not classified has no {head}; map a column with .map({function}, na_action='ignore')"
    elif isinstance(label, Iterable) and not isinstance(label, bytes):  # a Series, a list, an array: one name each
        hint = f": name one label, or map a column of them with df[{head!r}].map({function}, na_action='ignore')"
    else:
        hint = ""
    what = "a reason id" if head == "reason" else f"a {head}"
    raise TypeError(f"{wrong_type('label', label, f'{what} (str) such as {example!r}')}{hint}")


@keywords_checked
def reason_name(label: str, lang: str = "ja", labels: Iterable[str] | None = None) -> str:
    """Return the display name of a reason id in *lang* (``ja`` or ``en``), or the id itself outside the taxonomy.

    *labels*, the model's reasons: when they are labels of one's own (:func:`own_labels`), every label is its own
    name, as written (``fees`` beside ``Fees`` is not 手数料が高い). A *label* that is not a str is refused
    (``TypeError``): a label is text, and ``3`` given back as its own name would hide the mistake.

    >>> reason_name("fees"), reason_name("fees", labels=["fees", "Fees"])
    ('手数料が高い', 'fees')
    """
    _check_label(label, "reason", "fees")
    check_choice("lang", lang, _NAMES)
    if own_labels(_given_labels(labels)):
        return label
    return _NAMES[lang].get(label, label)


def _given_labels(labels: object, of: str = "reasons") -> Iterable[str] | None:
    """Return the model's labels given to a naming function: ``None`` or a collection of them (not one label as a
    str, whose letters would be read as labels of one's own); else raise ``TypeError`` naming the argument."""
    if labels is not None and (isinstance(labels, str) or not isinstance(labels, Iterable)):
        raise wrong_type("labels", labels, f"a list of {of[:-1]} labels (model.{of[:-1]}_labels) or None")
    return labels


def reason_with_id(label: str, lang: str = "ja", labels: Iterable[str] | None = None) -> str:
    """Return ``display name (id)`` of a reason, or the id alone when that is its name (a label of one's own; the
    model's reasons *labels* as :func:`reason_name` reads them)."""
    name = reason_name(label, lang, labels)
    return label if name == label else f"{name} ({label})"


def named_reason(label: str, lang: str = "ja", labels: Iterable[str] | None = None) -> str:
    """Return ``id (display name)`` of a reason, or the id alone when that is its name (a label of one's own; the
    model's reasons *labels* as :func:`reason_name` reads them)."""
    name = reason_name(label, lang, labels)
    return label if name == label else f"{label} ({name})"


def sentiment_name(label: str, lang: str = "ja", labels: Iterable[str] | None = None) -> str:
    """Return the display name of a sentiment in *lang* (``ja`` or ``en``), or the label itself if unknown, or when
    *labels*, the model's sentiments, are labels of one's own (:func:`own_labels`). A *label* that is not a str is
    refused (``TypeError``), as :func:`reason_name` refuses it."""
    _check_label(label, "sentiment", "negative")
    check_choice("lang", lang, _SENTIMENT_NAMES)
    if own_labels(_given_labels(labels, "sentiments"), SENTIMENTS):
        return label
    return _SENTIMENT_NAMES[lang].get(label, label)
