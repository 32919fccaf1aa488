"""Build the word-vector table the model ships (src/taikai/model/vectors/chive/) from the ja-ginza wheel.

Usage:
    pip download ja-ginza==5.3.0 --no-deps -d /tmp/ginza
    python scripts/extract_vectors.py /tmp/ginza/ja_ginza-5.3.0-py3-none-any.whl [--out PATH] [--dims 300]
        [--max-tokens 1]

The wheel (MIT, Megagon Labs) carries chiVe vectors (Apache-2.0, Works Applications) for spaCy: ``vocab/vectors``
(.npy, 20,000 × 300 float32), ``vocab/key2row`` (msgpack: 64-bit string hash → row; 480k keys, pruned words point
at their nearest kept row) and ``vocab/strings.json``. A key is spaCy's ``hash_string``, MurmurHash64A of the
UTF-8 bytes with seed 1, computed here in plain Python: no spaCy needed.

chiVe's words are Sudachi normalised forms (為る, 居る, 有り難う). The table is keyed instead by what taikai's
tokenizer writes (``JapaneseTokenizer(form="base")``: UniDic's orthBase), so that the vector block reads the very
tokens the TF-IDF counts (one MeCab pass). Every dictionary form of the installed MeCab dictionary (unidic-lite) is
resolved once, here: the UniDic lemma (without its Latin gloss, e.g. クラウド-crowd) of its cheapest entry that
chiVe has, else the form itself. Words of ASCII lower-case letters and digits that chiVe has are added as they are
(numbers and Latin words are mostly unknown to the dictionary, and the tokenizer then writes them as they are,
lower-cased by normalisation). With ``--max-tokens N`` (N > 1), the compounds too: chiVe has many words that
UniDic cuts into short units (手数料 → 手数 料, 振込手数料 → 振込 手数 料), so every other chiVe word is normalised
and tokenized as a review is, and one that comes out as 2–N tokens is added under those tokens joined by spaces
(``WordVectors`` looks such runs up first, longest first). On the real dev set they did not help
(docs/model_selection.md, "Word vectors"), so the default is 1: none. Forms chiVe lacks, and other chiVe words no
dictionary form reaches, are left out. Beside the table, ``lexicon.npz`` holds the keys as hashes and run codes,
so that a batch needs no dict.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import zipfile
from pathlib import Path

import msgpack  # a dependency of distributed, so in the dev install
import numpy as np

from taikai.model._vector_table import TABLE_DIR, make_table, save_table
from taikai.text import JapaneseTokenizer, default_dicdir, dictionary_entries, normalize

_MASK = (1 << 64) - 1
_M = 0xC6A4A7935BD1E995
_LATIN_GLOSS = re.compile(r"(?<=.)-.+$")  # UniDic lemma glosses: クラウド-crowd, 円-助数詞, 私-代名詞
_ASCII_WORD = re.compile(r"[0-9a-z]+")
_GET_WHEEL = "Get it with: pip download ja-ginza==5.3.0 --no-deps -d /tmp/ginza"
SOURCE = (
    "chiVe word vectors (Works Applications, Apache-2.0) from the ja-ginza 5.3.0 wheel (Megagon Labs, MIT), "
    "keyed by the dictionary forms of unidic-lite 1.0.8 through their UniDic lemmas"
)


def murmurhash64a(data: bytes, seed: int = 1) -> int:
    """Return MurmurHash64A of *data* (what spaCy's ``hash_string`` computes with seed 1)."""
    h = (seed ^ (len(data) * _M)) & _MASK
    whole = len(data) // 8
    for i in range(whole):
        k = int.from_bytes(data[8 * i : 8 * i + 8], "little")
        k = (k * _M) & _MASK
        k ^= k >> 47
        k = (k * _M) & _MASK
        h ^= k
        h = (h * _M) & _MASK
    tail = data[8 * whole :]
    if tail:
        h ^= int.from_bytes(tail, "little")
        h = (h * _M) & _MASK
    h ^= h >> 47
    h = (h * _M) & _MASK
    h ^= h >> 47
    return h


class WheelError(Exception):
    """The wheel given cannot be read: missing, not a zip file, or without chiVe's vocab files."""


def read_wheel(path: Path) -> tuple[dict[str, int], np.ndarray]:
    """Return (chiVe word → matrix row, float32 matrix) from a ja-ginza wheel.

    Raises :class:`WheelError`, saying what is wrong and how to get the wheel, when *path* is missing, is not a zip
    file or lacks ``vocab/vectors``, ``vocab/key2row`` or ``vocab/strings.json``.
    """
    try:
        with zipfile.ZipFile(path) as wheel:
            found = [n for n in wheel.namelist() if n.endswith("/vocab/vectors")]
            if not found:
                raise WheelError(f"{path}: no vocab/vectors inside; is it a ja-ginza wheel? {_GET_WHEEL}")
            prefix = found[0][: -len("vectors")]
            matrix = np.load(io.BytesIO(wheel.read(prefix + "vectors")))
            key2row = msgpack.unpackb(wheel.read(prefix + "key2row"), strict_map_key=False)
            strings = json.loads(wheel.read(prefix + "strings.json"))
    except FileNotFoundError:
        raise WheelError(f"{path}: no such file. {_GET_WHEEL}") from None
    except IsADirectoryError:
        raise WheelError(f"{path}: a directory; give the wheel file inside it. {_GET_WHEEL}") from None
    except zipfile.BadZipFile as error:
        raise WheelError(f"{path}: not a wheel ({error}); a wheel is a zip file. {_GET_WHEEL}") from None
    except KeyError as error:
        raise WheelError(f"{path}: {error.args[0]}; is it a ja-ginza wheel? {_GET_WHEEL}") from None
    by_hash = {murmurhash64a(s.encode("utf-8")): s for s in strings}
    words = {}
    for key, row in key2row.items():
        word = by_hash.get(key)
        if word is not None:
            words[word] = int(row)
    return words, matrix.astype(np.float32)


def resolve(chive: dict[str, int], entries: list[tuple[list[str], int]]) -> dict[str, int]:
    """Return token (orthBase as the tokenizer writes it) → chiVe row: the lemma of the cheapest entry chiVe
    has, else the form itself; then chiVe's ASCII words (lower-case letters, digits) as they are."""
    by_form: dict[str, list[tuple[int, str]]] = {}
    for fields, cost in entries:
        if len(fields) <= 10:
            continue
        form = "" if fields[10] == "*" else fields[10]
        if form.split() != [form]:  # empty or with white space (U+3000): the tokenizer writes no such token
            continue
        by_form.setdefault(form, []).append((cost, _LATIN_GLOSS.sub("", fields[7])))
    out = {}
    for form, candidates in by_form.items():
        for _, lemma in sorted(candidates):
            if lemma in chive:
                out[form] = chive[lemma]
                break
        else:
            if form in chive:
                out[form] = chive[form]
    for word, row in chive.items():
        if word not in out and _ASCII_WORD.fullmatch(word):
            out[word] = row
    return out


def compounds(chive: dict[str, int], singles: dict[str, int], max_tokens: int = 3) -> dict[str, int]:
    """Return "token token[ token]" → chiVe row for the chiVe words the tokenizer cuts into 2–*max_tokens* tokens
    (as it writes them: normalised, dictionary forms), skipping runs already keyed. Where several words give the
    same run, the one whose text is the run's concatenation wins, then the lowest row (chiVe's frequency order)."""
    tokenizer = JapaneseTokenizer(form="base").fit([])
    words = [w for w in chive if w not in singles and not _ASCII_WORD.fullmatch(w)]
    found: dict[str, tuple[bool, int]] = {}
    for word, tokens in zip(words, tokenizer.transform([normalize(w) for w in words])):
        parts = tokens.split()
        if not 2 <= len(parts) <= max_tokens:
            continue
        key = " ".join(parts)
        rank = (normalize(word) != "".join(parts), chive[word])
        if key not in singles and (key not in found or rank < found[key]):
            found[key] = rank
    return {key: row for key, (_, row) in found.items()}


def reduce(matrix: np.ndarray, dims: int) -> np.ndarray:
    """Return *matrix* projected on its first *dims* principal components (unchanged if dims >= width)."""
    if dims >= matrix.shape[1]:
        return matrix
    centred = matrix - matrix.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return centred @ vt[:dims].T


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("--out", type=Path, default=TABLE_DIR / "chive")
    parser.add_argument("--dims", type=int, default=300)
    parser.add_argument(
        "--max-tokens", type=int, default=1, help="longest compound key, in tokens (default 1: no compounds)"
    )
    args = parser.parse_args()
    try:
        chive, matrix = read_wheel(args.wheel)
    except WheelError as error:
        parser.error(str(error))  # the usage and "extract_vectors.py: error: ..." on stderr, exit status 2
    rows = resolve(chive, dictionary_entries(default_dicdir()))
    singles = len(rows)
    if args.max_tokens > 1:
        rows.update(compounds(chive, rows, args.max_tokens))
    matrix = reduce(matrix, args.dims)
    table = make_table({word: matrix[row] for word, row in rows.items()}, SOURCE)
    save_table(table, args.out)
    print(
        f"{len(chive):,} chiVe words; {singles:,} tokens + {len(table) - singles:,} compounds → "
        f"{table.matrix.shape[0]:,} vectors × {table.dim}; "
        f"{args.out} {sum(f.stat().st_size for f in args.out.iterdir()) / 1e6:.1f} MB, digest {table.digest[:12]}"
    )


if __name__ == "__main__":
    main()
