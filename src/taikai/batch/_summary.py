"""The summary of a batch run: rows, speed, counts per status, reason and sentiment, and what was set aside."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from taikai._warn import warn_user
from taikai.batch._chunk import ChunkResult, RowProblem
from taikai.batch._counted import COUNTED_ROWS, MAX_EXAMPLES, CountedRows, CountPart, WherePart
from taikai.batch._state import Totals
from taikai.batch._summary_text import excel_warnings, summary_text, unclassified_warning
from taikai.errors import DataWarning
from taikai.io import CellLosses, DecodeNote
from taikai.rules import Rule
from taikai.text import Status


@dataclass
class BatchSummary:
    """What :func:`taikai.classify_file` did; ``str()`` gives the text the command line prints."""

    input: str
    output: str
    rows: int = 0
    seconds: float = 0.0
    resumed_rows: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, int] = field(default_factory=dict)
    sentiments: dict[str, int] = field(default_factory=dict)
    examples: list[RowProblem] = field(default_factory=list)
    bad_lines: int = 0
    bad_lines_file: str | None = None
    blank_lines: int = 0
    replaced_characters: int = 0
    unheld: CountedRows = field(default_factory=CountedRows)
    """Rows holding a character the CSV/TSV output's encoding could not hold (of ``replaced_characters``): how many
    (``replaced_rows``) and the first named as the examples are (``line 3 (id 7)``: ``replaced_where``)."""
    folded_characters: int = 0
    """Characters a CP932 output holds as others (〜 as ～: :data:`taikai.text.CP932_FOLDS`), which the text of the
    rows no longer holds as read; not among ``replaced_characters``, the ones written as ``?``."""
    folded_rows: int = 0
    """Rows holding such a character."""
    rules_file: str | None = None
    """The rules file (the files, `` + `` between them, for the rules of several: ``--rules a --rules b``)."""
    rules_files: list[str] = field(default_factory=list)
    """The rules files, in the order their rules applied (one for the rules of one file)."""
    rule_files: dict[str, str] = field(default_factory=dict)
    """Each rule's file (name → file) when the rules came from several files; empty for one."""
    rules: dict[str, int] = field(default_factory=dict)
    rule_labels: dict[str, str] = field(default_factory=dict)
    """Each rule's label (name → label, as the model's reasons read it), in file order: written to the JSON summary,
    where the report finds the label of a rule that never fired."""
    ruled: int = 0
    conflicts: int = 0
    mask_pii: bool = False
    masker_version: int | None = None
    """:data:`taikai.privacy.MASKER_VERSION` of the masking under ``mask_pii`` (``None`` without it): two runs'
    masked texts differ where it does, though the taikai version be the same."""
    masks: dict[str, int] = field(default_factory=dict)
    decode_rows: int = 0
    """Rows whose bytes did not all decode cleanly (``--encoding-errors replace``, CP932 private-use bytes)."""
    undecodable_bytes: int = 0
    private_use_characters: int = 0
    decode_lines: list[int | str] = field(default_factory=list)
    """The file lines of the first such rows (``FILE:LINE`` where the Dask engine read several files)."""
    decode_where: list[str] = field(default_factory=list)
    """The first such rows, named as the examples are (``line 3 (id 7)``)."""
    formulas: CountedRows = field(default_factory=CountedRows)
    """CSV/TSV output: text cells Excel would read as formulas (``=``, ``+``, ``-``, ``@`` first; not a plain
    number): written with an apostrophe first with ``excel_safe``, else warned of (:meth:`warn_excel`); and their
    rows (``formula_cells``, ``formula_rows``, ``formula_where``)."""
    long_texts: CountedRows = field(default_factory=CountedRows)
    """CSV/TSV output: texts longer than an Excel cell holds (32,767 characters), which Excel cuts when it opens the
    file (:meth:`warn_excel`); and their rows (``long_cells``, ``long_rows``, ``long_where``)."""
    numeric_ids: CountedRows = field(default_factory=CountedRows)
    """CSV/TSV output: ids Excel reads as numbers it does not show as written (``007`` as 7, 16 digits or more
    rounded), so that they no longer join to the user's data (:meth:`warn_excel`; ``number_ids``,
    ``number_id_where``)."""
    excel_safe: bool = False
    """``--excel-safe``: such cells were written with an apostrophe first (not saved per chunk: an option)."""
    cut_cells: int = 0
    """xlsx cells longer than Excel's limit, cut to it (counted when the output is built, not saved per chunk)."""
    cut_rows: int = 0
    """Output rows holding such a cell."""
    cut_row_numbers: list[int] = field(default_factory=list)
    """The first such output rows (1 = the first row under the header)."""
    text_column: str | None = None
    """The column classified (``--text-column``); written to the JSON summary, where the report finds it."""
    id_column: str | None = None
    input_columns: list[str] = field(default_factory=list)
    """The input's columns, named when no row could be classified (the text column may be the wrong one)."""
    limit: int | None = None
    """``--limit``: only the first rows of the input were read (``None``: all, or a summary written before it)."""
    more_rows: bool | None = None
    """With ``--limit``: whether the input held a record past the rows read (``False``: it held exactly N, the run
    is of the whole input; ``None``: no limit reached, or a summary written before it was recorded)."""
    reason_labels: list[str] = field(default_factory=list)
    """The model's reasons (not saved): a model of labels of its own shows each as written (``fees``, no name)."""
    rules_mode: str | None = None
    """How the rules applied (not saved; ``None``: no rules): under ``override`` the reasons counted are theirs."""
    prefix: str = ""
    """``--prefix``, before the names of the model's columns that the text names (not saved here: the engines write
    it beside the summary's own values)."""
    appended_rows: int = 0
    """Of the rows after a resume, those appended to the input since the run was saved (the input only grew)."""

    replaced_rows = CountPart("unheld")
    replaced_where = WherePart("unheld")
    formula_cells = CountPart("formulas", "cells")
    formula_rows = CountPart("formulas")
    formula_where = WherePart("formulas")
    long_cells = CountPart("long_texts", "cells")
    long_rows = CountPart("long_texts")
    long_where = WherePart("long_texts")
    number_ids = CountPart("numeric_ids")
    number_id_where = WherePart("numeric_ids")

    @property
    def rows_per_second(self) -> float:
        """Rows classified per second in this run (rows done before a resume not counted)."""
        return (self.rows - self.resumed_rows) / self.seconds if self.seconds > 0 else 0.0

    @property
    def not_ok(self) -> int:
        """Rows whose status is not ``ok`` (``empty`` or ``error``)."""
        return sum(n for s, n in self.statuses.items() if s != Status.OK.value)

    @property
    def classified(self) -> int:
        """Rows whose status is ``ok``."""
        return self.statuses.get(Status.OK.value, 0)

    def unclassified_warning(self) -> str | None:
        """Return a warning when there were rows but none could be classified, naming the column and the input's
        columns (or the likely encoding), else ``None``; see :func:`taikai.batch._summary_text.unclassified_warning`."""
        return unclassified_warning(self)

    def warn_unclassified(self) -> None:
        """Warn (:class:`DataWarning`) when no row could be classified (see :meth:`unclassified_warning`)."""
        message = self.unclassified_warning()
        if message is not None:
            warn_user(message, DataWarning)

    def warn_excel(self) -> None:
        """Warn (:class:`DataWarning`) when CSV/TSV output holds texts Excel would read as formulas, not escaped, or
        texts too long for an Excel cell (see :func:`~taikai.batch._summary_text.excel_warnings`)."""
        for message in excel_warnings(self):
            warn_user(message, DataWarning)

    @property
    def records(self) -> int:
        """Records met in the input: rows written, bad records set aside and blank lines skipped."""
        return self.rows + self.bad_lines + self.blank_lines

    @classmethod
    def from_totals(cls, input: Path | str, output: Path | str, totals: Totals | None) -> BatchSummary:
        """Start a summary, from the totals a resumed run had saved (none: a fresh run)."""
        t = totals or Totals()
        counts = {f.name: _thawed(getattr(t, f.name)) for f in fields(Totals)}
        summary = cls(str(input), str(output), **counts)
        summary.resumed_rows = summary.rows
        return summary

    def start_over(self) -> None:
        """Count from the first row again, as a fresh run does: the rows a resume had kept are classified again."""
        fresh = Totals(rules=dict.fromkeys(self.rules, 0))  # the rules in their order, none fired yet
        for f in fields(Totals):
            setattr(self, f.name, _thawed(getattr(fresh, f.name)))
        self.resumed_rows = 0

    def totals(self) -> Totals:
        """Return the counts to save with each chunk, for a resumed run (copies: the summary goes on counting)."""
        return Totals(**{f.name: _frozen(getattr(self, f.name)) for f in fields(Totals)})

    def start_rules(self, source: str, rules: Sequence[Rule], mode: str = "flag") -> None:
        """Say that *rules* from *source* were applied in *mode* (``flag`` or ``override``), and list their names in
        order (with no hit yet), their labels and, for the rules of several files joined
        (:meth:`taikai.rules.RuleSet.joined`), their files."""
        self.rules_file, self.rules_mode = source, str(mode)
        self.rule_files = {rule.name: rule.source for rule in rules if rule.source is not None}
        self.rules_files = list(dict.fromkeys(self.rule_files.values())) or [source]
        self.rules = {rule.name: 0 for rule in rules} | self.rules
        self.rule_labels = {rule.name: rule.label for rule in rules}

    def add(
        self,
        result: ChunkResult,
        bad: int = 0,
        blank: int = 0,
        notes: Iterable[DecodeNote] = (),
        bad_masks: Mapping[str, int] | None = None,
    ) -> None:
        """Add one chunk's counts, the bad and blank lines met reading it, its rows that did not decode cleanly, and
        the personal data masked in its bad lines (*bad_masks*, per kind), which the masks count with the rows'."""
        for note in notes:
            self.decode_rows += 1
            self.undecodable_bytes += note.replaced
            self.private_use_characters += note.private_use
            if len(self.decode_lines) < MAX_EXAMPLES:
                self.decode_lines.append(note.where())
        self.rows += result.rows
        self.bad_lines += bad
        self.blank_lines += blank
        self.replaced_characters += result.replaced
        self.folded_characters += result.folded
        self.folded_rows += result.folded_rows
        for kind in COUNTED_ROWS:
            setattr(self, kind, getattr(self, kind) + getattr(result, kind))
        self.decode_where = (self.decode_where + list(result.decode_where))[:MAX_EXAMPLES]
        self.ruled += result.ruled
        self.conflicts += result.conflicts
        for name in ("statuses", "reasons", "sentiments", "rules", "masks"):
            counts = Counter(getattr(self, name))
            counts.update(getattr(result, name))
            setattr(self, name, dict(counts))
        self.examples = (self.examples + list(result.examples))[:MAX_EXAMPLES]
        if bad_masks:
            self.masks = dict(Counter(self.masks) + Counter(bad_masks))

    def add_losses(self, losses: CellLosses) -> None:
        """Add what the built output could not hold: characters removed, cells cut (xlsx)."""
        self.replaced_characters += losses.removed
        self.cut_cells += losses.cut
        self.cut_rows += losses.cut_rows_total
        self.cut_row_numbers = (self.cut_row_numbers + losses.cut_rows)[:MAX_EXAMPLES]

    def to_dict(self) -> dict[str, Any]:
        """Return the summary as JSON-ready values."""
        return {
            "input": self.input,
            "output": self.output,
            "rules_file": self.rules_file,
            **({"rules_files": self.rules_files, "rule_files": self.rule_files} if self.rule_files else {}),
            "seconds": self.seconds,
            "resumed_rows": self.resumed_rows,
            **({"appended_rows": self.appended_rows} if self.appended_rows else {}),
            "bad_lines_file": self.bad_lines_file,
            "mask_pii": self.mask_pii,
            "masker_version": self.masker_version,
            "limit": self.limit,
            "more_rows": self.more_rows,
            **self.totals().to_json(),  # and what the totals save only when there are some, here also when none:
            **self._counted("unheld"),
            "folded_characters": self.folded_characters,
            "folded_rows": self.folded_rows,
            **self._counted("formulas", "long_texts", "numeric_ids"),
            "excel_safe": self.excel_safe,
            "rule_labels": self.rule_labels,
            "cut_cells": self.cut_cells,
            "cut_rows": self.cut_rows,
            "cut_row_numbers": self.cut_row_numbers,
            "text_column": self.text_column,
            "id_column": self.id_column,
            "rows_per_second": self.rows_per_second,
            "not_ok": self.not_ok,
        }

    def _counted(self, *kinds: str) -> dict[str, Any]:
        """Return the JSON values of the :class:`CountedRows` *kinds* (names of :data:`COUNTED_ROWS`)."""
        return {key: value for kind in kinds for key, value in COUNTED_ROWS[kind].to_json(getattr(self, kind)).items()}

    def __repr__(self) -> str:
        """Return the files and the counts per status on one line (``str()``, and a notebook, show the summary)."""
        counted = ", ".join(f"{status} {n:,}" for status, n in self.statuses.items()) or "none"
        return f"BatchSummary({self.input} → {self.output}: {self.rows:,} row{'s' * (self.rows != 1)} ({counted}))"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))  # in a notebook (IPython), what taikai batch prints, not every field

    def __str__(self) -> str:
        """Return the text the command line prints (:func:`taikai.batch._summary_text.summary_text`)."""
        return summary_text(self)


def _frozen(value: Any) -> Any:
    """A summary's count as :class:`Totals` keeps it: a copy, lists as tuples."""
    return dict(value) if isinstance(value, dict) else tuple(value) if isinstance(value, list) else value


def _thawed(value: Any) -> Any:
    """A saved count as the summary goes on counting it: a copy, tuples as lists."""
    return dict(value) if isinstance(value, dict) else list(value) if isinstance(value, tuple) else value
