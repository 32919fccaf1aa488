"""Refuse, before anything is classified, an output encoding that cannot hold the model's labels or columns, the
input's text or id column name, or that would write two column names as one; warn of other column names it changes.

An encoding "cannot hold" a name when the name it writes is another: a character it has not is written as ``?``,
and CP932 writes six characters as look-alikes (〜 as ～, :data:`~taikai.text.CP932_FOLDS`), which read back as
those (a review's are counted in the summary; a column name has no row to be counted in, and is named here)."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from taikai._warn import warn_user
from taikai.errors import OUTPUT_ENCODING, DataWarning, InputError
from taikai.io import renamed_columns

_LOST = {
    "label": "is no label of the model",
    "column name": "report, suggest and drift would not find",
    "text column": "report, suggest and drift would not find under the name the run's summary gives",
    "id column": "report, suggest and drift would not find under the name the run's summary gives",
}
"""What a label or a column name written with ``?`` for a character becomes."""


def check_labels_held(
    source: Path,
    encoding: str | None,
    labels: Iterable[str],
    columns: Iterable[str],
    inputs: Sequence[str] = (),
    named: Mapping[str, str | None] | None = None,
    *,
    again: bool = False,
) -> None:
    """Raise :class:`InputError` when *encoding* (the ``output_encoding`` given; ``None``: UTF-8, which holds every
    character) cannot hold one of the model's *labels* or the output *columns* (``p_reason_LABEL``, with the
    prefix). Text it cannot hold is written as ``?``: counted, for the reviews' text, but a label so written is
    another label (``下落📉`` read back as ``下落?``, two such labels as one), which ``report``, ``suggest`` and
    ``drift`` cannot tell from the model's. So with a character CP932 writes as another (〜 as ～), and the input's
    text or id column (*named*: ``{"text column": name, "id column": name or None}``). Of the other input columns
    *inputs*, two names written as one (``メモ♥``, ``メモ♦`` as ``メモ?``) are refused, and any other name written
    otherwise is a :class:`~taikai.errors.DataWarning` naming it. *again*: a later look of the same run (the Dask
    engine's at all its files' columns, each checked as read): the model's labels and columns, and the text and id
    column names, held, and the input names' warning given, only two names written as one are looked for; each name
    is converted once."""
    if encoding is None:
        return
    try:
        codecs.lookup(encoding)
    except LookupError:
        return  # the encoding's own check names it
    labels, columns, inputs = list(labels), list(columns), list(inputs)
    given = [] if again else [(what, name) for what, name in (named or {}).items() if name is not None]
    # how the output writes each name it writes otherwise, as taikai suggest finds them (one way for both); once
    # held, the model's own are written as they are
    names = inputs if again else [*labels, *columns, *inputs, *(name for _, name in given)]
    renamed = dict(renamed_columns(dict.fromkeys(names), encoding))
    checked = () if again else (("label", labels), ("column name", columns), *((w, [n]) for w, n in given))
    for what, values in checked:
        for value in values:
            written = renamed.get(value, value)
            if written != value:
                where = next(j for j, (a, b) in enumerate(zip(value, written, strict=False)) if a != b)
                whose = "the model's" if what in ("label", "column name") else "the"
                rename = ", or rename the column" if whose == "the" else ""
                raise InputError(
                    f"{source}: {OUTPUT_ENCODING.given(encoding)} cannot hold {whose} {what} {value!r} (its "
                    f"character {value[where]!r}): it would be written as {written!r}, which {_LOST[what]}; write "
                    f"{OUTPUT_ENCODING.either(['utf-8-sig'])}, which Excel opens and which keeps every character"
                    f"{rename} (nothing was written)"
                )
    _check_input_names(source, encoding, [*inputs, *columns], 0 if again else len(inputs), renamed)


def _check_input_names(source: Path, encoding: str, names: list[str], inputs: int, renamed: Mapping[str, str]) -> None:
    """Refuse two of the output column *names* written as one in *encoding* (*renamed*: how it writes those it
    writes otherwise); warn of the first *inputs* of them (the input's) written otherwise."""
    writes = [(name, renamed.get(name, name)) for name in names]
    seen: dict[str, str] = {}
    for name, written in writes:
        if written in seen and seen[written] != name:
            raise InputError(
                f"{source}: {OUTPUT_ENCODING.given(encoding)} would write the columns {seen[written]!r} and {name!r} "
                f"both as {written!r}, and no reader (taikai report, suggest, drift) takes an output whose columns "
                f"repeat a name; rename one of them, or write {OUTPUT_ENCODING.either(['utf-8-sig'])}, which Excel "
                "opens and which keeps every character (nothing was written)"
            )
        seen.setdefault(written, name)
    changed = [f"{name!r} as {written!r}" for name, written in writes[:inputs] if written != name]
    if changed:
        warn_user(
            f"{source}: {OUTPUT_ENCODING.given(encoding)} writes the column name(s) {', '.join(changed)}, which is "
            "how the output names them; rename the column(s) first, or write "
            f"{OUTPUT_ENCODING.either(['utf-8-sig'])}, to keep the names as read",
            DataWarning,
        )
