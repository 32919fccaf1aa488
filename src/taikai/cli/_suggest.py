"""The ``suggest`` command: pick the rows worth labelling from a predictions file and write the sheet to fill."""

from __future__ import annotations

import shlex
from pathlib import Path

import click

from taikai.cli._common import Command, check_output, echo_status
from taikai.cli._examples import examples
from taikai.cli._given_path import PREDICTIONS_FILE, GivenPath, refuse_unexpanded_each
from taikai.cli._options import (
    OutputEncoding,
    encoding_errors_option,
    mask_pii_option,
    prefix_option,
    text_column_option,
)
from taikai.cli._sheet_option import predictions_sheet_option

STRATEGIES = ("margin", "entropy", "random")
"""The values of :class:`taikai.suggestion.Strategy` (listed here so that ``--help`` imports no library)."""


@click.command(cls=Command, epilog=examples("suggest"))
@click.argument("predictions", type=GivenPath(PREDICTIONS_FILE))
@click.option(
    "--output",
    "-o",
    required=True,
    type=GivenPath("the sheet to write, such as sheet.xlsx or sheet.csv"),
    help="Sheet to write: .xlsx (dropdowns, definitions) or .csv (UTF-8 with BOM).",
)
@click.option("--n", "n", type=click.IntRange(min=1), default=200, show_default=True, help="Rows to suggest.")
@click.option(
    "--strategy",
    type=click.Choice(STRATEGIES),
    default="margin",
    show_default=True,
    help="margin: smallest gap between the two most probable reasons; entropy: most spread-out reason "
    "probabilities (both spread over the predicted reasons); random: a uniform sample of the rows, for a baseline or "
    "an unbiased check: --n rows drawn, each row as likely, so a common text comes as often as it occurs (a text "
    "drawn twice is listed twice, side by side).",
)
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True, help="Same seed, same rows.")
@text_column_option
@click.option(
    "--id-column",
    default=None,
    help="Column naming each row. Default: taikai batch's --id-column, as the batch summary beside the file "
    "recorded; else the first column named as ids are (review_id, id, 回答ID, ID, response_id) whose values name "
    "the rows; else a 'row' column, 1-based.",
)
@click.option("--encoding", default=None, help="PREDICTIONS encoding (default: detect UTF-8 or CP932).")
@encoding_errors_option()
@click.option(
    "--output-encoding",
    type=OutputEncoding(("utf-8-sig", "utf-8", "cp932")),
    default=None,
    help="A .csv sheet's encoding [default: utf-8-sig]; cp932 for old Excel. Unencodable characters become '?', "
    "and 〜 − ‖ ¢ £ ¬ become ～ － ∥ ￠ ￡ ￢ (as Excel writes them); both are counted.",
)
@click.option(
    "--exclude",
    "exclude",
    multiple=True,
    type=click.Path(),  # as given: an empty one is refused by its position, not read as the current folder
    callback=refuse_unexpanded_each,
    metavar="LABELLED",
    help="A sheet handed out before (filled or not) or a labelled file (a Dask engine's output folder too): its "
    "rows, by id or text, and "
    "near-duplicates of them are not suggested again. Every row of it counts, labelled or blank. Repeatable.",
)
@click.option("--force", is_flag=True, help="Replace an existing --output sheet (a filled sheet loses its labels).")
@prefix_option
@mask_pii_option
@predictions_sheet_option
def suggest(
    predictions: Path,
    output: Path,
    n: int,
    strategy: str,
    seed: int,
    text_column: str | None,
    id_column: str | None,
    encoding: str | None,
    encoding_errors: str,
    output_encoding: str | None,
    prefix: str | None,
    mask_pii: bool,
    force: bool,
    exclude: tuple[str, ...],
    sheet: str | None,
) -> None:
    """Pick the rows of PREDICTIONS (taikai batch output) worth labelling and write them as a sheet to fill in.

    PREDICTIONS may be the folder of parts taikai batch --engine dask writes: its parts are read in order as one
    file.

    The sheet lists the id, the text and the model's reason and sentiment with probabilities, then the empty
    columns reasons (primary, dropdown), sentiment (dropdown) and more_reasons for a person to fill in. Train on
    it with: taikai train DATA --add SHEET --out MODEL; in the next round, pass the sheets handed out before with
    --exclude SHEET so that their rows are not suggested again. Refuses an existing --output (unless --force),
    saying how many labels it holds. When no row is left to label (none classified, or every one handed out
    before), says so and writes no sheet (exit 2).
    """
    from taikai.io import with_summary
    from taikai.suggestion import suggest as pick

    check_output(output, with_summary("the predictions", predictions), "--output")
    result = pick(
        predictions,
        output,
        n=n,
        strategy=strategy,
        seed=seed,
        text_column=text_column,
        id_column=id_column,
        encoding=encoding,
        encoding_errors=encoding_errors,
        output_encoding=output_encoding,
        mask_pii=mask_pii,
        prefix=prefix,
        overwrite=force,
        exclude=list(exclude),
        sheet=sheet,
    )
    saved = f"the labelling sheet to {shlex.quote(str(output))}"
    echo_status(str(result), saved=saved)  # on standard error, as batch says its summary
