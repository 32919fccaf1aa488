"""Every string statement of a module or class body documents something: the module or class (first statement), or
the name assigned just before it; a string anywhere else documents nothing and reads as if it did."""

import ast
from itertools import pairwise
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "taikai"
MODULES = sorted(SRC.rglob("*.py"))


def stray_strings(source: str) -> list[int]:
    """Return the lines of the string statements of *source* that document nothing (see the module)."""
    tree = ast.parse(source)
    bodies = [tree.body] + [node.body for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    return [
        statement.lineno
        for body in bodies
        for before, statement in pairwise(body)
        if isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
        and not isinstance(before, ast.Assign | ast.AnnAssign)
    ]


@pytest.mark.parametrize("module", MODULES, ids=[str(m.relative_to(SRC)) for m in MODULES])
def test_no_string_documents_nothing(module):
    lines = stray_strings(module.read_text(encoding="utf-8"))
    assert not lines, f"{module.relative_to(SRC)}:{lines[0]}: a string documenting nothing: join it to what it says"


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ('"""Module."""\nA = 1\n"""A."""\n', []),
        ('"""Module."""\nA: int = 1\n"""A."""\n', []),
        ('"""Module."""\nA = 1\n"""A."""\n"""Stray."""\n', [4]),  # h313: the one after REGEX_FLAGS in rules/_rule.py
        ('"""Module."""\ndef f():\n    pass\n"""Stray."""\n', [4]),
        ('class C:\n    """C."""\n    x = 1\n    """x."""\n    """Stray."""\n', [5]),
        ('def f():\n    """f."""\n    return 1\n', []),
    ],
)
def test_a_stray_string_is_found(source, lines):
    assert stray_strings(source) == lines
