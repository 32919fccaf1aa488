"""The ``explain``, ``keywords`` and ``report`` commands: thin wrappers over :mod:`taikai.analysis`."""

from __future__ import annotations

import json
import shlex
import sys
from dataclasses import replace
from functools import partial
from pathlib import Path

import click

from taikai._whole_file import written_line
from taikai.cli._common import Command, check_output, echo_result, echo_status, model_inputs
from taikai.cli._examples import examples
from taikai.cli._given_path import PREDICTIONS_FILE, GivenPath
from taikai.cli._options import (
    RulesFiles,
    check_freq,
    check_rules_mode,
    check_tz_given,
    encoding_errors_option,
    format_option,
    freq_option,
    mask_pii_option,
    masked_option,
    model_option,
    model_option_helped,
    prefix_option,
    rules_options,
    text_column_option,
    tz_option,
)
from taikai.cli._review_input import STDIN, read_stdin_reviews, review_place, warn_if_file
from taikai.cli._sheet_option import predictions_sheet_option
from taikai.cli._text_args import TextCommand, check_encoding_name
from taikai.errors import TaikaiError

REPORT_HINT = "pip install 'taikai[report]'"


def require_report_extra() -> None:
    """Raise :class:`TaikaiError` with the install hint unless the report extra (matplotlib, its font) imports."""
    try:
        import fontTools  # noqa: F401
        import matplotlib  # noqa: F401
        import matplotlib_fontja  # noqa: F401
    except ImportError as exc:
        raise TaikaiError(
            f"taikai report draws its charts with matplotlib and embeds a Japanese font with matplotlib-fontja "
            f"and fontTools, which are not all installed ({exc}); install the report extra: {REPORT_HINT}"
        ) from exc


_RULES_HELP = (
    "the rules that fired and the reason written out follow the model's explanation",
    "flag: the model's reason stays the reason. override: the first firing rule's label becomes the reason written out",
)
"""What --rules and --rules-mode do to explain's output (it adds no columns)."""


@click.command(cls=TextCommand, epilog=examples("explain"))
@click.argument("text")
@model_option
@format_option
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Features shown toward and against each predicted label (and words, under the word vectors).",
)
@click.option(
    "--encoding",
    default=None,
    callback=check_encoding_name,
    help="The encoding of TEXT on standard input, or given with bytes the system could not decode (default: "
    "detect UTF-8, UTF-8 with BOM, or CP932, as predict does).",
)
@encoding_errors_option("the text is explained as read, and a warning says how many bytes were replaced")
@partial(rules_options, helps=_RULES_HELP)
@masked_option("the explanation shows only the masked text")
def explain(
    text: str,
    model_path: Path | None,
    fmt: str,
    top: int,
    encoding: str | None,
    encoding_errors: str,
    rules: RulesFiles,
    rules_mode: str,
    mask_pii: bool,
) -> None:
    """Show which n-grams (words, and characters when the model has them) of TEXT pushed its reason and sentiment,
    with their weights.

    With - as TEXT, standard input is read as predict reads it: one review per line, blank lines skipped, each
    line explained on its own (headed by its line; --format json gives a list, one object per line read, even
    for one line, each object starting with its line). A text that starts with - goes after --: taikai
    explain -- -TEXT. Its bytes are decoded as predict decodes them. Spans index the original TEXT; on a
    terminal they are highlighted (green toward the predicted label, red against it). The text is read as
    predict reads it (a masked text's placeholders as ○): the labels and probabilities are predict's. With
    --rules, the rules that fired and the reason written out (--rules-mode override: the first firing rule's
    label) follow the model's own explanation. Exit code 2 when TEXT (any line) cannot be classified. With
    --mask-pii the text is masked before the rules and the model read it, as predict masks it: the text shown, its
    features and its spans are the masked text's, and the masks per kind are counted on standard error. Under
    a model's word vectors, the words pulling toward and against the label are listed with their weights and, when
    the vectors' total is positive, each word's share of it in percent (none when the total is negative or 0: a
    share of it would read backwards).
    """
    check_rules_mode(rules, rules_mode)
    from taikai.analysis import explain as explain_text
    from taikai.analysis import render_text
    from taikai.cli._predict import terminal_width  # the lists of words wrap at a terminal's width
    from taikai.io import argument_source, decode_argument
    from taikai.model import checked_rules, load_model

    model = load_model(model_path)
    matcher = checked_rules(rules, model, model_path)  # before reading standard input is wasted on a bad rules file
    read = read_stdin_reviews("explain", encoding, encoding_errors) if text == STDIN else None
    if read is None:
        warn_if_file(text, "explain")  # a file named as the text is explained as its name: say how to give its lines
    # the text is <argument 1> in every message, as predict names its first (undecodable bytes, a refusal)
    texts = read.texts if read else [decode_argument(text, encoding, encoding_errors, argument_source(1))]
    if mask_pii:
        from taikai.privacy import default_masker, format_counts

        masked, counts = default_masker().mask_values(texts, run=True)
        texts = [str(value) for value in masked]
        click.echo(f"taikai: personal data masked: {format_counts(counts)}", err=True)
    explanations = [explain_text(model, t, top=top, rules=matcher, rules_mode=rules_mode) for t in texts]
    numbers: list[int | None] = list(read.numbers) if read else [None]
    if read is not None:  # a line with bytes read as U+FFFD says so in its message, as predict's record does
        explanations = [replace(e, message=read.added_note(n, e.message)) for n, e in zip(read.numbers, explanations)]
    if fmt == "json":
        records = [({} if n is None else {"line": n}) | e.to_dict() for n, e in zip(numbers, explanations)]
        shown = records if read else records[0]  # lines read: a list whatever their number, as predict gives
        echo_result(json.dumps(shown, ensure_ascii=False, indent=2), as_json=True)
    elif len(explanations) == 1:  # a text that could not be explained: said on standard error only, not twice
        if explanations[0].reason is not None:
            echo_result(render_text(explanations[0], width=terminal_width()))
    else:  # one block per line, headed by its line, as predict numbers the lines it classifies
        width = terminal_width()
        blocks = (f"[standard input line {n}]\n{render_text(e, width=width)}" for n, e in zip(numbers, explanations))
        echo_result("\n\n".join(blocks))
    bad = [(n, e) for n, e in zip(numbers, explanations) if e.reason is None]
    for n, e in bad:
        where = review_place(1, stdin=False) if n is None else review_place(n, stdin=True)  # as FILE:LINE: …
        click.echo(f"taikai: error: {where}: {e.message}", err=True)  # as every error: its status is the table's
    if bad:
        sys.exit(2)


@click.command(cls=Command, epilog=examples("keywords"))
@click.argument("labels", nargs=-1, metavar="[LABEL]...")
@model_option
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Features per label.")
@click.option(
    "--kind",
    type=click.Choice(["all", "word", "char"]),
    default="all",
    show_default=True,
    help="Word n-grams, character n-grams, or both.",
)
@format_option
@masked_option("no feature that may hold personal data is listed: the next strongest is")
def keywords(labels: tuple[str, ...], model_path: Path | None, top: int, kind: str, fmt: str, mask_pii: bool) -> None:
    """List the model's strongest features for each reason and each sentiment, or only for each LABEL given: a
    reason or a sentiment of the model, by its id or its Japanese name (taikai keywords fees, or 手数料が高い).

    With --mask-pii a feature is left out, for the next strongest, when masking changes it, when UniDic tags a word
    of it as a person's or a place's name, or when it holds four digits in a row (best effort).
    """
    from taikai.analysis import keywords as strongest
    from taikai.model import load_model

    model = load_model(model_path)
    found = strongest(model, top=top, kind=kind, mask_pii=mask_pii, labels=labels or None)
    if fmt == "json":
        echo_result(json.dumps(found.to_dict(), ensure_ascii=False, indent=2), as_json=True)
        return
    from taikai.cli._predict import terminal_width  # a label's features wrap at a terminal's width, under the first
    from taikai.labels import named_reason
    from taikai.text import wrap_pieces

    lines, width = [], terminal_width()
    for head, per_label in (("reason", found.reason), ("sentiment", found.sentiment)):
        for label, words in per_label.items():
            shown = [f"{k.feature} {k.weight:.2f}" for k in words] or ["-"]
            name = named_reason(label, labels=model.reason_labels) if head == "reason" else label
            lines += wrap_pieces(f"{head} {name}: ", [f"{s}," for s in shown[:-1]] + shown[-1:], width)
    # in one write, as every command writes its results: a reader that stops after the first line (| head -1)
    # then finds them all in the pipe, where a write per line could find it gone and end with exit code 1
    echo_result("\n".join(lines))


@click.command(cls=Command, epilog=examples("report"))
@click.argument("predictions", type=GivenPath(PREDICTIONS_FILE))
@click.option("--output", "-o", required=True, type=GivenPath("the HTML file to write"), help="HTML file to write.")
@click.option("--date-column", default=None, help="Column of dates: adds the reasons over time.")
@click.option("--by", default=None, help="Column to break the reasons down by, e.g. platform.")
@text_column_option
@click.option(
    "--id-column",
    default=None,
    help="Column of the id shown beside each review, read as written (000123 stays 000123). Default: taikai "
    "batch's --id-column, as the batch summary beside the file recorded; else a review_id or id column.",
)
@freq_option
@tz_option
@click.option("--encoding", default=None, help="PREDICTIONS encoding (default: detect UTF-8 or CP932).")
@click.option(
    "--lang",
    type=click.Choice(["ja", "en"]),
    default="ja",
    show_default=True,
    help="Language of the page: headings, labels and sentences.",
)
@model_option_helped(
    "Directory of the model that made PREDICTIONS, refused when its reasons or sha256 disagree with them. Default: "
    "the model their batch summary names, found by the path it stores and checked by its sha256 (when no model of "
    "that sha256 is there, nor installed, the drift section says so and checks nothing); without a summary, the "
    "default model ($TAIKAI_MODEL, else the shipped one) when its reasons match the columns."
)
@prefix_option
@click.option("--no-drift", is_flag=True, help="Leave out the drift section (it tokenizes every text).")
@mask_pii_option
@encoding_errors_option()
@predictions_sheet_option
def report(
    predictions: Path,
    output: Path,
    date_column: str | None,
    by: str | None,
    text_column: str | None,
    id_column: str | None,
    freq: str,
    tz: str | None,
    encoding: str | None,
    lang: str,
    model_path: Path | None,
    prefix: str | None,
    no_drift: bool,
    mask_pii: bool,
    encoding_errors: str,
    sheet: str | None,
) -> None:
    """Write one self-contained HTML report from a PREDICTIONS file (CSV, TSV, JSONL, Parquet or xlsx).

    PREDICTIONS is what taikai batch (or predict_frame) writes: the input columns plus status, reason,
    sentiment and p_reason_* columns (or pred_reason, … as batch --prefix pred_ writes them). The summary taikai
    batch writes beside it (PREDICTIONS_STEM.summary.json) names the model, the prefix and the lines batch set
    aside; the folder of parts taikai batch --engine dask writes is read in order as one file, its _taikai.json
    as the summary; --model, when given, must be the model that made them. The
    last section checks the predictions for drift against that model's training statistics (as taikai drift
    does; per period with --date-column). With --mask-pii the texts, the --by column's values and the values
    of the --date-column that are no dates are masked before the report quotes or counts them (the ids are shown
    as written). The charts need the report extra: pip install 'taikai[report]'.
    """
    from taikai.io import check_output_dir, with_summary

    periods = check_freq(click.get_current_context(), date_column, freq)
    zone = check_tz_given(date_column, tz)
    check_output_dir(output, "--output")
    check_output(output, with_summary("the predictions", predictions) | model_inputs(model_path), "--output")
    from taikai.analysis import write_report  # first: it gives matplotlib a folder it can write (a read-only HOME)

    require_report_extra()

    write_report(
        predictions,
        output,
        encoding=encoding,
        encoding_errors=encoding_errors,
        sheet=sheet,
        date_column=date_column,
        by=by,
        text_column=text_column,
        id_column=id_column,
        freq=periods,
        tz=zone,
        lang=lang,
        model=model_path,
        drift=not no_drift,
        mask_pii=mask_pii,
        prefix=prefix,
        progress=sys.stderr.isatty(),
    )
    shown = shlex.quote(str(output))  # as every command says where its file went (written_line)
    written = f"レポートを書きました: {shown}" if lang == "ja" else written_line("HTML report", output)
    echo_status(written, f"the HTML report to {shown}")  # a stop as it says so: the report is complete
