"""Every type a signature of the public API names (what ``help()``, docs/api.md and a notebook's Shift-Tab show) is
one a user can look up: a public name of ``taikai`` or of a subpackage's ``__all__``, a builtin, or one of the
standard library, typing, pandas or numpy names listed here; not a private alias such as ``Rules`` or ``Data``.
The API is ``taikai.__all__`` and every subpackage's ``__all__``: its functions, and its classes with their public
methods and properties."""

from __future__ import annotations

import builtins
import enum
import importlib
import inspect
import re
import sys
import types
from typing import TypeVar

import pytest

import taikai

SUBPACKAGES = sorted(
    name for name in dir(taikai) if inspect.ismodule(getattr(taikai, name)) and name not in {"cli", "dask"}
)
PUBLIC_VALUES = [
    (name, getattr(importlib.import_module(module), name))
    for module in ["taikai", *(f"taikai.{package}" for package in SUBPACKAGES)]
    for name in getattr(importlib.import_module(module), "__all__", ())
]
PUBLIC = {name for name, _ in PUBLIC_VALUES}
PUBLIC_IDS = {id(value) for _, value in PUBLIC_VALUES}
OUTSIDE = {
    # the standard library and typing, as the signatures write them
    *("Any", "Callable", "Hashable", "Iterable", "Iterator", "Mapping", "Sequence", "Path", "Literal", "Unpack"),
    *("Collection", "Counter", "IO", "TextIO", "os", "re"),
    # pandas and numpy, written pd.…, np.… and npt.… or by their own names
    *("pd", "np", "npt", "DataFrame", "Series", "Index"),
    # pyarrow (pa.Schema, pa.DataType of the files written) and scikit-learn (the pipeline of a model)
    *("pa", "Pipeline"),
}


def _callables() -> list[tuple[str, object]]:
    """Return every function of ``taikai.__all__`` and of each subpackage's ``__all__``, and every class with its
    public methods and properties (enums and exceptions aside: their signatures are Python's), each once, under the
    first public name it has."""
    found = []
    seen: set[int] = set()
    for module in ["taikai", *(f"taikai.{package}" for package in SUBPACKAGES)]:
        package = importlib.import_module(module)
        for name in getattr(package, "__all__", ()):
            value = getattr(package, name)
            if id(value) in seen:
                continue
            seen.add(id(value))
            if not inspect.isclass(value):
                found += [(f"{module}.{name}", value)] if inspect.isroutine(inspect.unwrap(value)) else []
                continue
            if issubclass(value, BaseException | enum.Enum):
                continue
            found.append((f"{module}.{name}", value))
            for attribute in dir(value):
                member = inspect.getattr_static(value, attribute)
                member = member.__func__ if isinstance(member, staticmethod | classmethod) else member
                member = member.fget if isinstance(member, property) else member
                if not attribute.startswith("_") and inspect.isfunction(member):
                    found.append((f"{module}.{name}.{attribute}", member))
    return found


CALLABLES = _callables()


def _private(member: object, written: str) -> bool:
    """Return whether the name *written* in *member*'s signature is none a user can look up: not public, nor a
    builtin, nor a name of :data:`OUTSIDE`; or, where *member*'s module holds it, a type of taikai other than the
    public one of that name (``Block`` of the report's sections is not ``taikai.model.Block``). A type parameter
    (``T = TypeVar("T")``) of a generic class is no type to look up."""
    held = vars(sys.modules[getattr(member, "__module__", "taikai")]).get(written)
    if isinstance(held, TypeVar):
        return False
    ours = inspect.isclass(held) and held.__module__.startswith("taikai")
    alias = isinstance(held, types.UnionType | types.GenericAlias) or (
        type(held).__module__ == "typing" and hasattr(held, "__origin__")  # Literal[…], Optional[…], Callable[…]
    )
    if (ours or alias) and id(held) not in PUBLIC_IDS:
        return True
    return written not in PUBLIC and written not in OUTSIDE and not hasattr(builtins, written)


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
    unknown = {written for written in _named_types(member) if _private(member, written)}
    assert not unknown, f"{name}: its signature names {sorted(unknown)}, which are not public"


def test_the_callables_are_found():
    names = {name for name, _ in CALLABLES}
    assert {"taikai.train", "taikai.Model.predict_frame", "taikai.Model.classify", "taikai.FeatureConfig"} <= names
    assert {"taikai.io.read_predictions", "taikai.drift.HeldOut", "taikai.BatchSummary.rows_per_second"} <= names
