"""The text and id columns of a predictions file: as given, else as the batch summary beside it says."""

from __future__ import annotations

from collections.abc import Collection, Hashable
from dataclasses import replace
from pathlib import Path
from typing import overload

from taikai._column_names import id_like
from taikai.errors import ID_COLUMN, TEXT_COLUMN, Argument
from taikai.io._frames import ID_COLUMNS
from taikai.io._run_summary import RunSummary


@overload
def text_column_of(run: RunSummary | None, given: str | None, argument: Argument = ...) -> tuple[str, Argument]: ...
@overload
def text_column_of(
    run: RunSummary | None, given: Hashable | None, argument: Argument = ...
) -> tuple[Hashable, Argument]: ...
def text_column_of(
    run: RunSummary | None, given: Hashable | None, argument: Argument = TEXT_COLUMN
) -> tuple[Hashable, Argument]:
    """Return the text column of a predictions file: *given* (the *argument*), else the one batch classified as its
    summary *run* says, else ``"text"``; and the argument that named it, for an error about a missing column."""
    if given is None and run is not None and run.text_column is not None:
        return run.text_column, replace(argument, note=f"its default came from {Path(run.path).name}")
    return "text" if given is None else given, argument


def id_column_of(run: RunSummary | None, given: Hashable | None) -> tuple[Hashable | None, Argument]:
    """Return the id column of a predictions file: *given* (``id_column``), else the one batch was given as its
    summary *run* says, else ``None``; and the argument that named it, for an error about a missing column."""
    if given is None and run is not None and run.id_column is not None:
        return run.id_column, replace(ID_COLUMN, note=f"its default came from {Path(run.path).name}")
    return given, ID_COLUMN


def named_id_columns(columns: Collection[Hashable], text_column: Hashable | None = None) -> list[Hashable]:
    """Return the *columns* that may hold ids by their names, in the order one is taken: those of
    :data:`~taikai.io.ID_COLUMNS` (``review_id``, ``id``), then the others named as ids are (``回答ID``, ``ID``,
    ``response_id``, ``userId``: :func:`taikai._column_names.id_like`), not *text_column*; each in the order of
    *columns*."""
    known = [c for c in ID_COLUMNS if c in columns and c != text_column]  # texts in an "id" column name no rows
    named = [c for c in columns if c not in known and c != text_column and id_like(str(c))]
    return [*known, *named]
