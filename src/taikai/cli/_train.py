"""The ``train`` command: fit a model on labelled files and save it, then print what the run measured."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from taikai.cli._common import Command, check_output, echo_status
from taikai.cli._examples import examples
from taikai.cli._given_path import DATA_FILE, GivenPath, refuse_empty, refuse_unexpanded, refuse_unexpanded_each
from taikai.cli._labelled_options import id_column_option, labelled_data_options, sentiment_column_of
from taikai.cli._options import masked_option
from taikai.cli._saved import said_saved
from taikai.cli._sheet_option import labelled_sheet_option

SHIPPED_VECTORS = "chive"
"""What ``--help`` names as the default of ``--vectors``. The default itself is ``FeatureConfig.shipped()``, which
this module does not import, so that ``--help`` stays light; a test checks that the two agree."""


ADD_WEIGHT, COMPARE_FOLDS = 1.0, 5
"""The defaults of --add-weight and --compare-folds, which apply to --add files only."""


def _compare_folds(ctx: click.Context, param: click.Parameter, value: int) -> int:
    """Refuse ``--compare-folds 1``: one fold's model would be trained on none of the added rows."""
    if value == 1:
        raise click.BadParameter(
            "1 fold cannot compare (its model would be trained on none of the added rows): give at least 2, "
            "or 0 to skip the comparison",
            ctx,
            param,
        )
    return value


def _out_path(ctx: click.Context, param: click.Parameter, value: str) -> Path:
    """Return --out as a path; refuse an empty or blank one (``""`` would be the current directory)."""
    refuse_empty(value, "the directory to write the model into (it is created)", ctx, param)
    refuse_unexpanded(value, ctx, param)
    return Path(value)


@click.command(cls=Command, epilog=examples("train"))
@click.argument("data", type=GivenPath(f"a labelled {DATA_FILE.removeprefix('a ')}"))
@click.option(
    "--out",
    "--output",
    "-o",
    "out",
    required=True,
    type=click.Path(),
    callback=_out_path,
    help="Model directory to write.",
)
@click.option(
    "--add",
    "add",
    multiple=True,
    type=click.Path(),  # as given: an empty one is refused by its position, not read as the current folder
    callback=refuse_unexpanded_each,
    help="A labelled file to train on too (CSV, TSV, xlsx, JSONL, Parquet; e.g. a filled taikai suggest sheet). "
    "Repeat for several. Blank rows are skipped, rows already in DATA dropped; labels may be ids or Japanese names.",
)
@click.option(
    "--add-weight",
    type=click.FloatRange(min=0, min_open=True),
    default=ADD_WEIGHT,
    show_default=True,
    help="Sample weight of every --add row (a base row weighs 1).",
)
@click.option(
    "--on-bad-rows",
    type=click.Choice(["skip", "error"]),
    default="skip",
    show_default=True,
    help="Rows that cannot be used (no Japanese, empty text, neither a primary reason nor a sentiment): skip them and "
    "list the first ones, or stop with every one named. A row with reasons and no sentiment trains the reason head "
    "only; one with a sentiment and no reason the sentiment head only (with --no-sentiment it cannot be used).",
)
@click.option(
    "--compare-folds",
    type=click.IntRange(min=0),
    default=COMPARE_FOLDS,
    show_default=True,
    callback=_compare_folds,
    help="With --add: folds over the added rows for the before/after scores (0: skip the comparison; else at least 2).",
)
@click.option("--folds", type=click.IntRange(min=0), default=5, show_default=True, help="Cross-validation folds.")
@click.option(
    "--test-size",
    type=float,  # its range is the library's (taikai.train checks it, naming the option)
    default=0.2,
    show_default=True,
    help="Held-out share when the data has no split column: from 0 (hold nothing out) up to, not including, 1.",
)
@click.option(
    "--seed",
    type=click.IntRange(0, 2**32 - 1),  # scikit-learn's random states are 32-bit (taikai.training MAX_SEED)
    default=0,
    show_default=True,
    help="Seed of the test split and the cross-validation folds: the same seed, the same model.",
)
@click.option(
    "--vectors",
    type=click.Choice(["chive", "none"]),
    default=None,
    help="Word vectors pooled beside the word n-grams. chive: the chiVe table that ships with taikai "
    "(src/taikai/model/vectors/chive); the trained model needs the table to load. none: word n-grams only (a "
    "little weaker on real text; docs/model_selection.md). "
    f"[default: {SHIPPED_VECTORS}, the shipped model's configuration]",
)
@click.option("--refit-all", is_flag=True, help="After testing, refit the saved model on train and test rows.")
@click.option("--force", is_flag=True, help="Replace the model (or write among the files) already in --out.")
@labelled_data_options("Train a reason head only (data without sentiment).")
@id_column_option(
    "the rows of DATA and of every --add file holding it that the warnings and errors list",
    " Rows of --add files under one id whose texts differ a little (a text edited in the sheet) are one review, "
    "trained once from the last, with a warning.",
)
@labelled_sheet_option("DATA", " An xlsx --add file is read from its sheet named labels, else its first.")
@masked_option("the texts of DATA and of the --add files are masked, and the model trained on them")
def train(
    data: Path,
    out: Path,
    add: tuple[str, ...],
    add_weight: float,
    on_bad_rows: str,
    compare_folds: int,
    folds: int,
    test_size: float,
    seed: int,
    vectors: str,
    refit_all: bool,
    force: bool,
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
    """Train a model on a labelled file (text, reasons, sentiment), plus --add files, and save it to --out.

    Trains the shipped model's features (word n-grams and chiVe word vectors) unless --vectors none says
    otherwise. With --add, prints what the added labels bought: scores on them out of fold, trained without and
    with them. Refuses, before training, an --out that holds a model (unless --force), holds the shipped model
    (even with --force: train elsewhere and give it with --model or TAIKAI_MODEL) or is a file. The summary
    ends with warnings about weak data: a reason or sentiment too rare to cross-validate, untuned thresholds, a
    rare sentiment.
    """
    import warnings
    from dataclasses import replace

    from taikai.model import FeatureConfig, skipped_rows_block, training_summary
    from taikai.training import SkippedRowsWarning
    from taikai.training import train as fit

    _check_added_options(add, add_weight, compare_folds)
    _check_out(out, data, add)
    # None: the shipped configuration. fit checks the vector table before it reads DATA.
    config = None
    if vectors is not None:
        config = replace(FeatureConfig.shipped(), vectors=None if vectors == "none" else vectors)

    if _on_terminal():  # silent until its summary, a minute or more on data/reviews.csv: say that it started
        click.echo(started(data, folds, add), err=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedRowsWarning)  # summarised below, where it cannot be missed
        model = fit(
            data,
            out,
            folds=folds,
            test_size=test_size,
            seed=seed,
            config=config,
            refit_all=refit_all,
            text_column=text_column,
            reasons_column=reasons_column,
            sentiment_column=sentiment_column_of(sentiment_column, no_sentiment),
            encoding=encoding,
            add=add,
            add_weight=add_weight,
            on_bad_rows=on_bad_rows,
            compare_folds=compare_folds,
            overwrite=force,
            free_labels=free_labels,
            encoding_errors=encoding_errors,
            sheet=sheet,
            mask_pii=mask_pii,
            id_column=id_column,
        )
    saved = f"the model to {shlex.quote(str(out))}"
    echo_status(training_summary(model.metadata, out), saved)  # on standard error, as batch says its summary
    skipped = skipped_rows_block(model.metadata)
    if skipped:
        with said_saved(saved):
            click.secho(skipped, err=True, fg="yellow", bold=True)


def _on_terminal() -> bool:
    """Whether standard error is a terminal: the line that training started is for a person waiting, not a log."""
    return sys.stderr is not None and sys.stderr.isatty()


def started(data: Path, folds: int, add: tuple[str, ...]) -> str:
    """The line said on a terminal as training starts: what it trains on and what it does before its summary."""
    added = f" and {len(add)} --add file{'s' if len(add) > 1 else ''}" if add else ""
    steps = f"{folds}-fold cross-validation, then the fit and its test" if folds else "the fit and its test"
    return f"training on {data}{added} ({steps}): the summary follows when it is done …"


def _check_added_options(add: tuple[str, ...], add_weight: float, compare_folds: int) -> None:
    """Refuse --add-weight or --compare-folds asking for something without --add (the weight would weigh no row, the
    folds compare nothing), as --rules-mode override is refused without --rules; their defaults written out, and
    --compare-folds 0 (no comparison, which there is none without --add), are accepted. In Python, ``add=[]`` with
    ``add_weight=`` is accepted: a loop's first round adds nothing yet."""
    given = [f"--add-weight {add_weight:g}"] if add_weight != ADD_WEIGHT else []
    given += [f"--compare-folds {compare_folds}"] if compare_folds not in (0, COMPARE_FOLDS) else []
    if not add and given:
        raise click.UsageError(
            f"{' and '.join(given)} {'apply' if len(given) > 1 else 'applies'} to the rows of --add files: give the "
            f"labelled files to train on too with --add FILE, or leave {' and '.join(g.split()[0] for g in given)} out"
        )


def _check_out(out: Path, data: Path, add: tuple[str, ...]) -> None:
    """Refuse a DATA or --add file that training would overwrite: --out itself or a file it writes into --out."""
    from taikai.model import ARTIFACT_NAME, METADATA_NAME

    inputs = {"the data": data} | {f"the --add file {path}": Path(path) for path in add if str(path).strip()}
    check_output(out, {}, "--out", folder=True)  # an --out that is a file (DATA too) is refused by train itself
    for name in (METADATA_NAME, ARTIFACT_NAME):
        check_output(out / name, inputs, f"--out {out} writes", model=True)
