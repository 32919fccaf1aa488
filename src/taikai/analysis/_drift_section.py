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
# The section's own words in each language of the report (``--lang``); the figures and reasons are English.
WORDS = {
    "ja": {
        "title": TITLE,
        "no_probabilities": NO_PROBABILITIES,
        "cannot": "ドリフトを確認できません: {exc}",
        "yes": "ドリフトあり (drift: yes)",
        "no": "ドリフトなし (drift: no)",
        "not judged": "判定できません: 分類できた行が少なすぎます (drift: not judged; {why})",
        "verdict": "{verdict}。基準: {name} ({source})。閾値の根拠は docs/drift.md。",
        "per_period": "日付の列 (--date-column) を指定すると期間ごとにも判定します。",
    },
    "en": {
        "title": "Drift (against the training data)",
        "no_probabilities": "No probability columns (p_reason_*): drift cannot be checked. Use taikai batch output.",
        "cannot": "Drift cannot be checked: {exc}",
        "yes": "Drift (drift: yes)",
        "no": "No drift (drift: no)",
        "not judged": "Not judged: too few rows could be classified (drift: not judged; {why})",
        "verdict": "{verdict}. Reference: {name} ({source}). The thresholds are explained in docs/drift.md.",
        "per_period": "Give a date column (--date-column) to judge each period too.",
    },
}


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
    lang: str = "ja",
) -> DriftSection:
    """Check the predictions frame *df* for drift against *model*'s training statistics (default: the shipped
    model) and return the section; per period when *date_column* is given.

    Needs the ``p_reason_*`` columns that ``taikai batch`` writes; without them, or with a model that has no
    drift statistics, the section holds only a note saying what to do. *lang* (``ja``, ``en``) is the language of
    the title and notes.
    """
    words = WORDS[lang]
    if not any(str(c).startswith("p_reason_") for c in df.columns):
        return DriftSection(words["title"], (words["no_probabilities"],))
    try:
        if not isinstance(model, Model):  # read the metadata first: a model without statistics is not loaded
            read_metadata(Path(model) if model is not None else default_model_dir()).drift_statistics()
        report = check_drift(df, resolve_model(model), text_column=text_column, date_column=date_column, freq=freq)
    except TaikaiError as exc:
        return DriftSection(words["title"], (words["cannot"].format(exc=exc),))
    verdict = words[report.verdict.value].format(why=report.not_judged_why)
    notes = [words["verdict"].format(verdict=verdict, name=report.reference_name, source=report.reference.source)]
    if date_column is None:
        notes.append(words["per_period"])
    new_words = pd.DataFrame(
        [w.to_dict() for w in report.overall.new_words], columns=["word", "rows", "share", "reference_share"]
    )
    return DriftSection(
        words["title"],
        tuple(notes),
        report.alert,
        tuple(report.reasons),
        _figures(report.overall),
        _periods(report) if report.periods else None,
        new_words,
        report,
    )
