"""Every module under src/ keeps to one job, and so to at most 300 lines (docs/architecture.md)."""

from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "taikai"
MOST_LINES = 300
MODULES = sorted(SRC.rglob("*.py"))


def lines_of(path: Path) -> int:
    """Return the number of lines of *path*, as ``wc -l`` counts them."""
    return path.read_bytes().count(b"\n")


@pytest.mark.parametrize("module", MODULES, ids=[str(m.relative_to(SRC)) for m in MODULES])
def test_every_module_has_at_most_300_lines(module):
    assert lines_of(module) <= MOST_LINES, f"{module.relative_to(SRC)}: split it by job"


@pytest.mark.parametrize(("text", "lines"), [(b"", 0), (b"a\n", 1), (b"a\nb", 1), (b"a\n\n", 2)])
def test_lines_are_counted_as_wc_counts_them(tmp_path, text, lines):
    path = tmp_path / "m.py"
    path.write_bytes(text)
    assert lines_of(path) == lines


def test_the_modules_are_found():
    assert len(MODULES) > 100 and SRC / "__init__.py" in MODULES
