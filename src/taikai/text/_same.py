"""When two texts count as the same review: the key of duplicate and training-overlap checks.

The key is the text as the model sees it (:func:`taikai.text.normalize`) with the characters that a CP932 round trip
changes folded together. Excel on Japanese Windows, and ``--output-encoding cp932``, write 〜 (U+301C) as ～
(U+FF5E), − (U+2212) as － (U+FF0D) and ‖ (U+2016) as ∥ (U+2225); after NFKC these are ``~``, ``-`` and ``∥`` while
the originals stay, so a CP932 copy of a review would count as another text. (¢ £ ¬ become ￠ ￡ ￢, which NFKC folds
back.) — (U+2014), which Windows writes as ― (U+2015), is folded too. Only the key folds: the model's features do not.
"""

from __future__ import annotations

from taikai.errors import wrong_type

CP932_ROUND_TRIP = {
    "\u301c": "~",  # 〜 wave dash; CP932 gives ～ (U+FF5E), which NFKC makes ~
    "\u2212": "-",  # − minus sign; CP932 gives － (U+FF0D), which NFKC makes -
    "\u2016": "\u2225",  # ‖ double vertical line; CP932 gives ∥ (U+2225), which NFKC keeps
    "\u2014": "\u2015",  # — em dash, which Windows writes as ― (U+2015); Python's cp932 cannot encode it
}
"""Each character of a normalised text that a CP932 round trip (then NFKC) turns into another, and that other."""
_FOLD = str.maketrans(CP932_ROUND_TRIP)


def same_text_key(normalized: str) -> str:
    """Return the key of a text already normalised (``check_text(value).text``): equal keys, same review."""
    try:
        return normalized.translate(_FOLD)
    except (AttributeError, TypeError):
        if isinstance(normalized, str):
            raise
        raise wrong_type("normalized", normalized, "a str (a text normalised by check_text)") from None
