"""Where the UniDic dictionary is, and the MeCab arguments that load a dictionary (no heavy import)."""

from __future__ import annotations

import os

from taikai.errors import InputError

DICTIONARY_FILES = ("sys.dic", "matrix.bin", "char.bin", "unk.dic", "dicrc")
"""The files MeCab reads from a dictionary directory (it fails, with no word of which one, if one is missing)."""


def default_dicdir() -> str:
    """Return the directory of the unidic-lite dictionary."""
    import unidic_lite

    return str(unidic_lite.DICDIR)


def check_dicdir(dicdir: str, *, rc: bool = True) -> None:
    """Raise :class:`InputError` naming *dicdir* unless it is a directory holding a compiled MeCab dictionary
    (:data:`DICTIONARY_FILES`, and with *rc* the ``mecabrc`` taikai points MeCab at); before MeCab reads it, whose
    own error names neither the directory nor the file."""
    needed = (*DICTIONARY_FILES, "mecabrc") if rc else DICTIONARY_FILES
    if not os.path.isdir(dicdir):
        wrong = "no such directory" if not os.path.exists(dicdir) else "not a directory"
    else:
        missing = [name for name in needed if not os.path.isfile(os.path.join(dicdir, name))]
        if not missing:
            return
        wrong = f"not a MeCab dictionary directory (no {', '.join(missing)})"
    raise InputError(
        f"dicdir={dicdir!r}: {wrong}; a MeCab dictionary directory holds the compiled dictionary: "
        f"{', '.join(needed)}, as unidic-lite's does; give dicdir= such a directory, or None for unidic-lite's"
    )


def dictionary_args(dicdir: str | None = None) -> str:
    """Return the MeCab arguments that load the dictionary in *dicdir* (default: unidic-lite's), checked first."""
    dicdir = dicdir or default_dicdir()
    check_dicdir(dicdir)
    return f'-d "{dicdir}" -r "{os.path.join(dicdir, "mecabrc")}"'
