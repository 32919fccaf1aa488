"""A stop (Ctrl-C, SIGTERM) once a command has saved its file, as it says where or prints its results: said with
what it saved (``taikai: interrupted as drift printed its results; it saved the figures to d.json``), exit 130, not
``interrupted`` alone, which reads as if nothing had been written."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from taikai._command import running_command

INTERRUPTED_EXIT = 130
"""The exit code of a command stopped by Ctrl-C (or SIGTERM in batch), as a shell reports a process killed by SIGINT."""


@contextmanager
def said_saved(saved: str | None, command: str | None = None) -> Iterator[None]:
    """Within the block, the running command (or *command*) has saved *saved* (``the model to m/``; ``None``:
    nothing): a stop there (``KeyboardInterrupt``) says so and exits 130."""
    try:
        yield
    except KeyboardInterrupt:
        if saved is None:
            raise
        said = f"interrupted as {command or running_command()} printed its results; it saved {saved}"
        click.echo(f"taikai: {said}", err=True)
        raise SystemExit(INTERRUPTED_EXIT) from None
