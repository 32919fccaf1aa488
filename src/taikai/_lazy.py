"""Attributes of a package imported on first use, so that importing the package stays light.

Each lazy name is a descriptor on the package module's own class (:class:`_OnFirstRead`), not only a name its
``__getattr__`` (PEP 562) knows: ``inspect.getattr_static`` finds it without importing anything. Tab completion
reads names so: jedi (Jupyter, IPython) asks each name ``dir()`` lists for its type, and executes ``getattr`` on a
name it cannot find statically, which imported every heavy module behind ``taikai.`` (scikit-learn, pandas) and
took seconds; a descriptor it takes for an attribute to leave unexecuted.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Iterable
from typing import Any


class _OnFirstRead:
    """A lazy name of a package: its first read imports it (with *load*) and keeps it in the module's namespace, where
    the later reads find it (a descriptor without ``__set__`` gives way to the namespace), as they find a submodule
    the import system sets there."""

    def __init__(self, name: str, load: Callable[[str], Any]) -> None:
        self._name = name
        self._load = load

    def __get__(self, module: types.ModuleType | None, owner: type | None = None) -> Any:
        if module is None:  # read on the class
            return self
        value = self._load(self._name)
        vars(module)[self._name] = value
        return value


def _read_on_first_use(package: str, names: Iterable[str], load: Callable[[str], Any]) -> None:
    """Give the module of *package* (being imported) a class of its own holding each of *names* as an
    :class:`_OnFirstRead` that *load* imports."""
    module = sys.modules[package]
    attributes = {name: _OnFirstRead(name, load) for name in names}
    module.__class__ = type(f"LazyModule[{package}]", (type(module),), {"__slots__": (), **attributes})


def lazy_attributes(package: str, module: str, names: tuple[str, ...]) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` for *package* that takes *names* from *module* when first read."""
    return lazy_modules(package, {module: names})


def lazy_modules(
    package: str,
    modules: dict[str, tuple[str, ...]],
    submodules: tuple[str, ...] = (),
    renames: dict[str, str] | None = None,
    elsewhere: dict[str, str] | None = None,
    shared: dict[str, tuple[str, ...]] | None = None,
) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` for *package* that takes each of ``modules[module]`` from its *module*
    when first read (a *module* may be named relative to *package*: ``._schema``), and imports each of its
    *submodules* (``package.name``) when first read as an attribute. The module of *package*, which calls it as it
    is imported, gets each name as an :class:`_OnFirstRead` too, which tab completion finds without importing it.
    The old names of *renames* (``{old: new}``) read as :func:`renamed` reads them: the new one, with a warning.
    The names of *shared* (as *modules*) are taken so too: those taikai's other packages import from *package*, which
    its ``__all__`` and ``__dir__`` leave out (they are not its API).

    A name of *elsewhere*, which the package has not, is an ``AttributeError`` that adds where it is instead
    (``taikai.classify``: a method of the model)."""
    home = {name: module for held in (modules, shared or {}) for module, names in held.items() for name in names}
    old_names = _old_names(package, renames or {}, stacklevel=3)

    def __getattr__(name: str) -> Any:
        if name in home:
            return getattr(importlib.import_module(home[name], package), name)
        if name in submodules:
            return importlib.import_module(f"{package}.{name}")
        if elsewhere and name in elsewhere:
            raise AttributeError(f"module {package!r} has no attribute {name!r}; {elsewhere[name]}")
        return old_names(name)

    _read_on_first_use(package, [*home, *submodules], __getattr__)
    return __getattr__


def public_dir(namespace: dict[str, Any], names: Iterable[str]) -> Callable[[], list[str]]:
    """Return a module ``__dir__`` for a package of lazy attributes whose module *namespace* is ``globals()``: its
    public *names* (``__all__``, and the subpackages read as attributes) and its dunder names (``__doc__``,
    ``__file__``), not what it imports for itself (``Any``, ``annotations``) nor its private modules, so that
    ``dir()`` and tab completion list what it offers, those not imported yet included."""
    public = frozenset(names)

    def __dir__() -> list[str]:
        return sorted(public | {name for name in namespace if name.startswith("__") and name.endswith("__")})

    return __dir__


def public_names(modules: dict[str, tuple[str, ...]], names: Iterable[str] = ()) -> list[str]:
    """Return a package's ``__all__``: the names of its lazy *modules* (as :func:`lazy_modules` takes them) and the
    *names* it imports itself, in the order ruff keeps an ``__all__`` written out: constants, then classes, then
    the rest, each alphabetical."""
    every = [*names, *(name for held in modules.values() for name in held)]
    return sorted(every, key=lambda name: (0 if name.isupper() else 1 if name[0].isupper() else 2, name))


def renamed(package: str, renames: dict[str, str]) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` for *package* that reads each old name of *renames* (``{old: new}``) as its
    new one, with a ``DeprecationWarning`` that names the new one, given once a process for each old name (a
    notebook cell run again does not repeat it). The old names stay out of ``__all__`` and ``dir()``, so that
    ``from package import *`` binds only the new ones."""
    return _old_names(package, renames, stacklevel=2)


def _old_names(package: str, renames: dict[str, str], stacklevel: int) -> Callable[[str], Any]:
    """:func:`renamed`'s ``__getattr__``, its warning given *stacklevel* frames above it: the user's line."""
    warned: set[str] = set()
    module = sys.modules[package]

    def __getattr__(name: str) -> Any:
        if name not in renames:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        new = renames[name]
        if name not in warned:
            warned.add(name)
            import warnings

            warnings.warn(
                f"{package}.{name} is renamed {package}.{new}, and the old name will be removed in a later "
                f"release: write {new}",
                DeprecationWarning,
                stacklevel=stacklevel,
            )
        return getattr(module, new)

    return __getattr__
