"""Embed the Japanese font the page needs: a subset of IPAexGothic (shipped by matplotlib-fontja) holding only the
characters the page uses, as a WOFF data URI in an ``@font-face`` rule, so the page reads without a system font."""

from __future__ import annotations

import base64
import io
import string
from functools import lru_cache

from taikai.errors import TaikaiError

FONT_FAMILY = "taikai IPAexGothic"
_ALWAYS = string.printable


@lru_cache(maxsize=1)
def _font_path() -> str:
    try:
        from matplotlib_fontja import get_font_ttf_path
    except ImportError as exc:
        raise TaikaiError("the report needs matplotlib-fontja for its font: pip install 'taikai[report]'") from exc
    return str(get_font_ttf_path())


def subset_font(text: str) -> tuple[bytes, str]:
    """Return (font file, format) of IPAexGothic cut down to the characters of *text* (and printable ASCII).

    WOFF (zlib): WOFF2 is a fifth smaller but its Brotli compression takes seconds per page.
    No OpenType layout features are kept: horizontal Japanese needs none.
    """
    flavor = "woff"
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(_font_path())
    cmap = font.getBestCmap()
    wanted = sorted({ord(c) for c in set(text) | set(_ALWAYS) if ord(c) in cmap})
    options = subset.Options()
    options.flavor = flavor
    options.layout_features = []
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = flavor
    font.save(buffer)
    return buffer.getvalue(), flavor


def font_face(text: str) -> str:
    """Return a CSS ``@font-face`` rule embedding the subset of IPAexGothic that *text* needs."""
    data, flavor = subset_font(text)
    uri = f"data:font/{flavor};base64," + base64.b64encode(data).decode("ascii")
    return f'@font-face{{font-family:"{FONT_FAMILY}";src:url({uri}) format("{flavor}");font-display:block}}'
