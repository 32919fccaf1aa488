"""The Dask engine: classify a Dask DataFrame, or files, on a Dask cluster (``pip install 'taikai[dask]'``).

Importing this module without dask and distributed installed raises an ImportError that says what to install.
:mod:`taikai.dask` is the same API under a shorter name.
"""

from taikai.batch._dask_engine import classify, output_dtypes
from taikai.batch._dask_files import classify_files, run_dask
from taikai.batch._dask_input import input_header, read_input
from taikai.batch._dask_models import ModelPlugin, load_count, ship_model
from taikai.batch._dask_output import MANIFEST
from taikai.batch._dask_parts import ROW_COLUMN
from taikai.model import model_key

__all__ = [
    "MANIFEST",
    "ROW_COLUMN",
    "ModelPlugin",
    "classify",
    "classify_files",
    "input_header",
    "load_count",
    "model_key",
    "output_dtypes",
    "read_input",
    "run_dask",
    "ship_model",
]
