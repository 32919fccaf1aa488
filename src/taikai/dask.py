"""Classify on a Dask cluster: the public face of the Dask engine (``pip install 'taikai[dask]'``).

>>> import taikai.dask
>>> out = taikai.dask.classify(ddf, text_column="text", model="models/mine")  # doctest: +SKIP

Importing this module without dask and distributed installed raises an ImportError that says what to install.
"""

from taikai.batch._dask_engine import ModelPlugin, classify, load_count, output_dtypes, ship_model
from taikai.batch._dask_files import MANIFEST, ROW_COLUMN, classify_files, read_input, run_dask
from taikai.model import model_key

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
