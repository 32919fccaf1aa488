"""Build the report: check the options, run every section builder in order, render the page.

To add a section, write a module here with a function ``(ReportContext) -> Section | None`` and add it to
``SECTIONS``; a builder returns ``None`` when the options leave its section out (``drift=False``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

from taikai.analysis._report._blocks import Note, Section, Table
from taikai.analysis._report._context import ReportContext, ReportOptions
from taikai.analysis._report._drift import drift_builder
from taikai.analysis._report._reasons import reasons_section
from taikai.analysis._report._render import render_page, render_table
from taikai.analysis._report._reviews import representative_section, uncertain_section
from taikai.analysis._report._segments import segments_section
from taikai.analysis._report._sentiment import sentiment_section
from taikai.analysis._report._status import status_section
from taikai.analysis._report._trend import trend_section
from taikai.errors import InputError
from taikai.io import read_predictions
from taikai.model import Model

SectionBuilder = Callable[[ReportContext], Section | None]

# The report's sections, in page order: anchor -> builder.
SECTIONS: dict[str, SectionBuilder] = {
    "status": status_section,
    "reasons": reasons_section,
    "sentiment": sentiment_section,
    "trend": trend_section,
    "segments": segments_section,
    "representative": representative_section,
    "uncertain": uncertain_section,
    "drift": drift_builder,
}


def html_table(df: Any, index: bool = True) -> str:
    """Return the frame *df* as an HTML table with every value escaped."""
    return render_table(Table.from_frame(df, index))


def build_sections(ctx: ReportContext) -> list[Section]:
    """Return every section of the report of *ctx* that its options keep, in page order."""
    sections = [s for s in (build(ctx) for build in SECTIONS.values()) if s is not None]
    keys = [s.key for s in sections]
    assert keys == [k for k in SECTIONS if k in keys], f"a section builder returned the wrong key: {keys}"
    return sections


def build_report(
    df: Any,
    date_column: str | None = None,
    by: str | None = None,
    text_column: str = "text",
    freq: str = "M",
    source: str = "",
    per_reason: int = 3,
    uncertain: int = 20,
    model: Model | str | Path | None = None,
    drift: bool = True,
) -> str:
    """Return the report of the predictions frame *df* as one HTML page.

    With *drift*, a last section compares the predictions with *model*'s training statistics (default: the
    shipped model; see :func:`taikai.analysis.drift_section`).
    """
    for option, column in (("--date-column", date_column), ("--by", by), ("--text-column", text_column)):
        if column and column not in df.columns:
            raise InputError(f"no column {column!r} ({option}); the columns are {list(map(str, df.columns))}")
    options = ReportOptions(date_column, by, text_column, freq, per_reason, uncertain, drift)
    ctx = ReportContext(df.reset_index(drop=True), options, source, model)
    sections = build_sections(ctx)
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    version = importlib_metadata.version("taikai")
    header = [Note(f"入力: {source or '(frame)'} · {len(df):,} 行 · 作成: {made} · taikai {version}")]
    return render_page("退会理由レポート", f"退会理由レポート {source}", header, sections)


def write_report(predictions: str | Path, out: str | Path, encoding: str | None = None, **options: Any) -> Path:
    """Read the predictions file, build the report (options as for :func:`build_report`) and write it to *out*."""
    df = read_predictions(predictions, encoding)
    page = build_report(df, source=Path(predictions).name, **options)
    out = Path(out)
    out.write_text(page, encoding="utf-8")
    return out
