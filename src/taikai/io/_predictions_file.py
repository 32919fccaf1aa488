"""Tell a predictions file (``taikai batch``, ``predict``) from a labelled one; refuse it as gold labels."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from taikai.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

MODEL_COLUMNS = ("reason", "reasons", "sentiment")
"""The columns of a predictions file (``taikai batch``, ``predict``) that hold the model's labels, not a person's."""
PREDICTIONS_HINT = (
    "pass a labelled file instead: the filled taikai suggest sheet, or a file whose reasons and sentiment a person "
    "gave (taikai batch --prefix pred_ keeps a labelled file's own columns apart from the predictions)"
)


def is_predictions(columns: Sequence[str]) -> bool:
    """Whether *columns* (unprefixed) are those of a ``taikai batch`` output: a status and ``p_reason_*`` columns."""
    return "status" in columns and any(c.startswith("p_reason_") for c in columns)


def refuse_predictions(df: pd.DataFrame, source: str, label_columns: Sequence[Hashable | None]) -> None:
    """Refuse a predictions file read as labelled data: its reasons and sentiment are the model's."""
    names = list(map(str, df.columns))
    model_file = is_predictions(names) or {"status", "reason_proba"} <= set(names)  # batch's, or predict's JSONL
    used = [c for c in label_columns if c in MODEL_COLUMNS]
    if model_file and used:
        raise InputError(
            f"{source}: this is a predictions file (it has the model's status and p_reason_* columns, as taikai batch "
            f"and predict write): its {' and '.join(used)} column(s) are the model's labels, not gold labels; "
            + PREDICTIONS_HINT
        )


def check_predictions_sheet(frame: pd.DataFrame, path: str | Path, sheet: str | int | None = None) -> None:
    """Refuse the sheet read of the xlsx workbook *path* (*sheet*, else the first) when it holds no predictions (no
    ``p_reason_*`` column, plain or prefixed) and the workbook has other sheets: the :class:`InputError` names the
    sheet read, the others, and ``--sheet NAME`` (``sheet=``), as a missing column of ``batch`` names them."""
    from taikai.io._formats import format_of
    from taikai.io._parts import is_parts_folder
    from taikai.io._table_readers import XlsxReader, sheet_read

    path = Path(path)
    if any("p_reason_" in str(c) for c in frame.columns) or is_parts_folder(path) or format_of(path) != "xlsx":
        return
    of, hint = sheet_read(XlsxReader(path, sheet))
    if of:
        raise InputError(
            f"{path}: not a predictions file{of}: no 'reason' and p_reason_* columns, nor prefixed ones such as "
            f"pred_reason (the columns are {list(map(str, frame.columns))}); classify it first with taikai batch{hint}"
        )
