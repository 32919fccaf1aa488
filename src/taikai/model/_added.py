"""What added labels bought, as a model's metrics record it (``metrics["added"]``): scores on the added rows out of
fold, trained without them and with them. :func:`taikai.training._compare.compare_added` measures it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from math import comb
from typing import Any

from taikai.model._figures import METRIC_NAMES
from taikai.model._json_keys import in_order, read_keys, written
from taikai.model._moved import MovedRow, moved_lines

FEW_COMPARED = 50
"""Below this many rows scored, :meth:`AddedComparison.lines` says that the before/after differences are mostly
chance: each row moves an accuracy by 1/rows (0.020 at 50), and a reason's F1 by more."""
NOISE_ROWS = 2
"""An accuracy's before/after difference of this many rows or fewer, net, is said to be within noise at any count."""


@dataclass(frozen=True)
class HeldOutScores:
    """Primary-reason and sentiment scores on held-out added rows (sentiment ``None`` without a sentiment head or
    when no added row has one; reason ``None`` when no added row has one). ``extra`` and ``keys`` (scores of a later
    taikai, and the keys as written, in order; not compared): as :mod:`taikai.model._json_keys` says."""

    reason_accuracy: float | None
    reason_macro_f1: float | None
    sentiment_accuracy: float | None = None
    sentiment_macro_f1: float | None = None
    extra: Mapping[str, object] = field(default_factory=dict, kw_only=True)
    keys: tuple[str, ...] = field(default=(), compare=False, repr=False, kw_only=True)

    def __hash__(self) -> int:  # the scores' (the extra values may be lists or objects)
        return hash((self.reason_accuracy, self.reason_macro_f1, self.sentiment_accuracy, self.sentiment_macro_f1))

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready scores: every score, null where not scored (or the keys read, in their order)."""
        return written(self, _HELD_OUT) if self.keys else {name: getattr(self, name) for name in _HELD_OUT}

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> HeldOutScores:
        """Read the scores :meth:`to_dict` wrote (a score not written reads as ``None``)."""
        read: dict[str, Any] = {"reason_accuracy": None, "reason_macro_f1": None}
        return cls(**read | read_keys(values, _HELD_OUT))


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
    reason_now_right: int | None = None
    """Of the rows scored on the reason, those whose primary reason was wrong without the added rows and is right
    with them; ``None``: not recorded (a model trained before these were counted)."""
    reason_now_wrong: int | None = None
    """Of the rows scored on the reason, those right without the added rows and wrong with them."""
    sentiment_now_right: int | None = None
    """As ``reason_now_right``, for the sentiment (``None`` too without a sentiment scored)."""
    sentiment_now_wrong: int | None = None
    """As ``reason_now_wrong``, for the sentiment."""
    moved: tuple[MovedRow, ...] | None = None
    """The rows now right and now wrong, each at its ``FILE:LINE``; ``None``: not recorded (a model trained before
    taikai recorded them)."""
    base_copies: int | None = None
    """Of the ``rows``, those that are a training row of the base data but for punctuation or spacing (another comma,
    an added ``。``; the very text is dropped as a duplicate): both sides were trained on their copy, so they score
    like rows seen; ``None``: not recorded."""
    extra: Mapping[str, object] = field(default_factory=dict, kw_only=True)
    """The values of keys this taikai does not know (a later taikai of the same format may add some)."""
    keys: tuple[str, ...] = field(default=("rows", "folds", "without", "with"), compare=False, repr=False, kw_only=True)
    """The keys as written, in order: :meth:`to_dict` writes back what :meth:`from_dict` read, byte for byte once
    dumped (:mod:`taikai.model._json_keys`)."""

    def __hash__(self) -> int:  # the counts' and scores' (the extra values may be lists or objects)
        counts = (self.rows, self.folds, self.sentiment_rows, self.reason_rows, self.near_copies, *self._moves())
        return hash((*counts, self.without, self.with_added))

    def _moves(self) -> tuple[int | None, ...]:
        return tuple(getattr(self, key) for key in _MOVES)

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values (as stored in the model's metrics under ``added``): the keys read, in their
        order, then the counts set since (``sentiment_rows``, ``reason_rows``, ``near_copies``, the rows each head
        now gets right and now gets wrong; none when ``None``)."""
        values = {
            "rows": self.rows,
            "folds": self.folds,
            "without": self.without.to_dict(),
            "with": self.with_added.to_dict(),
            "sentiment_rows": self.sentiment_rows,
            "reason_rows": self.reason_rows,
            "near_copies": self.near_copies,
            **dict(zip(_MOVES, self._moves(), strict=True)),
            "moved": None if self.moved is None else [m.to_dict() for m in self.moved],
            "base_copies": self.base_copies,
        }
        return in_order(values, self.keys, self.extra)

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> AddedComparison:
        """Read the values written by :meth:`to_dict` (checked when a model is read); keys of a later taikai are
        kept in ``extra``."""
        return cls(
            int(values["rows"]),
            int(values["folds"]),
            HeldOutScores.from_dict(values["without"]),
            HeldOutScores.from_dict(values["with"]),
            values.get("sentiment_rows"),
            values.get("reason_rows"),
            values.get("near_copies"),
            **{key: values.get(key) for key in _MOVES},
            moved=None if values.get("moved") is None else tuple(MovedRow.from_dict(m) for m in values["moved"]),
            base_copies=values.get("base_copies"),
            extra={str(key): value for key, value in values.items() if key not in _ADDED},
            keys=tuple(map(str, values)),
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
        if self.base_copies:
            out[0] += (
                f"; {self.base_copies:,} of them are rows of the base data but for punctuation or spacing, which both "
                "sides were trained on"
            )
        heads = self._scored_heads()
        for name in ("reason_accuracy", "reason_macro_f1", "sentiment_accuracy", "sentiment_macro_f1"):
            before, after = getattr(self.without, name), getattr(self.with_added, name)
            if before is not None and after is not None:
                head = name.split("_")[0]
                rows = heads.get(head, 0) if name.endswith("_accuracy") else 0
                moves = (getattr(self, f"{head}_now_right"), getattr(self, f"{head}_now_wrong"))
                said = _moved(after - before, rows, None if None in moves else moves)
                out.append(f"  {METRIC_NAMES[name]:18s} {before:.3f} → {after:.3f}  ({said})")
                if name.endswith("_accuracy") and self.moved is not None:  # which rows: to read them
                    out += moved_lines(self.moved, head)
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


def _moved(difference: float, rows: int, moves: tuple[int, int] | None = None) -> str:
    """Return an accuracy's *difference* with the net rows it is of *rows* scored (``-0.051: net 3 of 59 rows``), and
    ``within noise`` when fewer than :data:`FEW_COMPARED` rows were scored or it is one or two rows; the bare
    difference without rows (a macro-F1).

    *moves*, the rows now right and now wrong (when recorded), are said before the net count, since a small net may
    be many rows moving both ways (``+0.030: 12 rows now right, 9 now wrong: net 3 of 100 rows``); then a
    difference that a sign test over those rows does not tell from chance (:func:`_sign_test`, two-sided p of
    0.05 or more) is within noise too."""
    if not rows:
        return f"{difference:+.3f}"
    moved = round(abs(difference) * rows)
    noise = rows < FEW_COMPARED or moved <= NOISE_ROWS
    said = f"{difference:+.3f}: "
    if moves is not None:
        right, wrong = moves
        noise = noise or _sign_test(right, wrong) >= CHANCE
        said += f"{right:,} row{'s' if right != 1 else ''} now right, {wrong:,} now wrong: "
    return f"{said}net {moved:,} of {rows:,} rows{', within noise' if noise else ''}"


CHANCE = 0.05
"""A before/after difference whose sign test (:func:`_sign_test`) gives this p or more is said to be within noise."""


def _sign_test(right: int, wrong: int) -> float:
    """Return the two-sided exact sign test's p of *right* rows gained against *wrong* rows lost (McNemar's exact
    test: the rows that changed, each as likely to go either way if the added rows changed nothing); 1 for none."""
    changed = right + wrong
    tail = sum(comb(changed, k) for k in range(min(right, wrong) + 1))
    return min(1.0, 2 * tail / (1 << changed))


_HELD_OUT = ("reason_accuracy", "reason_macro_f1", "sentiment_accuracy", "sentiment_macro_f1")
"""The scores of each side of the comparison, in the order training writes them."""
_MOVES = ("reason_now_right", "reason_now_wrong", "sentiment_now_right", "sentiment_now_wrong")
"""The rows each head gets right with the added rows and got wrong without them, and the other way round."""
_ADDED = (
    "rows",
    "folds",
    "without",
    "with",
    "sentiment_rows",
    "reason_rows",
    "near_copies",
    *_MOVES,
    "moved",
    "base_copies",
)
"""The keys of ``metrics.added`` this taikai writes and reads, in the order training writes them."""
