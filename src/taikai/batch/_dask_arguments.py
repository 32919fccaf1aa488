"""The checks of the Dask API's arguments that several of its functions make: each raises ``TypeError`` naming the
argument, what was given and what is accepted, before any work (as the local API's checks of :mod:`taikai.errors`
do), not a traceback from deep inside Dask."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import taikai.io as tio
from taikai.batch._input_path import check_input_path
from taikai.errors import TEXT_COLUMN, wrong_type
from taikai.model import Model, find_column

SEVERAL = "for several files, pass one glob string such as 'dump/*.csv', or their folder"


def check_pattern(name: str, value: object) -> None:
    """Raise ``TypeError`` naming argument *name* unless *value* names the Dask engine's input: a str or path of a
    file, a folder or a glob (a list of files is refused, saying how to name several)."""
    check_input_path(name, value, f"a str or pathlib.Path: a file, a folder or a glob ({SEVERAL})")


def check_client(client: object, required: bool = False) -> None:
    """Raise ``TypeError`` unless *client* is a :class:`distributed.Client` (or ``None``, unless *required*)."""
    from distributed import Client

    if isinstance(client, Client) or (client is None and not required):
        return
    accepted = (
        "a distributed.Client" if required else "a distributed.Client, or None (the current client, else scheduler=)"
    )
    raise wrong_type("client", client, accepted)


def check_loaded(model: object) -> None:
    """Raise ``TypeError`` unless *model* is a loaded :class:`~taikai.Model` (of a function that takes no directory)."""
    if not isinstance(model, Model):
        raise wrong_type("model", model, "a Model (load a model directory with taikai.load_model)")


def text_label(columns: Sequence[str], text_column: object, source: object, reader: object = None) -> str | None:
    """Return the column of *columns* (those of the files *source* names) that *text_column* names (``3`` names a
    column ``"3"``), or ``None`` for none given; refuse, as :func:`taikai.dask.classify` and the local engine
    refuse them, a *text_column* that is no column label (``TypeError``, by name) and one not among *columns*
    (:class:`~taikai.errors.InputError` naming the columns there are, and, as the local engine says it, the line
    below a title that holds it in the file *reader* reads: see :func:`taikai.io.head_rows`)."""
    if text_column is None:
        return None
    missing = isinstance(text_column, Hashable) and str(text_column) not in columns
    head = tio.head_rows(reader) if missing and reader is not None else None
    return str(find_column(columns, text_column, TEXT_COLUMN, source=source, head=head))
