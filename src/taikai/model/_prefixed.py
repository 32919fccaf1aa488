"""Find the predicted columns of a file that ``taikai batch --prefix`` (or ``predict_frame(prefix=…)``) wrote.

With ``--prefix pred_`` batch writes ``pred_reason``, ``pred_sentiment``, ``pred_p_reason_*``, … beside the input's
own columns, which may include a ``reason`` of the user's: that is why the prefix exists. The readers of
predictions (report, suggest, drift) find the prefix here and give the predicted columns their plain names back."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from taikai._masked_messages import errors_masked
from taikai.errors import Argument, InputError, check_str
from taikai.labels import label_cell
from taikai.model._classified import LABEL_COLUMNS
from taikai.model._edited_cells import STATUSES, edited_cell, not_a_label, not_a_probability, not_a_status
from taikai.model._frame_columns import plain_columns
from taikai.rules import MODEL_REASON, RULE_COLUMNS
from taikai.text import Status

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

PREDICTED = frozenset((*LABEL_COLUMNS, *RULE_COLUMNS, MODEL_REASON))
"""The plain names of the columns a classification adds, besides the probabilities."""
PROBABILITIES = ("p_reason_", "p_sentiment_")


def predicted_column(name: object) -> bool:
    """Return whether *name* is the plain name of a column a classification adds (``status``, ``reason``,
    ``p_reason_fees``, …: :data:`PREDICTED` or a probability)."""
    return isinstance(name, str) and (name in PREDICTED or name.startswith(PROBABILITIES))


INPUT_MARK = "input_"
"""Put before an input column whose name a predicted column takes back (the user's own ``reason``)."""

_PREFIX = Argument("prefix", "--prefix")
_CHOSEN = "a str such as 'pred_' ('' for the columns without one), or None to find it"
_NONE = "it has no predicted columns at all (a raw dump, not a taikai batch output): leave out"


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
    check_str(_PREFIX, chosen, _CHOSEN, none=True)  # before `in`: a Series given is not "ambiguous"
    found = prediction_prefixes(columns)
    if chosen is not None:
        if chosen in found:
            return chosen
        have = f"the predicted columns found have the prefixes {_shown(found)}. Pass one of them with"
        raise InputError(
            f"{source}: no predicted columns with the prefix {chosen!r} ({chosen}reason, {chosen}sentiment, "
            f"{chosen}p_reason_*); {have if found else _NONE} {_PREFIX}"
        )
    if recorded is not None and recorded in found:
        return recorded
    if len(found) > 1:
        raise InputError(
            f"{source}: {len(found)} sets of predicted columns, with the prefixes {_shown(found)}; choose one "
            f"with {_PREFIX} ('' for the columns without a prefix)"
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


@errors_masked
def predictions_frame(
    frame: pd.DataFrame,
    source: str,
    chosen: str | None = None,
    recorded: str | None = None,
    mask_pii: bool = False,
) -> pd.DataFrame:
    """Return *frame* with its predicted columns under their plain names (see :func:`find_prefix`) and its
    probabilities as numbers: a cell that holds none, a reason (or sentiment) without its ``p_reason_``
    (``p_sentiment_``) column, or a status other than ok, empty and error, is an :class:`InputError` naming the
    column and data row (*mask_pii*: a text it quotes masked)."""
    frame = plain_columns(frame)  # predict_frame's output of a frame with levels: ('reason', '') is reason
    prefix = find_prefix(list(frame.columns), source, chosen, recorded)
    named = frame.set_axis(unprefixed(list(frame.columns), prefix), axis=1) if prefix else frame
    return checked_probabilities(named, source, prefix, mask_pii)


_SLACK = 1e-6  # rounding in a written probability


@errors_masked
def probabilities(
    values: Sequence[object] | pd.Series,
    source: str,
    column: str,
    start: int = 0,
    mask_pii: bool = False,
    index: Sequence[Hashable] | None = None,
) -> np.ndarray:
    """Return the probabilities in the cells *values* of *column* (NaN for an empty one), or raise
    :func:`not_a_probability` for the first that holds none (*start*: the data row of the first cell, from 0;
    *mask_pii*: a text quoted there masked; *index*: the labels of a frame's rows)."""
    import numpy as np
    import pandas as pd

    cells = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if pd.api.types.is_numeric_dtype(cells.dtype) and not pd.api.types.is_bool_dtype(cells.dtype):
        numbers = cells.astype(float).to_numpy()  # read as numbers already: only the range is left to check
        unread = np.zeros(len(numbers), dtype=bool)
    else:
        numbers = pd.to_numeric(cells.astype(object), errors="coerce").astype(float).to_numpy()
        # A cell that does not read as a number is an error unless it is empty (missing, or blank text): only
        # those few cells are looked at one by one.
        unread = np.isnan(numbers)
        for at in unread.nonzero()[0]:
            value = cells.iloc[at]
            unread[at] = not (_missing(value) or (isinstance(value, str) and not value.strip()))
    with np.errstate(invalid="ignore"):
        bad = unread | (numbers < -_SLACK) | (numbers > 1 + _SLACK)
    if bad.any():
        at = int(bad.nonzero()[0][0])
        value = cells.iloc[at]
        shown = value.item() if isinstance(value, np.generic) else value  # 2.0, not np.float64(2.0)
        if isinstance(shown, str) and not np.isnan(numbers[at]):  # a number out of range: as a frame's reads, 1.5
            shown = float(numbers[at])
        raise not_a_probability(source, column, start + at, shown, mask_pii, index)
    result: np.ndarray = numbers
    return result


def _missing(value: object) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array in a cell: not missing
        return False


def checked_probabilities(frame: pd.DataFrame, source: str, prefix: str = "", mask_pii: bool = False) -> pd.DataFrame:
    """Return *frame* (plain column names) with every ``p_reason_*`` and ``p_sentiment_*`` column as numbers.

    An empty cell stays missing (rows batch set aside have none). A cell that is not a number, or a number
    outside [0, 1], is an :class:`InputError` naming *source*, the column (as the file names it, with *prefix*),
    the data row and the value; so is a reason in ``reason``, ``reasons`` or ``model_reason`` that has no
    ``p_reason_`` column (one was deleted): the row would be counted under another reason; and so is a
    ``sentiment`` without its ``p_sentiment_`` column, or a ``status`` other than ``ok``, ``empty`` and ``error``
    (the cells were edited: the value would be shown as a label or status). With *mask_pii*, a text such an error
    quotes has its personal data masked.
    """
    import pandas as pd

    converted: dict[str, pd.Series] = {}
    for column in (str(c) for c in frame.columns if str(c).startswith(PROBABILITIES)):
        raw = frame[column]
        if isinstance(raw, pd.DataFrame):  # two columns of one name: the readers say so elsewhere
            continue
        numbers = probabilities(raw.reset_index(drop=True), source, prefix + column, 0, mask_pii, frame.index)
        converted[column] = pd.Series(numbers, index=frame.index)
    reasons = {c.removeprefix("p_reason_") for c in converted if "_reason_" in c}
    sentiments = {c.removeprefix("p_sentiment_") for c in converted if c.startswith("p_sentiment_")}
    _check_reason_columns(frame, source, prefix, reasons, mask_pii)
    if sentiments:  # as reasons: a frame without the columns names its sentiments by its values (sentiment_labels)
        _check_cells(frame, source, prefix, "sentiment", sentiments, mask_pii)
    if reasons:  # predictions: the statuses batch writes, and no others; an ok row with its reason
        _check_cells(frame, source, prefix, "status", STATUSES, mask_pii)
        _check_ok_rows_have_reason(frame, source, prefix)
    return frame.assign(**converted) if converted else frame


def _check_reason_columns(
    frame: pd.DataFrame, source: str, prefix: str, reasons: set[str], mask_pii: bool = False
) -> None:
    import pandas as pd

    if not reasons:
        return
    for column in ("reason", MODEL_REASON, "reasons"):
        values = frame[column] if column in frame.columns else None
        if not isinstance(values, pd.Series):
            continue
        # The few distinct cells are split, not the million rows. Cells that are not text (a list a frame's
        # reasons were split into, say) are not checked, as before; they cannot go through unique().
        texts = values[values.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)]
        seen = {v: [x for x in v.split("|") if x and x not in reasons] for v in texts.unique()}
        wrong = values.isin([v for v, found in seen.items() if found]).to_numpy(dtype=bool)
        if wrong.any():
            at = int(wrong.nonzero()[0][0])
            label = seen[values.iloc[at]][0]
            raise not_a_label(
                source,
                prefix + column,
                at,
                "reason",
                label,
                reasons,
                prefix=prefix,
                mask_pii=mask_pii,
                index=frame.index,
            )


def _check_ok_rows_have_reason(frame: pd.DataFrame, source: str, prefix: str) -> None:
    """Refuse a row of status ``ok`` whose ``reason`` is blank: batch writes one on every such row, and the report
    would count the row as classified in its status table but leave it out of every other figure."""
    import pandas as pd

    status, reason = (frame[c] if c in frame.columns else None for c in ("status", "reason"))
    if not isinstance(status, pd.Series) or not isinstance(reason, pd.Series):
        return
    blank = reason.isna() | reason.astype("string").str.strip().eq("").fillna(True)
    wrong = ((status.astype("string").str.strip() == Status.OK.value).fillna(False) & blank).to_numpy(dtype=bool)
    if wrong.any():
        at = int(wrong.nonzero()[0][0])
        raise edited_cell(source, f"{prefix}reason", at, "blank in a row of status 'ok'", frame.index)


def _check_cells(
    frame: pd.DataFrame, source: str, prefix: str, column: str, allowed: set[str] | frozenset[str], mask_pii: bool
) -> None:
    """Refuse a text in *column* (``sentiment``: its labels are those with a ``p_sentiment_`` column; ``status``: ok,
    empty, error) that is none of *allowed*, as an edit; blank and missing cells (rows set aside) are let be."""
    import pandas as pd

    values = frame[column] if column in frame.columns else None
    if not isinstance(values, pd.Series):
        return
    # a number or list (a frame's, JSONL's cell) as a label cell reads; the few distinct cells looked at, not every row
    texts = values.map(lambda v: v if isinstance(v, str) else "" if _missing(v) else label_cell(v))
    odd = [v for v in texts.unique() if v.strip() and v not in allowed]
    wrong = texts.isin(odd).to_numpy(dtype=bool)
    if not wrong.any():
        return
    at = int(wrong.nonzero()[0][0])
    if column == "status":
        raise not_a_status(source, prefix + column, at, texts.iloc[at], mask_pii, frame.index)
    label = texts.iloc[at]
    raise not_a_label(
        source, prefix + column, at, column, label, allowed, prefix=prefix, mask_pii=mask_pii, index=frame.index
    )
