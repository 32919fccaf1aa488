"""Check a dump before a reference file is counted: what counting the dump would refuse without classifying a row
(no such file, no text or date column, predictions of another model) is said before the reference is classified,
which takes minutes for a large one, and is not blamed on the reference's options. The dump's reader it makes is
the one counting reads (:class:`OpenedDump`): a JSONL dump is read whole for its keys once, not twice."""

from __future__ import annotations

import warnings
from collections.abc import Hashable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from taikai._warn import warn_user
from taikai.drift._file_columns import check_file_columns
from taikai.drift._model_text import dump_text_column
from taikai.drift._rows import RAW_DUMP, Rows
from taikai.errors import DATE_COLUMN, INPUT_FORMAT, TEXT_COLUMN
from taikai.io import (
    FileKind,
    Reader,
    ReadOptions,
    check_made_by,
    dates_told,
    format_of,
    is_predictions,
    read_summary,
)
from taikai.model import Model, find_column, find_prefix, unprefixed

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, kw_only=True)
class OpenedDump(ReadOptions):
    """How to read a dump, with the reader :func:`check_dump` made of it (a JSONL file is read whole for its keys
    when its reader is made): :meth:`open` returns that reader for the dump's path instead of making another, and
    says then what making it warned of (unnamed columns in a CSV header), as opening it there would."""

    path: Path
    reader: Reader = field(compare=False)
    warned: tuple[warnings.WarningMessage, ...] = field(default=(), compare=False)

    def open(self, path: Path, rows: int | None = None) -> Reader:
        """Return the reader of the dump *path* made before (another path is opened: :meth:`ReadOptions.open`)."""
        if Path(path) != self.path:
            return super().open(path, rows)
        for said in self.warned:
            warn_user(str(said.message), said.category)
        return self.reader


def check_dump(
    data: str | Path | pd.DataFrame,
    model: Model,
    read_options: ReadOptions,
    *,
    text_column: Hashable | None,
    date_column: Hashable | None,
    prefix: str | None,
    model_named: bool,
    source: str = "<frame>",
) -> ReadOptions:
    """Raise what :func:`~taikai.drift.file_statistics` (or ``frame_statistics``) raises for *data* before it reads
    a row: its file, format, prefix, text column, predicted columns, the model that made them, and its date column
    (whose values are checked when it is counted); a frame is named *source*. Return how to count it:
    *read_options*, and for a file the reader made of it (:class:`OpenedDump`). What opening it warns of is said
    when it is counted."""
    import pandas as pd

    opened = read_options
    if isinstance(data, pd.DataFrame):
        shown = list(data.columns)
        columns = unprefixed(data.columns, find_prefix(data.columns, source, prefix))
        text, argument = dump_text_column(None, text_column, TEXT_COLUMN, shown, model, source, warn=False)
    else:
        path, options = Path(data), read_options
        with warnings.catch_warnings(record=True) as warned:  # said when the dump is counted
            warnings.simplefilter("always")
            format_of(path, options.input_format, INPUT_FORMAT, kind=FileKind.DUMP)  # a .txt file: said to be no dump
            reader = options.open(path)
        with warnings.catch_warnings():  # said when the dump is counted, which reads it again
            warnings.simplefilter("ignore")
            run = read_summary(path)
        given = {f.name: getattr(options, f.name) for f in fields(ReadOptions)}  # every option, as given
        opened = OpenedDump(**given, path=path, reader=reader, warned=tuple(warned))
        source, shown = str(path), reader.columns
        found = find_prefix(reader.columns, source, prefix, run.prefix if run is not None else None)
        columns = unprefixed(reader.columns, found)
        text, argument = dump_text_column(run, text_column, TEXT_COLUMN, reader.columns, model, source, warn=False)
        check_file_columns(reader, columns, text, argument, date_column, source, input_format=True)
        if is_predictions(columns):
            artifact = model.metadata.artifact
            name = "(in memory)" if model.path is None else model.path.name if model_named else str(model.path)
            check_made_by(run, name, artifact.sha256 if artifact is not None else "", named=model_named, raw=RAW_DUMP)
    named = not isinstance(data, pd.DataFrame)  # a file's errors may suggest --input-format
    index = data.index.names if isinstance(data, pd.DataFrame) else ()  # a frame's text or date made its index: said
    Rows(model, source, columns, text, argument, input_format=named, shown=shown, index=index)
    if date_column is not None:
        told = dates_told(data, date_column) if isinstance(data, pd.DataFrame) else ""  # a file's: checked above
        find_column(
            columns, date_column, DATE_COLUMN, source=source, shown=shown, input_format=named, index=index, hint=told
        )
    return opened
