"""Say a count of rows as English does: ``1 row``, ``0 rows``, ``6,823 rows``."""

from __future__ import annotations


def rows(count: int) -> str:
    """Return *count* with thousands separators and ``row`` or ``rows`` after it, as its number wants."""
    return f"{count:,} row{'' if count == 1 else 's'}"
