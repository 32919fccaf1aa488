"""taikai: why freelancers leave crowdsourcing platforms, read from their Japanese reviews.

>>> import taikai
>>> model = taikai.load_model()
>>> model.predict("手数料が高すぎて続けられませんでした")[0].reason
'fees'
"""

__version__ = "0.1.0"

from taikai.errors import InputError, ModelError, TaikaiError  # noqa: E402
from taikai.evaluation import EvaluationReport, evaluate  # noqa: E402
from taikai.labels import REASON_IDS, REASONS, SENTIMENTS, reason_name  # noqa: E402
from taikai.model import Model, Prediction, load_model  # noqa: E402
from taikai.pipeline import FeatureConfig  # noqa: E402
from taikai.training import train  # noqa: E402

__all__ = [
    "REASONS",
    "REASON_IDS",
    "SENTIMENTS",
    "EvaluationReport",
    "FeatureConfig",
    "InputError",
    "Model",
    "ModelError",
    "Prediction",
    "TaikaiError",
    "evaluate",
    "load_model",
    "reason_name",
    "train",
]
