"""taikai.labels, a package of private modules: every name read from it is in its ``__all__``, or among the names it
shares with taikai's other packages."""

import ast
import re
from pathlib import Path

from api_reference import shared_names

import taikai

ROOT = Path(__file__).resolve().parents[2]


def _imported_from_labels() -> set[str]:
    """Return every name the sources, tests, scripts, docs, README and notebooks import from ``taikai.labels`` or
    read as ``taikai.labels.x``."""
    names: set[str] = set()
    for path in [*ROOT.glob("src/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("scripts/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "taikai.labels":
                names |= {alias.name for alias in node.names}
    for path in [
        ROOT / "README.md",
        *ROOT.glob("docs/*.md"),
        *ROOT.glob("notebooks/*.ipynb"),
        *ROOT.glob("src/**/*.py"),
    ]:
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"\btaikai\.labels\.([A-Za-z]\w*)", text))
        for listed in re.findall(r"from taikai\.labels import \(?([\w, ]+)", text):
            names |= {name.split(" as ")[0].strip() for name in listed.split(",") if name.strip()}
    return names


def test_every_name_imported_from_taikai_labels_is_public():
    """``taikai.labels`` became a package of private modules: every name read from it before stays there, in its
    ``__all__`` (what docs/api.md documents) or, read only by taikai's packages, among those it shares (which
    docs/api.md names in its closing index)."""
    used = _imported_from_labels()
    assert {"OwnLabels", "label_cell", "reason_name", "parse_reasons", "LABEL_SEPARATORS"} <= used  # the search
    assert used <= set(taikai.labels.__all__) | set(shared_names("taikai.labels"))
