"""File-manager litter: what file managers, office programs and Jupyter write beside one's files, which is neither
data nor anyone's work. One definition for both ends of the Dask engine: an input folder's litter is not read (and
said to be skipped), an output folder's is neither refused nor deleted."""

from __future__ import annotations

from collections.abc import Sequence

from taikai._cut import cut_list

LITTER = frozenset({".ds_store", ".ipynb_checkpoints", "thumbs.db", "desktop.ini", ".directory"})
"""What file managers and Jupyter write into a folder one opens (Finder's ``.DS_Store``, Windows Explorer's
``Thumbs.db`` and ``desktop.ini``, KDE's ``.directory``, Jupyter's ``.ipynb_checkpoints``), compared in lower
case; the names that begin with one of :data:`LITTER_PREFIXES` are litter too."""
LITTER_PREFIXES = ("._", "~$", ".~lock.")
"""macOS's ``._NAME`` files (AppleDouble, on a shared or USB drive), and the lock files of a document open in
Microsoft Office (``~$book.xlsx``) or LibreOffice (``.~lock.book.csv#``)."""
WHAT_LITTER_IS = "written by a file manager, an office program or Jupyter, not data"
"""What messages say of litter."""
SHOWN = 3
"""How many names a message lists (:func:`listed`)."""


def is_litter(name: str) -> bool:
    """Say whether the entry called *name* is file-manager litter (:data:`LITTER`, :data:`LITTER_PREFIXES`)."""
    return name.lower() in LITTER or name.startswith(LITTER_PREFIXES)


def listed(names: Sequence[str]) -> str:
    """Return the first :data:`SHOWN` of *names*, and how many more there are."""
    return cut_list(names, SHOWN)
