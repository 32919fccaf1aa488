"""Train a model reproducibly: gather the rows, cross-validate, tune thresholds, test, compare, save with metadata."""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import TYPE_CHECKING

from taikai._argument_order import argument_order
from taikai._masked_messages import errors_masked
from taikai._warn import warn_user
from taikai.errors import Argument, DataWarning, InputError, check_int
from taikai.evaluation import evaluate
from taikai.io import OnBadRows, list_rows, split_column
from taikai.model import (
    DEFAULT_THRESHOLD,
    SEED,
    TEST_SIZE,
    FeatureConfig,
    Metrics,
    Model,
    ModelMetadata,
    RecordedConfig,
    RowHashes,
    Scores,
    TrainingRecord,
)
from taikai.text import MAX_CHARS
from taikai.training._added_file import one_encoding
from taikai.training._checked_input import LabelledData
from taikai.training._checks import (
    check_add_weight,
    check_flags,
    check_out_dir,
    check_split_options,
    label_rows,
    save_out,
    unlearned_labels,
    weak_data_warnings,
)
from taikai.training._class_weights import read_class_weights
from taikai.training._columns import Columns
from taikai.training._compare import compare_added, skipped_comparison
from taikai.training._cv import cross_validate, fit_frame, head_rows, pipeline_labels
from taikai.training._fit_failure import fit_failure
from taikai.training._inputs import TRAINED_TWICE, TrainingInputs, read_inputs
from taikai.training._look_alike import look_alike_labels
from taikai.training._masked_inputs import masked_inputs
from taikai.training._records import drift_statistics, training_source
from taikai.training._resolved_config import resolve_config
from taikai.training._split_rows import split_rows

if TYPE_CHECKING:
    pass


class SkippedRowsWarning(DataWarning):
    """Training left out rows that cannot be used (``on_bad_rows="skip"``); the message names the first ones.

    A :class:`~taikai.errors.DataWarning`, as every warning about the data is (and so a ``UserWarning``)."""


def skipped_summary(inputs: TrainingInputs) -> str:
    """Return one line per skipped row (the first :data:`SHOWN_SKIPPED`), after a count; empty if none."""
    if not inputs.skipped:
        return ""
    return "\n".join(
        list_rows(f"{len(inputs.skipped):,} training row(s) cannot be used and were skipped:", inputs.skipped)
    )


@argument_order
@errors_masked
def train(
    data: LabelledData,
    out: str | Path | None = None,
    config: FeatureConfig | None = None,
    folds: int = 5,
    test_size: float = TEST_SIZE,
    seed: int = SEED,
    refit_all: bool = False,
    text_column: Hashable = "text",
    reasons_column: Hashable = "reasons",
    sentiment_column: Hashable | None = "sentiment",
    encoding: str | None = None,
    *,
    add: LabelledData | Sequence[LabelledData] | None = (),
    add_weight: float = 1.0,
    on_bad_rows: OnBadRows | str = OnBadRows.SKIP,
    compare_folds: int = 5,
    overwrite: bool = False,
    free_labels: bool = False,
    encoding_errors: str = "strict",
    sheet: str | int | None = None,
    mask_pii: bool = False,
    id_column: Hashable | None = None,
) -> Model:
    """Train a model on a labelled file or frame (plus *add*: a labelled file or frame, or a list of them) and return
    it (saved to *out*).

    *config* defaults to :meth:`FeatureConfig.shipped`, the shipped model's features (word n-grams plus the chiVe
    word vectors, whose table must be installed: checked before anything is read); pass ``FeatureConfig()`` (or
    ``replace(FeatureConfig.shipped(), vectors=None)``) for word n-grams only.

    The ``split`` column, if any, decides train and test rows of *data* (a ``test_size`` other than the default is
    then ignored, with a :class:`~taikai.errors.DataWarning`); otherwise a stratified ``test_size`` share is held
    out. Rows of *add* (files of any format taikai reads, e.g. a filled ``taikai suggest`` sheet) are
    training rows weighted *add_weight*; blank ones are skipped, duplicates of base rows dropped, all counted in
    ``metadata.inputs``. A row of *data* or *add* with a primary reason and no sentiment trains the reason head
    only, one with a sentiment and no reason the sentiment head only (``training_data`` then records
    ``reason_rows``, ``sentiment_rows`` and ``fitted_rows``; each head is scored on the rows that have its label; a
    row without a reason is never held out for the test or a cross-validation fold). Rows that cannot be used are
    skipped with a :class:`SkippedRowsWarning` (``on_bad_rows="skip"``) or stop the training (``"error"``).
    Cross-validation on the train rows gives the CV scores and the per-reason thresholds; the test rows give the
    test scores; with *add*, ``compare_folds`` folds over the added rows (near-copies of a review in one fold)
    measure what they bought (``metrics["added"]``); with *add* empty (``add=[]`` or ``None``, a loop's first
    round) *add_weight* and *compare_folds* are unused (``taikai train`` refuses them without ``--add``). With
    ``refit_all`` the saved model is refitted on all rows.

    *id_column* (``review_id``) names the rows of every file of *data* and *add* that holds it by their id after
    their file line in every message (``sheet.xlsx:5 (id R-17)``), as ``taikai batch`` does; a column no file holds
    is an error. Without it, the first column named as ids are (``review_id``, ``id``, ``回答ID``, ``ID``,
    ``response_id``) whose values name the rows does, of *data*, else of the first file of *add* that has one, as
    ``suggest`` finds it (``metadata.training_data.id_column``, ``id_found_by_name``; the summary's ``ids:`` line).
    Rows of *add* under one id whose texts are one edited (a typo fixed in a sheet) are one review, trained once from
    the last row, as a repeated text is, with a :class:`~taikai.errors.DataWarning`.
    *sheet* (a name or 1-based number) chooses the sheet of an xlsx *data* (default: the one named ``labels``, else
    the first); an xlsx file of *add* is read from its ``labels`` sheet, else its first.
    Labels must be the taxonomy's reasons and sentiments unless ``free_labels``, which reads *data*'s and *add*'s
    labels as written after NFKC (``その他`` stays ``その他``, ``（猫）`` is ``(猫)``: a DataWarning names each label
    NFKC changed) and records them as the user's own (``metadata.free_labels``); else they are read as the
    taxonomy's (ids in any case, Japanese names).
    *out* must not hold a model (or other files) unless ``overwrite``; that is checked before anything is read.
    What training finds weak in the data (a reason too rare to cross-validate, …) is in
    ``model.metadata.warnings``; the texts the saved model was fitted on are recorded as row hashes
    (``training_data.row_hashes``), which :func:`taikai.evaluate` checks. ``mask_pii=True`` masks the texts of
    *data* and *add* before anything reads them (the model is fitted on masked texts), and every error and warning.
    """
    check_flags(refit_all=refit_all, overwrite=overwrite, free_labels=free_labels, mask_pii=mask_pii)
    if out is not None:
        check_out_dir(out, overwrite)
    check_int("folds", folds, 0)
    if check_int("compare_folds", compare_folds, 0) == 1:
        raise InputError(
            f"{Argument('compare_folds', '--compare-folds').either([compare_folds])}: one fold cannot compare (its "
            "model would be trained on none of the added rows): give at least 2 folds, or 0 to skip the comparison"
        )
    check_split_options(seed, test_size)
    add_weight = check_add_weight(add_weight)
    config = resolve_config(config)
    columns = Columns(text_column, reasons_column, sentiment_column)
    with one_encoding(add, encoding):
        inputs = read_inputs(
            data,
            add,
            columns=columns,
            encoding=encoding,
            on_bad_rows=on_bad_rows,
            add_weight=add_weight,
            free_labels=free_labels,
            encoding_errors=encoding_errors,
            sheet=sheet,
            id_column=id_column,
        )
    inputs = masked_inputs(inputs, text_column) if mask_pii else inputs
    if inputs.skipped:
        warn_user(skipped_summary(inputs), SkippedRowsWarning)
    import pandas as pd

    df = inputs.base
    source = training_source(inputs, columns)
    train_df, test_df, fit_df = split_rows(inputs, test_size, seed, sentiment_column, text_column)
    config = read_class_weights(config, fit_df, test_df, sentiment_column, free_labels)  # keys as labels are read
    everything = pd.concat([df, inputs.added], ignore_index=True) if len(inputs.added) else df
    source |= {
        "train_rows": len(train_df),
        "test_rows": len(test_df),
        "row_hashes": RowHashes.of(fit_df[text_column]).to_dict(),  # the texts the pipeline is fitted on
        **head_rows(fit_df, sentiment_column),
    }
    try:
        cv_scores, thresholds, held_out = cross_validate(fit_df, config, folds, seed, sentiment_column, text_column)
        pipeline = fit_frame(config, fit_df, sentiment_column, text_column)
        comparison = (
            compare_added(
                train_df, inputs.added, config, compare_folds, seed, sentiment_column, text_column, inputs.added_places
            )
            if len(inputs.added)
            else None
        )
    except InputError:  # a ValueError too, but said already (a dicdir, a split value): not scikit-learn's
        raise
    except ValueError as exc:  # e.g. no n-gram left after min_df on very little data
        raise fit_failure(exc, len(fit_df), config) from exc
    reasons, sentiments = pipeline_labels(pipeline)
    meta = ModelMetadata(
        taikai_version=importlib_metadata.version("taikai"),
        created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        reasons=reasons,
        sentiments=sentiments,
        reason_thresholds=thresholds,
        max_chars=MAX_CHARS,
        config=RecordedConfig.of(config),
        seed=seed,
        training_data=TrainingRecord.from_dict(source),
        metrics=Metrics.from_dict({"cv": cv_scores}),
        inputs=inputs.files,
        warnings=tuple(weak_data_warnings(fit_df, folds, cv_scores, sentiment_column, out))
        + tuple(w for w in [inputs.base_conflicts.warning(TRAINED_TWICE, inputs.files[0].file)] if w),
        free_labels=free_labels,
        columns=columns.recorded(),
        mask_pii=mask_pii,
        folds=int(folds),
        test_size=TEST_SIZE if split_column(df) is not None else float(test_size),  # a split column decides again
    )
    if comparison is not None:
        meta = replace(meta, metrics=replace(meta.metrics, added=comparison))
    elif len(inputs.added) and compare_folds:
        warn_user(skipped_comparison(inputs.added), DataWarning)
    model = Model(pipeline, meta)
    if len(test_df):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DataWarning)  # said below, in the training's own words
            report = evaluate(model, test_df, text_column, reasons_column, sentiment_column, free_labels=True)
        test = Scores.from_dict(report.summary() | {"rows": len(test_df), "report": report.to_dict()})
        meta = replace(meta, metrics=replace(meta.metrics, test=test))
        if report.overlap is not None and (report.overlap.seen or report.overlap.near):
            seen, near = report.overlap.seen or 0, report.overlap.near or 0
            repeated = (
                f"{seen:,} of {len(test_df):,} test rows have the same text as a training row"
                + (f", and {near:,} the same text but for punctuation or spacing" if near else "")
                + ": the test scores are optimistic; keep repeated texts in one split"
            )
            meta = replace(meta, warnings=(*meta.warnings, repeated))
    meta = replace(meta, drift=drift_statistics(model, fit_df, test_df, text_column, held_out))
    model = Model(pipeline, meta)
    if refit_all and len(test_df):
        pipeline = fit_frame(config, everything, sentiment_column, text_column)
        reasons, sentiments = pipeline_labels(pipeline)
        fitted = {k: v for k, v in source.items() if k not in ("reason_rows", "sentiment_rows", "fitted_rows")}
        fitted |= {
            "row_hashes": RowHashes.of(everything[text_column]).to_dict(),
            **head_rows(everything, sentiment_column),
        }
        # A reason only the test rows have gets the default threshold: the metadata has one for every reason.
        tuned = {r: thresholds.get(r, DEFAULT_THRESHOLD) for r in reasons} if thresholds else {}
        meta = replace(
            meta,
            reasons=reasons,
            sentiments=sentiments,
            reason_thresholds=tuned,
            refit_on_all_rows=True,
            training_data=TrainingRecord.from_dict(fitted),
        )
        note = "test scores were measured before refitting on all rows"
        meta = replace(meta, metrics=replace(meta.metrics, note=note))
        model = Model(pipeline, meta)
    lost = unlearned_labels(everything, meta.reasons, meta.sentiments, sentiment_column, out)
    lost += look_alike_labels(everything, sentiment_column)
    per_label = label_rows(everything if meta.refit_on_all_rows else fit_df, everything, sentiment_column)
    meta = replace(
        meta,
        warnings=(*meta.warnings, *lost),
        training_data=TrainingRecord.from_dict(meta.training_data.to_dict() | per_label),
    )
    model = Model(pipeline, meta)  # warned once the saved model's labels are known (--refit-all learns the test's)
    if out is not None:  # checked again once the save holds *out*: a model saved there meanwhile stays
        model.path, model.metadata = save_out(pipeline, meta, out, overwrite)
    return model
