"""The sheet's columns for the rows ``suggest`` picked: their id and text, the model's reasons (primary, runner-up,
each with its probability, and the whole list as the model wrote it) and sentiment, the rules that fired on them
(predictions made with rules: ``rule_names``, ``rule_reasons``, ``rule_conflict``), and the similar rows each stands
for."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import numpy as np

from taikai.labels import format_reasons, parse_reasons, reason_name
from taikai.rules import RULE_COLUMNS
from taikai.suggestion._select import reason_matrix

if TYPE_CHECKING:
    import pandas as pd

SHEET_TEXT = "text"
"""The sheet's text column, whatever the predictions call it: the name ``taikai train --add`` reads by default."""
ROW_COLUMN = "row"
"""The id column of the sheet when no ``id_column`` is given (nor a frame's index naming its rows): the data row."""


def model_reasons(written: object, model_reason: object) -> object:
    """Return the sheet's ``model_reasons`` cell of a row whose predictions wrote *written* as ``reasons`` and, under
    ``--rules-mode override``, *model_reason* (else ``None``).

    Override writes the first firing rule's label first and the model's other reasons after it, so when a rule took
    the primary, the model's own list is the rest, with or without the rule's label (the file does not say): the
    cell says so instead of showing the rule's label as the model's.
    """
    if model_reason is None or not isinstance(written, str) or not isinstance(model_reason, str):
        return written
    labels = parse_reasons(written)
    if len(labels) < 2 or labels[0] == model_reason:  # the model's own list (or a file override never writes)
        return written
    rule_label, rest = labels[0], labels[1:]
    return f"{format_reasons(rest)}; perhaps {rule_label} too (--rules-mode override put the rule's label first)"


def sheet_rows(
    df: pd.DataFrame, picked: list[int], similar: list[int], columns: tuple[Hashable | None, Hashable], labels: Any
) -> Any:
    """Return the sheet's model columns for the *picked* rows of *df* (*columns*: the labels of its id column,
    ``None`` for row numbers, and of its text column)."""
    import pandas as pd

    id_label, text_column = columns
    reasons, sentiments = labels
    rows = df.iloc[picked]
    proba = reason_matrix(rows, reasons)
    order = np.argsort(-proba, axis=1, kind="stable")
    out = {
        ROW_COLUMN if id_label is None else str(id_label): (
            [i + 1 for i in picked] if id_label is None else rows[id_label].tolist()
        ),
        SHEET_TEXT: rows[text_column].tolist(),
        "model_reason": [reasons[o[0]] for o in order],
        "model_reason_ja": [reason_name(reasons[o[0]], labels=reasons) for o in order],
        "p_model_reason": [round(float(p[o[0]]), 3) for p, o in zip(proba, order, strict=True)],
        "runner_up": [reasons[o[1]] if len(o) > 1 else None for o in order],
        "p_runner_up": [round(float(p[o[1]]), 3) if len(o) > 1 else None for p, o in zip(proba, order, strict=True)],
        "model_reasons": (
            [
                model_reasons(w, m)
                for w, m in zip(
                    rows["reasons"].tolist(),
                    rows["model_reason"].tolist() if "model_reason" in rows.columns else [None] * len(rows),
                    strict=True,
                )
            ]
            if "reasons" in rows.columns
            else [None] * len(rows)
        ),
    }
    if sentiments:
        s_proba = rows[[f"p_sentiment_{s}" for s in sentiments]].to_numpy(dtype=float)
        out["model_sentiment"] = [sentiments[j] for j in s_proba.argmax(axis=1)]
        out["p_model_sentiment"] = [round(float(v), 3) for v in s_proba.max(axis=1)]
    for column in RULE_COLUMNS:  # predictions made with rules: which fired, and whether they disagree with the model
        if column in rows.columns:
            out[column] = [None if pd.isna(v) else v for v in rows[column].tolist()]
    out["similar_rows"] = similar
    return pd.DataFrame(out)
