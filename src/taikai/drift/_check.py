"""Check a dump for drift against the model's stored statistics or a reference file."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING

from taikai._argument_order import argument_order
from taikai._masked_messages import errors_masked
from taikai.drift._chunk_counts import shared_rows
from taikai.drift._dump_statistics import checked_data, dump_statistics
from taikai.drift._given import check_given_paths
from taikai.drift._masked_sides import REFERENCE_TEXT_COLUMN, check_masked_alike
from taikai.drift._period_drift import PeriodDrift
from taikai.drift._preflight import check_dump
from taikai.drift._result import DriftReport
from taikai.drift._two_models import check_one_model
from taikai.errors import (
    ENCODING,
    INPUT_FORMAT,
    REFERENCE_ENCODING,
    REFERENCE_INPUT_FORMAT,
    REFERENCE_SHEET,
    SHEET,
    InputError,
    check_bool,
    named_as,
    period_freq,
)
from taikai.io import ReadOptions, period_tz
from taikai.model import DriftStatistics, Model, resolve_model

if TYPE_CHECKING:
    import pandas as pd


def reference_statistics(model: Model) -> tuple[DriftStatistics, str]:
    """Return the statistics stored in *model* at training time and a name for them, or raise ``ModelError``."""
    stats = model.metadata.drift_statistics()
    return stats, f"training statistics of the model {model.path or '(not saved)'}"


@argument_order
@errors_masked
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
    reference_encoding: str | None = None,
    reference_input_format: str | None = None,
    reference_sheet: str | int | None = None,
    *,
    source: str | None = None,
    tz: str | None = None,
) -> DriftReport:
    """Compare *dump* with the model's training statistics (or the *reference* file) and return the report.

    *dump* and *reference* are files or data frames: raw dumps (classified on the fly with *model*) or
    predictions written by ``taikai batch`` with the same model (their status and probability columns are used).
    With *date_column*, each period (``freq`` ``M`` months, the default, ``W`` weeks, ``Q`` quarters, ``Y`` years,
    or the quarters and years of a fiscal year, ``Q-MAR``, ``Y-MAR``; pandas' spellings and offsets alike:
    ``ME``, ``W-SUN``, ``QE-MAR``, ``pd.offsets.YearBegin(month=4)``) is judged too; *freq* given without *date_column*
    is refused (:class:`InputError`), as
    ``--freq`` is on the command line. The periods are those of the time zone *tz* when one is given (an IANA name
    such as ``Asia/Tokyo``, ``UTC``, or an offset such as ``+09:00``; refused without *date_column*): a date and time
    that carries a zone (``2026-10-31T20:00:00Z``, a Parquet ``timestamp[tz=UTC]``) is converted to it, one without
    is taken as in it; without *tz*, each counts in the zone it is written in (a warning says how to give one).
    Predictions written with a prefix (``taikai batch --prefix pred_``) are found; *prefix* chooses among several
    sets in *dump* (the reference's are found on their own). The texts are in *text_column* (default: the one
    ``taikai batch`` classified, as the batch summary beside a predictions file recorded; else ``text``, or, for a
    dump without that column, the one the model was trained on when the dump has it, with a
    :class:`~taikai.errors.DataWarning` saying so); the
    reference's are in *reference_text_column* (default: *text_column*, else found as the dump's are). A frame's
    columns are named by their labels (``0`` for a frame read with ``header=None``) or as str (``"0"``), as for
    ``predict_frame``.
    *encoding*, *input_format* and *sheet* say how to read *dump*; a *reference* file is read with its own
    *reference_encoding* (default: detected on its own, UTF-8 or CP932), *reference_input_format* (default: from
    its extension) and *reference_sheet* (default: the first), and errors reading it name those; *encoding_errors*
    applies to both files.
    ``mask_pii=True`` masks personal data in the texts of *dump* and *reference* before they are classified or
    counted (:func:`taikai.mask_pii`), and no word UniDic tags as a person's or a place's name (nor an address
    unit right after a place: the 区 of 渋谷区) is a new word (docs/drift.md gives the rule); the report's
    ``masks`` (and ``reference_masks``) count what was masked, per kind.
    *source* names a *dump* frame in messages and in the report (the file it was read from; default ``<frame>``); a
    dump file is named by its path.
    """
    check_bool("mask_pii", mask_pii)
    if source is not None and isinstance(dump, (str, Path)):
        raise InputError(
            f"source={source!r} names a dump frame, and the dump is a file, named by its path: leave it out"
        )
    frame_name = "<frame>" if source is None else source
    periods = period_freq(freq, date_column)  # refused without a date column, before anything is read
    zone = period_tz(tz, date_column)
    if reference is None and reference_text_column is not None:
        raise InputError("reference_text_column applies to a reference: give the reference file or frame too")
    _check_reference_options(reference, reference_encoding, reference_input_format, reference_sheet)
    # The reference is read with its own options (the dump's encoding, format and sheet are not its own), and what
    # goes wrong reading it names them; their values are checked here, before its path is.
    with named_as((ENCODING, REFERENCE_ENCODING), (INPUT_FORMAT, REFERENCE_INPUT_FORMAT), (SHEET, REFERENCE_SHEET)):
        reference_options = ReadOptions(
            input_format=reference_input_format,
            encoding=reference_encoding,
            sheet=reference_sheet,
            encoding_errors=encoding_errors,
        )
    # an empty path, or a reference that is no file (a .txt one whose format is not named), said before the model loads
    check_given_paths(dump, reference, reference_input_format, input_format)
    named = model is not None
    model = resolve_model(model)
    read_options = ReadOptions(
        input_format=input_format, encoding=encoding, sheet=sheet, encoding_errors=encoding_errors
    )
    reference_masks, reference_blank, reference_predictions, reference_unchecked = None, 0, None, False
    reference_unsaved, reference_bad, reference_trial, reference_duplicates, reference_keys = None, None, None, 0, None
    if reference is None:
        ref, ref_name = reference_statistics(model)
    else:
        # What reading the dump refuses is said before the reference is counted (minutes for a large raw one).
        check_one_model(dump, reference)  # two models: no --model reads both, said before either is refused
        read_options = check_dump(  # the dump's reader, which counting it reads: a JSONL dump is read whole once
            checked_data(dump),
            model,
            read_options,
            text_column=text_column,
            date_column=date_column,
            prefix=prefix,
            model_named=named,
            source=frame_name,
        )
        # masked on one side only (a batch summary says so, or placeholders in the texts): drift where nothing changed
        reference_column = text_column if reference_text_column is None else reference_text_column
        checked_data(reference, "reference")  # a path or a frame, before its first rows are read
        with named_as((ENCODING, REFERENCE_ENCODING), (INPUT_FORMAT, REFERENCE_INPUT_FORMAT), (SHEET, REFERENCE_SHEET)):
            reference_options = check_masked_alike(  # the reference's reader it made is the one counting reads
                dump, reference, mask_pii, model, (read_options, reference_options), (text_column, reference_column)
            )
            counted = dump_statistics(
                reference,
                model,
                reference_options,
                text_column=reference_column,
                argument="reference",
                model_named=named,
                text_argument=REFERENCE_TEXT_COLUMN,
                mask_pii=mask_pii,
            )
        ref, reference_masks, reference_blank = counted.overall, counted.masks, counted.blank_lines
        reference_bad, reference_duplicates, reference_keys = counted.bad_lines, counted.duplicates, counted.text_keys
        reference_predictions, reference_unchecked = counted.predictions, counted.unchecked
        reference_unsaved, reference_trial = counted.unsaved_model, counted.trial_run
        ref_name = f"the file {reference}" if isinstance(reference, (str, Path)) else "the reference frame"
    found = dump_statistics(
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
        source=frame_name,
        tz=zone,
    )
    return DriftReport(
        source=found.source,
        reference=ref,
        reference_name=ref_name,
        overall=PeriodDrift.of("all", found.overall, ref, found.one_text.get("all", 0)),
        periods=tuple(
            PeriodDrift.of(period, stats, ref, found.one_text.get(period, 0)) for period, stats in found.periods.items()
        ),
        date_column=None if date_column is None else str(date_column),
        freq=periods if date_column is not None else None,
        tz=zone,
        undated=found.undated,
        out_of_range=found.out_of_range,
        blank_dates=found.blank_dates,
        date_years=found.date_years,
        date_order=found.date_order,
        date_example=found.date_example,
        predictions=found.predictions,
        masks=found.masks,
        reference_masks=reference_masks,
        blank_lines=found.blank_lines,
        reference_blank_lines=reference_blank,
        bad_lines=found.bad_lines,
        trial_run=found.trial_run,
        reference_trial_run=reference_trial,
        reference_bad_lines=reference_bad,
        text_hint=found.text_hint,
        markup_hint=found.markup_hint,
        japanese_column=found.japanese_column,
        texts=found.texts,
        reference_predictions=reference_predictions,
        unchecked=found.unchecked,
        reference_unchecked=reference_unchecked,
        unsaved_model=found.unsaved_model,
        reference_unsaved_model=reference_unsaved,
        empty_periods=found.empty_periods,
        stray_periods=found.strays,
        duplicates=found.duplicates,
        reference_duplicates=reference_duplicates,
        shared_rows=shared_rows(found.text_keys, reference_keys),
        overridden_rows=found.overridden,
    )


def _check_reference_options(
    reference: object, encoding: str | None, input_format: str | None, sheet: str | int | None
) -> None:
    """Refuse options of a reference file given without one (no reference, or a reference frame)."""
    given = [
        argument.name
        for argument, value in (
            (REFERENCE_ENCODING, encoding),
            (REFERENCE_INPUT_FORMAT, input_format),
            (REFERENCE_SHEET, sheet),
        )
        if value is not None
    ]
    if given and not isinstance(reference, (str, Path)):
        what = "no reference was given" if reference is None else "the reference is a frame"
        verb = "applies" if len(given) == 1 else "apply"
        raise InputError(f"{' and '.join(given)} {verb} to a reference file, and {what}: give the reference file too")
