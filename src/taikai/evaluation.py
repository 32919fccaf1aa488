"""Score a model against labelled data: per-class and macro scores, confusion matrices, multi-label scores."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from taikai.errors import DataWarning
from taikai.model import Classified, ModelMetadata, content_sha256, sha256_file
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


@dataclass(frozen=True)
class TrainingOverlap:
    """How much of the evaluated data the model was trained on: scores on those rows measure memory."""

    rows: int
    """Rows evaluated."""
    seen: int | None
    """Of them, rows whose text the saved model was fitted on; ``None`` when its metadata has no row hashes."""
    same_file: bool = False
    """The evaluated file is byte for byte the file the model was trained on."""
    same_content: bool = False
    """The evaluated rows hold the same texts and labels as the model's training data (in any file)."""
    refit_on_all_rows: bool = False

    @property
    def share(self) -> float | None:
        """Return the share of evaluated rows the model was fitted on (``None`` when unknown)."""
        return None if self.seen is None or not self.rows else self.seen / self.rows

    def warning(self) -> str | None:
        """Return the warning to print above the scores, or ``None`` when the rows are unseen (or unknown)."""
        advice = (
            "Such scores say how well the model remembers, not how well it does on new reviews: score rows it "
            "was not trained on (--split test on a file with a split column, when the model was trained on its "
            "train rows without --refit-all), or other labelled data."
        )
        if self.seen:
            share = 100 * (self.share or 0.0)
            return f"{self.seen:,} of {self.rows:,} rows ({share:.0f} %) were in this model's training data. {advice}"
        if self.seen is None and (self.same_file or self.same_content):
            what = "file" if self.same_file else "data (the same texts and labels)"
            rows = "all its rows" if self.refit_on_all_rows else "its train rows (which ones is not recorded)"
            return f"this is the very {what} this model was trained on, and it was fitted on {rows}. {advice}"
        return None

    def note(self) -> str | None:
        """Return a note when the overlap cannot be measured (a model saved without row hashes)."""
        if self.seen is None and not (self.same_file or self.same_content):
            return (
                "this model's metadata records no row hashes (it was saved before taikai recorded them), so "
                "whether these rows were in its training data cannot be checked; retrain it to record them"
            )
        return None

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {
            "rows": self.rows,
            "seen_in_training": self.seen,
            "share_seen": self.share,
            "same_file": self.same_file,
            "same_content": self.same_content,
            "warning": self.warning(),
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
    split: str = "all"
    overlap: TrainingOverlap | None = None
    """How many evaluated rows the model was trained on (``None``: not checked, e.g. a model never saved)."""

    def warnings(self) -> list[str]:
        """Return what a reader of the scores must know first (rows the model was trained on)."""
        found = self.overlap.warning() if self.overlap is not None else None
        return [found] if found else []

    def to_dict(self) -> dict[str, Any]:
        """Return the whole report as JSON-ready values."""
        return {
            "n_rows": self.n_rows,
            "n_scored": self.n_scored,
            "split": self.split,
            "training_overlap": self.overlap.to_dict() if self.overlap is not None else None,
            "warnings": self.warnings(),
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
        rows = "rows" if self.split == "all" else f"rows (split: {self.split})"
        lines = [f"**WARNING: {w}**\n" for w in self.warnings()]
        lines.append(f"Scored {self.n_scored} of {self.n_rows} {rows}.")
        note = self.overlap.note() if self.overlap is not None else None
        if note:
            lines.append(f"Note: {note}.")
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
    *,
    split: str = "all",
    free_labels: bool = False,
    encoding_errors: str = "strict",
) -> EvaluationReport:
    """Classify the labelled frame or file *data* with *model* and score it (*encoding*: of a text file).

    Rows whose text cannot be classified are listed in ``unscored`` (with their row number), not dropped silently.
    *split* (``test``, ``train`` or ``all``) scores only the rows of a ``split`` column with that value. Gold
    labels outside the model's labels are an error unless ``free_labels`` (they then count as misses).
    ``report.overlap`` says how many rows the model was trained on, and a :class:`~taikai.errors.DataWarning`
    says so when any were.
    """
    from taikai.io import check_labelled, read_labelled_table, select_split

    if sentiment_column and not model.sentiment_labels:
        sentiment_column = None
    options: dict[str, Any] = {"require_text": False}
    if not free_labels:
        known = {"known_reasons": model.reason_labels, "known_sentiments": model.sentiment_labels}
        options |= known | {"free_labels_hint": True}
    source = str(data) if isinstance(data, (str, Path)) else "<frame>"
    if isinstance(data, (str, Path)):
        labelled = read_labelled_table(
            Path(data), text_column, reasons_column, sentiment_column, encoding, encoding_errors, **options
        )
    else:
        labelled = check_labelled(data, source, text_column, reasons_column, sentiment_column, **options)
    df = labelled.frame
    columns = [text_column, reasons_column] + ([sentiment_column] if sentiment_column else [])
    whole = df
    df = select_split(df, split, source)
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
    report.split = split
    metadata = getattr(model, "metadata", None)
    if isinstance(metadata, ModelMetadata) and metadata.training_data:
        report.overlap = training_overlap(metadata, data, whole, df, columns, text_column)
        warning = report.overlap.warning()
        if warning:
            warnings.warn(f"{source}: {warning}", DataWarning, stacklevel=2)
    return report


def training_overlap(
    meta: ModelMetadata,
    data: object,
    whole: pd.DataFrame,
    rows: pd.DataFrame,
    columns: list[str],
    text_column: str,
) -> TrainingOverlap:
    """Return how much of *rows* (of the labelled file or frame *data*, all of it *whole*) *meta*'s model saw."""
    trained = meta.training_data
    same_file = isinstance(data, (str, Path)) and trained.get("file_sha256") == sha256_file(Path(data))
    same_content = trained.get("content_sha256") == content_sha256(whole[columns].itertuples(index=False))
    fitted = meta.fitted_rows()
    seen = None if fitted is None else int(fitted.contains(rows[text_column], meta.max_chars).sum())
    return TrainingOverlap(len(rows), seen, bool(same_file), bool(same_content), meta.refit_on_all_rows)
