"""Build the report: check the options, run every section builder in order (:mod:`._sections`, where a section is
added), render the page; and write it from a predictions file."""

from __future__ import annotations

import inspect
from collections import Counter
from dataclasses import replace
from datetime import datetime, timezone
from importlib import metadata as importlib_metadata
from os import PathLike
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from taikai._argument_order import argument_order
from taikai._masked_messages import errors_masked
from taikai._whole_file import write_whole
from taikai.analysis._frame_argument import check_frame
from taikai.analysis._plain_names import as_renamed
from taikai.analysis._report._blocks import Note, ReportTable
from taikai.analysis._report._context import ReportContext, ReportOptions
from taikai.analysis._report._i18n import PHRASES, fill
from taikai.analysis._report._ids import index_as_column, refuse_index_levels
from taikai.analysis._report._masked_input import masked_input_line, masking_lines, trial_line
from taikai.analysis._report._masking import mask_file_names, mask_report_frame
from taikai.analysis._report._progress import Steps
from taikai.analysis._report._provenance import drift_model, given_model, identify_model
from taikai.analysis._report._render import render_page, render_table
from taikai.analysis._report._sections import build_sections
from taikai.analysis._report._write_options import check_report_out, check_write_options
from taikai.analysis._segment_table import BY
from taikai.errors import (
    DATE_COLUMN,
    FREQ,
    ID_COLUMN,
    Argument,
    InputError,
    check_bool,
    check_choice,
    check_int,
    check_path,
    check_str,
    period_freq,
    separator_hint,
    wrong_type,
)
from taikai.io import (
    PARTS_MANIFEST,
    RunSummary,
    check_date_column,
    check_not_input,
    check_output_dir,
    check_predictions_header,
    check_predictions_sheet,
    dates_told,
    is_parts_folder,
    period_tz,
    read_predictions,
    read_summary,
    summary_path,
    text_column_of,
    trial_run,
    with_summary,
)
from taikai.model import Model, find_column, predictions_frame
from taikai.text import reviews_told

if TYPE_CHECKING:
    import pandas as pd


def html_table(df: pd.DataFrame, index: bool = True) -> str:
    """Return the frame *df* as an HTML table with every value escaped (*index*: with the frame's index first)."""
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise wrong_type("df", df, "a pandas DataFrame")
    return render_table(ReportTable.from_frame(df, check_bool("index", index)))


def _summary_name(path: Path | None) -> str:
    """Return the name the report gives the batch summary of the predictions *path*: ``OUTPUT_STEM.summary.json``
    beside a file, ``OUTPUT/_taikai.json`` in the Dask engine's output folder (the files :func:`read_summary` reads)."""
    if path is None:
        return ""
    return f"{path.name}/{PARTS_MANIFEST}" if is_parts_folder(path) else summary_path(path).name


@argument_order
@errors_masked
def build_report(
    df: pd.DataFrame,
    date_column: str | None = None,
    by: str | None = None,
    text_column: str | None = None,
    freq: str | None = None,
    source: str = "",
    per_reason: int = 3,
    uncertain: int = 20,
    lang: str = "ja",
    model: Model | str | Path | None = None,
    run: RunSummary | None = None,
    source_path: str | Path | None = None,
    embed_font: bool = True,
    charts: bool = True,
    drift: bool = True,
    mask_pii: bool = False,
    prefix: str | None = None,
    progress: bool | Steps = False,
    id_column: str | None = None,
    tz: str | None = None,
) -> str:
    """Return the report of the predictions frame *df* as one HTML page, in *lang* (``ja`` or ``en``).

    *model* is the model (or its directory) that made the predictions (default: the one in the batch summary
    *run*, or the default model when its columns match); with *drift*, a last section compares the predictions
    with that model's training statistics (see :func:`taikai.analysis.drift_section`): the summary's model is
    found by the path it stores and checked by its sha256, and when it cannot be had the section says why (and
    a :class:`DataWarning` where it looked), never checking against another model. *source_path* is the
    predictions file, beside which the side file of bad lines is looked for. *embed_font* embeds the subset of
    IPAexGothic the page needs (``report`` extra); ``charts=False`` leaves the charts out (a lighter page, built
    in a fraction of the time). ``mask_pii=True`` masks personal data in the texts the page quotes or counts
    first (:func:`mask_report_frame`), and in the lines batch set aside; the page says how many values it masked.
    Predicted columns written with a prefix (``taikai batch --prefix pred_``: ``pred_reason``, …) are found and
    read under their plain names (an input column of such a name becomes ``input_reason``, …); *prefix* chooses
    among several sets (default: the one the batch summary *run* recorded, else the only one). The texts are in
    *text_column* (default: the column batch classified, as *run* records it, else ``text``). The reasons over time
    are counted per *freq* of *date_column* (``M`` months, the default, ``W`` weeks, ``Q`` quarters, ``Y`` years, or
    a fiscal year's ``Q-MAR``, ``Y-MAR``; pandas' spellings and offsets alike: ``ME``, ``QE-MAR``, ``YS-APR``); *freq*
    given without *date_column* is refused, as ``--freq`` is on the command line; a time zone *tz* (``Asia/Tokyo``,
    ``UTC``, ``+09:00``) counts them in it as :func:`reasons_over_time` does, and the page says so. With
    *progress*, a line on stderr says which step the report is at (the section being built, then the page) and, in
    the steps that read every text, how many it has read (rewritten at most twice a second). The id shown
    beside each review, as written (``3328``, whatever the dtype), is the column *id_column* (refused, as
    ``suggest`` refuses it, when *df* has no such column), else *df*'s named index (a MultiIndex: its first
    level, every level kept as a column), else the batch's ``--id-column``, else an ``id``-like column; an index
    whose first level has no name, or named like a column (``status``, ``text``, …), is not used, with a
    :class:`DataWarning` saying how to name it. The index is the id only: *date_column*, *by* or the text column
    naming a level of it (``df.set_index("posted_at")``) is an :class:`InputError` saying so and to make it a column
    again (``df.reset_index()``), as :func:`reasons_over_time` and :func:`segment_breakdown` say.
    """
    for flag, value in (("embed_font", embed_font), ("charts", charts), ("drift", drift), ("mask_pii", mask_pii)):
        check_bool(flag, value)
    check_frame("df", df)
    if run is not None and not isinstance(run, RunSummary):  # classify_file's BatchSummary is not what was saved
        path = "Path(summary.output)" if hasattr(run, "output") else "path"
        error = wrong_type("run", run, "a RunSummary or None")
        raise TypeError(f"{error}: pass taikai.io.read_summary({path}), the batch summary saved beside the predictions")
    check_int("per_reason", per_reason, 1)
    check_int("uncertain", uncertain, 1)
    model = given_model(model)
    steps = progress if isinstance(progress, Steps) else Steps(check_bool("progress", progress))
    check_choice(Argument("lang", "--lang"), lang, PHRASES)
    freq, tz = period_freq(freq, date_column, FREQ), period_tz(tz, date_column)
    if source_path is not None and not isinstance(source_path, str | PurePath):
        raise wrong_type("source_path", source_path, "the path of the predictions file (str or pathlib.Path), or None")
    check_str("source", source, "a str naming the predictions (a file name), or '' for none")
    where = str(source_path) if source_path is not None else source or "the predictions frame"
    trial = trial_run(run, df)  # batch --limit N, as its summary (or the frame read_predictions read) records it
    labels = df.index  # a named one made a column, but an edited cell still named by it (df.loc finds the row)
    text_column, text_argument = text_column_of(run, text_column)
    refuse_index_levels(df, [(DATE_COLUMN, date_column), (BY, by), (text_argument, text_column)], where)
    df, index_id = index_as_column(df, where)
    shown = list(df.columns)  # as the file names them, for messages: pred_reason, not reason
    recorded = run.prefix if run is not None else None
    named, df = df, predictions_frame(df.set_axis(labels), where, prefix, recorded, mask_pii)
    df = df if index_id is None else df.reset_index(drop=True)
    if "reason" not in df.columns:
        raise InputError(
            f"{where}: not a predictions file: no 'reason' column, nor a prefixed one such as pred_reason "
            f"(the columns are {list(map(str, df.columns))}); classify it first with "
            f"{'model.predict_frame(df, text_column=…)' if source_path is None else 'taikai batch'}"
            f"{separator_hint(df.columns, frame=source_path is None)}"
        )
    if not any(str(c).startswith("p_reason_") for c in df.columns):
        raise InputError(
            f"{where}: the predictions have no p_reason_* columns (the report needs the probabilities); write them "
            "with taikai batch or predict_frame"
        )
    told = reviews_told(df, as_renamed(named, df, text_column), text_argument)  # not there: the ones of reviews
    # the columns' labels, found as predict_frame finds them (0 or "0" for a frame read with header=None)
    date_column, by, text_column, id_column = (
        None
        if column is None  # named as the file names it: its own sentiment, not the model's pred_sentiment
        else str(find_column(df.columns, as_renamed(named, df, column), argument, source=where, shown=shown, hint=hint))
        for argument, column, hint in (
            (DATE_COLUMN, date_column, dates_told(df, as_renamed(named, df, date_column))),
            (BY, by, ""),
            (text_argument, text_column, told),
            (ID_COLUMN, id_column, ""),
        )
    )
    assert text_column is not None
    if not all(isinstance(c, str) for c in df.columns):
        df = df.set_axis(list(map(str, df.columns)), axis=1)
    if date_column is not None:
        check_date_column(df[date_column], date_column, where, mask_pii=mask_pii)
    df = df.reset_index(drop=True)
    masked_before = masked_input_line(run, df[text_column] if text_column in df.columns else (), PHRASES[lang])
    masks: dict[str, int] = {}
    path = Path(source_path) if source_path is not None else None
    summary_file = _summary_name(path)
    if mask_pii:  # the texts, and the file names the page shows (a dump named after a client)
        df, masks = mask_report_frame(df, text_column, by, date_column)
        source, summary_file, trial, masks = mask_file_names(source, summary_file, trial, masks)
    ids = id_column or index_id
    # the summary's model made the set of columns it recorded; another set chosen with prefix was another model's
    made_by = run if run is None or prefix is None or run.prefix in (None, prefix) else replace(run, model=None)
    options = ReportOptions(date_column, by, text_column, freq, per_reason, uncertain, lang, drift, mask_pii, ids, tz)
    ctx = ReportContext(
        df,
        options,
        source,
        identify_model(df, model, made_by),
        run,
        summary_file,
        drift_model(model, made_by),
        path.parent if path is not None else None,
        run is None and path is not None and summary_path(path).is_file(),
        Counter(masks),
        where,
        None if made_by is run or run is None or run.prefix is None or prefix is None else (run.prefix, prefix),
    )
    try:
        sections = build_sections(ctx, steps)
        steps.step("page")
        made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        version = importlib_metadata.version("taikai")
        t = ctx.t  # a model of labels of its own gets a page without the churn taxonomy's words
        line = fill(t.input_line, source=source or "(frame)", rows=f"{len(df):,}", made=made, version=version)
        # the texts' masks (batch's, the report's own, or none) and those of every text the sections quote
        header = [
            Note(line),
            *([Note(trial_line(trial, t))] if trial else []),
            *map(Note, masking_lines(masked_before, ctx.masks if mask_pii else None, t)),
        ]
        return render_page(t.heading, f"{t.heading} {source}".strip(), header, sections, lang, embed_font, charts)
    finally:
        if steps is not progress:  # the caller's steps are the caller's to close
            steps.close()


@argument_order
@errors_masked
def write_report(
    predictions: str | Path,
    out: str | Path,
    encoding: str | None = None,
    encoding_errors: str = "strict",
    sheet: str | int | None = None,
    **options: Any,
) -> Path:
    """Read the predictions file and the batch summary beside it, build the report (options as for
    :func:`build_report`) and write it to *out*. The folder of *out* must exist, and *out* must not be the
    predictions or their summary: that is checked first. Of an xlsx workbook, *sheet* (a name or 1-based number,
    as ``--sheet``) is read, else the first sheet; a sheet without predictions is refused naming the others."""
    if not isinstance(predictions, str | PathLike):  # a frame: its page is build_report's, written by the caller
        refused = wrong_type("predictions", predictions, "a str or pathlib.Path of a predictions file")
        frame = "; a frame's report is build_report(df): Path(out).write_text(build_report(df), encoding='utf-8')"
        raise TypeError(f"{refused}{frame if type(predictions).__name__ == 'DataFrame' else ''}")
    check_write_options(options, inspect.signature(build_report).parameters)
    check_path("out", out)
    check_output_dir(Path(out))
    path = Path(predictions)
    check_not_input(Path(out), with_summary("the predictions", path))
    check_report_out(Path(out))  # after: the predictions or their summary named as the output are said as such
    # labels on the page: "007" stays 007, not 7 (nor 7.0 beside a blank); the id columns read_predictions knows
    # (ID_COLUMNS, the summary's --id-column) it keeps as text, and id_column is kept so too
    keep = [str(options[name]) for name in ("by", "id_column") if options.get(name)]
    for flag in ("embed_font", "charts", "drift", "mask_pii"):  # refused before the predictions are read
        check_bool(flag, options.get(flag, False))
    options["model"] = given_model(options.get("model"))
    steps = Steps(check_bool("progress", options.pop("progress", False)))
    steps.step("reading")
    try:
        mask_pii = options.get("mask_pii", False)
        check_predictions_header(path, sheet)  # a workbook not classified yet: said before its rows are read
        df = read_predictions(path, encoding, encoding_errors, mask_pii=mask_pii, text_columns=keep, sheet=sheet)
        check_predictions_sheet(df, path, sheet)
        page = build_report(df, source=path.name, run=read_summary(path), source_path=path, progress=steps, **options)
    finally:
        steps.close()
    out = Path(out)
    write_whole(out, page)  # a report stopped while written leaves none, or the one there was
    return out
