"""Tell, without masking them, which texts may equal a masked text once masked: masking costs about 0.13 ms a row,
so the duplicate checks that compare a masked text with unmasked ones mask only the texts that may match."""

from __future__ import annotations

from collections.abc import Iterable

from taikai.privacy._kinds import ANY_PLACEHOLDER


class MaskedScreen:
    """Which texts may equal one of *masked_texts* once masked: those that start with its words before the first
    placeholder, or (when a placeholder starts it, or comes within a few characters of the start) end with its words
    after the last. The words next to a placeholder are left out (normalisation may join them with the value: a run
    of one character, a space).

    Give the texts as the duplicate checks compare them (normalised, placeholders as written), and compare keys made
    the same way; a text without a placeholder is left out (it matches by its own text). False when none is left.
    """

    _MARGIN = 4

    def __init__(self, masked_texts: Iterable[str]) -> None:
        self.prefixes: dict[int, set[str]] = {}
        self.suffixes: dict[int, set[str]] = {}
        self.everything = False
        self.masked = 0
        for text in masked_texts:
            pieces = ANY_PLACEHOLDER.split(text)
            if len(pieces) < 2:
                continue  # no placeholder: the candidate's own text matches it
            self.masked += 1
            first, last = pieces[0][: -self._MARGIN], pieces[-1][self._MARGIN :]
            if first:
                self.prefixes.setdefault(len(first), set()).add(first)
            elif last:
                self.suffixes.setdefault(len(last), set()).add(last)
            else:
                self.everything = True

    def __bool__(self) -> bool:
        return self.masked > 0

    def may_match(self, key: str) -> bool:
        """Return whether *key* (a text as the masked texts were given) may equal one of them once masked."""
        return (
            self.everything
            or any(key[:n] in p for n, p in self.prefixes.items())
            or any(key[-n:] in s for n, s in self.suffixes.items())
        )
