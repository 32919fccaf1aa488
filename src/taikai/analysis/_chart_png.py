"""A chart's PNG, laid out and drawn once.

``Figure.savefig`` of a figure with a layout engine (the charts' constrained layout) draws the figure twice: once
with drawing turned off, to lay it out, then again to render it. Drawing the canvas lays the figure out first
(``Figure.draw`` runs its layout engine) and renders it in the same pass, so the pixels are the ones ``savefig``
gives with matplotlib's defaults (byte for byte), for about two thirds of its time. The PNG is written as
``savefig`` writes it (``matplotlib.image.imsave`` of the canvas's buffer, at the figure's dpi), whatever
``savefig.*`` settings a notebook has made (``savefig.bbox: tight``, a ``savefig.dpi``): the charts are drawn as
their figures say.
"""

from __future__ import annotations

import base64
import io
import warnings
from typing import TYPE_CHECKING, Any

from taikai._warn import warn_user
from taikai.analysis._chart_fonts import chart_style, drawable_texts, missing_glyphs_warning
from taikai.errors import DataWarning

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def png_bytes(fig: Figure) -> bytes:
    """Return *fig* as PNG bytes: drawn once on its Agg canvas (the charts'), or, a figure of another canvas (a
    window's, which drawing would update), by ``savefig``, which leaves its canvas as it was."""
    import matplotlib.image
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = io.BytesIO()
    if type(fig.canvas) is not FigureCanvasAgg:
        fig.savefig(buffer, format="png")
        return buffer.getvalue()
    canvas: Any = fig.canvas  # matplotlib's canvas methods are untyped
    canvas.draw()
    matplotlib.image.imsave(buffer, canvas.buffer_rgba(), format="png", origin="upper", dpi=fig.dpi)
    return buffer.getvalue()


def drawn_png(fig: Figure) -> tuple[bytes, list[str]]:
    """Return the chart's PNG, drawn with the charts' fonts and style, and the characters no chart font has, drawn
    as 〓 (*fig* is left as it was)."""
    with chart_style(), drawable_texts(fig) as missing, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)  # any left (mathtext's fonts)
        png = png_bytes(fig)  # laid out and drawn once, not twice as savefig does
    return png, list(missing)


def png_uri(fig: Figure) -> tuple[str, list[str]]:
    """Return the figure as a PNG data URI and the characters no chart font has, drawn as 〓 (for the report, which
    warns once for all its charts)."""
    png, missing = drawn_png(fig)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii"), missing


def warned_png(fig: Figure) -> bytes:
    """Return the chart's PNG (:func:`drawn_png`), naming in a :class:`~taikai.errors.DataWarning` the characters
    drawn as 〓."""
    png, missing = drawn_png(fig)
    if missing:
        warn_user(missing_glyphs_warning(missing), DataWarning)
    return png
