"""Run the Dask engine once its output is locked and its input, model and rules are checked: connect to the cluster,
ship the model, read and classify the input, write the parts and the manifest into ``OUTPUT.taikai-dask-partial``,
move it into place, and on every exit free what the run holds (the held chunks, the partial folder, the model on the
workers, the cluster)."""

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
from taikai._warn import warn_user
from taikai.batch._chunk import ChunkResult
from taikai.batch._dask_cluster import check_workers, collect, connect, failure, ship, unship
from taikai.batch._dask_engine import classify_frame
from taikai.batch._dask_held import release_held
from taikai.batch._dask_input import read_files
from taikai.batch._dask_kept import ListedFile, files_kept
from taikai.batch._dask_listing import InputFiles
from taikai.batch._dask_manifest import parts_spec, write_manifest
from taikai.batch._dask_output import OLD, PARTIAL, keep_parts, move_into_place, remove
from taikai.batch._dask_parts import ROW_COLUMN, name_parts, write_part
from taikai.batch._dask_text_files import LINE_COLUMN
from taikai.batch._interrupted import Interrupted, run_all, said_complete
from taikai.batch._options import BatchOptions
from taikai.batch._outputs import check_added_columns, check_columns
from taikai.batch._progress import Progress
from taikai.batch._summary import BatchSummary
from taikai.errors import DataWarning
from taikai.model import Model
from taikai.privacy import MASKER_VERSION
from taikai.rules import RuleSet


def run_locked(
    input: str | Path,
    output: Path,
    resolved: Model,
    ruleset: RuleSet | None,
    options: BatchOptions,
    client: Any,
    prepare: Callable[[dd.DataFrame], dd.DataFrame] | None,
    read: tuple[list[str], InputFiles, tuple[dd.DataFrame, pa.Schema] | None, tio.Reader | None],
    started: float,
    listed: list[ListedFile],
) -> BatchSummary:
    """Run the Dask engine once the output is locked (see :func:`~taikai.batch._dask_files.run_dask`); *read*: the
    input's columns, files, (Parquet) frame and schema, and (CSV, TSV, JSONL) first file's reader; *listed*: its
    files as the run started, read as they were then and checked before the output is put in place."""
    columns, found, early, first = read
    fmt = options.parts_format(output)
    out_encoding = tio.output_encoding(fmt, options.output_encoding)
    options.check_excel_safe(fmt)
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
                [file.size for file in listed],
            )
            columns = list(schema.names)  # JSONL: with the keys later files add, the text or id column among them
            check_columns(Path(input), columns, resolved, options, row=ROW_COLUMN, again=True)  # each as read
            files = found.named(input) if LINE_COLUMN in ddf.columns else []  # one file named: rows by line alone
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
                computed=lambda lazy: collect(cluster, [client.compute(lazy)])[0],  # the run's names: stops heard
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
            summary.masker_version = MASKER_VERSION if options.mask_pii else None
            summary.prefix, summary.excel_safe = options.prefix, options.excel_safe  # what the summary's text names
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
            starts = np.cumsum([0] + [c.rows for c in results]).tolist()  # the rows before each partition's
            for counts, start in zip(results, starts, strict=False):  # in input order: the examples are the first rows
                summary.add(name_parts(counts, start), blank=counts.blank, notes=counts.notes)
            grown = files_kept(listed, early is None, output)  # a file written again in place: nothing written
            write_manifest(tmp, summary, spec, parts, resolved, options, ruleset, rules_mode)
            move_into_place(tmp, output)
            placed = True
        except BaseException as exc:
            placed = placed or (made and not tmp.exists())  # a stop as the earlier output was removed
            cluster.abandoned = not placed  # its tasks' results are thrown away: its workers are not waited for
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
            # removed again once the cluster is closed: a worker still writing a part as the first removal ran
            # (a cancelled task runs to its end) left the folder behind, with the run saying nothing was written
            run_all([closed, removed, old, unshipped, cluster.close, removed])
    except KeyboardInterrupt:
        if placed:
            raise Interrupted.complete(output, summary.rows, "while the Dask cluster closed") from None
        raise
    with said_complete(output, summary):
        summary.seconds = time.monotonic() - started
        for warning in grown:  # a file that grew: its rows appended were not read
            warn_user(warning, DataWarning)
        summary.warn_unclassified()
        summary.warn_excel()
    return summary
