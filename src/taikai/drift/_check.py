"""Check a dump for drift against the model's stored statistics or a reference file."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from taikai.drift._files import FileStatistics, file_statistics, frame_statistics
from taikai.drift._result import DriftReport, PeriodDrift
from taikai.errors import TEXT_COLUMN, Argument, InputError, check_bool, period_freq, wrong_type
from taikai.io import ReadOptions
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
    read_options: ReadOptions,
    *,
    text_column: Hashable | None,
    date_column: Hashable | None = None,
    freq: str | None = None,
    progress: Callable[[int], None] | None = None,
    prefix: str | None = None,
    argument: str = "dump",
    model_named: bool = True,
    text_argument: Argument = TEXT_COLUMN,
    mask_pii: bool = False,
    input_format: bool = True,
) -> FileStatistics:
    import pandas as pd

    if not isinstance(data, str | Path | pd.DataFrame):
        raise wrong_type(argument, data, "the path of a file (str or pathlib.Path), or a pandas DataFrame")
    if isinstance(data, (str, Path)):
        return file_statistics(
            Path(data),
            model,
            text_column=text_column,
            date_column=date_column,
            freq=freq,
            read_options=read_options,
            progress=progress,
            prefix=prefix,
            model_named=model_named,
            text_argument=text_argument,
            mask_pii=mask_pii,
            input_format=input_format,
        )
    return frame_statistics(
        data, model, text_column, date_column, freq, prefix=prefix, text_argument=text_argument, mask_pii=mask_pii
    )


def check_drift(
    dump: str | Path | pd.DataFrame,
    model: Model | str | Path | None = None,
    reference: str | Path | pd.DataFrame | None = None,
    text_column: Hashable | None = None,
    date_column: Hashable | None = None,
    freq: str | None = None,
    encoding: str | None = None,
    input_format: str | None = None,
    sheet: str | int | None = None,
    progress: Callable[[int], None] | None = None,
    encoding_errors: str = "strict",
    prefix: str | None = None,
    reference_text_column: Hashable | None = None,
    mask_pii: bool = False,
) -> DriftReport:
    """Compare *dump* with the model's training statistics (or the *reference* file) and return the report.

    *dump* and *reference* are files or data frames: raw dumps (classified on the fly with *model*) or
    predictions written by ``taikai batch`` with the same model (their status and probability columns are used).
    With *date_column*, each period (``freq`` ``M`` months, the default, or ``W`` weeks) is judged too; *freq*
    given without *date_column* is refused (:class:`InputError`), as ``--freq`` is on the command line.
    Predictions written with a prefix (``taikai batch --prefix pred_``) are found; *prefix* chooses among several
    sets in *dump* (the reference's are found on their own). The texts are in *text_column* (default: the one
    ``taikai batch`` classified, as the batch summary beside a predictions file recorded; else ``text``); the
    reference's are in *reference_text_column* (default: *text_column*, else found as the dump's are). A frame's
    columns are named by their labels (``0`` for a frame read with ``header=None``) or as str (``"0"``), as for
    ``predict_frame``.
    ``mask_pii=True`` masks personal data in the texts of *dump* and *reference* before they are classified or
    counted (:func:`taikai.mask_pii`): the new words shown hold none; the report's ``masks`` (and
    ``reference_masks``) count what was masked, per kind.
    """
    check_bool("mask_pii", mask_pii)
    periods = period_freq(freq, date_column)  # refused without a date column, before anything is read
    if reference is None and reference_text_column is not None:
        raise InputError("reference_text_column applies to a reference: give the reference file or frame too")
    named = model is not None
    model = resolve_model(model)
    read_options = ReadOptions(
        input_format=input_format, encoding=encoding, sheet=sheet, encoding_errors=encoding_errors
    )
    reference_masks = None
    if reference is None:
        ref, ref_name = reference_statistics(model)
    else:
        # The reference is read by its own extension, from its first sheet: only the encoding options apply to it.
        reference_options = replace(read_options, input_format=None, sheet=None)
        counted = _statistics(
            reference,
            model,
            reference_options,
            text_column=text_column if reference_text_column is None else reference_text_column,
            argument="reference",
            model_named=named,
            text_argument=Argument("reference_text_column", "--reference-text-column"),
            mask_pii=mask_pii,
            input_format=False,  # the reference is read by its extension
        )
        ref, reference_masks = counted.overall, counted.masks
        ref_name = f"the file {reference}" if isinstance(reference, (str, Path)) else "the reference frame"
    found = _statistics(
        dump,
        model,
        read_options,
        text_column=text_column,
        date_column=date_column,
        freq=freq,
        progress=progress,
        prefix=prefix,
        model_named=named,
        mask_pii=mask_pii,
    )
    return DriftReport(
        source=found.source,
        reference=ref,
        reference_name=ref_name,
        overall=PeriodDrift.of("all", found.overall, ref),
        periods=tuple(PeriodDrift.of(period, stats, ref) for period, stats in found.periods.items()),
        date_column=None if date_column is None else str(date_column),
        freq=periods if date_column is not None else None,
        undated=found.undated,
        out_of_range=found.out_of_range,
        date_years=found.date_years,
        date_order=found.date_order,
        predictions=found.predictions,
        masks=found.masks,
        reference_masks=reference_masks,
    )
