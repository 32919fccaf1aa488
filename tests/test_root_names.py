"""The repository root holds no file whose name is blank or framed by blanks: such a name is a command's output
written by accident (an ``evaluate --json "  "`` once left ``"  "`` there), which a new clone lists beside README.md."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def odd_names(names: list[str]) -> list[str]:
    """Return the *names* that are blank or begin or end with whitespace."""
    return [name for name in names if not name.strip() or name != name.strip()]


@pytest.mark.parametrize(
    ("names", "odd"),
    [
        (["README.md", "src"], []),
        (["README.md", "  "], ["  "]),
        ([" out.csv", "out.csv\t", "my data"], [" out.csv", "out.csv\t"]),
    ],
    ids=["plain", "blank", "framed"],
)
def test_odd_names_are_found(names, odd):
    assert odd_names(names) == odd


def test_the_root_holds_no_blank_names():
    assert odd_names(sorted(p.name for p in ROOT.iterdir())) == [], "a stray output: delete it"
