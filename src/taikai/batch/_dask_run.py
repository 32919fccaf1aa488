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
from taikai.batch._dask_bad_lines import check_side_file, earlier_side_file, write_side_file
from taikai.batch._dask_cluster import Cluster, check_workers, collect, connect, failure, ship, unship
from taikai.batch._dask_engine import classify_frame
from taikai.batch._dask_held import release_held
from taikai.batch._dask_input import read_files
from taikai.batch._dask_kept import ListedFile, files_kept
from taikai.batch._dask_listing import InputFiles
from taikai.batch._dask_manifest import parts_spec, write_manifest
from taikai.batch._dask_output import OLD, PARTIAL, keep_parts, move_into_place, remove
from taikai.batch._dask_parts import ROW_COLUMN, name_parts, write_part
from taikai.batch._dask_resume import (
    STATE,
    DaskSaved,
    check_saved,
    file_bytes,
    keep,
    kept_error,
    open_saved,
    run_fingerprint,
)
from taikai.batch._dask_text_files import LINE_COLUMN, StoppedAtRecord
from taikai.batch._interrupted import Interrupted, run_all, said_complete
from taikai.batch._options import BatchOptions
from taikai.batch._outputs import check_added_columns, check_columns
from taikai.batch._progress import Progress
from taikai.batch._side_files import bad_lines_path
from taikai.batch._summary import BatchSummary
from taikai.errors import ON_BAD_LINES, DataWarning
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
    tmp, plugin, placed, made = output.absolute().with_name(output.name + PARTIAL), None, False, False
    saved = open_saved(tmp, output, options.resume)  # a run a bad record stopped: resumed, or refused unasked
    keeping = saved is not None  # the partial folder holds parts a saved state vouches for: kept on every failure
    cluster = connect(options.scheduler, client)
    futures, held = list[Any](), list[Any]()  # held: JSONL files' chunks, kept on the workers that read their types
    progress = Progress(None, options.progress)
    reporting = options.on_bad_lines == "report"  # CSV, TSV, JSONL: each partition's set aside, one side file
    if reporting:
        check_side_file(output, found.files)
    stale = None if reporting else earlier_side_file(output)  # an earlier output's, which this run replaces
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
                reporting,
            )
            columns = list(schema.names)  # JSONL: with the keys later files add, the text or id column among them
            check_columns(Path(input), columns, resolved, options, row=ROW_COLUMN, again=True)  # each as read
            files = found.named(input) if LINE_COLUMN in ddf.columns else []  # one file named: rows by line alone
            spec = parts_spec(schema, resolved, options, fmt, out_encoding)
            nthreads = sum(client.nthreads().values()) or 1
            split = options.partitions or 2 * nthreads if options.partitions or ddf.npartitions < 2 * nthreads else None
            split = split if saved is None else saved.split  # resumed: split as the stopped run was, on any cluster
            if split is not None:
                ddf = ddf.repartition(npartitions=split)
            if prepare is not None:
                ddf = prepare(ddf)
            fingerprint, now = run_fingerprint(spec, resolved, ruleset, options, rules_mode), file_bytes(listed)
            if saved is not None:
                check_saved(saved, fingerprint, now, tmp, output, ddf.npartitions)
            finished = dict(saved.results) if saved is not None else {}
            todo = [k for k in range(ddf.npartitions) if k not in finished]
            offsets: list[int | None] = [None] * ddf.npartitions
            stop: StoppedAtRecord | None = None
            if id_column is None:  # the rows before each partition: known up to the first bad record's
                lengths, stop = _lengths(cluster, ddf, finished, todo)
                offsets[: len(lengths) + 1] = np.cumsum([0, *lengths]).astype(int).tolist()[: ddf.npartitions]
                todo = [k for k in todo if k < len(lengths)]
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
            if saved is None:
                shutil.rmtree(tmp, ignore_errors=True)
                tmp.mkdir()
            made = True  # from now until it is moved into place as the output, tmp exists
            names = [tmp / f"part.{k:05d}.{fmt}" for k in range(result.npartitions)]
            ruled = ruleset is not None
            classified = result.to_delayed()
            tasks = [
                delayed(write_part)(
                    classified[k], names[k], spec, offsets[k], id_column, ruled, options.prefix, files, k == 0
                )
                for k in todo
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
            try:
                collect(cluster, futures, done)
            except StoppedAtRecord:
                stop = _first_stop(cluster, todo, futures)  # the partitions before it finished first, as kept
            finished |= {k: f.result() for k, f in zip(todo, futures, strict=True) if f.status == "finished"}
            if stop is not None:  # the partitions finished are kept, with what vouches for them
                if not finished:
                    raise stop
                kept = DaskSaved(fingerprint, now, stop.path, split, ddf.npartitions, finished)
                keep(tmp, kept)
                keeping = True
                raise kept_error(stop, kept, tmp, ON_BAD_LINES.either(["report"]))
            (tmp / STATE).unlink(missing_ok=True)  # a resumed run's: not in the output; its parts renumbered below
            keeping = False
            results = [finished[k] for k in range(len(names))]
            parts = keep_parts(tmp, names, [c.rows for c in results], options.partitions)
            starts = np.cumsum([0] + [c.rows for c in results]).tolist()  # the rows before each partition's
            for counts, start in zip(results, starts, strict=False):  # in input order: the examples are the first rows
                summary.add(name_parts(counts, start), len(counts.bad), counts.blank, counts.notes)
            summary.bad_lines_file = str(bad_lines_path(output)) if reporting else None
            grown = files_kept(listed, early is None, output)  # a file written again in place: nothing written
            write_manifest(tmp, summary, spec, parts, resolved, options, ruleset, rules_mode)
            move_into_place(tmp, output)
            placed = True
            if reporting:  # beside the folder now in place, as the local engine moves its own beside its output
                write_side_file(output, results, files, options.excel_safe)
            elif stale is not None:
                stale.unlink(missing_ok=True)
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
            removed = partial(shutil.rmtree, tmp, ignore_errors=True) if not keeping or placed else None
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


def _lengths(
    cluster: Cluster, ddf: dd.DataFrame, finished: dict[int, ChunkResult], todo: list[int]
) -> tuple[list[int], StoppedAtRecord | None]:
    """Return the rows of *ddf*'s partitions, in order, up to the first one a malformed record stops (the rows of
    those *finished* as they counted them, the others' counted on the cluster; those after it are cancelled), and
    that stop (``None``: none)."""
    client = cluster.client
    wanted = set(todo)
    counted = client.compute([delayed(len)(p) for k, p in enumerate(ddf.to_delayed()) if k in wanted])
    futures = dict(zip(todo, counted, strict=True))
    lengths: list[int] = []
    for k in range(ddf.npartitions):
        if k in finished:
            lengths.append(finished[k].rows)
            continue
        try:
            [rows] = collect(cluster, [futures[k]])
        except StoppedAtRecord as exc:
            with suppress(Exception):
                client.cancel(list(futures.values()))
            return lengths, exc
        lengths.append(int(rows))
    return lengths, None


def _first_stop(cluster: Cluster, todo: list[int], futures: list[Any]) -> StoppedAtRecord:
    """Return the stop of the first partition of *todo* (their *futures*) a malformed record stopped, once those
    before it have finished (as the local engine saves the chunks read before a bad record): those are kept whole,
    whatever the order the cluster ran them in; another error among them is raised."""
    while True:
        first = min(k for k, f in zip(todo, futures, strict=True) if f.status == "error")
        before = [f for k, f in zip(todo, futures, strict=True) if k < first and f.status != "finished"]
        try:
            collect(cluster, before)
        except StoppedAtRecord:  # an earlier one: the partitions before it are waited for
            continue
        stop = futures[todo.index(first)].exception()
        if not isinstance(stop, StoppedAtRecord):
            raise stop
        return stop
