"""taikai: why freelancers leave crowdsourcing platforms, read from their Japanese reviews.

>>> import taikai
>>> model = taikai.load_model()
>>> model.predict("手数料が高すぎて続けられませんでした")[0].reason
'fees'
"""

__version__ = "0.1.0"

from taikai.batch import classify_file
from taikai.errors import InputError, ModelError, TaikaiError
from taikai.evaluation import EvaluationReport, evaluate
from taikai.labels import REASON_IDS, REASONS, SENTIMENTS, reason_name
from taikai.model import Model, Prediction, load_model
from taikai.pipeline import FeatureConfig
from taikai.terms import distinctive_words, keywords
from taikai.training import train

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
    "classify_file",
    "distinctive_words",
    "evaluate",
    "keywords",
    "load_model",
    "reason_name",
    "train",
]
