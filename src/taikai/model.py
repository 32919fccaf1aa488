"""A loaded churn model: classify texts and data frames into reasons and sentiment."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from taikai.artifact import default_model_dir, load_artifact
from taikai.errors import InputError
from taikai.labels import REASON_IDS, SENTIMENTS, display_order, format_reasons, reason_name
from taikai.text import MAX_CHARS, STATUS_OK, check_text

DEFAULT_THRESHOLD = 0.3


@dataclass(frozen=True)
class Prediction:
    """The classification of one text. Labels are ``None`` when ``status`` is not ``ok``."""

    text: str
    status: str
    message: str = ""
    reason: str | None = None
    reason_ja: str | None = None
    reasons: tuple[str, ...] = ()
    sentiment: str | None = None
    reason_proba: dict[str, float] = field(default_factory=dict)
    sentiment_proba: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """Return the prediction as JSON-ready values."""
        return {
            "text": self.text,
            "status": self.status,
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


def reason_sets(proba: np.ndarray, labels: list[str], thresholds: np.ndarray) -> list[tuple[str, ...]]:
    """Return, per row of *proba*, the primary reason then every other reason past its threshold, by probability."""
    top = proba.argmax(axis=1)
    passed = proba >= thresholds
    passed[np.arange(len(proba)), top] = False
    out = [(labels[t],) for t in top]
    for i in np.flatnonzero(passed.any(axis=1)):
        order = np.argsort(-proba[i], kind="stable")
        out[i] = (labels[top[i]], *(labels[j] for j in order if passed[i, j]))
    return out


def _display_order(labels: list[str], preferred: tuple[str, ...]) -> list[int]:
    """Return the column indices of *labels* in display order (see :func:`taikai.labels.display_order`)."""
    return [labels.index(label) for label in display_order(labels, preferred)]


class Model:
    """A verified pipeline with its metadata. Create it with :func:`taikai.load_model`."""

    def __init__(self, pipeline, metadata: dict, path: Path | None = None):
        self.pipeline = pipeline
        self.metadata = metadata
        self.path = path
        classifier = pipeline.named_steps["classify"]
        # Columns follow the taxonomy's order (labels outside it come after, as the classifier has them).
        self._reason_order = _display_order([str(c) for c in classifier.reason_classes_], REASON_IDS)
        self._sentiment_order = _display_order([str(c) for c in classifier.sentiment_classes_], SENTIMENTS)
        self.reason_labels: list[str] = [str(classifier.reason_classes_[j]) for j in self._reason_order]
        self.sentiment_labels: list[str] = [str(classifier.sentiment_classes_[j]) for j in self._sentiment_order]
        thresholds = metadata.get("reason_thresholds", {})
        self.thresholds = np.array([thresholds.get(label, DEFAULT_THRESHOLD) for label in self.reason_labels])
        # The texts reaching the pipeline are already normalised by check_text: skip its normalise step.
        self._after_normalize = pipeline[1:]

    def __repr__(self) -> str:
        return f"Model(path={str(self.path)!r}, reasons={self.reason_labels}, sentiments={self.sentiment_labels})"

    @property
    def max_chars(self) -> int:
        return int(self.metadata.get("max_chars", MAX_CHARS))

    def proba_columns(self) -> list[str]:
        """Return the names of the probability columns that :meth:`predict_frame` adds."""
        return [f"p_reason_{r}" for r in self.reason_labels] + [f"p_sentiment_{s}" for s in self.sentiment_labels]

    def output_columns(self) -> list[str]:
        """Return the names of all columns that :meth:`predict_frame` adds, in order."""
        return ["status", "message", "reason", "reason_ja", "reasons", "sentiment", *self.proba_columns()]

    def _classify(self, values: list) -> dict[str, list | np.ndarray]:
        """Return output columns (see :meth:`output_columns`) for raw values, one entry per value."""
        n = len(values)
        checked = [check_text(v, self.max_chars) for v in values]
        ok = [i for i, c in enumerate(checked) if c.status == STATUS_OK]
        n_reasons, n_sentiments = len(self.reason_labels), len(self.sentiment_labels)
        reason_p = np.full((n, n_reasons), np.nan)
        sentiment_p = np.full((n, n_sentiments), np.nan)
        if ok:
            features = self._after_normalize[:-1].transform([checked[i].text for i in ok])
            rp, sp = self._after_normalize[-1].predict_proba(features)
            reason_p[ok], sentiment_p[ok] = rp[:, self._reason_order], sp[:, self._sentiment_order]
        reason: list = [None] * n
        reasons: list = [None] * n
        sentiment: list = [None] * n
        if ok:
            for i, labels in zip(ok, reason_sets(reason_p[ok], self.reason_labels, self.thresholds), strict=True):
                reason[i], reasons[i] = labels[0], labels
            if n_sentiments:
                names = np.array(self.sentiment_labels, dtype=object)
                for i, label in zip(ok, names[sentiment_p[ok].argmax(axis=1)], strict=True):
                    sentiment[i] = label
        columns: dict[str, list | np.ndarray] = {
            "status": [c.status for c in checked],
            "message": [c.message for c in checked],
            "reason": reason,
            "reason_ja": [reason_name(r) if r else None for r in reason],
            "reasons": reasons,
            "sentiment": sentiment,
        }
        for j, label in enumerate(self.reason_labels):
            columns[f"p_reason_{label}"] = reason_p[:, j]
        for j, label in enumerate(self.sentiment_labels):
            columns[f"p_sentiment_{label}"] = sentiment_p[:, j]
        return columns

    def predict(self, texts: str | Iterable[str]) -> list[Prediction]:
        """Classify one text or many; return one :class:`Prediction` per text, in order."""
        values = [texts] if isinstance(texts, str) else list(texts)
        cols = self._classify(values)
        out = []
        for i, value in enumerate(values):
            ok = cols["status"][i] == STATUS_OK
            out.append(
                Prediction(
                    text=value if isinstance(value, str) else ("" if value is None else str(value)),
                    status=cols["status"][i],
                    message=cols["message"][i],
                    reason=cols["reason"][i],
                    reason_ja=cols["reason_ja"][i],
                    reasons=tuple(cols["reasons"][i] or ()),
                    sentiment=cols["sentiment"][i],
                    reason_proba={r: float(cols[f"p_reason_{r}"][i]) for r in self.reason_labels} if ok else {},
                    sentiment_proba=(
                        {s: float(cols[f"p_sentiment_{s}"][i]) for s in self.sentiment_labels} if ok else {}
                    ),
                )
            )
        return out

    def check_columns(self, columns, text_column: str) -> None:
        """Raise :class:`InputError` unless *columns* hold *text_column* and none of the output columns."""
        columns = list(map(str, columns))
        if text_column not in columns:
            raise InputError(
                f"no column {text_column!r}; the columns are {columns}. "
                "Name the text column with text_column= (--text-column on the command line)"
            )
        clash = [c for c in self.output_columns() if c in columns]
        if clash:
            raise InputError(f"the input already has output column(s) {clash}; rename or drop them first")

    def predict_frame(self, df: pd.DataFrame, text_column: str = "text") -> pd.DataFrame:
        """Return a copy of *df* with the prediction columns appended; every row is kept, in order."""
        self.check_columns(df.columns, text_column)
        cols = self._classify(df[text_column].tolist())
        cols["reasons"] = [format_reasons(r) if r else None for r in cols["reasons"]]
        added = pd.DataFrame(cols, index=df.index)
        return pd.concat([df, added], axis=1)

    def explain(self, text: str, top: int = 10):
        """Return the n-grams that pushed *text* toward (and away from) its reason and sentiment; see taikai.explain."""
        from taikai.explain import explain

        return explain(self, text, top=top)

    def keywords(self, top: int = 10, kind: str | None = None):
        """Return the strongest features per reason and sentiment; see :func:`taikai.terms.keywords`."""
        from taikai.terms import keywords

        return keywords(self, top=top, kind=kind)


def model_key(model: Model) -> str:
    """Return a key that changes with what *model* computes: the sha256 of its saved artifact, or for a model
    never saved a sha256 of its pickled pipeline, thresholds and text limit (equal models get equal keys)."""
    key = model.metadata.get("artifact", {}).get("sha256")
    if key:
        return key
    digest = hashlib.sha256(pickle.dumps(model.pipeline, protocol=pickle.HIGHEST_PROTOCOL))
    digest.update(np.asarray(model.thresholds, dtype="float64").tobytes())
    digest.update(f"{model.max_chars}".encode())
    return f"memory-{digest.hexdigest()}"


def resolve_model(model) -> Model:
    """Return *model* if it is a :class:`Model`, else load the directory it names (``None``: the default model)."""
    return model if isinstance(model, Model) else load_model(model)


def load_model(path: str | Path | None = None) -> Model:
    """Load and verify a model directory (default: the shipped model)."""
    model_dir = Path(path) if path is not None else default_model_dir()
    if model_dir.is_file():
        model_dir = model_dir.parent
    pipeline, meta = load_artifact(model_dir)
    return Model(pipeline, meta, model_dir)
