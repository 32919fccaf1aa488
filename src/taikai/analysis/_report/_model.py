"""Section: which model made the predictions, and how well it did on its own test split."""

from __future__ import annotations

from taikai.analysis._drift_words import model_name
from taikai.analysis._report._blocks import Cell, Column, Note, ReportBlock, ReportTable, Section, Share
from taikai.analysis._report._context import ReportContext
from taikai.analysis._report._provenance import Origin


def model_section(ctx: ReportContext) -> Section:
    """Name, hash, creation date and test-split metrics of the model, and how the report knows it."""
    t, info = ctx.t, ctx.model
    stale = ctx.summary_ignored  # a summary of another output: the status section says so, and this says which model
    frame = ctx.source_dir is None  # a frame from Python: there is no file, nor a summary beside it
    recorded, read = (repr(p) for p in ctx.other_prefix or ("", ""))
    other = {"file": ctx.summary_file, "recorded": recorded, "prefix": read}  # the summary's model wrote another set
    if info.origin is Origin.UNKNOWN:
        unknown = t.model_unknown_stale.format(file=ctx.summary_file) if stale else t.model_unknown
        unknown = t.model_unknown_prefix.format(**other) if ctx.other_prefix else unknown
        return Section.of("model", t.model, [Note(t.model_unknown_frame if frame else unknown)])
    rows: list[tuple[Cell, ...]] = [
        (t.model_name, model_name(info.name, ctx.options.lang)),  # 同梱の既定モデル, not default (shipped)
        (t.model_sha, info.sha256),
        (t.model_created, info.created_at.replace("T", " ")),
    ]
    metrics = info.test_metrics
    if "reason_accuracy" in metrics:
        rows.append((t.model_accuracy, Share(metrics["reason_accuracy"])))  # 90.3%, as the page's other shares
    if "reason_macro_f1" in metrics:
        rows.append((t.model_macro_f1, metrics["reason_macro_f1"]))
    if "rows" in metrics:
        rows.append((t.model_test_rows, int(metrics["rows"])))
    origin = {
        Origin.OPTION: t.model_from_option,
        Origin.SUMMARY: t.model_from_summary.format(file=ctx.summary_file),
        Origin.ASSUMED: (
            t.model_assumed_frame
            if frame
            else t.model_assumed_stale.format(file=ctx.summary_file)
            if stale
            else t.model_assumed_prefix.format(**other)
            if ctx.other_prefix
            else t.model_assumed
        ),
    }[info.origin]
    blocks: list[ReportBlock] = [ReportTable((Column(""), Column("")), tuple(rows))]
    if not metrics:  # trained with --test-size 0: say why there is no accuracy, rather than leave it out
        blocks.append(Note(t.model_no_test))
    blocks.append(Note(origin))
    if info.refit_on_all_rows:
        blocks.append(Note(t.model_refit))
    return Section.of("model", t.model, blocks)
