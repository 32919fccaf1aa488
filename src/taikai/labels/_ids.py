"""The taxonomy id a label names: an id in any case, a Japanese display name, or both as taikai shows them."""

from __future__ import annotations

import re

from taikai._taxonomy import REASONS, SENTIMENT_NAMES_JA

_REASON_BY_NAME = {key: r.id for r in REASONS for key in (r.id, r.id.lower(), r.name_ja)}
_SENTIMENT_BY_NAME = {key: s for s, ja in SENTIMENT_NAMES_JA.items() for key in (s, ja)}


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
