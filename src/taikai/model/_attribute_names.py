"""Give a pipeline's objects attribute names that do not depend on what the process did before it was saved, so
that ``model.joblib`` holds the same bytes for the same data, configuration, seed and versions.

A pickle writes an object met a second time as a reference to the first, so its bytes change with whether two
equal strings are one object. CPython keeps the attribute names of a class's instances in one table that they
share, filled by the first instance that sets them. An estimator built by its ``__init__`` names its attributes
with the interned strings of the code; but an estimator unpickled first (``load_model`` of the shipped model:
scikit-learn's ``__setstate__`` updates ``__dict__`` with the pickle's own strings) leaves every later instance of
its class in that process with those other string objects. A model trained after loading another was written
with other bytes (the ``verbose`` of its Pipeline and of its FeatureUnion were one string in a fresh process, two
after a load). :func:`intern_attribute_names` gives each object the interned names a fresh process gives it.
"""

from __future__ import annotations

import pickle
import sys
from typing import Any


class _Discard:
    """A file that forgets what is written to it (bytes, or a large array's buffer as it is)."""

    def write(self, data: object) -> None:
        del data


class _Visitor(pickle.Pickler):
    """A pickler that, meeting each object it would write, gives its instance dictionary interned string keys."""

    def reducer_override(self, obj: Any) -> Any:
        names = getattr(obj, "__dict__", None)
        if type(names) is dict and any(type(k) is str and k is not sys.intern(k) for k in names):
            # A new dictionary, not the old one edited: the old one's keys may be the class's shared table.
            obj.__dict__ = {sys.intern(k) if type(k) is str else k: v for k, v in names.items()}
        return NotImplemented  # pickled as it would be


def intern_attribute_names(obj: Any) -> None:
    """Give *obj* and every object it pickles with an instance dictionary keyed by interned strings (the same
    names, values and order), as in a process that built them without unpickling any instance of their classes.
    Call it before pickling an artifact whose bytes must depend only on what it holds."""
    _Visitor(_Discard(), protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
