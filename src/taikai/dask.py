"""Classify on a Dask cluster: :mod:`taikai.batch.dask` under a shorter name (``pip install 'taikai[dask]'``).

>>> import taikai.dask
>>> out = taikai.dask.classify(ddf, text_column="text", model="models/mine")  # doctest: +SKIP
"""

from taikai.batch.dask import (
    MANIFEST,
    ROW_COLUMN,
    ModelPlugin,
    classify,
    classify_files,
    load_count,
    model_key,
    output_dtypes,
    read_input,
    run_dask,
    ship_model,
)

__all__ = [
    "MANIFEST",
    "ROW_COLUMN",
    "ModelPlugin",
    "classify",
    "classify_files",
    "load_count",
    "model_key",
    "output_dtypes",
    "read_input",
    "run_dask",
    "ship_model",
]
