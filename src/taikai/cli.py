"""The ``taikai`` command line: parse and check arguments, call the library, print the result."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import click

from taikai.cli_analysis import explain, keywords, report
from taikai.cli_batch import batch
from taikai.cli_options import Group, UserError, model_option


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="taikai")
def cli() -> None:
    """Say why freelancers left a crowdsourcing platform, and how they feel, from their Japanese reviews."""


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    out, used = "", 0
    for ch in text:
        w = _width(ch)
        if used + w > width - 1:
            return out + "…"
        out, used = out + ch, used + w
    return out


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _render_table(predictions, top: int) -> str:
    rows = [("#", "status", "reason", "理由", "reasons", "sentiment", "top reasons" if top else "p", "text")]
    for i, p in enumerate(predictions, 1):
        if p.status != "ok":
            rows.append((str(i), p.status, "-", "-", "-", "-", "-", _clip(p.message or p.text, 40)))
            continue
        if top:
            probs = ", ".join(f"{label} {prob:.2f}" for label, prob in p.top_reasons(top))
        else:
            probs = f"{p.reason_proba[p.reason]:.2f}"
        rows.append(
            (str(i), p.status, p.reason, p.reason_ja, "|".join(p.reasons), p.sentiment or "-", probs, _clip(p.text, 40))
        )
    widths = [max(_width(row[c]) for row in rows) for c in range(len(rows[0]))]
    return "\n".join("  ".join(_pad(cell, w) for cell, w in zip(row, widths)).rstrip() for row in rows)


@cli.command()
@click.argument("texts", nargs=-1)
@model_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(min=0), default=0, help="Also show the K most probable reasons.")
def predict(texts, model_path, fmt, top) -> None:
    """Classify review TEXTS (or one review per line of standard input).

    Exit code 2 when any text cannot be classified (empty, not Japanese); its row says why.
    """
    from taikai import load_model

    if not texts:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("give review texts as arguments, or pipe one review per line into stdin")
        texts = [line.rstrip("\r\n") for line in sys.stdin]
        if not texts:
            raise UserError("standard input was empty: nothing to classify")
    model = load_model(model_path)
    predictions = model.predict(list(texts))
    if fmt == "table":
        click.echo(_render_table(predictions, top))
    else:
        records = []
        for p in predictions:
            record = p.to_dict()
            if top and p.status == "ok":
                record["top_reasons"] = [{"reason": r, "p": v} for r, v in p.top_reasons(top)]
            records.append(record)
        if fmt == "json":
            click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        else:
            for record in records:
                click.echo(json.dumps(record, ensure_ascii=False))
    bad = [(i, p) for i, p in enumerate(predictions, 1) if p.status != "ok"]
    for i, p in bad:
        click.echo(f"taikai: input {i}: {p.status}: {p.message}", err=True)
    if bad:
        sys.exit(2)


@cli.command()
@click.argument("data", type=click.Path(path_type=Path))
@model_option
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the full report as JSON.")
@click.option("--text-column", default="text", show_default=True)
@click.option("--reasons-column", default="reasons", show_default=True)
@click.option("--sentiment-column", default="sentiment", show_default=True)
@click.option("--no-sentiment", is_flag=True, help="The data has no sentiment labels.")
@click.option("--encoding", default=None, help="Input encoding (default: detect UTF-8 or CP932).")
def evaluate(data, model_path, json_out, text_column, reasons_column, sentiment_column, no_sentiment, encoding):
    """Score a model on a labelled CSV (text, reasons, sentiment) and print the report."""
    import taikai

    model = taikai.load_model(model_path)
    sentiment = None if no_sentiment else sentiment_column
    report = taikai.evaluate(model, data, text_column, reasons_column, sentiment, encoding=encoding)
    click.echo(report.to_markdown())
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        click.echo(f"report written to {json_out}", err=True)


@cli.command()
@click.argument("data", type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path), help="Model directory to write.")
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
@click.option("--text-column", default="text", show_default=True)
@click.option("--reasons-column", default="reasons", show_default=True)
@click.option("--sentiment-column", default="sentiment", show_default=True)
@click.option("--no-sentiment", is_flag=True, help="Train a reason head only (data without sentiment).")
@click.option("--encoding", default=None, help="Input encoding (default: detect UTF-8 or CP932).")
def train(
    data, out, folds, test_size, seed, refit_all, text_column, reasons_column, sentiment_column, no_sentiment, encoding
):
    """Train a model on a labelled CSV (text, reasons, sentiment) and save it to --out."""
    import taikai

    model = taikai.train(
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
    )
    metrics = model.metadata["metrics"]
    click.echo(f"model written to {out}")
    for name in ("cv", "test"):
        if name in metrics:
            figures = {k: round(v, 3) for k, v in metrics[name].items() if isinstance(v, float)}
            click.echo(f"{name}: {figures}")


@cli.command()
@model_option
@click.option("--json", "as_json", is_flag=True, help="Print the whole metadata as JSON.")
def info(model_path, as_json) -> None:
    """Show the loaded model's metadata: labels, versions, data hash, metrics."""
    import taikai

    model = taikai.load_model(model_path)
    meta = model.metadata
    if as_json:
        click.echo(json.dumps(meta, ensure_ascii=False, indent=2))
        return
    data = meta.get("training_data", {})
    lines = [
        f"model:      {model.path}",
        f"created:    {meta.get('created_at')}  (taikai {meta.get('taikai_version')})",
        f"reasons:    {', '.join(model.reason_labels)}",
        f"sentiments: {', '.join(model.sentiment_labels) or '-'}",
        f"thresholds: {meta.get('reason_thresholds')}",
        f"data:       {data.get('file', '<frame>')} rows={data.get('rows')} train={data.get('train_rows')} "
        f"test={data.get('test_rows')} sha256={data.get('file_sha256') or data.get('content_sha256')}",
        f"artifact:   sha256={meta.get('artifact', {}).get('sha256')}",
        "versions:   " + ", ".join(f"{k} {v}" for k, v in meta.get("versions", {}).items()),
        f"dictionary: {meta.get('dictionary')}",
    ]
    for name, figures in meta.get("metrics", {}).items():
        if isinstance(figures, dict):
            shown = {k: round(v, 3) for k, v in figures.items() if isinstance(v, float)}
            lines.append(f"{name + ':':11s} {shown}")
    click.echo("\n".join(lines))


for command in (batch, explain, keywords, report):
    cli.add_command(command)


def main() -> None:
    """Run the command line."""
    cli(prog_name="taikai")
