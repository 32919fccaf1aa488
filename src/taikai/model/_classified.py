"""What the model says about a list of texts, as typed columns; the one place that names the output columns."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import numpy.typing as npt

from taikai._cut import count_rest
from taikai.errors import InputError, check_str, wrong_type
from taikai.labels import OwnLabels, format_reasons, label_list, reason_name
from taikai.rules import MODEL_REASON, RULE_COLUMNS, RuleHits, RulesMode, boolean_column, rule_columns
from taikai.text import Status, display_width, pad

if TYPE_CHECKING:
    import pandas as pd

REPR_ROWS = 5
"""The rows a :class:`Classified` shows in its ``repr``."""
LABEL_COLUMNS = ("status", "message", "reason", "reason_ja", "reasons", "sentiment")
"""The columns added before the probabilities, in order."""

_STATUS_TEXTS = {status: status.value for status in Status}
"""The text written for each status (its value): an enum member's ``value`` is a property, slower per row."""


def proba_columns(reason_labels: Sequence[str], sentiment_labels: Sequence[str]) -> list[str]:
    """Return the names of the probability columns: ``p_reason_*`` then ``p_sentiment_*``."""
    return [f"p_reason_{r}" for r in reason_labels] + [f"p_sentiment_{s}" for s in sentiment_labels]


def output_columns(
    reason_labels: Sequence[str], sentiment_labels: Sequence[str], rules_mode: RulesMode | str | None = None
) -> list[str]:
    """Return the names of every column a classification adds, in order (rules applied in *rules_mode*: theirs)."""
    return [*LABEL_COLUMNS, *proba_columns(reason_labels, sentiment_labels), *rule_columns(rules_mode)]


def check_prefix(prefix: object) -> str:
    """Return *prefix*, put before the name of every column a classification adds, if it is a str; else raise
    ``TypeError``: the one refusal of the ``prefix=`` of every function that classifies."""
    return str(check_str("prefix", prefix, "a str such as 'pred_'"))


def free_prefix(columns: Iterable[str], added: Iterable[str]) -> str:
    """Return a prefix that no column the model *added* clashes with among *columns* once put before its name:
    ``pred_``, else ``pred2_``, ``pred3_``, …, for the advice of an error about such a clash (which a prefix already
    given may cause: ``--prefix pred_`` on a file that has ``pred_reason``)."""
    names, added = set(columns), list(added)
    candidates = itertools.chain(["pred_"], (f"pred{k}_" for k in itertools.count(2)))
    return next(p for p in candidates if not any(p + c in names for c in added))


def override(reasons: tuple[str, ...], hits: RuleHits) -> tuple[str, ...]:
    """Return *reasons* with the first firing rule's label made the primary reason (the rest keep their order)."""
    if not hits.labels or not reasons:
        return reasons
    label = hits.labels[0]
    return (label, *(r for r in reasons if r != label))


def reason_sets(
    proba: npt.NDArray[np.float64], labels: Sequence[str], thresholds: npt.NDArray[np.float64]
) -> list[tuple[str, ...]]:
    """Return, per row of *proba*, the primary reason then every other reason past its threshold, by probability."""
    top = proba.argmax(axis=1)
    passed = proba >= thresholds
    passed[np.arange(len(proba)), top] = False
    out: list[tuple[str, ...]] = [(labels[t],) for t in top]
    for i in np.flatnonzero(passed.any(axis=1)):
        order = np.argsort(-proba[i], kind="stable")
        out[i] = (labels[top[i]], *(labels[j] for j in order if passed[i, j]))
    return out


def _same(mine: object, theirs: object) -> bool:
    """Return whether two values of a field of :class:`Classified` are the same: arrays by shape and values (the NaN
    of unclassified rows match), indexes by labels, dtype and names, anything else by ``==``."""
    if isinstance(mine, np.ndarray):
        return isinstance(theirs, np.ndarray) and np.array_equal(mine, theirs, equal_nan=True)
    if hasattr(mine, "identical") or hasattr(theirs, "identical"):  # a pandas Index: == compares label by label
        return mine is not None and theirs is not None and bool(mine.identical(theirs))  # type: ignore[attr-defined]
    return bool(mine == theirs)


def _row_label(label: object) -> str:
    """Return a row's label as the ``repr`` shows it: a MultiIndex's tuple as ``(A, 1)`` (not ``np.int64(1)``)."""
    return f"({', '.join(map(str, label))})" if isinstance(label, tuple) else str(label)


@dataclass(frozen=True, eq=False)
class Classified:
    """The classification of *n* values, one entry per value and column.

    Rows whose status is not ``ok`` have no reasons (``()``), no sentiment (``None``) and NaN probabilities.
    ``reasons`` are the model's own; with rules (``rule_hits``, one per value, ``rules_mode``) :attr:`final`
    gives the reasons written out, which ``override`` changes. ``index`` is the index of the pandas Series
    classified (``None`` for other values): :meth:`to_frame` and the ``repr`` label the rows with it.
    """

    reason_labels: tuple[str, ...]
    sentiment_labels: tuple[str, ...]
    statuses: list[Status]
    messages: list[str]
    reasons: list[tuple[str, ...]]
    sentiments: list[str | None]
    reason_proba: npt.NDArray[np.float64]
    sentiment_proba: npt.NDArray[np.float64]
    rule_hits: list[RuleHits] | None = None
    rules_mode: RulesMode | None = None
    free_labels: bool = False
    """The model's labels are its user's own (``--free-labels``): each its own name, even one spelt as an id."""
    index: pd.Index | None = None
    """The index of the pandas Series classified, one label per value, kept as it was (duplicates, a MultiIndex);
    ``None`` when the values were not a Series (a list, a tuple, …): their rows are 0 to n-1."""
    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # lists and arrays: not hashable, so not offered

    @property
    def named_reasons(self) -> Sequence[str]:
        """The model's reasons as :func:`taikai.labels.reason_name` reads them to name one (``free_labels``:
        :class:`~taikai.labels.OwnLabels`, each named as written)."""
        return OwnLabels(self.reason_labels) if self.free_labels else self.reason_labels

    def __eq__(self, other: object) -> bool:
        """Compare field by field, the probability arrays by shape and values (the NaN of unclassified rows match),
        the index of a Series classified by labels, dtype and names."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(
            _same(mine, theirs)
            for mine, theirs in ((getattr(self, f.name), getattr(other, f.name)) for f in fields(self))
        )

    def __len__(self) -> int:
        return len(self.statuses)

    def __repr__(self) -> str:
        """Return a summary for a notebook: the counts per status, the labels, the rules and the first rows."""
        n = len(self)
        counts = ", ".join(f"{k} {v:,}" for k, v in Counter(s.value for s in self.statuses).items())
        rules = "" if self.rules_mode is None else f"; rules: {self.rules_mode.value}"
        head = (
            f"Classified: {n:,} value{'s' if n != 1 else ''} ({counts or 'none'}); "
            f"reasons {label_list(self.reason_labels)}; sentiments {label_list(self.sentiment_labels) or '-'}{rules}"
        )
        if not n:
            return head
        # with rules, p is headed p(model), beside the model's reason: under override a rule's label is the reason
        ruled = self.rules_mode is not None
        rows = [
            ("", "status", "reason", "reasons", "sentiment", *(("p(model)", "model") if ruled else ("p",)), "message")
        ]
        final = self.final
        labels = map(str, range(n)) if self.index is None else map(_row_label, self.index)
        for i, label in zip(range(min(n, REPR_ROWS)), labels, strict=False):
            if not self.reasons[i]:
                rows.append((label, self.statuses[i].value, *["-"] * (len(rows[0]) - 3), self.messages[i]))
                continue
            model = self.reasons[i][0]
            p = self.reason_proba[i, self.reason_labels.index(model)]
            cells = (final[i][0], format_reasons(final[i]), self.sentiments[i] or "-", f"{p:.2f}")
            rows.append((label, self.statuses[i].value, *cells, *((model,) if ruled else ()), self.messages[i]))
        widths = [max(display_width(row[c]) for row in rows) for c in range(len(rows[0]))]
        lines = ["  ".join(pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
        more = [f"… and {count_rest(n, REPR_ROWS, '.to_frame() gives them all')}"] if n > REPR_ROWS else []
        return "\n".join([head, *lines, *more])

    @property
    def primary(self) -> list[str | None]:
        """Return the primary reason of each row (``None`` when not classified)."""
        return [r[0] if r else None for r in self.reasons]

    @property
    def final(self) -> list[tuple[str, ...]]:
        """Return the reasons of each row as written out: the model's, or with ``override`` the rules' first."""
        if self.rule_hits is None or self.rules_mode is not RulesMode.OVERRIDE:
            return self.reasons
        return [override(r, h) for r, h in zip(self.reasons, self.rule_hits, strict=True)]

    def conflicts(self) -> list[bool | None]:
        """Return, per row, whether rules fired and none of their labels is the model's primary reason.

        ``None`` for rows not classified, and for every row when no rules were applied.
        """
        if self.rule_hits is None:
            return [None] * len(self)
        return [h.conflicts_with(p) if p else None for h, p in zip(self.rule_hits, self.primary, strict=True)]

    def columns(self) -> dict[str, list[Any]]:
        """Return the output columns (see :func:`output_columns`) as lists of plain values.

        ``status`` holds strings, ``reasons`` the ``|``-joined cell, probabilities floats (NaN when not ok).
        With rules: ``rule_names`` and ``rule_reasons`` ``|``-joined (missing when no rule fired),
        ``rule_conflict`` booleans (missing when not classified), and ``model_reason`` under ``override``.
        """
        final = self.final
        primary = [r[0] if r else None for r in final]
        # one name per label, looked up once (a model of labels of its own names each as written)
        shown = {r: reason_name(r, labels=self.named_reasons) for r in set(primary) if r}
        out: dict[str, list[Any]] = {
            "status": list(map(_STATUS_TEXTS.__getitem__, self.statuses)),  # each status's value, looked up once
            "message": self.messages,
            "reason": primary,
            "reason_ja": [shown[r] if r else None for r in primary],
            "reasons": [format_reasons(r) if r else None for r in final],
            "sentiment": self.sentiments,
        }
        names = proba_columns(self.reason_labels, self.sentiment_labels)
        matrix = np.hstack([self.reason_proba, self.sentiment_proba])
        for name, values in zip(names, matrix.T.tolist(), strict=True):
            out[name] = values
        if self.rule_hits is not None:
            out["rule_names"] = ["|".join(h.names) if h else None for h in self.rule_hits]
            out["rule_reasons"] = [format_reasons(h.labels) if h else None for h in self.rule_hits]
            out["rule_conflict"] = self.conflicts()
            if self.rules_mode is RulesMode.OVERRIDE:
                out[MODEL_REASON] = self.primary
        return out

    def to_frame(self, index: pd.Index | None = None, prefix: str = "") -> pd.DataFrame:
        """Return the output columns (:meth:`columns`) as a data frame on *index*: by default the index of the
        Series classified (:attr:`index`, so ``sub.join(model.classify(sub["text"]).to_frame())`` puts each row's
        columns on its own row), else 0 to n-1 (a list, a tuple, …). Each column is
        named with *prefix* and of one dtype whatever the rows (none, none classified, some): ``str`` for the
        labels, messages and rule names (missing as NaN), ``float64`` for the probabilities, and for
        ``rule_conflict`` ``bool``, or the nullable ``boolean`` when a row was not classified
        (:func:`taikai.rules.boolean_column`, as :func:`taikai.io.read_predictions` reads a predictions file)."""
        import pandas as pd

        check_prefix(prefix)
        if isinstance(index, str) or not (index is None or hasattr(index, "__len__")):  # to_frame("pred_")
            raise wrong_type("index", index, "a pandas Index or a list of row labels (the prefix: prefix='pred_')")
        if getattr(index, "ndim", 1) != 1:  # to_frame(df): the frame's columns would be taken for row labels
            raise TypeError(
                f"{wrong_type('index', index, 'a pandas Index or a list of row labels')}: pass the frame's index "
                "(df.index), or classify the frame with model.predict_frame(df, text_column=…)"
            )
        if index is not None and len(index) != len(self):
            raise InputError(
                f"index has {len(index):,} label(s) for {len(self):,} value(s) classified: give one label per value "
                "(the index of the frame or Series classified)"
            )
        index = self.index if index is None else index
        proba = set(proba_columns(self.reason_labels, self.sentiment_labels))
        conflict = RULE_COLUMNS[-1]
        typed = {}
        for name, values in self.columns().items():
            if name == conflict:
                column = boolean_column(values, index)
            else:
                column = pd.Series(values, index=index, dtype="float64" if name in proba else "str")
            typed[prefix + name] = column
        return pd.DataFrame(typed, index=index)
