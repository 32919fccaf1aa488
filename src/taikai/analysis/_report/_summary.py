"""Section: the story in a few sentences: how much was classified, the top reason, the sentiment, the drift verdict,
and the biggest changes between periods and between segments that pass a significance test."""

from __future__ import annotations

from taikai.analysis import _changes as changes
from taikai.analysis import _tables as tables
from taikai.analysis._report import _format as fmt
from taikai.analysis._report._blocks import Bullets, Note, Paragraph, ReportBlock, Section
from taikai.analysis._report._context import ReportContext
from taikai.analysis._report._drift import drift_check
from taikai.analysis._report._i18n import fill
from taikai.labels import counted_label
from taikai.rules import MODEL_REASON

MAX_FINDINGS = 3


def _period_findings(ctx: ReportContext) -> tuple[list[str], bool]:
    """The sentences on changes between periods, and whether any period was compared (else a sentence says why)."""
    table = ctx.over_time
    names = [tables.period_label(p) for p in table.index]
    found = changes.period_changes(table, names)
    if not found:
        why = changes.why_no_period_compared(table)
        template = (
            ctx.t.summary_no_comparison
            if why.reason is None
            else ctx.t.summary_no_comparison_one_reason
            if why.everywhere
            else ctx.t.summary_no_comparison_one_reason_large
        )
        name = "" if why.reason is None else ctx.reason(why.reason)
        return ([fill(template, period=ctx.period, min_group=changes.MIN_GROUP, name=name)] if names else []), False
    best = changes.biggest(found, MAX_FINDINGS)
    if not best:
        return [fill(ctx.t.summary_no_change, period=ctx.period, tests=len(found))], True
    sentences = []
    for c in best:
        template = ctx.t.summary_up if c.difference > 0 else ctx.t.summary_down
        adjacent = names.index(c.baseline) == names.index(c.where) - 1
        against = ctx.t.summary_against_previous if adjacent else ctx.t.summary_against
        sentences.append(
            template.format(
                name=ctx.reason(c.reason),
                where=c.where,
                before=fmt.count(c.baseline_count),
                after=fmt.count(c.count),
                before_share=fmt.share(c.baseline_share),
                after_share=fmt.share(c.share),
                period=ctx.period,
                against=against.format(period=ctx.period, baseline=c.baseline),
                p=fmt.p_value(c.p_adjusted),
            )
        )
    return sentences, True


def _segment_findings(ctx: ReportContext) -> tuple[list[str], bool]:
    """The sentences on segments that differ, and whether any segment was compared (else a sentence says why).

    The pooled rest (the values past the largest, summed) is tested with the others but never headlined: a group
    of unrelated values is no finding. When it alone differs, a sentence says no single value stood out."""
    by = ctx.options.by
    found = changes.segment_changes(ctx.segments)
    if not found:
        why = changes.why_no_segment_compared(ctx.segments)
        if why.reason is not None:
            return [fill(ctx.t.summary_no_segment_comparison_one_reason, by=by, name=ctx.reason(why.reason))], False
        return [fill(ctx.t.summary_no_segment_comparison, by=by, min_group=changes.MIN_GROUP)], False
    best = changes.biggest([c for c in found if not c.pooled], MAX_FINDINGS)
    pooled = changes.biggest([c for c in found if c.pooled], 1)
    if not best and not pooled:
        return [fill(ctx.t.summary_no_segment_change, by=by, tests=len(found))], True
    return [
        (
            ctx.t.summary_segment_pooled_only
            if c.pooled
            else ctx.t.summary_segment_up
            if c.difference > 0
            else ctx.t.summary_segment_down
        ).format(
            by=by,
            where=c.where,
            name=ctx.reason(c.reason),
            share=fmt.share(c.share),
            count=fmt.count(c.count),
            total=fmt.count(c.total),
            other=fmt.share(c.baseline_share),
            p=fmt.p_value(c.p_adjusted),
        )
        for c in best or pooled
    ], True


def summary_section(ctx: ReportContext) -> Section:
    """Counts, the top reason and sentiment in words, the drift check's verdict (with a drift section), then the
    significant changes over time and across segments."""
    t, rows = ctx.t, ctx.rows
    n = len(ctx.frame)
    overview = [
        fill(t.summary_rows, rows=fmt.count(n), classified=fmt.count(len(rows)), share=fmt.share(len(rows) / max(n, 1)))
    ]
    distribution = tables.reason_distribution(ctx.frame)
    if len(rows):
        top = distribution["count"].idxmax()
        # reasons as frequent as the top one are named with it: the first of them is not "the most frequent"
        tied = [str(r) for r, n in distribution["count"].items() if n == distribution.loc[top, "count"]]
        tied = [] if len(tied) == 1 else tied
        # under --rules-mode override the counts are the rules' where one fired: said, with the model's own count
        own = rows[MODEL_REASON].astype(str) if ctx.overridden else None
        model = [fmt.count(int((own == r).sum())) if own is not None else "" for r in tied or [str(top)]]
        if ctx.overridden:
            template = t.summary_top_override_tied if tied else t.summary_top_override
        else:
            template = t.summary_top_tied if tied else t.summary_top
        overview.append(
            fill(
                template,
                name=t.summary_tied_join.join(map(ctx.reason, tied)) if tied else ctx.reason(str(top)),
                count=fmt.count(int(distribution.loc[top, "count"])),
                share=fmt.share(float(distribution.loc[top, "share"])),
                model=t.summary_model_join.join(model),
            )
        )
    sentiment = tables.sentiment_distribution(ctx.frame)
    if int(sentiment["count"].sum()):  # no sentiment head, or nothing classified: no sentence
        parts = [f"{counted_label(ctx.sentiment(str(s)))} {fmt.share(float(v))}" for s, v in sentiment["share"].items()]
        overview.append(t.summary_sentiment.format(parts=" · ".join(parts)))
    blocks: list[ReportBlock] = [Paragraph(t.summary_sentence_join.join(overview))]
    if (drift := _drift_line(ctx)) is not None:  # how far to trust what follows, before the findings
        blocks.append(Paragraph(drift))
    periods, compared = _period_findings(ctx) if ctx.options.date_column else ([], False)
    segments, segments_compared = _segment_findings(ctx) if ctx.options.by else ([], False)
    if periods or segments:
        blocks.append(Bullets((*periods, *segments)))
    if compared or segments_compared:
        blocks.append(Note(_method(ctx, periods=compared, segments=segments_compared)))
    return Section.of("summary", t.summary, blocks)


def _drift_line(ctx: ReportContext) -> str | None:
    """The drift check's verdict in one line, as the drift section says it (its ``verdict``), with what it means for
    the figures and where that section is; ``None`` when the page has no drift section."""
    found = drift_check(ctx)  # made once for the page: the drift section shows it
    if found is None:
        return None
    said = ctx.t.summary_drift
    if found.verdict is None or found.report is None:  # no probabilities, no statistics, the check stopped
        return said["unchecked"].format(title=found.title)
    return said[found.report.verdict.value].format(verdict=found.verdict, title=found.title)


def _method(ctx: ReportContext, *, periods: bool, segments: bool) -> str:
    """The note on the tests, naming only the families of comparisons that were made (periods, segments)."""
    t = ctx.t
    compared = [t.summary_method_periods] if periods else []
    compared += [t.summary_method_segments] if segments else []
    parts = t.summary_method_and.join(part.format(period=ctx.period, by=ctx.options.by) for part in compared)
    return fill(t.summary_method, compared=parts, min_group=changes.MIN_GROUP)
