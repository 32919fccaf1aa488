"""The drift report: figures of the whole dump and of each period against the reference, and the verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, ClassVar

from taikai.drift._compare import reference_judgeable as _enough_reference
from taikai.drift._dump_texts import DumpTexts
from taikai.drift._gaps import EmptyPeriods
from taikai.drift._period_drift import PeriodDrift
from taikai.drift._plural import rows as _rows
from taikai.drift._stray import StrayPeriods
from taikai.drift._thresholds import MIN_ROWS
from taikai.io import DateOrder, YearRange
from taikai.model import DriftStatistics


class Verdict(str, Enum):
    """The verdict of a drift check, as the last line of the report writes it (``drift: yes``).

    ``NOT_JUDGED``: no figure of the whole dump or of a period could be judged (too few classifiable rows in the
    dump, or in the reference), so the dump is neither said to drift nor said not to.
    """

    DRIFT = "yes"
    NO_DRIFT = "no"
    NOT_JUDGED = "not judged"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class DriftReport:
    """Whether a dump still looks like what the model knows: the whole dump and each period against a reference.

    ``alert`` is true when any figure of the whole dump or of a period passed its threshold; ``reasons`` says
    which. ``verdict`` also tells a dump in which no figure could be judged (too few classifiable rows) from one
    that did not drift. ``undated`` counts the rows without a usable date (counted in the whole dump only): unread, or
    ``out_of_range`` (far outside the others: outside the years ``date_years``); ``date_order`` is the order
    year-last dates (``03/04/2026``) were read in (``DateOrder.UNTOLD``: month-first, the values could not tell),
    ``date_example`` one of the dump's year-last dates that reads either way, which the text cites.
    ``masks`` and ``reference_masks`` count the personal data masked in the dump's and the reference file's texts
    per kind (``mask_pii=True``; ``None`` without it, or for the model's stored statistics).
    """

    source: str
    reference: DriftStatistics
    reference_name: str
    overall: PeriodDrift
    periods: tuple[PeriodDrift, ...] = ()
    date_column: str | None = None
    freq: str | None = None
    tz: str | None = None
    """The time zone the periods are counted in (``Asia/Tokyo``, ``UTC``, ``+09:00``, as ``tz`` was given);
    ``None``: each date in the zone it is written in."""
    undated: int = 0
    out_of_range: int = 0
    date_years: YearRange | None = None
    date_order: DateOrder | None = None
    date_example: str | None = None
    predictions: bool = False
    masks: dict[str, int] | None = None
    reference_masks: dict[str, int] | None = None
    blank_lines: int = 0
    """Blank lines of the dump file skipped (not rows: counted in no figure), as ``taikai batch`` skips them."""
    reference_blank_lines: int = 0  # blank lines of the reference file skipped
    bad_lines: str | None = None
    """Of a predictions file: the malformed records ``taikai batch`` set aside, which no figure counts, and their
    file (``1 (p.bad_lines.csv)``); ``None``: none."""
    reference_bad_lines: str | None = None  # the same of the reference
    trial_run: str | None = None
    """Of predictions of a trial run (``taikai batch --limit N``): the rows they are, ``the first 1,000 rows of
    dump.csv (taikai batch --limit 1000)``, not the whole input; ``None``: no limit recorded."""
    reference_trial_run: str | None = None
    """The same of the reference file (or frame ``read_predictions`` read): its figures are of those rows only."""
    text_hint: str | None = None
    """When nearly every row is unclassifiable: what they are (blank, without Japanese text, too few kana or kanji;
    the first row of each), how little Japanese text the text column holds, and which column of the file does, if
    one does (``None`` otherwise); the verdict stands."""
    markup_hint: str | None = None
    """When rows hold HTML markup: how many, which tags, the first row, and to give the texts without them (the
    tags' names are no new words); ``None`` when none does."""
    japanese_column: str | None = None
    """When nearly every row is unclassifiable (``text_hint``): the column that holds Japanese text, the text column
    itself when predictions made from another are read (``None``: no column does, or ``text_hint`` is ``None``)."""
    texts: DumpTexts = field(default_factory=DumpTexts)
    """What the hints cite: the first row of each unclassifiable kind and the rows holding HTML markup."""
    reference_predictions: bool | None = None
    """How the reference file was read: ``True``, a predictions file (its probabilities read, not classified again);
    ``False``, a raw dump classified on the fly; ``None``, no file (the model's stored statistics)."""
    unchecked: bool = False
    """The dump is a predictions file whose model could not be checked: no batch summary beside it names one."""
    reference_unchecked: bool = False  # the same of the reference file
    unsaved_model: str | None = None
    """Why the dump's model could not be checked when its batch summary names one (this name): the model given is
    not saved (in memory), so it has no sha256 to compare with the summary's; ``None`` otherwise."""
    reference_unsaved_model: str | None = None
    """The same of the reference file."""
    empty_periods: tuple[EmptyPeriods, ...] = ()
    """The runs of periods that hold no row between the first period with rows and the last (a month lost in the
    export), in date order; they are judged in no figure and do not set ``alert``."""
    blank_dates: int = 0
    """Of ``undated``, the rows whose date cell is blank (missing, empty or only spaces); the others hold a value
    that reads as no date (``令和七年三月四日``, ``someday``) or a date ``out_of_range``."""
    duplicates: int = 0
    """Rows of the dump whose text an earlier row holds, as the model reads it: each counted in every figure, so a
    dump exported twice over moves them (``reference_duplicates``: of the reference file or frame)."""
    reference_duplicates: int = 0
    overridden_rows: int = 0
    """Of a predictions file of ``taikai batch --rules-mode override``: the rows whose ``reason`` a rule set apart
    from the model's own; the figures count the model's own reasons (its ``p_reason_*``, as the model's statistics
    do), so its reason column and batch's summary count these rows under another reason."""
    shared_rows: int = 0
    """Rows of the dump whose text (as the model reads it) the reference file or frame holds too: all of them for a
    dump compared with itself, most for a cumulative export compared with last month's; counted in every figure."""
    stray_periods: tuple[StrayPeriods, ...] = ()
    """The first or last periods that hold a few rows (at most 1 % of the dated rows together) cut off from the others
    by periods without rows, as one mistyped date makes them (an October dump's ``2026-12-25``), with their first
    rows named (file line, date as written); their rows are counted as any. They do not set ``alert``."""
    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # its statistics hold dicts: not hashable, so hash() is not offered

    @property
    def alert(self) -> bool:
        """Whether the dump drifted: any figure of the whole dump or of a period passed its threshold."""
        return self.overall.alert or any(p.alert for p in self.periods)

    @property
    def judged(self) -> bool:
        """Whether any figure of the whole dump or of a period could be judged (else ``Verdict.NOT_JUDGED``)."""
        return self.overall.judged or any(p.judged for p in self.periods)

    @property
    def verdict(self) -> Verdict:
        """``DRIFT`` when any figure passed its threshold; else ``NO_DRIFT`` when any figure could be judged;
        else ``NOT_JUDGED`` (see :attr:`not_judged_why`)."""
        if self.alert:
            return Verdict.DRIFT
        if self.judged:
            return Verdict.NO_DRIFT
        return Verdict.NOT_JUDGED

    def verdict_line(self) -> str:
        """Return the report's last line: ``drift: yes``, ``drift: no`` or ``drift: not judged (WHY)``."""
        if self.verdict is Verdict.NOT_JUDGED:
            return f"drift: {self.verdict} ({self.not_judged_why})"
        return f"drift: {self.verdict}"

    @property
    def unread_dates(self) -> int:
        """Of ``undated``, the rows whose date cell holds a value that reads as no date (``令和七年三月四日``,
        ``someday``): neither blank (``blank_dates``) nor a date far outside the others (``out_of_range``), as the
        text says ``2 holding no date that can be read`` and the JSON ``unread_date_rows``."""
        return self.undated - self.blank_dates - self.out_of_range

    @property
    def reference_judgeable(self) -> bool:
        """Whether the reference has enough classified rows (``MIN_ROWS``) to judge anything against it."""
        return _enough_reference(self.reference)

    @property
    def not_judged_why(self) -> str | None:
        """Why no figure could be judged (which side, the dump or the reference, had too few classified rows, and
        how many are needed); ``None`` when the report was judged (``verdict`` is not ``NOT_JUDGED``), as
        ``"not_judged_why"`` in :meth:`to_dict`."""
        if self.verdict is not Verdict.NOT_JUDGED:
            return None
        if not self.reference_judgeable:
            ref = self.reference
            return (
                f"too few classifiable rows in the reference: {ref.classified:,} of {_rows(ref.rows)} classified; "
                f"at least {MIN_ROWS} are needed"
            )
        stats = self.overall.statistics
        return (
            f"too few classifiable rows: {stats.classified:,} of {_rows(stats.rows)} classified; "
            f"at least {MIN_ROWS} are needed"
        )

    def what_to_do(self) -> str:
        """Say what to do when no figure could be judged: give a larger reference, or check a larger dump (one
        that holds rows, naming the dump, when it has none); never longer periods, which the whole dump holds."""
        if not self.reference_judgeable:
            if self.reference_name.startswith("training statistics"):
                return (
                    "the model's stored statistics come from too few rows: "
                    "retrain it on more reviews, or compare with a reference file of Japanese reviews"
                )
            return (
                f"the reference ({self.reference_name}) is too small or holds no classifiable Japanese text: "
                f"give a reference with at least {MIN_ROWS} classifiable reviews, "
                "or compare with the model's training statistics (no reference)"
            )
        if not self.overall.statistics.rows:
            return f"{self.source} has no rows; check a dump that holds reviews"
        # not "longer periods": a period is part of the dump, and the whole dump had too few rows to judge
        return f"check a larger dump (at least {MIN_ROWS} classifiable reviews)"

    @property
    def periods_unjudged(self) -> bool:
        """Whether the dump was judged as a whole but none of its periods was (each had too few rows): its verdict is
        the whole dump's alone (longer periods, ``freq="M"`` rather than ``"W"``, hold more rows)."""
        return bool(self.periods) and self.overall.judged and not any(p.judged for p in self.periods)

    @property
    def reasons(self) -> list[str]:
        """One line per figure past its threshold: where, what, the value and the limit."""
        return [r for part in (self.overall, *self.periods) for r in part.reasons(self.whole)]

    @property
    def whole(self) -> str:
        """What the text calls the dump's rows, against its periods: ``whole dump``, or ``trial run's rows`` for
        predictions of a trial run (``--limit N``), which are not the whole of anything."""
        return "trial run's rows" if self.trial_run else "whole dump"

    @property
    def drifted_periods(self) -> list[str]:
        """The periods with a figure past its threshold, in date order."""
        return [p.period for p in self.periods if p.alert]

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values: the same figures as the text, plus ``alert``."""
        from taikai.drift._json import report_dict

        return report_dict(self)

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        """Return the dump, its rows and the verdict on one line (``str()``, and a notebook, show the report)."""
        stats = self.overall.statistics
        periods = f", {len(self.periods):,} period(s) of {self.date_column}" if self.periods else ""
        rows = f"{_rows(stats.rows)}, {stats.classified:,} classified{periods}"
        return f"DriftReport({self.source}: {rows}; {self.verdict_line()})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Show the text report in a notebook (IPython), not the reference's statistics field by field."""
        printer.text(self.to_text())

    def to_text(self, width: int | None = None) -> str:
        """Return the plain-text report; its last line is ``drift: yes``, ``drift: no`` or
        ``drift: not judged (WHY)``. *width*: the columns of the terminal it is shown on (``taikai drift`` on a
        terminal), which the table of figures fits: each limit's rule on a line of its own when a row with it would
        be wider."""
        from taikai.drift._text import render

        return render(self, width)
