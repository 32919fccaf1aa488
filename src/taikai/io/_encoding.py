"""Text encodings of input and output files: resolve a name the user gave, or detect UTF-8 or CP932."""

from __future__ import annotations

import codecs
import functools
import re
from pathlib import Path

from taikai.errors import InputError

ENCODINGS = ("utf-8-sig", "cp932")
"""Encodings tried, in order, when none is given: UTF-8 (with or without BOM), then CP932/Shift_JIS."""
ENCODING_ERRORS = ("strict", "replace")
"""What to do with bytes the encoding cannot decode: stop with the file and line, or read them as U+FFFD."""
SAMPLE_BYTES = 1 << 20
_ASCII = bytes(range(128))
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
"""Characters of the private-use area: CP932 decodes 0xFF (U+F8F3) and its user area (U+E000…) into it."""


@functools.lru_cache(maxsize=64)
def resolve_encoding(name: str, option: str = "--encoding") -> str:
    """Return Python's name for the encoding *name* (``utf8`` gives ``utf-8``), or raise :class:`InputError`.

    Files are split into lines byte by byte, so an encoding in which ASCII (and so the line break) is not
    itself, such as UTF-16, is refused rather than read as garbage.
    """
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise InputError(
            f"{option} {name!r}: unknown encoding; give a name such as utf-8, utf-8-sig or cp932"
        ) from None
    try:
        ascii_compatible = _ASCII.decode("ascii").encode(codec).removeprefix(codecs.BOM_UTF8) == _ASCII
    except (LookupError, UnicodeError, TypeError):  # a bytes-to-bytes codec (hex, base64) or one without ASCII
        ascii_compatible = False
    if not ascii_compatible:
        raise InputError(
            f"{option} {name!r}: taikai reads and writes only encodings in which ASCII characters and line "
            "breaks are single bytes, such as utf-8, utf-8-sig or cp932; convert the file to UTF-8 first"
        )
    return codec


def check_encoding_errors(value: str) -> str:
    """Return *value* if it is one of :data:`ENCODING_ERRORS`, or raise :class:`InputError` naming the option."""
    if value not in ENCODING_ERRORS:
        raise InputError(f"--encoding-errors must be one of {', '.join(ENCODING_ERRORS)}, not {value!r}")
    return value


def detect_encoding(path: Path, sample_bytes: int = SAMPLE_BYTES, errors: str = "strict") -> str:
    """Return ``utf-8-sig`` or ``cp932`` for *path*, judged on its first bytes, or raise :class:`InputError`.

    With ``errors="replace"`` a sample that neither decodes cleanly gets the one with fewer undecodable bytes.
    """
    path = Path(path)
    try:
        with open(path, "rb") as f:
            sample = f.read(sample_bytes)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    failed: dict[str, int] = {}
    for encoding in ENCODINGS:
        try:
            # A multi-byte character may be cut at the end of the sample: an incremental decoder keeps that tail.
            text = codecs.getincrementaldecoder(encoding)().decode(sample, final=len(sample) < sample_bytes)
        except UnicodeDecodeError as exc:
            bom = len(codecs.BOM_UTF8) if encoding == "utf-8-sig" and sample.startswith(codecs.BOM_UTF8) else 0
            failed[encoding] = exc.start + bom  # utf-8-sig counts from after the BOM
            continue
        # CP932 decodes a stray byte of a UTF-8 file (0xFF, 0xA0, the user-defined leads) into the private-use
        # area, and the UTF-8 around it into mojibake: a guess that yields such characters is not taken (given
        # with --encoding, they are read and named per line).
        private = PRIVATE_USE.search(text) if encoding == "cp932" else None
        if private is None:
            return encoding
        failed[encoding] = len(text[: private.start()].encode(encoding))
    if errors == "replace":
        return min(ENCODINGS, key=lambda enc: _undecodable(sample, enc))
    raise _undecodable_error(path, sample, failed)


def _line_of(data: bytes, offset: int) -> int:
    """Return the line (1-based) of byte *offset* of *data*, lines ending at LF, CR LF or a bare CR."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _undecodable_error(path: Path, sample: bytes, failed: dict[str, int]) -> InputError:
    """Say where each encoding met a byte it cannot decode (*failed*: the byte offsets), at the file's lines."""
    lines = {encoding: _line_of(sample, offset) for encoding, offset in failed.items()}
    found = "; ".join(f"{enc}: byte {sample[offset]:#04x} on line {lines[enc]}" for enc, offset in failed.items())
    furthest = max(failed, key=lambda enc: failed[enc])
    likely = ""  # one encoding read further lines than the others: the file is likely in it, damaged there
    if all(lines[furthest] > line for enc, line in lines.items() if enc != furthest):
        likely = f"if the file is {furthest}, it is damaged on line {lines[furthest]}: fix that line, "
    return InputError(
        f"{path}:{lines[furthest]}: cannot decode as UTF-8 or CP932 ({found}); {likely}pass the file's encoding "
        "with --encoding (utf-8, utf-8-sig or cp932), or --encoding-errors replace to read undecodable bytes as "
        "U+FFFD"
    )


def _undecodable(sample: bytes, encoding: str) -> int:
    """Return how many bytes of *sample* *encoding* cannot decode (each read as one U+FFFD), private-use
    characters counted as such bytes for CP932 (see :func:`detect_encoding`)."""
    literal = sample.count("\ufffd".encode()) if encoding.startswith("utf-8") else 0
    text = codecs.decode(sample, encoding, "replace")
    private = len(PRIVATE_USE.findall(text)) if encoding == "cp932" else 0
    return text.count("\ufffd") - literal + private
