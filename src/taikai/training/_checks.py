"""What training checks before it starts and says when it ends: the --out directory, data too thin to trust, and
labels of the data the model never learned."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taikai.errors import InputError
from taikai.model import ARTIFACT_NAME, DEFAULT_THRESHOLD, METADATA_NAME

if TYPE_CHECKING:
    import pandas as pd


def check_out_dir(out: Path, overwrite: bool) -> None:
    """Refuse, before any training, an *out* that is a file, or a directory holding a model or other files."""
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: is a file, not a model directory; choose a directory (it is created)")
    if not out.is_dir() or overwrite:
        return
    if (out / METADATA_NAME).exists() or (out / ARTIFACT_NAME).exists():
        raise InputError(
            f"--out {out}: already holds a model; choose another directory, or pass --force (overwrite=True) "
            "to replace it"
        )
    others = sorted(p.name for p in out.iterdir())
    if others:
        shown = ", ".join(others[:5]) + (", …" if len(others) > 5 else "")
        raise InputError(
            f"--out {out}: the directory holds other files ({shown}); choose a new or empty directory, "
            "or pass --force (overwrite=True) to write the model among them"
        )


def _counted(counts: pd.Series) -> str:
    return ", ".join(f"{label} ({n:,})" for label, n in sorted(counts.items(), key=lambda kv: (kv[1], kv[0])))


def weak_data_warnings(
    train_df: pd.DataFrame, folds: int, cv_scores: dict[str, Any], sentiment_column: str | None
) -> list[str]:
    """Return what the training rows are too thin for: cross-validation, tuned thresholds, a rare label."""
    out = []
    reasons = train_df["primary"].value_counts()
    used = int(cv_scores.get("folds", 0))
    default = f"every reason is added at the default probability {DEFAULT_THRESHOLD}"
    if folds >= 2 and used == 0:
        out.append(
            f"cross-validation was skipped: it needs at least 2 training rows of every primary reason, and "
            f"{_counted(reasons[reasons < 2])} have fewer. So there are no cv scores and the multi-label "
            f"thresholds were not tuned: {default}. Add examples of these reasons, or merge them into others"
        )
    elif folds >= 2 and used < folds:
        out.append(
            f"cross-validation used {used} folds instead of {folds}: the primary reason(s) "
            f"{_counted(reasons[reasons < folds])} have fewer than {folds} training rows"
        )
    elif folds < 2:
        out.append(f"--folds {folds}: no cross-validation, so the multi-label thresholds were not tuned: {default}")
    if sentiment_column:
        sentiments = train_df[sentiment_column].value_counts()
        if (sentiments < 2).any():
            out.append(
                f"sentiment(s) {_counted(sentiments[sentiments < 2])} have fewer than 2 training rows: "
                "the model can hardly learn them"
            )
    return out


def unlearned_labels(
    df: pd.DataFrame, reasons: Sequence[str], sentiments: Sequence[str], sentiment_column: str | None
) -> list[str]:
    """Return what the labels of *df* (every labelled row, train and test) hold that the fitted model lacks:
    reasons never the primary reason of a training row, sentiments of no training row. The model learns a
    reason only where it comes first, so such a label is one it can never predict, while the test scores it."""
    import pandas as pd

    out = []
    known = set(reasons)
    lost = pd.Series([x for labels in df["label_set"] for x in labels if x not in known], dtype=object)
    if len(lost):
        out.append(
            f"reason(s) {_counted(lost.value_counts())} are in the data but never the primary (first) reason of a "
            "training row, so the model cannot predict them (they are only in the test rows, or only a further "
            "reason): give them training rows where they come first, or merge them into other reasons"
        )
    if sentiment_column:
        labels = df[sentiment_column]
        lost = labels[labels.notna() & (labels != "") & ~labels.isin(set(sentiments))]
        if len(lost):
            out.append(
                f"sentiment(s) {_counted(lost.value_counts())} are in the data but in no training row (only in the "
                "test rows), so the model cannot predict them: give them training rows"
            )
    return out


def look_alike_labels(df: pd.DataFrame, sentiment_column: str | None) -> list[str]:
    """Return a warning for each kind of label of *df* where labels differ only in case (``UI/UX``, ``ui/ux``).

    Label cells are read after NFKC, so full- and half-width forms are one label already, and ids of the taxonomy
    are read in any case; labels of one's own are kept as written, so such labels are different labels.
    """
    kinds = [("reason", [x for labels in df["label_set"] for x in labels])]
    if sentiment_column:
        kinds.append(("sentiment", [x for x in df[sentiment_column] if isinstance(x, str) and x]))
    out = []
    for kind, labels in kinds:
        groups: dict[str, set[str]] = {}
        for label in labels:
            groups.setdefault(label.casefold(), set()).add(label)
        alike = [" and ".join(map(repr, sorted(group))) for group in groups.values() if len(group) > 1]
        if alike:
            out.append(
                f"{kind} labels that differ only in case are different labels: {'; '.join(sorted(alike))}; if "
                "each group is one label, write it one way in the data and train again"
            )
    return out
