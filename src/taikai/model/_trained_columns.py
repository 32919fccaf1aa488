"""The ``columns`` entry of ``metadata.json``: the names of the text, reasons and sentiment columns a model was trained
on, which its retrain command gives again (``--text-column 本文 …``) so that following it reads the same data."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from taikai.errors import shell_quote
from taikai.model._fields import Fields, text

_OPTIONS = ("--text-column", "--reasons-column", "--sentiment-column")


@dataclass(frozen=True)
class TrainedColumns:
    """The columns of the data a model was trained on, as ``train`` was given them (``--text-column``,
    ``--reasons-column``, ``--sentiment-column``; ``sentiment`` is ``None`` for data without sentiment): the standard
    names for a model whose metadata does not record them (saved before they were recorded, or trained on those)."""

    text: str = "text"
    reasons: str = "reasons"
    sentiment: str | None = "sentiment"

    @classmethod
    def given(cls, text: Hashable, reasons: Hashable, sentiment: Hashable | None) -> TrainedColumns:
        """Return the columns ``train`` was given, each as the name the command line gives it (``0``, the label of a
        frame read with ``header=None``, is ``"0"``: the name of its column in a file written from that frame)."""
        return cls(str(text), str(reasons), None if sentiment is None else str(sentiment))

    def standard(self) -> bool:
        """Return whether these are the standard names, which the metadata does not record (older code ignores the
        entry, and reads none as these)."""
        return self == TrainedColumns()

    def to_dict(self) -> dict[str, str | None]:
        """Return the JSON-ready ``columns`` entry."""
        return {"text": self.text, "reasons": self.reasons, "sentiment": self.sentiment}

    def options(self, *, no_sentiment: bool = False) -> str:
        """Return the train options naming each column that is not the standard one (`` --text-column 本文``, quoted
        for a shell where needed; ``""`` for none); never ``--sentiment-column`` beside *no_sentiment*
        (``--no-sentiment``, which the command refuses with it)."""
        names = (self.text, self.reasons, None if no_sentiment else self.sentiment)
        standard = TrainedColumns().to_dict().values()
        return "".join(
            f" {option} {shell_quote(name)}"
            for option, name, usual in zip(_OPTIONS, names, standard, strict=True)
            if name is not None and name != usual
        )


def read_trained_columns(f: Fields) -> TrainedColumns:
    """Return the ``columns`` entry read from *f*; raise :class:`~taikai.errors.ModelError` naming a field of the
    wrong kind (a missing sentiment, or null, is a model trained without one)."""
    return TrainedColumns(
        text=f.get("text", text, "a column name in quotes"),
        reasons=f.get("reasons", text, "a column name in quotes"),
        sentiment=f.optional("sentiment", text, "a column name in quotes, or null", None),
    )
