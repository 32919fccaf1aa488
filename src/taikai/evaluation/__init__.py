"""Score a model against labelled data: per-class and macro scores, confusion matrices, multi-label scores, and
how many of the evaluated rows the model was trained on (``--split``, row hashes in its metadata)."""

from taikai._lazy import public_dir as _public_dir

# A name imported as itself (`x as x`) is shared: taikai's other packages import it from here, but it is not the
# API (not in __all__ nor dir(); docs/api.md names it only in this package's closing index).
from taikai.evaluation._evaluate import Classifier, evaluate
from taikai.evaluation._misclassified import Misclassified
from taikai.evaluation._overlap import TrainingOverlap, training_overlap
from taikai.evaluation._result import EvaluationReport, Unpredictable
from taikai.evaluation._scores import MultiLabelScores, SingleLabelScores
from taikai.evaluation._scores import score_multi as score_multi
from taikai.evaluation._scores import score_single as score_single
from taikai.evaluation._unscored import Unscored
from taikai.text import PickedRows

__all__ = [
    "Classifier",
    "EvaluationReport",
    "Misclassified",
    "MultiLabelScores",
    "PickedRows",
    "SingleLabelScores",
    "TrainingOverlap",
    "Unpredictable",
    "Unscored",
    "evaluate",
    "training_overlap",
]
__dir__ = _public_dir(globals(), __all__)  # what the package offers, not what it imports for itself
