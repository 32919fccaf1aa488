"""Classify on a Dask cluster: :mod:`taikai.batch.dask` under a shorter name (``pip install 'taikai[dask]'``).

>>> import taikai.dask
>>> out = taikai.dask.classify(ddf, text_column="text", model="models/mine")  # doctest: +SKIP
"""

from taikai.batch.dask import *  # noqa: F403 - the same names
from taikai.batch.dask import __all__ as __all__
