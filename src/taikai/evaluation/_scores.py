"""Scores of predictions against gold labels: one label per row (primary reason, sentiment) or a set per row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from taikai._interval import wilson_interval


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

    @property
    def rows(self) -> int:
        """How many rows were scored: the gold labels' supports summed."""
        return sum(self.support)

    @property
    def accuracy_interval(self) -> tuple[float, float]:
        """The 95 % Wilson interval of :attr:`accuracy` over :attr:`rows`: where the accuracy on more rows like these
        lies, honest on few rows (all 5 of 5 right is 0.566 to 1, not 1 to 1); ``(0, 1)`` without a row."""
        return wilson_interval(round(self.accuracy * self.rows), self.rows)

    @property
    def predicted(self) -> list[int]:
        """How many rows each label was predicted for: the confusion matrix's column sums (empty without one), as
        :attr:`MultiLabelScores.predicted` counts them."""
        return [sum(column) for column in zip(*self.confusion)] if self.confusion else []

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values; ``confusion[i][j]`` counts gold ``labels[i]`` predicted as ``labels[j]``. A label
        in neither the gold nor the predicted labels has ``null`` precision, recall and F1 (the table's ``–``)."""
        return {
            "accuracy": self.accuracy,
            "accuracy_interval": list(self.accuracy_interval),
            "macro_f1": self.macro_f1,
            "per_class": per_label_dict(self, self.predicted),
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
    predicted: list[int] = field(default_factory=list)
    """How many rows each label was predicted for (empty: not counted, every label taken as met)."""

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values; a label in neither the gold nor the predicted sets has ``null`` precision,
        recall and F1 (the table's ``–``)."""
        return {
            "micro_f1": self.micro_f1,
            "macro_f1": self.macro_f1,
            "exact_match": self.exact_match,
            "jaccard": self.jaccard,
            "per_label": per_label_dict(self, self.predicted),
        }


def per_label_dict(
    scores: SingleLabelScores | MultiLabelScores, predicted: Sequence[int]
) -> dict[str, dict[str, float | int | None]]:
    """Return each label's precision, recall, F1 and support, JSON-ready: ``None`` for the three of a label in neither
    the gold nor the predicted labels, whose scores are undefined and not in macro-F1 (the table's ``–``), not 0."""
    rows = zip(scores.labels, scores.precision, scores.recall, scores.f1, scores.support, _met(scores, predicted))
    return {
        label: {"precision": p, "recall": r, "f1": f, "support": s}
        if met
        else {"precision": None, "recall": None, "f1": None, "support": s}
        for label, p, r, f, s, met in rows
    }


def accuracy_line(scores: SingleLabelScores) -> str:
    """Return ``accuracy X (95 % interval L–H)``: the interval of :attr:`SingleLabelScores.accuracy_interval`."""
    low, high = scores.accuracy_interval
    return f"accuracy {scores.accuracy:.3f} (95 % interval {low:.3f}–{high:.3f})"


def single_table(scores: SingleLabelScores) -> list[str]:
    """Return the Markdown lines of *scores*: headline (the accuracy with its 95 % interval), per-class table,
    confusion matrix."""
    lines = [f"{accuracy_line(scores)} · {macro_line(scores, scores.predicted)}", ""]
    lines += label_table(scores, scores.predicted)
    lines += ["", "Confusion (rows: gold, columns: predicted)", ""]
    lines.append("| gold \\ predicted | " + " | ".join(scores.labels) + " |")
    lines.append("|---|" + "---:|" * len(scores.labels))
    for label, row in zip(scores.labels, scores.confusion):
        lines.append(f"| {label} | " + " | ".join(f"{v:,}" for v in row) + " |")
    return lines


def _met(scores: SingleLabelScores | MultiLabelScores, predicted: Sequence[int]) -> list[bool]:
    """Return which labels are in the gold or the predicted labels: the ones macro-F1 averages (all of them when
    the predicted counts are not known)."""
    if len(predicted) != len(scores.labels):
        return [True] * len(scores.labels)
    return [s > 0 or n > 0 for s, n in zip(scores.support, predicted, strict=True)]


def macro_line(scores: SingleLabelScores | MultiLabelScores, predicted: Sequence[int]) -> str:
    """Return ``macro-F1 X``, saying over how many labels when some are in neither the gold nor the predictions (the
    table marks those ``–``: their F1 is undefined and not averaged)."""
    met = _met(scores, predicted)
    if all(met):
        return f"macro-F1 {scores.macro_f1:.3f}"
    return (
        f"macro-F1 {scores.macro_f1:.3f} (over the {sum(met):,} of {len(met):,} labels in the gold or the predicted "
        "labels; – marks the others)"
    )


def label_table(scores: SingleLabelScores | MultiLabelScores, predicted: Sequence[int]) -> list[str]:
    """Return the Markdown per-label table of *scores*; a label in neither the gold nor the predictions reads ``–``."""
    lines = ["| label | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
    rows = zip(scores.labels, scores.precision, scores.recall, scores.f1, scores.support, _met(scores, predicted))
    for label, p, r, f, s, met in rows:
        cells = f"{p:.3f} | {r:.3f} | {f:.3f}" if met else "– | – | –"
        lines.append(f"| {label} | {cells} | {s:,} |")
    return lines


def ordered_labels(known: Sequence[str], *seen: Sequence[str]) -> list[str]:
    """Return *known* followed by the labels first met in *seen*, in the order met."""
    labels = list(known)
    for values in seen:
        for value in values:
            if value not in labels:
                labels.append(value)
    return labels


def score_single(gold: list[str], predicted: list[str], labels: Sequence[str]) -> SingleLabelScores:
    """Score single-label predictions; ``labels`` fixes the order (labels seen only in the data are appended)."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    labels = ordered_labels(labels, gold, predicted)
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

    labels = ordered_labels(labels, *gold, *predicted)
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
        predicted=[int(x) for x in y_pred.sum(axis=0)],
    )
