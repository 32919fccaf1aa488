"""Drift's hints cite what a dump's texts are: each kind of unclassifiable row with its first row (masked under
mask_pii), and the rows holding HTML markup, whose tags are no new words (drift/_dump_texts.py)."""

from pathlib import Path

import pandas as pd
import pytest

from taikai.drift import check_drift

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"
ENGLISH = "The room was clean and the staff kind, mail taro@example.com, review {i}"
QUOTING = "I quit because 手数料 was high and 時給 too low, honestly, review {i}"


def _dump(tmp_path: Path, texts: list[str]) -> Path:
    """Write the hotel reviews with *texts* as their texts (one a row, the first on line 2)."""
    hotels = pd.read_csv(HOTELS)
    hotels["text"] = texts
    path = tmp_path / "dump.csv"
    hotels.to_csv(path, index=False)
    return path


def _mixed(i: int) -> str:
    """Six in ten rows English, three quoting Japanese words, one blank (h374's dump, 30 % of it holding Japanese)."""
    return ENGLISH.format(i=i) if i % 10 < 6 else QUOTING.format(i=i) if i % 10 < 9 else ""


@pytest.mark.parametrize(
    ("texts", "mask", "said"),
    [
        # h374: 30 % of the rows hold Japanese words, and the hint said the column "holds no Japanese text"
        (
            [_mixed(i) for i in range(60)],
            False,
            "100% of the rows are unclassifiable: 6 blank (e.g. line 11), 36 without Japanese text (no kana or kanji; "
            "e.g. line 2: 'The room was clean and the staff kind, m…'), 18 with too few kana or kanji (under half of "
            "their letters; e.g. line 8: 'I quit because 手数料 was high and 時給 too l…'); the column text holds "
            "little Japanese text (30% of its rows hold kana or kanji), nor does any other column of ",
        ),
        # the examples quoted are the texts counted: masked
        (
            [f"mail taro@example.com, the staff was kind, review {i}" for i in range(60)],
            True,
            "100% of the rows are unclassifiable: 60 without Japanese text (no kana or kanji; e.g. line 2: 'mail "
            "[メール], the staff was kind, review 0'); the column text holds no Japanese text, nor does any other ",
        ),
        # an export that lost its texts: blank, no example to quote
        (
            [""] * 60,
            False,
            "100% of the rows are unclassifiable: 60 blank (e.g. line 2); the column text holds no Japanese text, nor ",
        ),
    ],
)
def test_the_text_hint_says_what_the_unclassifiable_rows_are(tiny_model, tmp_path, texts, mask, said):
    report = check_drift(_dump(tmp_path, texts), tiny_model, reference=HOTELS, text_column="text", mask_pii=mask)
    assert report.text_hint is not None and report.text_hint.startswith(said), report.text_hint
    assert "taro@example.com" not in report.to_text() or not mask


def _html(text: str) -> str:
    return f'<div class="review"><p>{text}</p><br></div>'


@pytest.mark.parametrize(
    ("change", "said"),
    [
        # h374: a dump copied from web pages listed p, br, div and class as new words, without a word of why
        (
            lambda i, text: _html(text),
            "60 of the 60 rows hold HTML markup (<div>, <p>, <br>; e.g. line 2): the model reads their tags as words, "
            "which move its answer; give the texts without them (as the page shows them). The tags' names are left "
            "out of the new words",
        ),
        # h382: a link, whose > normalisation reads as part of the URL (<a href=" url): href was a new word
        (
            lambda i, text: f'{text}<a href="https://example.com/r/{i}">詳細</a>',
            "60 of the 60 rows hold HTML markup (<a>; e.g. line 2)",
        ),
        # one row, its tag written as a character reference, which the model reads decoded
        (
            lambda i, text: f"{text}&lt;br&gt;" if i == 3 else text,
            "1 of the 60 rows holds HTML markup (<br>; e.g. line 5)",
        ),
        # no tags: a heart and brackets around Japanese are no markup
        (lambda i, text: f"<3 <重要>{text}", None),
        (lambda i, text: text, None),
    ],
)
def test_rows_holding_html_markup_are_said_and_their_tags_are_no_new_words(tiny_model, tmp_path, change, said):
    texts = [change(i, text) for i, text in enumerate(pd.read_csv(HOTELS)["text"])]
    report = check_drift(_dump(tmp_path, texts), tiny_model, reference=HOTELS, text_column="text")
    if said is None:
        assert report.markup_hint is None and "HTML markup" not in report.to_text()
    else:
        assert report.markup_hint is not None and report.markup_hint.startswith(said), report.markup_hint
        assert f"hint: {report.markup_hint}" in report.to_text().splitlines()
        assert report.to_dict()["markup_hint"] == report.markup_hint
    words = {w.word for w in report.overall.new_words}
    assert not words & {"div", "p", "br", "class", "review", "lt", "gt", "a", "href"}, words
