"""The charts' fonts: IPAexGothic (matplotlib-fontja) for Japanese, then DejaVu Sans (shipped with matplotlib) for
the symbols it lacks; a character neither font has is drawn as 〓 and named once in a warning."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from taikai._cut import cut_list
from taikai.errors import TaikaiError

FONT_FAMILY = "IPAexGothic"
FALLBACK_FAMILIES = ("DejaVu Sans",)
"""Fonts matplotlib takes a glyph from when IPAexGothic has none (★ is IPAexGothic's, ❤ and ☺ DejaVu Sans's)."""
MISSING = "〓"
"""What a chart draws for a character no font of the charts has (the geta mark, Japanese type's stand-in for a
missing character): an emoji (🚀), a kanji outside IPAexGothic (𠮷); matplotlib would draw a box."""
_SHOWN = 5


def register_japanese_font() -> str:
    """Register the IPAexGothic font shipped by matplotlib-fontja with matplotlib and return its family name."""
    try:
        from matplotlib import font_manager
        from matplotlib_fontja import get_font_ttf_path
    except ImportError as exc:
        raise TaikaiError("charts need matplotlib and matplotlib-fontja: pip install 'taikai[report]'") from exc
    if FONT_FAMILY not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(get_font_ttf_path())
    return FONT_FAMILY


def font_families() -> list[str]:
    """Return the charts' ``font.family``: IPAexGothic (registered), then the fallback fonts."""
    return [register_japanese_font(), *FALLBACK_FAMILIES]


def use_japanese_font() -> None:
    """Make IPAexGothic matplotlib's default font (for notebooks and pandas ``.plot``), with DejaVu Sans after it for
    the symbols IPAexGothic lacks."""
    import matplotlib

    matplotlib.rcParams["font.family"] = font_families()


@contextmanager
def chart_style() -> Iterator[None]:
    """Draw with the charts' fonts and style; a text is drawn as written (``$5〜$10`` is no mathtext formula)."""
    import matplotlib

    with matplotlib.rc_context(
        {
            "font.family": font_families(),
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "text.parse_math": False,
        }
    ):
        yield


@lru_cache(maxsize=1)
def _drawn() -> frozenset[int]:
    """The code points the charts' fonts have a glyph for."""
    from matplotlib import font_manager

    points: set[int] = set()
    for family in font_families():
        path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        points.update(font_manager.get_font(path).get_charmap())
    return frozenset(points)


def drawable(text: str, missing: dict[str, None]) -> str:
    """Return *text* with each character no chart font has as :data:`MISSING` (a control or format character
    without a glyph as a space, as :func:`taikai.text.printable` shows it; a line break kept), adding the replaced
    characters to *missing* (in order, once each)."""
    drawn = _drawn()
    if all(ord(ch) in drawn or ch == "\n" for ch in text):
        return text
    out = []
    for ch in text:
        if ord(ch) in drawn or ch == "\n":
            out.append(ch)
        elif unicodedata.category(ch).startswith("C"):
            out.append(" ")
        else:
            out.append(MISSING)
            missing[ch] = None
    return "".join(out)


@contextmanager
def drawable_texts(fig: Any) -> Iterator[dict[str, None]]:
    """While in the block, draw every text of *fig* (titles, tick labels, legends, bar labels) with the characters
    no chart font has replaced (:func:`drawable`); yield the replaced characters, filled in as *fig* is drawn, in
    the order met. The figure is left as it was."""
    from matplotlib.text import Text

    missing: dict[str, None] = {}
    texts = [(text, text.get_text()) for text in fig.findobj(Text)]
    axes = [
        (level, level.formatter)
        for ax in fig.axes
        for axis in (ax.xaxis, ax.yaxis)
        for level in (axis.major, axis.minor)
    ]
    try:
        for text, was in texts:
            text.set_text(drawable(was, missing))
        for level, formatter in axes:  # tick labels: set from the formatter at every draw
            level.formatter = _drawable_ticks(formatter, missing)
        yield missing
    finally:
        for text, was in texts:
            text.set_text(was)
        for level, formatter in axes:
            level.formatter = formatter


def _drawable_ticks(formatter: Any, missing: dict[str, None]) -> Any:
    from matplotlib.ticker import Formatter

    class DrawableTicks(Formatter):
        def __init__(self) -> None:
            self.axis = formatter.axis

        def __call__(self, x: Any, pos: Any = None) -> str:
            return drawable(str(formatter(x, pos)), missing)

        def format_ticks(self, values: Any) -> list[str]:
            return [drawable(str(label), missing) for label in formatter.format_ticks(values)]

        def get_offset(self) -> str:
            return drawable(str(formatter.get_offset()), missing)

        def set_locs(self, locs: Any) -> None:
            formatter.set_locs(locs)

    return DrawableTicks()


def missing_glyphs_warning(characters: list[str]) -> str:
    """Return the warning naming the characters the charts drew as :data:`MISSING`."""
    named = cut_list([f"{ch} (U+{ord(ch):04X})" for ch in characters], _SHOWN)
    return (
        f"the charts have no glyph for {len(characters)} character(s) of the data, drawn on them as {MISSING}: {named}"
    )
