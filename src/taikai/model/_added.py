"""What added labels bought, as a model's metrics record it (``metrics["added"]``): scores on the added rows out of
fold, trained without them and with them. :func:`taikai.training._compare.compare_added` measures it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from taikai.model._figures import METRIC_NAMES

FEW_COMPARED = 50
"""Below this many rows scored, :meth:`AddedComparison.lines` says that the before/after differences are mostly
chance: each row moves an accuracy by 1/rows (0.020 at 50), and a reason's F1 by more."""


@dataclass(frozen=True)
class HeldOutScores:
    """Primary-reason and sentiment scores on held-out added rows (sentiment ``None`` without a sentiment head or
    when no added row has one; reason ``None`` when no added row has one)."""

    reason_accuracy: float | None
    reason_macro_f1: float | None
    sentiment_accuracy: float | None = None
    sentiment_macro_f1: float | None = None


@dataclass(frozen=True)
class AddedComparison:
    """Scores on the added rows, out of fold: ``without`` them in training (base only) and ``with`` the others.

    Each of ``folds`` folds of the added rows is scored by a model trained on the base rows plus the added rows of
    the other folds, and by one trained on the base rows alone; every added row is scored once. Near-copies among
    the added rows (one review with another opener or closer) are kept in one fold, so that a model is never scored
    on the copy of a row it was trained on.
    """

    rows: int
    folds: int
    without: HeldOutScores
    with_added: HeldOutScores
    sentiment_rows: int | None = None
    """Of the ``rows``, those with a sentiment, on which alone the sentiment is scored; ``None``: all of them (or no
    sentiment head)."""
    reason_rows: int | None = None
    """Of the ``rows``, those with a reason, on which alone the reason is scored; ``None``: all of them."""
    near_copies: int | None = None
    """Of the ``rows``, those with a near-copy among the others (one review with another opener or closer), each
    kept in one fold with its copies; ``None``: not recorded (a model trained before near-copies were grouped)."""

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values (as stored in the model's metrics under ``added``)."""
        partial = {
            "sentiment_rows": self.sentiment_rows,
            "reason_rows": self.reason_rows,
            "near_copies": self.near_copies,
        }
        return {
            "rows": self.rows,
            "folds": self.folds,
            "without": asdict(self.without),
            "with": asdict(self.with_added),
        } | {name: n for name, n in partial.items() if n is not None}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> AddedComparison:
        """Read the values written by :meth:`to_dict` (scores of a later taikai, unknown here, are left out)."""
        return cls(
            int(values["rows"]),
            int(values["folds"]),
            _held_out(values["without"]),
            _held_out(values["with"]),
            values.get("sentiment_rows"),
            values.get("reason_rows"),
            values.get("near_copies"),
        )

    def lines(self) -> list[str]:
        """Return the comparison as text lines: one per score, before → after and the difference; then, when fewer
        than :data:`FEW_COMPARED` rows were scored, a caution that the differences are mostly chance."""
        out = [f"your labels: {self.rows:,} rows, {self.folds}-fold{self._copies()}; trained without them → with them"]
        if self.reason_rows is not None:
            out[0] += (
                f"; reasons scored on the {self.reason_rows:,} with a reason"
                if self.reason_rows
                else "; none has a reason, so only sentiments are scored"
            )
        if self.sentiment_rows is not None:
            out[0] += (
                f"; sentiment scored on the {self.sentiment_rows:,} with a sentiment"
                if self.sentiment_rows
                else "; none has a sentiment, so only reasons are scored"
            )
        for name in ("reason_accuracy", "reason_macro_f1", "sentiment_accuracy", "sentiment_macro_f1"):
            before, after = getattr(self.without, name), getattr(self.with_added, name)
            if before is not None and after is not None:
                out.append(f"  {METRIC_NAMES[name]:18s} {before:.3f} → {after:.3f}  ({after - before:+.3f})")
        heads = self._scored_heads()
        few = {head: n for head, n in heads.items() if n < FEW_COMPARED}
        if len(out) > 1 and few:
            if len(set(heads.values())) == 1:  # one count for every head scored
                n = min(few.values())
                said = f"scored on only {n:,} row(s): each row moves an accuracy by {1 / n:.3f}, so these differences"
                said += " are mostly chance"
            elif len(few) == 1:  # one head on few rows: the other's differences are not chance
                (head, n), (other, m) = next(iter(few.items())), next(h for h in heads.items() if h[0] not in few)
                said = (
                    f"the {head} scored on only {n:,} row(s): each row moves its accuracy by {1 / n:.3f}, so its "
                    f"differences are mostly chance (the {other} is scored on {m:,})"
                )
            else:  # each head on its own rows: its own count, its own step
                said = "scored on few rows: " + "; ".join(
                    f"the {head} on {n:,}, each moving its accuracy by {1 / n:.3f}" for head, n in heads.items()
                )
                said += ", so these differences are mostly chance"
            out.append(f"  caution: {said}; compare again with {FEW_COMPARED} or more labelled rows")
        return out

    def _copies(self) -> str:
        """Say that near-copies were kept in one fold, and how many rows have one (``""``: not recorded)."""
        if self.near_copies is None:
            return ""
        if not self.near_copies:
            return " (near-copies kept in one fold: none among them)"
        return f" (near-copies kept in one fold: {self.near_copies:,} of the rows are near-copies of another)"

    def _scored_heads(self) -> dict[str, int]:
        """Return the rows each head whose scores are shown was scored on (``reason``, ``sentiment``)."""
        counts = {"reason": self.rows if self.reason_rows is None else self.reason_rows}
        counts["sentiment"] = self.rows if self.sentiment_rows is None else self.sentiment_rows
        shown = {
            head: any(
                getattr(self.without, f"{head}_{score}") is not None
                and getattr(self.with_added, f"{head}_{score}") is not None
                for score in ("accuracy", "macro_f1")
            )
            for head in counts
        }
        return {head: n for head, n in counts.items() if shown[head] and n}


def _held_out(values: dict[str, Any]) -> HeldOutScores:
    return HeldOutScores(**{f.name: values.get(f.name) for f in fields(HeldOutScores)})
