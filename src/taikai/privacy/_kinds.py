"""What masking returns: the kinds of personal data, where each was found, and the masked text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, NamedTuple

from taikai.text import MAX_CHARS, CheckedText, check_text


class PiiKind(str, Enum):
    """A kind of personal data and its placeholder in masked text (a ``str``, so ``PiiKind.EMAIL == "email"``)."""

    EMAIL = "email"
    URL = "url"
    PHONE = "phone"
    POSTAL_CODE = "postal_code"
    ADDRESS = "address"
    ID = "id"
    ACCOUNT = "account"
    CARD = "card"
    MY_NUMBER = "my_number"
    IP_ADDRESS = "ip_address"
    BIRTH_DATE = "birth_date"
    ACCESS_CODE = "access_code"
    NAME = "name"

    @property
    def placeholder(self) -> str:
        """The text that replaces a value of this kind, e.g. ``[メール]``."""
        return PLACEHOLDERS[self]

    def __str__(self) -> str:
        return self.value


class Found(NamedTuple):
    """A value found in the NFKC text: its span ``[start, end)`` and its kind."""

    start: int
    end: int
    kind: PiiKind


PLACEHOLDERS: dict[PiiKind, str] = {
    PiiKind.EMAIL: "[メール]",
    PiiKind.URL: "[URL]",
    PiiKind.PHONE: "[電話番号]",
    PiiKind.POSTAL_CODE: "[郵便番号]",
    PiiKind.ADDRESS: "[住所]",
    PiiKind.ID: "[ID]",
    PiiKind.ACCOUNT: "[口座]",
    PiiKind.CARD: "[カード番号]",
    PiiKind.MY_NUMBER: "[個人番号]",
    PiiKind.IP_ADDRESS: "[IPアドレス]",
    PiiKind.BIRTH_DATE: "[生年月日]",
    PiiKind.ACCESS_CODE: "[アクセスコード]",
    PiiKind.NAME: "[人名]",
}
"""The placeholder of each kind, in the order kinds are listed in summaries."""


@dataclass(frozen=True)
class PiiSpan:
    """One masked value: its kind, its span ``[start, end)`` in the original text, and its placeholder's span.

    ``masked_start``/``masked_end`` index the masked text, where ``text[masked_start:masked_end]`` is
    ``kind.placeholder``. The value itself is not kept: ``original[start:end]`` gives it back to whoever holds
    the original.
    """

    kind: PiiKind
    start: int
    end: int
    masked_start: int
    masked_end: int

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values: the kind as its value (``"email"``) and the four offsets."""
        return {
            "kind": self.kind.value,
            "start": self.start,
            "end": self.end,
            "masked_start": self.masked_start,
            "masked_end": self.masked_end,
        }


@dataclass(frozen=True)
class Masked:
    """A text with its personal data replaced by placeholders, and the spans of what was replaced (in text order)."""

    text: str
    spans: tuple[PiiSpan, ...] = ()

    def counts(self) -> dict[PiiKind, int]:
        """Return how many values of each kind were masked (kinds with none are left out), keyed by :class:`PiiKind`.

        :meth:`to_dict` gives them keyed by the kind's value (``"email"``), as ``BatchSummary.masks``.
        """
        return count_kinds(self.spans)

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values: the masked text, its spans, and the counts per kind keyed by the kind's value."""
        return {
            "text": self.text,
            "spans": [span.to_dict() for span in self.spans],
            "counts": {kind.value: n for kind, n in self.counts().items()},
        }


NEUTRAL = "○"
"""What the model reads in place of a placeholder: a mark that writers also use for a hidden name (○○さん)."""
ANY_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()), re.IGNORECASE)
"""Every placeholder, as written or lower-cased by normalisation: what :func:`neutralize` replaces by ``○``."""


_JAPANESE_KINDS = frozenset({PiiKind.NAME, PiiKind.ADDRESS})
"""The kinds whose values are Japanese text: a name, and a street address (its town or 丁目/番地 is kanji)."""
NOT_JAPANESE_PLACEHOLDERS = re.compile(
    "|".join(re.escape(p) for kind, p in PLACEHOLDERS.items() if kind not in _JAPANESE_KINDS), re.IGNORECASE
)
"""The placeholders of values that are not Japanese text (all but a name's and an address's), as written or
lower-cased: whether a masked text can be classified is judged without them (``taikai.text.check_text(...,
ignore=...)``), so that masking never turns a text of no Japanese (``090-1234-5678``) into one the model reads
(``[電話番号]``), nor one the model reads (``神南1-2-3``) into one of no Japanese."""


def placeholder_kinds(text: object) -> list[PiiKind]:
    """Return the kinds whose placeholder, as masking writes it (``[人名]``), *text* holds, in the order of
    :data:`PLACEHOLDERS` (none for a text without ``[``, or not a string): how a text shows it was masked before."""
    if not isinstance(text, str) or "[" not in text:
        return []
    return [kind for kind, placeholder in PLACEHOLDERS.items() if placeholder in text]


def neutralize(text: str) -> str:
    """Return *text* with every placeholder (as written, or lower-cased by normalisation) replaced by :data:`NEUTRAL`.

    Placeholders are words the model knows (メール, 口座, 電話番号): read as such, they would add to a reason what the
    text around them already says. A model reads ``○`` instead, as it read the unknown value that was there.
    """
    return ANY_PLACEHOLDER.sub(NEUTRAL, text) if "[" in text else text


def read_as_model(value: object, max_chars: int = MAX_CHARS) -> CheckedText:
    """Return *value* judged and normalised as a model reads it, for the model and its rules alike.

    Whether it can be classified is judged without the placeholders of masked values that are not Japanese
    (:data:`NOT_JAPANESE_PLACEHOLDERS`), and the text of an ``ok`` value has its placeholders as ``○``
    (:func:`neutralize`): a rule written with ``○`` matches a masked text wherever it is applied.
    """
    checked = check_text(value, max_chars, NOT_JAPANESE_PLACEHOLDERS)
    if checked.ok and "[" in checked.text:  # a placeholder needs a [: most texts pass as they are, spared a copy
        return checked._replace(text=neutralize(checked.text))
    return checked


def format_counts(counts: Mapping[PiiKind, int] | Mapping[str, int]) -> str:
    """Return masks per kind (keyed by kind or its value) as ``name [人名] 3, phone [電話番号] 1``, or ``none found``.

    Kinds are listed in the order of :data:`PLACEHOLDERS`.
    """
    shown = [f"{kind.value} {kind.placeholder} {counts[kind]:,}" for kind in PiiKind if counts.get(kind)]
    return ", ".join(shown) if shown else "none found"


def sum_counts(counts: Iterable[Mapping[PiiKind, int]]) -> dict[str, int]:
    """Add up masks per kind (e.g. one mapping per row) into counts keyed by the kind's value, in the usual order."""
    total: Counter[PiiKind] = Counter()
    for row in counts:
        total.update(row)
    return {kind.value: total[kind] for kind in PLACEHOLDERS if total[kind]}


def count_kinds(spans: tuple[PiiSpan, ...] | list[PiiSpan]) -> dict[PiiKind, int]:
    """Count *spans* per kind, in the order of :data:`PLACEHOLDERS`."""
    counted = Counter(span.kind for span in spans)
    return {kind: counted[kind] for kind in PLACEHOLDERS if counted[kind]}
