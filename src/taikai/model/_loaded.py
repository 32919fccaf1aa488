"""Check what an artifact unpickled to: a fitted taikai pipeline, and one its metadata describes (labels,
thresholds and feature configuration), before anything else reads it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from taikai.model._metadata import ModelMetadata
from taikai.model._recorded_config import RecordedConfig

STEPS = ("normalize", "features", "classify")
"""The steps of a taikai pipeline, in order (:func:`taikai.model.build_pipeline`)."""


def not_a_pipeline(loaded: object) -> str | None:
    """Return what *loaded* (an unpickled artifact) is when it is not a fitted taikai pipeline, or ``None``.

    Only the type, the step names and the classifier's type are read: nothing of an unknown object is called.
    """
    from sklearn.pipeline import Pipeline

    from taikai.model._pipeline import ReasonSentimentClassifier

    kind = f"{type(loaded).__module__}.{type(loaded).__qualname__}"
    if not isinstance(loaded, Pipeline):
        return f"a {type(loaded).__name__} ({kind}), not a scikit-learn Pipeline"
    names = tuple(name for name, _ in loaded.steps) if isinstance(loaded.steps, list) else ()
    if names != STEPS:
        return f"a Pipeline with the steps {', '.join(map(repr, names)) or '(none)'}, not {', '.join(map(repr, STEPS))}"
    classifier = loaded.steps[-1][1]
    if not isinstance(classifier, ReasonSentimentClassifier):
        return (
            f"a Pipeline whose 'classify' step is a {type(classifier).__name__}, not taikai's ReasonSentimentClassifier"
        )
    if not hasattr(classifier, "reason_classes_") or not hasattr(classifier, "sentiment_classes_"):
        return "a taikai pipeline that was never fitted"
    return None


def metadata_problems(pipeline: Any, meta: ModelMetadata) -> list[str]:
    """Return how *meta*'s labels, thresholds and feature configuration differ from the loaded *pipeline* (empty:
    none)."""
    classifier = pipeline.named_steps["classify"]
    problems = [
        problem
        for name, said, classes in (
            ("labels.reasons", meta.reasons, classifier.reason_classes_),
            ("labels.sentiments", meta.sentiments, classifier.sentiment_classes_),
        )
        if (problem := _differing_labels(name, said, [str(c) for c in classes]))
    ]
    reasons = [str(c) for c in classifier.reason_classes_]
    thresholds = meta.reason_thresholds
    unknown = sorted(set(thresholds) - set(reasons))
    if unknown:
        problems.append(f"reason_thresholds names {_listed(unknown)}, which the model does not predict")
    # A reason without a threshold is at the default (taikai.Model), as in an untuned model: a --refit-all model
    # trained before training filled them in has none for a reason that only its test rows had.
    outside = {k: v for k, v in thresholds.items() if not 0.0 <= v <= 1.0}  # NaN too
    if outside:
        problems.append(f"reason_thresholds {outside} outside 0 to 1 (they are probabilities)")
    return problems + _config_problems(pipeline, meta)


def pipeline_described(pipeline: Any, meta: ModelMetadata) -> ModelMetadata:
    """Return *meta* with the labels and the word-vector table of the *pipeline* it was read beside, for the retrain
    command of a model whose metadata does not describe it: an edit of those (a sentiment list emptied, a table
    removed) must not turn up in the command as --no-sentiment or --vectors none."""
    classifier = pipeline.named_steps["classify"]
    reasons = tuple(str(c) for c in classifier.reason_classes_)
    sentiments = tuple(str(c) for c in classifier.sentiment_classes_)
    config = meta.config
    if config.recorded():  # its settings the pipeline's (none recorded: a model fitted by hand, nothing to correct)
        params = _parameters(pipeline)
        actual = {name: _actual(params, name) for name in _PARAMETERS}
        config = config.with_settings(
            {
                name: value
                for name, (known, value) in actual.items()
                if known and not _as_unrecorded(config, name, value)
            }
        )
    return replace(meta, reasons=reasons, sentiments=sentiments, config=config)


# Where each FeatureConfig field is in the parameters of a pipeline build_pipeline made (the first one present);
# a field whose parameter the pipeline lacks is None there (no word vectors, no character n-grams, ...).
_WORDS = ("features__words__tfidf__", "features__words__blocks__tfidf__")
_PARAMETERS = {
    "word_ngrams": tuple(p + "ngram_range" for p in _WORDS),
    "char_ngrams": ("features__chars__ngram_range",),
    "vectors": ("features__words__blocks__vectors__table",),
    "token_form": ("features__words__tokenize__form",),
    "cp932_fold": ("features__words__tokenize__cp932_fold",),
    "min_df": (*(p + "min_df" for p in _WORDS), "features__chars__min_df"),
    "reason_c": ("reason___C",),
    "class_weight": ("reason___class_weight",),
    "sentiment_c": ("sentiment___C",),
    "sentiment_class_weight": ("sentiment___class_weight",),
}
_NONE_WHEN_ABSENT = ("word_ngrams", "char_ngrams", "vectors")
_UNRECORDED = {"cp932_fold": 0}
"""The settings a config saved before them does not record, and the value it then reads as (a model saved before the
fold of CP932 look-alikes folds nothing): the pipeline's, when that one, is not written into it, so that its retrain
command stays the command line's (a current model), not a Python call for the old setting."""


def _as_unrecorded(config: RecordedConfig, name: str, value: object) -> bool:
    return name in _UNRECORDED and not config.holds(name) and value == _UNRECORDED[name]


def _config_problems(pipeline: Any, meta: ModelMetadata) -> list[str]:
    """Return how ``config`` in *meta* differs from the pipeline it describes (a model without a recorded config,
    as one fitted by hand: nothing to compare); raise :class:`~taikai.errors.ModelError` for a config this taikai
    does not support (a setting of another version: retrain, rather than restore the file)."""
    if not meta.config.recorded():
        return []
    config = meta.feature_config()
    assert config is not None  # a recorded config
    params = _parameters(pipeline)
    problems = []
    for name in _PARAMETERS:
        if meta.format < 5 and not meta.config.holds(name):
            continue  # vectors and sentiment_class_weight came in format 5: an older config does not record them
        known, actual = _actual(params, name)
        if not known:
            continue  # e.g. token_form of a model without word n-grams: it has no tokenizer to compare
        said = _plain(getattr(config, name))
        if said != actual:
            problems.append(f"config.{name} is {said!r}, but the model was trained with {actual!r}")
    return problems


def _parameters(pipeline: Any) -> dict[str, Any]:
    """Return the parameters of *pipeline* and of its fitted heads (``reason___C``…)."""
    params: dict[str, Any] = pipeline.get_params(deep=True)
    classifier = pipeline.named_steps["classify"]
    for head in ("reason_", "sentiment_"):  # the fitted heads (a model without sentiment has no sentiment_)
        fitted = getattr(classifier, head, None)
        if fitted is not None and hasattr(fitted, "get_params"):
            params |= {f"{head}__{k}": v for k, v in fitted.get_params(deep=False).items()}
    return params


def _actual(params: dict[str, Any], name: str) -> tuple[bool, object]:
    """Return whether the pipeline of *params* says the :class:`FeatureConfig` setting *name*, and its value there
    (``None`` for a block it lacks: no word vectors, no character n-grams…)."""
    found = [params[key] for key in _PARAMETERS[name] if key in params]
    if not found and name not in _NONE_WHEN_ABSENT:
        return False, None
    return True, _plain(found[0]) if found else None


def _plain(value: object) -> object:
    return tuple(value) if isinstance(value, list | tuple) else value


def _differing_labels(name: str, said: tuple[str, ...], classes: list[str]) -> str | None:
    """Return how the labels *said* under *name* differ from the model's *classes*, or ``None``."""
    lacks = [c for c in classes if c not in said]
    extra = sorted(set(said) - set(classes))
    repeated = sorted({s for s in said if said.count(s) > 1})
    parts = (
        ([f"lacks {_listed(lacks)}, which the model predicts"] if lacks else [])
        + ([f"names {_listed(extra)}, which the model does not predict"] if extra else [])
        + ([f"repeats {_listed(repeated)}"] if repeated else [])
    )
    return f"{name} {'; '.join(parts)}" if parts else None


def _listed(labels: list[str]) -> str:
    return ", ".join(repr(label) for label in labels)
