"""The dictionary-form copy of the MeCab dictionary gives the very words that %f[10] gives on the original."""

import csv
import logging
import os
import shutil
import warnings
from pathlib import Path

import pytest

from taikai.errors import DataWarning
from taikai.text import normalize
from taikai.text._dicdir import default_dicdir, dictionary_args
from taikai.text._dictionary import _field, derive_sys_dic
from taikai.text._tokenizer import make_tagger

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

    with pytest.warns(DataWarning, match=r"^writing the dictionary-form copy of the MeCab dictionary .* \(once\)$"):
        first = lemma_dicdir(default_dicdir())
    made = os.stat(Path(first) / "sys.dic").st_mtime_ns
    assert lemma_dicdir(default_dicdir()) == first and os.stat(Path(first) / "sys.dic").st_mtime_ns == made
    assert [p.name for p in tmp_path.iterdir()] == [Path(first).name]  # no temporary directory left


def _install(root, content=b"sys" * 100, matrix=b"matrix" * 10):
    """Write a stand-in dictionary install under *root* (small files: the copy's derivation is a stand-in too)."""
    root.mkdir(parents=True)
    (root / "sys.dic").write_bytes(content)
    (root / "matrix.bin").write_bytes(matrix)
    (root / "char.bin").write_bytes(b"char")
    (root / "unk.dic").write_bytes(b"unk")
    (root / "dicrc").write_bytes(b"dicrc")
    return root


def _derive(source):
    return source[::-1]


def _copy(dicdir):
    """Return the copy of *dicdir* and the warnings its making gave, one a line."""
    from taikai.text._dictionary import _derived_dicdir

    with warnings.catch_warnings(record=True) as given:
        warnings.simplefilter("always")
        found = Path(_derived_dicdir(str(dicdir), "test", "test", _derive))
    assert all(w.category is DataWarning and w.filename == __file__ for w in given)  # at the caller's line
    return found, "\n".join(str(w.message) for w in given)


def _made_in_view(source, routed):
    """Make the copy of *source* under the warnings filter *routed* sets, as a notebook would; return its path and the
    messages of the warnings shown."""
    from taikai.text._dictionary import _derived_dicdir

    with warnings.catch_warnings(record=True) as shown:
        routed()
        made = Path(_derived_dicdir(str(source), "test", "test", _derive))
    return made, [str(w.message) for w in shown if w.category is DataWarning]


def _logged():
    logging.captureWarnings(True)  # a batch job's log: warnings as records of the logger "py.warnings"
    warnings.simplefilter("default", DataWarning)


@pytest.mark.parametrize(
    ("routed", "shown", "logged"),
    [
        (lambda: warnings.simplefilter("ignore", DataWarning), False, False),
        (lambda: warnings.filterwarnings("ignore", "writing the .* copy of the MeCab dictionary"), False, False),
        (lambda: warnings.simplefilter("default", DataWarning), True, False),
        (_logged, False, True),
    ],
    ids=["silenced", "silenced-by-message", "shown", "logged"],
)
def test_the_note_that_a_copy_is_written_is_a_warning_to_silence_or_route(
    tmp_path, monkeypatch, capfd, caplog, routed, shown, logged
):
    """Regression: it was print()ed to stderr, which a notebook or a batch job's log could neither silence nor route."""
    monkeypatch.setenv("TAIKAI_CACHE_DIR", str(tmp_path / "cache"))
    try:
        made, given = _made_in_view(_install(tmp_path / "a"), routed)
    finally:
        logging.captureWarnings(False)
    note = f"writing the test copy of the MeCab dictionary {tmp_path / 'a'} into {made} (once)"
    assert "writing" not in capfd.readouterr().err  # not printed past the filters
    assert (given == [note]) is shown
    assert ([r.getMessage() for r in caplog.records if note in r.getMessage()] != []) is logged


COPIES = {"pos_dicdir": "part-of-speech", "lemma_dicdir": "dictionary-form", "words_dicdir": "content-word"}


@pytest.mark.parametrize("copy", list(COPIES))
def test_a_copy_written_while_masking_is_noted_unmasked_and_does_not_wait_for_itself(tmp_path, monkeypatch, copy):
    """Regression: the note given as a warning was masked under mask_pii (taikai batch --mask-pii on a fresh cache),
    and masking tags names with the part-of-speech copy being written: the build waited for itself, for ever."""
    import threading

    from taikai._masked_messages import masking
    from taikai.text import _dictionary

    monkeypatch.setenv("TAIKAI_CACHE_DIR", str(tmp_path / "cache"))
    given, made = [], []

    def build():
        with warnings.catch_warnings(record=True) as shown, masking([]):
            warnings.simplefilter("always")
            made.append(getattr(_dictionary, copy)(default_dicdir()))
        given.extend(str(w.message) for w in shown)

    builder = threading.Thread(target=build, daemon=True)  # a daemon: a build that hangs fails, not the session
    builder.start()
    builder.join(300)  # a bound to fail rather than hang: the copy takes seconds, more on a loaded machine
    assert not builder.is_alive() and made
    assert given == [
        f"writing the {COPIES[copy]} copy of the MeCab dictionary {default_dicdir()} into {made[0]} (once)"
    ]


def test_two_installs_of_one_dictionary_share_one_copy_that_outlives_them(tmp_path, monkeypatch):
    """Regression: the copy was keyed by the path-dependent mtime of sys.dic, so every install or clone wrote another
    (9 of each in ~/.cache/taikai), linked to files of the install it was made from."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("TAIKAI_CACHE_DIR", str(cache))
    first, second = _install(tmp_path / "a"), _install(tmp_path / "b")
    os.utime(second / "sys.dic", ns=(1, 1))  # another install: same bytes, another time
    made, said = _copy(first)
    assert "writing the test copy" in said and (made / "sys.dic").read_bytes() == _derive(b"sys" * 100)
    shutil.rmtree(first)  # the install the copy was made from goes away
    again, said = _copy(second)
    assert again == made and said == ""  # found, not written again
    assert [p.name for p in cache.iterdir()] == [made.name]  # one copy, no temporary directory left
    for name in ("matrix.bin", "char.bin", "unk.dic", "dicrc"):
        assert not (made / name).is_symlink() and (made / name).read_bytes() == (second / name).read_bytes()


@pytest.mark.parametrize(
    ("change", "same"),
    [
        (lambda d: os.utime(d / "matrix.bin", ns=(5, 5)), True),
        (lambda d: (d / "sys.dic").write_bytes(b"sys" * 99 + b"xyz"), False),  # same size, other bytes
        (lambda d: (d / "matrix.bin").write_bytes(b"matrix" * 11), False),
        (lambda d: (d / "version").write_text("1.0.9"), False),
        (lambda d: (d / "unk.dic").unlink(), False),
    ],
)
def test_the_key_is_the_content(tmp_path, change, same):
    from taikai.text._dictionary import fingerprint

    before = fingerprint(_install(tmp_path / "a"))
    other = _install(tmp_path / "b")
    change(other)
    assert (fingerprint(other) == before) is same


def test_a_large_file_is_sampled_not_read_whole(tmp_path):
    from taikai.text._dictionary import _SAMPLE, _SAMPLES, fingerprint

    big = b"".join(bytes([k]) * _SAMPLE for k in range(2 * _SAMPLES))
    base = fingerprint(_install(tmp_path / "a", content=big))
    changed = bytearray(big)
    changed[-1] ^= 1  # the last block is sampled
    assert fingerprint(_install(tmp_path / "b", content=bytes(changed))) != base


def test_a_broken_copy_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("TAIKAI_CACHE_DIR", str(tmp_path / "cache"))
    source = _install(tmp_path / "a")
    made, _ = _copy(source)
    (made / "matrix.bin").unlink()
    again, said = _copy(source)
    assert again == made and "writing the test copy" in said and (made / "matrix.bin").is_file()
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [made.name]


def test_threads_that_want_one_copy_at_once_build_it_once(tmp_path, monkeypatch):
    """Regression: on a fresh cache, one model shared by six threads wrote the copy six times (18 s, not 3 s)."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from taikai.text._dictionary import _derived_dicdir

    monkeypatch.setenv("TAIKAI_CACHE_DIR", str(tmp_path / "cache"))
    source = _install(tmp_path / "a")
    calls, start = [], threading.Barrier(6)

    def slow(data):
        calls.append(1)
        time.sleep(0.2)  # the others arrive while it is built
        return _derive(data)

    def copy(_):
        start.wait()
        return _derived_dicdir(str(source), "test", "test", slow)

    with warnings.catch_warnings(record=True) as given, ThreadPoolExecutor(6) as pool:
        warnings.simplefilter("always")
        found = set(pool.map(copy, range(6)))
    assert len(calls) == 1 and sum("writing the test copy" in str(w.message) for w in given) == 1
    (made,) = found
    assert (Path(made) / "sys.dic").read_bytes() == _derive(b"sys" * 100)
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [Path(made).name]  # no lock or temporary left


def test_a_process_holding_the_lock_is_waited_for_and_its_copy_used(tmp_path, monkeypatch, capfd):
    """The file lock, as another process holds it (flock: another open file waits, even in this process)."""
    import fcntl
    import threading

    from taikai.text._dictionary import _derived_dicdir, fingerprint

    cache = tmp_path / "cache"
    monkeypatch.setenv("TAIKAI_CACHE_DIR", str(cache))
    source = _install(tmp_path / "a")
    name = f"test-v1-{fingerprint(source)}"
    cache.mkdir()
    found = []
    with open(cache / f".{name}.lock", "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        waiter = threading.Thread(target=lambda: found.append(_derived_dicdir(str(source), "test", "test", _derive)))
        waiter.start()
        waiter.join(0.3)
        assert waiter.is_alive() and not found  # waits for the lock
        made = _install(cache / name, content=b"made by the other process")  # the other process's copy
        (made / "mecabrc").write_text("")
    waiter.join(120)  # a wait for the thread, bounded only to fail rather than hang: it reads a few small files
    assert found == [str(made)] and (made / "sys.dic").read_bytes() == b"made by the other process"
    assert "writing" not in capfd.readouterr().err


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda d: None, "no such directory"),
        (lambda d: d.write_text("x"), "not a directory"),
        (lambda d: d.mkdir(), "not a MeCab dictionary directory (no sys.dic, matrix.bin, char.bin, unk.dic, dicrc)"),
        (lambda d: _install(d) and (d / "matrix.bin").unlink(), "not a MeCab dictionary directory (no matrix.bin)"),
    ],
)
def test_a_dicdir_that_is_no_dictionary_is_refused_before_anything_is_written(tmp_path, monkeypatch, capfd, make, said):
    """Regression: form="base" with a bad dicdir said it wrote a copy of it, then failed with MeCab's bare
    RuntimeError ("Failed initializing MeCab"), which names neither the directory nor what it lacks."""
    from taikai.errors import InputError
    from taikai.text import JapaneseTokenizer

    monkeypatch.setenv("TAIKAI_CACHE_DIR", str(tmp_path / "cache"))
    dicdir = tmp_path / "a"
    make(dicdir)
    # form="surface" reads the directory itself, which also needs the mecabrc the copy of form="base" has of its own
    for form, lacks in [("base", said), ("surface", said.replace(")", ", mecabrc)"))]:
        with pytest.raises(InputError) as raised:
            JapaneseTokenizer(form=form, dicdir=str(dicdir)).transform(["手数料"])
        assert str(raised.value).startswith(f"dicdir={str(dicdir)!r}: {lacks}; a MeCab dictionary directory holds")
    assert capfd.readouterr().err == "" and not (tmp_path / "cache").exists()
