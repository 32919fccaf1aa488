"""Training: a model from labelled data, plus labelled files a person added, with what they bought.

:func:`train` reads the base data and any added labelled files through :mod:`taikai.io`, skips (or refuses) rows
that cannot be used, cross-validates, tunes the per-reason thresholds, tests, compares the model with and without
the added rows, and saves the model with metadata that records every input file.
"""

from taikai.model import AddedComparison, HeldOutScores  # re-exported: where train's comparison was defined
from taikai.training._checks import check_out_dir, weak_data_warnings
from taikai.training._compare import compare_added
from taikai.training._cv import content_sha256, cross_validate, split_frame, tune_thresholds
from taikai.training._inputs import Columns, Differences, TrainingInputs, read_inputs
from taikai.training._train import SkippedRowsWarning, skipped_summary, train

__all__ = [
    "AddedComparison",
    "Columns",
    "Differences",
    "HeldOutScores",
    "SkippedRowsWarning",
    "TrainingInputs",
    "check_out_dir",
    "compare_added",
    "content_sha256",
    "cross_validate",
    "read_inputs",
    "skipped_summary",
    "split_frame",
    "train",
    "tune_thresholds",
    "weak_data_warnings",
]
