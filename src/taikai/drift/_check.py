"""Check a dump for drift against the model's stored statistics or a reference file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from taikai.drift._files import FileStatistics, file_statistics, frame_statistics
from taikai.drift._result import DriftReport, PeriodDrift
from taikai.model import DriftStatistics, Model, resolve_model

if TYPE_CHECKING:
    import pandas as pd


def reference_statistics(model: Model) -> tuple[DriftStatistics, str]:
    """Return the statistics stored in *model* at training time and a name for them, or raise ``ModelError``."""
    stats = model.metadata.drift_statistics()
    return stats, f"training statistics of the model {model.path or '(not saved)'}"


def _statistics(
    data: str | Path | pd.DataFrame,
    model: Model,
    text_column: str,
    date_column: str | None = None,
    freq: str = "M",
    encoding: str | None = None,
    input_format: str | None = None,
    sheet: str | None = None,
    progress: Callable[[int], None] | None = None,
    encoding_errors: str = "strict",
) -> FileStatistics:
    if isinstance(data, (str, Path)):
        return file_statistics(
            Path(data), model, text_column, date_column, freq, encoding, input_format, sheet, progress, encoding_errors
        )
    return frame_statistics(data, model, text_column, date_column, freq)


def check_drift(
    dump: str | Path | pd.DataFrame,
    model: Model | str | Path | None = None,
    reference: str | Path | pd.DataFrame | None = None,
    text_column: str = "text",
    date_column: str | None = None,
    freq: str = "M",
    encoding: str | None = None,
    input_format: str | None = None,
    sheet: str | None = None,
    progress: Callable[[int], None] | None = None,
    encoding_errors: str = "strict",
) -> DriftReport:
    """Compare *dump* with the model's training statistics (or the *reference* file) and return the report.

    *dump* and *reference* are files or data frames: raw dumps (classified on the fly with *model*) or
    predictions written by ``taikai batch`` with the same model (their status and probability columns are used).
    With *date_column*, each period (``freq`` ``M`` months or ``W`` weeks) is judged too.
    """
    model = resolve_model(model)
    if reference is None:
        ref, ref_name = reference_statistics(model)
    else:
        ref = _statistics(reference, model, text_column, encoding=encoding, encoding_errors=encoding_errors).overall
        ref_name = f"the file {reference}" if isinstance(reference, (str, Path)) else "the reference frame"
    found = _statistics(
        dump, model, text_column, date_column, freq, encoding, input_format, sheet, progress, encoding_errors
    )
    return DriftReport(
        source=found.source,
        reference=ref,
        reference_name=ref_name,
        overall=PeriodDrift.of("all", found.overall, ref),
        periods=tuple(PeriodDrift.of(period, stats, ref) for period, stats in found.periods.items()),
        date_column=date_column,
        freq=freq if date_column is not None else None,
        undated=found.undated,
        predictions=found.predictions,
    )
