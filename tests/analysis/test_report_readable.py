"""The page as an executive reads it: without its images (an e-mail preview that blocks them, a screen reader), every
chart's figures are in a table; printed, or on a phone, a long cell wraps instead of running off the paper."""

import re

import pandas as pd
import pytest
from support_frames import classified

from taikai.analysis import build_report
from taikai.text import TextProblem


def _predictions() -> pd.DataFrame:
    """Three reviews in January (one positive) and one in March, none in February; two not classified, with a long
    message."""
    frame = pd.DataFrame(
        {
            "review_id": ["r1", "r2", "r3", "r4", "r5", "r6"],
            "posted_at": ["2025-01-05", "2025-01-06", "2025-01-07", "2025-03-01", "2025-03-02", "2025-03-03"],
            "platform": ["Lancers"] * 6,
            "text": ["手数料が高い", "手数料が高すぎる", "単価が安い", "時間がない", "english only", "english too"],
            "reason": ["fees", "fees", "low_pay", "time", "fees", "fees"],
        }
    )
    frame = classified(frame)
    frame.loc[0, "sentiment"] = "positive"
    unclassified = frame.index >= 4
    frame.loc[unclassified, "status"] = "error"
    frame.loc[unclassified, "message"] = TextProblem.JAPANESE_IN_URLS.message()  # taikai's own, of 272 characters
    columns = [c for c in frame.columns if c.startswith(("reason", "sentiment", "p_"))]
    frame.loc[unclassified, columns] = None
    return frame


def _section(page: str, key: str) -> str:
    return re.search(rf'<section id="{key}">(.*?)</section>', page, re.S).group(1)


# (section, a row of the table holding its chart's figures, in each language)
FIGURES = [
    (
        "sentiment",
        "ja",
        '<tr><th>2025-01</th><td class="n">1 (33.3%)</td><td class="n">0 (0.0%)</td><td class="n">2 (66.7%)</td>'
        '<td class="n">3</td></tr>',
    ),
    (
        "sentiment",
        "ja",
        '<tr><th>2025-02</th><td class="n">–</td><td class="n">–</td><td class="n">–</td><td class="n">行なし</td>',
    ),
    ("sentiment", "en", "<thead><tr><th>month</th><th>positive</th><th>neutral</th><th>negative</th><th>total</th>"),
    ("trend", "ja", '<tr><th>2025-03</th><td class="n">0 (0.0%)</td>'),
    ("reasons", "ja", '<td class="n">2 (50.0%)</td>'),
    ("segments", "ja", "<tr><th>Lancers</th>"),
    # the sentiment per reason: bare counts, without the base of the chart's 100 % bars (and no total)
    (
        "sentiment",
        "ja",
        '<tr><th>手数料が高い</th><td class="n">1 (50.0%)</td><td class="n">0 (0.0%)</td><td class="n">1 (50.0%)</td>'
        '<td class="n">2</td></tr>',
    ),
    ("sentiment", "en", '<tr><th>High fees</th><td class="n">1 (50.0%)</td>'),
    # a reason without reviews: plain zeros, as a period without reviews, not 0 (0.0%) of nothing
    (
        "sentiment",
        "ja",
        '<tr><th>提案が通らない</th><td class="n">0</td><td class="n">0</td><td class="n">0</td>'
        '<td class="n">0</td></tr>',
    ),
    ("sentiment", "en", '<tr><th>Proposals rejected</th><td class="n">0</td><td class="n">0</td>'),
    ("uncertain", "ja", "<th>次点の p</th><th>p の差</th>"),  # 差 alone: the difference of what?
]


@pytest.mark.parametrize(("key", "lang", "row"), FIGURES)
def test_every_chart_has_its_figures_in_a_table(key, lang, row):
    page = build_report(_predictions(), "posted_at", by="platform", lang=lang, embed_font=False, charts=False)
    assert row in _section(page, key)


def test_a_long_row_heading_wraps_as_a_review_does():
    """A message names the rows it left unclassified: as a row heading that never wrapped, it ran 1,500 pixels off a
    phone's screen and off the printed page."""
    english = build_report(_predictions(), lang="en", embed_font=False, charts=False, drift=False)
    assert '<th class="t">no Japanese characters outside URLs: a URL is read' in _section(english, "status")
    assert re.search(r"(^|[},])th\.t[,{][^}]*white-space:normal", english, re.M)
    # the Japanese page heads the row with what the message means, the message beside it wraps as a review does
    status = _section(build_report(_predictions(), embed_font=False, charts=False, drift=False), "status")
    meaning = "日本語が URL の中にしかない (URL は 1 つの語として読まれます)"
    said = f'<th class="t">{meaning}</th><td class="t">no Japanese characters outside URLs'
    assert said in status, status


def _print_rules(page: str) -> dict[str, str]:
    """The page's print style sheet: its declarations by selector (each selector of a rule on its own)."""
    printed = re.search(r"@media print\{(.*)\}\s*</style>", page, re.S).group(1)
    rules: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", printed):
        for selector in selectors.split(","):
            rules[selector.strip()] = rules.get(selector.strip(), "") + ";" + body
    return rules


# (selector, a declaration the printed page needs so that the widest table fits the paper instead of being cut off or
# shrinking every page to fit it)
PRINTED = [
    ("thead th", "white-space:normal"),  # headings wrap
    ("td.n", "white-space:normal"),  # "1,234 (12.3%)" wraps before its share: a segment table of 9 reasons fits
    ("td:not([class])", "overflow-wrap:anywhere"),  # a sha256 in the model table wraps
    ("th.t", "min-width:10em"),  # a message as a row heading, as narrow as a review
    ("td.d", "white-space:normal"),  # an id, a date, a segment: the least confident predictions were 743 px on 703
    ("tbody th", "white-space:normal"),  # a row's heading (a long segment name) too
    ("td", "padding:.2em .3em"),  # narrower cells: 11 columns of a 100,000-row dump's page fit
]


@pytest.mark.parametrize(("selector", "declaration"), PRINTED)
def test_the_printed_page_lets_wide_cells_wrap(selector, declaration):
    page = build_report(_predictions(), embed_font=False, charts=False, drift=False)
    assert declaration in _print_rules(page).get(selector, "").split(";")


def test_a_long_section_title_in_the_nav_bar_wraps_within_the_screen():
    """The segments' title holds the --by column's name: as a nav link that never wrapped, a long name pushed the
    page 350 px past a phone's screen, and past the printed page."""
    by = "プラットフォーム名（サービス提供事業者の正式名称、2025年度以降の登録情報に基づく）"
    page = build_report(_predictions().rename(columns={"platform": by}), by=by, embed_font=False, charts=False)
    assert f'<a href="#segments">セグメント別の内訳: {by}</a>' in page
    screen = re.search(r"<style>(.*?)@media print", page, re.S).group(1)
    nav_link = re.search(r"(?:^|\})nav a\{([^}]*)\}", screen, re.M).group(1).split(";")
    assert "display:inline-block" in nav_link and "max-width:100%" in nav_link
    assert "white-space:nowrap" not in nav_link


def _screen_rules(page: str) -> dict[str, str]:
    """The page's screen style sheet (before ``@media print``): its declarations by selector."""
    screen = re.search(r"<style>(.*?)@media print", page, re.S).group(1)
    screen = re.sub(r"@font-face\{[^{}]*\}", "", screen)
    rules: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", screen):
        for selector in selectors.split(","):
            rules[selector.strip()] = rules.get(selector.strip(), "") + ";" + body
    return rules


# (selector, a declaration a phone's screen needs so that the model table, the page's second, fits its width)
PHONE = [
    ("#model td", "overflow-wrap:anywhere"),  # the sha256 wraps, not pushing the name and accuracy off the screen
    ("#model tbody th", "white-space:normal"),  # テスト分割での macro-F1 (学習時に測定) wraps too
]


@pytest.mark.parametrize(("selector", "declaration"), PHONE)
def test_the_model_table_fits_a_phone_s_screen(selector, declaration):
    """Regression: on a 390 px phone the model table ran past the screen (its 64-character sha256 and its headings
    never wrapped): the model's name read 同梱の既定 and the accuracy sat beside it off the screen."""
    page = build_report(_predictions(), embed_font=False, charts=False, drift=False)
    assert declaration in _screen_rules(page).get(selector, "").split(";")
