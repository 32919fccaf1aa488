"""The drift section says the hints ``taikai drift`` prints (``taikai.analysis._drift_hints``): the text column's,
when nearly every row is unclassifiable, and HTML markup's, in the page's language, options beside whoever made it."""

import re

import pandas as pd
import pytest

from taikai.analysis import build_report, drift_section

HOTELS = "tests/fixtures/hotel_reviews_katakana.csv"
ACTOR = re.compile(r"whoever made this page|このページの作成者", re.I)
OPTION = re.compile(r"--[a-z]|\b[a-z][a-z_]*=")
MARKUP = '<div class="review"><p>{}</p><br><a href="https://example.com/r/1">詳細</a></div>'
JAPANESE = ["手数料が高すぎて続けられない", "単価が安くて生活できない", "提案が通らないのでやめた"] * 10


def _hints(section) -> list[str]:
    """The notes of the section that say a hint (what the rows hold, HTML markup)."""
    return [n for n in section.notes if "HTML" in n or "classified:" in n or "分類できません" in n or "予測されて" in n]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            [
                "100% of the rows could not be classified: 30 without Japanese text (e.g. data row 1: 'fees too high "
                "0'); the column title holds no Japanese text. The column comment holds Japanese text: whoever made "
                "this page can run taikai batch again with --text-column comment and make the page from that output."
            ],
        ),
        (
            "ja",
            [
                "行の 100% が分類できません: 日本語なし 30 行 (例: データ 1 行目: 'fees too high 0')。"
                "title 列には日本語の文章はありません。日本語の文章は comment 列にあります: "
                "このページの作成者は、taikai batch を --text-column comment で実行し直し、"
                "その出力からページを作れます。"
            ],
        ),
    ],
)
def test_the_section_names_the_column_that_holds_the_japanese_text(tiny_model, lang, said):
    """Regression: taikai drift said which column holds the reviews when nearly every row is unclassifiable; the
    page said only that it drifted (100% unclassifiable), and its reader could not tell why."""
    frame = pd.DataFrame({"title": [f"fees too high {i}" for i in range(30)], "comment": JAPANESE})
    predictions = tiny_model.predict_frame(frame, text_column="title")
    section = drift_section(predictions, tiny_model, text_column="title", lang=lang)
    assert section.report is not None and section.report.japanese_column == "comment"
    assert _hints(section) == said


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "30 of the 30 rows hold HTML markup (<div>, <p>, <br>, and 1 more; e.g. data row 1: "
            "'<div class=\"review\"><p>手数料が高すぎて続けられない</p…'): the model reads their tags as words",
        ),
        (
            "ja",
            "30 行のうち 30 行に HTML のタグがあります (<div>、<p>、<br> ほか 1 種; 例: データ 1 行目: "
            "'<div class=\"review\"><p>手数料が高すぎて続けられない</p…')。モデルはタグも語として読み",
        ),
    ],
)
def test_the_section_says_the_rows_hold_html_markup(tiny_model, lang, said):
    """Regression: taikai drift's markup hint (how many rows, which tags, the first row) was not on the page, whose
    new words listed href as a word of the input."""
    predictions = tiny_model.predict_frame(pd.DataFrame({"text": [MARKUP.format(t) for t in JAPANESE]}))
    section = drift_section(predictions, tiny_model, lang=lang)
    hints = _hints(section)
    assert len(hints) == 1 and hints[0].startswith(said), hints
    assert ACTOR.search(hints[0])
    assert section.new_words is not None
    assert not {"href", "div", "br", "class", "a", "p"} & set(section.new_words.iloc[:, 0]), section.new_words


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("texts", ["markup", "english"])
def test_a_hint_names_an_option_only_beside_whoever_made_the_page(tiny_model, lang, texts):
    frame = pd.DataFrame({"text": [MARKUP.format(t) for t in JAPANESE] if texts == "markup" else ["great staff"] * 30})
    page = build_report(tiny_model.predict_frame(frame), model=tiny_model, lang=lang, charts=False, embed_font=False)
    drift = page.split('<section id="drift">')[1].split("</section>")[0]
    notes = [n for n in re.findall(r"<p[^>]*>(.*?)</p>", drift, re.S) if "HTML" in n or "great staff" in n]
    assert notes, drift
    assert all(ACTOR.search(n) for n in notes if OPTION.search(n) or "taikai batch" in n)


def test_no_hint_for_japanese_reviews_without_markup(tiny_model):
    predictions = tiny_model.predict_frame(pd.read_csv(HOTELS))
    section = drift_section(predictions, tiny_model, lang="en")
    assert section.report is not None and section.report.texts.markup == 0
    assert _hints(section) == []
