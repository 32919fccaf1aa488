"""The dictionary-form copy of the MeCab dictionary gives the very words that %f[10] gives on the original."""

import csv
import os
from pathlib import Path

import pytest

from taikai.text import make_tagger, normalize
from taikai.text._dicdir import default_dicdir, dictionary_args
from taikai.text._dictionary import _field, derive_sys_dic

ROOT = Path(__file__).resolve().parents[2]
TRICKY = [
    "満足(* ́ω`*)",  # '*' has orthBase '*', which %f[10] prints as nothing
    "1,000円の案件を3件、合計3,000円",
    "ｸﾗｳﾄﾞﾜｰｸｽで稼げなかった",
    "「提案しても」“選ばれない” ＠ランサーズ",
    "𠮷野家のバイトの方が時給がいい🙂",
    "url を見て。。。。",
]


@pytest.fixture(scope="module")
def original():
    import fugashi

    return fugashi.GenericTagger(dictionary_args(default_dicdir()) + r' -O "" -F "%f[10]\s" -U "%m\s" -E "\n"')


def test_the_copy_writes_the_words_of_the_original(original):
    with open(ROOT / "data" / "sample_dump.csv", encoding="utf-8", newline="") as f:
        texts = [normalize(row["text"]) for row in csv.DictReader(f)]
    derived = make_tagger("base")
    for text in [*map(normalize, TRICKY), *texts]:
        assert derived.parse(text) == original.parse(text), text


def test_without_a_writable_cache_the_original_dictionary_is_used(tmp_path, monkeypatch, original):
    (tmp_path / "file").write_text("not a directory")
    monkeypatch.setenv("TAIKAI_CACHE_DIR", str(tmp_path / "file"))
    tagger = make_tagger("base")
    for text in map(normalize, TRICKY):
        assert tagger.parse(text) == original.parse(text)


@pytest.mark.parametrize(
    ("feature", "value"),
    [
        (b"a,b,c,d,e,f,g,h,i,j,orth,k", b"orth"),
        (b"a,b,c,d,e,f,g,h,i,j,*,k", b""),  # MeCab's %f[N] prints nothing for '*'
        (b'a,b,c,d,e,f,"g,h",i,j,k,orth,l', b"orth"),  # a quoted comma does not split
        (b'a,b,c,d,e,f,g,h,i,j,"1,000",l', b"1,000"),
        (b"a,b,c", b""),
    ],
)
def test_the_field_as_mecab_prints_it(feature, value):
    assert _field(feature) == value


def test_a_file_that_is_no_mecab_dictionary_is_refused():
    with pytest.raises(ValueError, match="bad magic"):
        derive_sys_dic(b"\0" * 200)


@pytest.mark.slow  # builds a second copy (seconds)
def test_the_copy_is_made_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("TAIKAI_CACHE_DIR", str(tmp_path))
    from taikai.text._dictionary import lemma_dicdir

    first = lemma_dicdir(default_dicdir())
    made = os.stat(Path(first) / "sys.dic").st_mtime_ns
    assert lemma_dicdir(default_dicdir()) == first and os.stat(Path(first) / "sys.dic").st_mtime_ns == made
    assert [p.name for p in tmp_path.iterdir()] == [Path(first).name]  # no temporary directory left
