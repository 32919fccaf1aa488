"""Parts of speech with offsets, and NFKC with offsets."""

import csv
import pickle
import unicodedata
from pathlib import Path

import pytest

from taikai.text import PosTagger, nfkc_with_offsets

ROOT = Path(__file__).resolve().parents[2]


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
    tagger.dictionary_tags("西")
    clone = pickle.loads(pickle.dumps(tagger))
    assert clone.__dict__ == {"dicdir": None, "_specs": None, "_known": {}}
    assert clone.tag("田中")[0].pos[3] == "姓"
    assert ("名詞", "固有名詞", "人名", "姓") in clone.dictionary_tags("西")


@pytest.mark.parametrize(
    "state",
    [
        {"dicdir": None},
        {
            "dicdir": None,
            "_tagger": None,
            "_pid": -1,
            "_lattice": None,
            "_lattice_pid": -1,
            "_known": {},
        },  # pickled before taggers were shared
    ],
)
def test_a_pickled_tagger_of_any_version_loads(state):
    tagger = PosTagger.__new__(PosTagger)
    tagger.__setstate__(state)
    assert tagger.__dict__ == {"dicdir": None, "_specs": None, "_known": {}}
    assert tagger.tag("田中")[0].pos[3] == "姓"


SURNAME = ("名詞", "固有名詞", "人名", "姓")
PLACE = ("名詞", "固有名詞", "地名", "一般")
COMMON = ("名詞", "普通名詞", "一般", "")


@pytest.mark.parametrize(
    ("word", "present", "absent"),
    [
        ("西", [SURNAME, PLACE, COMMON], []),  # the best path in 西さん reads a common noun
        ("田中", [SURNAME, ("名詞", "固有名詞", "人名", "名")], [PLACE, COMMON]),
        ("松本", [SURNAME, PLACE], []),
        ("客", [COMMON], [SURNAME]),
        ("たかぴー", [], [SURNAME, COMMON]),  # no entry spans the whole word
        ("手数料", [], [COMMON]),  # two entries (手数 + 料), not one
    ],
)
def test_dictionary_tags_lists_every_entry_of_the_whole_word(word, present, absent):
    tags = PosTagger().dictionary_tags(word)
    assert all(tag in tags for tag in present), sorted(tags)
    assert not any(tag in tags for tag in absent), sorted(tags)
    if not present:
        assert tags == frozenset()


@pytest.mark.parametrize("word", ["", " ", "西\t東", "西\n", "\x00"])
def test_dictionary_tags_of_blank_or_broken_words_is_empty(word):
    assert PosTagger().dictionary_tags(word) == frozenset()


def test_dictionary_tags_are_kept_per_tagger():
    tagger = PosTagger()
    first = tagger.dictionary_tags("西")
    assert tagger.dictionary_tags("西") is first


@pytest.mark.parametrize(
    ("original", "text"),
    [("ｻﾄｳ０９０", "サトウ090"), ("ｶﾞｸ", "ガク"), ("㈱A", "(株)A"), ("plain", "plain")],
)
def test_nfkc_with_offsets(original, text):
    mapped = nfkc_with_offsets(original)
    assert mapped.text == text
    assert mapped.span(0, len(text)) == (0, len(original))


def _original_tags(text: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """Tag *text* with fugashi's UniDic nodes on the original dictionary: surface, four levels, unknown."""
    from taikai.text._tokenizer import make_tagger

    out = []
    for n in make_tagger("surface")(text):
        levels = (n.feature.pos1, n.feature.pos2, n.feature.pos3, n.feature.pos4)
        out.append((n.surface, tuple("" if v in ("*", None) else v for v in levels), n.is_unk))
    return out


TRICKY = ["満足(* ́ω`*)", "1,000円の案件を3件", "翔琉くんとMikeさん", "𠮷野家のバイト🙂", "ｻﾄｳさん、090-1234-5678"]


def test_the_part_of_speech_copy_tags_like_the_original_dictionary():
    with open(ROOT / "data" / "sample_dump.csv", encoding="utf-8", newline="") as f:
        texts = [unicodedata.normalize("NFKC", row["text"]) for row in csv.DictReader(f)][:100]
    tagger = PosTagger()
    for text in [*TRICKY, *texts]:
        assert [(w.surface, w.pos, w.unknown) for w in tagger.tag(text)] == _original_tags(text), text


def test_without_a_writable_cache_the_original_dictionary_gives_the_same_tags(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("not a directory")
    monkeypatch.setenv("TAIKAI_CACHE_DIR", str(tmp_path / "file"))
    tagger = PosTagger()
    for text in TRICKY:
        assert [(w.surface, w.pos, w.unknown) for w in tagger.tag(text)] == _original_tags(text), text
