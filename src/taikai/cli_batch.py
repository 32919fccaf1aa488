"""The ``batch`` command: parse and check options, then call taikai.classify_file (or the Dask engine)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from taikai.batch import DEFAULT_CHUNK_SIZE
from taikai.cli_options import model_option
from taikai.dask_cli import engine_options
from taikai.formats import FORMATS
from taikai.writers import OUTPUT_ENCODINGS


@click.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path),
    help="File to write: every input column plus the model's columns (written only when complete).",
)
@click.option("--text-column", required=True, help="Column holding the review text.")
@click.option("--id-column", default=None, help="Column naming each row, used when the summary lists rows.")
@model_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes (0: one per core); the output is the same for any number.",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=DEFAULT_CHUNK_SIZE,
    show_default=True,
    help="Rows read, classified and saved at a time (--resume continues after the last saved chunk).",
)
@click.option("--resume", is_flag=True, help="Continue an interrupted run of the same command.")
@click.option("--encoding", default=None, help="Input encoding (default: detect UTF-8, UTF-8 with BOM, or CP932).")
@click.option(
    "--output-encoding",
    type=click.Choice(OUTPUT_ENCODINGS, case_sensitive=False),
    default=None,
    help="CSV/TSV output encoding [default: utf-8]; utf-8-sig or cp932 open in Excel. "
    "A character cp932 cannot hold is written as '?' and counted in the summary.",
)
@click.option("--input-format", type=click.Choice(FORMATS), default=None, help="Default: from INPUT's extension.")
@click.option("--output-format", type=click.Choice(FORMATS), default=None, help="Default: from OUTPUT's extension.")
@click.option("--sheet", default=None, help="xlsx input: sheet name or 1-based number (default: the first).")
@click.option(
    "--on-bad-lines",
    type=click.Choice(["error", "report"]),
    default="error",
    show_default=True,
    help="error: stop at a malformed line; report: write it to OUTPUT_STEM.bad_lines.csv and go on.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@engine_options
def batch(
    input_path,
    output,
    text_column,
    id_column,
    model_path,
    jobs,
    chunk_size,
    resume,
    encoding,
    output_encoding,
    input_format,
    output_format,
    sheet,
    on_bad_lines,
    quiet,
) -> None:
    """Classify every row of a review dump (CSV, TSV, JSONL, Parquet or xlsx) into OUTPUT.

    Rows whose text is empty or cannot be classified are kept, with status empty or error and a message.
    Exit code 2 for unusable input (missing file or column, undecodable bytes, a malformed line under
    --on-bad-lines error); 130 when interrupted (the partial result is kept for --resume).
    """
    import signal

    from taikai.batch import Interrupted, classify_file

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        summary = classify_file(
            input_path,
            output,
            text_column,
            id_column=id_column,
            model=model_path,
            jobs=jobs,
            chunk_size=chunk_size,
            resume=resume,
            encoding=encoding,
            output_encoding=output_encoding,
            input_format=input_format,
            output_format=output_format,
            sheet=sheet,
            on_bad_lines=on_bad_lines,
            progress=not quiet and sys.stderr.isatty(),
        )
    except Interrupted as exc:
        click.echo(f"taikai: {exc.message}", err=True)
        sys.exit(130)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if not quiet:
        click.echo(str(summary), err=True)
