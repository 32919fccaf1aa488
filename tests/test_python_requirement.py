"""The Python that pyproject.toml says taikai runs on (`requires-python`, the README's first lines) can install the
dependencies pinned to one release: the scikit-learn the shipped model needs decides the lowest Python."""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
ONE_RELEASE = re.compile(r"([\w-]+)\s*(?:==\s*[\d.]+|>=\s*(\d+)\.(\d+)\s*,\s*<\s*(\d+)\.(\d+))$")
"""A dependency pinned to one release (``unidic-lite==1.0.8``) or one minor series (``scikit-learn>=1.9,<1.10``):
every version pip may choose is that of the version installed here, and so is its own lowest Python."""


def floor(spec: str | None) -> tuple[int, ...]:
    """The lowest Python a ``Requires-Python`` specifier allows (``>=3.11`` → ``(3, 11)``; none: ``(0,)``)."""
    found = re.search(r">=\s*(\d+(?:\.\d+)*)", spec or "")
    return tuple(int(part) for part in found[1].split(".")) if found is not None else (0,)


def pinned(dependencies: list[str]) -> list[str]:
    """The names of *dependencies* pinned to one release or one minor series (:data:`ONE_RELEASE`)."""
    names = []
    for dependency in dependencies:
        found = ONE_RELEASE.match(dependency.split(";")[0].strip())
        if found is None:
            continue
        if found[2] is None or (found[2], int(found[3]) + 1) == (found[4], int(found[5])):
            names.append(found[1])
    return names


@pytest.mark.parametrize(
    ("spec", "expected"),
    [(">=3.11", (3, 11)), (">=3.10,<4", (3, 10)), ("!=3.0.*,>=2.7", (2, 7)), (None, (0,)), ("", (0,))],
)
def test_floor_reads_the_lowest_python(spec, expected):
    assert floor(spec) == expected


@pytest.mark.parametrize(
    ("dependencies", "expected"),
    [
        (["scikit-learn>=1.9,<1.10", "numpy>=2,<3", "unidic-lite==1.0.8"], ["scikit-learn", "unidic-lite"]),
        (["pandas>=2.1", "scipy>=1.10", "fugashi>=1.3,<2", "tomli>=2; python_version < '3.11'"], []),
        (["scikit-learn>=1.9,<1.11"], []),  # two minor series: their Pythons may differ
    ],
)
def test_pinned_finds_the_dependencies_of_one_release(dependencies, expected):
    assert pinned(dependencies) == expected


@pytest.mark.parametrize("name", pinned(PROJECT["dependencies"]))
def test_requires_python_allows_no_python_a_pinned_dependency_refuses(name):
    """Regression (h355): requires-python said >=3.10 and the README "Python ≥ 3.10", but scikit-learn 1.9 requires
    Python 3.11: on 3.10 (Ubuntu 22.04's python3) the README's first command stopped in pip with "No matching
    distribution found for scikit-learn<1.10,>=1.9"."""
    needed = floor(metadata.metadata(name).get("Requires-Python"))
    assert floor(PROJECT["requires-python"]) >= needed, (
        f"{name} {metadata.version(name)} requires Python {'.'.join(map(str, needed))}, and pyproject.toml says "
        f"requires-python {PROJECT['requires-python']!r}"
    )


def test_the_readme_says_the_python_pyproject_requires():
    lowest = ".".join(map(str, floor(PROJECT["requires-python"])))
    first = (ROOT / "README.md").read_text(encoding="utf-8").split("```", 1)[0]
    assert f"Python ≥ {lowest} " in first, f"the README's first lines do not say Python ≥ {lowest}"
