"""The ``batch`` command: parse and check options into :class:`taikai.batch.BatchOptions`, run an engine."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import click

from taikai.batch import BAD_LINE_MODES, ENGINES, BatchOptions, BatchSummary, text_column_needed
from taikai.cli._common import Command, check_output, model_inputs
from taikai.cli._engine_options import other_engine_refusal
from taikai.cli._examples import examples
from taikai.cli._given_path import DATA_FILE, GivenPath
from taikai.cli._options import (
    OutputEncoding,
    check_rules_mode,
    encoding_errors_option,
    mask_pii_option,
    model_option,
    rules_options,
)
from taikai.cli._saved import INTERRUPTED_EXIT
from taikai.cli._sheet_option import input_sheet_option
from taikai.cli._stops import FirstStop
from taikai.errors import InputError, MissingExtraError, TaikaiError
from taikai.io import FORMATS, OUTPUT_ENCODINGS, ReadOptions

DASK_HINT = "pip install 'taikai[dask]'"
DASK_PACKAGES = "dask and distributed"


@click.command(cls=Command, epilog=examples("batch"))
@click.argument("input_path", metavar="INPUT", type=GivenPath(DATA_FILE))
@click.option(
    "--output",
    "-o",
    required=True,
    type=GivenPath("the file to write, such as out.csv"),
    help="File to write: every input column plus the model's columns (written only when complete).",
)
@click.option("--text-column", default=None, help="Column holding the review text (required).")
@click.option("--id-column", default=None, help="Column naming each row, used when the summary lists rows.")
@model_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=BatchOptions.default("jobs"),
    show_default=True,
    help="Worker processes (0: one per core this process may run on, as taskset or a container limits them); the "
    "output is the same for any number. Local engine only.",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=BatchOptions.default("chunk_size"),
    show_default=True,
    help="Rows read, classified and saved at a time (--resume continues after the last saved chunk). "
    "Local engine only (the Dask engine's unit is the partition: --partitions).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Read and classify only the first N rows of INPUT, in file order, and stop reading there: try the "
    "options, the output and the speed before a long run. N rows of output: bad lines set aside and blank lines "
    "do not count. The summary says so. Local engine only.",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Continue an interrupted run of the same command (the Dask engine: one a malformed record stopped).",
)
@click.option("--encoding", default=None, help="Input encoding (default: detect UTF-8, UTF-8 with BOM, or CP932).")
@encoding_errors_option("such rows keep their place, are counted in the summary and named in their message column")
@click.option(
    "--prefix",
    default=BatchOptions.default("prefix"),
    help="Put PREFIX before the name of every column the model adds: --prefix pred_ writes pred_reason, "
    "pred_sentiment, … next to a labelled file's own reasons and sentiment.",
)
@click.option(
    "--output-encoding",
    type=OutputEncoding(OUTPUT_ENCODINGS),
    default=None,
    help="CSV/TSV output encoding [default: utf-8]; utf-8-sig or cp932 open in Excel. "
    "A character cp932 cannot hold is written as '?' and counted in the summary, as are 〜 − ‖ ¢ £ ¬, which it "
    "writes as ～ － ∥ ￠ ￡ ￢ (as Excel does).",
)
@click.option(
    "--excel-safe",
    is_flag=True,
    help="CSV/TSV output: write each text Excel would read as a formula (=, +, - or @ first; not a number such as "
    "-163) with an apostrophe first, so that Excel shows it as text; taikai report, drift and read_predictions read "
    "it back as it was. Without it, a run that writes such texts warns of them.",
)
@click.option("--input-format", type=click.Choice(FORMATS), default=None, help="Default: from INPUT's extension.")
@click.option(
    "--output-format",
    type=click.Choice(FORMATS),
    default=None,
    help="Default: from OUTPUT's extension; one the extension contradicts is refused.",
)
@input_sheet_option("INPUT (local engine only)")
@click.option(
    "--on-bad-lines",
    type=click.Choice(BAD_LINE_MODES),
    default=BatchOptions.default("on_bad_lines"),
    show_default=True,
    help="error: stop at a malformed line; report: write it to OUTPUT_STEM.bad_lines.csv and go on (with "
    "--engine dask, one side file beside the output folder, in input order).",
)
@mask_pii_option
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="No progress bar and no summary on stderr (OUTPUT_STEM.summary.json is still written); warnings and errors "
    "are still printed.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="local: worker processes on this machine. dask: a Dask cluster; INPUT may then be a directory "
    "of Parquet files or a quoted glob of CSV/TSV/JSONL files, and OUTPUT is a directory of parts "
    f"(Parquet unless --output-format says otherwise). Needs: {DASK_HINT}.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="--engine dask: address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 "
    "(default: start a local cluster, one worker process per core).",
)
@click.option(
    "--partitions",
    type=click.IntRange(min=1),
    default=None,
    help="--engine dask: split the input into N partitions (default: the input's files, "
    "at least two per worker thread).",
)
@rules_options
def batch(
    input_path: Path,
    output: Path,
    model_path: Path | None,
    quiet: bool,
    engine: str,
    **values: Any,
) -> None:
    """Classify every row of a review dump (CSV, TSV, JSONL, Parquet or xlsx) into OUTPUT.

    Rows whose text is empty or cannot be classified are kept, with status empty or error and a message.
    Exit code 2 for unusable input (missing file or column, undecodable bytes, a malformed line under
    --on-bad-lines error, changed input on --resume) or an output that cannot be written (a full disk, a folder
    without write permission; the chunks saved so far are kept for --resume); 130 when interrupted (the local engine
    keeps the partial result for --resume; a stop once the output is complete, as the summary is printed, says so).
    """
    other = BatchOptions.LOCAL_ONLY if engine == "dask" else BatchOptions.DASK_ONLY
    differing = [name for name in other if values[name] != BatchOptions.default(name)]  # a default written out: fine
    given = [f"--{name.replace('_', '-')}" for name in differing]
    if given:
        raise click.UsageError(other_engine_refusal(given, engine, input_path))
    check_rules_mode(values["rules"], values["rules_mode"])
    if values["text_column"] is None:
        read = ReadOptions(**{name: values[name] for name in ("input_format", "encoding", "sheet", "encoding_errors")})
        trained = _trained_text(model_path)
        raise text_column_needed(input_path, engine, read, "--text-column", trained, values["prefix"])
    from taikai.rules import rules_inputs

    inputs = {"the input": input_path, **rules_inputs(values["rules"])} | model_inputs(model_path)
    check_output(output, inputs, folder=engine == "dask")
    options = BatchOptions.make(progress=not quiet and sys.stderr.isatty(), **values)
    if engine == "dask":
        try:
            options.parts_format(output)
        except InputError as exc:  # the folder's name and --output-format disagree
            raise click.UsageError(str(exc)) from exc
    if engine == "dask":
        _run_dask(input_path, output, model_path, options, quiet)
    else:
        _run_local(input_path, output, model_path, options, quiet)


def _trained_text(model_path: Path | None) -> str | None:
    """Return the text column the model (``None``: the default one) was trained on, as its metadata records it;
    ``None`` when its metadata cannot be read (the run's own error says so once the column is given)."""
    from taikai.errors import TaikaiError
    from taikai.model import default_model_dir, read_metadata

    try:
        return read_metadata(model_path if model_path is not None else default_model_dir()).columns.text
    except (TaikaiError, OSError):
        return None


def _run_local(input_path: Path, output: Path, model_path: Path | None, options: BatchOptions, quiet: bool) -> None:
    from taikai.batch import run_local

    # a stop before the first chunk was under way (loading the model, reading the types) left nothing
    run = partial(run_local, input_path, output, model_path, options)
    _stoppable(run, " before any row was saved; run it again", quiet)


def _run_dask(input_path: Path, output: Path, model_path: Path | None, options: BatchOptions, quiet: bool) -> None:
    try:
        from taikai.dask import run_dask
    except ImportError as exc:  # the library's own error, or one it did not foresee (said the same way)
        missing = exc if isinstance(exc, MissingExtraError) else MissingExtraError("", DASK_PACKAGES, "dask", exc)
        raise TaikaiError(missing.sentence("--engine dask")) from exc
    # the run's tasks are cancelled and its partial parts removed
    _stoppable(
        lambda: run_dask(input_path, output, model_path, options),
        f"; nothing was written to {output}; run the command again",
        quiet,
    )


def _stoppable(run: Callable[[], BatchSummary], stopped: str, quiet: bool) -> None:
    """Do *run* (a batch engine's run) and print its summary on stderr (unless *quiet*); stopped by Ctrl-C or
    SIGTERM (:class:`FirstStop`), say in one line what it left (the engine's :class:`~taikai.batch.Interrupted`
    message, else ``interrupted`` and *stopped*, the rest of its line) and exit 130: a stop as the summary is
    printed, the output complete, is a stop too (the summary is in the file beside the output, or the manifest)."""
    from taikai.batch import Interrupted

    stops = FirstStop()
    summary: BatchSummary | None = None
    try:
        summary = run()
        if not quiet:
            click.echo(str(summary), err=True)
    except Interrupted as exc:  # the local engine's partial output; the Dask engine's, complete as its cluster closed
        click.echo(f"taikai: {exc.message}", err=True)
        sys.exit(INTERRUPTED_EXIT)
    except KeyboardInterrupt:
        said = f"interrupted{stopped}"
        if summary is not None:  # the output is complete
            said = Interrupted.complete(summary.output, summary.rows, "as the summary was printed").message
        click.echo(f"taikai: {said}", err=True)
        sys.exit(INTERRUPTED_EXIT)
    finally:
        stops.restore()
