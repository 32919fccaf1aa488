"""Find the predicted columns of a file that ``taikai batch --prefix`` (or ``predict_frame(prefix=…)``) wrote.

With ``--prefix pred_`` batch writes ``pred_reason``, ``pred_sentiment``, ``pred_p_reason_*``, … beside the input's
own columns, which may include a ``reason`` of the user's: that is why the prefix exists. The readers of
predictions (report, suggest, drift) find the prefix here and give the predicted columns their plain names back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from taikai.errors import InputError
from taikai.model._classified import LABEL_COLUMNS
from taikai.rules import MODEL_REASON, RULE_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

PREDICTED = frozenset((*LABEL_COLUMNS, *RULE_COLUMNS, MODEL_REASON))
"""The plain names of the columns a classification adds, besides the probabilities."""
PROBABILITIES = ("p_reason_", "p_sentiment_")
INPUT_MARK = "input_"
"""Put before an input column whose name a predicted column takes back (the user's own ``reason``)."""


def prediction_prefixes(columns: Sequence[str]) -> list[str]:
    """Return each prefix P (``""`` for none) under which *columns* hold P+reason, P+sentiment and P+p_reason_*."""
    names = [str(c) for c in columns]
    found: list[str] = []
    for name in names:
        prefix = name.removesuffix("reason")
        if (
            name.endswith("reason")
            and prefix not in found
            and prefix + "sentiment" in names
            and any(n.startswith(prefix + "p_reason_") for n in names)
        ):
            found.append(prefix)
    return found


def _shown(prefixes: Sequence[str]) -> str:
    return ", ".join(repr(p) for p in prefixes)


def find_prefix(columns: Sequence[str], source: str, chosen: str | None = None, recorded: str | None = None) -> str:
    """Return the prefix of the predicted columns of *source* (``""``: plain names, or none found).

    *chosen* (``--prefix``) must be one the columns hold. Else the one set found is taken; with several, the one
    the batch summary *recorded*, or else an :class:`InputError` lists them. Finding none is not an error here:
    a raw dump has none, and each reader says what it needs.
    """
    found = prediction_prefixes(columns)
    if chosen is not None:
        if chosen in found:
            return chosen
        have = f"the predicted columns found have the prefixes {_shown(found)}" if found else "it has none"
        raise InputError(
            f"{source}: no predicted columns with the prefix {chosen!r} ({chosen}reason, {chosen}sentiment, "
            f"{chosen}p_reason_*); {have}. Pass one of them with --prefix"
        )
    if recorded is not None and recorded in found:
        return recorded
    if len(found) > 1:
        raise InputError(
            f"{source}: {len(found)} sets of predicted columns, with the prefixes {_shown(found)}; choose one "
            "with --prefix ('' for the columns without a prefix)"
        )
    return found[0] if found else ""


def unprefixed(columns: Sequence[str], prefix: str) -> list[str]:
    """Return *columns* renamed: the predicted ones under *prefix* get their plain names, and an input column
    that had such a name gets ``input_`` before it (``reason`` → ``input_reason``, more ``input_`` if taken)."""
    names = [str(c) for c in columns]
    if not prefix:
        return names
    plain = {
        n: n[len(prefix) :]
        for n in names
        if n.startswith(prefix) and (n[len(prefix) :] in PREDICTED or n[len(prefix) :].startswith(PROBABILITIES))
    }
    taken = set(plain.values())
    used = set(names) | taken
    out = []
    for name in names:
        if name in plain:
            out.append(plain[name])
        elif name in taken:
            moved = INPUT_MARK + name
            while moved in used:
                moved = INPUT_MARK + moved
            used.add(moved)
            out.append(moved)
        else:
            out.append(name)
    return out


def predictions_frame(
    frame: pd.DataFrame, source: str, chosen: str | None = None, recorded: str | None = None
) -> pd.DataFrame:
    """Return *frame* with its predicted columns under their plain names (see :func:`find_prefix`)."""
    prefix = find_prefix(list(frame.columns), source, chosen, recorded)
    return frame.set_axis(unprefixed(list(frame.columns), prefix), axis=1) if prefix else frame
