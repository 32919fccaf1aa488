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
# no metavar: click writes FILE... in the usage (FILE repeats), and FILE alone where a message names the argument
@click.argument("file", nargs=-1, required=True, type=GivenPath("a rules file such as rules.toml"))
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
    file: tuple[Path, ...],
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
    from taikai.rules import reads_as_data, reads_as_rules

    rules_files = file
    if reads_as_rules(labelled):  # rules test RULES DATA RULES, rules test DATA RULES: no data file is a rules file
        raise UserError(_rules_last(rules_files, labelled, [f for f in rules_files if reads_as_data(f)]))
    # rules test rules.toml a.csv b.csv: the shell expanded data/*.csv (one FILE alone: the rules reader says what
    # a rules file is, for a table of rules whose header is misspelt)
    data = [f for f in rules_files if reads_as_data(f)] if len(rules_files) > 1 else []
    if data:
        raise UserError(_several_data(rules_files, labelled, data))
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
        from taikai.cli._predict import terminal_width  # the tables fit a terminal standard output is

        echo_result(score.to_markdown(terminal_width()))


def _several_data(rules_files: tuple[Path, ...], labelled: Path, data: list[Path]) -> str:
    """Return the refusal of ``rules test`` given the data files *data* among its rules files (the shell expanded
    ``data/*.csv``): the last argument, *labelled*, is the labelled data; a run tests one; run it once per file."""
    from taikai._cut import cut_list

    rules = [str(f) for f in rules_files if f not in data]
    files = [str(f) for f in (*data, labelled)]
    said = (
        f"rules test takes one labelled data file, the last argument ({labelled}), but {cut_list(files[:-1], 5)}, "
        f"given before it among the rules files, {'reads' if len(data) == 1 else 'read'} as data too (named as data, "
        "and no TOML nor a table of rules, whose header has a label and a term column)"
    )
    if not rules:
        return (
            f"{said}, and no rules file is given: give the rules first, then one labelled file: "
            f"taikai rules test RULES.toml {shlex.quote(files[0])}, once per file"
        )
    return (
        f"{said}: if the shell expanded a glob such as data/*.csv, run rules test once per file: "
        f"taikai rules test {shlex.join([*rules, files[0]])}, then the same with {cut_list(files[1:], 5)}"
    )


def _rules_last(rules_files: tuple[Path, ...], labelled: Path, data: list[Path]) -> str:
    """Return the refusal of ``rules test`` whose last argument, *labelled*, is a rules file (TOML, or a table of
    rules such as a team's rules.csv): the labelled data goes last. Given among the rules, the data files *data* are
    moved there, the rules kept in the order given (the order they apply in); none given: ``DATA`` stands for it."""
    from taikai._cut import cut_list

    kind = "(TOML)" if labelled.suffix.lower() == ".toml" else "(a table of rules)"
    rules = [str(f) for f in (*rules_files, labelled) if f not in data]
    if len(rules_files) == 1 and data:  # rules test DATA RULES
        return (
            f"rules test takes the rules file first, then the labelled data; {data[0]} looks like the data and "
            f"{labelled} like the rules: taikai rules test {shlex.join([str(labelled), str(data[0])])}"
        )
    said = f"rules test takes the rules files, then the labelled data last, but {labelled}, the last argument, is a "
    if not data:
        given = shlex.join(map(str, (*rules_files, labelled)))
        return f"{said}rules file {kind}: give the labelled data after the rules: taikai rules test {given} DATA"
    looks = (
        f"{data[0]} looks like the data" if len(data) == 1 else f"{cut_list(list(map(str, data)), 5)} look like data"
    )
    written = shlex.join([*rules, str(data[0])])
    once = "" if len(data) == 1 else f", then the same with {cut_list([str(f) for f in data[1:]], 5)} (one file a run)"
    return f"{said}rules file {kind} and {looks}: put the data last: taikai rules test {written}{once}"
