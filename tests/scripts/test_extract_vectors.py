"""scripts/extract_vectors.py: spaCy's string hash, reading a ja-ginza-shaped wheel, and resolving dictionary
forms to vectors through their lemmas."""

import io
import json
import zipfile

import msgpack
import numpy as np
import pytest
from extract_vectors import murmurhash64a, read_wheel, resolve


@pytest.mark.parametrize("text", ["", "a", "手数料", "12345678", "123456789", "クラウドワークス"])
def test_hash_is_64_bit_and_tells_strings_apart(text):
    value = murmurhash64a(text.encode())
    assert 0 <= value < 2**64 and value == murmurhash64a(text.encode())
    assert value != murmurhash64a((text + "x").encode())


def test_read_wheel_maps_words_to_rows(tmp_path):
    matrix = np.arange(6, dtype=np.float32).reshape(3, 2)
    words = {"為る": 0, "高い": 1, "手数料": 2, "手数": 2}
    buffer = io.BytesIO()
    np.save(buffer, matrix)
    wheel = tmp_path / "ja_ginza-0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        z.writestr("ja_ginza/ja_ginza-0/vocab/vectors", buffer.getvalue())
        z.writestr(
            "ja_ginza/ja_ginza-0/vocab/key2row", msgpack.packb({murmurhash64a(w.encode()): r for w, r in words.items()})
        )
        z.writestr("ja_ginza/ja_ginza-0/vocab/strings.json", json.dumps([*words, "unused"]))
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
