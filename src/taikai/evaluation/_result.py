"""What an evaluation measured: the scores, the rows left unscored, and how many rows the model was trained on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from taikai._cut import cut_lines, cut_list
from taikai.evaluation._misclassified import Misclassified
from taikai.evaluation._overlap import TrainingOverlap
from taikai.evaluation._scores import MultiLabelScores, SingleLabelScores, label_table, macro_line, single_table
from taikai.evaluation._unscored import Unscored
from taikai.text import LabelConflicts, PickedRows, notebook_markdown, terminal_markdown

if TYPE_CHECKING:
    import pandas as pd

SHOWN_UNSCORED = 5
"""How many unscored rows the Markdown report lists (the JSON lists them all)."""
SHOWN_MISCLASSIFIED = 10
"""How many misclassified rows the Markdown report lists (the JSON lists them all)."""
_EVERY_ONE = "every one in the --json report, or report.{} in Python"
"""Where the rows a list of the Markdown report leaves out are: the command line's JSON, a notebook's field."""
SCORED_TWICE = (
    "Each row is scored against its own labels, so the model is scored wrong on one of them whatever it predicts"
)
"""What texts labelled in different ways do to an evaluation (:class:`~taikai.text.LabelConflicts`)."""
FEW_SCORED = 50
"""Below this many scored rows of a head, the report cautions that its scores are rough (as train's comparison of
added rows does below 50): one row moves the accuracy by 1/rows, and a label's F1 by more."""
SHOWN_LABELS = 10
"""How many labels the model cannot predict a warning names (those of most rows first; the JSON lists them all)."""


@dataclass(frozen=True)
class Unpredictable:
    """Gold labels of one head (``reason`` or ``sentiment``) that the model has no class for, read with
    ``--free-labels``: scored as misses, they lower every score (a typo, or ``1`` against the model's ``1.0``)."""

    head: str
    rows: int
    """Scored rows holding at least one of them."""
    labels: dict[str, int]
    """Rows per such label."""

    def warning(self) -> str:
        """Return the warning naming the labels and their rows."""
        where = "every one in the --json report, 'unpredictable_gold_labels', or report.unpredictable in Python"
        listed = cut_list([f"{label!r} ({n:,} row(s))" for label, n in self.labels.items()], SHOWN_LABELS, where)
        return (
            f"{self.rows:,} scored row(s) have a gold {self.head} label this model can never predict, scored as "
            f"misses (free_labels=True, --free-labels): {listed}. They lower the {self.head} scores: fix them if they "
            "are typos of the model's labels, or leave those rows out to score what the model can predict."
        )

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {"rows": self.rows, "labels": self.labels}


@dataclass(eq=False)
class EvaluationReport:
    """What :func:`evaluate` measured. ``str(report)`` is a Markdown summary; ``predictions`` holds each row's."""

    n_rows: int
    n_scored: int
    unscored: list[Unscored]
    reason: SingleLabelScores
    reasons: MultiLabelScores
    sentiment: SingleLabelScores | None = None
    n_blank: int = 0
    """Rows without any label (reasons and sentiment both empty), skipped before scoring."""
    n_skipped: int = 0
    """Rows labelled in part (further reasons but no primary one), skipped before scoring with a warning."""
    extra: dict[str, Any] = field(default_factory=dict)
    split: str = "all"
    split_by: str | None = None
    """How the *split* rows were chosen when the data has no ``split`` column (the model's row hashes)."""
    overlap: TrainingOverlap | None = None
    """How many evaluated rows the model was trained on (``None``: not checked, e.g. a model never saved)."""
    n_sentiment: int | None = None
    """Of the scored rows, those whose sentiment was scored (rows coded with reasons only are not); ``None``: no
    sentiment was read."""
    n_reason: int | None = None
    """Of the scored rows, those whose reasons were scored (rows coded with a sentiment only are not); ``None``: all
    of them."""
    unpredictable: list[Unpredictable] = field(default_factory=list)
    """Gold labels the model can never predict (read with ``free_labels``), per head: scored as misses."""
    n_read: int | None = None
    """The data rows read, blank and labelled-in-part rows too (``n_rows`` counts those left, of the split);
    ``None``: not known (then ``n_rows`` plus ``n_blank`` and ``n_skipped``)."""
    misclassified: list[Misclassified] = field(default_factory=list)
    """The scored rows whose predicted primary reason is not their gold primary reason, in data order, each named by
    its file line (or data row) and, with ``id_column``, its id: the report lists the first, the JSON every one."""
    conflicts: LabelConflicts = field(default_factory=LabelConflicts)
    """The texts evaluated that rows label in different ways (the same review labelled twice): each row is scored
    against its own labels, so one of each pair is a miss whatever the model says."""
    predictions: pd.DataFrame | None = None
    """The rows evaluated (of the split; unscored ones too, their ``pred_status`` says why), in data order, as
    ``Model.predict_frame(rows, prefix="pred_")`` gives them: the data's columns as read (under ``mask_pii`` the text
    the model read, masked), then the model's (``pred_reason``, ``pred_reasons``, ``pred_sentiment``,
    ``pred_status``, ``pred_p_reason_*``, …; ``pred2_`` when the data has a column of such a name); indexed by a
    frame's own index, a file's rows by their data row (from 0). ``analysis.misclassified(report.predictions,
    "reasons", prefix="pred_")`` lists the errors. Not in ``to_dict`` (``--json``). ``None``: not made by
    :func:`evaluate`."""
    picked: PickedRows | None = None
    """The scored rows a ``taikai suggest`` sheet picked among its model's least sure (its ``picked_by`` column):
    the scores understate what a model does on the dump, and a warning says so; ``None``: none."""
    id_column: str | None = None
    """The column whose ids name the rows listed (``id_column`` given, else found by its name); ``None``: none."""
    id_by_name: bool = False
    """Whether :attr:`id_column` was found by its name (``review_id``, ``回答ID``), not given."""

    def __eq__(self, other: object) -> bool:
        """Compare field by field, the predictions by shape, columns and values (``DataFrame.equals``)."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(_same(getattr(self, f.name), getattr(other, f.name)) for f in fields(self))

    def __repr__(self) -> str:
        """Return the headline and figures on one line (``str()``, and a notebook, show the Markdown report)."""
        figures = ", ".join(f"{name} {value:.3f}" for name, value in self.summary().items())
        warned = f"; {len(self.warnings())} warning(s)" if self.warnings() else ""
        return f"EvaluationReport({self.headline()} {figures}{warned})"

    def _repr_markdown_(self) -> str:
        """Return :meth:`to_markdown`, for a notebook (its ``<`` and ``&`` shown as written: ``<frame>``)."""
        return notebook_markdown(self.to_markdown())

    def warnings(self) -> list[str]:
        """Return what a reader of the scores must know first (rows the model was trained on, gold labels it can
        never predict, rows a suggest sheet picked among its model's least sure)."""
        found = self.overlap.warning() if self.overlap is not None else None
        conflicts = self.conflicts.warning(SCORED_TWICE)
        picked = [self.picked.warning()] if self.picked is not None else []
        return [w for w in (found, conflicts) if w] + [u.warning() for u in self.unpredictable] + picked

    def few_rows(self) -> str | None:
        """Return the caution that the scores rest on few rows (fewer than :data:`FEW_SCORED` of a head), with what
        one row moves; ``None`` when every head scored enough rows."""
        heads = [("reasons", self.reason)] + ([("sentiment", self.sentiment)] if self.sentiment else [])
        few = [(head, scores.rows) for head, scores in heads if 0 < scores.rows < FEW_SCORED]
        if not few:
            return None
        if len(few) == len(heads) and len({rows for _, rows in few}) == 1:  # every head on the same rows
            on = f"scored on {few[0][1]:,} rows, where one row moves an accuracy by {1 / few[0][1]:.3f}"
        else:
            on = "; ".join(
                f"the {head} scored on {rows:,} rows, where one row moves the accuracy by {1 / rows:.3f}"
                for head, rows in few
            )
        return (
            f"Few rows: {on}, and a label's F1 by more (see its support): these scores are rough, as the accuracy's "
            "95 % interval shows; label more rows for firmer ones."
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the whole report as JSON-ready values."""
        return {
            "n_read": self.rows_read,
            "n_rows": self.n_rows,
            "n_scored": self.n_scored,
            "n_blank": self.n_blank,
            "n_skipped": self.n_skipped,
            "n_sentiment_scored": self.n_sentiment,
            "n_reason_scored": self.n_scored if self.n_reason is None else self.n_reason,
            "split": self.split,
            "split_by": self.split_by,
            "id_column": self.id_column,
            "id_found_by_name": self.id_by_name,
            "training_overlap": self.overlap.to_dict() if self.overlap is not None else None,
            "picked_uncertain": self.picked.to_dict() if self.picked is not None else None,
            "warnings": self.warnings(),
            "unpredictable_gold_labels": {u.head: u.to_dict() for u in self.unpredictable},
            "label_conflicts": self.conflicts.to_dict(),
            "unscored": [u.to_dict() for u in self.unscored],
            "misclassified": [m.to_dict() for m in self.misclassified],
            "reason": self.reason.to_dict(),
            "reasons": self.reasons.to_dict(),
            "sentiment": self.sentiment.to_dict() if self.sentiment else None,
            **self.extra,
        }

    @property
    def rows_read(self) -> int:
        """Return the data rows read: those of every split, blank and labelled-in-part rows included."""
        return self.n_rows + self.n_blank + self.n_skipped if self.n_read is None else self.n_read

    def headline(self) -> str:
        """Return ``Scored 35 of 40 rows (5 without any label).``: of the rows read, with those skipped before
        scoring; with a split, of the split's rows, then the rows read when some were skipped."""
        left = ", ".join(
            f"{n:,} {what}"
            for n, what in ((self.n_blank, "without any label"), (self.n_skipped, "labelled in part"))
            if n
        )
        if self.split == "all":
            return f"Scored {self.n_scored:,} of {self.rows_read:,} rows" + (f" ({left})." if left else ".")
        read = f"; {self.rows_read:,} read, {left}" if left else ""
        return f"Scored {self.n_scored:,} of {self.n_rows:,} rows (split: {self.split}){read}."

    def summary(self) -> dict[str, float]:
        """Return the headline figures."""
        out = {
            "reason_macro_f1": self.reason.macro_f1,
            "reason_accuracy": self.reason.accuracy,
            "reasons_micro_f1": self.reasons.micro_f1,
        }
        if self.sentiment:
            out |= {"sentiment_macro_f1": self.sentiment.macro_f1, "sentiment_accuracy": self.sentiment.accuracy}
        return out

    def to_markdown(self, *, warnings: bool = True, width: int | None = None) -> str:
        """Return a readable Markdown report, headed by its :meth:`warnings` (``warnings=False``: without them, for
        a report printed where they were said already: ``taikai evaluate --json -`` prints it on standard error,
        under the warnings). *width*: the columns of the terminal it is shown on (``taikai evaluate`` on a
        terminal): its tables lined up and its lines wrapped between words to fit
        (:func:`~taikai.text.terminal_markdown`)."""
        lines = [f"**WARNING: {w}**\n" for w in self.warnings()] if warnings else []
        lines.append(self.headline())
        if self.split_by:
            lines.append(f"Rows: {self.split_by}.")
        if self.id_by_name:  # a given one the user knows of
            lines.append(f"Rows named by the ids of {self.id_column!r}, a column found by its name.")
        if self.n_blank:
            empty = (
                "reasons and sentiment both empty"
                if self.n_sentiment is not None
                else "reasons empty; sentiment not read"
            )
            lines.append(f"Skipped {self.n_blank:,} row(s) without any label ({empty}).")
        if self.n_sentiment is not None and self.n_sentiment < self.n_scored:
            lines.append(
                f"Sentiment scored on {self.n_sentiment:,} of the {self.n_scored:,} scored rows: the others have "
                "reasons only (their reasons are scored)."
            )
        if self.n_reason is not None and self.n_reason < self.n_scored:
            lines.append(
                f"Reasons scored on {self.n_reason:,} of the {self.n_scored:,} scored rows: the others have a "
                "sentiment only (their sentiment is scored)."
            )
        if self.n_skipped:
            lines.append(f"Skipped {self.n_skipped:,} row(s) labelled in part (listed in the warning).")
        few = self.few_rows()
        if few:
            lines.append(few)
        note = self.overlap.note() if self.overlap is not None else None
        if note:
            lines.append(f"Note: {note}.")
        if self.unscored:
            lines.append(f"Not scored (no usable text): {len(self.unscored):,} row(s):")
            lines += cut_lines(self.unscored, SHOWN_UNSCORED, _EVERY_ONE.format("unscored"), bullet="- ")
        lines += ["", "## Primary reason", *single_table(self.reason), "", "## All stated reasons (multi-label)"]
        m = self.reasons
        lines.append(
            f"micro-F1 {m.micro_f1:.3f} · {macro_line(m, m.predicted)} · exact match {m.exact_match:.3f} · "
            f"Jaccard {m.jaccard:.3f}"
        )
        lines += ["", *label_table(m, m.predicted)]
        if self.sentiment:
            lines += ["", "## Sentiment", *single_table(self.sentiment)]
        if self.misclassified:
            scored = self.n_scored if self.n_reason is None else self.n_reason
            lines += ["", "## Misclassified rows (primary reason)", f"{len(self.misclassified):,} of {scored:,}:"]
            lines += cut_lines(self.misclassified, SHOWN_MISCLASSIFIED, _EVERY_ONE.format("misclassified"), bullet="- ")
        return terminal_markdown("\n".join(lines), width)

    __str__ = to_markdown


def _same(mine: object, theirs: object) -> bool:
    """Return whether two values of a field are the same: frames by ``DataFrame.equals``, anything else by ``==``."""
    if hasattr(mine, "equals") or hasattr(theirs, "equals"):
        return mine is not None and theirs is not None and bool(mine.equals(theirs))  # type: ignore[attr-defined]
    return bool(mine == theirs)


def unpredictable(head: str, golds: Sequence[Sequence[str]], known: Sequence[str]) -> list[Unpredictable]:
    """Return the gold labels of *golds* (one list per scored row) outside the model's labels *known*, with their
    rows (none: an empty list)."""
    outside = [[label for label in row if label not in known] for row in golds]
    counts: dict[str, int] = {}
    for row in outside:
        for label in row:
            counts[label] = counts.get(label, 0) + 1
    rows = sum(bool(row) for row in outside)
    return [Unpredictable(head, rows, dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))] if rows else []
