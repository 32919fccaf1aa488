"""What the model says about a list of texts, as typed columns; the one place that names the output columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from taikai.labels import format_reasons, reason_name
from taikai.text import Status

LABEL_COLUMNS = ("status", "message", "reason", "reason_ja", "reasons", "sentiment")
"""The columns added before the probabilities, in order."""


def proba_columns(reason_labels: Sequence[str], sentiment_labels: Sequence[str]) -> list[str]:
    """Return the names of the probability columns: ``p_reason_*`` then ``p_sentiment_*``."""
    return [f"p_reason_{r}" for r in reason_labels] + [f"p_sentiment_{s}" for s in sentiment_labels]


def output_columns(reason_labels: Sequence[str], sentiment_labels: Sequence[str]) -> list[str]:
    """Return the names of every column a classification adds, in order."""
    return [*LABEL_COLUMNS, *proba_columns(reason_labels, sentiment_labels)]


@dataclass(frozen=True)
class Classified:
    """The classification of *n* values, one entry per value and column.

    Rows whose status is not ``ok`` have no reasons (``()``), no sentiment (``None``) and NaN probabilities.
    """

    reason_labels: tuple[str, ...]
    sentiment_labels: tuple[str, ...]
    statuses: list[Status]
    messages: list[str]
    reasons: list[tuple[str, ...]]
    sentiments: list[str | None]
    reason_proba: npt.NDArray[np.float64]
    sentiment_proba: npt.NDArray[np.float64]

    def __len__(self) -> int:
        return len(self.statuses)

    @property
    def primary(self) -> list[str | None]:
        """Return the primary reason of each row (``None`` when not classified)."""
        return [r[0] if r else None for r in self.reasons]

    def columns(self) -> dict[str, list[Any]]:
        """Return the output columns (see :func:`output_columns`) as lists of plain values.

        ``status`` holds strings, ``reasons`` the ``|``-joined cell, probabilities floats (NaN when not ok).
        """
        primary = self.primary
        out: dict[str, list[Any]] = {
            "status": [s.value for s in self.statuses],
            "message": self.messages,
            "reason": primary,
            "reason_ja": [reason_name(r) if r else None for r in primary],
            "reasons": [format_reasons(r) if r else None for r in self.reasons],
            "sentiment": self.sentiments,
        }
        names = proba_columns(self.reason_labels, self.sentiment_labels)
        matrix = np.hstack([self.reason_proba, self.sentiment_proba])
        for name, values in zip(names, matrix.T.tolist(), strict=True):
            out[name] = values
        return out
