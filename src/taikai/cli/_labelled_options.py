"""The options that name a labelled file's columns and encoding, which train and evaluate share."""

from __future__ import annotations

from collections.abc import Callable

import click

from taikai.cli._common import F, encoding_errors_option


def labelled_data_options(no_sentiment_help: str) -> Callable[[F], F]:
    """Add the options that name a labelled file's columns and encoding (train and evaluate share them)."""
    options = [
        click.option("--text-column", default="text", show_default=True),
        click.option("--reasons-column", default="reasons", show_default=True),
        click.option("--sentiment-column", default="sentiment", show_default=True),
        click.option("--no-sentiment", is_flag=True, help=no_sentiment_help),
        click.option("--encoding", default=None, help="Input encoding (default: detect UTF-8 or CP932)."),
        encoding_errors_option(),
        click.option(
            "--free-labels",
            is_flag=True,
            help="Accept any reason and sentiment label. Without it, a label outside the taxonomy (train) or the "
            "model's labels (evaluate), such as a typo, is an error naming its file, line and value; with it, "
            "evaluate scores the gold labels the model cannot predict as misses and warns naming them. train "
            "then reads DATA's labels as written (その他 stays その他, Fees stays Fees); elsewhere, labels are read "
            "as written where the model's (DATA's, for --add) are labels of your own, and as the taxonomy's (ids "
            "in any case, Japanese names) where those are all taxonomy ids, with or without --free-labels.",
        ),
    ]

    def add(command: F) -> F:
        for option in reversed(options):
            command = option(command)
        return command

    return add
