"""Write a drift report as plain text: the figures, the periods, the new words, and ``drift: yes`` or ``no``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from taikai._freq import period_note, unit_name
from taikai.drift._figure_table import figure_table
from taikai.drift._gaps import gaps_line
from taikai.drift._period_table import period_rows
from taikai.drift._plural import rows as _rows
from taikai.drift._shared import shared_line
from taikai.drift._thresholds import MIN_ROWS
from taikai.errors import FREQ, MODEL
from taikai.io import ORDER_HINT, DateOrder
from taikai.text import percent, wrap_line

if TYPE_CHECKING:
    from taikai.drift._period_drift import PeriodDrift
    from taikai.drift._result import DriftReport

_COUNTED = re.compile(r"\bon (?:the |its own )?(\d[\d,]*) (?:training |test )?rows\b")
"""Where the statistics stored at training time say their row count (``… on 6823 training rows``)."""


def describe_reference(source: str, rows: int) -> str:
    """Return *source* with its row count said once, with thousands separators: the count in the description of
    the statistics stored at training time (``… on 6823 training rows``, also in models saved before it was
    written as ``6,823``) is formatted there; any other source (a file) gets ``(6,823 rows)`` after it."""
    found = _COUNTED.search(source)
    if found is not None and int(found.group(1).replace(",", "")) == rows:
        return f"{source[: found.start(1)]}{rows:,}{source[found.end(1) :]}"
    return f"{source} ({_rows(rows)})"


_UNCHECKED = (
    "its model cannot be checked (no batch summary beside it names one): its predictions are taken as made by the "
    f"model given ({MODEL.name}=, {MODEL.option} on the command line; else the default model)"
)


_FRAME_UNCHECKED = (
    "its model cannot be checked (a frame has no batch summary to name one): its predictions are taken as made by "
    "the model given (model=; else the default model)"
)


def _unsaved(named: str) -> str:
    """Why a predictions file whose batch summary names its model (*named*) could not be checked."""
    return (
        f"its model cannot be checked (its batch summary names the model {named}, and the model given is not saved: "
        "it has no sha256 to compare): its predictions are taken as made by the model given"
    )


def _read(predictions: bool, unchecked: bool, source: str, unsaved: str | None = None) -> str:
    """Say how a file (or frame: *source* ``<frame>``) was read: classified, or its predictions read (and whether
    their model was checked; *unsaved*: the model its batch summary names, when the model given is not saved)."""
    if not predictions:
        return "raw dump, classified on the fly"
    if source == "<frame>":
        return "predictions frame, read as written" + (f"; {_FRAME_UNCHECKED}" if unchecked else "")
    why = _UNCHECKED if unsaved is None else _unsaved(unsaved)
    return "predictions file, read as written" + (f"; {why}" if unchecked else "")


def _reference(report: DriftReport) -> str:
    """Name the reference and how it was counted (a file: read as predictions, or classified on the fly); a file
    (whose statistics' source is its name) once."""
    named, source, rows = report.reference_name, report.reference.source, report.reference.rows
    label = named if named == f"the file {source}" else f"{named}: {source}"
    if report.reference_predictions is not None:  # a file or frame, not the model's stored statistics
        read = _read(report.reference_predictions, report.reference_unchecked, source, report.reference_unsaved_model)
        return f"{label} ({_rows(rows)}; {read})"
    return describe_reference(named, rows) if label == named else f"{named}: {describe_reference(source, rows)}"


def _blank(report: DriftReport) -> list[str]:
    """Say how many blank lines were skipped in the dump and the reference file, as ``taikai batch`` says it, and
    how many rows repeat an earlier row's text (a dump exported twice over: each is counted in every figure)."""
    lines = [f"blank lines skipped: {report.blank_lines:,}"] if report.blank_lines else []
    if report.reference_blank_lines:
        lines.append(f"blank lines skipped in the reference: {report.reference_blank_lines:,}")
    for count, where in ((report.duplicates, ""), (report.reference_duplicates, " in the reference")):
        if count:
            lines.append(f"rows repeating an earlier row's text{where}: {count:,} (each counted in every figure)")
    if report.overridden_rows:
        lines.append(
            f"reasons counted: the model's own (p_reason_*, model_reason), as its reference's are; the rules of taikai "
            f"batch --rules-mode override set another reason on {_rows(report.overridden_rows)}, which its reason "
            "column and summary count"
        )
    if report.shared_rows:
        lines.append(shared_line(report.shared_rows, report.overall.statistics.rows, report.reference.rows))
    for where, bad in (("", report.bad_lines), (" in the reference", report.reference_bad_lines)):
        if bad is not None:
            lines.append(f"bad lines taikai batch set aside{where}, not checked: {bad}")
    return lines


def _unclassifiable(part: PeriodDrift) -> list[str]:
    """Tell the unclassifiable rows apart by kind when some are blank or hold no Japanese (the rows line says how
    many classified ones are mostly not Japanese): a blank export and English reviews are not one problem."""
    stats = part.statistics
    return [f"unclassifiable rows: {part.unclassifiable_said()}"] if stats.empty or stats.error else []


def _foreign(rows: int) -> str:
    """Say how many classified rows count as unclassifiable too (mostly not Japanese), so the counts add up."""
    return f" ({rows:,} of them mostly not Japanese, counted as unclassifiable too)" if rows else ""


def _words(part: PeriodDrift, indent: str = "  ") -> str:
    if part.words_not_listed:
        return f"{indent}new words: not listed ({part.words_not_listed})"
    if not part.new_words:
        return f"{indent}new words: none"
    shown = ", ".join(
        f"{w.word} ({w.rows:,} rows, {percent(w.share, '')}; {w.shown_reference()})" for w in part.new_words
    )
    return f"{indent}new words: {shown}"


def _moved(part: PeriodDrift, indent: str = "  ") -> list[str]:
    if part.reason_move is None:  # nothing classified on a side (no mix: n/a), or no share moved (a mix of 0)
        unmoved = any(f.name == "reason_shift" and f.value == 0.0 for f in part.figures)
        return [f"{indent}reason that moved most: none (each reason's share is the reference's)"] if unmoved else []
    apart = part.share_judged_apart  # said, lest the share of one reason above be read as of this reason
    judged = "" if apart is None else f"; share of one reason above is of {apart}, the reason nearest its limit"
    move, n = part.reason_move, part.statistics.classified
    few = ""  # a move of a few rows is no finding: said with its rows where nothing could be judged
    if n < MIN_ROWS:
        few = f": {part.statistics.reasons.get(move.label, 0):,} of {n:,} classified rows, too few to judge"
    elif part.words_not_listed:
        few = f"; {part.words_not_listed}"
    return [f"{indent}reason that moved most: {move} (reference → here{few}){judged}"]


def _period_table(report: DriftReport, width: int | None) -> list[str]:
    lines = period_rows(report, width)
    if any(part.alert for part in report.periods):  # a star marks a figure past it
        lines.append("  * past its threshold")
    lines += [f"  {said}" for part in report.periods if (said := part.one_text_line()) is not None]
    for part in report.periods:
        if part.alert:
            lines += _moved(part, f"  {part.period} ")
        if part.new_words and part.alert:
            lines.append(_words(part, f"  {part.period} "))
    return lines


def render(report: DriftReport, width: int | None = None) -> str:
    """Return the report as text; the last line is ``drift: yes``, ``drift: no`` or ``drift: not judged (WHY)``.
    *width*: the columns of the terminal it is shown on, which the table of figures fits (see :func:`figure_table`),
    and the table of periods (see :func:`~taikai.drift._period_table.period_rows`); its other lines wrap at it
    between words."""
    stats = report.overall.statistics
    kind = _read(report.predictions, report.unchecked, report.source, report.unsaved_model)
    lines = [
        f"drift of {report.source} ({kind})",
        f"reference: {_reference(report)}",
        *([f"trial run: {report.trial_run}, not the whole input"] if report.trial_run else []),
        *(
            [f"reference trial run: {report.reference_trial_run}, not the whole input"]
            if report.reference_trial_run
            else []
        ),
        "",
        f"{report.whole}: {_rows(stats.rows)}, {stats.classified:,} classified{_foreign(stats.foreign)}",
        *_blank(report),
        *_unclassifiable(report.overall),
        *filter(None, [report.overall.one_text_line(report.whole)]),
        *figure_table(report.overall, width),
        *_moved(report.overall),
        _words(report.overall),
    ]
    if report.date_column is not None and not stats.rows:
        name = unit_name(report.freq)
        lines += ["", f"per {name} of {report.date_column}: none ({report.source} has no rows)"]
    elif report.date_column is not None:
        name = unit_name(report.freq)
        first = report.periods[0].period if report.periods else None  # a week's days, named by the first's
        fiscal = f" ({note})" if (note := period_note(report.freq, first)) else ""
        lines += [
            "",
            f"per {name}{fiscal} of {report.date_column}{f' in {report.tz} time' if report.tz else ''} "
            f"({_rows(report.undated)} without a usable date"
            f"{_undated(report)}counted in the {report.whole} only):",
            *_period_table(report, width),
        ]
        strays = report.stray_periods
        if (gaps := gaps_line(report.empty_periods, strays=[s.name for s in strays])) is not None:
            lines.append(gaps)
        lines += [s.line() for s in strays]
        if report.periods_unjudged:
            longer = f"; months hold more: {FREQ.either(['M'])}" if report.freq == "W" else ""
            judged = "are" if report.trial_run else "is"
            lines.append(f"no {name} has {MIN_ROWS} rows to judge: only the {report.whole} {judged} judged{longer}")
        if report.date_order is DateOrder.UNTOLD:
            example = report.date_example or "03/04/2026"  # one of the dump's own
            untold = f"dates such as {example} read either way and none tells the order: read month-first"
            lines.append(f"{untold}; if they are day-first, {ORDER_HINT}")
    hint = [f"hint: {said}" for said in (report.text_hint, report.markup_hint) if said is not None]
    if not report.judged:
        lines += ["", f"no figure could be judged: {report.what_to_do()}.", *hint, report.verdict_line()]
        return _shown(lines, width)
    reasons = report.reasons
    lines += ["", "why:" if reasons else "no figure passed its threshold."]
    lines += [f"  - {r}" for r in reasons]
    lines += [*hint, report.verdict_line()]
    return _shown(lines, width)


def _shown(lines: list[str], width: int | None) -> str:
    """The report's *lines*, each wrapped between words at *width* on a terminal (its tables fit it already)."""
    return "\n".join(part for line in lines for part in wrap_line(line, width))


def _undated(report: DriftReport) -> str:
    """Of the rows without a usable date, how many are blank, how many hold a value that reads as no date, and
    how many a date far outside the others, as the report's trend section tells them apart (``: 1 blank, ...; ``);
    ``, `` when there are none."""
    if not report.undated:
        return ", "
    unread = report.unread_dates
    years = report.date_years
    out = f" (outside {years.first}-{years.last}, far from the others)" if years is not None else ""
    kinds = [
        f"{report.blank_dates:,} blank" if report.blank_dates else "",
        f"{unread:,} holding no date that can be read" if unread else "",
        f"{report.out_of_range:,} out of range{out}" if report.out_of_range else "",
    ]
    return f": {', '.join(k for k in kinds if k)}; "
