"""The drift section of the HTML report: the figures of ``taikai drift`` for a predictions file, as tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from taikai.drift import FIGURE_NAMES, DriftReport, PeriodDrift, check_drift
from taikai.drift import show_figure as show
from taikai.errors import TaikaiError
from taikai.model import Model, default_model_dir, read_metadata, resolve_model

TITLE = "ドリフト (学習データとの違い)"
NO_PROBABILITIES = "確率の列 (p_reason_*) がないため、ドリフトは確認できません。taikai batch の出力を使ってください。"


@dataclass(frozen=True)
class DriftSection:
    """What the report shows about drift: a verdict and tables, or only notes saying why there is none.

    ``alert`` is ``None`` when drift could not be checked (no probability columns, a model without drift
    statistics); ``notes`` then say why and what to do.
    """

    title: str
    notes: tuple[str, ...]
    alert: bool | None = None
    reasons: tuple[str, ...] = ()
    figures: pd.DataFrame | None = None
    periods: pd.DataFrame | None = None
    new_words: pd.DataFrame | None = None
    report: DriftReport | None = field(default=None, repr=False)


def _figures(part: PeriodDrift) -> pd.DataFrame:
    rows = [
        {
            "figure": f.label,
            "value": show(f.name, f.value),
            "reference": show(f.name, f.reference) if not f.name.endswith(("_shift", "new_word_share")) else "",
            "limit": show(f.name, f.limit),
            "rule": f.rule,
            "verdict": "DRIFT" if f.alert else ("ok" if f.judged else "not judged"),
        }
        for f in part.figures
    ]
    return pd.DataFrame(rows).set_index("figure")


def _periods(report: DriftReport) -> pd.DataFrame:
    rows = []
    for part in report.periods:
        row: dict[str, object] = {"period": part.period, "rows": part.statistics.rows}
        for name in FIGURE_NAMES:
            f = part.figure(name)
            row[f.label] = show(name, f.value) + (" *" if f.alert else "")
        row["drift"] = "yes" if part.alert else ("no" if any(f.judged for f in part.figures) else "too few rows")
        rows.append(row)
    return pd.DataFrame(rows).set_index("period")


def drift_section(
    df: pd.DataFrame,
    model: Model | str | Path | None = None,
    text_column: str = "text",
    date_column: str | None = None,
    freq: str = "M",
) -> DriftSection:
    """Check the predictions frame *df* for drift against *model*'s training statistics (default: the shipped
    model) and return the section; per period when *date_column* is given.

    Needs the ``p_reason_*`` columns that ``taikai batch`` writes; without them, or with a model that has no
    drift statistics, the section holds only a note saying what to do.
    """
    if not any(str(c).startswith("p_reason_") for c in df.columns):
        return DriftSection(
            TITLE,
            ("確率の列 (p_reason_*) がないため、ドリフトは確認できません。taikai batch の出力を使ってください。",),
        )
    try:
        if not isinstance(model, Model):  # read the metadata first: a model without statistics is not loaded
            read_metadata(Path(model) if model is not None else default_model_dir()).drift_statistics()
        report = check_drift(df, resolve_model(model), text_column=text_column, date_column=date_column, freq=freq)
    except TaikaiError as exc:
        return DriftSection(TITLE, (f"ドリフトを確認できません: {exc}",))
    verdict = "ドリフトあり (drift: yes)" if report.alert else "ドリフトなし (drift: no)"
    notes = [
        f"{verdict}。基準: {report.reference_name} ({report.reference.source})。閾値の根拠は docs/drift.md。",
    ]
    if date_column is None:
        notes.append("日付の列 (--date-column) を指定すると期間ごとにも判定します。")
    words = pd.DataFrame(
        [w.to_dict() for w in report.overall.new_words], columns=["word", "rows", "share", "reference_share"]
    )
    return DriftSection(
        TITLE,
        tuple(notes),
        report.alert,
        tuple(report.reasons),
        _figures(report.overall),
        _periods(report) if report.periods else None,
        words,
        report,
    )
