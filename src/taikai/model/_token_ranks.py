"""The rank of every token of a batch of space-separated documents, split and looked up in Arrow's C++ code.

``text.split()`` and a dict lookup per token make a Python string and a hash of it for each of the batch's
tokens (about 60 a review): with the tokenizer's output this was about a tenth of a batch's CPU time, the largest
part of it outside MeCab (bench/RESULTS.md). Arrow splits the joined documents at each space and finds every piece
in a hash table of the known tokens without a Python object per token; the empty pieces that a run of spaces (or
one at an end) leaves are dropped, as ``str.split()`` drops them. A batch holding any other character that
``str.split()`` splits at (a tab, a line break, U+3000, …) goes the Python way, as does one Arrow cannot hold (a
lone surrogate): the ranks are the same either way (a test compares them).
"""

from __future__ import annotations

from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]

OTHER_SPACES = (
    "[\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}"
    "\\x{3000}]"
)
"""Every character but the space that ``str.split()`` splits at (``str.isspace``), as an RE2 character class."""


class TokenStream:
    """The tokens of a batch in order: their ranks, and the tokens themselves for the few that are wanted."""

    def __init__(self, ranks: Array, tokens: Any):
        self.ranks = ranks
        self._tokens = tokens  # a list of str, or an Arrow array of them

    def __len__(self) -> int:
        return len(self.ranks)

    def pick(self, positions: list[int]) -> list[str]:
        """Return the tokens at *positions*."""
        if isinstance(self._tokens, list):
            return [self._tokens[i] for i in positions]
        import pyarrow as pa

        picked: list[str] = self._tokens.take(pa.array(positions, type=pa.int64())).to_pylist()
        return picked


class ArrowRanks:
    """The known tokens of a rank table (``{token: rank}``) as Arrow holds them, to rank a batch's tokens at once."""

    def __init__(self, rank: dict[str, int], missing: int):
        import pyarrow as pa

        self.known = pa.array(list(rank), type=pa.large_string())
        # The rank of each known token in the table's order, then that of a token not in it.
        self.codes = np.fromiter([*rank.values(), missing], dtype=np.int64, count=len(rank) + 1)

    def stream(self, joined: str) -> TokenStream | None:
        """Return the ranks of the space-separated tokens of *joined*, or ``None`` when it holds other whitespace
        (or a character Arrow cannot encode): then only ``str.split()`` splits it as it should be."""
        import pyarrow as pa
        import pyarrow.compute as pc

        try:
            whole = pa.array([joined], type=pa.large_string())
        except (UnicodeError, pa.ArrowException):
            return None
        if pc.match_substring_regex(whole, OTHER_SPACES)[0].as_py():
            return None
        pieces = pc.split_pattern(whole, " ").flatten()
        tokens = pieces.filter(pc.binary_length(pieces).to_numpy() > 0)
        found = pc.index_in(tokens, value_set=self.known).fill_null(len(self.known))
        return TokenStream(self.codes[found.to_numpy()], tokens)


def gram_tokens(grams: list[str]) -> tuple[list[str], Array, Array]:
    """Return the tokens of space-separated n-grams *grams* (sorted, each once), and the rank in them of each
    gram's first and second token (-1: a gram of one token), as ``g.split(" ")`` cuts a gram.

    Arrow splits and ranks the grams (a model's vocabulary: some 36,000 with the shipped one) without a Python
    string per token, as :meth:`ArrowRanks.stream` ranks a batch's tokens; grams Arrow cannot hold (a lone
    surrogate) go the Python way, to the same ranks."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        parts = pc.split_pattern(pa.array(grams, type=pa.large_string()), " ")
    except (UnicodeError, pa.ArrowException):
        return _python_gram_tokens(grams)
    flat = parts.flatten()
    tokens = sorted(pc.unique(flat).to_pylist())
    ids = pc.index_in(flat, value_set=pa.array(tokens, type=pa.large_string())).to_numpy(zero_copy_only=False)
    offsets = parts.offsets.to_numpy()
    starts = offsets[:-1]
    first = ids[starts].astype(np.int64)
    two = np.diff(offsets) > 1
    second = np.full(len(grams), -1, dtype=np.int64)
    second[two] = ids[starts[two] + 1]
    return tokens, first, second


def _python_gram_tokens(grams: list[str]) -> tuple[list[str], Array, Array]:
    """:func:`gram_tokens` with ``str.split`` and a dict."""
    split = [g.split(" ") for g in grams]
    tokens = sorted({t for parts in split for t in parts})
    rank = {t: r for r, t in enumerate(tokens)}
    first = np.fromiter((rank[p[0]] for p in split), dtype=np.int64, count=len(split))
    second = np.fromiter((rank[p[1]] if len(p) > 1 else -1 for p in split), dtype=np.int64, count=len(split))
    return tokens, first, second
