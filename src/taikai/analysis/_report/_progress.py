"""Progress of a report's long steps on stderr: one line, rewritten as each step starts (reading, each section,
the page) and, in the steps that read every text (the distinctive words, the drift check), at most every
:data:`INTERVAL` seconds with the texts read so far (a notebook's output is not flooded); silent unless enabled
(``taikai report`` enables it when stderr is a terminal, as ``taikai batch`` its progress line; ``progress=True``
in Python)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

INTERVAL = 0.5
"""Least seconds between two rewrites of the line within one step."""


class Steps:
    """Say on one line of *stream* (default: stderr) which step the report is at and how long it has taken, with
    the texts read so far of the *total* (:meth:`text`) in a step that reads them."""

    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.enabled = enabled
        self.stream = stream
        self.start = time.monotonic()
        self.shown = False
        self.name = ""
        self.done = 0
        self.total: int | None = None
        self.last = 0.0

    def step(self, name: str) -> None:
        """Show that the step *name* starts now."""
        self.name, self.done = name, 0
        if self.enabled:
            self._show(time.monotonic())

    def text(self) -> None:
        """Count one more text read in this step: shown with the elapsed time, at most every :data:`INTERVAL` s."""
        self.done += 1
        if self.enabled and (now := time.monotonic()) - self.last >= INTERVAL:
            self._show(now)

    def _show(self, now: float) -> None:
        self.last = now
        read = ""
        if self.done:
            of = f" of {self.total:,}" if self.total is not None and self.done <= self.total else ""
            read = f"  {self.done:,}{of} texts"
        stream = self.stream or sys.stderr
        stream.write(f"\rreport: {self.name:<24} {now - self.start:6.1f} s{read}   ")
        stream.flush()
        self.shown = True

    def close(self) -> None:
        """End the line, if one was shown."""
        if self.shown:
            stream = self.stream or sys.stderr
            stream.write("\n")
            stream.flush()
            self.shown = False
