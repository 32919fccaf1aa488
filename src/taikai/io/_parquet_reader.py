"""Read a Parquet file chunk by chunk (xlsx sheets: :mod:`taikai.io._table_readers`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from taikai._repeated_header import HeaderRepeats
from taikai.errors import InputError
from taikai.io._export_lines import repeated_header_record
from taikai.io._json_lines import struct_fields
from taikai.io._line_problems import LineProblem
from taikai.io._records import BadLine, Chunk, Position, check_columns, check_path


class ParquetReader:
    """Read a Parquet file batch by batch; its schema is kept for Parquet output."""

    def __init__(self, path: Path):
        import pyarrow as pa
        import pyarrow.parquet as pq

        check_path(path)
        self.path = path
        try:
            self.file = pq.ParquetFile(path)
        except (pa.ArrowException, OSError) as exc:
            raise InputError(
                f"{path}: not a readable Parquet file ({exc}); write it again, or give the rows as CSV, JSONL or xlsx"
            ) from exc
        self.schema: Any = self.file.schema_arrow
        self.columns = check_columns(path, list(self.schema.names))
        self.total: int | None = self.file.metadata.num_rows
        self.nested = struct_fields(self.schema)
        """The fields of its struct columns (BigQuery's RECORD), each with its column, for a column not found."""
        self._binary = [j for j, f in enumerate(self.schema) if is_bytes(f.type)]
        """Columns of bytes: a tool that writes text without Parquet's UTF-8 mark (older Hive, Impala) makes them."""

    def chunks(self, chunk_size: int, position: Position | None = None) -> Iterator[Chunk]:
        """Yield chunks of up to *chunk_size* rows, skipping the rows a saved *position* has done; a part of the
        file that cannot be read (damaged, cut short) is an :class:`InputError` naming the rows it holds."""
        import pyarrow as pa

        skip = done = position["records"] if position else 0
        batches, read = self.file.iter_batches(batch_size=chunk_size), 0
        repeats_header = HeaderRepeats(self.columns)
        while True:
            try:
                batch = next(batches, None)
                if batch is None:
                    return
                read += batch.num_rows
                if skip >= batch.num_rows:
                    skip -= batch.num_rows
                    continue
                batch, skip = batch.slice(skip), 0
                data = [batch.column(j).to_pylist() for j in range(batch.num_columns)]
                for j in self._binary:
                    data[j] = [utf8_text(v) for v in data[j]]
            except (pa.ArrowException, OSError) as exc:
                raise InputError(
                    f"{self.path}: reading it stopped after {read:,} of its {self.total:,} rows ({_one_line(exc)}): "
                    "the file is damaged, or was cut short or changed while it was written; write it again"
                ) from exc
            data, bad = _header_rows(data, repeats_header, done)
            done += batch.num_rows
            rows = batch.num_rows - len(bad)
            yield Chunk(data, rows, bad, position={"records": done, "done": done})

    def first_header_record(self) -> BadLine | None:
        """Return the first record that repeats the header, as :meth:`chunks` sets it aside, else ``None``; found by
        reading the first column alone (:func:`_header_rows` looks no further in a row whose first cell names no
        column), the file read whole only when one of its cells does: the Dask engine, which reads Parquet with
        Dask, stops at it before any row is classified, as the local engine does (``on_bad_lines="error"``)."""
        import pyarrow as pa

        kind = self.schema.field(0).type if self.columns else None
        texts = kind is not None and (pa.types.is_string(kind) or pa.types.is_large_string(kind) or is_bytes(kind))
        if not (texts or pa.types.is_string_view(kind) or pa.types.is_dictionary(kind)):
            return None  # numbers, dates: no cell of the first column names a column
        names_a_column = HeaderRepeats(self.columns).names_a_column
        binary = 0 in self._binary
        for batch in self.file.iter_batches(columns=[self.columns[0]]):
            for value in batch.column(0).to_pylist():
                cell = utf8_text(value) if binary else value
                if type(cell) is str and names_a_column(cell):
                    return next((chunk.bad[0] for chunk in self.chunks(_SCAN_ROWS) if chunk.bad), None)
        return None


_SCAN_ROWS = 10_000
"""The rows read at a time when a file is read whole for the record that repeats its header."""


def header_record(path: Path) -> BadLine | None:
    """Return the first record of the Parquet file *path* that repeats its header, as its reader sets it aside (at
    its data row), else ``None`` (:meth:`ParquetReader.first_header_record`)."""
    return ParquetReader(path).first_header_record()


def _header_rows(
    data: list[list[Any]], repeats_header: HeaderRepeats, done: int
) -> tuple[list[list[Any]], list[BadLine]]:
    """Return the columns *data* of a batch, whose first row is the file's data row *done* + 1, without the rows
    that repeat the column names (two exports joined, read with the second header as a row, then written: no
    review), and those rows as bad records, each at its data row (1-based). Only a row whose first cell is a text
    naming a column is looked at whole (a header row fills every column with a text)."""
    first = data[0] if data else []
    rows = [i for i, v in enumerate(first) if type(v) is str and repeats_header.names_a_column(v)]
    rows = [i for i in rows if repeats_header.of_values([column[i] for column in data])]
    if not rows:
        return data, []
    bad = [
        BadLine(
            done + i + 1,
            repeated_header_record(done + i + 1),
            "\t".join(str(c[i]) for c in data),
            kind=LineProblem.REPEATED_HEADER_RECORD,
        )
        for i in rows
    ]
    gone = set(rows)
    return [[v for i, v in enumerate(column) if i not in gone] for column in data], bad


def _one_line(exc: BaseException) -> str:
    """Return Arrow's message *exc* on one line (``Couldn't deserialize thrift: …`` spans several)."""
    return " ".join(str(exc).split())


def is_bytes(kind: Any) -> bool:
    """Return whether the Arrow type *kind* holds bytes: binary, large, fixed-size (``binary(2)``) or a view. Each is
    read as the text it holds in UTF-8 (:func:`utf8_text`), so that a CSV, TSV, JSONL or xlsx output writes ``ab``,
    never Python's ``b'ab'``, whichever of them a tool wrote."""
    import pyarrow as pa

    return bool(
        pa.types.is_binary(kind)
        or pa.types.is_large_binary(kind)
        or pa.types.is_fixed_size_binary(kind)
        or pa.types.is_binary_view(kind)
    )


def utf8_text(value: bytes | None) -> str | bytes | None:
    """Return the bytes *value* of a binary Parquet column as the text they are in UTF-8, or as they are (a Parquet
    output writes either back as the same bytes): so both batch engines read such a column."""
    try:
        return value.decode("utf-8") if value is not None else None
    except UnicodeDecodeError:
        return value
