"""Every type a signature of the top-level API names (what ``help()`` and a notebook's Shift-Tab show) is one a user
can look up: a public name of ``taikai`` or of a subpackage's ``__all__``, a builtin, or one of the standard library,
typing, pandas or numpy names listed here; not a private alias such as ``Rules`` or ``Data``."""

from __future__ import annotations

import builtins
import enum
import importlib
import inspect
import re

import pytest

import taikai

SUBPACKAGES = sorted(
    name for name in dir(taikai) if inspect.ismodule(getattr(taikai, name)) and name not in {"cli", "dask"}
)
PUBLIC = {
    name
    for module in ["taikai", *(f"taikai.{package}" for package in SUBPACKAGES)]
    for name in getattr(importlib.import_module(module), "__all__", ())
}
OUTSIDE = {
    # the standard library and typing, as the signatures write them
    *("Any", "Callable", "Hashable", "Iterable", "Iterator", "Mapping", "Sequence", "Path", "Literal", "Unpack"),
    # pandas and numpy, written pd.…, np.… and npt.… or by their own names
    *("pd", "np", "npt", "DataFrame", "Series", "Index"),
}


def _callables() -> list[tuple[str, object]]:
    """Return every function of ``taikai.__all__``, and every class with its public methods (enums and exceptions
    aside: their signatures are Python's)."""
    found = []
    for name in taikai.__all__:
        value = getattr(taikai, name)
        if not inspect.isclass(value):
            found += [(f"taikai.{name}", value)] if callable(value) else []
            continue
        if issubclass(value, BaseException | enum.Enum):
            continue
        found.append((f"taikai.{name}", value))
        for attribute in dir(value):
            member = inspect.getattr_static(value, attribute)
            member = member.__func__ if isinstance(member, staticmethod | classmethod) else member
            if not attribute.startswith("_") and inspect.isfunction(member):
                found.append((f"taikai.{name}.{attribute}", member))
    return found


CALLABLES = _callables()


def _named_types(member: object) -> set[str]:
    """Return the first part of every dotted name the annotations of *member*'s signature write."""
    try:
        signature = inspect.signature(member)  # type: ignore[arg-type]
    except (TypeError, ValueError):  # an enum's members, a builtin: nothing to look up
        return set()
    annotations = [p.annotation for p in signature.parameters.values()] + [signature.return_annotation]
    written = " ".join(a if isinstance(a, str) else "" for a in annotations if a is not inspect.Parameter.empty)
    return {match.split(".")[0] for match in re.findall(r"[A-Za-z_][\w.]*", written)}


@pytest.mark.parametrize(("name", "member"), CALLABLES, ids=[name for name, _ in CALLABLES])
def test_every_type_a_signature_names_can_be_looked_up(name, member):
    """Regression: Model.predict, classify and predict_frame said ``rules: 'Rules'``, taikai.train ``data: 'Data'``,
    FeatureConfig ``class_weight: 'ClassWeight'``, EvaluationReport ``misclassified: 'tuple[Misclassified, ...]'``
    and BatchSummary.totals ``-> 'Totals'``, names no public module held."""
    unknown = {
        written
        for written in _named_types(member)
        if written not in PUBLIC and written not in OUTSIDE and not hasattr(builtins, written)
    }
    assert not unknown, f"{name}: its signature names {sorted(unknown)}, which are not public"


def test_the_callables_are_found():
    names = {name for name, _ in CALLABLES}
    assert {"taikai.train", "taikai.Model.predict_frame", "taikai.Model.classify", "taikai.FeatureConfig"} <= names
