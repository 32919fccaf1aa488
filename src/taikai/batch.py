"""Classify a whole review dump: stream it chunk by chunk through one or more worker processes, losing no row."""

from __future__ import annotations

import base64
import json
import multiprocessing
import os
import signal
import time
from collections import Counter, deque
from pathlib import Path

import pyarrow as pa

from taikai import __version__
from taikai.errors import InputError, TaikaiError
from taikai.formats import Chunk, format_of, open_reader
from taikai.io import resolve_encoding
from taikai.labels import format_reasons
from taikai.partial import Progress, WorkDir, input_fingerprint
from taikai.summary import MAX_EXAMPLES, BatchSummary
from taikai.writers import OUTPUT_ENCODINGS, OutputSpec, bad_lines_csv, encode_stream, encode_table, infer_schema

DEFAULT_CHUNK_SIZE = 5000
ON_BAD_LINES = ("error", "report")


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped a run; the partial output is kept for ``--resume``."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


_worker: dict = {}


def _init_worker(model, text_index: int, id_index: int | None, source: str) -> None:
    """Keep the model (inherited by fork, or unpickled once) in this worker; leave Ctrl-C to the main process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(model=model, text=text_index, id=id_index, source=source)


def _run_chunk(spec: OutputSpec, index: int, data: list[list], row_start: int) -> dict:
    """Classify one chunk and encode it; return the payload with the chunk's counts."""
    model = _worker["model"]
    cols = model._classify(data[_worker["text"]])
    cols["reasons"] = [format_reasons(r) if r else None for r in cols["reasons"]]
    out = [*data, *(v.tolist() if hasattr(v, "tolist") else v for v in (cols[c] for c in model.output_columns()))]
    if spec.is_stream:
        payload, replaced = encode_stream(spec, out, first=index == 1)
    else:
        payload, replaced = encode_table(spec, out, row_start, _worker["source"]), 0
    statuses = cols["status"]
    ids = data[_worker["id"]] if _worker["id"] is not None else None
    examples = [
        {"row": row_start + i + 1, "id": None if ids is None else str(ids[i]), "status": s, "message": message}
        for i, (s, message) in enumerate(zip(statuses, cols["message"], strict=True))
        if s != "ok"
    ][:MAX_EXAMPLES]
    return {
        "payload": payload,
        "replaced": replaced,
        "statuses": Counter(statuses),
        "reasons": Counter(r for r in cols["reason"] if r),
        "sentiments": Counter(s for s in cols["sentiment"] if s),
        "examples": examples,
    }


def _at_least_one(chunks, width: int):
    """Yield *chunks*, or one empty chunk when there is none (so a header-only input still gets a header)."""
    empty = True
    for chunk in chunks:
        empty = False
        yield chunk
    if empty:
        yield Chunk([[] for _ in range(width)], 0)


def _output_encoding(fmt: str, given: str | None) -> str:
    enc = resolve_encoding(given, "--output-encoding") if given else "utf-8"
    if fmt in ("csv", "tsv"):
        if enc not in OUTPUT_ENCODINGS:
            raise InputError(f"output encoding {given!r} is not supported; choose {', '.join(OUTPUT_ENCODINGS)}")
        return enc
    if enc != "utf-8":
        raise InputError(f"--output-encoding applies to CSV and TSV output; {fmt} output is always Unicode")
    return enc


def output_types(model) -> dict[str, pa.DataType]:
    """Return the Arrow type of each column the model adds: float64 probabilities, strings otherwise."""
    proba = set(model.proba_columns())
    return {c: pa.float64() if c in proba else pa.string() for c in model.output_columns()}


def _pool(model, jobs: int, text_index: int, id_index: int | None, source: str):
    """Start *jobs* workers now, before reading starts threads: fork shares the loaded model (spawn elsewhere)."""
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(
        jobs,
        multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(model, text_index, id_index, source),
    )
    for future in [pool.submit(os.getpid) for _ in range(jobs)]:
        future.result()
    return pool


def classify_file(
    input: str | Path,
    output: str | Path,
    text_column: str,
    id_column: str | None = None,
    model=None,
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    resume: bool = False,
    encoding: str | None = None,
    output_encoding: str | None = None,
    input_format: str | None = None,
    output_format: str | None = None,
    sheet: str | None = None,
    on_bad_lines: str = "error",
    progress: bool = False,
    on_chunk=None,
) -> BatchSummary:
    """Classify every row of *input* into *output*: its columns in order plus the model's, one row per row.

    *model* is a :class:`~taikai.Model`, a model directory, or ``None`` for the default model. ``jobs`` worker
    processes (0: one per core) give the same output as one. The output appears only when complete; an
    interrupted run continues with ``resume=True``. ``on_chunk(k)`` is called after chunk *k* is saved.
    """
    input, output = Path(input), Path(output)
    in_fmt = format_of(input, input_format, "--input-format")
    out_fmt = format_of(output, output_format, "--output-format")
    if on_bad_lines not in ON_BAD_LINES:
        raise InputError(f"on_bad_lines must be one of {ON_BAD_LINES}, not {on_bad_lines!r}")
    if chunk_size < 1:
        raise InputError("the chunk size must be at least 1 row")
    jobs = jobs or os.cpu_count() or 1
    out_encoding = _output_encoding(out_fmt, output_encoding)
    if not output.parent.is_dir():
        raise InputError(f"{output}: the directory {output.parent} does not exist; create it first")
    if input.exists() and output.exists() and output.samefile(input):
        raise InputError(f"{output}: the output would overwrite the input; choose another output file")
    reader = open_reader(input, in_fmt, encoding, sheet)
    columns = reader.columns
    for option, name in (("--text-column", text_column), ("--id-column", id_column)):
        if name is not None and name not in columns:
            raise InputError(f"{input}: no column {name!r}; the columns are {columns}; give the right one to {option}")
    from taikai.model import model_key, resolve_model

    model = resolve_model(model)
    clash = [c for c in model.output_columns() if c in columns]
    if clash:
        raise InputError(f"{input}: already has output column(s) {clash}; rename or drop them first")
    from taikai.tables import XLSX_MAX_ROWS, write_parquet, write_xlsx

    xlsx_rows = XLSX_MAX_ROWS - 1
    if out_fmt == "xlsx" and in_fmt in ("parquet", "xlsx") and (reader.total or 0) > xlsx_rows:
        raise InputError(
            f"{input}: {reader.total:,} rows do not fit in one xlsx sheet ({xlsx_rows:,} at most); "
            "write CSV or Parquet output instead"
        )
    options = {
        "text_column": text_column,
        "id_column": id_column,
        "chunk_size": chunk_size,
        "input_format": in_fmt,
        "encoding": getattr(reader, "encoding", None),
        "sheet": sheet,
        "output_format": out_fmt,
        "output_encoding": out_encoding,
        "on_bad_lines": on_bad_lines,
        "taikai": __version__,
    }
    fingerprint = {
        "input": input_fingerprint(input),
        "model": model_key(model),
        "options": json.dumps(options, sort_keys=True),
    }
    work = WorkDir(output, table=out_fmt in ("parquet", "xlsx"))
    state = work.open(fingerprint, resume)
    summary = BatchSummary.from_totals(input, output, state["totals"] if state else None)
    bad_output = output.with_name(output.stem + ".bad_lines.csv") if on_bad_lines == "report" else None
    summary.bad_lines_file = str(bad_output) if bad_output else None
    added = output_types(model)
    all_columns = (*columns, *model.output_columns())
    spec = None
    if state and state.get("schema"):
        schema = pa.ipc.read_schema(pa.py_buffer(base64.b64decode(state["schema"])))
        spec = OutputSpec(out_fmt, all_columns, out_encoding, schema, frozenset(state["stringify"]))
    elif out_fmt in ("csv", "tsv", "jsonl"):
        spec = OutputSpec(out_fmt, all_columns, out_encoding)
    text_index, id_index = columns.index(text_column), columns.index(id_column) if id_column else None
    bar = Progress(reader.total, progress, base=state["position"]["done"] if state else 0)
    started, index, pool, pending = time.monotonic(), state["chunks"] if state else 0, None, deque()

    def commit(result: dict, meta: tuple) -> None:
        k, rows, bad, blank, position = meta
        summary.add(rows, result, len(bad), blank)
        bad_bytes = bad_lines_csv(bad, first=k == 1) if bad_output else b""
        extra = {}
        if spec.schema is not None:
            extra = {
                "schema": base64.b64encode(spec.schema.serialize().to_pybytes()).decode(),
                "stringify": sorted(spec.stringify),
            }
        work.commit(k, result["payload"], bad_bytes, {"position": position, "totals": summary.totals(), **extra})
        bar.update(summary.rows - summary.resumed_rows, position.get("done", 0))
        if on_chunk is not None:
            on_chunk(k)

    try:
        if jobs > 1:
            pool = _pool(model, jobs, text_index, id_index, str(input))
        else:
            _worker.update(model=model, text=text_index, id=id_index, source=str(input))
        chunks = reader.chunks(chunk_size, state["position"] if state else None)
        for chunk in chunks if state else _at_least_one(chunks, len(columns)):
            index += 1
            if chunk.bad and on_bad_lines == "error":
                b = chunk.bad[0]
                raise InputError(
                    f"{input}:{b.line}: malformed record ({b.error}): {b.raw[:80]!r}; fix it, or pass "
                    "--on-bad-lines report to set such lines aside in a side file and go on"
                )
            row_start = summary.rows + sum(m[1] for _, m in pending)
            if out_fmt == "xlsx" and row_start + chunk.rows > xlsx_rows:
                raise InputError(
                    f"{input}: more than {xlsx_rows:,} rows do not fit in one xlsx sheet; "
                    "write CSV or Parquet output instead (nothing was written)"
                )
            if spec is None:
                schema, stringify = infer_schema(columns, chunk.data, reader.schema, added)
                spec = OutputSpec(out_fmt, all_columns, out_encoding, schema, stringify)
            meta = (index, chunk.rows, chunk.bad, chunk.blank, chunk.position)
            if pool is None:
                commit(_run_chunk(spec, index, chunk.data, row_start), meta)
                continue
            pending.append((pool.submit(_run_chunk, spec, index, chunk.data, row_start), meta))
            while len(pending) >= 2 * jobs:
                future, meta = pending.popleft()
                commit(future.result(), meta)
        while pending:
            future, meta = pending.popleft()
            commit(future.result(), meta)
        assemble = {"parquet": write_parquet, "xlsx": write_xlsx}.get(out_fmt)
        summary.replaced_characters += work.finish(lambda parts, out: assemble(parts, spec.schema, out), bad_output)
    except TaikaiError:
        work.discard()
        raise
    except KeyboardInterrupt:
        work.close()
        raise Interrupted(
            f"interrupted after {summary.rows:,} rows; the partial result is kept in {work.dir}: "
            "run the same command with --resume to continue"
        ) from None
    finally:
        _worker.clear()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        work.close()
        bar.close()
    summary.seconds = time.monotonic() - started
    return summary
