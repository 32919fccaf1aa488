"""Training: a model from labelled data, plus labelled files a person added, with what they bought.

:func:`train` reads the base data and any added labelled files through :mod:`taikai.io`, skips (or refuses) rows
that cannot be used, cross-validates, tunes the per-reason thresholds, tests, compares the model with and without
the added rows, and saves the model with metadata that records every input file.

The steps of :func:`train` that work on the frame :func:`read_inputs` builds (its ``primary`` and ``label_set``
columns), such as the split, the cross-validation, the comparison of added rows and the weak-data warnings, are
internal (``taikai.training._cv``, ``_compare``, ``_checks``): they are not public, since an ordinary labelled frame
lacks those columns; call :func:`train`, which reads any labelled file or frame.

:func:`frame_sha256` was ``content_sha256``, the name of :func:`taikai.model.content_sha256` (which hashes rows,
not a frame's columns): the old name still reads, with a ``DeprecationWarning``.
"""

from taikai._lazy import public_dir as _public_dir
from taikai._lazy import renamed as _renamed
from taikai.model import AddedComparison, HeldOutScores  # re-exported: where train's comparison was defined
from taikai.training._checked_input import LabelledData
from taikai.training._checks import check_out_dir
from taikai.training._columns import Columns
from taikai.training._cv import frame_sha256, tune_thresholds
from taikai.training._dropped import Differences
from taikai.training._inputs import IdsUsed, TrainingInputs, read_inputs
from taikai.training._train import SkippedRowsWarning, skipped_summary, train

__all__ = [
    "AddedComparison",
    "Columns",
    "Differences",
    "HeldOutScores",
    "IdsUsed",
    "LabelledData",
    "SkippedRowsWarning",
    "TrainingInputs",
    "check_out_dir",
    "frame_sha256",
    "read_inputs",
    "skipped_summary",
    "train",
    "tune_thresholds",
]
__dir__ = _public_dir(globals(), __all__)  # what the package offers, not what it imports for itself

# The old name, which taikai.model.content_sha256 holds too (see the docstring).
__getattr__ = _renamed(__name__, {"content_sha256": "frame_sha256"})
