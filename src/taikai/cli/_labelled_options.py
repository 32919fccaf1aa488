"""The options that name a labelled file's columns and encoding, which train and evaluate share."""

from __future__ import annotations

from collections.abc import Callable

import click
from click.core import ParameterSource

from taikai.cli._options import F, encoding_errors_option
from taikai.errors import shell_quote

MODEL_COLUMN = "; left out, for data without a column of the default name: the one the model was trained on, if there"
"""What the help of a column option of a command that reads labelled data for a model says of its default."""


def labelled_data_options(no_sentiment_help: str, model_columns: bool = False) -> Callable[[F], F]:
    """Add the options that name a labelled file's columns and encoding (train and evaluate share them);
    *model_columns*: a column left out is read as the model's when the data has none of the standard name."""
    said = MODEL_COLUMN if model_columns else ""
    options = [
        click.option("--text-column", default="text", show_default=True, help=f"Column of the review texts{said}."),
        click.option("--reasons-column", default="reasons", show_default=True, help=f"Column of the reasons{said}."),
        click.option(
            "--sentiment-column", default="sentiment", show_default=True, help=f"Column of the sentiments{said}."
        ),
        click.option("--no-sentiment", is_flag=True, help=no_sentiment_help),
        click.option("--encoding", default=None, help="Input encoding (default: detect UTF-8 or CP932)."),
        encoding_errors_option(),
        click.option(
            "--free-labels",
            is_flag=True,
            help="Accept any reason and sentiment label. Without it, a label outside the taxonomy (train) or the "
            "model's labels (evaluate), such as a typo, is an error naming its file, line and value; with it, "
            "evaluate scores the gold labels the model cannot predict as misses and warns naming them. train "
            "then reads DATA's labels as written (その他 stays その他, Fees stays Fees), after the Unicode NFKC that "
            "every label cell is read with (full-width brackets and letters become ASCII, half-width kana "
            "full-width: カテゴリ（猫） is read as カテゴリ(猫), ｻﾎﾟｰﾄ as サポート; train warns naming each label "
            "it changed), and records them as your own: "
            "the model's labels are then read and shown as written everywhere (--add files, evaluate, rules), "
            "never with the taxonomy's names or definitions, even when all are spelt as taxonomy ids (fees meaning "
            "ratings). A model trained without it reads its labels as the taxonomy's (ids in any case, Japanese "
            "names) where those are all taxonomy ids (so does one saved before the record, unless it has a label "
            "of its own).",
        ),
    ]

    def add(command: F) -> F:
        for option in reversed(options):
            command = option(command)
        return command

    return add


def sentiment_column_of(sentiment_column: str, no_sentiment: bool) -> str | None:
    """Return the ``sentiment_column=`` to call the library with: ``None`` under ``--no-sentiment``; refuse
    ``--sentiment-column`` given beside ``--no-sentiment``, which would ignore the column it names."""
    if not no_sentiment:
        return sentiment_column
    if click.get_current_context().get_parameter_source("sentiment_column") is not ParameterSource.DEFAULT:
        raise click.UsageError(
            f"--sentiment-column {shell_quote(sentiment_column)} names a column of sentiments, which --no-sentiment "
            "says the data does not have: leave out --no-sentiment to use that column, or --sentiment-column to do "
            "without"
        )
    return None


def id_column_option(rows: str, more: str = "") -> Callable[[F], F]:
    """Return the ``--id-column`` option of a command reading labelled data (evaluate, train, rules test): *rows*
    says which rows it names, as ``batch --id-column`` names the rows its summary lists; *more* what else it does."""
    return click.option(
        "--id-column",
        default=None,
        help=f"Column naming each row (review_id): {rows} are named by it after their file line "
        f"(sheet.xlsx:5 (id R-17)), so that they join back to your sheet. Default: the first column named as ids "
        "(review_id, id, 回答ID, ID, response_id …) whose values name the rows, as suggest finds it; the JSON and "
        f"summary say which, and whether found by its name.{more}",
    )
