"""The HTML report: an ordered list of typed sections, each built by its own module, rendered by one renderer.

A section builder takes a :class:`ReportContext` (the predictions, the options, shared derived tables) and returns
a :class:`Section` of blocks (:class:`Paragraph`, :class:`Note`, :class:`Bullets`, :class:`ReportTable`,
:class:`Chart`, :class:`Heading`). ``SECTIONS`` orders the builders; :func:`render_page` writes the HTML.
"""

from taikai.analysis._report._blocks import (
    Bullets,
    Cell,
    Chart,
    Column,
    ColumnKind,
    CountShare,
    Heading,
    Note,
    Paragraph,
    ReportBlock,
    ReportTable,
    Section,
    Share,
)
from taikai.analysis._report._build import build_report, html_table, write_report
from taikai.analysis._report._context import ReportContext, ReportOptions
from taikai.analysis._report._i18n import PHRASES
from taikai.analysis._report._ids import index_as_column
from taikai.analysis._report._progress import Steps
from taikai.analysis._report._provenance import ModelInfo, Origin
from taikai.analysis._report._render import render_page
from taikai.analysis._report._sections import SECTIONS, SectionBuilder, build_sections

__all__ = [
    "PHRASES",
    "SECTIONS",
    "Bullets",
    "Cell",
    "Chart",
    "Column",
    "ColumnKind",
    "CountShare",
    "Heading",
    "ModelInfo",
    "Note",
    "Origin",
    "Paragraph",
    "ReportBlock",
    "ReportContext",
    "ReportOptions",
    "ReportTable",
    "Section",
    "SectionBuilder",
    "Share",
    "Steps",
    "build_report",
    "build_sections",
    "html_table",
    "index_as_column",
    "render_page",
    "write_report",
]
