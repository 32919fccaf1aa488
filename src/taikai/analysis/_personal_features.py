"""``keywords(..., mask_pii=True)`` (``taikai keywords --mask-pii``): the features that may hold personal data.

A model's features are pieces of its training texts: a word n-gram can be a name (``佐藤 さん``), a character
n-gram a piece of a phone number (``1234``) or of an address. Under masking, a feature is left out, and the next
strongest shown, when masking changes it or its words glued as the text had them (``taikai.mask_pii``:
``いち か ちゃん`` is no name with its spaces, ``いちかちゃん`` is), when UniDic tags a word of it as a person's or a
place's name (as drift leaves such words out of its new words), when it holds four digits in a row, or three from
a 0 (a piece of a phone, account or card number: ``090``, ``1234``; a price such as ``1000円`` goes too), or an
``@`` (a piece of an e-mail address or a handle). Best effort: a piece of a name UniDic does not read as one
(``藤さ``) stays, and so does a word of an address that is a word too (``example``).
"""

from __future__ import annotations

import re
from functools import lru_cache

_PIECES = re.compile(r"[0０][0-9０-９]{2}|[0-9０-９]{4}|[@＠]")
"""Three digits in a row from a 0 (a phone number's first: ``090``), four digits in a row, or an at sign."""


@lru_cache(maxsize=65536)
def personal(feature: str) -> bool:
    """Return whether the feature *feature* (a word n-gram, its words joined by spaces, or a character n-gram) may
    hold personal data (see the module's rules)."""
    from taikai.drift import HiddenWords
    from taikai.privacy import mask_pii

    joined = feature.replace(" ", "")  # a word n-gram's words as the text had them: 結局 いち か ちゃん
    if _PIECES.search(feature) or mask_pii(feature).text != feature or mask_pii(joined).text != joined:
        return True
    names, _ = HiddenWords().of(joined)
    return bool(names)
