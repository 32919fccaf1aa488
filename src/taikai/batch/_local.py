"""Classify a whole review dump: stream it chunk by chunk through one or more worker processes, losing no row."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import taikai.io as tio
from taikai import errors as said
from taikai._argument_order import argument_order
from taikai._masked_messages import errors_masked
from taikai._warn import warn_user
from taikai.batch._chunk import ChunkResult
from taikai.batch._columns import check_local_input
from taikai.batch._complete_run import REOPEN, complete_record
from taikai.batch._excel import warn_excel
from taikai.batch._grown import KeptError, bad_line_hint, check_appended, check_types, cut_short
from taikai.batch._input_kept import file_identity, input_kept
from taikai.batch._input_path import check_input_path
from taikai.batch._interrupted import said_complete
from taikai.batch._options import BatchOptions, BatchOptionValues
from taikai.batch._outputs import check_columns, check_side_files, model_stamp, output_types, written_through
from taikai.batch._progress import Progress
from taikai.batch._run_identity import run_fingerprint, run_options
from taikai.batch._run_names import run_names, start_over
from taikai.batch._shield import Shield
from taikai.batch._side_files import RUN, bad_lines_path, run_record
from taikai.batch._state import ResumeState
from taikai.batch._stopped_run import finish_failure, interruption, kept_at_start, system_failure
from taikai.batch._summary import BatchSummary
from taikai.batch._workdir import FinishError, WorkDir
from taikai.batch._worker import Job, Workers, hold, release, run_chunk, start_pool, worker_count
from taikai.batch._xlsx_sheet import check_xlsx_columns, check_xlsx_more_rows, check_xlsx_rows
from taikai.errors import DataWarning, InputError, TaikaiError, check_path
from taikai.io import Chunk, OutputSpec, Position
from taikai.model import Model, check_prefix, checked_rules, resolve_model
from taikai.privacy import MASKER_VERSION, RunNames, default_masker
from taikai.rules import RulesMode, rules_inputs

if TYPE_CHECKING:
    from typing_extensions import Unpack  # typing's from Python 3.11

TABLE_FORMATS = ("parquet", "xlsx")


@argument_order
@errors_masked
def classify_file(
    input: str | Path,
    output: str | Path,
    text_column: str | None = None,
    *,
    model: Model | str | Path | None = None,
    options: BatchOptions | None = None,
    on_chunk: Callable[[int], None] | None = None,
    **option_values: Unpack[BatchOptionValues],
) -> BatchSummary:
    """Classify every row of *input* into *output*: its columns in order plus the model's, one row per row.

    The options are those of :class:`BatchOptions`, given as *options* or as keywords (``jobs=2``), typed by
    :class:`BatchOptionValues`.
    *model* is a :class:`~taikai.Model`, a model directory, or ``None`` for the default model. ``jobs`` worker
    processes (0: one per core the process may run on) give the same output as one. The output appears only when
    complete; an interrupted run continues with ``resume=True``. ``on_chunk(k)`` is called after chunk *k* is saved.
    ``mask_pii=True`` masks personal data in the text column before classification: the output holds the masked
    text, the summary counts the masks per kind, and an error quotes no personal data. A CP932 input written to CSV
    or TSV in the default UTF-8, which Excel shows garbled, gives a :class:`~taikai.DataWarning` naming
    ``output_encoding``. The Dask engine's ``scheduler`` and ``partitions`` are refused (:class:`~taikai.InputError`):
    :func:`taikai.dask.classify_files` takes them. A frame is classified by :meth:`Model.predict_frame
    <taikai.Model.predict_frame>` instead."""
    check_input_path("input", input)
    check_path("output", output)
    made = BatchOptions.make(options, text_column, "local", input, **option_values)
    return run_local(Path(input), Path(output), model, made, on_chunk)


@errors_masked
def run_local(
    input: Path,
    output: Path,
    model: Model | str | Path | None,
    options: BatchOptions,
    on_chunk: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Run the local engine (see :func:`classify_file`)."""
    with kept_at_start(written_through(output), options.resume):  # a stop as the model loads, the input is hashed
        return _run(input, output, model, options, on_chunk)


def _run(
    input: Path,
    output: Path,
    model: Model | str | Path | None,
    options: BatchOptions,
    on_chunk: Callable[[int], None] | None,
) -> BatchSummary:
    options.refuse_other_engine("local")
    output = written_through(output)  # a link: what it points to
    check_prefix(options.prefix)
    check_local_input(input, options.input_format)
    inputs: dict[str, Path | None] = {"the input": input, **rules_inputs(options.rules)}
    tio.check_not_input(output, inputs)  # - too, before its format is asked for
    in_fmt = tio.format_of(input, options.input_format, said.INPUT_FORMAT)
    example = output / f"out.{(options.output_format or 'csv').lower()}"
    hint = f" such as {example}, or use {said.DASK_ENGINE} to write a folder of parts"
    tio.check_output_dir(output, folder_hint=hint)
    out_fmt = options.file_format(output)
    jobs = worker_count(options.jobs)
    out_encoding = tio.output_encoding(out_fmt, options.output_encoding)
    options.check_excel_safe(out_fmt)
    bad_output = bad_lines_path(output) if options.on_bad_lines == "report" else None
    check_side_files(output, bad_output, inputs, options.resume)
    reader = options.read_options.open(input, options.limit)  # JSONL: keys of the first rows only
    columns = reader.columns
    given, model = model, resolve_model(model)
    check_columns(input, columns, model, options, reader)
    rules, rules_mode = checked_rules(options.rules, model, given), options.applied_rules_mode
    if out_fmt == "xlsx":
        check_xlsx_columns(input, len(columns), len(model.output_columns(rules_mode)))
    limit = options.limit
    table_rows = min(reader.total or 0, limit or reader.total or 0)  # the rows read: --limit's first N at most
    if out_fmt == "xlsx" and in_fmt in TABLE_FORMATS:
        check_xlsx_rows(input, table_rows)
    saved = run_options(options, reader, in_fmt, out_fmt, out_encoding)
    version = MASKER_VERSION if options.mask_pii else None
    fingerprint = run_fingerprint(saved, options, reader, model, rules, rules_mode, version)
    work = WorkDir(output, table=out_fmt in TABLE_FORMATS)
    told = {"input": str(input), "model": str(model.path or "(in memory)"), **saved}  # the partial folder's README
    if rules is not None:  # a --resume without them is refused: the README names them
        told |= {"rules": rules.rules.source, "rules_mode": rules_mode and rules_mode.value}
    state = work.open(fingerprint, options.resume, told, input_file=input)
    identity = file_identity(input)  # the file fingerprinted: another taking its name while it is read is told
    grew = work.grown  # the rows appended since the saved run: decoded before any is classified, the rows kept
    if grew is not None and state is not None:
        try:
            check_appended(reader, grew, output, work.dir, state.totals.rows)
        except InputError:
            work.close()
            raise
    summary = BatchSummary.from_totals(input, output, state.totals if state else None)
    if rules is not None:
        summary.start_rules(rules.rules.source, rules.rules.rules, str(rules_mode))
    summary.bad_lines_file = str(bad_output) if bad_output else None
    summary.mask_pii, summary.limit, summary.excel_safe = options.mask_pii, limit, options.excel_safe
    summary.masker_version = MASKER_VERSION if options.mask_pii else None  # what masked the rows: see MASKER_VERSION
    summary.reason_labels = model.reason_labels  # OwnLabels kept: labels of one's own are named as written
    summary.text_column, summary.prefix = options.text_column, options.prefix
    summary.id_column = options.id_column
    summary.input_columns = columns
    masker = default_masker() if options.mask_pii else None
    names: RunNames | None = None
    added = output_types(model, rules_mode, options.prefix)
    all_columns = (*columns, *added)
    spec = None
    if state and state.schema is not None:
        spec = OutputSpec(out_fmt, all_columns, out_encoding, state.schema, state.stringify)
    elif out_fmt in tio.STREAM_FORMATS:
        spec = OutputSpec(out_fmt, all_columns, out_encoding, escape=options.excel_safe)
    text_index = columns.index(options.text_column)
    id_index = columns.index(options.id_column) if options.id_column else None
    job = Job(model, text_index, id_index, str(input), rules, rules_mode or RulesMode.FLAG, masker)
    base = state.position["done"] if state else 0
    bar = Progress(
        limit or reader.total, options.progress, base=summary.rows if limit else base, resumed=summary.resumed_rows
    )
    started, index = time.monotonic(), state.chunks if state else 0
    pool: Workers | None = None
    pending: deque[tuple[Future[ChunkResult], tuple[int, Chunk]]] = deque()
    shield = Shield()
    bad_masks: dict[int, dict[str, int]] = {}  # the masks in each chunk's bad lines, counted when it is committed

    def commit(result: ChunkResult, k: int, chunk: Chunk) -> None:
        assert spec is not None
        summary.add(result, len(chunk.bad), chunk.blank, chunk.notes.values(), bad_masks.pop(k, {}))
        bad_bytes = tio.bad_lines_csv(chunk.bad, k == 1, options.excel_safe) if bad_output else b""
        position: Position = chunk.position
        point = ResumeState(position, summary.totals(), spec.schema, spec.stringify, cut_short=cut_short(chunk.bad))
        work.commit(k, result.payload, bad_bytes, point)
        bar.update(summary.rows, summary.rows if limit else position.get("done", 0))  # --limit: rows of N
        if on_chunk is not None:
            on_chunk(k)

    try:
        check = getattr(reader, "check_decoding", None)  # a byte at line 900,000: said before any row is classified
        if check is not None and not limit and not (state and state.finished):
            check(state.position if state else None)
        hold(job)  # the model frozen out of the collector's sight before the workers fork (see hold)
        if jobs > 1:
            pool = start_pool(job, jobs)
        if masker is not None:  # the first pass: a name found in a row is masked in every row (see _run_names)
            found = run_names(reader, options.chunk_size, limit, text_index, pool, jobs, masker, grew)
            names, masker = found.names, masker.knowing(found.names)
            if grew is not None and found.new:  # the rows saved were masked without a name the rows appended write
                warn_user(start_over(output, summary.resumed_rows, found.new), DataWarning)
                work.restart(fingerprint, told)  # every row classified again, as a fresh run of the grown input
                summary.start_over()
                state, grew, index, bar.base, bar.resumed = None, None, 0, 0, 0
                spec = None if out_fmt in TABLE_FORMATS else spec  # a table's types: the grown input's, read below
        if spec is None or (grew is not None and spec.schema is not None):  # the whole input's types (grown: kept?)
            schema, stringify = tio.input_schema(reader, in_fmt, added, limit)  # --chunk-size, --jobs change none
            if masker is not None:  # a number of the text column is written as its masked text
                schema = tio.numbers_as_text(schema, options.text_column)
            if spec is not None and spec.schema is not None:
                check_types(spec.schema, schema, (spec.stringify, stringify), output, out_fmt)
            spec = OutputSpec(out_fmt, all_columns, out_encoding, schema, stringify)
        chunks = tio.first_rows(reader, options.chunk_size, limit, state.position if state else None, summary.rows)
        stopped = state.position if state else None  # where the reader stopped: past it, is there more input?
        for chunk in chunks if state else tio.at_least_one(chunks, len(columns)):
            index, stopped = index + 1, chunk.position
            summary.appended_rows += grew.appended(chunk.lines) if grew is not None else 0
            if chunk.bad and masker is not None:  # a bad line's raw text goes to the side file or the message
                raws, counts = masker.mask_values([b.raw for b in chunk.bad])  # counted with the rows' masks
                chunk = replace(chunk, bad=[replace(b, raw=str(raw)) for b, raw in zip(chunk.bad, raws, strict=True)])
                bad_masks[index] = {kind.value: n for kind, n in counts.items()}
            if chunk.bad and options.on_bad_lines == "error":
                while pending:  # the chunks read before it are good: saved, to resume from once it is fixed
                    future, (k, done) = pending.popleft()
                    commit(future.result(), k, done)
                kept = work.keep_read()  # the rows saved stay: fixed in place, the rows after them read as grown
                hint = bad_line_hint(kept, work.dir, said.ON_BAD_LINES.either(["report"]))
                raise tio.bad_line_error(input, chunk.bad[0], hint)
            row_start = summary.rows + sum(c.rows for _, (_, c) in pending)
            if out_fmt == "xlsx":
                check_xlsx_more_rows(input, row_start + chunk.rows)
            if pool is None:
                commit(run_chunk(spec, index, chunk.data, row_start, chunk.notes, chunk.lines, names), index, chunk)
                continue
            read = replace(chunk, data=[], lines=[])  # what commit() needs, without the rows
            job_args = (spec, index, chunk.data, row_start, chunk.notes, chunk.lines, names)
            pending.append((pool.submit(run_chunk, *job_args), (index, read)))
            while len(pending) >= 2 * jobs:
                future, (k, done) = pending.popleft()
                commit(future.result(), k, done)
        while pending:
            future, (k, done) = pending.popleft()
            commit(future.result(), k, done)
        if limit and summary.rows >= limit:  # one record more read: a run of an input of exactly N is whole
            summary.more_rows = tio.rows_past(reader, stopped)
        end = getattr(reader, "end", None)  # a text file's bytes read (the size it had when opened)
        last = stopped.get("line") if stopped and end is not None else None
        grown = input_kept(input, str(work.fingerprint["input"]), identity, end, last, output)
        assert spec is not None
        table_spec = spec
        probabilities = frozenset(options.prefix + c for c in model.proba_columns())

        def build(parts: list[Path], out: Path) -> tio.CellLosses:
            if out_fmt == "parquet":  # a row not classified has no probabilities: null, as JSONL writes them
                return tio.write_parquet(parts, table_spec.schema, out, nulls=probabilities)
            return tio.write_xlsx(parts, table_spec.schema, out)  # NaN is an empty cell

        def write_summary(losses: tio.CellLosses) -> None:
            summary.add_losses(losses)
            summary.seconds = time.monotonic() - started
            values = {**summary.to_dict(), "prefix": options.prefix, RUN: run_record(work.fingerprint)}
            values[REOPEN] = complete_record(work.state, output, bad_output)  # a --resume of rows appended reopens it
            tio.write_summary(output, values, model_stamp(model))

        work.finish(build, bad_output, write_summary)
    except TaikaiError as exc:
        if not (work.kept or isinstance(exc, KeptError)):
            work.discard()
        raise
    except FinishError as exc:
        raise finish_failure(exc, work, output, summary.rows, bad_output) from exc
    except OSError as exc:  # a full disk, a folder made read-only, an input gone: the saved chunks stay good
        raise system_failure(exc, work, output, summary.rows, bad_output) from exc
    except KeyboardInterrupt:
        shield.up()  # a second Ctrl-C is ignored from here on: the run is stopping
        raise interruption(work, output, summary.rows, bad_output) from None
    finally:
        with shield:  # cut short by a second Ctrl-C, a pool of workers never ends, and the process hangs at exit
            release()
            if pool is not None:  # a chunk a worker runs, or one queued, is left: the run saves none of them now
                pool.stop()
            work.close()
            bar.close()
    with said_complete(output, summary):  # of the output written: said of no run stopped (a byte not decoded)
        if grown and not summary.more_rows:  # under --limit, the rows added are past those read anyway
            warn_user(grown, DataWarning)
        summary.warn_unclassified()
        warn_excel(getattr(reader, "encoding", None), output, out_fmt, options.output_encoding, str(input))
        summary.warn_excel()
    return summary
