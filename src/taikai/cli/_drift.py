"""The ``drift`` command: does a dump still look like what the model was trained on?"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from taikai.cli._common import STDOUT, Command, check_output, echo_report, model_inputs, write_json_report
from taikai.cli._examples import examples
from taikai.cli._given_path import DATA_FILE, GivenPath
from taikai.cli._options import (
    check_freq,
    check_tz_given,
    dump_text_column_option,
    encoding_errors_option,
    freq_option,
    json_report_option,
    masked_option,
    model_option,
    prefix_option,
    tz_option,
)
from taikai.cli._sheet_option import input_sheet_option

NOT_JUDGED_EXIT = 3
"""The exit code of ``--exit-code`` when no figure could be judged (1 is drift, 2 an input error)."""


@click.command(cls=Command, epilog=examples("drift"))
@click.argument("dump", type=GivenPath(DATA_FILE))
@model_option
@click.option(
    "--reference",
    type=GivenPath(
        "a dump or predictions file to compare with, or leave --reference out to compare with the model's "
        "training statistics"
    ),
    default=None,
    help="Compare with this dump or predictions file instead of the model's training statistics.",
)
@dump_text_column_option
@click.option(
    "--reference-text-column",
    default=None,
    help="Column of the review texts in --reference FILE (default: --text-column if given, else as for DUMP).",
)
@click.option("--date-column", default=None, help="Column of dates: also judge each month (or week).")
@freq_option
@tz_option
@json_report_option("the figures", "the text")
@click.option(
    "--input-format",
    type=click.Choice(["csv", "tsv", "jsonl", "parquet", "xlsx"]),
    default=None,
    help="Format of DUMP (default: from its extension).",
)
@click.option("--encoding", default=None, help="Encoding of DUMP if CSV/TSV/JSONL (default: detect UTF-8 or CP932).")
@encoding_errors_option()
@input_sheet_option("DUMP")
@click.option(
    "--reference-input-format",
    type=click.Choice(["csv", "tsv", "jsonl", "parquet", "xlsx"]),
    default=None,
    help="Format of --reference FILE (default: from its extension; --input-format is DUMP's only).",
)
@click.option(
    "--reference-encoding",
    default=None,
    help="Encoding of --reference FILE if CSV/TSV/JSONL (default: detected on its own, UTF-8 or CP932; "
    "--encoding is DUMP's only).",
)
@input_sheet_option("--reference FILE", "--reference-sheet", "; --sheet is DUMP's only")
@prefix_option
@masked_option("its figures and new words are counted in the masked text")
@click.option(
    "--exit-code",
    is_flag=True,
    help="Exit with code 1 when the dump drifted, 3 when too few rows could be classified to judge it (for scripts "
    "and CI).",
)
def drift(
    dump: Path,
    model_path: Path | None,
    reference: Path | None,
    text_column: str | None,
    reference_text_column: str | None,
    date_column: str | None,
    freq: str,
    tz: str | None,
    json_out: Path | None,
    input_format: str | None,
    encoding: str | None,
    encoding_errors: str,
    sheet: str | None,
    reference_input_format: str | None,
    reference_encoding: str | None,
    reference_sheet: str | None,
    prefix: str | None,
    mask_pii: bool,
    exit_code: bool,
) -> None:
    """Say whether DUMP still looks like the reviews the model was trained on: token OOV rate, unclassifiable
    rows, text length, confidence, predicted label mix and new words, each against its threshold.

    DUMP is a raw dump (CSV, TSV, JSONL, Parquet or xlsx; classified on the fly) or the output of taikai batch
    with the same model (its status and p_* columns are used, prefixed ones too: see --prefix), a file or the
    folder of parts taikai batch --engine dask writes (read in order as one file). The reference is
    the statistics stored in the model at training time, or --reference FILE, read with its own
    --reference-input-format, --reference-encoding and --reference-sheet (--input-format, --encoding and --sheet
    are DUMP's; --encoding-errors applies to both). The output ends with the line
    "drift: yes", "drift: no" or "drift: not judged (WHY)" (too few classifiable rows); --json writes the same
    figures with "alert": true or false and "verdict". Thresholds: docs/drift.md. With --mask-pii the texts are
    masked before they are counted, and no word the tagger reads as a person's or a place's name (UniDic
    固有名詞-人名/地名, or a proper noun the dictionary also holds as a surname, e.g. ナカジマ) nor an address unit
    written right after a place (the 区 of 渋谷区) is a new word; a name the tagger does not read as one can
    still be. What was masked is counted per kind on standard error and in the JSON ("masks",
    "reference_masks").
    """
    from taikai.drift import Verdict, check_drift
    from taikai.io import check_output_dir, with_summary

    periods = check_freq(click.get_current_context(), date_column, freq)
    zone = check_tz_given(date_column, tz)
    for option, value in (
        ("--reference-text-column", reference_text_column),
        ("--reference-input-format", reference_input_format),
        ("--reference-encoding", reference_encoding),
        ("--reference-sheet", reference_sheet),
    ):
        if value is not None and reference is None:
            raise click.UsageError(f"{option} applies to a reference file: give it with --reference FILE")
    if json_out is not None and json_out != STDOUT:
        check_output_dir(json_out, "--json")
        inputs = with_summary("the dump", dump) | with_summary("the reference", reference) | model_inputs(model_path)
        check_output(json_out, inputs, "--json")
    report = check_drift(
        dump,
        model_path,
        reference,
        text_column=text_column,
        reference_text_column=reference_text_column,
        date_column=date_column,
        freq=periods,
        encoding=encoding,
        encoding_errors=encoding_errors,
        input_format=input_format,
        sheet=sheet,
        prefix=prefix,
        mask_pii=mask_pii,
        reference_encoding=reference_encoding,
        reference_input_format=reference_input_format,
        reference_sheet=reference_sheet,
        tz=zone,
    )
    if mask_pii:
        from taikai.privacy import format_counts

        click.echo(f"taikai: personal data masked: {format_counts(report.masks or {})}", err=True)
        if report.reference_masks is not None:
            click.echo(
                f"taikai: personal data masked in the reference: {format_counts(report.reference_masks)}", err=True
            )
    saved = write_json_report(json_out, report.to_dict(), "drift figures (JSON)") if json_out is not None else None
    from taikai.cli._predict import terminal_width  # the table of figures fits a terminal standard output is

    width = None if json_out == STDOUT else terminal_width()  # JSON on standard output: the text on standard error
    echo_report(report.to_text(width), json_out, saved)  # a stop as it prints says the JSON is saved
    if exit_code:
        sys.exit({Verdict.NO_DRIFT: 0, Verdict.DRIFT: 1, Verdict.NOT_JUDGED: NOT_JUDGED_EXIT}[report.verdict])
