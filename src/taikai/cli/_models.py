"""The ``evaluate`` and ``info`` commands: score and describe a model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from taikai.cli._common import (
    STDOUT,
    Command,
    check_output,
    echo_report,
    echo_result,
    labelled_data_options,
    model_inputs,
    model_option,
    write_json_report,
)
from taikai.cli._figures import (
    describe_config,
    describe_data,
    describe_dictionary,
    describe_figures,
    describe_heads,
    describe_input,
    describe_thresholds,
)
from taikai.io import SPLITS

if TYPE_CHECKING:
    from taikai.model import ModelMetadata


@click.command(cls=Command)
@click.argument("data", type=click.Path(path_type=Path))
@model_option
@click.option(
    "--json",
    "json_out",
    type=click.Path(path_type=Path),
    help="Also write the full report as JSON here (-: to standard output, the report to standard error).",
)
@click.option(
    "--split",
    type=click.Choice(SPLITS),
    default="all",
    show_default=True,
    help="Score only the rows whose 'split' column says test (or train); without that column, the rows the model "
    "held out when trained on this file (or was fitted on), told by its metadata. all: every row.",
)
@labelled_data_options("The data has no sentiment labels.")
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
) -> None:
    """Score a model on a labelled file (text, reasons, sentiment) and print the report.

    A loud warning says how many rows the model was trained on: their scores measure memory, not skill.
    """
    from taikai.evaluation import evaluate as score
    from taikai.io import check_output_dir
    from taikai.model import load_model

    if json_out is not None and json_out != STDOUT:
        check_output_dir(json_out, "--json")
        check_output(json_out, {"the data": data} | model_inputs(model_path), "--json")
    model = load_model(model_path)
    sentiment = None if no_sentiment else sentiment_column
    report = score(
        model,
        data,
        text_column,
        reasons_column,
        sentiment,
        encoding=encoding,
        split=split,
        free_labels=free_labels,
        encoding_errors=encoding_errors,
    )
    echo_report(report.to_markdown(), json_out)
    if json_out is not None:
        write_json_report(json_out, report.to_dict(), "report")


@click.command(cls=Command)
@model_option
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the whole metadata as JSON, with a 'status' object: loaded (true: verified and loaded), refused "
    "(true: loading refuses the model; null with --metadata-only when nothing the metadata shows refuses it, as "
    "only loading checks its labels and thresholds against the artifact: 'unchecked' says so) and problems (why).",
)
@click.option(
    "--metadata-only",
    is_flag=True,
    help="Read metadata.json only, never unpickling the artifact: works on a model that loading refuses, "
    "and says why it would be refused (status: REFUSED, a warning on stderr), still with exit code 0. It checks the "
    "artifact's sha256 and the library versions, not the labels and thresholds against the artifact's classes: "
    "that needs loading (info without --metadata-only).",
)
def info(model_path: Path | None, as_json: bool, metadata_only: bool) -> None:
    """Show the model's metadata: labels, versions, data hash, metrics.

    Exit code 2 when the model cannot be loaded (without --metadata-only: loading is what info checks).
    """
    from taikai.errors import ModelError, ModelNotFoundError
    from taikai.model import artifact_problems, default_model_dir, load_model, read_metadata, read_metadata_json

    path = model_path if model_path is not None else default_model_dir()
    if metadata_only:
        try:
            meta = read_metadata(path)
        except ModelError as exc:  # a format this taikai cannot read: show the file as it is
            values = read_metadata_json(path)
            if as_json and isinstance(values, dict):
                values = values | {"status": _status(False, [str(exc)])}
            echo_result(json.dumps(values, ensure_ascii=False, indent=2))
            click.echo(f"taikai: warning: loading this model would be refused: {exc}", err=True)
            return
        problems = artifact_problems(path, meta)
    else:
        try:
            meta = load_model(path).metadata
        except ModelNotFoundError:
            raise  # --metadata-only would find nothing either
        except ModelError as exc:
            try:  # the hint only where --metadata-only can show something
                read_metadata_json(path)
            except ModelError:
                raise exc from None
            raise ModelError(f"{exc}\n(taikai info --metadata-only shows its metadata without loading it)") from exc
        problems = []
    if as_json:
        status = _status(not metadata_only, problems)
        echo_result(json.dumps(meta.to_dict() | {"status": status}, ensure_ascii=False, indent=2))
    else:
        echo_result(_describe(path, meta, verified=not metadata_only, problems=problems))
    for problem in problems:
        click.echo(f"taikai: warning: loading this model would be refused: {problem}", err=True)


_UNCHECKED = (
    "labels and thresholds against the artifact's classes: only loading checks them (taikai info without "
    "--metadata-only)"
)


def _status(loaded: bool, problems: list[str]) -> dict[str, object]:
    """Return the ``status`` of ``info --json``: whether the model was loaded, whether loading refuses it (``None``:
    not known without loading), why."""
    if loaded or problems:
        return {"loaded": loaded, "refused": bool(problems), "problems": problems}
    return {"loaded": False, "refused": None, "problems": [], "unchecked": _UNCHECKED}


def _describe(path: Path, meta: ModelMetadata, verified: bool, problems: list[str]) -> str:
    from taikai.labels import REASON_IDS, SENTIMENTS, display_order, label_list

    if verified:
        status = "verified and loaded"
    elif problems:
        status = "REFUSED when loading: " + "; ".join(problems)
    else:
        status = f"sha256 and library versions match (metadata only: not loaded, so not checked: {_UNCHECKED})"
    lines = [
        f"model:      {path}",
        f"status:     {status}",
        f"created:    {meta.created_at}  (taikai {meta.taikai_version}, model format {meta.format})",
        f"reasons:    {label_list(display_order(meta.reasons, REASON_IDS))}",
        f"sentiments: {label_list(display_order(meta.sentiments, SENTIMENTS)) or '-'}",
        f"thresholds: {_thresholds(meta)}",
        f"config:     {describe_config(meta.config, sentiment=bool(meta.sentiments))}",
        f"data:       {describe_data(meta)}",
        *(f"heads:      {heads}" for heads in [describe_heads(meta)] if heads),
        *(f"added:      {describe_input(f)}" for f in meta.inputs if f.role == "added"),
        f"artifact:   sha256 {meta.artifact.sha256 if meta.artifact else None}",
        "versions:   " + ", ".join(f"{k} {v}" for k, v in meta.versions.items()),
        f"dictionary: {describe_dictionary(meta.dictionary)}",
    ]
    for name, figures in meta.metrics.items():
        if name == "added" and isinstance(figures, dict):
            from taikai.training import AddedComparison

            lines += AddedComparison.from_dict(figures).lines()
        elif name == "cv" and isinstance(figures, dict) and not figures.get("folds"):
            lines.append("cv:         skipped (no cross-validation)")
        elif isinstance(figures, dict):
            lines.append(f"{name + ':':11s} {describe_figures(figures)}")
    lines += [f"warning:    {warning}" for warning in meta.warnings]
    return "\n".join(lines)


def _thresholds(meta: ModelMetadata) -> str:
    from taikai.labels import REASON_IDS, display_order, label_list
    from taikai.model import DEFAULT_THRESHOLD

    if not meta.reason_thresholds:
        return f"none tuned: every reason is added at {DEFAULT_THRESHOLD}"
    order = display_order(meta.reasons, REASON_IDS)
    untuned = [reason for reason in order if reason not in meta.reason_thresholds]  # an older --refit-all model's
    shown = describe_thresholds(meta.reason_thresholds, order)
    return shown + (f"; none tuned, so at {DEFAULT_THRESHOLD}: {label_list(untuned)}" if untuned else "")
