"""The drift section's lists, as ``taikai drift`` writes them under its figures: the reason that moved most, the
new words of the whole input and of each drifted period, and the parts that one text fills."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from taikai.analysis._drift_notes import NOTES
from taikai.analysis._drift_words import absent, word
from taikai.drift import MIN_ROWS
from taikai.labels import reason_with_id
from taikai.text import percent

if TYPE_CHECKING:
    from taikai.drift import DriftReport, NewWord


APART = {
    "ja": "; 上の「1 つの理由の割合」は閾値に最も近い理由 {label} の割合",
    "en": "; share of one reason above is of {label}, the reason nearest its limit",
}
"""Said after the reason that moved most when the share of one reason is of another reason (the one nearest its
limit), as ``taikai drift`` says it."""


def moved(report: DriftReport, lang: str, labels: list[str]) -> tuple[str, ...]:
    """The reason that moved most, of the whole dump and of each drifted period, as ``taikai drift`` says it
    (*labels*: the model's reasons, which name it): with its rows when the part has too few classified rows to
    judge (a month of 9: trouble 23.3 % → 55.6 % is 5 rows, no finding), and the reason the share of one reason is
    of when another."""
    found = []
    for part in (report.overall, *(p for p in report.periods if p.alert)):
        move = part.reason_move
        if move is None:
            continue
        name = reason_with_id(move.label, lang, labels)  # as the page names it elsewhere, not its id alone
        place = "" if part is report.overall else f"{part.period} "
        n, notes = part.statistics.classified, NOTES[lang]
        rows = part.statistics.reasons.get(move.label, 0)
        few = notes["moved_few"].format(rows=rows, n=n) if n < MIN_ROWS else ""
        reference, share = (percent(s, "", decimals=1) for s in (move.reference_share, move.share))  # as the tables
        line = notes["moved"].format(place=place, label=name, reference=reference, share=share, few=few)
        apart = part.share_judged_apart
        found.append(line if apart is None else line + APART[lang].format(label=reason_with_id(apart, lang, labels)))
    return tuple(found)


def period_words(report: DriftReport, lang: str) -> tuple[str, ...]:
    """The new words of each drifted period, as ``taikai drift`` lists them under its period table."""
    words = NOTES[lang]
    found = []
    for part in report.periods:
        if not (part.alert and part.new_words):
            continue
        shown = ", ".join(
            words["period_word"].format(
                word=w.word,
                rows=w.rows,
                share=percent(w.share, ""),
                reference=reference_cell(w, lang),
            )
            for w in part.new_words
        )
        found.append(words["period_words"].format(period=part.period, words=shown))
    return tuple(found)


def reference_cell(new: NewWord, lang: str) -> str:
    """A new word's share in the reference, as ``taikai drift`` writes it, or why it has none there."""
    return percent(new.reference_share, "", decimals=1) if new.in_reference else absent(new.reference_floor, lang)


def new_words(report: DriftReport, lang: str) -> pd.DataFrame:
    """The whole input's new words as ``taikai drift`` lists them: rows with thousands separators, shares as
    percentages, headings in *lang*."""
    columns = ["word", "rows", "share", "reference share"]
    rows = [
        [
            w.word,
            f"{w.rows:,}",
            percent(w.share, "", decimals=1),  # as its reference share: 4.0% beside 0.4%, not 4%
            reference_cell(w, lang),
        ]
        for w in report.overall.new_words
    ]
    return pd.DataFrame(rows, columns=[word(c, lang) for c in columns])
