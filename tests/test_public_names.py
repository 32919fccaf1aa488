"""The public names of taikai's subpackages: no two ``__all__`` give one name to two different things (``from
taikai.analysis import *`` and ``from taikai.io import *`` in one notebook bound one ``Table`` and lost the other),
none is a type variable, and the names renamed for that, or to say what they are, still read, as their new names,
with a ``DeprecationWarning``.

Beside its ``__all__``, a package gives taikai's other packages names they import from it (its private modules are
only its own): those are no API, so each is imported by another package (else it belongs to its package's private
modules, or to the API) and stays out of ``__all__`` and ``dir()``, though it reads as before."""

from __future__ import annotations

import importlib
import warnings
from collections import defaultdict
from typing import TypeVar

import pytest
from api_reference import imported_elsewhere, shared_names

PACKAGES = [
    *("analysis", "batch", "drift", "errors", "evaluation", "io", "labels", "model", "privacy", "rules"),
    *("suggestion", "text", "training"),
]
RENAMED = [
    ("taikai.analysis", "Figure", "Chart"),
    ("taikai.analysis", "Table", "ReportTable"),
    ("taikai.analysis", "Block", "ReportBlock"),
    ("taikai.analysis", "FREQUENCIES", "FREQUENCY_NAMES_JA"),
    ("taikai.io", "columns_read", "mark_columns_read"),
    ("taikai.training", "content_sha256", "frame_sha256"),
    ("taikai.io", "ENCODING_ERRORS", "ENCODING_ERROR_MODES"),
    ("taikai.batch", "ON_BAD_LINES", "BAD_LINE_MODES"),
    # named as if they printed, or as a thing, or too generic: they return text, register a font, measure a text
    ("taikai.drift", "show_figure", "figure_text"),
    ("taikai.drift", "show_limit", "limit_text"),
    ("taikai.analysis", "japanese_font", "register_japanese_font"),
    ("taikai.drift", "Row", "MeasuredRow"),
]


def clashes() -> dict[str, set[str]]:
    """Return each name that the ``__all__`` of two subpackages give to two different objects, with those packages."""
    held: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for package in (f"taikai.{name}" for name in PACKAGES):
        module = importlib.import_module(package)
        for name in module.__all__:
            held[name][id(getattr(module, name))].add(package)
    return {name: set().union(*by_id.values()) for name, by_id in held.items() if len(by_id) > 1}


def test_no_two_packages_give_one_name_to_two_things():
    """Regression: taikai.analysis.Figure and .Table (the report's blocks) were taikai.drift.Figure's and
    taikai.io.Table's names, analysis.Block model.Block's, analysis.FREQUENCIES drift.FREQUENCIES', io.columns_read
    model.columns_read's, training.content_sha256 model.content_sha256's; io.ENCODING_ERRORS and batch.ON_BAD_LINES
    (the choices of two options) were the names of taikai.errors' Arguments of those options."""
    assert clashes() == {}


@pytest.mark.parametrize("package", PACKAGES)
def test_no_type_variable_is_a_public_name(package):
    """Regression: taikai.errors.E, the type variable of ``parse_choice``'s signature, was in its ``__all__``: a
    one-letter name that ``from taikai.errors import *`` bound, of no use outside that signature."""
    module = importlib.import_module(f"taikai.{package}")
    assert [name for name in module.__all__ if isinstance(getattr(module, name), TypeVar)] == []


@pytest.mark.parametrize(("package", "old", "new"), RENAMED, ids=[f"{p}.{old}" for p, old, _ in RENAMED])
def test_a_renamed_name_reads_as_its_new_one_with_a_warning(package, old, new):
    module = importlib.import_module(package)
    assert old not in module.__all__ and new in module.__all__
    assert old not in dir(module)
    with pytest.warns(DeprecationWarning, match=rf"{package}\.{old} is renamed {package}\.{new}\b"):
        assert getattr(module, old) is getattr(module, new)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert getattr(module, old) is getattr(module, new)  # said once


@pytest.mark.parametrize("package", PACKAGES)
def test_a_shared_name_is_imported_by_another_package(package):
    """A name outside ``__all__`` that no other package imports is no shared plumbing: it is the package's own (its
    private modules hold it) or the API (its ``__all__``)."""
    unused = set(shared_names(f"taikai.{package}")) - imported_elsewhere(f"taikai.{package}")
    assert not unused, f"taikai.{package} shares {sorted(unused)}, which no other package imports"


@pytest.mark.parametrize("package", PACKAGES)
def test_a_shared_name_reads_but_is_not_offered(package):
    module = importlib.import_module(f"taikai.{package}")
    namespace: dict[str, object] = {}
    exec(f"from taikai.{package} import *", namespace)
    for name in shared_names(f"taikai.{package}"):
        getattr(module, name)  # other packages import it so
        assert name not in module.__all__ and name not in dir(module) and name not in namespace, name


@pytest.mark.parametrize(
    ("package", "shared", "public"),
    [
        ("taikai.io", "STDIN", "read_predictions"),  # a lazy map's shared name
        ("taikai.errors", "TEXT_COLUMN", "InputError"),  # imported as itself
        ("taikai.rules", "rule_columns", "load_rules"),  # defined in the package's __init__, imported elsewhere
        ("taikai.batch", "run_local", "classify_file"),  # imported as itself for type checkers only
    ],
)
def test_shared_names_are_found_in_each_form(package, shared, public):
    assert shared in shared_names(package) and public not in shared_names(package)
