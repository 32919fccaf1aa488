"""The status of one text: classified, empty, or not classifiable."""

from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    """Whether a text was classified (``ok``), had no text (``empty``) or could not be read (``error``).

    A ``str`` subclass, so that ``Status.OK == "ok"`` holds for values read back from an output file; written
    outputs hold the plain ``value``.
    """

    OK = "ok"
    EMPTY = "empty"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value
