"""The ``evaluate``, ``train`` and ``info`` commands: score, train and describe a model."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from taikai.cli._common import encoding_errors_option, model_option
from taikai.io import SPLITS

if TYPE_CHECKING:
    from taikai.model import ModelMetadata

F = TypeVar("F", bound=Callable[..., Any])


def labelled_data_options(no_sentiment_help: str) -> Callable[[F], F]:
    """Add the options that name a labelled file's columns and encoding (train and evaluate share them)."""
    options = [
        click.option("--text-column", default="text", show_default=True),
        click.option("--reasons-column", default="reasons", show_default=True),
        click.option("--sentiment-column", default="sentiment", show_default=True),
        click.option("--no-sentiment", is_flag=True, help=no_sentiment_help),
        click.option("--encoding", default=None, help="Input encoding (default: detect UTF-8 or CP932)."),
        encoding_errors_option,
        click.option(
            "--free-labels",
            is_flag=True,
            help="Accept any reason and sentiment label. Without it, a label outside the taxonomy (train) or the "
            "model's labels (evaluate), such as a typo, is an error naming its file, line and value.",
        ),
    ]

    def add(command: F) -> F:
        for option in reversed(options):
            command = option(command)
        return command

    return add


if TYPE_CHECKING:
    from taikai.model import ModelMetadata


@click.command()
@click.argument("data", type=click.Path(path_type=Path))
@model_option
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the full report as JSON.")
@click.option(
    "--split",
    type=click.Choice(SPLITS),
    default="all",
    show_default=True,
    help="Score only the rows whose 'split' column says test (or train); all: every row.",
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

    if json_out is not None:
        check_output_dir(json_out, "--json")
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
    click.echo(report.to_markdown())
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        click.echo(f"report written to {json_out}", err=True)


@click.command()
@click.argument("data", type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path), help="Model directory to write.")
@click.option(
    "--add",
    "add",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A labelled file to train on too (CSV, TSV, xlsx, JSONL, Parquet; e.g. a filled taikai suggest sheet). "
    "Repeat for several. Blank rows are skipped, rows already in DATA dropped; labels may be ids or Japanese names.",
)
@click.option(
    "--add-weight",
    type=click.FloatRange(min=0, min_open=True),
    default=1.0,
    show_default=True,
    help="Sample weight of every --add row (a base row weighs 1).",
)
@click.option(
    "--on-bad-rows",
    type=click.Choice(["skip", "error"]),
    default="skip",
    show_default=True,
    help="Rows that cannot be used (no Japanese, empty text, a missing label): skip them and list the first ones, "
    "or stop with every one named.",
)
@click.option(
    "--compare-folds",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="With --add: folds over the added rows for the before/after scores (0: skip the comparison).",
)
@click.option("--folds", type=click.IntRange(min=0), default=5, show_default=True, help="Cross-validation folds.")
@click.option(
    "--test-size",
    type=click.FloatRange(0, 0.9),
    default=0.2,
    show_default=True,
    help="Held-out share when the data has no split column.",
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--refit-all", is_flag=True, help="After testing, refit the saved model on train and test rows.")
@click.option("--force", is_flag=True, help="Replace the model (or write among the files) already in --out.")
@labelled_data_options("Train a reason head only (data without sentiment).")
def train(
    data: Path,
    out: Path,
    add: tuple[Path, ...],
    add_weight: float,
    on_bad_rows: str,
    compare_folds: int,
    folds: int,
    test_size: float,
    seed: int,
    refit_all: bool,
    force: bool,
    text_column: str,
    reasons_column: str,
    sentiment_column: str,
    no_sentiment: bool,
    encoding: str | None,
    encoding_errors: str,
    free_labels: bool,
) -> None:
    """Train a model on a labelled file (text, reasons, sentiment), plus --add files, and save it to --out.

    With --add, prints what the added labels bought: scores on them out of fold, trained without and with them.
    Refuses, before training, an --out that holds a model (unless --force) or is a file. The summary ends with
    warnings about weak data: a reason too rare to cross-validate, untuned thresholds, a rare sentiment.
    """
    import warnings

    from taikai.training import SkippedRowsWarning
    from taikai.training import train as fit

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedRowsWarning)  # summarised below, where it cannot be missed
        model = fit(
            data,
            out,
            folds=folds,
            test_size=test_size,
            seed=seed,
            refit_all=refit_all,
            text_column=text_column,
            reasons_column=reasons_column,
            sentiment_column=None if no_sentiment else sentiment_column,
            encoding=encoding,
            add=add,
            add_weight=add_weight,
            on_bad_rows=on_bad_rows,
            compare_folds=compare_folds,
            overwrite=force,
            free_labels=free_labels,
            encoding_errors=encoding_errors,
        )
    click.echo(training_summary(model.metadata, out))
    skipped = model.metadata.training_data.get("skipped_rows")
    if skipped:
        click.secho(skipped_block(model.metadata), err=True, fg="yellow", bold=True)


def training_summary(meta: ModelMetadata, out: Path) -> str:
    """Return what a training run prints: the output, every input file's rows, CV/test figures, before/after."""
    lines = [f"model written to {out}"]
    for f in meta.inputs:
        counts = f"{f.rows} rows, {f.used} used"
        counts += "".join(
            f", {n} {what}" for n, what in ((f.blank, "blank"), (f.bad, "skipped"), (f.duplicates, "duplicates")) if n
        )
        weight = f", weight {f.weight:g}" if f.role == "added" else ""
        lines.append(f"{f.role + ':':7s}{f.file}  ({counts}{weight})")
    if meta.training_data.get("added_disagreeing_duplicates"):
        n = meta.training_data["added_disagreeing_duplicates"]
        lines.append(f"note:  {n} dropped duplicate(s) carry labels that differ from DATA's (DATA's were kept)")
    for name in ("cv", "test"):
        if name in meta.metrics:
            figures = {k: round(v, 3) for k, v in meta.metrics[name].items() if isinstance(v, float)}
            if name == "cv" and not meta.metrics[name].get("folds"):
                lines.append("cv: skipped (no cross-validation; see the warnings)")
            else:
                lines.append(f"{name}: {figures}")
    added = meta.metrics.get("added")
    if added:
        from taikai.training import AddedComparison

        lines += AddedComparison.from_dict(added).lines()
    lines += [f"warning: {warning}" for warning in meta.warnings]
    return "\n".join(lines)


def skipped_block(meta: ModelMetadata) -> str:
    """Return the warning block about skipped training rows: their count and the first few, at their file line."""
    data = meta.training_data
    lines = [f"WARNING: {data['skipped_rows']} training row(s) cannot be used and were skipped:"]
    lines += [f"  {row}" for row in data.get("skipped_examples", [])]
    if data["skipped_rows"] > len(data.get("skipped_examples", [])):
        lines.append(f"  … and {data['skipped_rows'] - len(data['skipped_examples'])} more")
    lines.append("Fix them and train again, or pass --on-bad-rows error to stop at such rows.")
    return "\n".join(lines)


@click.command()
@model_option
@click.option("--json", "as_json", is_flag=True, help="Print the whole metadata as JSON.")
@click.option(
    "--metadata-only",
    is_flag=True,
    help="Read metadata.json only, never unpickling the artifact: works on a model that loading refuses, "
    "and says why it would be refused.",
)
def info(model_path: Path | None, as_json: bool, metadata_only: bool) -> None:
    """Show the model's metadata: labels, versions, data hash, metrics."""
    from taikai.errors import ModelError
    from taikai.model import artifact_problems, default_model_dir, load_model, read_metadata, read_metadata_json

    path = model_path if model_path is not None else default_model_dir()
    if metadata_only:
        try:
            meta = read_metadata(path)
        except ModelError as exc:  # a format this taikai cannot read: show the file as it is
            click.echo(json.dumps(read_metadata_json(path), ensure_ascii=False, indent=2))
            click.echo(f"taikai: warning: loading this model would be refused: {exc}", err=True)
            return
        problems = artifact_problems(path, meta)
    else:
        try:
            meta = load_model(path).metadata
        except ModelError as exc:
            raise ModelError(f"{exc}\n(taikai info --metadata-only shows its metadata without loading it)") from exc
        problems = []
    if as_json:
        click.echo(json.dumps(meta.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(_describe(path, meta, verified=not metadata_only, problems=problems))
    for problem in problems:
        click.echo(f"taikai: warning: loading this model would be refused: {problem}", err=True)


def _describe(path: Path, meta: ModelMetadata, verified: bool, problems: list[str]) -> str:
    from taikai.labels import REASON_IDS, SENTIMENTS, display_order

    data = meta.training_data
    if verified:
        status = "verified and loaded"
    elif problems:
        status = "REFUSED when loading: " + "; ".join(problems)
    else:
        status = "sha256 and library versions match (metadata only: not loaded)"
    lines = [
        f"model:      {path}",
        f"status:     {status}",
        f"created:    {meta.created_at}  (taikai {meta.taikai_version}, model format {meta.format})",
        f"reasons:    {', '.join(display_order(meta.reasons, REASON_IDS))}",
        f"sentiments: {', '.join(display_order(meta.sentiments, SENTIMENTS)) or '-'}",
        f"thresholds: {meta.reason_thresholds}",
        f"data:       {data.get('file', '<frame>')} rows={data.get('rows')} train={data.get('train_rows')} "
        f"test={data.get('test_rows')} sha256={data.get('file_sha256') or data.get('content_sha256')}",
        f"artifact:   sha256={meta.artifact.sha256 if meta.artifact else None}",
        "versions:   " + ", ".join(f"{k} {v}" for k, v in meta.versions.items()),
        f"dictionary: {meta.dictionary}",
    ]
    for name, figures in meta.metrics.items():
        if isinstance(figures, dict):
            shown = {k: round(v, 3) for k, v in figures.items() if isinstance(v, float)}
            lines.append(f"{name + ':':11s} {shown}")
    lines += [f"warning:    {warning}" for warning in meta.warnings]
    return "\n".join(lines)
