"""Where the UniDic dictionary is, and the MeCab arguments that load a dictionary (no heavy import)."""

from __future__ import annotations

import os


def default_dicdir() -> str:
    """Return the directory of the unidic-lite dictionary."""
    import unidic_lite

    return str(unidic_lite.DICDIR)


def dictionary_args(dicdir: str | None = None) -> str:
    """Return the MeCab arguments that load the dictionary in *dicdir* (default: unidic-lite's)."""
    dicdir = dicdir or default_dicdir()
    return f'-d "{dicdir}" -r "{os.path.join(dicdir, "mecabrc")}"'
