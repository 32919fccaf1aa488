"""The ``evaluate`` and ``info`` commands: score and describe a model."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from taikai.cli._common import STDOUT, Command, check_output, echo_report, echo_result, model_inputs, write_json_report
from taikai.cli._examples import examples
from taikai.cli._given_path import DATA_FILE, GivenPath
from taikai.cli._labelled_options import id_column_option, labelled_data_options, sentiment_column_of
from taikai.cli._options import json_report_option, masked_option, model_option
from taikai.cli._sheet_option import labelled_sheet_option
from taikai.io import SPLITS

if TYPE_CHECKING:
    from taikai.model import ModelMetadata, ModelStatus


@click.command(cls=Command, epilog=examples("evaluate"))
@click.argument("data", type=GivenPath(f"a labelled {DATA_FILE.removeprefix('a ')}"))
@model_option
@json_report_option("the full report", "the report")
@click.option(
    "--split",
    type=click.Choice(SPLITS),
    default="all",
    show_default=True,
    help="Score only the rows whose 'split' column says test (or train); without that column, the rows the model "
    "held out when trained on this file (or was fitted on), told by its metadata. all: every row.",
)
@labelled_data_options("The data has no sentiment labels.", model_columns=True)
@id_column_option("the rows the report, its JSON and the warnings list")
@labelled_sheet_option("DATA")
@masked_option("the model reads the masked texts, and no message quotes a row unmasked")
def evaluate(
    data: Path,
    model_path: Path | None,
    json_out: Path | None,
    split: str,
    text_column: str,
    reasons_column: str,
    sentiment_column: str,
    no_sentiment: bool,
    encoding: str | None,
    encoding_errors: str,
    free_labels: bool,
    id_column: str | None,
    sheet: str | None,
    mask_pii: bool,
) -> None:
    """Score a model on a labelled file (text, reasons, sentiment) and print the report.

    A loud warning says how many rows the model was trained on: their scores measure memory, not skill.
    """
    from taikai.evaluation import evaluate as score
    from taikai.io import check_output_dir

    if json_out is not None and json_out != STDOUT:
        check_output_dir(json_out, "--json")
        check_output(json_out, {"the data": data} | model_inputs(model_path), "--json")
    sentiment = sentiment_column_of(sentiment_column, no_sentiment)
    report = score(
        model_path,  # None: the default model, which an error about labels it lacks names
        data,
        text_column,
        reasons_column,
        sentiment,
        encoding=encoding,
        split=split,
        free_labels=free_labels,
        encoding_errors=encoding_errors,
        sheet=sheet,
        mask_pii=mask_pii,
        id_column=id_column,
    )
    from taikai.cli._predict import terminal_width  # the tables fit a terminal standard output is

    # --json -: the report goes to standard error, where the warnings were just said (each once), as it is
    width = None if json_out == STDOUT else terminal_width()
    echo_report(report.to_markdown(warnings=json_out != STDOUT, width=width), json_out)
    if json_out is not None:
        write_json_report(json_out, report.to_dict(), "evaluation scores (JSON)")


@click.command(cls=Command, epilog=examples("info"))
@model_option
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the whole metadata as JSON, after 'path', the model folder read (absolute, as a batch summary's "
    "model.path), with a 'status' object: loaded (true: verified and loaded), refused "
    "(true: loading refuses the model; null with --metadata-only when nothing the metadata shows refuses it, as "
    "only loading checks that the artifact is a taikai pipeline, and the labels, thresholds and feature "
    "configuration against it: 'unchecked' says so) and problems (why). "
    "Metadata that is not a JSON object is shown under 'metadata'. A model that loading refuses is printed too "
    "(loaded false, refused true), with the error on stderr and exit code 2; one whose metadata cannot be read at "
    "all (no such folder, no metadata.json, not JSON) as its status alone, also with --metadata-only.",
)
@click.option(
    "--metadata-only",
    is_flag=True,
    help="Read metadata.json only, never unpickling the artifact: works on a model that loading refuses, "
    "and says why it would be refused (status: REFUSED, a warning on stderr), still with exit code 0. It checks the "
    "artifact's sha256, the library versions and that the word-vector table it reads is installed, not that the "
    "artifact is a taikai pipeline, nor the labels, thresholds and feature configuration (the table's digest "
    "included) against it: that needs loading (info without --metadata-only).",
)
def info(model_path: Path | None, as_json: bool, metadata_only: bool) -> None:
    """Show the model's metadata: labels, versions, data hash, metrics.

    Exit code 2 when the model cannot be loaded (without --metadata-only: loading is what info checks), or its
    metadata.json cannot be read; --json still prints its status, and its metadata when that can be read.
    """
    from taikai.errors import ModelError, ModelNotFoundError
    from taikai.model import (
        ModelStatus,
        artifact_problems,
        default_model_dir,
        describe_model,
        load_model,
        read_metadata,
        read_metadata_json,
    )

    path = model_path if model_path is not None else default_model_dir()
    if metadata_only:
        try:
            meta = read_metadata(path)
        except ModelError as exc:  # a format this taikai cannot read: show the file as it is
            status = ModelStatus(loaded=False, problems=(str(exc),))
            try:
                values = _json_values(path, status) if as_json else read_metadata_json(path)
            except ModelError as unread:  # no metadata at all (no folder, no metadata.json, no JSON in it)
                _echo_unread(unread, path, as_json)
                raise
            echo_result(json.dumps(values, ensure_ascii=False, indent=2), as_json=True)
            click.echo(f"taikai: warning: loading this model would be refused: {exc}", err=True)
            return
        problems = artifact_problems(path, meta) + _vector_problems(meta)
    else:
        try:
            meta = load_model(path).metadata
        except ModelNotFoundError as exc:
            _echo_unread(exc, path, as_json)
            raise  # --metadata-only would find nothing either
        except ModelError as exc:
            try:  # the hint only where --metadata-only can show something
                values = _json_values(path, ModelStatus(loaded=False, problems=(str(exc),)))
            except ModelError:
                _echo_unread(exc, path, as_json)
                raise exc from None
            if as_json:  # scripts get the metadata and the refusal on stdout, the error on stderr, exit code 2
                echo_result(json.dumps(values, ensure_ascii=False, indent=2), as_json=True)
            again = "taikai info" + ("" if model_path is None else f" --model {shlex.quote(str(model_path))}")
            raise ModelError(f"{exc} ({again} --metadata-only shows its metadata without loading it)") from exc
        problems = []
    status = ModelStatus(loaded=not metadata_only, problems=tuple(problems))
    if as_json:
        echo_result(
            json.dumps(_located(path, meta.to_dict() | {"status": status.to_dict()}), ensure_ascii=False, indent=2),
            as_json=True,
        )
    else:
        from taikai.cli._predict import terminal_width  # its long lines wrap at a terminal's width

        echo_result(describe_model(meta, path, status, terminal_width()))
    for problem in problems:
        click.echo(f"taikai: warning: loading this model would be refused: {problem}", err=True)


def _located(path: Path, values: dict[str, Any]) -> dict[str, Any]:
    """Return what ``info --json`` prints: *values* after ``path``, the model folder read, resolved (as the batch
    summary's ``model.path``), so that a job's log says which model ran whatever chose it (``--model``,
    ``$TAIKAI_MODEL`` or the shipped one), as the text's ``model:`` line does."""
    return {"path": str(Path(path).resolve()), **values}


def _echo_unread(exc: Exception, path: Path, as_json: bool) -> None:
    """Under ``--json``, print the status of a model whose metadata cannot be read at all, refused for *exc*
    (``{"path": …, "status": {"loaded": false, "refused": true, "problems": [...]}}``): a script reading the output
    gets JSON, as for a refused model, with the error on stderr and exit code 2."""
    from taikai.model import ModelStatus

    if as_json:
        status = ModelStatus(loaded=False, problems=(str(exc),))
        values = _located(path, {"status": status.to_dict()})
        echo_result(json.dumps(values, ensure_ascii=False, indent=2), as_json=True)


def _vector_problems(meta: ModelMetadata) -> list[str]:
    """Return why loading would refuse the model of *meta* for its word-vector table: none when it reads no table or
    the table it names can be read (whether it is the table the model was trained with is in the pickle, which only
    loading reads)."""
    from taikai.errors import ModelError
    from taikai.model import check_vectors, retrain_command, table_missing

    name = meta.config.vectors
    if name is None:  # words only, or a config that loading refuses for its own reason
        return []
    # a table of one's own: put back, or retrain with another (the command made only for that message)
    missing = table_missing(name, lambda: retrain_command(meta))
    if missing is not None:
        return [missing]
    try:
        check_vectors(name)
    except ModelError as exc:
        return [str(exc)]
    return []


def _json_values(path: Path, status: ModelStatus) -> dict[str, Any]:
    """Return what ``info --json`` prints of the model at *path* with *status*: its metadata (as this taikai reads
    it, else as its file holds it; metadata that is no JSON object, ``[]`` or ``6``, under ``metadata``) and the
    ``status`` object; raise :class:`ModelError` when its metadata file cannot be read as JSON."""
    from taikai.errors import ModelError
    from taikai.model import read_metadata, read_metadata_json

    try:
        values = read_metadata(path).to_dict()
    except ModelError:
        raw = read_metadata_json(path)
        values = raw if isinstance(raw, dict) else {"metadata": raw}
    return _located(path, values | {"status": status.to_dict()})
