"""The churn taxonomy's labels in use: their display names, how messages list them, and parsing of label cells.

The taxonomy itself (:data:`REASONS`, :data:`SENTIMENTS`, their names and meanings) is defined in
:mod:`taikai._taxonomy` and re-exported here, its public path."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from taikai._keywords import keywords_checked
from taikai._missing import is_missing
from taikai._taxonomy import LANGUAGES as LANGUAGES
from taikai._taxonomy import REASON_IDS as REASON_IDS
from taikai._taxonomy import REASONS as REASONS
from taikai._taxonomy import SENTIMENT_MEANINGS as SENTIMENT_MEANINGS
from taikai._taxonomy import SENTIMENT_NAMES_EN as SENTIMENT_NAMES_EN
from taikai._taxonomy import SENTIMENT_NAMES_JA as SENTIMENT_NAMES_JA
from taikai._taxonomy import SENTIMENTS as SENTIMENTS
from taikai._taxonomy import Reason as Reason
from taikai.errors import check_choice, wrong_type

_NAMES = {"ja": {r.id: r.name_ja for r in REASONS}, "en": {r.id: r.name_en for r in REASONS}}
_SENTIMENT_NAMES = {"ja": SENTIMENT_NAMES_JA, "en": SENTIMENT_NAMES_EN}
_REASON_BY_NAME = {key: r.id for r in REASONS for key in (r.id, r.id.lower(), r.name_ja)}
_SENTIMENT_BY_NAME = {key: s for s, ja in SENTIMENT_NAMES_JA.items() for key in (s, ja)}


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


def parse_reasons(value: str) -> list[str]:
    """Split a ``|``-separated reasons cell into ids, primary first, without blanks or repeats."""
    return list(dict.fromkeys(part for part in (x.strip() for x in str(value).split("|")) if part))


LABEL_SEPARATORS = re.compile(r"\|+")
"""What separates several reasons in a label cell (after NFKC, which makes ``｜`` of it)."""
_BETWEEN_REASONS = re.compile(r"[,、\s]+")
"""What separates reasons of the taxonomy too (``fees、time``, ``fees time``; after NFKC ``，`` is a comma)."""
_BETWEEN_OWN = re.compile(r"\s*[,、]\s*")
"""What separates them in labels of one's own: a comma only (``Fees、時間がない``); a space is part of a label there
(``other fees``, a team's label of two taxonomy words, is one label, not ``other`` and ``fees``)."""
_SEPARATOR_CHARACTERS = ",、 \t\r\n\u3000"
"""The separators stripped from both ends of a label (``fees、`` is ``fees``, as ``fees|`` is)."""


def _split_between_reasons(part: str, as_written: bool = False) -> list[str]:
    """Return *part* split at commas and whitespace when every piece names a reason of the taxonomy (``fees、time``),
    else whole: a label of one's own (``--free-labels``) may hold a space or a comma (``late payment``, ``旅行、観光``);
    *as_written* (labels of one's own), at commas only (:data:`_BETWEEN_OWN`).
    A separator at either end separates nothing and is dropped (``fees、``, ``、``), as a ``|`` there is."""
    part = part.strip(_SEPARATOR_CHARACTERS)
    pieces = [x for x in (_BETWEEN_OWN if as_written else _BETWEEN_REASONS).split(part) if x]
    if len(pieces) > 1 and all(reason_id(x) in REASON_IDS for x in pieces):
        return pieces
    return [part] if part else []


_WHOLE_FLOAT = re.compile(r"[+-]?[0-9]+\.0+")


def label_cell(value: object) -> str:
    """Return a label cell as NFKC-normalised, stripped text, without the characters that show nothing
    (:data:`_INVISIBLE`; zero-width joiners at either end): missing values (None, NaN, and ``pandas.NA`` or
    ``NaT`` of a nullable or pyarrow column) are empty; a list (JSONL, Parquet: what ``predict --format jsonl``
    writes) is its items ``|``-separated, the first the primary; a whole number, a frame's float (a column of 0/1 with
    a NaN is float64) or a cell written so (``to_csv`` writes it ``1.0``), is ``1``, as a frame of ints reads.

    >>> label_cell(1.0), label_cell("1.0"), label_cell(0.5), label_cell(float("nan"))
    ('1', '1', '0.5', '')
    """
    if value is None or (isinstance(value, float) and value != value) or type(value).__name__ in ("NAType", "NaTType"):
        return ""
    if not isinstance(value, str) and hasattr(value, "tolist"):  # a numpy array (Parquet) or scalar
        value = value.tolist()
    if isinstance(value, list | tuple):
        return "|".join(label_cell(v) for v in value)
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", str(value))).strip().strip(_JOINERS).strip()
    return str(int(text.partition(".")[0])) if _WHOLE_FLOAT.fullmatch(text) else text


_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")
"""Characters that show nothing and mean nothing in a label (a zero-width space, a word joiner, a BOM), which NFKC
keeps: a label pasted from a chat or a web page (``fees\u200b``) was an unknown label shown as ``fees``."""
_JOINERS = "\u200c\u200d"
"""Zero-width (non-)joiners, which join the characters on both sides of them (an emoji's parts) and join nothing
at either end of a label."""


def parse_label_cell(value: object, *, as_written: bool = False) -> list[str]:
    """Return the reason ids of a label cell, first the primary, without blanks or repeats.

    Reasons are separated by ``|`` (full-width too); reasons of the taxonomy also by ``,``, ``、`` (full-width
    forms too) or whitespace. A label of one's own keeps its commas and spaces (``旅行、観光``, ``late payment``);
    *as_written*, a space is always part of a label (``other fees`` is one label of one's own).
    *as_written* (labels of one's own, see :func:`own_labels`): each label is kept as written (after NFKC), not
    turned into a taxonomy id (``その他`` stays ``その他``, ``Fees`` stays ``Fees``).
    """
    cell = label_cell(value)
    parts = (x for part in LABEL_SEPARATORS.split(cell) for x in _split_between_reasons(part, as_written))
    return list(dict.fromkeys(x if as_written else reason_id(x) for x in parts if x))


class OwnLabels(list[str]):
    """A model's labels that are its user's own (trained with ``--free-labels``, ``ModelMetadata.free_labels``):
    :func:`own_labels` says so even when all are spelt as taxonomy ids (``fees`` meaning ratings).

    A model's reasons carry its *sentiments* (labels of its own too), so that a rule labelled with one of them
    (``great``) is told it is one of the model's sentiments, not only that it is no reason."""

    def __init__(self, labels: Iterable[str] = (), sentiments: Iterable[str] = ()) -> None:
        super().__init__(labels)
        self.sentiments: tuple[str, ...] = tuple(sentiments)


def own_labels(labels: Iterable[str] | None, taxonomy: Iterable[str] = REASON_IDS) -> bool:
    """Return whether *labels* (a model's reasons, or sentiments with ``taxonomy=SENTIMENTS``) are labels of one's
    own, read exactly as written: :class:`OwnLabels` (a model trained with ``--free-labels``), or not all of them
    ids of the *taxonomy* (a model saved before its metadata recorded ``free_labels``).

    Japanese display names and ids in any case name the taxonomy's labels only for a model of the taxonomy's labels;
    a model with labels of its own (trained with ``--free-labels`` on labels not all taxonomy ids) has its labels
    kept as the data wrote them (``その他`` is not ``other`` there), in every file, sheet and rules file read for it.
    ``--free-labels`` alone does not make labels own: against a model of taxonomy ids, ``その他`` is ``other``.
    """
    return isinstance(labels, OwnLabels) or (labels is not None and not set(labels) <= set(taxonomy))


def format_reasons(labels: Iterable[str]) -> str:
    """Join reason ids into a ``|``-separated cell."""
    return "|".join(labels)


def _taxonomy_id(value: str, by_name: dict[str, str]) -> str:
    """Return the id *value* names in *by_name* (see :func:`reason_id`), else *value* stripped."""
    value = value.strip()
    found = by_name.get(value, by_name.get(value.lower()))
    if found is None and (shown := re.fullmatch(r"(\S+)\s*\((.+)\)", value)):  # as shown: low_pay (報酬・単価が低い)
        first, second = (by_name.get(x.strip(), by_name.get(x.strip().lower())) for x in shown.groups())
        found = first if first == second else None
    return found if found is not None else value


def reason_id(value: str) -> str:
    """Return the reason id that *value* names: an id (any case), a Japanese display name, or both as taikai shows
    them (``low_pay (報酬・単価が低い)``, the two naming one reason); else *value* stripped.

    >>> reason_id("報酬・単価が低い"), reason_id(" Fees "), reason_id("fees (手数料が高い)"), reason_id("mine")
    ('low_pay', 'fees', 'fees', 'mine')
    """
    return _taxonomy_id(value, _REASON_BY_NAME)


def sentiment_id(value: str) -> str:
    """Return the sentiment id that *value* names, as :func:`reason_id` reads a reason's; else *value* stripped.

    >>> sentiment_id("ネガティブ"), sentiment_id("Neutral"), sentiment_id("negative (ネガティブ)")
    ('negative', 'neutral', 'negative')
    """
    return _taxonomy_id(value, _SENTIMENT_BY_NAME)
