"""Tell a predictions file (``taikai batch``, ``predict``) from a labelled one; refuse it as gold labels."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from taikai._column_names import folded, label_like
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
    """Return whether *columns* (unprefixed) are those of a ``taikai batch`` output: a status and ``p_reason_*``
    columns."""
    return "status" in columns and any(c.startswith("p_reason_") for c in columns)


def prediction_prefixes(columns: Sequence[object]) -> list[str]:
    """The prefixes of the model's columns in *columns* (``taikai batch --prefix``): ``""``, ``"pred_"``, …"""
    names = [str(c) for c in columns]
    found = {name[: name.index("p_reason_")] for name in names if "p_reason_" in name}
    prefixes = sorted(p for p in found if f"{p}status" in names)
    if "" not in prefixes and {"status", "reason_proba"} <= set(names):
        prefixes.insert(0, "")
    return prefixes


def model_columns(columns: Sequence[object]) -> list[str]:
    """The columns of *columns* that hold the model's labels (:data:`MODEL_COLUMNS`, with each prefix of
    :func:`prediction_prefixes`): ``reason``, ``pred_reasons``, …"""
    names = {str(c) for c in columns}
    return [p + c for p in prediction_prefixes(columns) for c in MODEL_COLUMNS if p + c in names]


def refuse_predictions(df: pd.DataFrame, source: str, label_columns: Sequence[Hashable | None]) -> None:
    """Refuse a predictions file read as labelled data, when the labels read are the model's: its ``reasons`` and
    ``sentiment``, or, written with ``--prefix pred_``, its ``pred_reasons`` and ``pred_sentiment``."""
    theirs = model_columns(df.columns)
    used = [str(c) for c in label_columns if c is not None and str(c) in theirs]
    if used:
        refuse_model_labels(source, df.columns, used)


def refuse_prefixed_predictions(
    source: str, columns: Sequence[object], missing: str, label_like: Callable[[str], object]
) -> None:
    """Refuse a ``taikai batch --prefix`` output *source* none of whose own columns are *label_like*."""
    prefixes = [p for p in prediction_prefixes(columns) if p]
    own = [str(c) for c in columns if not any(str(c).startswith(p) for p in prefixes)]
    if prefixes and not any(label_like(c) for c in own):
        refuse_model_labels(source, columns, model_columns(columns), missing)


def refuse_unlabelled_predictions(
    columns: Sequence[object],
    source: str,
    label_columns: Sequence[Hashable | None],
    missing: Sequence[tuple[Hashable, object]],
) -> None:
    """Refuse a ``taikai batch --prefix`` output read for labels that has none of its own (every label column read is
    *missing*, and none of its own columns is named like labels): naming other columns would read the model's."""
    wanted = [c for c in label_columns if c is not None]
    gone = {c for c, _ in missing}
    if wanted and all(c in gone for c in wanted):
        given = " nor ".join(repr(str(c)) for c in wanted)
        refuse_prefixed_predictions(source, columns, f"no column {given}, no labels: ", lambda c: label_like(folded(c)))


def refuse_model_labels(source: str, columns: Sequence[object], used: Sequence[str], missing: str = "") -> None:
    """Refuse the predictions file *source*: its columns *used* are the model's labels (*missing*: said first)."""
    prefix = next((p for p in reversed(prediction_prefixes(columns)) if used and used[0].startswith(p)), "")
    by = f"taikai batch --prefix {shlex.quote(prefix)} writes" if prefix else "taikai batch and predict write"
    raise InputError(
        f"{source}: {missing}this is a predictions file (it has the model's {prefix}status and {prefix}p_reason_* "
        f"columns, as {by}): its {_listed(used)} column(s) are the model's labels, not gold labels; " + PREDICTIONS_HINT
    )


def _listed(names: Sequence[str]) -> str:
    return " and ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} and {names[-1]}"


def check_predictions_sheet(frame: pd.DataFrame, path: str | Path, sheet: str | int | None = None) -> None:
    """Refuse the sheet read of the xlsx workbook *path* (*sheet*, else the first) when it holds no predictions (no
    ``p_reason_*`` column, plain or prefixed) and the workbook has other sheets: the :class:`InputError` names the
    sheet read, the others, and ``--sheet NAME`` (``sheet=``), as a missing column of ``batch`` names them."""
    _check_sheet_columns(list(frame.columns), Path(path), sheet)


def check_predictions_header(path: str | Path, sheet: str | int | None = None) -> None:
    """Refuse, as :func:`check_predictions_sheet` does, the sheet of the xlsx workbook *path* to be read (*sheet*,
    else the first) when its header holds no predictions, before any of its rows is read: a workbook not yet
    classified whose first sheet is a cover (a title, then a note of two cells) is told to be classified first with
    ``taikai batch``, not to fix the cover's rows, which reading them would stop on. A file that is not there, that
    is no workbook, or whose sheet cannot be read is left to the reading, which says why."""
    import warnings

    from taikai.io._formats import format_of
    from taikai.io._parts import is_parts_folder
    from taikai.io._table_readers import XlsxReader

    path = Path(path)
    if not path.is_file() or is_parts_folder(path):
        return
    try:  # a file of no table format (a .txt) is told what it is by the reading, in the command's own words
        if format_of(path) != "xlsx":
            return
        with warnings.catch_warnings():  # the reading gives them, once
            warnings.simplefilter("ignore")
            columns = XlsxReader(path, sheet).columns
    except InputError:
        return
    _check_sheet_columns(list(columns), path, sheet)


def _check_sheet_columns(columns: list[object], path: Path, sheet: str | int | None) -> None:
    from taikai.io._formats import format_of
    from taikai.io._parts import is_parts_folder
    from taikai.io._table_readers import XlsxReader, sheet_read

    if any("p_reason_" in str(c) for c in columns) or is_parts_folder(path) or format_of(path) != "xlsx":
        return
    of, hint = sheet_read(XlsxReader(path, sheet))
    if of:
        raise InputError(
            f"{path}: not a predictions file{of}: no 'reason' and p_reason_* columns, nor prefixed ones such as "
            f"pred_reason (the columns are {list(map(str, columns))}); classify it first with taikai batch{hint}"
        )
