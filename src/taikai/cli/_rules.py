"""The ``rules`` commands: test a coding-rules file against labelled data."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import click

from taikai.cli._common import Group, echo_result
from taikai.cli._examples import examples
from taikai.cli._given_path import DATA_FILE, GivenPath
from taikai.cli._labelled_options import MODEL_COLUMN, id_column_option
from taikai.cli._options import encoding_errors_option, format_option, masked_option, model_option
from taikai.cli._sheet_option import labelled_sheet_option
from taikai.cli._usage_errors import UserError


@click.group(cls=Group)
def rules() -> None:
    """Keyword coding rules (TOML, or a CSV/xlsx table: see examples/rules.toml, rules.csv): check them against labelled
    data.

    Run them next to the model with --rules on predict and batch (repeat it for the rules of several files).
    """


@rules.command("test", epilog=examples("rules test"))
@click.argument(
    "rules_files", metavar="FILE", nargs=-1, required=True, type=GivenPath("a rules file such as rules.toml")
)
@click.argument("labelled", metavar="LABELLED", type=GivenPath(f"a labelled {DATA_FILE.removeprefix('a ')}"))
@model_option
@click.option("--text-column", default="text", show_default=True, help=f"Column of the review texts{MODEL_COLUMN}.")
@click.option(
    "--reasons-column", default="reasons", show_default=True, help=f"Gold reasons, |-separated{MODEL_COLUMN}."
)
@click.option("--encoding", default=None, help="Input encoding (default: detect UTF-8 or CP932).")
@encoding_errors_option()
@id_column_option("the rows listed (where a rule fires against the gold label, labelled in part)")
@labelled_sheet_option("LABELLED")
@click.option(
    "--examples",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="Rows listed per rule where it fires against the gold label.",
)
@format_option
@masked_option("the rows listed quote only the masked text")
def test(
    rules_files: tuple[Path, ...],
    labelled: Path,
    model_path: Path | None,
    text_column: str,
    reasons_column: str,
    encoding: str | None,
    encoding_errors: str,
    id_column: str | None,
    sheet: str | None,
    examples: int,
    fmt: str,
    mask_pii: bool,
) -> None:
    """Print, for every rule of FILE: hits, precision and recall against the reasons of LABELLED (CSV, TSV,
    JSONL, Parquet or xlsx with text and reasons), then the rows where it fires against the gold label.

    Several FILEs (a team's rules, then your own) are tested as one set, applied in the order given, as
    --rules a --rules b applies them on predict and batch: each rule is shown with its file, and a name used in two
    files is refused.

    Those rows are named by the file line they start on, counting every line (a CSV or TSV header is line 1, and
    a cell of several lines makes lines and rows differ; in an xlsx sheet, the row number), or by their data row,
    1-based, in a Parquet file.
    --format json gives each its line (null for Parquet) and its row: its 0-based position among the data rows.

    A rule is right on a row when its label is among the row's gold reasons (any of them, not only the
    primary). Labels are checked against the model's reasons (--model). With --mask-pii the texts are masked
    before the rules read them, as predict --mask-pii masks them: the rows listed quote the masked text.
    """
    from taikai.analysis import evaluate_rules
    from taikai.io import likely_format

    first = rules_files[0]
    if len(rules_files) == 1 and likely_format(first) and labelled.suffix.lower() == ".toml":  # rules test DATA RULES
        written = shlex.join([str(labelled), str(first)])
        raise UserError(
            f"rules test takes the rules file first, then the labelled data; {first} looks like the data and "
            f"{labelled} like the rules: taikai rules test {written}"
        )
    if labelled.suffix.lower() == ".toml":  # rules test RULES RULES: no data file is TOML
        given = shlex.join(map(str, (*rules_files, labelled)))
        raise UserError(
            f"rules test takes the rules files, then the labelled data last, but {labelled}, the last argument, is a "
            f"rules file (TOML): give the labelled data after the rules: taikai rules test {given} DATA"
        )
    score = evaluate_rules(
        rules_files[0] if len(rules_files) == 1 else list(rules_files),
        labelled,
        model_path,
        text_column,
        reasons_column,
        encoding=encoding,
        examples=examples,
        encoding_errors=encoding_errors,
        mask_pii=mask_pii,
        sheet=sheet,
        id_column=id_column,
    )
    if score.masks is not None:  # on stderr, as predict, explain, drift and batch say it
        from taikai.privacy import format_counts

        click.echo(f"taikai: personal data masked: {format_counts(score.masks)}", err=True)
    if fmt == "json":
        echo_result(json.dumps(score.to_dict(), ensure_ascii=False, indent=2), as_json=True)
    else:
        echo_result(score.to_markdown())
