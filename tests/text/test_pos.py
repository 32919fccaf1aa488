"""Parts of speech with offsets, and NFKC with offsets."""

import pickle

import pytest

from taikai.text import PosTagger, nfkc_with_offsets


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("田中さん", [("田中", 0, 2, "姓"), ("さん", 2, 4, "")]),
        ("  佐藤\t太郎\n様", [("佐藤", 2, 4, "姓"), ("太郎", 5, 7, "名"), ("様", 8, 9, "")]),
        ("Mike さん", [("Mike", 0, 4, "一般"), ("さん", 5, 7, "")]),
        ("", []),
        (" \n", []),
    ],
)
def test_tag_offsets_and_tags(text, words):
    tagged = PosTagger().tag(text)
    assert [(w.surface, w.start, w.end, w.pos[3]) for w in tagged] == words
    for w in tagged:
        assert text[w.start : w.end] == w.surface


def test_tag_marks_unknown_words_and_the_last_word():
    tagged = PosTagger().tag("Mikeさん")
    assert [(w.surface, w.unknown) for w in tagged] == [("Mike", True), ("さん", False)]
    assert tagged[0].pos == ("名詞", "固有名詞", "人名", "一般")


@pytest.mark.parametrize(("text", "needed", "count"), [("田中さん", ("人名",), 2), ("手数料が高い", ("人名",), 0)])
def test_tag_unless_absent(text, needed, count):
    assert len(PosTagger().tag(text, unless_absent=needed)) == count


def test_tagger_pickles_without_mecab():
    tagger = PosTagger()
    tagger.tag("田中")
    clone = pickle.loads(pickle.dumps(tagger))
    assert clone._tagger is None
    assert clone.tag("田中")[0].pos[3] == "姓"


@pytest.mark.parametrize(
    ("original", "text"),
    [("ｻﾄｳ０９０", "サトウ090"), ("ｶﾞｸ", "ガク"), ("㈱A", "(株)A"), ("plain", "plain")],
)
def test_nfkc_with_offsets(original, text):
    mapped = nfkc_with_offsets(original)
    assert mapped.text == text
    assert mapped.span(0, len(text)) == (0, len(original))
