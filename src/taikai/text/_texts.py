"""Check what a text transformer is given: an iterable of texts, never a bare str, and each text a str.

The checks cost nothing per text on the batch path: :func:`texts_of` runs once per call, and :func:`not_a_text`
only after a transform failed with ``TypeError``, to say which item was not a str.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from taikai._cut import quoted
from taikai.errors import wrong_type

MISSING_HINT = "a str (fill or drop missing values first, e.g. with Series.fillna(''))"


def texts_of(texts: Iterable[Any], name: str = "X") -> Iterable[Any]:
    """Return *texts*, an iterable of texts (a one-shot iterator read into a list, so that it can be read again).

    A bare str is refused, as scikit-learn's vectorizers refuse it, rather than read character by character.
    """
    if isinstance(texts, str):
        raise ValueError(
            f"{name} must be an iterable of texts (a list, a pandas Series, …), not a single str (iterable over raw "
            f"text documents expected, string object received): wrap the text in a list, [{quoted(texts, 20)}]"
        )
    try:
        iterator = iter(texts)
    except TypeError:
        raise wrong_type(name, texts, "an iterable of texts (a list, a pandas Series, …)") from None
    return list(iterator) if iterator is texts else texts


def not_a_text(texts: Iterable[Any], error: TypeError, name: str = "X") -> TypeError:
    """Return the error for the first item of *texts* that is not a str, named by its position; *error* (what the
    transform raised) when every item is a str."""
    for i, value in enumerate(texts):
        if not isinstance(value, str):
            return wrong_type(f"item {i} of {name} (counted from 0)", value, MISSING_HINT)
    return error


def plain(text: Any) -> Any:
    """Return a str of a subclass (numpy's ``str_``, an item of a text array) as a plain str, the only kind fugashi
    takes; anything else as it is (fugashi's ``TypeError`` then says what it was, for :func:`not_a_text`)."""
    return str(text) if isinstance(text, str) and type(text) is not str else text


def plain_texts(texts: Iterable[Any]) -> list[str] | None:
    """Return *texts* as plain str when each is a str and some of a subclass (see :func:`plain`), to try a failed
    transform again; ``None`` when that would not help (every one a plain str, or one not a str at all)."""
    texts = list(texts)
    if all(isinstance(t, str) for t in texts) and any(type(t) is not str for t in texts):
        return [str(t) for t in texts]
    return None
