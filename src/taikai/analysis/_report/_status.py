"""Section: how many rows were classified, and why the others were not."""

from __future__ import annotations

from taikai.analysis import _tables as tables
from taikai.analysis._report._blocks import Block, Note, Section, Share, Table
from taikai.analysis._report._context import ReportContext
from taikai.text import Status


def status_section(ctx: ReportContext) -> Section:
    """Rows per status (count and share) and the most frequent messages of rows that are not ``ok``."""
    df = ctx.frame
    counts = tables.status_counts(df)
    bad = int(counts.drop(index=Status.OK.value, errors="ignore")["count"].sum())
    blocks: list[Block] = [
        Note(f"{len(df):,} 行のうち {bad:,} 行は分類されていません (status が ok 以外)。"),
        Table.from_frame(counts.assign(share=counts["share"].map(Share))),
    ]
    if bad and "message" in df.columns and "status" in df.columns:
        messages = (
            df.loc[df["status"].astype(str) != Status.OK.value, "message"]
            .fillna("")
            .astype(str)
            .value_counts()
            .head(10)
        )
        blocks.append(Table.from_frame(messages.rename("count").rename_axis("message").to_frame()))
    return Section.of("status", "処理状況 (status)", blocks)
