"""Read a Parquet file chunk by chunk (xlsx sheets: :mod:`taikai.io._table_readers`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from taikai.errors import InputError
from taikai.io._json_lines import struct_fields
from taikai.io._records import Chunk, Position, check_columns, check_path


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
            done += batch.num_rows
            yield Chunk(data, batch.num_rows, position={"records": done, "done": done})


def _one_line(exc: BaseException) -> str:
    """Return Arrow's message *exc* on one line (``Couldn't deserialize thrift: …`` spans several)."""
    return " ".join(str(exc).split())


def is_bytes(kind: Any) -> bool:
    """Whether the Arrow type *kind* holds bytes: binary, large, fixed-size (``binary(2)``) or a view. Each is read
    as the text it holds in UTF-8 (:func:`utf8_text`), so that a CSV, TSV, JSONL or xlsx output writes ``ab``, never
    Python's ``b'ab'``, whichever of them a tool wrote."""
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
