"""Run ``taikai batch --engine dask``: read Parquet or a glob of CSV/TSV/JSONL files, classify, write parts.

The output is a directory of ``part.NNNNN.parquet`` (or ``.csv``/``.tsv``/``.jsonl``) files, one per partition that
holds rows, in input order, with a ``_taikai.json`` manifest. It is written into ``OUTPUT.taikai-dask-partial`` and
renamed into place when complete. Parts have fixed names, so a task that Dask runs again after a worker died
rewrites its part instead of adding one: no row is lost or written twice. The run holds the local engine's lock,
``OUTPUT.taikai-partial/lock``, while it lives (and removes it, with its folder, at its end), so that a second run
on the same output, of either engine, is refused.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import Any

import dask.dataframe as dd
import numpy as np
import pyarrow as pa
from dask import delayed

import taikai.io as tio
from taikai._masked_messages import errors_masked
from taikai.batch._chunk import ChunkResult
from taikai.batch._dask_arguments import check_client, check_pattern
from taikai.batch._dask_cluster import check_scheduler, check_workers, collect, connect, failure, ship, unship
from taikai.batch._dask_engine import classify_frame
from taikai.batch._dask_held import release_held
from taikai.batch._dask_input import first_reader, read_files
from taikai.batch._dask_listing import InputFiles, input_files
from taikai.batch._dask_manifest import parts_spec, write_manifest
from taikai.batch._dask_output import OLD, PARTIAL, check_output, keep_parts, move_into_place, remove
from taikai.batch._dask_parts import ROW_COLUMN, name_parts, write_part
from taikai.batch._dask_text_files import LINE_COLUMN
from taikai.batch._excel import file_encodings, warn_excel_files
from taikai.batch._interrupted import Interrupted, run_all, said_complete
from taikai.batch._lock import DaskLock
from taikai.batch._options import BatchOptions
from taikai.batch._outputs import check_added_columns, check_columns, written_through
from taikai.batch._progress import Progress
from taikai.batch._summary import BatchSummary
from taikai.batch._workdir import WorkDir
from taikai.errors import RESUME, InputError, check_path, wrong_type
from taikai.model import Model, check_prefix, checked_ruleset, resolve_model
from taikai.rules import RuleSet


@errors_masked
def classify_files(
    input: str | Path,
    output: str | Path,
    text_column: str | None = None,
    *,
    model: Model | str | Path | None = None,
    client: Any = None,
    prepare: Callable[[dd.DataFrame], dd.DataFrame] | None = None,
    options: BatchOptions | None = None,
    **option_values: Any,
) -> BatchSummary:
    """Classify every row of the files *input* names into the directory *output* on a Dask cluster.

    The options are those of :class:`BatchOptions` (``scheduler``, ``partitions`` and the shared ones; the
    local engine's own must keep their defaults). Uses *client*, else the scheduler at ``scheduler``, else a
    local cluster (one process per core). Without ``id_column`` a ``row`` column numbers the input rows. *prepare*
    maps the input Dask DataFrame before classification (tests slow it down). Returns the same summary as the local
    batch. File-manager litter in a folder or glob is skipped, and named (see :func:`~taikai.batch.dask.read_input`).
    """
    check_pattern("input", input)
    check_path("output", output)
    check_client(client)
    if prepare is not None and not callable(prepare):
        raise wrong_type("prepare", prepare, "a function of a Dask DataFrame that returns one, or None")
    return run_dask(
        input,
        Path(output),
        model,
        BatchOptions.make(options, text_column, "dask", input, **option_values),
        client,
        prepare,
    )


@errors_masked
def run_dask(
    input: str | Path,
    output: Path,
    model: Model | str | Path | None,
    options: BatchOptions,
    client: Any = None,
    prepare: Callable[[dd.DataFrame], dd.DataFrame] | None = None,
) -> BatchSummary:
    """Run the Dask engine (see :func:`classify_files`)."""
    started, output = time.monotonic(), written_through(output)  # a link: what it points to
    options.refuse_other_engine("dask")
    check_prefix(options.prefix)
    tio.check_not_stream(input, "batch", options.input_format)  # "-" or a pipe: said first, as by the local engine
    check_scheduler(options.scheduler)
    options.parts_format(output)
    tio.check_not_input(output, {"the input": Path(input)}, folder=True)
    check_output(output)
    local = WorkDir(output.absolute(), table=False)  # the local engine's partial folder, whose lock both take
    lock = DaskLock(local.dir, output)
    # Before the partial folder is touched and before any slow step (reading Parquet, loading the model,
    # connecting): a second run on the output, of either engine, is refused at once, not after the first ended.
    lock.acquire()
    try:
        if local.state_path.exists():
            raise InputError(
                f"{local.dir} holds an interrupted local run for {output}; finish it with the local engine "
                f"and {RESUME.given(True)}, or delete that folder, then run again (nothing was written)"
            )
        summary = _checked_run(input, output, model, options, client, prepare, started)
    except BaseException:  # on every exit, an interrupt during the cleanup included
        lock.release(remove=True)
        raise
    with said_complete(output, summary):  # a stop as the lock goes: the output is complete
        lock.release(remove=True)
    return summary


def _checked_run(
    input: str | Path,
    output: Path,
    model: Model | str | Path | None,
    options: BatchOptions,
    client: Any,
    prepare: Callable[[dd.DataFrame], dd.DataFrame] | None,
    started: float,
) -> BatchSummary:
    """Check the input's files and columns, the model and the rules, then run (see :func:`run_dask`); output locked."""
    # All checked before a cluster starts: Parquet is read here, once (its columns are its schema's and its hive
    # keys); of CSV, TSV and JSONL only the header now, JSONL's types on the cluster's workers below.
    found = input_files(input, options.input_format, output)
    found.warn_skipped(input)
    early: tuple[dd.DataFrame, pa.Schema] | None = None
    first: tio.Reader | None = None
    if found.format == "parquet":
        early = read_files(input, found, options.encoding)
        columns = list(early[1].names)
    else:  # its header may be below a title: said as the local engine says it, of the first file; read once
        first = first_reader(found.files, found.format, options.encoding, options.encoding_errors, warn=True)
        columns = first.columns
    resolved = resolve_model(model)
    source, several = Path(input if first is None else found.first(input)), found.format == "jsonl" and found.files[1:]
    check_columns(source, columns, resolved, options, first, ROW_COLUMN, later=bool(several))  # keys of later files
    if first is not None:  # CSV, TSV, JSONL: the first file's encoding, as read; then, not given, the others'
        read_as = (getattr(first, "encoding", None), str(found.first(input)))
        others = found.files[1:] if options.encoding is None else []
        encodings = file_encodings(read_as, others, options.encoding_errors)
        warn_excel_files(encodings, output, options.parts_format(output), options.output_encoding)
    ruleset = checked_ruleset(options.rules, resolved, model)  # compiled on the workers
    read = (columns, found, early, first)
    return _locked_run(input, output, resolved, ruleset, options, client, prepare, read, started)


def _locked_run(
    input: str | Path,
    output: Path,
    resolved: Model,
    ruleset: RuleSet | None,
    options: BatchOptions,
    client: Any,
    prepare: Callable[[dd.DataFrame], dd.DataFrame] | None,
    read: tuple[list[str], InputFiles, tuple[dd.DataFrame, pa.Schema] | None, tio.Reader | None],
    started: float,
) -> BatchSummary:
    """Run the Dask engine once the output is locked (see :func:`run_dask`); *read*: the input's columns, files,
    (Parquet) frame and schema, and (CSV, TSV, JSONL) first file's reader."""
    columns, found, early, first = read
    fmt = options.parts_format(output)
    out_encoding = tio.output_encoding(fmt, options.output_encoding)
    id_column, rules_mode = options.id_column, options.applied_rules_mode
    cluster = connect(options.scheduler, client)
    tmp, plugin, placed, made = output.absolute().with_name(output.name + PARTIAL), None, False, False
    futures, held = list[Any](), list[Any]()  # held: JSONL files' chunks, kept on the workers that read their types
    progress = Progress(None, options.progress)
    try:  # a stop once the output is in place (closing the cluster can take seconds) leaves it complete
        try:
            check_workers(cluster)  # a task sent to a worker without taikai ends it: checked before any is
            client, plugin = cluster.client, ship(cluster, resolved)
            ddf, schema = early or read_files(
                input,
                found,
                options.encoding,
                options.text_column,
                True,
                client,
                options.mask_pii,
                options.encoding_errors,
                partial(check_added_columns, model=resolved, options=options, row=ROW_COLUMN),  # a later file's keys
                first,
                held,
            )
            columns = list(schema.names)  # JSONL: with the keys later files add, the text or id column among them
            check_columns(Path(input), columns, resolved, options, row=ROW_COLUMN)
            files = [str(f) for f in found.files] if LINE_COLUMN in ddf.columns else []
            spec = parts_spec(schema, resolved, options, fmt, out_encoding)
            nthreads = sum(client.nthreads().values()) or 1
            if options.partitions or ddf.npartitions < 2 * nthreads:
                ddf = ddf.repartition(npartitions=options.partitions or 2 * nthreads)
            if prepare is not None:
                ddf = prepare(ddf)
            offsets: list[int | None] = [None] * ddf.npartitions
            if id_column is None:
                [lengths] = collect(cluster, [client.compute(ddf.map_partitions(len))])
                offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(int).tolist()
            result = classify_frame(
                ddf,
                options.text_column,
                resolved,
                client,
                ruleset,
                rules_mode or options.rules_mode,
                options.mask_pii,
                count_masks=True,
                prefix=options.prefix,
                shipped=True,
            )
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir()
            made = True  # from now until it is moved into place as the output, tmp exists
            names = [tmp / f"part.{k:05d}.{fmt}" for k in range(result.npartitions)]
            ruled = ruleset is not None
            tasks = [
                delayed(write_part)(part, name, spec, offset, id_column, ruled, options.prefix, files, k == 0)
                for k, (part, name, offset) in enumerate(zip(result.to_delayed(), names, offsets, strict=True))
            ]
            summary = BatchSummary(str(input), str(output), mask_pii=options.mask_pii, input_columns=columns)
            summary.text_column, summary.id_column = options.text_column, id_column
            summary.prefix = options.prefix  # the columns the summary's text names
            summary.reason_labels = resolved.reason_labels  # OwnLabels kept: named as written
            if ruleset is not None:
                summary.start_rules(ruleset.source, ruleset.rules, str(rules_mode))
            progress.total = len(tasks)
            rows = [0, 0]  # rows written, parts written: for the progress line

            def done(counts: ChunkResult) -> None:
                release_held(held)  # a result came: the scheduler has the tasks that read them, freed once read
                rows[:] = [rows[0] + counts.rows, rows[1] + 1]
                progress.update(rows[0], rows[1], force=True)

            futures = client.compute(tasks)
            results: list[ChunkResult] = collect(cluster, futures, done)
            parts = keep_parts(tmp, names, [c.rows for c in results], options.partitions)
            final = dict(zip([n.name for n, c in zip(names, results, strict=True) if c.rows], parts, strict=False))
            for counts in results:  # in input order: the summary's example rows are the first ones
                summary.add(name_parts(counts, final), blank=counts.blank, notes=counts.notes)
            write_manifest(tmp, summary, spec, parts, resolved, options, ruleset, rules_mode)
            move_into_place(tmp, output)
            placed = True
        except BaseException as exc:
            placed = placed or (made and not tmp.exists())  # a stop as the earlier output was removed
            if cluster.client.status == "running":  # a client given by the caller would otherwise keep running them
                with suppress(Exception):
                    cluster.client.cancel(futures)
            translated = failure(exc, cluster.where)
            if translated is not None:
                raise translated from exc
            raise
        finally:  # every step, though a stop comes in one (the later ones are ignored: cli/_stops.FirstStop)
            release_held(futures, held)  # results in hand or cancelled, held chunks: a traceback would keep them
            closed = progress.close if progress.total is not None else None  # the line was started
            removed = partial(shutil.rmtree, tmp, ignore_errors=True)
            old = partial(remove, output.with_name(output.name + OLD)) if placed else None  # the rest of it
            unshipped = partial(unship, cluster, plugin) if plugin is not None else None
            run_all([closed, removed, old, unshipped, cluster.close])
    except KeyboardInterrupt:
        if placed:
            raise Interrupted.complete(output, summary.rows, "while the Dask cluster closed") from None
        raise
    with said_complete(output, summary):
        summary.seconds = time.monotonic() - started
        summary.warn_unclassified()
    return summary
