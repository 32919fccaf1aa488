"""Section: how many rows were classified, why the others were not, and the lines batch set aside."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from taikai.analysis import _tables as tables
from taikai.analysis._report._blocks import ColumnKind, Heading, Note, ReportBlock, ReportTable, Section, Share
from taikai.analysis._report._by_names import mask_name_cells
from taikai.analysis._report._context import ReportContext
from taikai.analysis._report._i18n import fill
from taikai.analysis._report._masking import mask_file_name
from taikai.analysis._report._status_messages import MEANING_COLUMN_JA, bad_line_meaning_ja, meaning_ja, status_ja
from taikai.privacy import PiiKind, mask_text_column, sum_counts
from taikai.text import Status, cut_to

BAD_LINES_SHOWN = 10


def _set_aside(ctx: ReportContext) -> list[ReportBlock]:
    t, run, source_dir = ctx.t, ctx.run, ctx.source_dir
    if run is None:
        if ctx.summary_ignored:
            return [Note(t.summary_ignored.format(file=ctx.summary_file))]
        return [Note(t.set_aside_no_summary.format(file=ctx.summary_file))] if ctx.summary_file else []
    if not run.bad_lines and not run.blank_lines:
        return [Heading(t.set_aside), Note(t.set_aside_none)]
    counts = t.set_aside_counts.format(bad=f"{run.bad_lines:,}", blank=f"{run.blank_lines:,}")
    blocks: list[ReportBlock] = [Heading(t.set_aside)]
    side = Path(run.bad_lines_file).name if run.bad_lines_file else None
    if not (side and source_dir is not None and (source_dir / side).is_file()):
        return [*blocks, Note(counts)]
    import pandas as pd

    from taikai.io import read_table

    bad = read_table(source_dir / side).frame
    spans = _spans(bad)
    if spans is not None:
        bad = bad.drop(columns="last_line")
        long = spans[spans > 1]
        if len(long):
            counts += " " + fill(t.set_aside_spans, records=f"{len(long):,}", lines=f"{int(long.sum()):,}")
            starts = pd.to_numeric(bad["line"]).astype(int)
            bad["line"] = [f"{n:,}" if k == 1 else f"{n:,}–{n + k - 1:,}" for n, k in zip(starts, spans)]
    bad = bad.head(BAD_LINES_SHOWN)
    if ctx.options.mask_pii and "raw" in bad.columns:  # a bad line holds the text as written
        bad, per_row = mask_text_column(bad, "raw")
        ctx.masks.update(sum_counts(per_row))  # the header counts them with the texts' (mask_report_frame)
        # the line quotes every column of its row: a bare name in one (an author's, a --by value) has no context
        named = [mask_name_cells(raw) if isinstance(raw, str) else (raw, 0) for raw in bad["raw"]]
        bad["raw"] = [raw for raw, _ in named]
        ctx.masks.update({PiiKind.NAME.value: sum(n for _, n in named)})
    kinds = {"line": ColumnKind.NUMBER, "raw": ColumnKind.TEXT}
    # the kind of each error, as the side file writes it (one written before it did: read back from the error)
    said = bad.pop("kind").tolist() if "kind" in bad.columns else [None] * len(bad)
    if t.lang == "ja" and "error" in bad.columns:  # the readers' errors are English: each said in Japanese before it
        meanings = [bad_line_meaning_ja(error, kind) for error, kind in zip(bad["error"], said, strict=True)]
        bad.insert(bad.columns.get_loc("error"), MEANING_COLUMN_JA, meanings)
        kinds[MEANING_COLUMN_JA] = ColumnKind.TEXT
    table = ReportTable.from_frame(bad, index=False, kinds=kinds)
    shown = mask_file_name(side)[0] if ctx.options.mask_pii else side  # named as the page's title names its file
    return [*blocks, Note(counts), Note(t.set_aside_sample.format(file=shown)), table]


def _spans(bad: Any) -> Any:
    """The number of file lines each bad record covers (``last_line`` - ``line`` + 1), or ``None`` when the side
    file does not say (written before it recorded ``last_line``, or with lines that are not numbers)."""
    import pandas as pd

    if not {"line", "last_line"} <= set(bad.columns):
        return None
    first, last = (pd.to_numeric(bad[c], errors="coerce") for c in ("line", "last_line"))
    if first.isna().any() or last.isna().any():
        return None
    return (last - first + 1).clip(lower=1).astype(int)


def _cut(ctx: ReportContext) -> list[ReportBlock]:
    """The line counting the rows classified from the start of their text only (status ``ok``, with the message
    :data:`taikai.text.CUT_MESSAGE`), when there are any."""
    df = ctx.frame
    if "message" not in df.columns or "status" not in df.columns:
        return []
    ok = df["status"].astype(str) == Status.OK.value
    limits = df.loc[ok, "message"].map(cut_to).dropna().astype(int)
    if not len(limits):
        return []
    limit = "/".join(f"{n:,}" for n in sorted(set(limits)))
    return [Note(fill(ctx.t.status_cut, cut=f"{len(limits):,}", limit=limit))]


def status_section(ctx: ReportContext) -> Section:
    """Rows per status (count and share), the most frequent messages of rows that are not ``ok``, lines set aside."""
    df, t = ctx.frame, ctx.t
    counts = tables.status_counts(df)
    bad = int(counts.drop(index=Status.OK.value, errors="ignore")["count"].sum())
    shown = counts.assign(share=counts["share"].map(Share)).rename(columns={"count": t.count, "share": t.share})
    if t.lang == "ja":  # the statuses are taikai's English words: each with what it means
        shown = shown.rename(index=status_ja)
    blocks: list[ReportBlock] = [
        Note(fill(t.status_note, rows=f"{len(df):,}", bad=f"{bad:,}")),
        ReportTable.from_frame(shown),
    ]
    blocks += _cut(ctx)
    if bad and "message" in df.columns and "status" in df.columns:
        messages = (
            df.loc[df["status"].astype(str) != Status.OK.value, "message"]
            .fillna("")
            .astype(str)
            .value_counts()
            .head(10)
        )
        table = messages.rename(t.count).rename_axis("message").to_frame()
        kinds = {"message": ColumnKind.TEXT}
        if t.lang == "ja":  # the messages are English: each said in Japanese before it
            table = table.reset_index()
            table.insert(0, MEANING_COLUMN_JA, [meaning_ja(m) or "" for m in table["message"]])
            table = table.set_index(MEANING_COLUMN_JA)
            kinds[MEANING_COLUMN_JA] = ColumnKind.TEXT
        blocks += [Heading(t.status_messages), ReportTable.from_frame(table, kinds=kinds)]
    return Section.of("status", t.status, blocks + _set_aside(ctx))
