"""The input argument of the batch functions: a path (a file, or the Dask engine's folder or glob), and a frame
given in its place told how a frame is classified."""

from __future__ import annotations

import os

from taikai.errors import wrong_type

FRAMES = {
    "pandas": "a frame in memory is classified by model.predict_frame(df, text_column=…) (then .to_parquet(path))",
    "dask": "a Dask frame is classified by taikai.dask.classify(ddf, text_column=…)",
}
"""How to classify a frame given in place of a batch run's input file, by the library the frame is of."""
SERIES = {
    "pandas": "a Series of texts is classified by model.classify(series), or model.predict_frame(series.to_frame())",
    "dask": "a Dask Series of texts is classified by taikai.dask.classify(series.to_frame(), text_column=…)",
}
"""How to classify a column given in place of a batch run's input file (``df["text"]``), by its library."""


def check_input_path(name: str, value: object, accepted: str = "a str or pathlib.Path") -> None:
    """Raise ``TypeError`` naming argument *name* unless *value* is a path (*accepted* says what is); a pandas or
    Dask frame is told how it is classified instead (:data:`FRAMES`); raise :class:`InputError` when it is an empty
    or blank string."""
    if isinstance(value, str | os.PathLike):
        from taikai.io import check_not_empty  # "" would be the current folder, read as one

        check_not_empty(value, name, "give the path of a data file (CSV, TSV, JSONL, Parquet or xlsx)")
        return
    error = wrong_type(name, value, accepted)
    library = type(value).__module__.split(".")[0]
    if type(value).__name__ == "DataFrame" and library in FRAMES:
        raise TypeError(f"{error}; {FRAMES[library]}")
    if type(value).__name__ == "Series" and library in SERIES:
        raise TypeError(f"{error}; {SERIES[library]}")
    raise error
