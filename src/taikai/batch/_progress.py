"""A one-line progress display on stderr: rows, percent, rows/s and ETA."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """A one-line progress display on stderr; silent unless enabled."""

    def __init__(self, total: int | None, enabled: bool, base: int = 0, stream: TextIO | None = None, resumed: int = 0):
        """*base*: the units (bytes or rows) of ``total`` done before a resume, and *resumed* the rows they held."""
        self.total, self.enabled, self.base, self.resumed = total, enabled, base, resumed
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, rows: int, done: int, force: bool = False) -> None:
        """Show *rows* classified (with those before a resume, as *done* counts their units), *done* units (bytes
        or rows) of ``total``, and the speed of this run."""
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.2 and not force):
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        line = f"\r{rows:,} rows  {(rows - self.resumed) / elapsed:,.0f} rows/s"
        if self.total and self.total > self.base:
            run = min((done - self.base) / (self.total - self.base), 1.0)
            eta = elapsed / run * (1 - run) if run > 0 else 0
            minutes, seconds = divmod(int(eta), 60)
            line += f"  {min(done / self.total, 1.0):6.1%}  ETA {minutes // 60}:{minutes % 60:02d}:{seconds:02d}"
        self.stream.write(line + "   ")
        self.stream.flush()

    def close(self) -> None:
        """End the progress line."""
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
