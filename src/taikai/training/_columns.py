"""The columns of the labelled inputs of a training run, and how an added file may name them."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from taikai.errors import ADD
from taikai.model import TrainedColumns, column_label


@dataclass(frozen=True)
class Columns:
    """The column names of every labelled input: text, reasons, and sentiment (``None``: no sentiment)."""

    text: Hashable = "text"
    reasons: Hashable = "reasons"
    sentiment: Hashable | None = "sentiment"

    def labelled(self) -> list[Hashable]:
        return [self.text, self.reasons] + ([self.sentiment] if self.sentiment else [])

    def recorded(self) -> TrainedColumns:
        """Return these columns as the model's metadata records them, for its retrain commands to give again."""
        return TrainedColumns.given(self.text, self.reasons, self.sentiment)

    def found_in(self, names: Sequence[object]) -> Columns:
        """Return these columns for a file with columns *names*: each missing one replaced by the standard name
        (``text``, ``reasons``, ``sentiment``, as a ``taikai suggest`` sheet has) when the file has that."""
        present = set(map(str, names))

        def pick(name: Hashable | None, standard: str) -> Hashable | None:
            return standard if name is not None and str(name) not in present and standard in present else name

        return Columns(
            pick(self.text, "text") or self.text,
            pick(self.reasons, "reasons") or self.reasons,
            pick(self.sentiment, "sentiment"),
        )

    def resolved(self, labels: Iterable[Hashable]) -> Columns:
        """Return these columns as the labels *labels* of a frame name them, found as ``predict_frame`` finds a
        column (:func:`taikai.model.column_label`: ``"0"`` is the label ``0`` of a frame read with ``header=None``);
        a name not found stays as given, for ``check_labelled`` to say it is missing."""
        labels = list(labels)
        return Columns(
            column_label(labels, self.text), column_label(labels, self.reasons), column_label(labels, self.sentiment)
        )


ADDED_COLUMNS_HINT = (
    f"a file given to {ADD} is read with DATA's column names or the standard ones (text, reasons, sentiment); "
    "text_column=, reasons_column= and sentiment_column= (--text-column, --reasons-column and --sentiment-column "
    "on the command line) name DATA's columns, which DATA would then lack"
)
"""Why a column missing from an added file is to be renamed back in the file (see ``check_labelled``)."""


def no_labelled_row(name: str, counted: str, labels: str, fill: str = "") -> str:
    """Say that the added file *name* adds no labelled row (*counted*: its rows, and why none is labelled) and to
    fill in *labels* (``reasons, sentiments or both``): in the sheet, saved, or as *fill* says; or to leave it out."""
    fill = fill or f"fill in {labels}, save the sheet and run again (check that this is the file you labelled)"
    return f"{name}: adds no labelled row ({counted}); {fill}, or leave it out of {ADD}"


def labels_renamed(names: Sequence[str]) -> bool:
    """Return whether columns *names* of a ``taikai suggest`` sheet without its reasons and sentiment columns look to
    hold labels under other names (``理由``, ``Reasons``): a sheet filled in and renamed, which is to be told to name
    them back, not to be filled in (:func:`unfilled_sheet`)."""
    from taikai.io import likely_labels

    return bool(likely_labels(names))


def unfilled_sheet(name: str, rows: int, columns: Columns) -> str:
    """Say that the added file or frame *name* holds the *rows* of a ``taikai suggest`` sheet without the columns a
    person fills (``Suggestion.rows``, before labelling; a sheet saved without them), so it adds no labelled row."""
    wanted = ["reasons", "sentiment"] if columns.sentiment else ["reasons"]  # the sheet's, as suggest writes it
    labels = "reasons, sentiments or both" if columns.sentiment else "reasons"
    counted = f"{rows:,} row(s) with the model's columns of a taikai suggest sheet, and no {' or '.join(wanted)} column"
    named = "reasons and sentiment columns" if len(wanted) > 1 else "reasons column"
    if name.startswith("<frame"):
        counted += ": Suggestion.rows, before labelling"
        fill = f"fill in {labels} in the sheet suggest wrote (out=) and give that file, or add "
        fill += (
            f"{named} to this frame and fill them in" if len(wanted) > 1 else f"a {named} to this frame and fill it in"
        )
    else:
        fill = f"give the sheet suggest wrote instead, with {labels} filled in (this file has no {named})"
    return no_labelled_row(name, counted, labels, fill)
