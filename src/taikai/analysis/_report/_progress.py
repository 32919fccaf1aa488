"""Progress of a report's long steps on stderr: one line, rewritten as each step starts (reading, each section,
the page); silent unless enabled (``taikai report`` enables it when stderr is a terminal)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Steps:
    """Say on one line of *stream* (default: stderr) which step the report is at and how long it has taken."""

    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.enabled = enabled
        self.stream = stream
        self.start = time.monotonic()
        self.shown = False

    def step(self, name: str) -> None:
        """Show that the step *name* starts now."""
        if not self.enabled:
            return
        stream = self.stream or sys.stderr
        stream.write(f"\rreport: {name:<24} {time.monotonic() - self.start:6.1f} s   ")
        stream.flush()
        self.shown = True

    def close(self) -> None:
        """End the line, if one was shown."""
        if self.shown:
            stream = self.stream or sys.stderr
            stream.write("\n")
            stream.flush()
            self.shown = False
