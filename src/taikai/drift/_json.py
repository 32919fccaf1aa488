"""The drift report as JSON-ready values (``DriftReport.to_dict``): the same figures as its text, plus ``alert``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from taikai.drift._result import DriftReport


def report_dict(report: DriftReport) -> dict[str, Any]:
    """Return *report*'s figures as JSON-ready values, as ``DriftReport.to_dict`` gives them."""
    return {
        "source": report.source,
        "reference": {
            "name": report.reference_name,
            "source": report.reference.source,
            "rows": report.reference.rows,
            "classified": report.reference.classified,
            "judgeable": report.reference_judgeable,
            "input": "stored statistics"
            if report.reference_predictions is None
            else _input(report.reference_predictions),
            "model_checked": not report.reference_unchecked if report.reference_predictions else None,
            "unsaved_model": report.reference_unsaved_model,
            "trial_run": report.reference_trial_run,  # a reference of batch --limit N's predictions
        },
        "input": _input(report.predictions),
        "trial_run": report.trial_run,  # batch --limit N: the first N rows of the input only, not the whole
        "model_checked": not report.unchecked if report.predictions else None,
        "unsaved_model": report.unsaved_model,  # why model_checked is false when a summary names a model
        "date_column": report.date_column,
        "freq": report.freq,
        "tz": report.tz,  # the zone the periods are counted in; null: each date in the zone it is written in
        "undated_rows": report.undated,
        "blank_date_rows": report.blank_dates,
        "unread_date_rows": report.unread_dates,  # a value that reads as no date (令和七年三月四日, someday)
        "out_of_range_rows": report.out_of_range,
        "date_years": None if report.date_years is None else [report.date_years.first, report.date_years.last],
        "date_order": None if report.date_order is None else report.date_order.value,
        "overall": report.overall.to_dict(),
        "periods": [p.to_dict() for p in report.periods],
        "empty_periods": [g.to_dict() for g in report.empty_periods],
        "stray_periods": [s.to_dict() for s in report.stray_periods],  # a few rows cut off at an end: a date typo?
        "drifted_periods": report.drifted_periods,
        "alert": report.alert,
        "verdict": report.verdict.value,
        "reasons": report.reasons,
        "not_judged_why": report.not_judged_why,
        "masks": report.masks,
        "reference_masks": report.reference_masks,
        "blank_lines": report.blank_lines,
        "reference_blank_lines": report.reference_blank_lines,
        "duplicate_rows": report.duplicates,
        "reference_duplicate_rows": report.reference_duplicates,
        "overridden_rows": report.overridden_rows,  # reason set by a rule (--rules-mode override), not counted here
        "shared_rows": report.shared_rows,  # rows whose text the reference file holds too (0 against the model)
        "bad_lines": report.bad_lines,
        "reference_bad_lines": report.reference_bad_lines,
        "text_hint": report.text_hint,
        "markup_hint": report.markup_hint,
    }


def _input(predictions: bool) -> str:
    """How a file was read, as ``"input"`` in :meth:`DriftReport.to_dict` says it."""
    return "predictions" if predictions else "raw dump (classified on the fly)"
