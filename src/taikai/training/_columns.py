"""The columns of the labelled inputs of a training run, and how an added file may name them."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from taikai.errors import ADD


@dataclass(frozen=True)
class Columns:
    """The column names of every labelled input: text, reasons, and sentiment (``None``: no sentiment)."""

    text: Hashable = "text"
    reasons: Hashable = "reasons"
    sentiment: Hashable | None = "sentiment"

    def labelled(self) -> list[Hashable]:
        return [self.text, self.reasons] + ([self.sentiment] if self.sentiment else [])

    def found_in(self, names: Sequence[object]) -> Columns:
        """Return these columns for a file with columns *names*: each missing one replaced by the standard name
        (``text``, ``reasons``, ``sentiment``, as a ``taikai suggest`` sheet has) when the file has that."""
        present = set(map(str, names))

        def pick(name: Hashable | None, standard: str) -> Hashable | None:
            return standard if name is not None and name not in present and standard in present else name

        return Columns(
            pick(self.text, "text") or self.text,
            pick(self.reasons, "reasons") or self.reasons,
            pick(self.sentiment, "sentiment"),
        )


ADDED_COLUMNS_HINT = (
    f"a file given to {ADD} is read with DATA's column names or the standard ones (text, reasons, sentiment); "
    "text_column=, reasons_column= and sentiment_column= (--text-column, --reasons-column and --sentiment-column "
    "on the command line) name DATA's columns, which DATA would then lack"
)
"""Why a column missing from an added file is to be renamed back in the file (see ``check_labelled``)."""
