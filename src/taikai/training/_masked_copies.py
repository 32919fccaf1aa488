"""Tell an added row that is a base row with its personal data masked (``taikai suggest --mask-pii``), or the reverse,
and an added row that is another added row masked (in another ``--add`` file, or the same one).

An added row is a duplicate of a base row when their texts have the same key (:func:`text_keys`); a masked copy
has placeholders (``[人名]``, ``[電話番号]``) where the other has the values, so the keys differ. When the added rows
hold placeholders, the base rows that may be their unmasked texts are masked and keyed too; when the base rows do,
the added rows that may be theirs. The added rows left that hold placeholders are compared with the other added
rows left in the same way: a match gets the masked row's key, so the two are one repeated row. Only the texts a
:class:`taikai.privacy.MaskedScreen` lets through are masked (masking costs about 0.13 ms a row), and a row is
masked only to be compared with rows that hold placeholders.
"""

from __future__ import annotations

from collections.abc import Sequence

from taikai.privacy import ANY_PLACEHOLDER, NOT_JAPANESE_PLACEHOLDERS, MaskedScreen
from taikai.text import check_text, same_text_key
from taikai.training._text_keys import text_keys


def _plain_key(text: object) -> str:
    """Return the key of *text* with its placeholders as written (the screen splits texts at them)."""
    return same_text_key(check_text(text, ignore=NOT_JAPANESE_PLACEHOLDERS).text)


def _masked(texts: Sequence[object], rows: list[int]) -> list[str]:
    """Return the key of each text of *rows* once its personal data is masked."""
    import pandas as pd

    from taikai.privacy import default_masker

    masked, _ = default_masker().mask_each([texts[n] for n in rows])
    return text_keys(pd.Series(masked, dtype=object))


def _holding_placeholders(texts: Sequence[object], rows: Sequence[int]) -> list[int]:
    return [n for n in rows if ANY_PLACEHOLDER.search(str(texts[n]))]


def added_keys(
    base_texts: Sequence[object], base_keys: Sequence[str], added_texts: Sequence[object], added_keys: Sequence[str]
) -> list[str]:
    """Return the key of each added row, as :func:`text_keys` made it (*added_keys*), or, for a masked copy of a
    base row (or a row of which a base row is a masked copy), that base row's key; and for an added row of which
    another added row (not a base row's copy) is a masked copy, that row's key."""
    known = set(base_keys)
    out = list(added_keys)
    new = [n for n, k in enumerate(out) if k and k not in known]
    if not new:
        return out
    masked_added = _holding_placeholders(added_texts, new)
    masked_base = _holding_placeholders(base_texts, [n for n, k in enumerate(base_keys) if k])
    if masked_added:  # a masked sheet of base rows: mask the base rows that may be theirs
        wanted = {out[n] for n in masked_added}
        screen = MaskedScreen(_plain_key(added_texts[n]) for n in masked_added)
        skip = set(masked_base)
        rows = [n for n, k in enumerate(base_keys) if k and n not in skip and screen.may_match(k)]
        copies = {m: base_keys[n] for n, m in zip(rows, _masked(base_texts, rows), strict=True) if m in wanted}
        for n in masked_added:
            out[n] = copies.get(out[n], out[n])
    if masked_base:  # masked base rows: mask the added rows that may be their unmasked texts
        screen = MaskedScreen(_plain_key(base_texts[n]) for n in masked_base)
        skip = set(masked_added)
        rows = [n for n in new if out[n] not in known and n not in skip and screen.may_match(out[n])]
        for n, m in zip(rows, _masked(added_texts, rows), strict=True):
            out[n] = m if m in known else out[n]
    return _among_added(added_texts, out, known, set(masked_added))


def _among_added(texts: Sequence[object], keys: list[str], known: set[str], masked: set[int]) -> list[str]:
    """Return *keys* with each added row of which another added row is a masked copy keyed as that copy; the rows
    of *masked* hold placeholders, those whose key is *known* (a base row's) are left as they are."""
    copies = [n for n in sorted(masked) if keys[n] not in known]
    if not copies:
        return keys
    wanted = {keys[n] for n in copies}
    screen = MaskedScreen(_plain_key(texts[n]) for n in copies)
    rows = [n for n, k in enumerate(keys) if k and k not in known and n not in masked and screen.may_match(k)]
    out = list(keys)
    for n, m in zip(rows, _masked(texts, rows), strict=True):
        out[n] = m if m in wanted else out[n]
    return out
