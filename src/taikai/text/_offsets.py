"""Normalise a text like :func:`taikai.text.normalize` while remembering where each character came from."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from taikai.text._normalize import (
    CONTROL,
    DECODE_PASSES,
    INVISIBLE,
    REFERENCE,
    REPEAT,
    SPACE,
    URL,
    decode_reference,
    normalize,
)

_VOICING_MARKS = "\uff9e\uff9f"  # half-width katakana (han)dakuten: NFKC merges them into the previous letter

Chars = list[tuple[str, int, int]]  # (normalised character, start, end in the original text)


@dataclass(frozen=True)
class OffsetMap:
    """The normalised text and, for each of its characters, the span ``[start, end)`` of the original it stems from."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original span of the normalised span ``[start, end)`` (which must not be empty)."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside the normalised text of length {len(self.text)}")
        return min(self.starts[start:end]), max(self.ends[start:end])

    def original_text(self, start: int, end: int) -> str:
        """Return the original characters behind the normalised span ``[start, end)``."""
        s, e = self.span(start, end)
        return self.original[s:e]


def _nfkc(text: str) -> Chars:
    """Apply NFKC cluster by cluster: a letter with its combining marks maps to all of their positions."""
    out: Chars = []
    start = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and (unicodedata.combining(text[i]) or text[i] in _VOICING_MARKS):
            continue
        out.extend((ch, start, i) for ch in unicodedata.normalize("NFKC", text[start:i]))
        start = i
    return out


def _replace(chars: Chars, pattern: re.Pattern[str], replacement: Callable[[str], str]) -> Chars:
    """Apply ``pattern.sub``; *replacement(match_text)* gives the new characters, each spanning the whole match
    (a match replaced by itself keeps its characters' own spans)."""
    text = "".join(c for c, _, _ in chars)
    out: Chars = []
    last = 0
    for m in pattern.finditer(text):
        out.extend(chars[last : m.start()])
        new = replacement(m.group())
        if new == m.group():
            out.extend(chars[m.start() : m.end()])
        else:
            span = (chars[m.start()][1], chars[m.end() - 1][2])
            out.extend((ch, *span) for ch in new)
        last = m.end()
    out.extend(chars[last:])
    return out


def _cut_repeats(chars: Chars) -> Chars:
    """Keep three characters of a long run; the third one spans the rest of the run."""
    text = "".join(c for c, _, _ in chars)
    out: Chars = []
    last = 0
    for m in REPEAT.finditer(text):
        out.extend(chars[last : m.start() + 2])
        ch, start, _ = chars[m.start() + 2]
        out.append((ch, start, chars[m.end() - 1][2]))
        last = m.end()
    out.extend(chars[last:])
    return out


def _lower(chars: Chars) -> Chars:
    joined = "".join(c for c, _, _ in chars)
    lowered = joined.lower()
    if len(lowered) == len(joined):
        return [(low, s, e) for low, (_, s, e) in zip(lowered, chars)]
    return [(low, s, e) for c, s, e in chars for low in c.lower()]


def _align(chars: Chars, target: str) -> Chars:
    """Map *target* onto the tracked characters where they differ (a fallback should normalize() change)."""
    tracked = "".join(c for c, _, _ in chars)
    out: Chars = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, tracked, target, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend((target[j1 + k], chars[i1 + k][1], chars[i1 + k][2]) for k in range(i2 - i1))
        elif op in ("replace", "insert"):
            if i2 > i1:
                span = (min(c[1] for c in chars[i1:i2]), max(c[2] for c in chars[i1:i2]))
            elif chars:
                near = chars[min(i1, len(chars) - 1)]
                span = (near[1], near[2])
            else:
                span = (0, 0)
            out.extend((target[j], *span) for j in range(j1, j2))
    return out


def nfkc_with_offsets(original: str) -> OffsetMap:
    """Return the NFKC form of *original* (nothing else changed) with the original span of each of its characters.

    Full-width digits and Latin become half-width and half-width katakana full-width, so that a pattern written for
    one form finds both; the spans lead back to what was written.
    """
    if unicodedata.is_normalized("NFKC", original):  # most texts: each character is its own span
        n = len(original)
        return OffsetMap(original, original, tuple(range(n)), tuple(range(1, n + 1)))
    chars = _nfkc(original)
    text = "".join(c for c, _, _ in chars)
    return OffsetMap(original, text, tuple(s for _, s, _ in chars), tuple(e for _, _, e in chars))


def _decoded(ref: str) -> str:
    """A reference decoded as :func:`normalize` decodes it, over its passes: an unknown name lower-cased (&Amp;)."""
    decoded = decode_reference(ref)
    return unicodedata.normalize("NFKC", decode_reference(ref.lower()) if decoded == ref else decoded)


def nfkc_decoded_with_offsets(original: str) -> OffsetMap:
    """Return :func:`nfkc_with_offsets` of *original* with its HTML character references decoded, as
    :func:`normalize` decodes them (``&#64;`` is @, ``&amp;#64;`` and ``＆#64;`` too), each character of a decoded
    reference spanning the whole reference: what the model reads of the text, in its case and spacing."""
    chars = _nfkc(original)
    for _ in range(DECODE_PASSES + 1):
        text = "".join(c for c, _, _ in chars)
        if "&" not in text or not REFERENCE.search(text):
            break
        decoded = _replace(chars, REFERENCE, _decoded)
        if decoded == chars:
            break
        chars = _nfkc_again(decoded)
    text = "".join(c for c, _, _ in chars)
    return OffsetMap(original, text, tuple(s for _, s, _ in chars), tuple(e for _, _, e in chars))


def _nfkc_again(chars: Chars) -> Chars:
    """NFKC of tracked characters (a decoded reference next to a combining mark): each keeps its span or its
    cluster's."""
    text = "".join(c for c, _, _ in chars)
    if unicodedata.is_normalized("NFKC", text):
        return chars
    return _align(chars, unicodedata.normalize("NFKC", text))


def normalize_with_offsets(original: str) -> OffsetMap:
    """Return ``normalize(original)`` with the original span of each of its characters."""
    chars = _nfkc(original)
    if "&" in original:  # each character of a decoded reference spans the reference (nested ones: _align below)
        chars = _replace(chars, REFERENCE, lambda ref: unicodedata.normalize("NFKC", decode_reference(ref)))
    chars = [(" " if CONTROL.fullmatch(c) else c, s, e) for c, s, e in chars]
    chars = [(c, s, e) for c, s, e in chars if not INVISIBLE.fullmatch(c)]
    chars = _replace(chars, URL, lambda _: " URL ")
    chars = _cut_repeats(chars)
    chars = _replace(chars, SPACE, lambda _: " ")
    while chars and chars[0][0] == " ":
        chars.pop(0)
    while chars and chars[-1][0] == " ":
        chars.pop()
    chars = _lower(chars)
    target = normalize(original)
    if "".join(c for c, _, _ in chars) != target:
        chars = _align(chars, target)
    return OffsetMap(original, target, tuple(s for _, s, _ in chars), tuple(e for _, _, e in chars))
