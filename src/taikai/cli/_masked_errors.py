"""Under ``--mask-pii``, a command's error message with its personal data masked too.

The library masks the texts it quotes in a message when it is asked to (a malformed record, a date column's values),
but some messages quote cells it does not take for texts: the column names of a file without a header row are its
first row, a review (``no column 'text'; the columns are ['r1', '田中さんから090-…']``). A message said on the
command line ends up in logs and tickets, so the command line masks the whole message of a command given
``--mask-pii``; the values masked already stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from taikai._stopped import stopped
from taikai.cli._usage_errors import UserError
from taikai.errors import TaikaiError


@contextmanager
def errors_masked(ctx: click.Context) -> Iterator[None]:
    """Turn a :class:`TaikaiError` of the command run under *ctx*, when it was given ``--mask-pii``, into a
    :class:`UserError` whose message has its personal data masked; other errors, and a stop, pass as they are."""
    try:
        yield
    except TaikaiError as exc:
        if stopped(exc) or not ctx.params.get("mask_pii"):
            raise
        from taikai.privacy import mask_pii

        raise UserError(mask_pii(str(exc)).text) from exc
