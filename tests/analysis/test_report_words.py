"""The report's distinctive words on a small dump: only words a reason uses more than chance gives (z ≥ 1.96), never
a word every reason uses alike (する), and a note saying why when no word passes."""

import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from support_frames import classified

import taikai
from taikai.analysis import build_report
from taikai.analysis._report._words import MIN_Z

ALIKE = {"fees": ["出金するのをやめた", "登録するのをやめた"], "low_pay": ["出金するのをやめた", "登録するのをやめた"]}
APART = {"fees": ["手数料が高いので出金するのをやめた"], "low_pay": ["単価が安いので出金するのをやめた"]}
COPIED = {  # h382: the fees' reviews copied from a web page: their tags' names were the words of fees
    "fees": [
        '<div class="review"><p>手数料が高いので出金するのをやめた</p><br><a href="https://example.com/r/1">詳細</a></div>'
    ],
    "low_pay": ["単価が安いので出金するのをやめた"],
}


def _predictions(texts: dict[str, list[str]], rows: int = 10) -> pd.DataFrame:
    """*rows* rows per reason, its texts in turn, with the columns taikai batch writes."""
    frame = pd.DataFrame(
        [{"reason": reason, "text": said[i % len(said)]} for reason, said in texts.items() for i in range(rows)]
    )
    frame.insert(0, "review_id", [f"r{i:03d}" for i in range(len(frame))])
    return classified(frame)


# (texts per reason, words shown, words never shown, the note when no word passes)
CASES = [
    (ALIKE, [], ["する", "やめる", "出金", "登録"], {"en": "No word is used clearly more", "ja": "はっきり多く出る語"}),
    (APART, ["手数料", "高い", "単価", "安い"], ["する", "やめる", "出金"], None),
    (COPIED, ["手数料", "高い", "単価", "安い"], ["div", "p", "br", "href", "class", "review", "a"], None),
]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("texts", "shown", "hidden", "note"), CASES)
def test_the_words_of_a_small_dump_carry_meaning(texts, shown, hidden, note, lang):
    page = build_report(_predictions(texts), lang=lang, embed_font=False, charts=False, drift=False)
    section = re.search(r'<section id="words">(.*?)</section>', page, re.S).group(1)
    words = re.findall(r"([^\s>·]+) \((\d+)\)", section)  # "手数料 (10)"
    assert sorted(w for w, _ in words) == sorted(shown)
    for word in hidden:
        assert f"{word} (" not in section
    if note is None:
        assert "No word is used" not in section and "はっきり多く出る語" not in section
    else:
        assert note[lang] in section


@pytest.mark.parametrize(
    ("min_z", "kept"),
    [
        (None, {"する", "やめる", "出金", "登録"}),
        (MIN_Z, set()),
        (1.0, set()),
        (np.int64(1), set()),
        (-1, {"する", "やめる", "出金", "登録"}),
    ],
)
def test_min_z_keeps_the_words_past_it(min_z, kept):
    found = taikai.distinctive_words(_predictions(ALIKE), min_z=min_z)
    assert set(found["word"]) == kept
    assert (found["z"] >= min_z).all() if min_z is not None else True


@pytest.mark.parametrize("given", ["1.96", True, float("nan")])
def test_min_z_must_be_a_number(given):
    with pytest.raises(TypeError, match=r"min_z must be a number such as 1\.96, or None"):
        taikai.distinctive_words(_predictions(APART), min_z=given)


REPEATED = ["特になし", "手数料が高いので出金した", "特になし", "単価が安い", "なし", "特になし", "単価が安い"]
MADE = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")  # when the page was made: the one line that may differ


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_page_is_the_same_when_each_distinct_text_is_tagged_once(tiny_model, monkeypatch, lang):
    # the report tags a text a dump repeats (特になし) once for its words and its drift check, through the content-word
    # copy of the dictionary; the page is the one of every text tagged whenever asked, from the original dictionary
    from functools import partial

    from taikai.analysis._report import _sections
    from taikai.text import WordTagger, _dictionary, _words, sharing_words

    frame = tiny_model.predict_frame(pd.DataFrame({"text": REPEATED * 6}))
    parsed: list[str] = []
    parse = WordTagger._parse
    monkeypatch.setattr(WordTagger, "_parse", lambda self, text: parsed.append(text) or parse(self, text))
    once = build_report(frame, model=tiny_model, embed_font=False, charts=False, lang=lang)
    assert Counter(parsed) == Counter(set(REPEATED))  # each distinct text once, for both sections
    assert "特になし" in once and re.search(r'<section id="drift">', once)

    def no_cache(dicdir: str) -> str:
        raise OSError("read-only cache")

    monkeypatch.setattr(_dictionary, "words_dicdir", no_cache)
    monkeypatch.setattr(_words, "_specs", {})
    monkeypatch.setattr(_sections, "sharing_words", partial(sharing_words, 0))  # nothing kept: tagged each time
    parsed.clear()
    every = build_report(frame, model=tiny_model, embed_font=False, charts=False, lang=lang)
    assert len(parsed) == 2 * len(frame)
    assert MADE.sub("", every) == MADE.sub("", once)
