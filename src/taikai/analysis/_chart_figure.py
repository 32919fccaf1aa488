"""The figure every chart returns: a matplotlib ``Figure`` that a notebook shows as its picture.

The charts draw on a figure of their own Agg canvas, outside pyplot (no window opens, nothing piles up in pyplot's
figure list). Jupyter shows a bare ``Figure`` as a picture only once the inline backend has registered its
formatter, which it does when pyplot is imported or ``%matplotlib inline`` is run: a notebook that had done neither
showed ``<Figure size 700x420 with 1 Axes>`` in place of the chart. :class:`ChartFigure` gives IPython the PNG the HTML
report embeds (:func:`taikai.analysis.to_data_uri`'s, drawn with the charts' fonts and style), whatever the
notebook has imported. Imported when a chart is drawn, as matplotlib is.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from taikai.analysis._chart_png import warned_png


class ChartFigure(Figure):
    """A chart's figure; shown in a notebook as its PNG (``_repr_png_``); otherwise a matplotlib ``Figure``."""

    def _repr_png_(self) -> bytes:
        """Return the chart as PNG bytes, drawn as the report draws it; a character no chart font has (an emoji) is
        drawn as 〓 and named in a :class:`~taikai.errors.DataWarning`."""
        return warned_png(self)
