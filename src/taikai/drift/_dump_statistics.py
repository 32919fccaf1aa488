"""Count a dump's (or a reference's) statistics, from a file or a frame, as drift compares them."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING

from taikai.drift._chunk_counts import FileStatistics
from taikai.drift._files import file_statistics, frame_statistics
from taikai.errors import TEXT_COLUMN, Argument, wrong_type
from taikai.io import ReadOptions
from taikai.model import Model

if TYPE_CHECKING:
    import pandas as pd


def dump_statistics(
    data: str | Path | pd.DataFrame,
    model: Model,
    read_options: ReadOptions,
    *,
    text_column: Hashable | None,
    date_column: Hashable | None = None,
    freq: str | None = None,
    progress: Callable[[int], None] | None = None,
    prefix: str | None = None,
    argument: str = "dump",
    model_named: bool = True,
    text_argument: Argument = TEXT_COLUMN,
    mask_pii: bool = False,
    input_format: bool = True,
    source: str = "<frame>",
    tz: str | None = None,
) -> FileStatistics:
    if isinstance(checked_data(data, argument), (str, Path)):
        return file_statistics(
            Path(data),
            model,
            text_column=text_column,
            date_column=date_column,
            freq=freq,
            read_options=read_options,
            progress=progress,
            prefix=prefix,
            model_named=model_named,
            text_argument=text_argument,
            mask_pii=mask_pii,
            input_format=input_format,
            tz=tz,
        )
    return frame_statistics(
        data,
        model,
        text_column,
        date_column,
        freq,
        source=source,
        prefix=prefix,
        text_argument=text_argument,
        mask_pii=mask_pii,
        tz=tz,
    )


def checked_data(data: object, argument: str = "dump") -> str | Path | pd.DataFrame:
    """Return *data* (the *argument* ``dump`` or ``reference``); raise ``TypeError`` unless it is a path or a frame."""
    import pandas as pd

    if not isinstance(data, str | Path | pd.DataFrame):
        error = wrong_type(argument, data, "the path of a file (str or pathlib.Path), or a pandas DataFrame")
        if isinstance(data, pd.Series):  # the texts alone, as Model.classify takes them
            raise TypeError(f'{error}: pass the texts as a frame, {argument}=series.to_frame("text")')
        raise error
    return data
