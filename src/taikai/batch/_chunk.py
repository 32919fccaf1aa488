"""What one chunk (local engine) or partition (Dask engine) of a batch run gives the summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from taikai._frame_rows import id_said, shown_id
from taikai.batch._counted import MAX_EXAMPLES, CountedRows
from taikai.io import BadLine, ExcelRisks, read_as_number
from taikai.text import Status


@dataclass(frozen=True)
class RowProblem:
    """A row that was not classified: where it is, its id, its status and why.

    ``row`` numbers it in the output (1-based; the Dask engine may say ``"3 of part.00001.csv"``); ``line`` is
    the input file line it starts on, where the reader knows it (CSV, TSV, JSONL; an xlsx sheet's row); ``file``
    names that file when the run read several (the Dask engine).
    """

    row: int | str
    id: str | None
    status: Status
    message: str
    line: int | None = None
    file: str | None = None

    def where(self) -> str:
        """Return where the row is, for the summary: its input file and line if known, else its output row."""
        place = f"line {self.line}" if self.line is not None else f"output row {self.row}"
        place = f"{self.file}:{self.line}" if self.file is not None and self.line is not None else place
        if self.id is None:  # the run has no id column
            return place
        return place + id_said(self.id)

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return asdict(self) | {"status": self.status.value}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> RowProblem:
        """Read back what :meth:`to_dict` wrote."""
        status, message = Status(values["status"]), values["message"]
        return cls(values["row"], values["id"], status, message, values.get("line"), values.get("file"))


@dataclass(frozen=True)
class ChunkResult:
    """The counts of one classified chunk, with its encoded output (``payload``) when the engine writes it later."""

    rows: int
    statuses: dict[str, int]
    reasons: dict[str, int]
    sentiments: dict[str, int]
    examples: tuple[RowProblem, ...] = ()
    replaced: int = 0
    payload: bytes = field(default=b"", repr=False)
    rules: dict[str, int] = field(default_factory=dict)
    ruled: int = 0
    conflicts: int = 0
    masks: dict[str, int] = field(default_factory=dict)
    notes: tuple[Any, ...] = ()
    """A ``DecodeNote`` for each row that did not decode cleanly, when the engine reads them with the rows (Dask)."""
    blank: int = 0
    """The blank lines passed over reading the rows, when the engine reads them with the rows (Dask)."""
    bad: tuple[tuple[int, BadLine], ...] = ()
    """The malformed records set aside reading the rows (``on_bad_lines="report"``), each with the index of its
    input file, when the engine reads them with the rows (Dask): written to the run's one side file at its end."""
    folded: int = 0
    """Characters a CP932 output holds as others (〜 as ～: :data:`taikai.text.CP932_FOLDS`)."""
    folded_rows: int = 0
    """Rows holding such a character."""
    unheld: CountedRows = field(default_factory=CountedRows)
    """Rows holding a character the output's encoding cannot hold (written as ``?``: ``replaced``)."""
    formulas: CountedRows = field(default_factory=CountedRows)
    """CSV/TSV output: text cells Excel would read as formulas (escaped with ``excel_safe``), and their rows."""
    long_texts: CountedRows = field(default_factory=CountedRows)
    """CSV/TSV output: texts longer than an Excel cell holds (32,767 characters), which Excel cuts."""
    numeric_ids: CountedRows = field(default_factory=CountedRows)
    """CSV/TSV output: ids Excel reads as numbers it does not show as written (``007``, 16 digits or more)."""
    decode_where: tuple[str, ...] = ()
    """The first rows that did not decode cleanly, named as the examples are (``line 3 (id 7)``)."""


def chunk_result(
    statuses: Sequence[str],
    messages: Sequence[str],
    reasons: Sequence[str | None],
    sentiments: Sequence[str | None],
    ids: Sequence[object] | None,
    row_name: Callable[[int], int | str],
    replaced: int = 0,
    payload: bytes = b"",
    rule_names: Sequence[object] | None = None,
    rule_conflicts: Sequence[object] | None = None,
    masks: Mapping[str, int] | None = None,
    lines: Sequence[int] | None = None,
    files: Sequence[str] | None = None,
    risks: ExcelRisks | None = None,
    unheld: Sequence[int] = (),
    excel_ids: bool = False,
    decoded: Sequence[int] = (),
) -> ChunkResult:
    """Count one chunk's output columns; *row_name(i)* names its row *i* in the summary's examples.

    *lines* (when the reader knows them) are the input file lines the rows start on, and *files* the input files
    they are in (when there are several): the examples keep them.

    With rules, *rule_names* (``|``-joined cells) and *rule_conflicts* count hits per rule and conflicts.
    *masks* counts the personal data masked in the chunk, per kind (``PiiKind`` value). *risks* are the text cells
    of CSV/TSV output Excel would not show as written (formulas, texts too long for a cell), with their rows;
    *unheld* the rows (0-based) holding a character the output's encoding cannot hold (some of the *replaced*).
    *excel_ids* (CSV/TSV output): the *ids* Excel would read as numbers are counted (:func:`taikai.io.read_as_number`).
    *decoded* are the rows (0-based, in order) that did not decode cleanly, named in ``decode_where``.
    """
    risks = risks or ExcelRisks()
    numbers = [i for i, v in enumerate(ids) if read_as_number(v)] if excel_ids and ids is not None else []
    fired = [cell for cell in rule_names or () if isinstance(cell, str) and cell]

    def where(i: int) -> str:
        """Name the row *i* as an example does."""
        who = None if ids is None else shown_id(ids[i])
        line, file = lines[i] if lines else None, files[i] if files else None
        return RowProblem(row_name(i), who, Status.OK, "", line, file).where()

    examples = []
    ok = Status.OK.value  # looked up once: an enum member's value is a property, run per row here
    for i, status in enumerate(statuses):
        if status != ok:
            who = None if ids is None else shown_id(ids[i])
            line, file = lines[i] if lines else None, files[i] if files else None
            examples.append(RowProblem(row_name(i), who, Status(status), messages[i], line, file))
            if len(examples) == MAX_EXAMPLES:
                break
    return ChunkResult(
        rows=len(statuses),
        statuses=dict(Counter(statuses)),
        reasons=dict(Counter(r for r in reasons if isinstance(r, str) and r)),
        sentiments=dict(Counter(s for s in sentiments if isinstance(s, str) and s)),
        examples=tuple(examples),
        replaced=replaced,
        payload=payload,
        rules=dict(Counter(n for cell in fired for n in cell.split("|"))),
        ruled=len(fired),
        conflicts=sum(c is True for c in rule_conflicts or ()),
        masks={kind: n for kind, n in (masks or {}).items() if n},
        unheld=CountedRows.of(unheld, where),
        formulas=CountedRows.of(risks.formula_rows, where, risks.formula_cells),
        long_texts=CountedRows.of(risks.long_rows, where, risks.long_cells),
        numeric_ids=CountedRows.of(numbers, where),
        decode_where=tuple(map(where, decoded[:MAX_EXAMPLES])),
    )
