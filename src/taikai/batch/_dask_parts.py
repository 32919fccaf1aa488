"""Write one classified partition of the Dask engine as a part file, and count it for the summary.

A row whose bytes did not all decode cleanly (``--encoding-errors replace``, CP932's private-use characters) gets
the same message as in a local run, and is counted in the summary the same way: the reader marks such rows in
columns of its own (:data:`~taikai.batch._dask_text_files.NOTE_COLUMNS`), which are never written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import taikai.io as tio
from taikai.batch._chunk import ChunkResult, chunk_result
from taikai.batch._counted import COUNTED_ROWS
from taikai.batch._dask_bad_lines import set_aside_in
from taikai.batch._dask_cells import RAW_PREFIX, as_read
from taikai.batch._dask_engine import MASK_COUNT_COLUMNS
from taikai.batch._dask_parquet import byte_columns
from taikai.batch._dask_text_files import (
    BLANK_COLUMN,
    ENCODING_COLUMN,
    FILE_COLUMN,
    LINE_COLUMN,
    PRIVATE_USE_COLUMN,
    UNDECODABLE_COLUMN,
)
from taikai.io import DecodeNote, OutputSpec
from taikai.text import CP932Folds

ROW_COLUMN = "row"
"""The column of 0-based input row numbers added when no ``--id-column`` names the rows."""


def noted(part: pd.DataFrame, message: str, files: Sequence[str] = ()) -> tuple[pd.DataFrame, list[DecodeNote]]:
    """Return *part* with the *message* column of its rows that did not decode cleanly saying so (as the local
    engine says it), and a :class:`~taikai.io.DecodeNote` for each such row, in order, naming its file of the input
    *files* (which :data:`FILE_COLUMN` numbers), if given: of a folder's files, a line alone does not say which."""
    if UNDECODABLE_COLUMN not in part.columns:
        return part, []
    replaced = part[UNDECODABLE_COLUMN].to_numpy("int64")
    private = part[PRIVATE_USE_COLUMN].to_numpy("int64")
    rows = np.flatnonzero((replaced > 0) | (private > 0))
    if not len(rows):
        return part, []
    lines, encodings = part[LINE_COLUMN].tolist(), part[ENCODING_COLUMN].tolist()
    numbers: list[Any] = part[FILE_COLUMN].tolist() if files and FILE_COLUMN in part.columns else [None] * len(part)
    notes = [
        DecodeNote(
            int(lines[i]) if pd.notna(lines[i]) else 0,
            str(encodings[i]),
            int(replaced[i]),
            int(private[i]),
            files[int(numbers[i])] if numbers[i] is not None and pd.notna(numbers[i]) else None,
        )
        for i in rows
    ]
    messages = part[message].tolist()
    for i, note in zip(rows, notes, strict=True):
        said = messages[i] if isinstance(messages[i], str) else ""
        messages[i] = f"{said}; {note.message()}" if said else note.message()
    return part.assign(**{message: pd.Series(messages, index=part.index, dtype=part[message].dtype)}), notes


def arrow_table(frame: pd.DataFrame, schema: pa.Schema) -> pa.Table:
    """Return *frame* as a table of *schema*, its ``object`` columns (the masked text column; JSONL text read as
    written, Parquet bytes read as text) made of their cells in the schema's type, as a local run makes them: Arrow
    reads a map's masked cells, lists of (key, value) tuples, as lists of lists, which it cannot cast to a map, and
    a pandas Timestamp's nanoseconds as 0, unless it is told the type. A NaN cell there is null: a missing text."""
    objects = [j for j, f in enumerate(schema) if frame[f.name].dtype == object]
    names = [f.name for j, f in enumerate(schema) if j not in objects]
    table = pa.Table.from_pandas(frame[names], preserve_index=False)
    for j in objects:
        f = schema.field(j)
        table = table.add_column(j, f.name, pa.array(frame[f.name], type=f.type, from_pandas=True))
    return table.cast(schema)


def _save(
    table: pa.Table, own: dict[str, list[Any]], spec: OutputSpec, path: Path
) -> tuple[int, CP932Folds, tio.ExcelRisks | None, tuple[int, ...]]:
    """Write *table* (its text columns *own* as they were read) to *path* via a temporary name; return the
    characters the output's encoding could not hold, those CP932 holds as others, the cells Excel would read as
    formulas or cut (CSV/TSV), and the rows holding a character the encoding could not hold."""
    tmp, replaced, folds = path.with_name(f".{path.name}.{os.getpid()}.tmp"), 0, CP932Folds()
    risks: tio.ExcelRisks | None = None
    unheld: tuple[int, ...] = ()
    if spec.is_stream:
        data = [
            own[name] if name in own else column.to_pylist() for name, column in zip(table.column_names, table.columns)
        ]
        payload, replaced, folds, risks = tio.encode_stream(spec, data, first=True)
        unheld = tio.unheld_rows(data, spec.encoding) if replaced else ()
        tmp.write_bytes(payload)
    else:
        pq.write_table(table, tmp)
    os.replace(tmp, path)
    return replaced, folds, risks, unheld


def name_parts(result: ChunkResult, start: int) -> ChunkResult:
    """Return *result* with the rows its examples and its lists of rows (:data:`COUNTED_ROWS`, ``decode_where``)
    name as ``N of part.K`` (:func:`write_part`, whose partition's place in the output was not known) numbered
    over the whole output, as a local run numbers them: *start* rows come before the partition's
    (``output row 1 of part.00005.parquet`` is ``output row 3`` when two rows are before it)."""

    def named(row: int | str) -> int | str:
        if not isinstance(row, str):  # numbered over the whole output already (a run without --id-column)
            return row
        number, of, _ = row.partition(" of ")
        return start + int(number) if of and number.isdigit() else row

    def where(said: str) -> str:  # "output row 1 of part.00005.csv (id 7)": the place, then the id
        place, then, who = said.partition(" (")
        head, row, number = place.rpartition("output row ")
        return f"{head}{row}{named(number)}{then}{who}" if row and not head else said

    counted = {kind: getattr(result, kind) for kind in COUNTED_ROWS}
    renamed = {kind: replace(rows, where=tuple(map(where, rows.where))) for kind, rows in counted.items() if rows}
    examples = tuple(replace(e, row=named(e.row)) for e in result.examples)
    return replace(result, examples=examples, decode_where=tuple(map(where, result.decode_where)), **renamed)


def write_part(
    part: pd.DataFrame,
    path: Path,
    spec: OutputSpec,
    offset: int | None,
    id_column: str | None,
    ruled: bool = False,
    prefix: str = "",
    files: Sequence[str] = (),
    first: bool = True,
) -> ChunkResult:
    """Write one classified partition to *path* (via a temporary name) and return its counts.

    The probabilities of a row not classified are null (as the local batch writes them). *ruled* says that rules
    added their columns (else an input column may be named like one); *prefix* is the one before the names of the
    model's columns. *files* are the input files that :data:`FILE_COLUMN` numbers: the summary
    names a row by its file and line where the partition has them, by its line alone when none are given (a file
    named alone: :meth:`~taikai.batch._dask_listing.InputFiles.named`). A row that did not decode cleanly says so in
    its message, and the result's ``notes`` hold one :class:`~taikai.io.DecodeNote` for each. An empty partition
    is written only when it is the *first* (so that an input of no rows gives one part of no rows, with the columns).
    """
    part, notes = noted(part, prefix + "message", files)
    flagged = part[UNDECODABLE_COLUMN].gt(0) | part[PRIVATE_USE_COLUMN].gt(0) if notes else None  # noted's rows
    decoded: list[int] = [] if flagged is None else np.flatnonzero(flagged.to_numpy()).tolist()
    if offset is not None:
        part = part.copy(deep=False)
        part.insert(0, ROW_COLUMN, np.arange(offset, offset + len(part), dtype="int64"))
    assert spec.schema is not None
    mixed = [f.name for f in spec.schema if f.type == pa.string() and part[f.name].dtype == object]  # JSONL text
    own = {c: part[c].where(part[c].notna(), None).tolist() for c in mixed}  # CSV and JSONL write them as local
    part = part.assign(**{c: tio.text_cells(values) for c, values in own.items()}) if own else part
    written = part[list(spec.schema.names)]  # not the hidden columns: Arrow would refuse a RAW_PREFIX one's mix
    # null, not NaN, for the probabilities of a row not classified: as the local batch writes them
    table = arrow_table(written, spec.schema)
    if spec.is_stream:  # a JSONL int among floats, or a number among text, is written as read, as a local run does
        own |= {
            f.name: as_read(table, f.name, part[RAW_PREFIX + f.name])
            for f in spec.schema
            if RAW_PREFIX + f.name in part
        }
        # a Parquet column of bytes, read as text where they are UTF-8 (texts_of_bytes): text and bytes as a local run
        own |= {c: part[c].where(part[c].notna(), None).tolist() for c in byte_columns(spec.schema)}
    saved = _save(table, own, spec, path) if len(part) or first else (0, CP932Folds(), None, ())
    replaced, folds, risks, unheld = saved
    bad, bad_masks = set_aside_in(part)  # counted with the rows' masks, as the local engine counts them
    masks = {kind.value: int(part[c].sum()) for kind, c in MASK_COUNT_COLUMNS.items() if c in part.columns}
    masks = {kind: masks.get(kind, 0) + bad_masks.get(kind, 0) for kind in {**masks, **bad_masks}}
    row_name: Callable[[int], int | str] = (
        (lambda i: offset + i + 1) if offset is not None else (lambda i: f"{i + 1} of {path.name}")
    )
    located = LINE_COLUMN in part.columns and bool(part[LINE_COLUMN].notna().all())
    result = chunk_result(
        part[prefix + "status"].tolist(),
        part[prefix + "message"].tolist(),
        part[prefix + "reason"].tolist(),
        part[prefix + "sentiment"].tolist(),
        part[id_column].tolist() if id_column else None,
        row_name,
        replaced,
        rule_names=part[prefix + "rule_names"].tolist() if ruled else None,
        rule_conflicts=part[prefix + "rule_conflict"].fillna(False).astype(bool).tolist() if ruled else None,
        masks=masks,
        lines=[int(n) for n in part[LINE_COLUMN]] if located else None,
        files=[files[k] for k in part[FILE_COLUMN]] if located and files else None,
        risks=risks,
        unheld=unheld,
        excel_ids=spec.fmt in ("csv", "tsv"),
        decoded=decoded,
    )
    blank = int(part[BLANK_COLUMN].sum()) if BLANK_COLUMN in part.columns else 0
    result = replace(result, notes=tuple(notes), blank=blank, bad=bad)
    return replace(result, folded=folds.characters, folded_rows=folds.rows)
