"""Find the repository's data files (``data/sample_dump.csv``, ``data/reviews.csv``) for the notebook, wherever its
kernel was started, and say which file is read and why."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from taikai.errors import InputError, check_path

DUMP = Path("data") / "sample_dump.csv"
"""The review dump the notebook classifies, relative to the repository."""
DUMP_DATES = "posted_at"
"""The column of dates of ``data/sample_dump.csv``."""
CORPUS = Path("data") / "reviews.csv"
"""The labelled corpus: the notebook's evaluation, and its dump while ``data/sample_dump.csv`` is missing."""
_HERE = Path(__file__).resolve()
SOURCE_CHECKOUT = _HERE.parents[3] if len(_HERE.parents) > 3 else _HERE.parent
"""The checkout this taikai was imported from (``src/taikai/analysis/`` → the repository), when run from one."""


@dataclass(frozen=True)
class RepoData:
    """The data files of the repository found at :attr:`root`, and what :attr:`note` says about the choice."""

    root: Path
    dump: Path
    """``data/sample_dump.csv``, or ``data/reviews.csv`` when the dump is missing (:attr:`note` says so)."""
    corpus: Path
    """``data/reviews.csv``, the labelled corpus."""
    note: str
    """Which dump is read, from which repository, and why (for the notebook to print)."""
    date_column: str | None = None
    """The dump's column of dates: ``posted_at`` in ``data/sample_dump.csv``; ``None`` for the labelled corpus, which
    has none (the notebook's trends are left out then)."""


def find_repo_data(start: str | os.PathLike[str] | None = None) -> RepoData:
    """Return the data files of the repository at *start* or above it; without *start*, at the working directory
    (where a notebook's kernel started) or above it, else of the checkout taikai is imported from.

    The repository is the first directory holding ``data/reviews.csv``; :attr:`RepoData.note` says which one was
    used and why. Raises :class:`InputError` naming every place looked at, and what to do, when none holds it (a
    *start* given is never passed over for the checkout: the data found would not be the data asked for).
    """
    if start is not None:
        check_path("start", start)
        given = Path(start)
        if not given.is_dir():
            raise InputError(
                f"{given}: no such folder; give the repository's folder (the one holding {CORPUS.as_posix()}): "
                "find_repo_data('/path/to/taikai'), or call find_repo_data() to look from the working directory"
            )
        for root in [given.resolve(), *given.resolve().parents]:
            if (root / CORPUS).is_file():
                return _found(
                    root, "the folder given" if root == given.resolve() else f"above the folder given, {given}"
                )
        raise InputError(
            f"no {CORPUS.as_posix()} in {given.resolve()} or any folder above it: give the repository's folder (the "
            "one holding data/reviews.csv): find_repo_data('/path/to/taikai'), or call find_repo_data() to look "
            "from the working directory"
        )
    here = Path.cwd().resolve()
    for root in [here, *here.parents]:
        if (root / CORPUS).is_file():
            return _found(root, "the working directory" if root == here else f"above the working directory {here}")
    if (SOURCE_CHECKOUT / CORPUS).is_file():
        return _found(
            SOURCE_CHECKOUT, f"the checkout taikai is imported from: no {CORPUS.as_posix()} in {here} or above it"
        )
    raise InputError(
        f"no {CORPUS.as_posix()} in {here} or any folder above it, nor in the checkout taikai is imported "
        f"from ({SOURCE_CHECKOUT}): the notebook reads the repository's data/ folder; start Jupyter in the "
        "repository (its root or notebooks/), or give the repository's folder: find_repo_data('/path/to/taikai')"
    )


def _found(root: Path, why: str) -> RepoData:
    """Return the data files of the repository *root*, found as *why* says (``the working directory``)."""
    corpus = root / CORPUS
    used = f"the data of {root} ({why}): "
    if (root / DUMP).is_file():
        return RepoData(root, root / DUMP, corpus, f"{used}classifying {root / DUMP}", DUMP_DATES)
    note = (
        f"{used}classifying {corpus} (the labelled corpus): {root / DUMP} does not exist; "
        "put the review dump there to classify it instead"
    )
    return RepoData(root, corpus, corpus, note)
