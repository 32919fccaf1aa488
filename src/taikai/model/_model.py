"""A loaded churn model: classify texts and data frames into reasons and sentiment."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from taikai.errors import InputError
from taikai.labels import REASON_IDS, SENTIMENTS, display_order, reason_name
from taikai.model._artifact import default_model_dir, load_artifact
from taikai.model._classified import Classified, output_columns, proba_columns
from taikai.model._metadata import ModelMetadata
from taikai.text import Status, check_text

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_THRESHOLD = 0.3


@dataclass(frozen=True)
class Prediction:
    """The classification of one text. Labels are ``None`` when ``status`` is not ``ok``."""

    text: str
    status: Status
    message: str = ""
    reason: str | None = None
    reason_ja: str | None = None
    reasons: tuple[str, ...] = ()
    sentiment: str | None = None
    reason_proba: dict[str, float] = field(default_factory=dict)
    sentiment_proba: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the prediction as JSON-ready values."""
        return {
            "text": self.text,
            "status": self.status.value,
            "message": self.message,
            "reason": self.reason,
            "reason_ja": self.reason_ja,
            "reasons": list(self.reasons),
            "sentiment": self.sentiment,
            "reason_proba": self.reason_proba,
            "sentiment_proba": self.sentiment_proba,
        }

    def top_reasons(self, k: int) -> list[tuple[str, float]]:
        """Return the *k* most probable reasons with their probabilities."""
        return sorted(self.reason_proba.items(), key=lambda kv: -kv[1])[:k]


def reason_sets(
    proba: npt.NDArray[np.float64], labels: Sequence[str], thresholds: npt.NDArray[np.float64]
) -> list[tuple[str, ...]]:
    """Return, per row of *proba*, the primary reason then every other reason past its threshold, by probability."""
    top = proba.argmax(axis=1)
    passed = proba >= thresholds
    passed[np.arange(len(proba)), top] = False
    out: list[tuple[str, ...]] = [(labels[t],) for t in top]
    for i in np.flatnonzero(passed.any(axis=1)):
        order = np.argsort(-proba[i], kind="stable")
        out[i] = (labels[top[i]], *(labels[j] for j in order if passed[i, j]))
    return out


def _display_order(labels: list[str], preferred: tuple[str, ...]) -> list[int]:
    """Return the column indices of *labels* in display order (see :func:`taikai.labels.display_order`)."""
    return [labels.index(label) for label in display_order(labels, preferred)]


class Model:
    """A verified pipeline with its metadata. Create it with :func:`taikai.load_model`."""

    def __init__(self, pipeline: Any, metadata: ModelMetadata | None = None, path: Path | None = None):
        self.pipeline = pipeline
        self.metadata = metadata or ModelMetadata.unsaved()
        self.path = path
        classifier = pipeline.named_steps["classify"]
        # Columns follow the taxonomy's order (labels outside it come after, as the classifier has them).
        self._reason_order = _display_order([str(c) for c in classifier.reason_classes_], REASON_IDS)
        self._sentiment_order = _display_order([str(c) for c in classifier.sentiment_classes_], SENTIMENTS)
        self.reason_labels: list[str] = [str(classifier.reason_classes_[j]) for j in self._reason_order]
        self.sentiment_labels: list[str] = [str(classifier.sentiment_classes_[j]) for j in self._sentiment_order]
        thresholds = self.metadata.reason_thresholds
        self.thresholds = np.array([thresholds.get(label, DEFAULT_THRESHOLD) for label in self.reason_labels])
        # The texts reaching the pipeline are already normalised by check_text: skip its normalise step.
        self._features = pipeline[1:-1]
        self._classifier = classifier

    def __repr__(self) -> str:
        return f"Model(path={str(self.path)!r}, reasons={self.reason_labels}, sentiments={self.sentiment_labels})"

    @property
    def max_chars(self) -> int:
        return self.metadata.max_chars

    def proba_columns(self) -> list[str]:
        """Return the names of the probability columns that :meth:`predict_frame` adds."""
        return proba_columns(self.reason_labels, self.sentiment_labels)

    def output_columns(self) -> list[str]:
        """Return the names of all columns that :meth:`predict_frame` adds, in order."""
        return output_columns(self.reason_labels, self.sentiment_labels)

    def classify(self, values: Sequence[object]) -> Classified:
        """Classify raw *values* (texts, or anything a data file holds); one entry per value, in order."""
        n = len(values)
        checked = [check_text(v, self.max_chars) for v in values]
        good = Status.OK
        ok = [i for i, c in enumerate(checked) if c.status is good]
        reason_p = np.full((n, len(self.reason_labels)), np.nan)
        sentiment_p = np.full((n, len(self.sentiment_labels)), np.nan)
        reasons: list[tuple[str, ...]] = [()] * n
        sentiments: list[str | None] = [None] * n
        if ok:
            rp, sp = self._classifier.predict_proba(self._features.transform([checked[i].text for i in ok]))
            reason_p[ok], sentiment_p[ok] = rp[:, self._reason_order], sp[:, self._sentiment_order]
            for i, labels in zip(ok, reason_sets(reason_p[ok], self.reason_labels, self.thresholds), strict=True):
                reasons[i] = labels
            if self.sentiment_labels:
                names = np.array(self.sentiment_labels, dtype=object)
                for i, label in zip(ok, names[sentiment_p[ok].argmax(axis=1)], strict=True):
                    sentiments[i] = label
        return Classified(
            reason_labels=tuple(self.reason_labels),
            sentiment_labels=tuple(self.sentiment_labels),
            statuses=[c.status for c in checked],
            messages=[c.message for c in checked],
            reasons=reasons,
            sentiments=sentiments,
            reason_proba=reason_p,
            sentiment_proba=sentiment_p,
        )

    def predict(self, texts: str | Iterable[object]) -> list[Prediction]:
        """Classify one text or many; return one :class:`Prediction` per text, in order."""
        values = [texts] if isinstance(texts, str) else list(texts)
        result = self.classify(values)
        out = []
        for i, value in enumerate(values):
            ok = result.statuses[i] is Status.OK
            reasons = result.reasons[i]
            reason = reasons[0] if reasons else None
            out.append(
                Prediction(
                    text=value if isinstance(value, str) else ("" if value is None else str(value)),
                    status=result.statuses[i],
                    message=result.messages[i],
                    reason=reason,
                    reason_ja=reason_name(reason) if reason else None,
                    reasons=reasons,
                    sentiment=result.sentiments[i],
                    reason_proba=dict(zip(self.reason_labels, result.reason_proba[i].tolist())) if ok else {},
                    sentiment_proba=dict(zip(self.sentiment_labels, result.sentiment_proba[i].tolist())) if ok else {},
                )
            )
        return out

    def check_columns(self, columns: Iterable[object], text_column: str) -> None:
        """Raise :class:`InputError` unless *columns* hold *text_column* and none of the output columns."""
        names = list(map(str, columns))
        if text_column not in names:
            raise InputError(
                f"no column {text_column!r}; the columns are {names}. "
                "Name the text column with text_column= (--text-column on the command line)"
            )
        clash = [c for c in self.output_columns() if c in names]
        if clash:
            raise InputError(f"the input already has output column(s) {clash}; rename or drop them first")

    def predict_frame(self, df: pd.DataFrame, text_column: str = "text") -> pd.DataFrame:
        """Return a copy of *df* with the prediction columns appended; every row is kept, in order."""
        import pandas as pd

        self.check_columns(df.columns, text_column)
        added = pd.DataFrame(self.classify(df[text_column].tolist()).columns(), index=df.index)
        return pd.concat([df, added], axis=1)


def model_key(model: Model) -> str:
    """Return a key that changes with what *model* computes: the sha256 of its saved artifact, or for a model
    never saved a sha256 of its pickled pipeline, thresholds and text limit (equal models get equal keys)."""
    if model.metadata.artifact is not None:
        return model.metadata.artifact.sha256
    digest = hashlib.sha256(pickle.dumps(model.pipeline, protocol=pickle.HIGHEST_PROTOCOL))
    digest.update(np.asarray(model.thresholds, dtype="float64").tobytes())
    digest.update(f"{model.max_chars}".encode())
    return f"memory-{digest.hexdigest()}"


def load_model(path: str | Path | None = None) -> Model:
    """Load and verify a model directory (default: the shipped model)."""
    model_dir = Path(path) if path is not None else default_model_dir()
    if model_dir.is_file():
        model_dir = model_dir.parent
    pipeline, meta = load_artifact(model_dir)
    return Model(pipeline, meta, model_dir)


def resolve_model(model: Model | str | Path | None) -> Model:
    """Return *model* if it is a :class:`Model`, else load the directory it names (``None``: the default model)."""
    return model if isinstance(model, Model) else load_model(model)
