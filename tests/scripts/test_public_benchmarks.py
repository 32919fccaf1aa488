"""docs/public_benchmarks.md is what scripts/public_benchmarks.py writes: a rerun keeps every paragraph of it."""

from pathlib import Path

import public_benchmarks

PAGE = Path(__file__).parents[2] / "docs" / "public_benchmarks.md"


def test_the_page_is_rendered_byte_for_byte_from_its_own_figures():
    """Regression: the paragraph under the table was written by hand, and a rerun would have dropped it."""
    page = PAGE.read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith(tuple(f"| {s} |" for s in public_benchmarks.SETS))]
    assert len(rows) == 10  # 2 sets: 2 configurations measured and 3 references each
    configs = public_benchmarks.configurations()
    assert public_benchmarks.render(configs, rows) == page
    assert public_benchmarks.NOTE in page
