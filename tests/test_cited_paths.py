"""The README and the documents it links (docs/, data/, bench/RESULTS.md) cite files of the repository and names of
taikai that exist: a newcomer who opens a cited test or module finds it (docs/architecture.md has its own, stricter
test, tests/test_architecture_doc.py). Files that commands write (models/mine, bench/out/…) are not checked."""

from __future__ import annotations

import re

import pytest
from test_architecture_doc import DOTTED, ROOT, resolves, spans

DOCS = sorted([ROOT / "README.md", *ROOT.glob("docs/*.md"), *ROOT.glob("data/*.md"), ROOT / "bench" / "RESULTS.md"])
SOURCES = re.compile(r"(src|tests|scripts|examples|notebooks)/[\w./-]*\w")
"""Paths of files kept in the repository, never written by a command."""


def cited(text: str) -> tuple[list[str], list[str]]:
    """Return the repository paths and the dotted names of taikai cited in the inline code spans of *text*."""
    found = spans(text)
    return [s for s in found if SOURCES.fullmatch(s)], [s for s in found if DOTTED.fullmatch(s.removesuffix(".*"))]


@pytest.mark.parametrize(
    ("text", "paths", "names"),
    [
        ("the same matrix (`tests/model/test_vectorizer.py`)", ["tests/model/test_vectorizer.py"], []),
        ("`taikai.model.FastTfidfVectorizer` counts", [], ["taikai.model.FastTfidfVectorizer"]),
        ("train into `models/mine`; `bench/out/x.json`", [], []),  # written by commands: not checked
        ("```sh\npython tests/gone.py\n```", [], []),  # a code block runs; a span cites
    ],
)
def test_cited_finds_the_paths_and_names_of_spans(text, paths, names):
    assert cited(text) == (paths, names)


@pytest.mark.parametrize("doc", DOCS, ids=[str(p.relative_to(ROOT)) for p in DOCS])
def test_every_cited_file_and_name_exists(doc):
    """Regression (h355): bench/RESULTS.md cited tests/test_vectorize.py, tests/test_dask.py and
    taikai.vectorize.FastTfidfVectorizer, gone since the tests and the vectorizer moved into subpackages."""
    paths, names = cited(doc.read_text(encoding="utf-8"))
    gone = [p for p in paths if not (ROOT / p).exists()]
    # docs/api.md is generated from the code itself; a method a mixin defines is not followed by resolves
    unresolved = [n for n in names if not resolves(n)] if doc.name != "api.md" else []
    assert not gone and not unresolved, f"{doc.relative_to(ROOT)} cites {gone + unresolved}, which do not exist"
