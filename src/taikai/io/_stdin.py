"""Decode the bytes piped into a command (``taikai predict``) into lines, as a text file's lines are decoded.

The encoding is detected as for a file (UTF-8 with or without BOM, then CP932), but on the whole input, which
the command reads at once anyway; bytes that decode in neither stop with the line of each, never as mojibake. A line
that is valid UTF-8 text is never read as CP932, however short the input: each line is a review of its own.
"""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass
from pathlib import Path

from taikai.errors import ENCODING, InputError
from taikai.io._binary_data import binary_data_error, looks_binary
from taikai.io._decoded_lines import DecodedLines, DecodeNote, line_codec, raw_lines
from taikai.io._encoding import (
    ENCODINGS,
    PRIVATE_USE,
    REPLACE,
    WIDE,
    check_encoding_errors,
    check_not_wide,
    damaged_utf8_error,
    resolve_encoding,
    utf8_evidence,
)
from taikai.io._euc import euc_jp_error, euc_jp_reading, euc_jp_text
from taikai.io._given_utf8 import check_not_utf8

STDIN = Path("standard input")
"""What messages call standard input, in place of a file name (as the command line's own warnings call it)."""


@dataclass(frozen=True)
class DecodedInput:
    """The lines of some input bytes (without their line endings), the encoding read and what did not decode."""

    lines: list[str]
    encoding: str
    notes: list[DecodeNote]
    """A note for each line with bytes read as U+FFFD or as private-use characters (see :class:`DecodeNote`)."""


def decode_input(
    data: bytes, encoding: str | None = None, errors: str = "strict", source: Path = STDIN, one_text: bool = False
) -> DecodedInput:
    """Return the lines of *data*, split as a universal reader splits them and decoded in *encoding*.

    Without *encoding*, UTF-8 (a BOM is skipped) is tried, then CP932, which must decode without private-use
    characters (mojibake, most likely) to be taken, and is not tried when the bytes are overwhelmingly valid
    UTF-8 (damaged UTF-8: see :class:`~taikai.io._encoding.Utf8Evidence`), when a line is valid UTF-8 holding kana,
    kanji or the like (which CP932 would read as mojibake) or when they look like EUC-JP (see
    :func:`~taikai.io._euc.euc_jp_reading`: an :class:`InputError` says to pass ``encoding='euc-jp'``, whatever
    *errors*, as it does when neither decodes it and EUC-JP does, into Japanese); when neither decodes cleanly,
    ``errors="replace"`` takes the one with fewer undecodable bytes and private-use characters (UTF-8 on a tie).
    Raises :class:`InputError` naming *source*, the line and the byte when the bytes do not decode
    (``errors="strict"``); warns (:class:`~taikai.errors.DataWarning`) naming the lines that hold bytes read as
    U+FFFD or private-use characters (or, for *one_text*, the text that holds them: an argument, without rows).
    Binary data (mostly control bytes: :func:`~taikai.io._binary_data.looks_binary`) is refused, whatever the
    encoding and *errors*.
    """
    check_encoding_errors(errors)
    check_not_wide(data, source, "input")
    if looks_binary(data):  # no encoding reads it as reviews: latin-1 would, as mojibake
        raise binary_data_error(source, data, "text" if one_text else "input")
    if encoding:
        decoded = _given(data, resolve_encoding(encoding), errors, source, one_text)
    else:
        decoded = _detect(data, errors, source, one_text)
    if decoded.notes:
        from taikai.io._frames import warn_decoding  # only then: it imports every file reader

        warn_decoding(source, decoded.notes, one_text)
    return decoded


_REPLACE = f"or pass {REPLACE} to read undecodable bytes as U+FFFD (a warning names their lines)"
"""Named as every reader names it (``encoding_errors``, ``--encoding-errors``), as :func:`check_encoding_errors`
names the *errors* of :func:`decode_input` too."""


def _given(data: bytes, encoding: str, errors: str, source: Path, one_text: bool) -> DecodedInput:
    check_not_utf8(data, source, encoding, "text" if one_text else "input")  # all of it: it is read at once
    problem = _first_problem(data, encoding, private_use=False) if errors == "strict" else None
    if problem is not None:
        line, what = problem
        raise InputError(
            f"{source}:{line}: {what} is not valid {encoding}, the encoding given with {ENCODING}; pass the "
            f"input's encoding, or give no encoding to detect UTF-8 or CP932, {_REPLACE}"
        )
    return _decode(data, encoding, errors, source, given=True)


def _detect(data: bytes, errors: str, source: Path, one_text: bool) -> DecodedInput:
    problems = []
    for encoding in ENCODINGS:
        reading = euc_jp_reading(data) if encoding == "cp932" else None
        if reading is not None:  # CP932 would read it as half-width katakana mojibake, whatever --encoding-errors
            raise euc_jp_error(source, reading, "text" if one_text else "input")
        problem = _first_problem(data, encoding, private_use=True)
        if problem is None:
            return _decode(data, encoding, errors, source, given=False)
        problems.append(f"{line_codec(encoding)}: {problem[1]} on line {problem[0]}")
        if encoding != "utf-8-sig":
            continue
        evidence = utf8_evidence(data)
        text_line = _utf8_text_line(data)  # a line CP932 would read as mojibake, however short the input
        if evidence.damaged or text_line is not None:  # UTF-8 with a cut character or stray byte: not CP932
            if errors == "replace":
                return _decode(data, encoding, errors, source, given=False)
            if evidence.damaged or text_line is None:
                raise damaged_utf8_error(source, *problem, evidence, "input", _REPLACE)
            raise _utf8_line_error(source, *problem, text_line)
    euc_jp = euc_jp_text(data)
    if euc_jp is not None:  # neither reads it, EUC-JP does: read "replaced", it would be mojibake
        raise euc_jp_error(source, euc_jp, "text" if one_text else "input")
    if errors == "replace":
        tried = [_decode(data, encoding, errors, source, given=False) for encoding in ENCODINGS]
        return min(tried, key=_unclean)
    raise InputError(
        f"{source}: cannot decode as UTF-8 or CP932 ({'; '.join(problems)}); pass its encoding with {ENCODING} "
        f"(one whose line breaks are single bytes, such as latin-1 or euc-jp), or convert it to UTF-8, {_REPLACE}"
    )


def _utf8_text_line(data: bytes) -> int | None:
    """Return the number of the first line of *data* that is valid UTF-8 holding kana, kanji or another character
    of three or more bytes (a BOM aside), or ``None``: CP932 would read such a line as mojibake (no line of the
    corpus written as CP932 is one), so the input is UTF-8 wherever other lines fail to decode."""
    for number, raw in enumerate(raw_lines(io.BytesIO(data)), 1):
        if raw.isascii():
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if WIDE.search(text.removeprefix("\ufeff") if number == 1 else text):
            return number
    return None


def _utf8_line_error(source: Path, line: int, what: str, text_line: int) -> InputError:
    """Return the error for *what* (``byte 0x80``) on *line* of input whose line *text_line* is UTF-8 text."""
    return InputError(
        f"{source}:{line}: {what} is not valid UTF-8, but line {text_line} is UTF-8 text, which read as CP932 would "
        f"be mojibake: the input is UTF-8 damaged on line {line}, or mixes UTF-8 lines with lines in another "
        f"encoding; fix line {line}, pass {ENCODING.either(['cp932'])} if the input is CP932 (line {text_line} then "
        f"reads as CP932), {_REPLACE}"
    )


def _unclean(decoded: DecodedInput) -> int:
    """Return the bytes read as U+FFFD and the private-use characters of *decoded*: either may be mojibake."""
    return sum(note.replaced + note.private_use for note in decoded.notes)


def _first_problem(data: bytes, encoding: str, private_use: bool) -> tuple[int, str] | None:
    """Return the line of the first byte *data* fails to decode at in *encoding*, and that byte, or ``None``.

    With *private_use*, a private-use character counts as a failure too: CP932 decodes almost any bytes, 0xFF
    and its user area into private-use characters, so UTF-8 text with one stray byte would otherwise pass as
    CP932 and be read as mojibake.
    """
    codec = line_codec(encoding)
    for number, raw in enumerate(raw_lines(io.BytesIO(data)), 1):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as exc:
            return number, f"byte {raw[exc.start]:#04x}"
        found = PRIVATE_USE.search(text) if private_use else None
        if found:
            kind = "a control character" if found.group() == "\x80" else "a private-use character"
            return number, f"U+{ord(found.group()):04X}, {kind} (no real text)"
    return None


def _decode(data: bytes, encoding: str, errors: str, source: Path, given: bool) -> DecodedInput:
    start = len(codecs.BOM_UTF8) if line_codec(encoding) == "utf-8" and data.startswith(codecs.BOM_UTF8) else 0
    decoded = DecodedLines(io.BytesIO(data[start:]), encoding, source, start, 0, errors, given)
    lines, notes = [], []
    for text in decoded:
        first, _ = decoded.take()
        note = decoded.take_note(first)
        if note is not None:
            notes.append(note)
        lines.append(text.rstrip("\r\n"))
    return DecodedInput(lines, encoding, notes)
