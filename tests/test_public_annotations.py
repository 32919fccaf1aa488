"""Every type a signature of the public API names (what ``help()``, docs/api.md and a notebook's Shift-Tab show) is
one a user can look up: a public name of ``taikai`` or of a subpackage's ``__all__``, a builtin, or one of the
standard library, typing, pandas or numpy names listed here; not a private alias such as ``Rules`` or ``Data``.
The API is ``taikai.__all__`` and every subpackage's ``__all__``: its functions, and its classes with their public
methods and properties."""

from __future__ import annotations

import ast
import builtins
import enum
import importlib
import importlib.util
import inspect
import re
import sys
import types
from functools import cache
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
OUTSIDE_MODULES = {
    *("builtins", "collections", "typing", "pathlib", "os", "re", "io", "types", "datetime", "enum"),
    *("pandas", "numpy", "pyarrow", "sklearn", "matplotlib"),
}
"""The packages whose types a signature may name by a name imported from them (``Figure`` of matplotlib, which the
charts return): a user looks them up there."""
UNRESOLVED = object()


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


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(module: types.ModuleType, statement: ast.stmt) -> dict[str, object]:
    """Return what an import statement of *module* binds, each name to what it resolves to (``UNRESOLVED`` when
    importing it fails: an optional extra)."""
    bound: dict[str, object] = {}
    if isinstance(statement, ast.Import):
        for alias in statement.names:
            top = alias.name if alias.asname else alias.name.split(".")[0]
            try:
                bound[alias.asname or top] = importlib.import_module(top if not alias.asname else alias.name)
            except ImportError:
                bound[alias.asname or top] = UNRESOLVED
    elif isinstance(statement, ast.ImportFrom):
        base = importlib.util.resolve_name("." * statement.level + (statement.module or ""), module.__package__)
        for alias in statement.names:
            try:
                source = importlib.import_module(base)
                value = getattr(source, alias.name, None)
                value = importlib.import_module(f"{base}.{alias.name}") if value is None else value
            except ImportError:
                value = UNRESOLVED
            bound[alias.asname or alias.name] = value
    return bound


@cache
def type_checking_names(module_name: str) -> dict[str, object]:
    """Return the names *module_name* imports only under ``if TYPE_CHECKING:``, each with what it resolves to: the
    objects its signatures name, which its namespace does not hold at run time."""
    module = sys.modules[module_name]
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError):
        return {}
    found: dict[str, object] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for statement in node.body:
                found |= _imported(module, statement)
    return found


def _held(member: object, written: str) -> object:
    """Return what the name *written* in *member*'s signature is in *member*'s module: its value at run time, or what
    its import under ``TYPE_CHECKING`` resolves to; ``UNRESOLVED`` when neither says."""
    module_name = getattr(member, "__module__", "taikai")
    namespace = vars(sys.modules[module_name])
    if written in namespace:
        return namespace[written]
    return type_checking_names(module_name).get(written, UNRESOLVED)


def _private(member: object, written: str) -> bool:
    """Return whether the name *written* in *member*'s signature is none a user can look up. Where *member*'s module
    holds it, at run time or imported under ``TYPE_CHECKING``, what it resolves to decides: a type of taikai must be
    a public one (``ReportBlock`` of the report's sections is not ``taikai.model.Block``, a private class imported as
    ``Table`` is not ``taikai.io.Table``), another object one of :data:`OUTSIDE` or of :data:`OUTSIDE_MODULES`, not
    one that only shares a public name. A name resolved nowhere is public, a builtin or one of :data:`OUTSIDE` by
    name. A type parameter (``T = TypeVar("T")``) of a generic class is no type to look up."""
    held = _held(member, written)
    if isinstance(held, TypeVar):
        return False
    if held is UNRESOLVED:
        return written not in PUBLIC and written not in OUTSIDE and not hasattr(builtins, written)
    ours = inspect.isclass(held) and held.__module__.startswith("taikai")
    alias = isinstance(held, types.UnionType | types.GenericAlias) or (
        type(held).__module__ == "typing" and hasattr(held, "__origin__")  # Literal[…], Optional[…], Callable[…]
    )
    if ours or (alias and written not in OUTSIDE):
        return id(held) not in PUBLIC_IDS
    if written in OUTSIDE or hasattr(builtins, written):
        return False
    home = held.__name__ if inspect.ismodule(held) else getattr(held, "__module__", None) or ""
    return home.split(".")[0] not in OUTSIDE_MODULES


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
    assert {"taikai.io.read_predictions", "taikai.drift.PeriodDrift", "taikai.BatchSummary.rows_per_second"} <= names


SIGNED_UNDER_TYPE_CHECKING = '''
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from json import JSONDecoder as Model
    from taikai.io import Table as ReadTable
    from taikai.io._table_readers import XlsxReader as Table
    from matplotlib.figure import Figure


def read(path: str) -> {written}:
    """A function whose signature names a type imported only for type checkers."""
'''


@pytest.mark.parametrize(
    ("written", "private"),
    [
        ("Table", True),  # a private class of taikai under the name of taikai.io.Table
        ("Model", True),  # json's decoder under the name of taikai.Model
        ("ReadTable", False),  # taikai.io.Table itself, under another name
        ("Figure", False),  # matplotlib's, which the charts return
    ],
)
def test_a_name_imported_under_type_checking_is_judged_by_what_it_resolves_to(tmp_path, monkeypatch, written, private):
    """Regression: such a name was judged by itself alone, so that any object imported as ``Table`` or ``Model``
    passed for the public one."""
    (tmp_path / "signed_module.py").write_text(SIGNED_UNDER_TYPE_CHECKING.format(written=written), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "signed_module", raising=False)
    module = importlib.import_module("signed_module")
    assert _named_types(module.read) == {"str", written}
    assert _private(module.read, written) is private
