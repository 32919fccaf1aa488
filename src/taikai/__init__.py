"""taikai: why freelancers leave crowdsourcing platforms, read from their Japanese reviews.

>>> import taikai
>>> model = taikai.load_model()
>>> model.predict("手数料が高すぎて続けられませんでした")[0].reason
'fees'

The names below are the public API. They are imported on first use, so that ``import taikai`` (and the command
line's ``--help``) does not load scikit-learn or pandas; so are the subpackages, so that
``taikai.analysis.write_report`` works after a bare ``import taikai``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taikai._lazy import lazy_modules, public_dir

__version__ = "0.1.0"

if TYPE_CHECKING:
    from taikai.analysis import Explanation, Keywords, distinctive_words, evaluate_rules, explain, keywords
    from taikai.batch import BatchOptions, BatchSummary, classify_file
    from taikai.drift import DriftReport, Verdict, check_drift
    from taikai.errors import DataWarning, InputError, ModelError, RulesError, TaikaiError
    from taikai.evaluation import EvaluationReport, evaluate
    from taikai.labels import REASON_IDS, REASONS, SENTIMENTS, reason_name
    from taikai.model import (
        AddedComparison,
        Classified,
        DriftStatistics,
        FeatureConfig,
        InputFile,
        Model,
        ModelMetadata,
        Prediction,
        load_model,
    )
    from taikai.privacy import Masked, PiiKind, PiiSpan, mask_pii
    from taikai.rules import RuleSet, RulesMode, RulesScore, load_rules
    from taikai.suggestion import Strategy, Suggestion, suggest
    from taikai.text import Status
    from taikai.training import SkippedRowsWarning, train

_EXPORTS = {
    "Explanation": "taikai.analysis",
    "Keywords": "taikai.analysis",
    "distinctive_words": "taikai.analysis",
    "evaluate_rules": "taikai.analysis",
    "explain": "taikai.analysis",
    "keywords": "taikai.analysis",
    "BatchOptions": "taikai.batch",
    "BatchSummary": "taikai.batch",
    "classify_file": "taikai.batch",
    "DriftReport": "taikai.drift",
    "Verdict": "taikai.drift",
    "check_drift": "taikai.drift",
    "DataWarning": "taikai.errors",
    "InputError": "taikai.errors",
    "ModelError": "taikai.errors",
    "RulesError": "taikai.errors",
    "TaikaiError": "taikai.errors",
    "EvaluationReport": "taikai.evaluation",
    "evaluate": "taikai.evaluation",
    "REASONS": "taikai.labels",
    "REASON_IDS": "taikai.labels",
    "SENTIMENTS": "taikai.labels",
    "reason_name": "taikai.labels",
    "AddedComparison": "taikai.model",
    "Classified": "taikai.model",
    "DriftStatistics": "taikai.model",
    "FeatureConfig": "taikai.model",
    "InputFile": "taikai.model",
    "Model": "taikai.model",
    "ModelMetadata": "taikai.model",
    "Prediction": "taikai.model",
    "load_model": "taikai.model",
    "Masked": "taikai.privacy",
    "PiiKind": "taikai.privacy",
    "PiiSpan": "taikai.privacy",
    "mask_pii": "taikai.privacy",
    "RuleSet": "taikai.rules",
    "RulesMode": "taikai.rules",
    "RulesScore": "taikai.rules",
    "load_rules": "taikai.rules",
    "Strategy": "taikai.suggestion",
    "Suggestion": "taikai.suggestion",
    "suggest": "taikai.suggestion",
    "Status": "taikai.text",
    "SkippedRowsWarning": "taikai.training",
    "train": "taikai.training",
}

# The subpackages, imported when first read as attributes of taikai (``taikai.io.read_predictions``).
_SUBPACKAGES = frozenset(
    {
        "analysis",
        "batch",
        "cli",
        "dask",
        "drift",
        "errors",
        "evaluation",
        "io",
        "labels",
        "model",
        "privacy",
        "rules",
        "suggestion",
        "text",
        "training",
    }
)

__all__ = [
    "REASONS",
    "REASON_IDS",
    "SENTIMENTS",
    "AddedComparison",
    "BatchOptions",
    "BatchSummary",
    "Classified",
    "DataWarning",
    "DriftReport",
    "DriftStatistics",
    "EvaluationReport",
    "Explanation",
    "FeatureConfig",
    "InputError",
    "InputFile",
    "Keywords",
    "Masked",
    "Model",
    "ModelError",
    "ModelMetadata",
    "PiiKind",
    "PiiSpan",
    "Prediction",
    "RuleSet",
    "RulesError",
    "RulesMode",
    "RulesScore",
    "SkippedRowsWarning",
    "Status",
    "Strategy",
    "Suggestion",
    "TaikaiError",
    "Verdict",
    "check_drift",
    "classify_file",
    "distinctive_words",
    "evaluate",
    "evaluate_rules",
    "explain",
    "keywords",
    "load_model",
    "load_rules",
    "mask_pii",
    "reason_name",
    "suggest",
    "train",
]


# Each name read on first use (taikai._lazy), the subpackages too, so that ``taikai.analysis.write_report`` works after
# a bare ``import taikai``; the import of a subpackage also sets it on this module.
__getattr__: Any = lazy_modules(
    "taikai",
    {module: tuple(name for name, home in _EXPORTS.items() if home == module) for module in set(_EXPORTS.values())},
    submodules=tuple(sorted(_SUBPACKAGES)),
    elsewhere={  # the model's methods, looked for on the package (as the README's taikai.explain(model, text) is)
        name: f"{name} is a method of a model: model = taikai.load_model() (or load_model(DIR)), then model.{call}"
        for name, call in {
            "predict": "predict(texts)",
            "classify": "classify(texts)",
            "predict_frame": "predict_frame(df, text_column=...)",
        }.items()
    },
)
__dir__ = public_dir(globals(), [*__all__, *_SUBPACKAGES])
