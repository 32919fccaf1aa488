"""HTML markup left in a review copied from a page (``taikai.text._notes``): said in a classified text's message."""

import pytest

import taikai
from taikai.text import markup_note, normalize, reading_note, with_note, without_markup
from taikai.text._notes import foreign_note

FOREIGN = "and the model reads Japanese only: its answer rests on those few words, however sure it looks"
ENGLISH = "I quit because 手数料 was high, but honestly the platform was great and I recommend it to everyone."
SAID = ": the model reads its tags as words, which move its answer; give the text without them (as the page shows it)"


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("<p>手数料が高い</p><br/>", "<p>, </p>, <br>"),
        ('<span style="color:red">まあまあでした</span>', "<span>, </span>"),
        ("&lt;b&gt;手数料&lt;/b&gt;", "<b>, </b>"),  # references decoded, as the model reads them
        ("＜Ｐ＞手数料が高い", "<p>"),  # full-width, upper case
        ("<!-- 広告 -->手数料が高い", "<!--…-->"),
        ("<div><ul><li>手数料</li></ul></div>", "<div>, <ul>, <li>, and 3 more"),
        ('<a href="https://example.com/r/1">詳細</a> 手数料が高い', "<a>"),  # its > read as part of the link (url)
        ("<p>手数料<img src=https://example.com/a.png></p>", "<p>, <img>"),
        ("<重要>手数料が高い", None),  # no tag: a tag name is Latin
        ("手数料が高い<3", None),
        ("5 < 10 > 3 で手数料が高い", None),
        ("手数料が高い", None),
    ],
)
def test_markup_note_names_the_tags_the_model_reads(text, tags):
    assert markup_note(normalize(text)) == ("" if tags is None else f"holds HTML markup ({tags}){SAID}")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('<div class="review"><p>手数料が高い</p><br/></div>', "  手数料が高い   "),  # drift's new words: no p, div
        ("&lt;b&gt;手数料&lt;/b&gt;", " 手数料 "),
        ("<!-- 広告 -->手数料が高い", " 手数料が高い"),
        ('<p>手数料が高い<a href="https://example.com/r/1">詳細</a></p> です', " 手数料が高い  です"),  # no href
        ("url の <b>手数料</b>", "url の  手数料 "),  # the word url alone is no tag
        ("<重要>手数料が高い<3", "<重要>手数料が高い<3"),  # no tag: kept as written
        ("手数料が高い", "手数料が高い"),
    ],
)
def test_without_markup_leaves_the_words_the_page_shows(text, words):
    assert without_markup(normalize(text)) == words


@pytest.mark.parametrize(
    ("message", "note", "said"),
    [("", "", ""), ("cut", "", "cut"), ("", "note", "note"), ("cut", "note", "cut; note")],
)
def test_with_note_puts_the_note_after_the_message(message, note, said):
    assert with_note(message, note) == said


@pytest.mark.parametrize(
    ("text", "said"),
    [  # regression: a text copied with its tags was classified with no word of them
        ("<p>手数料が高い</p>", f"holds HTML markup (<p>, </p>){SAID}"),
        ("手数料が&lt;br&gt;高い", f"holds HTML markup (<br>){SAID}"),
        ("手数料が高い", ""),
        ("<p>hello</p>", "no Japanese characters: the model only reads Japanese"),  # not classified: its own message
    ],
)
def test_predict_and_explain_say_that_a_text_holds_markup(tiny_model, text, said):
    [prediction] = tiny_model.predict(text)
    assert prediction.message == said
    assert taikai.explain(tiny_model, text).message == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (ENGLISH, f"largely in another language: 4% of its letters are kana or kanji, {FOREIGN}"),
        ("The fees were way too high and the support never answered: 手数料", "largely in another language: 6% of"),
        ("Fees too high, 手数料が高すぎる so I quit.", ""),  # 31 % Japanese
        ("lol 笑", ""),  # too few letters to be a review in another language
        # a review of data/reviews.csv quoting English: 24 % of its letters are Japanese, the fewest of the 8,536
        (
            "「We are a startup with limited budget, but great exposure!」って、exposureで家賃払えたら最高なんだけどね",
            "",
        ),
        ("Upworkに移行しました", ""),
    ],
)
def test_foreign_note_says_that_a_text_is_mostly_not_japanese(text, said):
    note = foreign_note(normalize(text))
    assert note.startswith(said) if said else note == ""


def test_reading_note_says_both():
    text = normalize(f"<p>{ENGLISH}</p>")
    assert reading_note(text) == f"{markup_note(text)}; {foreign_note(text)}"
    assert markup_note(text) and foreign_note(text)


def test_predict_says_that_a_text_is_mostly_not_japanese(tiny_model):
    """Regression: an English review with one Japanese word was classified as surely as a Japanese one, unsaid."""
    [prediction] = tiny_model.predict(ENGLISH)
    assert prediction.status == "ok"
    assert prediction.message.startswith("largely in another language: 4% of its letters are kana or kanji")
