"""Run ``taikai batch --engine dask``: read Parquet or a glob of CSV/TSV/JSONL files, classify, write parts.

The output is a directory of ``part.NNNNN.parquet`` (or ``.csv``/``.tsv``/``.jsonl``) files, one per partition that
holds rows, in input order, with a ``_taikai.json`` manifest. It is written into ``OUTPUT.taikai-dask-partial`` and
renamed into place when complete. Parts have fixed names, so a task that Dask runs again after a worker died
rewrites its part instead of adding one: no row is lost or written twice. The run holds the local engine's lock,
``OUTPUT.taikai-partial/lock``, while it lives (and removes it, with its folder, at its end), so that a second run
on the same output, of either engine, is refused.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dask.dataframe as dd
import pyarrow as pa

import taikai.io as tio
from taikai._masked_messages import errors_masked
from taikai.batch._dask_arguments import check_client, check_pattern
from taikai.batch._dask_cluster import check_scheduler
from taikai.batch._dask_input import first_reader, read_files
from taikai.batch._dask_kept import listed_files
from taikai.batch._dask_listing import input_files, said_as_given
from taikai.batch._dask_output import check_output
from taikai.batch._dask_parts import ROW_COLUMN
from taikai.batch._dask_run import run_locked
from taikai.batch._excel import file_encodings, warn_excel_files
from taikai.batch._interrupted import said_complete
from taikai.batch._lock import DaskLock
from taikai.batch._options import BatchOptions, BatchOptionValues
from taikai.batch._outputs import check_columns, written_through
from taikai.batch._summary import BatchSummary
from taikai.batch._workdir import WorkDir
from taikai.errors import RESUME, InputError, check_path, wrong_type
from taikai.model import Model, check_prefix, checked_ruleset, resolve_model

if TYPE_CHECKING:
    from typing_extensions import Unpack  # typing's from Python 3.11


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
    **option_values: Unpack[BatchOptionValues],
) -> BatchSummary:
    """Classify every row of the files *input* names into the directory *output* on a Dask cluster.

    The options are those of :class:`BatchOptions` (``scheduler``, ``partitions`` and the shared ones; the
    local engine's own must keep their defaults), given as *options* or as keywords typed by
    :class:`BatchOptionValues`. Uses *client*, else the scheduler at ``scheduler``, else a
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
        with said_as_given(input):  # a file named alone: as the user named it, not by its absolute path
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
    listed = listed_files(found.files)  # as the run starts: read so, and checked at its end
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
    shown = first or tio.open_reader(found.files[0], "parquet")  # for a column missing: a struct's field, said
    check_columns(source, columns, resolved, options, shown, ROW_COLUMN, later=bool(several))  # keys of later files
    ruleset = checked_ruleset(options.rules, resolved, model)  # compiled on the workers
    read = (columns, found, early, first)
    summary = run_locked(input, output, resolved, ruleset, options, client, prepare, read, started, listed)
    if first is not None:  # CSV, TSV, JSONL: the first file's encoding, as read; then, not given, the others'
        read_as = (getattr(first, "encoding", None), str(found.first(input)))
        others = found.files[1:] if options.encoding is None else []
        encodings = file_encodings(read_as, others, options.encoding_errors)
        with said_complete(output, summary):  # of the parts written: said of no run stopped (a byte not decoded)
            warn_excel_files(encodings, output, options.parts_format(output), options.output_encoding)
    return summary
