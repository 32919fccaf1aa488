"""The examples in taikai's docstrings (``help(taikai)``, ``help(taikai.mask_pii)``, …) run and print what they say:
every module of ``src/taikai`` whose docstrings hold a ``>>>`` example is run with :mod:`doctest`."""

import doctest
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
MODULES = sorted(
    ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
    for path in (SRC / "taikai").rglob("*.py")
    if ">>>" in path.read_text(encoding="utf-8")
)


def test_the_examples_are_found():
    """The search itself: the package's and mask_pii's examples are among those run."""
    assert {"taikai", "taikai.privacy._mask", "taikai.labels"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_a_docstring_example_runs(name, monkeypatch):
    monkeypatch.delenv("TAIKAI_MODEL", raising=False)  # the package's example classifies with the shipped model
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=False)
    assert result.attempted > 0, f"{name}: no example was run"
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} example(s) failed (run it with doctest)"
