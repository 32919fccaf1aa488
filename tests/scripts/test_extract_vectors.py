"""scripts/extract_vectors.py: spaCy's string hash, reading a ja-ginza-shaped wheel, and resolving dictionary
forms to vectors through their lemmas."""

import io
import json
import zipfile

import extract_vectors
import msgpack
import numpy as np
import pytest
from extract_vectors import WheelError, murmurhash64a, read_wheel, resolve


@pytest.mark.parametrize("text", ["", "a", "手数料", "12345678", "123456789", "クラウドワークス"])
def test_hash_is_64_bit_and_tells_strings_apart(text):
    value = murmurhash64a(text.encode())
    assert 0 <= value < 2**64 and value == murmurhash64a(text.encode())
    assert value != murmurhash64a((text + "x").encode())


def write_wheel(path, matrix, words, members=("vectors", "key2row", "strings.json")):
    """Write a ja-ginza-shaped wheel at *path* with the vocab *members* given."""
    buffer = io.BytesIO()
    np.save(buffer, matrix)
    content = {
        "vectors": buffer.getvalue(),
        "key2row": msgpack.packb({murmurhash64a(w.encode()): r for w, r in words.items()}),
        "strings.json": json.dumps([*words, "unused"]),
    }
    with zipfile.ZipFile(path, "w") as z:
        for member in members:
            z.writestr(f"ja_ginza/ja_ginza-0/vocab/{member}", content[member])
    return path


def test_read_wheel_maps_words_to_rows(tmp_path):
    matrix = np.arange(6, dtype=np.float32).reshape(3, 2)
    words = {"為る": 0, "高い": 1, "手数料": 2, "手数": 2}
    wheel = write_wheel(tmp_path / "ja_ginza-0-py3-none-any.whl", matrix, words)
    found, read = read_wheel(wheel)
    assert found == words
    np.testing.assert_array_equal(read, matrix)


def entry(pos, lemma, form):
    fields = [pos, "*", "*", "*", "*", "*", "*", lemma, "*", "*", form]
    return fields


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ([(entry("動詞", "為る", "する"), 10)], {"する": 0}),  # through the lemma
        ([(entry("名詞", "クラウド-crowd", "クラウド"), 5)], {"クラウド": 1}),  # the Latin gloss is stripped
        ([(entry("名詞", "無い", "高い"), 9), (entry("形容詞", "高い", "高い"), 1)], {"高い": 2}),  # cheapest first
        ([(entry("名詞", "謎語", "手数料"), 1)], {"手数料": 3}),  # no lemma vector: the form itself
        ([(entry("名詞", "謎語", "謎語"), 1)], {}),  # neither
        ([(entry("補助記号", "*", "*"), 1), (entry("名詞", "為る", "二 語"), 1)], {}),  # nothing / two tokens
        ([(["名詞", "*"], 1)], {}),  # a short feature line
    ],
)
def test_resolve_prefers_the_lemma_of_the_cheapest_entry(entries, expected):
    chive = {"為る": 0, "クラウド": 1, "高い": 2, "手数料": 3, "無い": 4, "web": 5, "Web": 6, "ウェブ": 7}
    assert resolve(chive, entries) == expected | {"web": 5}  # ASCII words are added as they are


def unreadable(tmp_path, kind):
    """Return a path to a wheel that cannot be read, of the *kind* given."""
    wheel = tmp_path / "ja_ginza-5.3.0-py3-none-any.whl"
    if kind == "text":
        wheel.write_text("not a zip\n", encoding="utf-8")
    elif kind == "directory":
        wheel.mkdir()
    elif kind in ("no vectors", "no key2row"):
        members = ("key2row", "strings.json") if kind == "no vectors" else ("vectors", "strings.json")
        write_wheel(wheel, np.zeros((1, 2), dtype=np.float32), {"為る": 0}, members)
    return wheel


UNREADABLE = [
    ("missing", "ja_ginza-5.3.0-py3-none-any.whl: no such file."),
    ("text", "ja_ginza-5.3.0-py3-none-any.whl: not a wheel (File is not a zip file); a wheel is a zip file."),
    ("directory", "ja_ginza-5.3.0-py3-none-any.whl: a directory; give the wheel file inside it."),
    ("no vectors", "ja_ginza-5.3.0-py3-none-any.whl: no vocab/vectors inside; is it a ja-ginza wheel?"),
    ("no key2row", "There is no item named 'ja_ginza/ja_ginza-0/vocab/key2row' in the archive; is it a ja-ginza"),
]


@pytest.mark.parametrize(("kind", "message"), UNREADABLE)
def test_read_wheel_says_what_is_wrong_with_the_wheel(tmp_path, kind, message):
    with pytest.raises(WheelError) as raised:
        read_wheel(unreadable(tmp_path, kind))
    assert message in str(raised.value)
    assert str(raised.value).endswith("Get it with: pip download ja-ginza==5.3.0 --no-deps -d /tmp/ginza")


@pytest.mark.parametrize(("kind", "message"), UNREADABLE)
def test_the_script_exits_2_with_the_message_and_no_traceback(tmp_path, monkeypatch, capsys, kind, message):
    monkeypatch.setattr("sys.argv", ["extract_vectors.py", str(unreadable(tmp_path, kind)), "--out", str(tmp_path)])
    with pytest.raises(SystemExit) as exited:
        extract_vectors.main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"extract_vectors.py: error: {tmp_path}" in err and message in err
    assert "Traceback" not in err
