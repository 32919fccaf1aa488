"""Score a model against labelled data: per-class and macro scores, confusion matrices, multi-label scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from taikai.model import Classified
from taikai.text import Status

if TYPE_CHECKING:
    import pandas as pd


class Classifier(Protocol):
    """What :func:`evaluate` needs of a model: its labels and :meth:`taikai.Model.classify`."""

    @property
    def reason_labels(self) -> list[str]: ...

    @property
    def sentiment_labels(self) -> list[str]: ...

    def classify(self, values: Sequence[object]) -> Classified: ...


@dataclass
class SingleLabelScores:
    """Scores of one single-label task (primary reason, or sentiment)."""

    labels: list[str]
    precision: list[float]
    recall: list[float]
    f1: list[float]
    support: list[int]
    accuracy: float
    macro_f1: float
    confusion: list[list[int]]

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values; ``confusion[i][j]`` counts gold ``labels[i]`` predicted as ``labels[j]``."""
        return {
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "per_class": {
                label: {"precision": p, "recall": r, "f1": f, "support": s}
                for label, p, r, f, s in zip(self.labels, self.precision, self.recall, self.f1, self.support)
            },
            "labels": self.labels,
            "confusion": self.confusion,
        }


@dataclass
class MultiLabelScores:
    """Scores of the full reason sets (all reasons a text states, in any order)."""

    labels: list[str]
    precision: list[float]
    recall: list[float]
    f1: list[float]
    support: list[int]
    micro_f1: float
    macro_f1: float
    exact_match: float
    jaccard: float

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {
            "micro_f1": self.micro_f1,
            "macro_f1": self.macro_f1,
            "exact_match": self.exact_match,
            "jaccard": self.jaccard,
            "per_label": {
                label: {"precision": p, "recall": r, "f1": f, "support": s}
                for label, p, r, f, s in zip(self.labels, self.precision, self.recall, self.f1, self.support)
            },
        }


@dataclass
class EvaluationReport:
    """What :func:`evaluate` measured. ``str(report)`` is a Markdown summary."""

    n_rows: int
    n_scored: int
    unscored: list[dict[str, Any]]
    reason: SingleLabelScores
    reasons: MultiLabelScores
    sentiment: SingleLabelScores | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the whole report as JSON-ready values."""
        return {
            "n_rows": self.n_rows,
            "n_scored": self.n_scored,
            "unscored": self.unscored,
            "reason": self.reason.to_dict(),
            "reasons": self.reasons.to_dict(),
            "sentiment": self.sentiment.to_dict() if self.sentiment else None,
            **self.extra,
        }

    def summary(self) -> dict[str, float]:
        """Return the headline figures."""
        out = {
            "reason_macro_f1": self.reason.macro_f1,
            "reason_accuracy": self.reason.accuracy,
            "reasons_micro_f1": self.reasons.micro_f1,
        }
        if self.sentiment:
            out |= {"sentiment_macro_f1": self.sentiment.macro_f1, "sentiment_accuracy": self.sentiment.accuracy}
        return out

    def to_markdown(self) -> str:
        """Return a readable Markdown report."""
        lines = [f"Scored {self.n_scored} of {self.n_rows} rows."]
        if self.unscored:
            lines.append(f"Not scored (no usable text): {len(self.unscored)} row(s), e.g. {self.unscored[:3]}")
        lines += ["", "## Primary reason", *_single_table(self.reason), "", "## All stated reasons (multi-label)"]
        m = self.reasons
        lines.append(
            f"micro-F1 {m.micro_f1:.3f} · macro-F1 {m.macro_f1:.3f} · exact match {m.exact_match:.3f} · "
            f"Jaccard {m.jaccard:.3f}"
        )
        lines += ["", "| label | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
        for row in zip(m.labels, m.precision, m.recall, m.f1, m.support):
            lines.append("| {} | {:.3f} | {:.3f} | {:.3f} | {} |".format(*row))
        if self.sentiment:
            lines += ["", "## Sentiment", *_single_table(self.sentiment)]
        return "\n".join(lines)

    __str__ = to_markdown


def _single_table(scores: SingleLabelScores) -> list[str]:
    lines = [
        f"accuracy {scores.accuracy:.3f} · macro-F1 {scores.macro_f1:.3f}",
        "",
        "| label | precision | recall | F1 | support |",
        "|---|---:|---:|---:|---:|",
    ]
    for cells in zip(scores.labels, scores.precision, scores.recall, scores.f1, scores.support):
        lines.append("| {} | {:.3f} | {:.3f} | {:.3f} | {} |".format(*cells))
    lines += ["", "Confusion (rows: gold, columns: predicted)", ""]
    lines.append("| gold \\ predicted | " + " | ".join(scores.labels) + " |")
    lines.append("|---|" + "---:|" * len(scores.labels))
    for label, row in zip(scores.labels, scores.confusion):
        lines.append(f"| {label} | " + " | ".join(str(v) for v in row) + " |")
    return lines


def _ordered_labels(known: Sequence[str], *seen: Sequence[str]) -> list[str]:
    labels = list(known)
    for values in seen:
        for value in values:
            if value not in labels:
                labels.append(value)
    return labels


def score_single(gold: list[str], predicted: list[str], labels: Sequence[str]) -> SingleLabelScores:
    """Score single-label predictions; ``labels`` fixes the order (labels seen only in the data are appended)."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    labels = _ordered_labels(labels, gold, predicted)
    p, r, f, s = precision_recall_fscore_support(gold, predicted, labels=labels, zero_division=0)
    present = [i for i, label in enumerate(labels) if s[i] > 0 or label in predicted]
    return SingleLabelScores(
        labels=labels,
        precision=[float(x) for x in p],
        recall=[float(x) for x in r],
        f1=[float(x) for x in f],
        support=[int(x) for x in s],
        accuracy=float(np.mean(np.asarray(gold, dtype=object) == np.asarray(predicted, dtype=object))),
        macro_f1=float(np.mean([f[i] for i in present])) if present else 0.0,
        confusion=confusion_matrix(gold, predicted, labels=labels).tolist(),
    )


def score_multi(gold: list[list[str]], predicted: list[list[str]], labels: Sequence[str]) -> MultiLabelScores:
    """Score predicted reason sets against gold sets."""
    from sklearn.metrics import precision_recall_fscore_support

    labels = _ordered_labels(labels, *gold, *predicted)
    index = {label: i for i, label in enumerate(labels)}
    y_true = np.zeros((len(gold), len(labels)), dtype=int)
    y_pred = np.zeros_like(y_true)
    for row, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        y_true[row, [index[x] for x in g]] = 1
        y_pred[row, [index[x] for x in p]] = 1
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, zero_division=0)
    _, _, micro, _ = precision_recall_fscore_support(y_true, y_pred, average="micro", zero_division=0)
    present = [i for i in range(len(labels)) if s[i] > 0 or y_pred[:, i].any()]
    inter = (y_true & y_pred).sum(axis=1)
    union = (y_true | y_pred).sum(axis=1)
    return MultiLabelScores(
        labels=labels,
        precision=[float(x) for x in p],
        recall=[float(x) for x in r],
        f1=[float(x) for x in f],
        support=[int(x) for x in s],
        micro_f1=float(micro),
        macro_f1=float(np.mean([f[i] for i in present])) if present else 0.0,
        exact_match=float((y_true == y_pred).all(axis=1).mean()) if len(gold) else 0.0,
        jaccard=float(np.mean(np.where(union > 0, inter / np.maximum(union, 1), 1.0))) if len(gold) else 0.0,
    )


def evaluate(
    model: Classifier,
    data: str | Path | pd.DataFrame,
    text_column: str = "text",
    reasons_column: str = "reasons",
    sentiment_column: str | None = "sentiment",
    encoding: str | None = None,
) -> EvaluationReport:
    """Classify the labelled frame or file *data* with *model* and score it (*encoding*: of a text file).

    Rows whose text cannot be classified are listed in ``unscored`` (with their row number), not dropped silently.
    """
    from taikai.io import read_labelled, validate_labelled

    if isinstance(data, (str, Path)):
        df = read_labelled(Path(data), text_column, reasons_column, sentiment_column, encoding, require_text=False)
    else:
        df = validate_labelled(data, "<frame>", text_column, reasons_column, sentiment_column, require_text=False)
    if sentiment_column and not model.sentiment_labels:
        sentiment_column = None
    result = model.classify(df[text_column].tolist())
    ok = [i for i, status in enumerate(result.statuses) if status is Status.OK]
    unscored = [
        {"row": i, "status": status.value, "message": result.messages[i]}
        for i, status in enumerate(result.statuses)
        if status is not Status.OK
    ]
    gold_sets = [df["label_set"].iloc[i] for i in ok]
    pred_sets = [list(result.reasons[i]) for i in ok]
    report = EvaluationReport(
        n_rows=len(df),
        n_scored=len(ok),
        unscored=unscored,
        reason=score_single([g[0] for g in gold_sets], [p[0] for p in pred_sets], model.reason_labels),
        reasons=score_multi(gold_sets, pred_sets, model.reason_labels),
    )
    if sentiment_column:
        sentiments = [result.sentiments[i] or "" for i in ok]
        report.sentiment = score_single([df[sentiment_column].iloc[i] for i in ok], sentiments, model.sentiment_labels)
    return report
