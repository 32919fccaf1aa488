"""Run ``taikai batch --engine dask``: read Parquet or a glob of CSV/TSV/JSONL files, classify, write parts.

The output is a directory of ``part.NNNNN.parquet`` (or ``.csv``/``.tsv``/``.jsonl``) files, one per partition,
in input order, with a ``_taikai.json`` manifest. It is written into ``OUTPUT.taikai-dask-partial`` and renamed
into place when complete. Parts have fixed names, so a task that Dask runs again after a worker died rewrites
its part instead of adding one: no row is lost or written twice.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import time
from collections import Counter
from pathlib import Path

import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from taikai import __version__
from taikai.batch import _output_encoding, output_types
from taikai.dask import classify, model_key, resolve_model
from taikai.errors import InputError
from taikai.formats import format_of, open_reader
from taikai.summary import MAX_EXAMPLES, BatchSummary
from taikai.writers import OutputSpec, encode_stream, encode_table, infer_schema

ROW_COLUMN = "row"
"""The column of 0-based input row numbers added when no ``--id-column`` names the rows."""
MANIFEST = "_taikai.json"
PARTIAL = ".taikai-dask-partial"
OUTPUT_FORMATS = ("parquet", "csv", "tsv", "jsonl")
_READ_ROWS = 50_000


def input_files(pattern: str | Path, input_format: str | None = None) -> tuple[list[Path], str]:
    """Return the files a directory or glob names, in sorted order, and their one format."""
    root = Path(pattern)
    if root.is_dir():
        files = sorted(p.absolute() for p in root.rglob("*") if p.is_file() and not p.name.startswith(("_", ".")))
    else:
        files = sorted(Path(p).absolute() for p in glob.glob(str(pattern), recursive=True) if Path(p).is_file())
    if not files:
        raise InputError(f"{pattern}: no file matches; give a directory, a file or a quoted glob like 'dump/*.csv'")
    formats = {format_of(p, input_format, "--input-format") for p in files}
    if len(formats) > 1:
        raise InputError(f"{pattern}: the files mix formats {sorted(formats)}; give files of one format")
    fmt = formats.pop()
    if fmt == "xlsx":
        raise InputError("the Dask engine reads Parquet, CSV, TSV and JSONL; use the local engine for xlsx")
    return files, fmt


def _read_text_file(path: Path, fmt: str, encoding: str | None, schema: pa.Schema, stringify) -> pd.DataFrame:
    """Read one CSV/TSV/JSONL file with taikai's reader into a frame of Arrow-typed columns."""
    reader = open_reader(path, fmt, encoding)
    if reader.columns != schema.names:
        raise InputError(f"{path}: the columns {reader.columns} differ from those of the first file {schema.names}")
    spec, tables, rows = OutputSpec("parquet", tuple(schema.names), schema=schema, stringify=stringify), [], 0
    for chunk in reader.chunks(_READ_ROWS):
        if chunk.bad:
            b = chunk.bad[0]
            raise InputError(
                f"{path}:{b.line}: malformed record ({b.error}): {b.raw[:80]!r}; the Dask engine stops at such "
                "lines: fix them, or run the local engine with --on-bad-lines report to set them aside"
            )
        tables.append(pa.ipc.open_stream(encode_table(spec, chunk.data, rows, str(path))).read_all())
        rows += chunk.rows
    table = pa.concat_tables(tables) if tables else schema.empty_table()
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def read_input(pattern, input_format: str | None = None, encoding: str | None = None):
    """Return the input as a Dask DataFrame (one partition per text file) and the Arrow schema of its columns."""
    files, fmt = input_files(pattern, input_format)
    if fmt == "parquet":
        if encoding:
            raise InputError("--encoding applies to CSV, TSV and JSONL input, not to parquet")
        source = str(Path(pattern).absolute()) if Path(pattern).is_dir() else [str(f) for f in files]
        ddf = dd.read_parquet(source, dtype_backend="pyarrow", index=False)
        # The files' own types (string stays string), as the local batch keeps them; hive keys from the frame.
        found, framed = pq.read_schema(files[0]), pa.Schema.from_pandas(ddf._meta, preserve_index=False)
        return ddf, pa.schema([(found if c in found.names else framed).field(c) for c in ddf.columns])
    first = open_reader(files[0], fmt, encoding)
    schema, stringify = pa.schema([(c, pa.string()) for c in first.columns]), frozenset()
    if fmt == "jsonl":
        chunk = next(first.chunks(1000), None)
        if chunk is not None and chunk.rows:
            schema, stringify = infer_schema(first.columns, chunk.data, None, {})
    meta = schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    ddf = dd.from_map(
        _read_text_file,
        files,
        fmt=fmt,
        encoding=encoding,
        schema=schema,
        stringify=stringify,
        meta=meta,
        enforce_metadata=False,
    )
    return ddf, schema


def _write_part(
    part: pd.DataFrame, path: Path, spec: OutputSpec, offset: int | None, id_column: str | None, proba: frozenset[str]
) -> dict:
    """Write one classified partition to *path* (via a temporary name) and return its counts.

    *proba* names the model's probability columns (an input column may look like one: ``p_score``).
    """
    if offset is not None:
        part = part.copy(deep=False)
        part.insert(0, ROW_COLUMN, np.arange(offset, offset + len(part), dtype="int64"))
    table = pa.Table.from_pandas(part, preserve_index=False).select(spec.schema.names).cast(spec.schema)
    for j, f in enumerate(spec.schema):
        if f.name in proba:  # NaN, not null, for rows without probabilities: as the local batch writes
            table = table.set_column(j, f, pa.array(part[f.name].to_numpy("float64"), type=pa.float64()))
    tmp, replaced = path.with_name(f".{path.name}.{os.getpid()}.tmp"), 0
    if spec.is_stream:
        data = [column.to_pylist() for column in table.columns]
        payload, replaced = encode_stream(spec, data, first=True)
        tmp.write_bytes(payload)
    else:
        pq.write_table(table, tmp)
    os.replace(tmp, path)
    status, ids = part["status"].tolist(), part[id_column].tolist() if id_column else None
    examples = [
        {
            "row": offset + i + 1 if offset is not None else f"{i + 1} of {path.name}",
            "id": None if ids is None else str(ids[i]),
            "status": s,
            "message": part["message"].iat[i],
        }
        for i, s in enumerate(status)
        if s != "ok"
    ][:MAX_EXAMPLES]
    return {
        "rows": len(part),
        "replaced": replaced,
        "statuses": Counter(status),
        "examples": examples,
        "reasons": Counter(part["reason"].dropna().tolist()),
        "sentiments": Counter(part["sentiment"].dropna().tolist()),
    }


def _check_output(output: Path) -> None:
    if not output.parent.is_dir():
        raise InputError(f"{output}: the directory {output.parent} does not exist; create it first")
    if output.is_file() or (output.is_dir() and any(output.iterdir()) and not (output / MANIFEST).exists()):
        raise InputError(f"{output}: exists and is not a taikai output directory; choose a new or empty directory")


def _move_into_place(tmp: Path, output: Path) -> None:
    """Rename the finished *tmp* directory to *output*, replacing an earlier taikai output there."""
    old = output.with_name(output.name + ".taikai-old")
    if output.exists():
        shutil.rmtree(old, ignore_errors=True)
        os.replace(output, old)
    os.replace(tmp, output)
    shutil.rmtree(old, ignore_errors=True)


def _connect(scheduler: str | None):
    """Return a client of the scheduler at *scheduler*, or of a new local cluster sized to this machine."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, set_as_default=False), None
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from exc
    cluster = LocalCluster(
        n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    return Client(cluster, set_as_default=False), cluster


def classify_files(
    input,
    output,
    text_column: str,
    id_column: str | None = None,
    model=None,
    scheduler: str | None = None,
    client=None,
    partitions: int | None = None,
    input_format: str | None = None,
    output_format: str | None = None,
    encoding: str | None = None,
    output_encoding: str | None = None,
    progress: bool = False,
    prepare=None,
) -> BatchSummary:
    """Classify every row of the files *input* names into the directory *output* on a Dask cluster.

    Uses *client*, else the scheduler at *scheduler*, else a local cluster (one process per core). Without
    *id_column* a ``row`` column numbers the input rows. *prepare* maps the input Dask DataFrame before
    classification (tests slow it down). Returns the same summary as the local batch.
    """
    output, started = Path(output), time.monotonic()
    fmt = (output_format or "parquet").lower()
    if fmt not in OUTPUT_FORMATS:
        raise InputError(f"the Dask engine writes {', '.join(OUTPUT_FORMATS)}, not {fmt}")
    out_encoding = _output_encoding(fmt, output_encoding)
    _check_output(output)
    ddf, schema = read_input(input, input_format, encoding)
    for option, name in (("--text-column", text_column), ("--id-column", id_column)):
        if name is not None and name not in ddf.columns:
            raise InputError(f"{input}: no column {name!r}; the columns are {list(ddf.columns)}; give it to {option}")
    if id_column is None and ROW_COLUMN in ddf.columns:
        raise InputError(f"{input}: has a column {ROW_COLUMN!r}; name the rows' id column with --id-column")
    model = resolve_model(model)
    fields = [*([pa.field(ROW_COLUMN, pa.int64())] if id_column is None else []), *schema]
    added = [pa.field(c, t) for c, t in output_types(model).items()]
    spec = OutputSpec(fmt, tuple(f.name for f in (*fields, *added)), out_encoding, pa.schema([*fields, *added]))
    own = None
    if client is None:
        client, own = _connect(scheduler)
    tmp, futures = output.absolute().with_name(output.name + PARTIAL), []
    try:
        nthreads = sum(client.nthreads().values()) or 1
        if partitions or ddf.npartitions < 2 * nthreads:
            ddf = ddf.repartition(npartitions=partitions or 2 * nthreads)
        if prepare is not None:
            ddf = prepare(ddf)
        offsets = [None] * ddf.npartitions
        if id_column is None:
            lengths = client.compute(ddf.map_partitions(len)).result()
            offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(int).tolist()
        result = classify(ddf, text_column, model, client=client)
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        from dask import delayed

        names = [tmp / f"part.{k:05d}.{fmt}" for k in range(result.npartitions)]
        proba = frozenset(model.proba_columns())
        tasks = [
            delayed(_write_part)(part, name, spec, offset, id_column, proba)
            for part, name, offset in zip(result.to_delayed(), names, offsets, strict=True)
        ]
        futures = client.compute(tasks)
        if progress:
            from distributed import progress as show_progress

            show_progress(futures)
        counts = client.gather(futures)
        summary = BatchSummary(str(input), str(output))
        for c in counts:
            summary.add(c["rows"], c, 0, 0)
        for stray in tmp.glob(".*.tmp"):  # left by a worker killed while writing; its task was run again
            stray.unlink()
        manifest = {
            "taikai": __version__,
            "rows": summary.rows,
            "format": fmt,
            "columns": list(spec.columns),
            "parts": [n.name for n in names],
            "model": model_key(model),
            "statuses": summary.statuses,
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        _move_into_place(tmp, output)
    except BaseException:
        client.cancel(futures)  # a client given by the caller would otherwise keep running them
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if own is not None:
            client.close()
            own.close()
    summary.seconds = time.monotonic() - started
    return summary
