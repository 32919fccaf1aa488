"""The reasons the report's charts draw: every one for a model of a few, else the most frequent and one pooled bar.

A model trained on 200 labels of its own drew every chart a bar or a panel per label: 11,000 pixels tall, colours
no one can tell apart. The charts draw the :data:`MAX_CHART_LABELS` most frequent primary reasons and sum the
others into one (``ほか 188 件の理由``), said in a note; the tables keep every reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from taikai.analysis._report._context import ReportContext
from taikai.analysis._report._i18n import fill
from taikai.labels import OwnLabels, parse_reasons

MAX_CHART_LABELS = 12
"""The most bars a chart draws: every reason up to it; past it, the 11 most frequent and one bar of the rest."""


@dataclass(frozen=True)
class ChartLabels:
    """The reasons the charts draw (*kept*, most frequent first when any are pooled), the ones they pool into one
    bar named *other* (*rest*; none when every reason is drawn), and the labels to name them by."""

    kept: tuple[str, ...]
    rest: tuple[str, ...]
    other: str
    labels: Any

    @property
    def pooled(self) -> bool:
        """Whether some reasons are summed into the one bar :attr:`other`."""
        return bool(self.rest)

    def caption(self, ctx: ReportContext) -> str:
        """The note under the charts saying which reasons they draw, when some are pooled (else ``""``)."""
        if not self.pooled:
            return ""
        top, rest = f"{len(self.kept):,}", f"{len(self.rest):,}"
        return fill(ctx.t.charts_pooled, top=top, rest=rest, other=self.other)

    def columns(self, table: Any) -> Any:
        """Return the count *table* (a column per reason) with the pooled reasons' columns summed into one."""
        if not self.pooled:
            return table
        out = table[list(self.kept)].copy()
        out[self.other] = table[[r for r in self.rest if r in table.columns]].sum(axis=1)
        return out

    def rows(self, table: Any) -> Any:
        """Return the count *table* (a row per reason) with the pooled reasons' rows summed into one."""
        return self.columns(table.T).T if self.pooled else table


def chart_labels(ctx: ReportContext) -> ChartLabels:
    """Return the reasons the charts of *ctx* draw: all, in the model's order, up to :data:`MAX_CHART_LABELS`;
    else the most frequent primary reasons among the classified rows (ties in the model's order) and the rest."""
    labels = list(ctx.reason_labels)
    if len(labels) <= MAX_CHART_LABELS:
        return ChartLabels(tuple(labels), (), "", ctx.reason_labels)
    counts = ctx.rows["reason"].astype(str).value_counts()
    ranked = sorted(labels, key=lambda r: -int(counts.get(r, 0)))  # stable: ties keep the model's order
    kept, rest = ranked[: MAX_CHART_LABELS - 1], ranked[MAX_CHART_LABELS - 1 :]  # with the pooled one: 12 drawn
    other = fill(ctx.t.rest_labels, n=f"{len(rest):,}")
    while other in labels:  # a label written so stays itself
        other += " "
    return ChartLabels(tuple(kept), tuple(rest), other, OwnLabels([*kept, other]))


def pooled_stated(ctx: ReportContext, stated: Any, chart: ChartLabels) -> Any:
    """Return :func:`stated_reasons`' table with the pooled reasons as one row: its primary rows summed, and the
    rows stating any of them (a row stating two of them counted once)."""
    import pandas as pd

    if not chart.pooled:
        return stated
    rows = ctx.rows
    n = max(len(rows), 1)
    primary = int(stated.loc[list(chart.rest), "primary"].sum())
    if "reasons" in rows.columns:
        rest = set(chart.rest)
        every = rows["reasons"].fillna(rows["reason"]).astype(str).map(parse_reasons)
        stating = int(every.map(lambda reasons: not rest.isdisjoint(reasons)).sum())
    else:
        stating = primary
    values = {"name": chart.other, "primary": primary, "primary_share": primary / n}
    pooled = pd.DataFrame([{**values, "stated": stating, "stated_share": stating / n}], index=[chart.other])
    return pd.concat([stated.loc[list(chart.kept)], pooled]).rename_axis(stated.index.name)
