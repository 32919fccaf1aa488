"""Packages of lazy attributes (taikai._lazy), and every subpackage: dir() lists what they offer, not what they import
for themselves nor the names only taikai's other packages import from them."""

import importlib
import inspect
import sys
import types
import warnings

import pytest

from taikai._lazy import lazy_modules, public_dir, renamed

# (package, its public names beside __all__: the subpackages read as attributes)
LAZY_PACKAGES = [
    (
        "taikai",
        {
            *("analysis", "batch", "cli", "dask", "drift", "errors", "evaluation", "io", "labels", "model"),
            *("privacy", "rules", "suggestion", "text", "training"),
        },
    ),
    ("taikai.batch", {"dask"}),
    *((f"taikai.{name}", set()) for name in ("analysis", "cli", "drift", "errors", "evaluation", "io", "labels")),
    *((f"taikai.{name}", set()) for name in ("model", "privacy", "rules", "suggestion", "text", "training")),
]
IMPORTED_FOR_ITSELF = {"Any", "TYPE_CHECKING", "annotations", "importlib", "lazy_modules", "public_dir", "Path"}


@pytest.mark.parametrize(("package", "submodules"), LAZY_PACKAGES, ids=[p for p, _ in LAZY_PACKAGES])
def test_dir_lists_all_and_dunder_names_only(package, submodules):
    module = importlib.import_module(package)
    listed = set(dir(module))
    assert set(module.__all__) | submodules <= listed
    assert {"__doc__", "__name__", "__all__"} <= listed
    assert not listed & IMPORTED_FOR_ITSELF
    others = listed - set(module.__all__) - submodules
    assert all(name.startswith("__") and name.endswith("__") for name in others), sorted(others)
    for name in module.__all__:  # every name listed can be read
        getattr(module, name)


@pytest.mark.parametrize(("package", "submodules"), LAZY_PACKAGES, ids=[p for p, _ in LAZY_PACKAGES])
def test_every_name_is_found_without_being_imported(package, submodules):
    # Tab completion (jedi) reads a name it finds statically as an attribute; one only __getattr__ knows it executes
    # to tell its type, which imported scikit-learn and pandas behind "taikai." (seconds per Tab)
    module = importlib.import_module(package)
    for name in [*module.__all__, *submodules]:
        inspect.getattr_static(module, name)


@pytest.mark.parametrize(
    ("package", "name"),
    [("taikai", "load_model"), ("taikai", "io"), ("taikai.io", "open_reader"), ("taikai.rules", "load_rules")],
)
def test_a_name_read_once_is_kept_in_the_module_namespace(package, name):
    held = importlib.import_module(package)
    value = getattr(held, name)
    assert vars(held)[name] is value is getattr(held, name)
    assert inspect.getattr_static(held, name) is value  # what completion sees once it is imported: the value


@pytest.mark.parametrize(
    ("namespace", "names", "expected"),
    [
        ({"Any": 1, "__doc__": "", "x": 2}, ["x", "lazy"], ["__doc__", "lazy", "x"]),
        ({"_private": 1, "__version__": "1"}, [], ["__version__"]),
        ({"__x": 1, "y__": 2}, ("y",), ["y"]),  # a dunder name has both underscores
    ],
)
def test_public_dir(namespace, names, expected):
    assert public_dir(namespace, names)() == expected


def test_public_dir_reads_the_namespace_when_called():
    namespace: dict[str, object] = {}
    listed = public_dir(namespace, ["a"])
    namespace["__file__"] = "x"
    assert listed() == ["__file__", "a"]


def _type_checking_imports(package):
    """Return {module: names} of the imports under ``if TYPE_CHECKING:`` of *package*'s ``__init__.py``."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(importlib.import_module(package).__file__).read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    prefix = f"{package}."
    return {
        "." + node.module.removeprefix(prefix): tuple(alias.name for alias in node.names)
        for node in block.body
        if isinstance(node, ast.ImportFrom)
    }


def test_taikai_io_imports_for_type_checkers_what_its_lazy_maps_hold():
    # mypy takes taikai.io's imports as its exports (pyproject.toml), and __all__ is made of the public map (HOMES),
    # the names other packages import from it being in the other (SHARED): they must agree
    import taikai.io

    imported = _type_checking_imports("taikai.io")
    maps: dict[str, list[str]] = {}
    for held in (taikai.io._HOMES, taikai.io._SHARED):
        for module, names in held.items():
            maps.setdefault(module, []).extend(names)
    assert {m: sorted(n) for m, n in imported.items()} == {m: sorted(n) for m, n in maps.items()}
    public = {n for names in taikai.io._HOMES.values() for n in names}
    shared = {n for names in taikai.io._SHARED.values() for n in names}
    assert set(taikai.io.__all__) >= public and not public & shared and not set(taikai.io.__all__) & shared


@pytest.fixture
def old_named(monkeypatch):
    """A package of one public name, ``new``, which was ``old``: its old name read by :func:`renamed`."""
    module = types.ModuleType("oldnamed")
    monkeypatch.setitem(sys.modules, "oldnamed", module)
    module.new = object()
    module.__all__ = ["new"]
    module.__getattr__ = renamed("oldnamed", {"old": "new"})
    return module


def test_an_old_name_reads_as_the_new_one_with_one_warning_naming_it(old_named):
    with pytest.warns(DeprecationWarning, match=r"oldnamed\.old is renamed oldnamed\.new, .*: write new") as said:
        assert old_named.old is old_named.new
    assert [w.filename for w in said] == [__file__]  # the line of the user who read it
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert old_named.old is old_named.new  # once a process: a notebook cell run again says nothing


def test_an_old_name_is_not_bound_by_a_star_import_nor_listed(old_named):
    namespace: dict[str, object] = {}
    exec("from oldnamed import *", namespace)
    assert "new" in namespace and "old" not in namespace
    assert "old" not in dir(old_named)


def test_a_name_neither_old_nor_new_is_an_attribute_error(old_named):
    with pytest.raises(AttributeError, match="module 'oldnamed' has no attribute 'other'"):
        old_named.other  # noqa: B018


def test_a_lazy_package_reads_its_old_names_too(monkeypatch):
    module = types.ModuleType("lazyold")
    monkeypatch.setitem(sys.modules, "lazyold", module)
    module.__getattr__ = lazy_modules("lazyold", {"json": ("dumps",)}, renames={"to_json": "dumps"})
    with pytest.warns(DeprecationWarning, match="lazyold.to_json is renamed lazyold.dumps") as said:
        assert module.to_json is importlib.import_module("json").dumps
    assert [w.filename for w in said] == [__file__]
    with pytest.raises(AttributeError, match="has no attribute 'other'"):
        module.other  # noqa: B018


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("classify", "model.classify(texts)"),
        ("predict", "model.predict(texts)"),
        ("predict_frame", "model.predict_frame(df, text_column=...)"),
    ],
)
def test_a_method_of_the_model_looked_for_on_taikai_says_where_it_is(name, call):
    """A notebook user who read model.classify tried taikai.classify(texts): a bare AttributeError."""
    import taikai

    with pytest.raises(AttributeError) as caught:
        getattr(taikai, name)
    assert str(caught.value) == (
        f"module 'taikai' has no attribute {name!r}; {name} is a method of a model: model = taikai.load_model() "
        f"(or load_model(DIR)), then {call}"
    )
    assert not hasattr(taikai, name) and name not in dir(taikai)


def test_any_other_missing_name_is_python_s_own_error():
    import taikai

    with pytest.raises(AttributeError, match=r"^module 'taikai' has no attribute 'clasify'$"):
        taikai.clasify  # noqa: B018
