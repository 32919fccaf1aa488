"""The columns a labelled file is read by for a model (evaluate, rules test; drift, a dump's text column): a column
argument left at its standard name (``text``, ``reasons``, ``sentiment``) that the data lacks is read as the column
the model was trained on (``--text-column 本文``), when the data has that one, with a warning saying so; an error
about a missing column names the model's columns."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager

from taikai._column_names import listed
from taikai._warn import warn_user
from taikai.errors import REASONS_COLUMN, SENTIMENT_COLUMN, TEXT_COLUMN, Argument, DataWarning, InputError
from taikai.model._trained_columns import TrainedColumns

_STANDARD = ("text", "reasons", "sentiment")
_ARGUMENTS = (TEXT_COLUMN, REASONS_COLUMN, SENTIMENT_COLUMN)


def columns_read(
    names: Sequence[Hashable],
    given: tuple[Hashable, Hashable, Hashable | None],
    trained: TrainedColumns | None,
    source: str,
    *,
    text_argument: Argument = TEXT_COLUMN,
    warn: bool = True,
) -> tuple[Hashable, Hashable, Hashable | None]:
    """Return the columns to read the data of *source* (whose columns are *names*) by: *given*, but for each one
    left at its standard name that *names* lack, the column the model was trained on (*trained*, ``None``: not
    known) when *names* hold it (a warning says which, naming *text_argument* for the text column; *warn*
    ``False``: none, for a pass that only checks the data); a column given any other name is read as given. Of
    reasons and sentiment ``None`` is not read (drift reads the text column alone)."""
    if trained is None or trained.standard():
        return given
    present = {str(name): name for name in names}
    chosen: list[Hashable | None] = []
    moved: list[tuple[str, str, int]] = []
    recorded = (trained.text, trained.reasons, trained.sentiment)
    for role, (value, usual, own) in enumerate(zip(given, _STANDARD, recorded, strict=True)):
        if value == usual and usual not in present and own is not None and own != usual and own in present:
            chosen.append(present[own])
            moved.append((usual, own, role))
        else:
            chosen.append(value)
    if moved and warn:
        arguments = (text_argument, *_ARGUMENTS[1:])
        said = [arguments[role].current() for _, _, role in moved]
        absent = listed([repr(usual) for usual, _, _ in moved], "nor")
        read = listed([repr(own) for _, own, _ in moved])
        python = listed([f"{argument.name}=" for argument in said])
        options = listed([argument.option for argument in said if argument.option])
        others = "another, name it" if len(moved) == 1 else "others, name them"
        warn_user(
            f"{source}: no column {absent}: reading {read}, as the model was trained on; "
            f"to read {others} with {python}{f' ({options} on the command line)' if options else ''}",
            DataWarning,
        )
    text, reasons, sentiment = chosen
    return text, reasons, sentiment


@contextmanager
def trained_noted(
    names: Sequence[Hashable], read: tuple[Hashable, Hashable, Hashable | None], trained: TrainedColumns | None
) -> Iterator[None]:
    """Within the block (evaluate's and rules test's reading of a labelled file), an :class:`InputError` raised
    (a column of *read* missing from *names*) says after its message the columns the model was trained on, and the
    options that read them (:func:`_trained_note`); raised as it is when there is nothing to add."""
    note = _trained_note(names, read, trained)
    try:
        yield
    except InputError as exc:
        if not note:
            raise
        raise InputError(f"{exc}{note}") from exc


def _trained_note(
    names: Sequence[Hashable], read: tuple[Hashable, Hashable, Hashable | None], trained: TrainedColumns | None
) -> str:
    """Return what an error about a column of *read* missing from *names* adds: the columns the model was trained
    on, and the options that read them (``""``: none missing, or the model's are the standard names, those read at
    least)."""
    if trained is None or trained.standard():
        return ""
    present = {str(name).strip() for name in names}  # as read: a header typed with blanks around it
    if all(column is None or str(column) in present for column in read):
        return ""
    recorded = (trained.text, trained.reasons, trained.sentiment)
    own = [repr(name) for name, column in zip(recorded, read, strict=True) if name is not None and column is not None]
    options = TrainedColumns(trained.text, trained.reasons, None if read[2] is None else trained.sentiment).options()
    if not options:  # the columns read are the standard ones (a --no-sentiment model's text and reasons): no advice
        return ""
    return f" (the model was trained on the columns {listed(own)}:{options} reads them)"
