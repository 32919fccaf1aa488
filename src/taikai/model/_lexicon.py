"""Find a vector table's keys in a stream of tokens at numpy speed, compounds first.

A table key is one token or a compound: 2–3 tokens joined by spaces (chiVe has 手数料 where UniDic cuts 手数|料).
Keys are matched greedily from the left, longest first: at each token the run of three tokens is tried, then two,
then the token alone, and a matched run is skipped past. :func:`segment_texts` does that the plain way, with
any lookup of a joined string (a few texts: binary search in the packed keys, nothing built); :class:`Lexicon` does
it for a whole batch: one dict lookup per token (its id), then the runs as integer codes searched in sorted arrays.
Both give the same keys in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]

UNKNOWN = -1
"""The id of a token that is no key and no part of one."""
BREAK = -2
"""The id of a break between texts: no run crosses it."""


_BASE = np.uint64(0x9E3779B97F4A7C15)  # odd: invertible modulo 2**64
_MIX = np.uint64(0xC2B2AE3D27D4EB4F)


def string_hashes(blob: bytes, separators: bytes = b"\n") -> tuple[Array, Array, Array]:
    """Return (hash, start, end) of each item of *blob*, a byte string in which every item ends with one of
    *separators*: a 64-bit polynomial hash of the item's bytes and its length, computed for all items at once."""
    raw = np.frombuffer(blob, dtype=np.uint8)
    ends = np.flatnonzero(np.isin(raw, np.frombuffer(separators, dtype=np.uint8)))
    if not len(ends):
        empty = np.zeros(0, dtype=np.int64)
        return np.zeros(0, dtype=np.uint64), empty, empty
    starts = np.concatenate([[0], ends[:-1] + 1]).astype(np.int64)
    with np.errstate(over="ignore"):
        powers = np.cumprod(np.full(len(raw), _BASE, dtype=np.uint64))  # BASE**(i+1)
        inverse = np.cumprod(np.full(len(raw), np.uint64(pow(int(_BASE), -1, 1 << 64)), dtype=np.uint64))
        prefix = np.concatenate([[np.uint64(0)], np.cumsum(raw.astype(np.uint64) * powers, dtype=np.uint64)])
        shift = np.concatenate([[np.uint64(1)], inverse])[starts]  # divides out BASE**start
        lengths = (ends - starts).astype(np.uint64)
        hashes = (prefix[ends] - prefix[starts]) * shift * _MIX + lengths
    return hashes, starts, ends


_FILTER_BITS = 22


def _filter_slot(pairs: Array) -> Array:
    """Return the slot of each pair code in the run filter (a multiplicative hash)."""
    with np.errstate(over="ignore"):
        mixed = pairs.astype(np.uint64) * _BASE
    slots: Array = (mixed >> np.uint64(64 - _FILTER_BITS)).astype(np.int64)
    return slots


def hash_tokens(tokens: Sequence[str]) -> Array:
    """Return the :func:`string_hashes` of *tokens* (strings without line breaks)."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    return string_hashes("\n".join(tokens).encode("utf-8") + b"\n")[0]


def greedy_matches(tokens: Sequence[str], find: Callable[[str], int], longest: int) -> Iterator[tuple[int, int, int]]:
    """Yield (first token, number of tokens, key) of each match in *tokens*, greedy from the left and longest first:
    runs of up to *longest* tokens joined by spaces, then the token alone; a matched run is skipped past.

    *find* returns the key index of a joined run of tokens, or -1.
    """
    i, n = 0, len(tokens)
    while i < n:
        for length in range(min(longest, n - i), 0, -1):
            key = find(" ".join(tokens[i : i + length]))
            if key >= 0:
                yield i, length, key
                i += length
                break
        else:
            i += 1


def segment_texts(texts: Sequence[Sequence[str]], find: Callable[[str], int], longest: int) -> tuple[Array, Array]:
    """Return (text of each match, key of each match) for the tokens of each text (:func:`greedy_matches`).

    *find* returns the key index of a joined run of tokens, or -1.
    """
    docs: list[int] = []
    keys: list[int] = []
    for doc, tokens in enumerate(texts):
        for _, _, key in greedy_matches(tokens, find, longest):
            docs.append(doc)
            keys.append(key)
    return np.asarray(docs, dtype=np.int64), np.asarray(keys, dtype=np.int64)


class Lexicon:
    """The keys of a table as token ids, built from the packed keys (``blob``: UTF-8, sorted, each ending with a
    line break) with numpy, without a Python object per key.

    A key without a space has its key index as its token's id; a token that is only part of compound keys gets an
    id after them. Tokens are found by a 64-bit hash of their bytes (:func:`string_hashes`) in the sorted hashes
    of the known tokens (two different tokens of the table with one hash would be refused on building; a token
    outside the table that shares a key's hash is a 1-in-10^13 event per token). ``single[id]`` is the id's key
    index as a key of its own (-1: none); runs of *n* tokens are int64 codes of their ids (``codes[n]``, sorted)
    with their key indices (``runs[n]``)."""

    def __init__(self, arrays: dict[str, Array]):
        """Make the lexicon from the arrays :meth:`build` computes (or a file of them: :meth:`arrays`)."""
        self.hashes = np.asarray(arrays["hashes"], dtype=np.uint64)
        self.hash_ids = np.asarray(arrays["hash_ids"], dtype=np.int64)
        self.size = int(arrays["size"])
        self.n_keys = int(arrays["n_keys"])
        self.single = np.full(self.size, -1, dtype=np.int64)
        singles = self.hash_ids[self.hash_ids < self.n_keys]  # a one-token key: its id is its key index
        self.single[singles] = singles
        self.codes: dict[int, Array] = {}
        self.runs: dict[int, Array] = {}
        for name in arrays:
            if name.startswith("codes"):
                n = int(name[len("codes") :])
                self.codes[n] = np.asarray(arrays[name], dtype=np.int64)
                self.runs[n] = np.asarray(arrays[f"runs{n}"], dtype=np.int64)
        self.longest = max(self.codes, default=1)
        if self.size**self.longest >= 1 << 63:
            raise ValueError(f"{self.size:,} tokens in runs of {self.longest}: the codes would overflow int64")
        # A filter of the pairs of ids that begin a run: runs are searched only where it lets a pair through.
        self.begins = np.zeros(1 << _FILTER_BITS, dtype=bool)
        for n, codes in self.codes.items():
            self.begins[_filter_slot(codes // self.size ** (n - 2))] = True

    def arrays(self) -> dict[str, Array]:
        """Return what :class:`Lexicon` is made from (to be saved beside the table)."""
        out: dict[str, Array] = {"hashes": self.hashes, "hash_ids": self.hash_ids.astype(np.int32)}
        out |= {"size": np.asarray(self.size), "n_keys": np.asarray(self.n_keys)}
        for n in self.codes:
            out[f"codes{n}"], out[f"runs{n}"] = self.codes[n], self.runs[n].astype(np.int32)
        return out

    @classmethod
    def build(cls, blob: bytes) -> Lexicon:
        """Return the lexicon of the packed keys *blob* (every key ends with a line break)."""
        hashes, _, ends = string_hashes(blob, b"\n ")
        raw = np.frombuffer(blob, dtype=np.uint8)
        key_end = raw[ends] == ord("\n")
        key_of = np.concatenate([[0], np.cumsum(key_end)[:-1]]).astype(np.int64)  # the key of each part
        first = np.concatenate([[True], key_end[:-1]])  # the part starts its key
        alone = first & key_end  # a key of one token
        n_keys = int(key_end.sum())
        # Known tokens: the one-token keys (id = key index), then the other parts (ids after n_keys).
        single_ids = key_of[alone]
        extra = np.setdiff1d(np.unique(hashes[~alone]), hashes[alone])
        known = np.concatenate([hashes[alone], extra])
        ids_of_known = np.concatenate([single_ids, n_keys + np.arange(len(extra))])
        order = np.argsort(known, kind="stable")
        arrays: dict[str, Array] = {"hashes": known[order], "hash_ids": ids_of_known[order]}
        if len(known) > 1 and (arrays["hashes"][1:] == arrays["hashes"][:-1]).any():
            raise ValueError("two tokens of the table share a 64-bit hash; rebuild the table without one of them")
        size = n_keys + len(extra)
        arrays |= {"size": np.asarray(size), "n_keys": np.asarray(n_keys)}
        part_ids = cls(arrays).find_hashes(hashes)
        parts_per_key = np.bincount(key_of, minlength=n_keys)
        for n in range(2, int(parts_per_key.max(initial=1)) + 1):
            keys = np.flatnonzero(parts_per_key == n)
            if len(keys):
                run_ids = part_ids[np.isin(key_of, keys)].reshape(len(keys), n)  # a key's parts are in a row
                codes = cls._code(run_ids, size)
                order = np.argsort(codes)
                arrays[f"codes{n}"], arrays[f"runs{n}"] = codes[order], keys[order]
        return cls(arrays)

    @classmethod
    def from_words(cls, words: Sequence[str]) -> Lexicon:
        """Return the lexicon of the keys *words* (key *i* is ``words[i]``)."""
        return cls.build("".join(w + "\n" for w in words).encode("utf-8"))

    def find_hashes(self, hashes: Array) -> Array:
        """Return the id of the token of each hash (``UNKNOWN`` for none)."""
        if not len(self.hashes):
            return np.full(len(hashes), UNKNOWN, dtype=np.int64)
        where = np.minimum(np.searchsorted(self.hashes, hashes), len(self.hashes) - 1)
        return np.where(self.hashes[where] == hashes, self.hash_ids[where], UNKNOWN)

    @staticmethod
    def _code(ids: Array, size: int) -> Array:
        """Return one int64 code per row of token *ids* (a number in base *size*)."""
        code = ids[:, 0].copy()
        for j in range(1, ids.shape[1]):
            code = code * size + ids[:, j]
        out: Array = code
        return out

    def find(self, tokens: Sequence[str]) -> Array:
        """Return the id of each token (``UNKNOWN`` for none)."""
        return self.find_hashes(hash_tokens(tokens))

    def segment(self, ids: Array) -> tuple[Array, Array]:
        """Return (position of each match, key of each match) in a stream of token *ids* (``BREAK`` between
        texts), greedy from the left and longest first: the same matches as :func:`segment_texts`."""
        known = ids >= 0
        safe = np.where(known, ids, 0)
        keys = np.where(known, self.single[safe], -1)
        if self.longest < 2 or len(ids) < 2:
            positions = np.flatnonzero(keys >= 0)
            return positions, keys[positions]
        # Runs can only start where the pair of ids passes the filter of the pairs that begin runs: search there.
        pairs = safe[:-1] * self.size + safe[1:]
        candidates = np.flatnonzero(known[:-1] & known[1:] & self.begins[_filter_slot(pairs)])
        matched = np.zeros(len(candidates), dtype=np.int64)  # the length of the longest run starting there
        run_key = np.full(len(candidates), -1, dtype=np.int64)
        for n in sorted(self.codes):
            inside = candidates[candidates + n <= len(ids)]
            code = safe[inside]
            valid = np.ones(len(inside), dtype=bool)
            for j in range(1, n):
                valid &= known[inside + j]
                code = code * self.size + safe[inside + j]
            where = np.minimum(np.searchsorted(self.codes[n], code), len(self.codes[n]) - 1)
            hit = valid & (self.codes[n][where] == code)
            matched[: len(inside)][hit] = n
            run_key[: len(inside)][hit] = self.runs[n][where[hit]]
        found = np.flatnonzero(matched)
        if len(found):
            taken = np.zeros(len(ids), dtype=bool)  # inside a run taken earlier
            free = 0
            for start, length, key in zip(candidates[found].tolist(), matched[found].tolist(), run_key[found].tolist()):
                if start >= free:
                    free = start + length
                    keys[start] = key
                    taken[start + 1 : free] = True
            keys[taken] = -1
        positions = np.flatnonzero(keys >= 0)
        return positions, keys[positions]
