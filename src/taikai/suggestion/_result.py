"""What :func:`taikai.suggest` returns: the rows chosen for labelling and the tally of what was read and left out."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from taikai._whole_file import written_line
from taikai.errors import EXCLUDE, InputError
from taikai.labels import counted_label
from taikai.privacy import format_counts
from taikai.suggestion._select import Strategy
from taikai.text import FOLDS_SAID, CP932Folds

SHEET = "labelling sheet"
"""What :func:`~taikai._whole_file.written_line` names the file ``suggest`` wrote."""

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, eq=False)
class Suggestion:
    """The rows chosen for labelling (``rows``: the sheet's model columns, in labelling order) and the tally.

    ``total`` rows were read; ``not_ok`` counts the rows left out per status (``empty``, ``error``, …);
    ``duplicates`` the candidates passed over as the same or a near-duplicate text of another candidate;
    ``per_reason`` the chosen rows per predicted reason; ``masks`` the personal data masked in the sheet's texts
    per kind (``None`` when the texts were not masked); ``excluded`` the candidates each file to exclude held
    (``None`` without any; a row held by several files counts for the first), ``near_excluded`` those left out as
    near-duplicates of the files' texts, and ``not_chosen`` the rest: rows the model is surer of (``margin``,
    ``entropy``), or not drawn (``random``). Every row read is counted once: ``len(rows)``, ``not_ok``,
    ``duplicates``, ``excluded``, ``near_excluded`` and ``not_chosen`` add up to ``total``.
    """

    rows: pd.DataFrame
    strategy: Strategy
    seed: int
    total: int
    not_ok: dict[str, int]
    duplicates: int
    per_reason: dict[str, int]
    out: Path | None = None
    replaced: int = 0
    masks: dict[str, int] | None = None
    excluded: dict[str, int] | None = None
    near_excluded: int = 0
    not_chosen: int = 0
    folds: CP932Folds = field(default_factory=CP932Folds)
    """The characters a CP932 sheet holds as others (〜 as ～: :data:`taikai.text.CP932_FOLDS`), and their rows."""
    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # a frame and dicts: not hashable, so not offered

    def __eq__(self, other: object) -> bool:
        """Compare field by field, the rows by shape, columns and values (``DataFrame.equals``)."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(
            mine.equals(theirs) if f.name == "rows" else bool(mine == theirs)
            for f in fields(self)
            for mine, theirs in [(getattr(self, f.name), getattr(other, f.name))]
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the tally as JSON-ready values (without the rows)."""
        return {
            "rows": len(self.rows),
            "strategy": self.strategy.value,
            "seed": self.seed,
            "total": self.total,
            "not_ok": dict(self.not_ok),
            "duplicates": self.duplicates,
            "per_reason": dict(self.per_reason),
            "out": None if self.out is None else str(self.out),
            "replaced": self.replaced,
            "masks": self.masks,
            "excluded": None if self.excluded is None else dict(self.excluded),
            "near_excluded": self.near_excluded,
            "not_chosen": self.not_chosen,
            "folded": self.folds.characters,
            "folded_rows": self.folds.rows,
        }

    def __repr__(self) -> str:
        """Return the chosen rows and the sheet on one line, not the frame (``str()`` says the whole tally)."""
        return f"Suggestion({self._chosen()}{'' if self.out is None else '; ' + written_line(SHEET, self.out)})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Show the tally in a notebook (IPython), as ``taikai suggest`` prints it, not the one-line repr."""
        printer.text(str(self))

    def _chosen(self) -> str:
        """``3 rows to label (margin, seed 0) of 40 read``."""
        rows = f"{len(self.rows):,} row{'' if len(self.rows) == 1 else 's'}"
        return f"{rows} to label ({self.strategy.value}, seed {self.seed}) of {self.total:,} read"

    def __str__(self) -> str:
        left_out = ", ".join(f"{n:,} {status}" for status, n in self.not_ok.items()) or "none"
        spread = ", ".join(f"{counted_label(r)} {n:,}" for r, n in self.per_reason.items() if n)
        random = self.strategy is Strategy.RANDOM
        lines = [
            self._chosen(),
            f"left out: status not ok: {left_out}; same or near-duplicate text: {self.duplicates:,}",
            f"not drawn: {self.not_chosen:,} (a uniform draw: every row as likely; a text drawn more than once is "
            "listed each time, side by side)"
            if random
            else f"not chosen (the model is surer of them): {self.not_chosen:,}",
            f"per predicted reason: {spread}",
        ]
        if self.excluded is not None:
            held = ", ".join(f"{n:,} in {source}" for source, n in self.excluded.items())
            lines.insert(
                2,
                f"left out as handed out before, in the files given to {EXCLUDE}: {held}; "
                f"near-duplicates of them: {self.near_excluded:,}",
            )
        if self.masks is not None:
            lines.append(f"personal data masked in the texts: {format_counts(self.masks)}")
        if self.replaced:
            lines.append(
                f"{self.replaced:,} control character(s) an xlsx cell cannot hold were removed"
                if self.out is not None and self.out.suffix.lower() == ".xlsx"
                else f"{self.replaced:,} character(s) the sheet's encoding cannot hold were written as ?"
            )
        if self.folds.characters:
            lines.append(
                f"{self.folds.characters:,} character(s) in {self.folds.rows:,} row(s) CP932 holds as others were "
                f"written so ({FOLDS_SAID}, as Excel's CP932 save writes them)"
            )
        if self.out is not None:
            lines.append(written_line(SHEET, self.out))
        return "\n".join(lines)


def nothing_left(
    source: str, total: int, not_ok: dict[str, int], excluded: dict[str, int] | None, near: int
) -> InputError:
    """Return the error of a suggestion with no row left to label: none read, none classified (*not_ok* counts
    them per status), or every classified row handed out before (*excluded* per file, *near* near-duplicates)."""
    if total == 0:
        return InputError(f"{source}: nothing to label: it holds no rows; no sheet was written")
    unclassified = sum(not_ok.values())
    statuses = ", ".join(f"{n:,} {status}" for status, n in not_ok.items())
    if unclassified >= total or excluded is None:
        return InputError(
            f"{source}: nothing to label: none of its {total:,} row(s) was classified (status not ok: {statuses}); "
            "no sheet was written. Give predictions of texts taikai batch classified (status ok)"
        )
    held = ", ".join(f"{n:,} in {file}" for file, n in excluded.items())
    rest = f"; the other {unclassified:,} were not classified (status not ok: {statuses})" if unclassified else ""
    return InputError(
        f"{source}: nothing left to label: every one of its {total - unclassified:,} classified row(s) was handed "
        f"out before ({EXCLUDE}: {held}; near-duplicates of them: {near:,}){rest}; no sheet was written. Label "
        "the sheets handed out (taikai train --add), or suggest from predictions of new reviews"
    )
