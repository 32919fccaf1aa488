"""intern_attribute_names: a pickle's bytes depend on the objects' attribute values, not on which equal name strings
are one object (the regression: a model trained after load_model pickled to other bytes)."""

from __future__ import annotations

import pickle
import sys

import numpy as np
import pytest

from taikai.model._attribute_names import intern_attribute_names


class Step:
    """An object with attributes, as an estimator."""


class Union:
    """An object of another class with an attribute of the same name."""


def _name(text: str) -> str:
    """Return a string equal to *text* that is not the interned one, as an unpickled dictionary's keys are."""
    name = "".join(list(text))
    assert name == text and name is not sys.intern(text)
    return name


def _holding(cls: type, interned: bool, **values: object) -> object:
    """Return an instance of *cls* with *values* as attributes, named by interned strings or by other copies."""
    obj = cls()
    obj.__dict__ = {(sys.intern(k) if interned else _name(k)): v for k, v in values.items()}
    return obj


def _graph(interned: bool, shape: str) -> object:
    """Return two objects of two classes that share the attribute names ``verbose`` and ``steps``, reached as
    *shape* says (one inside the other, in a list, or as a dictionary's values)."""
    union = _holding(Union, interned, verbose=False, steps=["a", 1])
    step = _holding(Step, interned, verbose=False, steps=[("features", union)] if shape == "nested" else [])
    return {"nested": step, "list": [step, union], "dict": {"s": step, "u": union}}[shape]


@pytest.mark.parametrize("shape", ["nested", "list", "dict"])
def test_pickles_the_same_bytes_whichever_name_strings_the_attributes_had(shape):
    fresh, loaded = _graph(True, shape), _graph(False, shape)
    assert pickle.dumps(loaded) != pickle.dumps(fresh)  # the memo shares `verbose` only when it is one object
    intern_attribute_names(loaded)
    assert pickle.dumps(loaded) == pickle.dumps(fresh)


def test_keeps_each_attribute_its_value_and_order():
    values = {"steps": [1, 2], "verbose": True, "coef_": np.arange(3.0), 7: "not a name"}
    obj = _holding(Step, False, **{k: v for k, v in values.items() if isinstance(k, str)})
    obj.__dict__[7] = "not a name"
    intern_attribute_names(obj)
    assert list(obj.__dict__) == list(values)
    assert all(k is sys.intern(k) for k in obj.__dict__ if isinstance(k, str))
    assert obj.__dict__["steps"] == [1, 2] and obj.__dict__["verbose"] is True and obj.__dict__[7] == "not a name"
    assert obj.__dict__["coef_"] is values["coef_"]


def test_an_object_holding_a_large_array_is_visited():
    """Regression: a large array's buffer reaches the discarding file as a PickleBuffer, which has no len()."""
    obj = _holding(Step, False, coef_=np.zeros(1_000_000), verbose=0)
    intern_attribute_names([obj])
    assert next(iter(obj.__dict__)) is sys.intern("coef_") and obj.__dict__["coef_"].shape == (1_000_000,)


def test_interned_names_are_left_as_they_are():
    obj = _holding(Step, True, verbose=0)
    names = obj.__dict__
    intern_attribute_names(obj)
    assert obj.__dict__ is names
