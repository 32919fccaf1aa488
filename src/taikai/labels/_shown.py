"""Labels as messages, tables and charts show them: quoted where a list would read otherwise
(:func:`shown_label`, :func:`label_list`), with their display names (:func:`named_labels`), and in the one order
every table, chart, list and file shows them (:func:`label_order`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from taikai._taxonomy import REASON_IDS
from taikai.labels._names import reason_name, sentiment_name

_NEEDS_QUOTES = re.compile(r"[,、，|｜'\"]|^\s|\s$")
"""What makes a label ambiguous in a list: a comma or a ``|`` (separators of lists and label cells), a quote, or a
space at either end. A space inside (``late payment``) leaves a list of ``, `` readable and is not quoted."""


def shown_label(label: str) -> str:
    """Return *label* as messages show it in a list: as it is, or quoted (``'支払い, 遅延'``) when it holds a comma, a
    ``|``, a quote or a space at an end (a label of one's own may), or is empty, so that the list reads one way."""
    return repr(label) if not label or _NEEDS_QUOTES.search(label) else label


_ENDS_IN_A_NUMBER = re.compile(r"[0-9０-９]$")


def counted_label(label: str) -> str:
    """Return *label* as a list of counts or shares shows it before its number (``1 86, 2 46``): as
    :func:`shown_label` shows it, and quoted when it ends in a digit (a code ``1``, ``カテゴリ 01``), lest the
    number after it read as part of it: ``'1' 59.9% · '3' 27.0%``, ``fees 12``.

    >>> counted_label("1"), counted_label("fees"), counted_label("カテゴリ 01")
    ("'1'", 'fees', "'カテゴリ 01'")
    """
    return repr(label) if _ENDS_IN_A_NUMBER.search(label) else shown_label(label)


def label_list(labels: Iterable[str], separator: str = ", ") -> str:
    """Return *labels* joined with *separator*, each as :func:`shown_label` shows it: ``独立, '支払い, 遅延', 家庭``."""
    return separator.join(shown_label(label) for label in labels)


def named_labels(labels: Iterable[str], taxonomy: Iterable[str]) -> str:
    """Return *labels* listed for a message in the order of *taxonomy* (:data:`REASON_IDS` or :data:`SENTIMENTS`),
    each of the taxonomy with its Japanese display name: ``positive (ポジティブ), neutral (中立)``; a label of one's own
    as :func:`shown_label` shows it."""
    order = list(taxonomy)
    names = {x: reason_name(x) if x in REASON_IDS else sentiment_name(x) for x in order}
    return ", ".join(
        shown_label(x) + (f" ({names[x]})" if names.get(x, x) != x else "") for x in label_order(labels, order)
    )


def display_order(labels: Iterable[object], preferred: Iterable[str]) -> list[str]:
    """Return the distinct *labels* as strings, those in *preferred* first in its order, the rest alphabetically."""
    rank = {label: i for i, label in enumerate(preferred)}
    return sorted({str(x) for x in labels}, key=lambda x: (rank.get(x, len(rank)), x))


_WHOLE_NUMBER = re.compile(r"[0-9]+")


def label_order(labels: Iterable[object], taxonomy: Iterable[str]) -> list[str]:
    """Return a model's distinct *labels* (reasons, or sentiments with ``taxonomy=SENTIMENTS``) as strings, in the
    order every table, chart, list and file shows them: labels all of the *taxonomy* in its order (``positive,
    neutral, negative``); labels of one's own (any of them outside the taxonomy) in their own order, whatever
    their spelling: whole numbers by value (``2`` before ``10``), then the rest alphabetically, so that a taxonomy
    name among them (``neutral`` beside ``bad`` and ``great``) takes no taxonomy place.

    >>> from taikai.labels import SENTIMENTS
    >>> label_order(["other", "fees"], REASON_IDS), label_order(["neutral", "great", "bad"], SENTIMENTS)
    (['fees', 'other'], ['bad', 'great', 'neutral'])
    >>> label_order(["10", "2", "1"], SENTIMENTS)
    ['1', '2', '10']
    """
    found = {str(x) for x in labels}
    rank = {label: i for i, label in enumerate(taxonomy)}
    if found <= set(rank):
        return sorted(found, key=rank.__getitem__)
    return sorted(found, key=lambda x: (0, int(x), x) if _WHOLE_NUMBER.fullmatch(x) else (1, 0, x))
