"""What every section builder is given: the predictions, the options the user chose, and what is known about them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from taikai._column_names import id_like
from taikai._freq import unit_name
from taikai.analysis import _blanks as blanks
from taikai.analysis import _tables as tables
from taikai.analysis._report._i18n import PHRASES, Phrases
from taikai.analysis._report._provenance import ModelInfo, Origin
from taikai.analysis._segment_table import segment_table
from taikai.errors import check_bool, check_freq
from taikai.io import ID_COLUMNS, RunSummary, check_tz
from taikai.labels import own_labels, reason_name, reason_with_id, sentiment_name
from taikai.rules import MODEL_REASON


@dataclass(frozen=True)
class ReportOptions:
    """The reader's choices: columns of dates, segments and texts, the period, how many reviews, the language,
    whether personal data is masked in what the page quotes."""

    date_column: str | None = None
    by: str | None = None
    text_column: str = "text"
    freq: str = "M"
    per_reason: int = 3
    uncertain: int = 20
    lang: str = "ja"
    drift: bool = True
    mask_pii: bool = False
    id_column: str | None = None
    """The id shown beside each review: the ``id_column`` given (``--id-column``), else the frame's named index
    (``df.set_index("review_id")``), else the batch summary's ``--id-column``, else the first of :data:`ID_COLUMNS`
    present, else the first column named as ids are (``回答ID``)."""
    tz: str | None = None
    """The time zone the periods are counted in (``Asia/Tokyo``, ``UTC``, ``+09:00``); ``None``: each date in the
    zone it is written in."""

    def __post_init__(self) -> None:
        for name in ("drift", "mask_pii"):  # a flag given "no" must not turn it on
            object.__setattr__(self, name, check_bool(name, getattr(self, name)))
        object.__setattr__(self, "freq", check_freq(self.freq))  # ME, MS, W-SUN: as the sections name periods
        object.__setattr__(self, "tz", None if self.tz is None else check_tz(self.tz))


@dataclass(frozen=True, eq=False)
class ReportContext:
    """The predictions frame (index 0..n-1), the options and what is known about the run and the model.

    Derived tables used by several sections are computed once, on first use.
    """

    frame: Any
    options: ReportOptions
    source: str = ""
    model: ModelInfo = field(default_factory=lambda: ModelInfo(Origin.UNKNOWN))
    run: RunSummary | None = None
    summary_file: str = ""
    model_source: Any = None  # the Model, or its directory, for the drift check (None: the default model), or
    # a MissingModel: why the model the summary names cannot be had
    source_dir: Path | None = None
    summary_ignored: bool = False  # a summary lies beside the file but describes another output
    masks: Counter[str] = field(default_factory=Counter)  # values masked on the page per kind (--mask-pii)
    where: str = tables.FRAME  # the predictions as messages name them: the file, else "the predictions frame"
    other_prefix: tuple[str, str] | None = None
    """The prefixes of the set of columns the batch summary's model wrote and of the one read (``--prefix``), when
    they differ: the summary's model is not the one that made the columns read."""

    @cached_property
    def t(self) -> Phrases:
        """The phrases of the page's language; for a model of labels of its own, without the churn taxonomy's words."""
        t = PHRASES[self.options.lang]
        return t.for_own_labels() if own_labels(self.reason_labels) else t

    def reason(self, label: str) -> str:
        """Return a reason's display name in the page's language."""
        return reason_name(label, self.options.lang, self.reason_labels)

    def reason_with_id(self, label: str) -> str:
        """Return ``display name (id)`` of a reason, or the id alone when that is its name (a label of one's own)."""
        return reason_with_id(label, self.options.lang, self.reason_labels)

    def sentiment(self, label: str) -> str:
        """Return a sentiment's display name in the page's language."""
        return sentiment_name(label, self.options.lang, self.sentiment_labels)

    @cached_property
    def reason_labels(self) -> list[str]:
        """The reasons of the model that classified the frame: labels of its own are shown as written."""
        return tables.reason_labels(self.frame)

    @cached_property
    def sentiment_labels(self) -> list[str]:
        """The sentiments of the model that classified the frame (its ``p_sentiment_*`` columns, else its values)."""
        return tables.sentiment_labels(self.frame)

    @property
    def overridden(self) -> bool:
        """Whether coding rules set the primary reasons (``--rules-mode override``: a ``model_reason`` column)."""
        return MODEL_REASON in self.frame.columns

    @property
    def period(self) -> str:
        """The name of one period (month, week, quarter, year, fiscal quarter or year) in the page's language."""
        return unit_name(self.options.freq, self.options.lang)

    @cached_property
    def rows(self) -> Any:
        """The classified rows (status ``ok`` with a reason)."""
        return tables.classified(self.frame)

    @cached_property
    def context_columns(self) -> list[str]:
        """Columns shown beside each review: one id, the date, the segment (those present, each once).

        The id is :attr:`ReportOptions.id_column` (the ``id_column`` given, else the frame's named index), else the
        ``--id-column`` the batch summary records, else the first of :data:`ID_COLUMNS` present, else the first column
        named as ids are (``回答ID``, ``user_id``: :func:`taikai._column_names.id_like`). A
        column given two roles (``--by review_id``, ``--by`` the date column) is shown once: twice, the table of
        reviews had two columns of one name and could not be made.
        """
        wanted = (self.id_column, self.options.date_column, self.options.by)
        return [c for c in dict.fromkeys(wanted) if c and c in self.frame.columns]

    @cached_property
    def id_column(self) -> str | None:
        """The column of ids shown beside each review (see :attr:`context_columns`), ``None`` when there is none."""
        recorded = [self.run.id_column] if self.run is not None and self.run.id_column is not None else []
        ids = [c for c in (self.options.id_column, *recorded, *ID_COLUMNS) if c and c in self.frame.columns]
        named = [c for c in self.frame.columns if id_like(str(c)) and c != self.options.text_column]  # 回答ID
        return ids[0] if ids else named[0] if named else None

    @cached_property
    def over_time(self) -> Any:
        """Counts per period and reason (needs a date column)."""
        assert self.options.date_column
        # the trend section's note counts the rows without a date; the warning, to whoever makes the page, names
        # the cells that hold none (a 2026/9/31, 不明), which the page does not
        o = self.options
        return tables.reasons_over_time(self.frame, o.date_column, o.freq, source=self.where, tz=o.tz)

    @cached_property
    def segments(self) -> Any:
        """Counts per segment and reason (needs ``--by``)."""
        assert self.options.by
        by = self.options.by
        return segment_table(
            self.frame, by, blank=self.t.blank, rest=self.t.rest_segments, blank_cells=self.t.blank_cells
        )

    def blank_as_missing(self, column: str, rows: Any) -> Any:
        """Return the cells of *column* in *rows* (labels of :attr:`frame`) with a blank shown as the table of
        segments names it, in the page's language (a value written so keeps its name, see ``blank_name``); the other
        cells as their text, as that table names their segments (a rating 5 of a numeric column is ``5``, not the
        ``5.000`` of a probability; a year 2025 is not ``2,025``)."""
        name = blanks.blank_name(self.frame[column], self.t.blank, self.t.blank_cells)
        values = self.frame.loc[rows, column]
        shown = blanks.blank_as_missing(values, name)
        if column == self.id_column:  # the caller shows the ids as written (id_cell: 3328, not 3328.0)
            return shown
        return shown.astype(object).where(blanks.blank_cells(values), blanks.cell_texts(values))
