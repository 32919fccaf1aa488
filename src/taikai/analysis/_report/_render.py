"""The one renderer: sections of typed blocks into a self-contained HTML page, every text escaped."""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Sequence

from taikai._cut import cut
from taikai._warn import warn_user
from taikai.analysis import _charts as charts
from taikai.analysis._chart_fonts import missing_glyphs_warning
from taikai.analysis._chart_png import png_uri
from taikai.analysis._report import _format as fmt
from taikai.analysis._report._blocks import (
    Bullets,
    Cell,
    Chart,
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
from taikai.analysis._report._font import FONT_FAMILY, font_face
from taikai.errors import DataWarning

TEXT_CHARS = 240

CSS = """
body{font-family:"%s","Noto Sans CJK JP","IPAexGothic","Hiragino Sans","Yu Gothic",Meiryo,sans-serif;
margin:2em auto;max-width:1180px;color:#222;line-height:1.6;padding:0 1em}
h1{border-bottom:3px solid #3b6ea5}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{margin:1.2em 0 .4em;font-size:1em}
nav p{line-height:2}nav a{display:inline-block;max-width:100%%;color:#3b6ea5}
#summary p,#summary li{font-size:1.05em}#summary li{margin:.3em 0}
.scroll{overflow-x:auto;max-width:100%%}
table{border-collapse:collapse;margin:.8em 0;font-size:.9em}th,td{border:1px solid #ddd;padding:.3em .6em;
vertical-align:top;text-align:left}thead th{background:#f2f5f9;white-space:nowrap}tbody th{background:#f8f9fb;
white-space:nowrap;font-weight:normal}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.d{white-space:nowrap}td.t,th.t{min-width:16em;max-width:44em;white-space:normal;overflow-wrap:anywhere;
line-break:strict;unicode-bidi:plaintext}td:not([class]){min-width:8em}
td.w,th.w{word-break:keep-all;overflow-wrap:normal}th.w{white-space:nowrap}
#model td{overflow-wrap:anywhere}#model tbody th{white-space:normal}
img{max-width:100%%}.note{color:#666;font-size:.9em}
.chart{overflow-x:auto;max-width:100%%}.chart img{height:auto;min-width:calc(var(--w)*.75)}
@media print{body{margin:0;max-width:none;padding:0}.scroll,.chart{overflow:visible}table{font-size:.75em}
thead th,td.n{white-space:normal}td:not([class]){min-width:0;overflow-wrap:anywhere}tbody th,td.d{white-space:normal}
th,td{padding:.2em .3em}td.t,th.t{min-width:10em}h2,h3{break-after:avoid}tr,img,.keep{break-inside:avoid}
.chart img{min-width:0}}
"""
"""A nav link is one block: it moves to the next line whole, as a word does, and only a title wider than the line
(the segments', holding a long column name) wraps, instead of pushing the page off a phone's screen and the paper.
td:not([class]) is a label (a reason, the runner-up, a status): 8 characters of Japanese on a line beside a wide
text column, which would squeeze it to one; the model table, the page's second, wraps its sha256 and its headings
on the screen too, so that on a phone its name and accuracy are on the screen beside them; td.t, a review, reads
in the direction of its first letter, and so does th.t, a long text as a row's heading (a message), which wraps
as a review does instead of running off the screen.
A chart (``.chart``, its image ``--w`` pixels wide as drawn) is shrunk to the screen no further than three quarters of
its width, where its 10-point labels are still 10 pixels high: on a phone, it scrolls sideways as a wide table does,
instead of being shrunk to a third of its width (a 1000-pixel trend on a 358-pixel screen), its labels 5 pixels high
(a browser blocking the image shows its alt text in that box, which scrolls too; the table under it holds its figures).
Printed (to PDF, say), a table has no scroll bar to show its right-hand columns: it is let out of its scrolling box,
in smaller type and narrower cells, its headings wrap, a count wraps before its share (``1,234 (12.3%)``), a label's
Latin word (a sha256) anywhere, and a row's heading, an id, date or segment where its text may break (a space),
so that every column is on an A4 page's 703 px (the least confident predictions, 11 columns, were 743 px wide on
the sample's English page, 788 on a 100,000-row dump's); a chart is shrunk to the paper's width as it needs, and kept
on one page with the headings and notes that lead up to it (``.keep``): a page ended with the heading and the note of
the reasons' chart, which started the next (the sample's second and third pages). A period and a verdict of the drift
tables (``.w``) are never broken inside a word, printed too: squeezed to fit A4, ``なし`` read な over し and a
period's row heading ``2026-09`` broke at its hyphen; a long verdict wraps at its spaces."""
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
"""On a phone, the page is laid out at the screen's width (without it, at a desktop's 980 px and shrunk to fit:
text too small to read); its wide tables scroll sideways."""
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""The characters Unicode marks Bidi_Control: overrides (U+202E shows the rest of a text backwards), embeddings,
isolates and direction marks. The page leaves them out, so that a text reads in the order it was written."""


def escape(value: object) -> str:
    """Return *value* as escaped HTML text (``None`` as nothing), without its bidirectional controls
    (:data:`BIDI_CONTROLS`)."""
    return html.escape(BIDI_CONTROLS.sub("", "" if value is None else str(value)))


def format_cell(value: Cell) -> str:
    """Return the text of a cell: thousands separators, probabilities to 3 places, shares as percentages."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, Share):
        return fmt.share(value.value)
    if isinstance(value, CountShare):
        return f"{value.count:,} ({fmt.share(value.share)})"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.3f}"
    return value


def _td(value: Cell, kind: ColumnKind) -> str:
    text = format_cell(value)
    if kind is ColumnKind.TEXT:
        text = cut(text, TEXT_CHARS)
    css = {ColumnKind.NUMBER: "n", ColumnKind.TEXT: "t", ColumnKind.NOWRAP: "d", ColumnKind.WORDS: "w"}.get(kind)
    return f'<td class="{css}">{escape(text)}</td>' if css else f"<td>{escape(text)}</td>"


def render_table(table: ReportTable) -> str:
    """Return *table* as HTML."""
    head = "".join(f"<th>{escape(c.name)}</th>" for c in table.columns)
    thead = f"<thead><tr>{head}</tr></thead>" if any(c.name for c in table.columns) else ""
    lines = [f"<table>{thead}<tbody>"]
    for row in table.rows:
        cells = []
        for j, (value, column) in enumerate(zip(row, table.columns)):
            if j == 0 and table.row_headings and column.kind is ColumnKind.TEXT:  # a long text (a message): wraps
                cells.append(f'<th class="t">{escape(format_cell(value))}</th>')
            elif j == 0 and table.row_headings and column.kind is ColumnKind.WORDS:  # a period: 2026-09 whole
                cells.append(f'<th class="w">{escape(format_cell(value))}</th>')
            elif j == 0 and table.row_headings:
                cells.append(f"<th>{escape(format_cell(value))}</th>")
            else:
                cells.append(_td(value, column.kind))
        lines.append("<tr>" + "".join(cells) + "</tr>")
    return '<div class="scroll">' + "\n".join([*lines, "</tbody></table>"]) + "</div>"


def png_width(uri: str) -> int:
    """Return the width in pixels of the PNG of a ``data:image/png;base64,…`` *uri* (from its IHDR chunk)."""
    return int.from_bytes(base64.b64decode(uri.partition(",")[2][:32])[16:20], "big")


def render_block(block: ReportBlock, charts_on: bool = True, missing: dict[str, None] | None = None) -> str:
    """Return one block as HTML (a chart only when *charts_on*); the characters a chart has no glyph for are added
    to *missing* (without it, :func:`~taikai.analysis.to_data_uri` warns of them)."""
    if isinstance(block, Paragraph):
        return f"<p>{escape(block.text)}</p>"
    if isinstance(block, Note):
        return f'<p class="note">{escape(block.text)}</p>'
    if isinstance(block, Heading):
        return f"<h3>{escape(block.text)}</h3>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, ReportTable):
        return render_table(block)
    if isinstance(block, Chart):
        if not charts_on:
            return ""
        fig = block.draw(*block.args)
        if missing is None:
            uri = charts.to_data_uri(fig)
        else:
            uri, drawn_as_missing = png_uri(fig)
            missing.update(dict.fromkeys(drawn_as_missing))
        caption = f'\n<p class="note">{escape(block.caption)}</p>' if block.caption else ""
        image = f'<img src="{uri}" alt="{escape(block.alt)}" style="--w:{png_width(uri)}px">'
        return f'<div class="chart">{image}</div>{caption}'
    raise TypeError(f"not a report block: {block!r}")


def render_section(section: Section, charts_on: bool = True, missing: dict[str, None] | None = None) -> str:
    """Return one section as HTML (*missing* as for :func:`render_block`): a chart in one box (``.keep``) with the
    headings and notes that lead up to it, the section's heading too when they are all that comes before it."""
    parts: list[str] = []
    lead = [f"<h2>{escape(section.title)}</h2>"]  # the headings and notes before the next block, said with it
    for block in section.blocks:
        part = render_block(block, charts_on, missing)
        if isinstance(block, (Heading, Paragraph, Note)):
            lead.append(part)
        elif isinstance(block, Chart) and part:
            parts.append('<div class="keep">' + "\n".join([*lead, part]) + "</div>")
            lead = []
        else:
            parts.extend([*lead, part])
            lead = []
    return f'<section id="{escape(section.key)}">\n' + "\n".join([*parts, *lead]) + "\n</section>"


def render_page(
    heading: str,
    title: str,
    header: Sequence[ReportBlock],
    sections: Sequence[Section],
    lang: str = "ja",
    embed_font: bool = True,
    charts_on: bool = True,
) -> str:
    """Return the whole page: its heading, header blocks, a nav bar to every section, then the sections.

    With *embed_font*, the subset of IPAexGothic holding every character of the page is embedded, so the page's
    Japanese reads on a machine without a Japanese font. Without *charts_on*, charts are left out.
    """
    nav = " · ".join(f'<a href="#{escape(s.key)}">{escape(s.title)}</a>' for s in sections)
    missing: dict[str, None] = {}  # the characters the charts have no glyph for: one warning for the page
    body = "\n".join(
        [
            f"<h1>{escape(heading)}</h1>",
            *(render_block(b, missing=missing) for b in header),
            f"<nav><p>{nav}</p></nav>",
            *(render_section(s, charts_on, missing) for s in sections),
        ]
    )
    if missing:
        message = missing_glyphs_warning(list(missing)) + "; the page's tables show them as written"
        warn_user(message, DataWarning)
    head = f"<title>{escape(title)}</title>"
    style = CSS % FONT_FAMILY
    if embed_font:
        style = font_face(html.unescape(head + body)) + style
    return "\n".join(
        [
            f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n{VIEWPORT}',
            f"{head}\n<style>{style}</style>\n</head>\n<body>",
            body,
            "</body>\n</html>\n",
        ]
    )
