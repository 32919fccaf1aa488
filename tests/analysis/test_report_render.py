"""The page's text as written: no bidirectional control reorders it, and a label column is not squeezed to one
character per line beside a wide text (checked in Chromium)."""

import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from taikai.analysis._report import Chart, Column, ColumnKind, Heading, Note, ReportTable, Section, render_page
from taikai.analysis._report._blocks import CountShare, Share
from taikai.analysis._report._render import escape, format_cell, render_block, render_section, render_table

REVERSED = "\u202e逆向き文字で運営が最悪"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (REVERSED, "逆向き文字で運営が最悪"),  # right-to-left override: the rest of the text showed mirrored
        ("\u202b運営が最悪、二度と使わない\u202c", "運営が最悪、二度と使わない"),  # an embedding: its runs swapped
        ("\u2067運営\u2069と\u200f手数料\u200e\u061c", "運営と手数料"),  # isolates and direction marks
        ("👨\u200d👩\u200d👧 家族", "👨\u200d👩\u200d👧 家族"),  # a zero-width joiner: one emoji, as written
        (
            "手数\u00ad料\u200b高い",
            "手数\u00ad料\u200b高い",
        ),  # a soft hyphen, a zero-width space: invisible as they are
        ("<b>&</b>", "&lt;b&gt;&amp;&lt;/b&gt;"),
    ],
)
def test_the_page_leaves_out_only_the_bidirectional_controls(text, shown):
    assert escape(text) == shown
    cells = ReportTable((Column("理由"), Column("text", ColumnKind.TEXT)), (("トラブル・不信", text),))
    assert f'<td class="t">{shown}</td>' in render_block(cells)
    assert render_block(Note(f"「{text}」が増えました")) == f'<p class="note">「{shown}」が増えました</p>'


def _measured(page: str, script: str, width: int = 1000, fonts: str = "none") -> object:
    """Return what *script* (an expression, JSON) finds in *page* laid out by Chromium, *width* pixels wide, with
    only the *fonts* of ``screenshot_report.font_files`` on the 'system'."""
    from screenshot_report import CHROMIUM_FLAGS, chromium, font_files, fontconfig

    browser = chromium()
    if browser is None:
        pytest.skip("no Chromium: apt-get install -y chromium")
    probe = f"<script>document.title='M'+JSON.stringify({script})</script></body>"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        html = folder / "page.html"
        html.write_text(page.replace("</body>", probe), encoding="utf-8")
        env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig(folder / "fontconfig", font_files(fonts)))}
        command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={folder / 'profile'}", f"--window-size={width},1000"]
        out = subprocess.run(
            [*command, "--dump-dom", html.as_uri()], check=True, timeout=120, capture_output=True, env=env, text=True
        ).stdout
    start = out.index("<title>M") + len("<title>M")
    return json.loads(out[start : out.index("</title>", start)].replace("&quot;", '"'))


LAYOUT = """(() => {
  const cells = [...document.querySelectorAll("tbody tr")].map(tr => tr.cells);
  const x = (cell, i) => { const r = document.createRange(); const t = cell.firstChild;
    r.setStart(t, i); r.setEnd(t, i + 1); return r.getBoundingClientRect().left; };
  const line = parseFloat(getComputedStyle(cells[0][0]).lineHeight);
  return {
    label_lines: cells.map(row => [0, 5].map(j => { const r = document.createRange();
      r.selectNodeContents(row[j]); return Math.round(r.getBoundingClientRect().height / line); })),
    first_left_of_last: cells.map(row => { const t = row[8].firstChild.data;  // the first letter, after any control
      return x(row[8], t.search(/[^\u202a-\u202e]/)) < x(row[8], t.length - 1); }),
  };
})()"""


@pytest.mark.slow
def test_labels_keep_their_line_and_a_reversed_text_reads_forwards_in_chromium():
    """Regression: beside a long review the runner-up column was three characters wide (トラブル・不信 one character
    per line), and a review starting with U+202E read backwards (悪最が営運で字文き向逆)."""
    long = "納品したのに報酬が支払われず、運営に問い合わせても返事がない。" * 8
    number, nowrap = ColumnKind.NUMBER, ColumnKind.NOWRAP
    columns = (
        Column("理由"),
        *(Column(name, nowrap) for name in ("感情", "review_id", "platform")),
        Column("p", number),
        Column("次点"),
        *(Column(name, number) for name in ("次点の p", "差")),
        Column("text", ColumnKind.TEXT),
    )  # the table of the least confident predictions
    rows = (
        (
            "他サービスへ移行 (platform_switch)",
            "ネガティブ",
            "r00106",
            "CrowdWorks",
            0.41,
            "トラブル・不信",
            0.4,
            0.01,
            long,
        ),
        ("報酬・単価が低い (low_pay)", "ネガティブ", "r00011", "ココナラ", 0.4, "直接契約・独立", 0.3, 0.1, REVERSED),
    )
    page = render_page("レポート", "レポート", [], [Section.of("s", "確信度の低い予測", [ReportTable(columns, rows)])])
    found = _measured(page, LAYOUT)
    assert found == {"label_lines": [[1, 1], [1, 1]], "first_left_of_last": [True, True]}, found


def test_the_page_is_laid_out_at_a_phones_width():
    """Regression: without a viewport line a phone laid the page out 980 pixels wide and shrank it to fit."""
    page = render_page("レポート", "レポート", [], [Section.of("s", "要約", [Note("7 件")])])
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page.split("</head>")[0]


WIDE = """(() => {
  const box = document.querySelector(".scroll");
  const last = [...document.querySelectorAll("tbody tr")].map(tr => tr.cells[tr.cells.length - 1]);
  return {fits: box.scrollWidth <= box.clientWidth, last_on_page: last.map(td =>
    td.getBoundingClientRect().right <= document.documentElement.clientWidth)};
})()"""


@pytest.mark.slow
def test_a_wide_table_printed_keeps_every_column_on_the_paper_in_chromium():
    """Regression: printed to PDF, the drift section's table of figures per period (12 columns under headings that
    never wrapped) was cut at the paper's edge inside its scroll box: its verdict column was not on the paper. The
    page's print rules, applied on screen at a letter page's width, must fit it."""
    names = ["分類できない行 (空・日本語以外・読めない) の割合", "未知のトークン (OOV) の割合"]
    names += ["1 行あたりのトークン数"]
    names += ["理由の最大確率の平均", "理由の最大確率が 0.5 未満の行の割合", "新しい語の割合"]
    names += ["予測した理由の構成の変化 (Jensen–Shannon, ビット)", "1 つの理由の割合"]
    names += ["予測した感情の構成の変化 (Jensen–Shannon, ビット)"]
    columns = (Column("期間"), Column("行数", ColumnKind.NUMBER), *map(Column, names), Column("ドリフト"))
    verdicts = ("なし", "あり (99% が 1 つの文章)")  # a period that one text fills says so in its row
    rows = tuple(
        (f"2025-01-{d:02d}/2025-01-{d + 6:02d}", 33, *["12.5%"] * len(names), verdict)
        for d, verdict in zip((6, 13), verdicts, strict=True)
    )
    page = render_page("レポート", "レポート", [], [Section.of("drift", "ドリフト", [ReportTable(columns, rows)])])
    found = _measured(page.replace("@media print{", "@media all{"), WIDE, width=720)
    assert found == {"fits": True, "last_on_page": [True, True]}, found


KEPT = """(() => {
  const rows = [...document.querySelectorAll("tbody tr")];
  const box = document.querySelector(".scroll");
  const lines = cell => { const r = document.createRange(); r.selectNodeContents(cell);
    return Math.round(r.getBoundingClientRect().height / parseFloat(getComputedStyle(cell).lineHeight)); };
  return {fits: box.scrollWidth <= box.clientWidth,
    lines: rows.map(tr => [lines(tr.cells[0]), lines(tr.cells[tr.cells.length - 1])])};
})()"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("period", "verdict", "wraps"),
    [
        ("2026-09", "なし", False),  # printed: な over し, 2026- over 09
        ("2026-09", "行が少なすぎる", False),
        ("2025-01-06/2025-01-12", "あり", False),  # a week: one line, the table still on the paper
        ("2026-09", "なし (分類できない行の割合のみ判定: 分類できた行が 10 行未満)", True),  # at its spaces
    ],
)
def test_a_printed_period_table_keeps_each_period_and_verdict_whole_in_chromium(period, verdict, wraps):
    """Regression (h374): printed, the drift section's period table broke its verdict なし into な and し and its
    period 2026-09 at the hyphen; a long verdict still wraps, at its spaces, and the table stays on the paper."""
    names = [
        "分類できない行 (空・日本語以外・読めない) の割合",
        "未知のトークン (OOV) の割合",
        "1 行あたりのトークン数",
    ]
    names += ["理由の最大確率の平均", "理由の最大確率が 0.5 未満の行の割合", "新しい語の割合"]
    names += ["予測した理由の構成の変化 (Jensen–Shannon, ビット)", "1 つの理由の割合"]
    names += ["予測した感情の構成の変化 (Jensen–Shannon, ビット)"]
    words, number = ColumnKind.WORDS, ColumnKind.NUMBER
    columns = (
        Column("期間", words),
        Column("行数", number),
        *(Column(n, number) for n in names),
        Column("ドリフト", words),
    )
    rows = ((period, 33, *["12.5%"] * len(names), verdict), ("2026-10", 35, *["12.5%"] * len(names), "なし"))
    page = render_page("レポート", "レポート", [], [Section.of("drift", "ドリフト", [ReportTable(columns, rows)])])
    found = _measured(page.replace("@media print{", "@media all{"), KEPT, width=720, fonts="japanese")
    assert isinstance(found, dict) and found["fits"], found
    (period_lines, verdict_lines), other = found["lines"]
    assert period_lines == 1 and (verdict_lines > 1) == wraps and other == [1, 1], found


@pytest.mark.parametrize(
    ("columns", "values", "cells"),
    [
        (["a", "a"], [[1, "x"]], ['<td class="n">1</td>', "<td>x</td>"]),  # two columns of one name: both shown
        (["n", "n", "t"], [[1, 2.5, "y"]], ['<td class="n">1</td>', '<td class="n">2.500</td>', "<td>y</td>"]),
        (["a", "b"], [[1, "x"]], ['<td class="n">1</td>', "<td>x</td>"]),
    ],
)
def test_html_table_shows_every_column_of_a_frame_with_repeated_names(columns, values, cells):
    """Regression: html_table of a frame with two columns of one name (a pd.concat, an export) raised pandas'
    "The truth value of a Series is ambiguous"."""
    import pandas as pd

    from taikai.analysis import html_table

    table = html_table(pd.DataFrame(values, columns=columns))
    row = table[table.index("<tbody>") :]
    assert [c for c in cells if c in row] == cells
    assert table.count("<th>") == len(columns) + 2  # the index's heading and cell, and one per column


@pytest.mark.parametrize(
    ("values", "cells"),
    [
        (["ok", "ok"], ["<td>ok</td>", "<td>ok</td>"]),  # one category: mapped, pandas kept it categorical
        (["ok", "empty"], ["<td>ok</td>", "<td>empty</td>"]),
        (["ok", None], ["<td>ok</td>", "<td></td>"]),
    ],
    ids=["one category", "two categories", "a missing cell"],
)
def test_html_table_shows_a_categorical_column(values, cells):
    """Regression: a categorical column of one category (``df.astype({"status": "category"})`` of a run whose rows
    were all classified) raised pandas' "'Categorical' with dtype category does not support operation 'all'"."""
    import pandas as pd

    from taikai.analysis import html_table

    table = html_table(pd.DataFrame({"status": pd.Categorical(values)}))
    assert re.findall(r"<td[^>]*>[^<]*</td>", table) == cells


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, ""),
        (float("nan"), ""),
        (Share(0.5), "50.0%"),
        (CountShare(1234, 0.25), "1,234 (25.0%)"),
        (True, "True"),  # not the 1 of an int
        (1234, "1,234"),
        (0.12345, "0.123"),
        ("手数料", "手数料"),
    ],
)
def test_a_cell_is_written_as_its_kind_reads(value, shown):
    assert format_cell(value) == shown


@pytest.mark.parametrize(("names", "head"), [(("reason", "count"), True), (("", ""), False)])
def test_a_table_has_a_header_row_only_when_a_column_is_named(names, head):
    html = render_table(ReportTable(tuple(Column(n) for n in names), (("fees", 3),), row_headings=False))
    assert ("<thead>" in html) is head
    assert "<tr><td>fees</td><td>3</td></tr>" in html  # no row headings: every cell a td


def _least_confident(rows_column: bool) -> ReportTable:
    """The English page's least confident predictions, as the sample dump (10 columns) and a 100,000-row dump of it
    (ids one digit longer, and the rows holding each text) show them."""
    number, nowrap = ColumnKind.NUMBER, ColumnKind.NOWRAP
    columns = (
        Column("reason"),
        *(Column(name, nowrap) for name in ("sentiment", "review_id", "posted_at", "platform")),
        Column("p", number),
        Column("runner-up"),
        *(Column(name, number) for name in ("p (runner-up)", "margin", *(["rows with this text"] * rows_column))),
        Column("text", ColumnKind.TEXT),
    )
    text = "海の日に、海にも行かずに記事を書いてる。記事のテーマは「夏のおすすめビーチ10選」。"
    row = ("Trouble, distrust (trouble)", "negative", "R102000" if rows_column else "R02534", "2026-07-20")
    rest = ("Sagooo Works", 0.215, "Proposals rejected", 0.206, 0.009, *([34] * rows_column), text)
    return ReportTable(columns, ((*row, *rest),) * 2)  # its reason a row heading: a long one (a segment's) too


@pytest.mark.slow
@pytest.mark.parametrize("rows_column", [False, True])
def test_the_least_confident_predictions_printed_fit_an_a4_page_in_chromium(rows_column):
    """Regression: printed on A4 (703 px between the margins), the least confident predictions were 743 px wide on
    the sample's English page and 788 px on a 100,000-row dump's: its id, date, sentiment and platform columns (and a
    row's heading) never wrapped, and every cell kept its screen padding; the right-hand columns were cut at the
    paper's edge."""
    page = render_page(
        "Report", "Report", [], [Section.of("uncertain", "Least confident", [_least_confident(rows_column)])]
    )
    found = _measured(page.replace("@media print{", "@media all{"), WIDE, width=703, fonts="japanese")  # as embedded
    assert found == {"fits": True, "last_on_page": [True, True]}, found


def _chart(width: float):
    """Return a chart *width* inches wide (100 pixels each), of 10-point labels as the report's charts draw."""
    from matplotlib.figure import Figure

    chart = Figure(figsize=(width, 4), dpi=100)
    chart.add_subplot().barh(["手数料が高い (fees)", "その他 (other)"], [264, 642])
    return chart


@pytest.mark.parametrize(("inches", "width"), [(7, 700), (10, 1000)])
def test_a_chart_says_its_width_and_scrolls_in_its_own_box(inches, width):
    """``--w``, its width as drawn, which the screen shrinks by a quarter at most (``_render.CSS``); no width or
    height attribute, which a mail client blocking images would keep as an empty box wider than a phone."""
    figure = render_block(Chart.of("手数料の割合", _chart, inches))
    assert figure.startswith('<div class="chart"><img src="data:image/png;base64,')
    assert figure.endswith(f'alt="手数料の割合" style="--w:{width}px"></div>')


CHART = """(() => {
  const img = document.querySelector(".chart img"), box = img.parentElement, page = document.documentElement;
  return {shown: Math.round(img.getBoundingClientRect().width), scrolls: box.scrollWidth > box.clientWidth,
    page_fits: page.scrollWidth <= page.clientWidth};
})()"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("inches", "width", "media", "found"),
    [
        (10, 390, "screen", {"shown": 750, "scrolls": True, "page_fits": True}),  # a phone: 358 px between margins
        (7, 390, "screen", {"shown": 525, "scrolls": True, "page_fits": True}),
        (10, 1200, "screen", {"shown": 1000, "scrolls": False, "page_fits": True}),  # a desktop: as drawn
        (10, 703, "print", {"shown": 703, "scrolls": False, "page_fits": True}),  # A4: shrunk to the paper
    ],
)
def test_a_chart_on_a_phone_scrolls_instead_of_shrinking_to_unreadable_in_chromium(inches, width, media, found):
    """Regression: on a phone (390 px), a 1000-pixel chart was shrunk to the 358 px of the screen, 36 % of its width,
    its 10-point labels 5 pixels high; the wide tables beside it scrolled sideways. Printed, it still fits the paper."""
    section = Section.of("trend", "理由の推移", [Chart.of("月ごとの件数", _chart, inches)])
    page = render_page("レポート", "レポート", [], [section])
    page = page.replace("@media print{", "@media all{") if media == "print" else page
    assert _measured(page, CHART, width=width) == found


PAGES = "body{height:1000px;column-width:703px;column-gap:0;column-fill:auto}"
"""Printed pages, as Chromium lays out columns: 703 pixels wide (A4 between margins), 1000 high, one after another."""
ON_PAGE = """(() => { const page = e => Math.floor(e.getBoundingClientRect().left / 703);
  return ["h2", "h3", ".note", "img"].map(s => [...document.querySelectorAll("#reasons " + s)].map(page)); })()"""


@pytest.mark.slow
@pytest.mark.parametrize("rows", [14, 18, 22])  # the filler: the chart's heading lands on the bottom half
@pytest.mark.parametrize("lead", [("note",), ("heading", "note")])
def test_a_printed_chart_starts_its_page_with_its_heading_and_note_in_chromium(rows, lead):
    """Regression: printed, a page ended with the reasons' heading and note (退会理由の分布, 分類された 3,000 件…),
    and their chart started the next (the sample's second page)."""
    filler = ReportTable((Column("status"), Column("件数", ColumnKind.NUMBER)), (("ok", 1),) * rows)
    blocks = {"note": Note("分類された 3,000 件。"), "heading": Heading("主な理由")}
    figure = Chart.of("退会理由の分布", _chart, 7)
    reasons = Section.of("reasons", "退会理由の分布", [*(blocks[b] for b in lead), figure])
    sections = [Section.of("status", "入力と処理状況", [filler]), reasons]
    page = render_page("レポート", "レポート", [], sections, embed_font=False).replace("@media print{", "@media all{")
    found = _measured(page.replace("</style>", PAGES + "</style>"), ON_PAGE, width=703)
    assert len({p for ps in found for p in ps}) == 1, found  # all on one page


@pytest.mark.parametrize(
    ("blocks", "charts_on", "kept"),
    [
        ("note figure", True, ["h2 note chart"]),  # the reasons' section
        ("heading figure table heading figure table", True, ["h2 h3 chart", "h3 chart"]),  # the sentiment's
        ("note figure figure table", True, ["h2 note chart", "chart"]),  # the trend's: counts, then shares
        ("table note figure note", True, ["note chart"]),  # a note after the chart: under it, on its own
        ("note figure", False, []),  # no charts: nothing to keep together
        ("note table", True, []),  # a table: its heading kept with its first rows by break-after
    ],
)
def test_a_chart_is_kept_with_the_headings_and_notes_before_it(blocks, charts_on, kept):
    table = ReportTable((Column("a"),), (("x",),))
    made = {"note": Note("分類された 3,000 件。"), "heading": Heading("感情の推移"), "table": table}
    made["figure"] = Chart.of("退会理由の分布", _chart, 7)
    section = render_section(Section.of("s", "退会理由の分布", [made[b] for b in blocks.split()]), charts_on)
    boxes = re.findall(r'<div class="keep">(.*?)</div></div>', section, flags=re.S)
    tags = {"<h2>": "h2", "<h3>": "h3", '<p class="note">': "note", '<div class="chart">': "chart"}
    assert [" ".join(tags[t] for t in re.findall("|".join(tags), box)) for box in boxes] == kept
    assert section.count("<h2>") == 1 and section.count('<p class="note">') == blocks.split().count("note")
