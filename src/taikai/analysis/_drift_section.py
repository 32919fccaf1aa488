"""The drift section of the HTML report: the figures of ``taikai drift`` for a predictions file, as tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from taikai._masked_messages import errors_masked
from taikai.analysis._drift_hints import drift_hints
from taikai.analysis._drift_limits import OWN_VERDICT
from taikai.analysis._drift_lists import moved, new_words, period_words
from taikai.analysis._drift_notes import NOTES
from taikai.analysis._drift_words import (
    gaps_note,
    label,
    no_rows,
    sentence,
    title,
    unclassifiable_kinds,
    word,
)
from taikai.analysis._frame_argument import check_frame
from taikai.analysis._stray_note import stray_note
from taikai.drift import (
    FIGURE_NAMES,
    MIN_ROWS,
    DriftReport,
    Figure,
    PeriodDrift,
    check_drift,
    figure_text,
    limit_text,
)
from taikai.errors import TaikaiError, check_choice, period_freq
from taikai.io import period_tz
from taikai.labels import own_labels
from taikai.model import (
    Model,
    default_model_dir,
    model_display_name,
    model_sha256,
    plain_columns,
    prediction_prefixes,
    read_metadata,
    resolve_model,
    retrain_command,
)

TITLE = NOTES["ja"]["title"]
COMPARE = "taikai drift PREDICTIONS --reference FILE (check_drift(predictions, reference=FILE) in Python)"
"""What to do, besides retraining, for a model without drift statistics: compare with other data."""
NO_PROBABILITIES = NOTES["ja"]["no_probabilities"]
# The section's words in each language of the report (``--lang``): taikai.analysis._drift_notes and _drift_words.


@dataclass(frozen=True)
class DriftSection:
    """What the report shows about drift: a verdict and tables, or only notes saying why there is none.

    ``alert`` is ``None`` when drift could not be checked (no probability columns, a model without drift
    statistics); ``notes`` then say why and what to do. ``moved`` says, for the whole dump and each drifted
    period, the reason whose share moved most (``reason that moved most`` of ``taikai drift``: a doubled reason
    shows there when the verdict is ``no``); ``period_words`` the new words of each drifted period;
    ``words_not_listed`` why no new words are listed (the reference too small to judge against), else ``None``;
    ``error`` what stopped the check, in the library's words (options, columns), for whoever made the page, while
    ``notes`` say it in plain words for its reader; else ``None``. ``verdict`` is the verdict as the first note
    says it, in the section's language (``Drift found (drift: yes)``, ``ドリフトなし``, ``Not judged: … (drift: not
    judged; WHY)``), which the report's summary repeats; ``None`` when drift could not be checked.
    """

    title: str
    notes: tuple[str, ...]
    alert: bool | None = None
    reasons: tuple[str, ...] = ()
    figures: pd.DataFrame | None = None
    periods: pd.DataFrame | None = None
    new_words: pd.DataFrame | None = None
    report: DriftReport | None = field(default=None, repr=False)
    moved: tuple[str, ...] = ()
    period_words: tuple[str, ...] = ()
    words_not_listed: str | None = None
    error: str | None = None
    verdict: str | None = None


def _verdict(f: Figure) -> str:
    if f.out_of_reach:
        return "not judged (limit out of reach)"
    return "DRIFT" if f.alert else ("ok" if f.judged else "not judged")


def _figures(part: PeriodDrift, lang: str, labels: list[str]) -> pd.DataFrame:
    rows = [
        {
            word("figure", lang): title(f, lang, labels),
            word("value", lang): figure_text(f.name, f.value, against=f.limit),
            word("reference", lang): (
                figure_text(f.name, f.reference) if not f.name.endswith(("_shift", "new_word_share")) else ""
            ),
            word("limit", lang): limit_text(f.name, f.limit, f.value),
            word("rule", lang): sentence(f.rule, lang),
            word("verdict", lang): word(_verdict(f), lang),
        }
        for f in part.figures
    ]
    return pd.DataFrame(rows).set_index(word("figure", lang))


def _periods(report: DriftReport, lang: str) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    gaps = list(report.empty_periods)  # each run of periods without rows before the first period after it
    for part in report.periods:
        while gaps and gaps[0].first < part.period:
            gap = gaps.pop(0)
            empty = {label(f.name, f.label, lang): "–" for f in part.figures if f.name in FIGURE_NAMES}
            rows.append(
                {
                    word("period", lang): gap.name,
                    word("rows", lang): 0,
                    **empty,
                    word("drift", lang): no_rows(gap, lang),
                }
            )
        place = part.period
        row: dict[str, object] = {word("period", lang): place, word("rows", lang): part.statistics.rows}
        measured = {f.name for f in part.figures}  # no sentiment shift for a model without that head
        for name in (n for n in FIGURE_NAMES if n in measured):
            f = part.figure(name)
            row[label(name, f.label, lang)] = figure_text(name, f.value, against=f.limit) + (" *" if f.alert else "")
        filled = NOTES[lang]["one_text_cell"].format(share=part.one_text_share) if part.filled_by_one_text else ""
        row[word("drift", lang)] = word(part.table_verdict, lang) + filled
        rows.append(row)
    return pd.DataFrame(rows).set_index(word("period", lang))


def _reasons(report: DriftReport, lang: str, labels: list[str]) -> tuple[str, ...]:
    """The figures past their threshold, as ``taikai drift`` says them (``report.reasons``), a reason named as the
    page names it."""
    found = []
    for part in (report.overall, *report.periods):
        place = word(_whole(report), lang) if part is report.overall else part.period
        for f in part.figures:
            kinds = unclassifiable_kinds(part, lang) if f.name == "unclassifiable_share" else ""
            if f.alert:  # the reason named as in the figures (Other (other)), not as taikai drift names it (other)
                sign = "<" if f.value < f.limit else ">"
                found.append(
                    f"{place}: {title(f, lang, labels)} {figure_text(f.name, f.value, against=f.limit)} {sign} "
                    f"{limit_text(f.name, f.limit, f.value)} ({sentence(f.rule, lang)}){kinds}"
                )
    return tuple(found)


def _whole(report: DriftReport) -> str:
    """Return what the page calls the whole of the predictions: ``whole input`` (``taikai drift`` says ``whole dump``,
    a word of whoever exported the reviews, not of a reader forwarded the page), or ``trial run's rows``."""
    return "whole input" if report.whole == "whole dump" else report.whole


def _capitalized(text: str) -> str:
    """Return *text* with its first letter in upper case (``Whole input``, ``Trial run's rows``)."""
    return text[:1].upper() + text[1:]


def _model_name(model: Model) -> str:
    """Return *model* as the report's model section names it (:func:`taikai.model.model_display_name`): not by its
    path, which the report is not to show."""
    return model_display_name(model.path, model_sha256(model))


def model_dir(model: str | Path | None) -> Path:
    """Return the directory of the model *model* names (``None``: the shipped model, or ``$TAIKAI_MODEL``)."""
    return Path(model) if model is not None else default_model_dir()


@errors_masked
def drift_section(
    df: pd.DataFrame,
    model: Model | str | Path | None = None,
    text_column: str = "text",
    date_column: str | None = None,
    freq: str | None = None,
    lang: str = "ja",
    model_name: str | None = None,
    mask_pii: bool = False,
    *,
    source: str | None = None,
    tz: str | None = None,
) -> DriftSection:
    """Check the predictions frame *df* for drift against *model*'s training statistics (default: the shipped
    model) and return the section; per period when *date_column* is given (*freq* ``M`` months, the default,
    ``W`` weeks, ``Q`` quarters, ``Y`` years, or a fiscal year's ``Q-MAR``, ``Y-MAR``; *freq* without *date_column* is
    refused with :class:`InputError`), in the time zone *tz* when one is given (:func:`taikai.check_drift`).

    Needs the ``p_reason_*`` columns that ``taikai batch`` writes (under a prefix too: ``pred_p_reason_*`` of
    ``predict_frame(prefix="pred_")``); without them, or with a model that has no
    drift statistics, the section holds only a note saying what to do. *lang* (``ja``, ``en``) is the language of
    the title, notes, table headings, figure names, rules, verdicts and reasons (``en``: as ``taikai drift``
    writes them). The reference is named by *model_name*, else as the report's model section names a model
    (``default (shipped)`` for the shipped model only, else its directory's name, ``(in memory)``): never by its
    path, which is the analyst's own. With *mask_pii* (the report's ``--mask-pii``), the texts are counted as
    ``taikai drift --mask-pii`` counts them: masked, and no name or place UniDic tags is a new word. *source*
    names *df* in the error kept for whoever made the page (the file it was read from; default ``<frame>``).
    """
    check_frame("df", df)
    # refused here, as the report refuses them: the section would only note them
    period_freq(freq, date_column)
    period_tz(tz, date_column)
    words = NOTES[check_choice("lang", lang, NOTES)]
    if not prediction_prefixes(list(map(str, plain_columns(df).columns))):  # pred_p_reason_* too (prefix="pred_")
        return DriftSection(words["title"], (words["no_probabilities"],))
    try:
        # read the metadata first: a model without statistics is not loaded
        found = model.metadata if isinstance(model, Model) else read_metadata(model_dir(model))
        if found.drift is None:  # taikai drift's way out, --reference, is no option of the report
            return DriftSection(
                words["title"], (words["no_statistics"].format(train=retrain_command(found), compare=COMPARE),)
            )
        resolved = resolve_model(model)
        plain = "" if "" in prediction_prefixes(list(map(str, df.columns))) else None  # the set checked for above,
        report = check_drift(  # not one under a prefix beside it (batch --prefix m2_ run on a predictions file)
            df,
            resolved,
            text_column=text_column,
            date_column=date_column,
            freq=freq,
            mask_pii=mask_pii,
            prefix=plain,
            source=source,
            tz=tz,
        )
    except TaikaiError as exc:  # the page's reader is told plainly; the detail is for whoever made it
        return DriftSection(words["title"], (words["stopped"],), error=str(exc))
    verdict = words[report.verdict.value].format(why=sentence(report.not_judged_why or "", lang))
    reference = f"training statistics of the model {model_name or _model_name(resolved)}"  # as taikai drift names it
    name, source = sentence(reference, lang), sentence(report.reference.source, lang)
    # the limits were set on churn reviews: a model of labels of its own is told they were not checked on its text
    template = OWN_VERDICT[lang] if own_labels(resolved.reason_labels) else words["verdict"]
    notes = [template.format(verdict=verdict, name=name, source=source)]
    stats = report.overall.statistics
    if stats.foreign:  # the unclassifiable share counts them, while the status section counts them classified
        notes.append(
            words["foreign"].format(
                whole=_capitalized(word(_whole(report), lang)),
                rows=stats.rows,
                s="" if stats.rows == 1 else "s",
                classified=stats.classified,
                foreign=stats.foreign,
            )
        )
    if report.duplicates:  # a dump exported twice over: each repeat counts in every figure, as taikai drift says
        notes.append(words["duplicates"].format(rows=report.duplicates))
    if report.overridden_rows:  # the figures count the model's own reasons; the page's other sections the rules'
        overridden = report.overridden_rows
        notes.append(words["overridden"].format(rows=overridden, s="" if overridden == 1 else "s"))
    for part in (p for p in (report.overall, *report.periods) if p.filled_by_one_text):  # a paste or spam
        place = _capitalized(word(_whole(report), lang)) if part is report.overall else part.period
        rows, share = part.statistics.rows, part.one_text_share
        notes.append(words["one_text"].format(place=place, one=part.one_text, rows=rows, share=share))
    if date_column is None:
        notes.append(words["per_period"])
    if report.empty_periods:  # a month lost in the export is said, not skipped over
        notes.append(gaps_note(report.empty_periods, lang, strays=tuple(s.name for s in report.stray_periods)))
    notes += [stray_note(s, lang) for s in report.stray_periods]  # a mistyped date rather than a month lost
    if date_column is not None and report.periods_unjudged:  # each period too small: the whole input's verdict alone
        judged = "are" if report.trial_run else "is"  # as taikai drift says it
        whole = word(_whole(report), lang)
        notes.append(words["periods_unjudged"].format(min_rows=MIN_ROWS, whole=whole, judged=judged))
        if report.freq == "W":
            notes.append(words["longer_periods"])
    notes += drift_hints(report, lang, str(text_column))  # taikai drift's hints: the text column, HTML markup
    return DriftSection(
        words["title"],
        tuple(notes),
        report.alert,
        _reasons(report, lang, resolved.reason_labels),
        _figures(report.overall, lang, resolved.reason_labels),
        _periods(report, lang) if report.periods else None,
        new_words(report, lang),
        report,
        moved(report, lang, resolved.reason_labels),
        period_words(report, lang),
        words["words_not_listed"].format(min_rows=MIN_ROWS) if report.overall.words_not_listed else None,
        verdict=verdict,
    )
