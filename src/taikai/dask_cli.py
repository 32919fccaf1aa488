"""The ``--engine``, ``--scheduler`` and ``--partitions`` options of ``taikai batch``, and the Dask run they select.

Kept apart from :mod:`taikai.cli` so that the command line starts without Dask installed: Dask is imported only
when ``--engine dask`` is given.
"""

from __future__ import annotations

import functools
import sys

import click

from taikai.batch import DEFAULT_CHUNK_SIZE
from taikai.errors import TaikaiError

DASK_HINT = "pip install 'taikai[dask]'"
# Options of the local engine that the Dask engine has no use for, with the value that means "not given"
# (the Dask engine reads each text file in blocks of its own and splits the input with --partitions).
_LOCAL_ONLY = {"resume": False, "jobs": 1, "chunk_size": DEFAULT_CHUNK_SIZE, "sheet": None, "on_bad_lines": "error"}


def _run_dask(kwargs: dict, scheduler: str | None, partitions: int | None) -> None:
    """Run the batch on Dask with the options the local command was given; print the summary."""
    given = [f"--{k.replace('_', '-')}" for k, default in _LOCAL_ONLY.items() if kwargs.get(k, default) != default]
    if given:
        raise click.UsageError(f"{', '.join(given)} applies to the local engine only, not to --engine dask")
    try:
        from taikai.dask_batch import classify_files
    except ImportError as exc:
        raise TaikaiError(f"--engine dask needs dask and distributed ({exc}); install them: {DASK_HINT}") from exc
    quiet = kwargs.get("quiet", False)
    summary = classify_files(
        kwargs["input_path"],
        kwargs["output"],
        kwargs["text_column"],
        id_column=kwargs.get("id_column"),
        model=kwargs.get("model_path"),
        scheduler=scheduler,
        partitions=partitions,
        input_format=kwargs.get("input_format"),
        output_format=kwargs.get("output_format"),
        encoding=kwargs.get("encoding"),
        output_encoding=kwargs.get("output_encoding"),
        progress=not quiet and sys.stderr.isatty(),
    )
    if not quiet:
        click.echo(str(summary), err=True)


def engine_options(command):
    """Add the engine options to the ``batch`` command; run it on Dask when ``--engine dask`` is given."""

    @functools.wraps(command)
    def run(*args, engine: str, scheduler: str | None, partitions: int | None, **kwargs):
        if engine == "dask":
            return _run_dask(kwargs, scheduler, partitions)
        if scheduler or partitions:
            raise click.UsageError("--scheduler and --partitions apply to --engine dask only")
        return command(*args, **kwargs)

    options = [
        click.option(
            "--engine",
            type=click.Choice(["local", "dask"]),
            default="local",
            show_default=True,
            help="local: worker processes on this machine. dask: a Dask cluster; INPUT may then be a directory "
            "of Parquet files or a quoted glob of CSV/TSV/JSONL files, and OUTPUT is a directory of parts "
            f"(Parquet unless --output-format says otherwise). Needs: {DASK_HINT}.",
        ),
        click.option(
            "--scheduler",
            default=None,
            metavar="ADDRESS",
            help="--engine dask: address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 "
            "(default: start a local cluster, one worker process per core).",
        ),
        click.option(
            "--partitions",
            type=click.IntRange(min=1),
            default=None,
            help="--engine dask: split the input into N partitions (default: the input's files, "
            "at least two per worker thread).",
        ),
    ]
    for option in reversed(options):
        run = option(run)
    return run
