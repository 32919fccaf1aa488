"""The alt text of each chart: its title and its main finding in one sentence, in the page's language, from the
figures the chart draws (a reader who gets no image, a mail client that blocks it, a screen reader, reads the point
of the chart, not only its name)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from taikai.analysis import _tables as tables
from taikai.analysis._report import _format as fmt
from taikai.analysis._report._phrases import fill

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd

    from taikai.analysis._report._context import ReportContext

WORDS = {
    "ja": {
        "alt": "{title}: {finding}",
        "top": "最も多いのは「{name}」で {count} 件 (分類された {rows} 件の {share})。",
        "top_tied": "最も多いのは「{name}」で、それぞれ {count} 件 (分類された {rows} 件の {share})。",
        "moved": "割合が最も大きく動いたのは「{name}」で、{period} に {before} から {after} ({previous} 比)。",
        "rose": "件数が最も大きく動いたのは「{name}」で、{period} に {before} 件から {after} 件 ({previous} 比)。",
        "most": "「{sentiment}」の割合が最も高い理由は「{name}」で {share} ({count}/{n} 件)。",
        "most_tied": "「{sentiment}」の割合が同じで最も高い理由は、{items}。",
        "most_item": "「{name}」({share}、{count}/{n} 件)",
        "moved_tied": "割合が同じ幅で最も大きく動いたのは、{items}。",
        "rose_tied": "件数が同じ幅で最も大きく動いたのは、{items}。",
        "rose_item": "「{name}」({period} に {before} 件から {after} 件、{previous} 比)",
        "moved_item": "「{name}」({period} に {before} から {after}、{previous} 比)",
        "segment": "{by} が {segment} のレビューでは「{name}」が {share} と、全体の {overall} から最も離れています。",
        "segment_tied": "全体から同じ幅で最も離れているのは、{items}。",
        "segment_item": "{by} が {segment} のレビューの「{name}」({share}、全体では {overall})",
        "segment_one": "{by} の値が 1 つだけのため、値の間の違いはありません。",
        "segment_same": "{by} のどの値でも理由の構成は同じです。",
        "items": "と、",
        "more": "、ほか {n} 件",
        "flat": "期間が 1 つだけのため、推移はありません。",
        "still_shares": "割合はどの期間も同じで、動いていません。",
        "still_counts": "件数はどの期間も同じで、動いていません。",
    },
    "en": {
        "alt": "{title}: {finding}",
        "top": "the most frequent is '{name}', {count} {count|review|reviews} ({share} of {rows} classified).",
        "top_tied": "the most frequent are '{name}', {count} {count|review|reviews} each ({share} of {rows} "
        "classified).",
        "moved": "the share that moved most is '{name}', from {before} to {after} in {period} (against {previous}).",
        "rose": "the count that moved most is '{name}', from {before} to {after} {after|review|reviews} in {period} "
        "(against "
        "{previous}).",
        "most": "the reason with the highest share of '{sentiment}' reviews is '{name}', {share} ({count} of {n}).",
        "most_tied": "the reasons with the highest share of '{sentiment}' reviews, as high, are {items}.",
        "most_item": "'{name}', {share} ({count} of {n})",
        "moved_tied": "the shares that moved most, by as much, are {items}.",
        "rose_tied": "the counts that moved most, by as much, are {items}.",
        "rose_item": "'{name}', from {before} to {after} {after|review|reviews} in {period} (against {previous})",
        "moved_item": "'{name}', from {before} to {after} in {period} (against {previous})",
        "segment": "on {by} {segment}, '{name}' is {share} of reviews, the furthest from its {overall} overall.",
        "segment_tied": "the furthest from their overall shares, by as much, are {items}.",
        "segment_item": "'{name}' on {by} {segment} ({share} of reviews, {overall} overall)",
        "segment_one": "only one value of {by}, so no difference between values.",
        "segment_same": "every value of {by} has the same mix of reasons.",
        "items": " and ",
        "more": ", and {n} more",
        "flat": "only one period, so no change over time.",
        "still_shares": "the shares are the same in every period: none moved.",
        "still_counts": "the counts are the same in every period: none moved.",
    },
}
"""The findings, keyed by the chart's kind; ``{title}`` is the chart's title; ``{count|review|reviews}`` says the
noun as the count wants (:func:`~taikai.analysis._report._phrases.fill`)."""


def _alt(ctx: ReportContext, title: str, key: str, **values: object) -> str:
    words = WORDS[ctx.options.lang]
    return words["alt"].format(title=title, finding=fill(words[key], **values))  # 1 review, 2 reviews


def _tied(values: pd.Series) -> list[Any]:
    """Return the index of every value of *values* as large as its largest (up to rounding: a share that rose by
    what another fell, 0.1 + 0.2 beside 0.3), in *values*' order: the alt text names them all, as the summary does."""
    import numpy as np

    return list(values.index[np.isclose(values.to_numpy(dtype=float), float(values.max()), rtol=0, atol=1e-12)])


MAX_TIED = 3
"""The tied findings an alt text names; the rest are counted (weeks of a few reviews each tie by the dozen)."""


def _items(ctx: ReportContext, key: str, found: list[dict[str, object]]) -> str:
    """Return each of *found* said by the template *key* (``moved_item``), joined as the page's language joins
    them: the first :data:`MAX_TIED`, then how many more."""
    words = WORDS[ctx.options.lang]
    said = words["items"].join(fill(words[key], **values) for values in found[:MAX_TIED])  # 1 review, 2 reviews
    return said + (words["more"].format(n=f"{len(found) - MAX_TIED:,}") if len(found) > MAX_TIED else "")


def reasons_alt(ctx: ReportContext, title: str, stated: pd.DataFrame) -> str:
    """The most frequent primary reason, its count and share of the classified rows; every reason as frequent as
    it is named with it (in the table's order), as the summary names them."""
    top = stated["primary"].idxmax()
    row = stated.loc[top]
    tied = [str(r) for r in _tied(stated["primary"])]
    rows = fmt.count(len(ctx.rows))
    name = ctx.t.summary_tied_join.join(map(ctx.reason, tied))
    count, share = fmt.count(int(row["primary"])), fmt.share(float(row["primary_share"]))
    key = "top_tied" if len(tied) > 1 else "top"
    return _alt(ctx, title, key, name=name, count=count, share=share, rows=rows)


def _steps(table: pd.DataFrame) -> pd.DataFrame:
    """The periods with reviews, in order (a period without reviews is no step: it is compared past)."""
    return table[table.sum(axis=1) > 0]


def shares_alt(ctx: ReportContext, title: str, table: pd.DataFrame, name: Callable[[str], str]) -> str:
    """The label whose share moved most from one period with reviews to the next, of a table of counts per period;
    that none moved when every period has the same shares (one reason throughout: 100 % in each)."""
    steps = _steps(table)
    if len(steps) < 2:
        return _alt(ctx, title, "flat")
    shares = steps.div(steps.sum(axis=1), axis=0)
    change = shares.diff().iloc[1:].abs().stack()
    if not change.max() > 1e-12:  # one reason in every period: 100 % throughout, nothing "moved most"
        return _alt(ctx, title, "still_shares")
    found: list[dict[str, object]] = []
    for i, column in _tied(change):  # every label that moved by as much, each at its step
        at = steps.index.get_loc(i)
        periods = [tables.period_label(p) for p in steps.index[at - 1 : at + 1]]
        before, after = float(shares[column].iloc[at - 1]), float(shares[column].iloc[at])
        found.append(
            {
                "name": name(str(column)),
                "period": periods[1],
                "previous": periods[0],
                "before": fmt.share(before),
                "after": fmt.share(after),
            }
        )
    if len(found) > 1:
        return _alt(ctx, title, "moved_tied", items=_items(ctx, "moved_item", found))
    return _alt(ctx, title, "moved", **found[0])


def counts_alt(ctx: ReportContext, title: str, table: pd.DataFrame) -> str:
    """The reason whose count moved most from one period with reviews to the next; every reason (or step) whose
    count moved by as much is named with it, as the shares' alt names them (:func:`shares_alt`)."""
    steps = _steps(table)
    if len(steps) < 2:
        return _alt(ctx, title, "flat")
    change = steps.diff().iloc[1:].abs().stack()
    if not change.max() > 0:  # the same counts in every period
        return _alt(ctx, title, "still_counts")
    found: list[dict[str, object]] = []
    for i, column in _tied(change):  # every reason that moved by as much, at its step
        at = steps.index.get_loc(i)
        before, after = (fmt.count(int(v)) for v in steps[column].iloc[at - 1 : at + 1])
        periods = [tables.period_label(p) for p in steps.index[at - 1 : at + 1]]
        found.append(
            {
                "name": ctx.reason(str(column)),
                "period": periods[1],
                "previous": periods[0],
                "before": before,
                "after": after,
            }
        )
    if len(found) > 1:
        return _alt(ctx, title, "rose_tied", items=_items(ctx, "rose_item", found))
    return _alt(ctx, title, "rose", **found[0])


def sentiment_alt(ctx: ReportContext, title: str, per_reason: pd.DataFrame) -> str:
    """Of the most frequent sentiment, the reason where its share is highest; every reason whose share is as high
    is named with it (a small month: 1 of 1 and 5 of 5 are both 100 %), as the other alt texts name ties."""
    sentiment = per_reason.sum().idxmax()
    n = per_reason.sum(axis=1)
    shares = (per_reason[sentiment] / n.replace(0, 1))[n > 0]  # a reason without reviews has no share
    label = ctx.sentiment(str(sentiment))
    found: list[dict[str, object]] = [
        {
            "name": ctx.reason(str(top)),
            "share": fmt.share(float(shares[top])),
            "count": fmt.count(int(per_reason.loc[top, sentiment])),
            "n": fmt.count(int(n[top])),
        }
        for top in _tied(shares)  # in the table's order
    ]
    if len(found) > 1:
        return _alt(ctx, title, "most_tied", sentiment=label, items=_items(ctx, "most_item", found))
    return _alt(ctx, title, "most", sentiment=label, **found[0])


def segments_alt(ctx: ReportContext, title: str, table: pd.DataFrame, by: str) -> str:
    """The segment and reason whose share is furthest from the reason's share over every segment."""
    if len(table) < 2:  # one value (every other blank): nothing to compare it with
        return _alt(ctx, title, "segment_one", by=by)
    n = table.sum(axis=1).replace(0, 1)
    shares = table.div(n, axis=0)
    overall = table.sum() / max(int(table.to_numpy().sum()), 1)
    distance = (shares - overall).abs().stack()
    if not distance.max() > 1e-12:
        return _alt(ctx, title, "segment_same", by=by)
    found: list[dict[str, object]] = [
        {
            "by": by,
            "segment": segment,
            "name": ctx.reason(str(column)),
            "share": fmt.share(float(shares.loc[segment, column])),
            "overall": fmt.share(float(overall[column])),
        }
        for segment, column in _tied(distance)  # two values of even size differ from the whole by as much
    ]
    if len(found) > 1:
        return _alt(ctx, title, "segment_tied", items=_items(ctx, "segment_item", found))
    return _alt(ctx, title, "segment", **found[0])
