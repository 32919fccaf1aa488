"""The README ("Development"): CI (``.ci/run``) runs the static checks, and ``.pre-commit-config.yaml`` runs the same
ones before a commit; the README's own block lists them too. A check added to one and not the others fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKS = ["ruff check", "ruff format --check", "lint-imports", "mypy"]
"""The static checks, as the README lists them (``.venv/bin/`` and a hook's ``--force-exclude`` left out)."""


def commands(text: str, pattern: str) -> list[str]:
    """Return the checks *pattern* finds in *text* (its group 1: the command after ``.venv/bin/``), what only chooses
    files left out (``--force-exclude``, a hook's; the ``.`` of a command run on the whole tree)."""
    found = [re.sub(r"\s+(--force-exclude\b|\.$)", "", command.strip()) for command in re.findall(pattern, text)]
    return [command for command in found if not command.startswith(("python", "pip"))]


SOURCES = {
    ".ci/run": (ROOT / ".ci" / "run", r"&& \.venv/bin/(.+)"),
    ".pre-commit-config.yaml": (ROOT / ".pre-commit-config.yaml", r"entry: \.venv/bin/(.+)"),
    "README.md": (ROOT / "README.md", r"(?m)^\.venv/bin/((?:ruff|lint-imports|mypy)[^#&\n]*)"),
}


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_each_place_runs_the_same_static_checks(source):
    path, pattern = SOURCES[source]
    text = path.read_text(encoding="utf-8")
    if source == "README.md":  # one line of the block holds two checks joined by &&
        text = re.sub(r" && \.venv/bin/", "\n.venv/bin/", text)
    assert sorted(commands(text, pattern)) == sorted(CHECKS)
