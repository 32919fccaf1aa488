"""Attributes of a package imported on first use (PEP 562), so that importing the package stays light."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any


def lazy_attributes(package: str, module: str, names: tuple[str, ...]) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` for *package* that takes *names* from *module* when first read."""
    return lazy_modules(package, {module: names})


def lazy_modules(
    package: str, modules: dict[str, tuple[str, ...]], submodules: tuple[str, ...] = ()
) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` for *package* that takes each of ``modules[module]`` from its *module*
    when first read (a *module* may be named relative to *package*: ``._schema``), and imports each of its
    *submodules* (``package.name``) when first read as an attribute."""
    home = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:
        if name in home:
            return getattr(importlib.import_module(home[name], package), name)
        if name in submodules:
            return importlib.import_module(f"{package}.{name}")
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

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
