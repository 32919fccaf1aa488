"""The report embeds the subset of IPAexGothic its text needs, so Japanese reads without a Japanese system font.

The Chromium test renders the same page three ways, with a fontconfig that shows Chromium only the fonts we name:
embedded font and no Japanese system font (what a reader without the font sees), no embedded font and no Japanese
system font (tofu), and no embedded font with IPAexGothic installed (the reference). The first must look like the
reference, not like the tofu.
"""

import base64
import io
import re

import numpy as np
import pytest
from fontTools.ttLib import TTFont

from taikai.analysis._report import Paragraph, Section, render_page

PAGE_TEXT = "退会理由レポート 手数料が高い・トラブル 提案が通らない"


def _page(embed: bool) -> str:
    sections = [Section.of("s", "手数料が高い・トラブル", [Paragraph("提案が通らない、時間がない。")])]
    return render_page("退会理由レポート", "退会理由レポート", [], sections, "ja", embed_font=embed)


def _embedded_font(page: str) -> TTFont:
    [data] = re.findall(r"url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\) format\(\"woff\"\)", page)
    return TTFont(io.BytesIO(base64.b64decode(data)))


def test_the_page_embeds_only_the_glyphs_it_uses():
    page = _page(True)
    cmap = _embedded_font(page).getBestCmap()
    assert {ord(c) for c in PAGE_TEXT} <= set(cmap)
    assert ord("鬱") not in cmap and ord("ア") not in cmap  # not on the page
    assert len(cmap) < 200  # page characters and printable ASCII, not IPAexGothic's 12,000
    assert '"taikai IPAexGothic"' in page.split("</style>")[0].split("body{")[1]
    assert "@font-face" not in _page(False)


def test_a_report_page_embeds_its_characters(tmp_path):
    import pandas as pd

    from taikai.analysis import build_report

    frame = pd.DataFrame({"text": ["鬱陶しい手数料"], "status": ["ok"], "reason": ["fees"], "p_reason_fees": [0.9]})
    page = build_report(frame, charts=False, drift=False)
    cmap = _embedded_font(page).getBestCmap()
    assert ord("鬱") in cmap and ord("陶") in cmap and ord("要") in cmap  # a review's text and a heading (要約)


def _shot(tmp_path, name: str, page: str, fonts: str) -> np.ndarray:
    from PIL import Image
    from screenshot_report import screenshot

    html = tmp_path / f"{name}.html"
    html.write_text(page, encoding="utf-8")
    png = tmp_path / f"{name}.png"
    screenshot(html, png, 900, 260, fonts)
    return np.asarray(Image.open(png).convert("L"), dtype=float)


@pytest.mark.slow
def test_japanese_reads_without_a_japanese_system_font(tmp_path):
    from screenshot_report import chromium

    if chromium() is None:
        pytest.skip("no Chromium: apt-get install -y chromium")
    embedded = _shot(tmp_path, "embedded", _page(True), "none")
    tofu = _shot(tmp_path, "tofu", _page(False), "none")
    reference = _shot(tmp_path, "reference", _page(False), "japanese")
    assert (embedded < 128).sum() > 2000  # ink: the headings are drawn
    like_reference = np.abs(embedded - reference).mean()
    like_tofu = np.abs(embedded - tofu).mean()
    tofu_gap = np.abs(tofu - reference).mean()
    assert tofu_gap > 3  # the test can tell: without the font, the glyphs are boxes
    assert like_reference < tofu_gap / 5, (like_reference, like_tofu, tofu_gap)
    assert like_tofu > tofu_gap / 2
