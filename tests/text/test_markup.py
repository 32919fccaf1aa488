"""HTML markup left in a review copied from a page (``taikai.text._markup``): said in a classified text's message."""

import pytest

import taikai
from taikai.text import markup_note, normalize, with_note

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
        ("<重要>手数料が高い", None),  # no tag: a tag name is Latin
        ("手数料が高い<3", None),
        ("5 < 10 > 3 で手数料が高い", None),
        ("手数料が高い", None),
    ],
)
def test_markup_note_names_the_tags_the_model_reads(text, tags):
    assert markup_note(normalize(text)) == ("" if tags is None else f"holds HTML markup ({tags}){SAID}")


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
