"""The heat map of a confusion matrix, drawn as the other charts (:mod:`taikai.analysis._charts`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from taikai.analysis._chart_fonts import chart_style
from taikai.analysis._chart_words import words as _words
from taikai.analysis._charts import _figure
from taikai.analysis._count_table import square_counts
from taikai.labels import reason_name

if TYPE_CHECKING:
    import numpy.typing as npt
    from matplotlib.figure import Figure


def confusion_plot(labels: list[str], confusion: npt.ArrayLike, title: str | None = None, lang: str = "ja") -> Figure:
    """Return a heat map of a confusion matrix (rows: gold labels, columns: predicted), its title (by default
    ``混同行列`` or ``Confusion matrix``), axes and label names in *lang* (``ja`` or ``en``), as the other charts."""
    words = _words(lang)
    matrix = square_counts(labels, confusion)
    with chart_style():
        fig = _figure(0.7 * len(labels) + 3, 0.6 * len(labels) + 2)
        ax = fig.add_subplot()
        ax.imshow(matrix, cmap="Blues")
        names = [reason_name(label, lang, labels) for label in labels]
        ax.set_xticks(range(len(labels)), names, rotation=45, ha="right")
        ax.set_yticks(range(len(labels)), names)
        for (i, j), value in np.ndenumerate(matrix):
            colour = "white" if value > matrix.max() / 2 else "black"
            ax.text(j, i, str(value), ha="center", va="center", color=colour)
        ax.set_xlabel(words["predicted"])
        ax.set_ylabel(words["gold"])
        ax.set_title(words["confusion"] if title is None else title)
    return fig
