"""Drift: does a dump still look like what the model was trained on?

A dump (raw, classified on the fly, or a ``taikai batch`` output) is counted into :class:`DriftStatistics` and
compared with a reference: the statistics stored in the model at training time, or another file. Each figure
has a threshold (docs/drift.md), widened by what chance gives at the part's number of rows; :func:`check_drift`
returns a :class:`DriftReport` whose ``alert`` says if any figure of the whole dump or of a period passed its
threshold, and whose ``verdict`` (:class:`Verdict`) also says when no figure could be judged.

Three names were renamed to say what they are: :func:`figure_text` and :func:`limit_text` (were ``show_figure`` and
``show_limit``: they return the text, they print nothing) and :class:`MeasuredRow` (``Row``: one text as measured,
no row of a file). The old names still read, with a ``DeprecationWarning``.
"""

from taikai._lazy import public_dir as _public_dir
from taikai._lazy import renamed as _renamed

# A name imported as itself (`x as x`) is shared: taikai's other packages import it from here, but it is not the
# API (not in __all__ nor dir(); docs/api.md names it only in this package's closing index).
from taikai.drift._check import check_drift, reference_statistics
from taikai.drift._chunk_counts import FileStatistics
from taikai.drift._compare import compare
from taikai.drift._counting import FOREIGN_BELOW, MeasuredRow, StatisticsBuilder
from taikai.drift._dump_texts import DumpTexts, Example
from taikai.drift._figures import Figure, NewWord, figure_text, limit_text, new_words
from taikai.drift._files import file_statistics, frame_statistics
from taikai.drift._gaps import EmptyPeriods
from taikai.drift._gaps import gaps_line as gaps_line
from taikai.drift._hidden_words import HiddenWords
from taikai.drift._mix import ShareMove, js_divergence, largest_move
from taikai.drift._period_drift import PeriodDrift
from taikai.drift._periods import FREQUENCIES
from taikai.drift._reference import HeldOut as HeldOut
from taikai.drift._reference import training_statistics as training_statistics
from taikai.drift._result import DriftReport, Verdict
from taikai.drift._stray import SHOWN_ROWS as SHOWN_ROWS
from taikai.drift._stray import End, StrayPeriods, StrayRow, stray_ends
from taikai.drift._thresholds import FIGURE_NAMES as FIGURE_NAMES
from taikai.drift._thresholds import MIN_ROWS as MIN_ROWS

__all__ = [
    "FOREIGN_BELOW",
    "FREQUENCIES",
    "DriftReport",
    "DumpTexts",
    "EmptyPeriods",
    "End",
    "Example",
    "Figure",
    "FileStatistics",
    "HiddenWords",
    "MeasuredRow",
    "NewWord",
    "PeriodDrift",
    "ShareMove",
    "StatisticsBuilder",
    "StrayPeriods",
    "StrayRow",
    "Verdict",
    "check_drift",
    "compare",
    "figure_text",
    "file_statistics",
    "frame_statistics",
    "js_divergence",
    "largest_move",
    "limit_text",
    "new_words",
    "reference_statistics",
    "stray_ends",
]
__dir__ = _public_dir(globals(), __all__)  # what the package offers, not what it imports for itself

# The old names (see the docstring).
__getattr__ = _renamed(__name__, {"show_figure": "figure_text", "show_limit": "limit_text", "Row": "MeasuredRow"})
