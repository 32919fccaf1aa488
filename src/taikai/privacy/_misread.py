"""Mask UTF-8 read as CP932 (mojibake: ``逕ｰ荳ｭ縺輔ｓ`` is ``田中さん``) as what it says, and write it back as read.

Whoever reads such a text gets its bytes back (``text.encode("cp932").decode("utf-8")``), names and all: masking the
text as read finds nothing in it. Each stretch of a text whose CP932 bytes are UTF-8 (a row of a CSV mixing
encodings, a cell pasted from elsewhere: the rest of the text may be readable) is read as UTF-8, the whole text is
masked so, and each stretch is written back as it was read, its values replaced by their placeholders (readable, so
that ``masked_start``/``masked_end`` still index them): a row read as mojibake stays mojibake (its status stays
``error``, :data:`~taikai.text.TextProblem.UTF8_AS_CP932`), with no personal data in what is written.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass

from taikai.privacy._kinds import Masked, PiiSpan

_SUSPECT = re.compile("[縺繧繝\uff61-\uff9f]")
"""What UTF-8 read as CP932 holds, and Japanese as written hardly does: 縺 繧 繝 (the first two bytes of a kana, see
:mod:`taikai.text._misread`) and half-width katakana (a UTF-8 character's last byte, A1 to BF, alone)."""

_JAPANESE = re.compile("[\u3041-\u30ff\u3400-\u9fff\uff01-\uff5e]")
"""Kana, kanji and full-width forms: what a stretch read as UTF-8 must hold to be Japanese misread, not chance."""

_CONTINUATION = bytes(range(0x80, 0xC0))
"""The bytes that continue a UTF-8 character."""

_UNLIKELY = re.compile(
    "[^\x00-\x7f\u00a0-\u00ff\u2000-\u2bff\u3000-\u9fff\uf900-\ufaff\uff00-\uffef\ufffd\U0001f000-\U0001faff]"
)
"""What a review's text hardly holds (combining marks, Cyrillic, Hangul, controls): a stretch read as UTF-8 that does
is chance (縺繧繝の話 typed: 繝の話 is UTF-8 for ヂ, a combining mark and b), not mojibake."""


@dataclass(frozen=True)
class MisreadPart:
    """A stretch ``[start, end)`` of a text as read whose CP932 bytes are UTF-8, that UTF-8 text (*repaired*), and
    for each of its characters where its bytes lie in the text as read (*starts*, *ends*: character indexes)."""

    start: int
    end: int
    repaired: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def _cp932(character: str) -> bytes | None:
    try:
        return character.encode("cp932")
    except UnicodeEncodeError:  # not read from CP932 bytes (U+FFFD of a byte that did not decode, an emoji)
        return None


def misread_parts(text: str) -> list[MisreadPart]:
    """Return the stretches of *text* that are UTF-8 read as CP932, in order (none for most texts, at once)."""
    if not _SUSPECT.search(text):
        return []
    encoded = [_cp932(character) for character in text]
    parts: list[MisreadPart] = []
    at = 0
    while at < len(text):
        part = _part_at(text, encoded, at)
        if part is None:
            at += 1
        else:
            parts.append(part)
            at = part.end
    return parts


def _part_at(text: str, encoded: list[bytes | None], start: int) -> MisreadPart | None:
    """The longest stretch from *start* whose bytes are UTF-8, if it is Japanese and holds a sign of mojibake
    (readable Japanese is never UTF-8 so: a kana's CP932 lead is 82 or 83, a continuation byte). A character cut
    where the stretch ends (its last byte paired with the next one, or lost as U+FFFD), or starts (the end of one
    cut before it, in its first character), is U+FFFD, as reading the bytes with ``errors="replace"`` makes it."""
    first = encoded[start]
    if first is None:
        return None
    tail = len(first) - len(first.lstrip(_CONTINUATION))  # the end of a character cut before: 溽 is 9F E7
    if tail == len(first) or not 0xC2 <= first[tail] <= 0xF4:
        return None
    decoder = codecs.getincrementaldecoder("utf-8")()
    owners: list[int] = [start] * tail  # the index in text of each byte's character
    pieces: list[str] = ["\ufffd"] * bool(tail)
    end = start
    while end < len(text):
        data = encoded[end]
        if data is None:
            break
        try:
            pieces.append(decoder.decode(data[tail if end == start else 0 :]))
        except UnicodeDecodeError:
            break
        owners.extend([end] * (len(data) - (tail if end == start else 0)))
        end += 1
    cut = decoder.getstate()[0]
    sizes = [len(character.encode("utf-8")) for character in "".join(pieces)] + [len(cut)] * bool(cut)
    if tail:
        sizes[0] = tail
    repaired = "".join(pieces) + "\ufffd" * bool(cut)
    if not _JAPANESE.search(repaired) or _UNLIKELY.search(repaired) or not _SUSPECT.search(text, start, end):
        return None
    starts: list[int] = []
    ends: list[int] = []
    byte = 0
    for size in sizes:
        starts.append(owners[byte])
        ends.append(owners[byte + size - 1] + 1)
        byte += size
    return MisreadPart(start, end, repaired, tuple(starts), tuple(ends))


def mask_misread(text: str, parts: list[MisreadPart], mask: Callable[[str], Masked]) -> Masked:
    """Return *text* masked with *mask* as its *parts* read as UTF-8 say, each part written back as read (its
    values as placeholders; the text between values re-read as CP932, as the file was), with spans in *text*."""
    read: list[str] = []
    starts: list[int] = []  # for each character of the text read as UTF-8, its span in text and its part (or -1)
    ends: list[int] = []
    owner: list[int] = []
    cursor = 0
    for number, part in enumerate(parts):
        read.append(text[cursor : part.start])
        starts.extend(range(cursor, part.start))
        ends.extend(range(cursor + 1, part.start + 1))
        owner.extend([-1] * (part.start - cursor))
        read.append(part.repaired)
        starts.extend(part.starts)
        ends.extend(part.ends)
        owner.extend([number] * len(part.repaired))
        cursor = part.end
    read.append(text[cursor:])
    starts.extend(range(cursor, len(text)))
    ends.extend(range(cursor + 1, len(text) + 1))
    owner.extend([-1] * (len(text) - cursor))
    repaired = "".join(read)
    masked = mask(repaired)
    if not masked.spans:
        return Masked(text)
    touched = {owner[i] for span in masked.spans for i in range(span.start, span.end)} - {-1}
    out: list[str] = []
    spans: list[PiiSpan] = []
    length = 0

    def write(begin: int, stop: int) -> None:  # the unmasked characters [begin, stop) of the text read as UTF-8
        nonlocal length
        at = begin
        while at < stop:
            number = owner[at]
            until = at + 1
            while until < stop and owner[until] == number:
                until += 1
            if number == -1:
                piece = repaired[at:until]
            elif number not in touched:  # a part with nothing masked: as read
                piece = text[parts[number].start : parts[number].end]
            else:  # as the file was read: UTF-8 bytes read as CP932
                piece = "\ufffd".join(  # a character cut where it was read stays U+FFFD
                    cut.encode("utf-8").decode("cp932", errors="replace") for cut in repaired[at:until].split("\ufffd")
                )
            out.append(piece)
            length += len(piece)
            at = until

    cursor = 0
    for span in masked.spans:
        write(cursor, span.start)
        placeholder = masked.text[span.masked_start : span.masked_end]
        spans.append(PiiSpan(span.kind, starts[span.start], ends[span.end - 1], length, length + len(placeholder)))
        out.append(placeholder)
        length += len(placeholder)
        cursor = span.end
    write(cursor, len(repaired))
    return Masked("".join(out), tuple(spans))
