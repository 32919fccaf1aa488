"""Check a dump before a reference file is counted: what counting the dump would refuse without classifying a row
(no such file, no text or date column, predictions of another model) is said before the reference is classified,
which takes minutes for a large one, and is not blamed on the reference's options."""

from __future__ import annotations

import warnings
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING

from taikai.drift._rows import RAW_DUMP, Rows
from taikai.errors import DATE_COLUMN, INPUT_FORMAT, TEXT_COLUMN
from taikai.io import (
    ReadOptions,
    check_made_by,
    check_sheet_column,
    is_predictions,
    open_reader,
    read_summary,
    text_column_of,
)
from taikai.model import Model, find_column, find_prefix, unprefixed

if TYPE_CHECKING:
    import pandas as pd


def check_dump(
    data: str | Path | pd.DataFrame,
    model: Model,
    read_options: ReadOptions,
    *,
    text_column: Hashable | None,
    date_column: Hashable | None,
    prefix: str | None,
    model_named: bool,
) -> None:
    """Raise what :func:`~taikai.drift.file_statistics` (or ``frame_statistics``) raises for *data* before it reads
    a row: its file, format, prefix, text column, predicted columns, the model that made them, and its date column
    (whose values are checked when it is counted). What opening it warns of is said when it is counted."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        source, shown = "<frame>", list(data.columns)
        columns = unprefixed(data.columns, find_prefix(data.columns, source, prefix))
        text, argument = ("text" if text_column is None else text_column), TEXT_COLUMN
    else:
        path, options = Path(data), read_options
        with warnings.catch_warnings():  # said once, when the dump is counted
            warnings.simplefilter("ignore")
            reader = open_reader(
                path,
                options.input_format,
                options.encoding,
                options.sheet,
                options.encoding_errors,
                warn=False,
                option=INPUT_FORMAT,
            )
            run = read_summary(path)
        source, shown = str(path), reader.columns
        found = find_prefix(reader.columns, source, prefix, run.prefix if run is not None else None)
        columns = unprefixed(reader.columns, found)
        text, argument = text_column_of(run, text_column, TEXT_COLUMN)
        check_sheet_column(reader, columns, text, argument, source)
        if is_predictions(columns):
            artifact = model.metadata.artifact
            name = "(in memory)" if model.path is None else model.path.name if model_named else str(model.path)
            check_made_by(run, name, artifact.sha256 if artifact is not None else "", named=model_named, raw=RAW_DUMP)
    named = not isinstance(data, pd.DataFrame)  # a file's errors may suggest --input-format
    index = data.index.names if isinstance(data, pd.DataFrame) else ()  # a frame's text or date made its index: said
    Rows(model, source, columns, text, argument, input_format=named, shown=shown, index=index)
    if date_column is not None:
        find_column(columns, date_column, DATE_COLUMN, source=source, shown=shown, input_format=named, index=index)
