"""What a batch run saves with each chunk to resume from (``state.json`` in its partial folder), typed.

The run passes :class:`ResumeState` and :class:`Totals` between its modules; JSON is written and read only at the
file, by :meth:`ResumeState.to_json` and :meth:`ResumeState.from_json`, in the layout earlier versions wrote: a
folder they left is read, and resumed when its fingerprint vouches for the run (``_fingerprint.unvouched``).
"""

from __future__ import annotations

import base64
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

from taikai.batch._chunk import RowProblem
from taikai.batch._counted import COUNTED_ROWS, CountedRows
from taikai.io import CellLosses, Position

if TYPE_CHECKING:
    import pyarrow as pa


@dataclass(frozen=True)
class Totals:
    """The counts of the rows saved so far, for the summary of a resumed run (see :class:`BatchSummary`)."""

    rows: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, int] = field(default_factory=dict)
    sentiments: dict[str, int] = field(default_factory=dict)
    examples: tuple[RowProblem, ...] = ()
    bad_lines: int = 0
    blank_lines: int = 0
    replaced_characters: int = 0
    unheld: CountedRows = field(default_factory=CountedRows)
    """Rows holding a character the output's encoding could not hold (written as ``?``)."""
    folded_characters: int = 0
    """Characters a CP932 output holds as others (〜 as ～), not counted in ``replaced_characters``."""
    folded_rows: int = 0
    rules: dict[str, int] = field(default_factory=dict)
    ruled: int = 0
    conflicts: int = 0
    masks: dict[str, int] = field(default_factory=dict)
    decode_rows: int = 0
    undecodable_bytes: int = 0
    private_use_characters: int = 0
    decode_lines: tuple[int | str, ...] = ()
    decode_where: tuple[str, ...] = ()
    """The first of those rows named as the examples are (``line 3 (id 7)``); none in a state saved before."""
    formulas: CountedRows = field(default_factory=CountedRows)
    """CSV/TSV output: text cells Excel would read as formulas (escaped with ``excel_safe``)."""
    long_texts: CountedRows = field(default_factory=CountedRows)
    """CSV/TSV output: texts longer than an Excel cell holds."""
    numeric_ids: CountedRows = field(default_factory=CountedRows)
    """CSV/TSV output: ids Excel reads as numbers it does not show as written (``007``)."""

    def to_json(self) -> dict[str, Any]:
        """Return JSON-ready values, in the order of the fields (as ``state.json`` and the summary hold them), each
        :class:`CountedRows` as its keys (:data:`COUNTED_ROWS`); those, the CP932 folds and the rows not cleanly
        decoded named, only when there are some, so that a run without them saves the state earlier versions did."""
        only = {"folded_characters": self.folded_characters, "folded_rows": self.folded_characters}
        only |= {"decode_where": self.decode_rows}
        values: dict[str, Any] = {}
        for name, value in ((f.name, getattr(self, f.name)) for f in fields(self) if only.get(f.name, 1)):
            if name in COUNTED_ROWS:
                values |= COUNTED_ROWS[name].to_json(value) if value else {}
            else:
                values[name] = list(value) if isinstance(value, tuple) else value
        return values | {"examples": [e.to_dict() for e in self.examples]}

    @classmethod
    def from_json(cls, values: dict[str, Any]) -> Totals:
        """Read back what :meth:`to_json` wrote; a count a version before it did not save is 0 (none)."""
        known = {f.name: values[f.name] for f in fields(cls) if f.name in values}
        examples = tuple(RowProblem.from_dict(e) for e in values.get("examples", []))
        lists = {name: tuple(values.get(name, [])) for name in ("decode_lines", "decode_where")}
        counted = {name: keys.from_json(values) for name, keys in COUNTED_ROWS.items()}
        return cls(**known | {"examples": examples} | lists | counted)


@dataclass(frozen=True)
class Finished:
    """A run whose complete output is built: its size, what it could not hold, and whether the side file of bad
    lines of an earlier run is to be removed (``stale``). A run killed after that is completed by ``--resume``."""

    size: int
    losses: CellLosses
    stale: bool = False

    def to_json(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {"size": self.size, "losses": asdict(self.losses), "stale": self.stale}

    @classmethod
    def from_json(cls, values: dict[str, Any]) -> Finished:
        """Read back what :meth:`to_json` wrote."""
        return cls(int(values["size"]), CellLosses(**values["losses"]), bool(values.get("stale", False)))


@dataclass(frozen=True)
class ResumeState:
    """The point a run resumes from: where the input was left, the totals so far and, for Parquet/xlsx, the Arrow
    schema of the output (with the columns written as text); the partial folder adds the fingerprint of input,
    model, options and rules, the chunks saved, the bytes of the output and bad lines, and whether it is built."""

    position: Position
    totals: Totals
    schema: pa.Schema | None = None
    stringify: frozenset[str] = frozenset()
    fingerprint: dict[str, str | None] = field(default_factory=dict)
    chunks: int = 0
    output_bytes: int = 0
    bad_bytes: int = 0
    finished: Finished | None = None
    cut_short: bool | None = None
    """Whether the last chunk saved holds a record the file's end may have cut short (a CSV quote left open runs to
    it): rows appended to the input would carry that record on, so a resume from the input's end is refused;
    ``None`` in a state an earlier taikai saved, which did not tell."""
    read_lines: int | None = None
    """The lines of the input as the run read it when a bad record after the rows saved stopped it and they were
    kept (:meth:`~taikai.batch._workdir.WorkDir.keep_read`): once the record is fixed in place, the rows on them are
    read on from the rows saved, but were not appended since; ``None`` in any other state."""

    def to_json(self) -> dict[str, Any]:
        """Return the values of ``state.json``."""
        values: dict[str, Any] = {"position": self.position, "totals": self.totals.to_json()}
        if self.schema is not None:
            values["schema"] = base64.b64encode(self.schema.serialize().to_pybytes()).decode()
            values["stringify"] = sorted(self.stringify)
        values |= {
            "fingerprint": self.fingerprint,
            "chunks": self.chunks,
            "output_bytes": self.output_bytes,
            "bad_bytes": self.bad_bytes,
        }
        if self.finished is not None:
            values["finished"] = self.finished.to_json()
        if self.cut_short is not None:
            values["cut_short"] = self.cut_short
        if self.read_lines is not None:
            values["read_lines"] = self.read_lines
        return values

    @classmethod
    def from_json(cls, values: dict[str, Any]) -> ResumeState:
        """Read back the values of a ``state.json``, as this version or an earlier one wrote them."""
        schema = None
        if values.get("schema"):  # none for CSV, TSV and JSONL output
            import pyarrow as pa

            schema = pa.ipc.read_schema(pa.py_buffer(base64.b64decode(values["schema"])))
        finished = values.get("finished")
        return cls(
            position=dict(values["position"]),
            totals=Totals.from_json(values["totals"]),
            schema=schema,
            stringify=frozenset(values.get("stringify", [])),
            fingerprint=dict(values.get("fingerprint", {})),
            chunks=int(values["chunks"]),
            output_bytes=int(values["output_bytes"]),
            bad_bytes=int(values["bad_bytes"]),
            finished=Finished.from_json(finished) if finished else None,
            cut_short=None if values.get("cut_short") is None else bool(values["cut_short"]),
            read_lines=None if values.get("read_lines") is None else int(values["read_lines"]),
        )
