"""Under ``--mask-pii``, a command's error message and warnings with their personal data masked too.

The library masks the texts it quotes in a message when it is asked to (a malformed record, a date column's values),
but some messages quote cells it does not take for texts: the column names of a file without a header row are its
first row, a review (``no column 'text'; the columns are ['r1', '田中さんから090-…']``), and ``predict`` quotes the
first line of standard input that looks like a CSV header. What the command line says ends up in logs and tickets,
so it masks the whole message of a command given ``--mask-pii``, but for the texts given to the command (a path, a
column's name, a scheduler's address ``tcp://10.0.0.5:8786``), which it says back as given; the values masked
already stay as they are. Its warnings are masked where taikai gives them (``taikai._warn.warn_user``), within
:func:`taikai._masked_messages.masking`, as a Python call's are.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from taikai._masked_messages import TEXTS, kept_values, mask_error, masked, masking
from taikai._stopped import stopped
from taikai.cli._usage_errors import UserError
from taikai.errors import TaikaiError


def given_values(ctx: click.Context | None) -> list[str]:
    """Return the texts given to the command of *ctx* (paths, column names, a scheduler's address) that a masked
    message keeps as given: the user's own, said back to them (``scheduler='tcp://10.0.0.5:99999'``); not the
    reviews given to ``predict`` and ``explain`` (:data:`~taikai._masked_messages.TEXTS`), which masking is for."""
    return [] if ctx is None else kept_values({k: v for k, v in ctx.params.items() if k not in TEXTS})


def as_said(text: str) -> str:
    """Return *text*, a value a message of the running command quotes, masked when that command was given
    ``--mask-pii`` (for a message the command line itself says, which no warning or error carries)."""
    ctx = click.get_current_context(silent=True)
    return masked(text, given_values(ctx)) if ctx is not None and ctx.params.get("mask_pii") else text


@contextmanager
def errors_masked(ctx: click.Context) -> Iterator[None]:
    """When the command run under *ctx* was given ``--mask-pii``: run it within :func:`masking`, so that its
    :class:`DataWarning` messages are masked as they are given, and turn a :class:`TaikaiError` of it into a
    :class:`UserError` whose message is masked (once: a library call that asked for masking masked it already,
    keeping the command's texts too); other errors, and a stop, pass as they are."""
    if not ctx.params.get("mask_pii"):
        yield
        return
    with masking(given_values(ctx)) as kept:
        try:
            yield
        except TaikaiError as exc:
            if stopped(exc):
                raise
            raise UserError(mask_error(exc, kept)) from exc
