"""Text encodings of input and output files: resolve a name the user gave, or detect UTF-8 or CP932."""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from taikai.errors import ENCODING, Argument, InputError, check_str, wrong_type
from taikai.errors import ENCODING_ERRORS as ENCODING_ERRORS_ARGUMENT
from taikai.io._binary_data import BINARY_SAMPLE, binary_data_error, looks_binary, utf16_without_bom
from taikai.io._euc import euc_jp_error, euc_jp_reading, euc_jp_text

ENCODINGS = ("utf-8-sig", "cp932")
"""Encodings tried, in order, when none is given: UTF-8 (with or without BOM), then CP932/Shift_JIS."""
ENCODING_ERROR_MODES = ("strict", "replace")
"""What to do with bytes the encoding cannot decode: stop with the file and line, or read them as U+FFFD."""
REPLACE = ENCODING_ERRORS_ARGUMENT.either(["replace"])
"""How messages say to read undecodable bytes as U+FFFD, in Python and on the command line."""
SAMPLE_BYTES = 1 << 20
_ASCII = bytes(range(128))
PRIVATE_USE = re.compile("[\x80\ue000-\uf8ff]")
"""Characters of the private-use area: CP932 decodes 0xFF (U+F8F3) and its user area (U+E000…) into it; and U+0080,
the control character it reads a lone byte 0x80 as (no CP932 text holds one; a stray byte of damaged UTF-8 may)."""
WIDE = re.compile("[^\x00-\u07ff]")
"""Characters of three or four UTF-8 bytes (U+0800 and up): kana, kanji and the rest of CJK among them. Written as
not U+0000–U+07FF: the same characters, and compiled in 0.1 ms, not the 2.5 ms of their own range, which every
command spent on import."""
SINGLE_BYTE_LINES = (
    "taikai reads and writes only encodings in which ASCII characters and line breaks are single bytes, such as "
    "utf-8, utf-8-sig or cp932"
)
"""Why UTF-16 and the like are refused: files are split into lines byte by byte."""
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),  # before UTF-16 LE, whose BOM (FF FE) it starts with
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
UTF8_EVIDENCE = 4
"""Valid UTF-8 characters of 3+ bytes needed per undecodable byte to judge bytes damaged UTF-8, not CP932.

CP932 Japanese text seldom forms such a sequence (a lead byte 0xE0-0xEF then two of 0x80-0xBF): the corpus
written as CP932 gives at most 1 per 2 undecodable bytes on any row, 1 per 30 over a whole file."""


@dataclass(frozen=True)
class Utf8Evidence:
    """How much of some bytes that fail to decode as UTF-8 is valid UTF-8: when :attr:`damaged`, they are UTF-8
    with a few bad bytes (a cut character, a stray byte), which CP932 would read as mojibake."""

    wide: int
    """Valid characters of three or four bytes (U+0800 and above), such as kana and kanji."""
    undecodable: int
    """Undecodable bytes (each maximal bad sequence counted once, as a decoder reads it as one U+FFFD)."""

    @property
    def damaged(self) -> bool:
        """Whether the bytes are most likely UTF-8 damaged in places, not text in another encoding."""
        return self.wide >= UTF8_EVIDENCE * max(self.undecodable, 1)

    def describe(self) -> str:
        """Say what the judgement rests on, for a message."""
        return f"{self.wide} multi-byte characters decode as UTF-8 against {self.undecodable} undecodable byte(s)"


def utf8_evidence(data: bytes, final: bool = True) -> Utf8Evidence:
    """Count the valid UTF-8 characters of 3+ bytes of *data* and its undecodable bytes (see :class:`Utf8Evidence`).

    Unless *final*, *data* is a sample that may end inside a character: that tail is not counted as undecodable.
    """
    text = codecs.getincrementaldecoder("utf-8-sig")("replace").decode(data, final=final)  # a BOM is no evidence
    undecodable = text.count("\ufffd") - data.count("\ufffd".encode())  # a literal U+FFFD is valid UTF-8
    return Utf8Evidence(len(WIDE.findall(text)) - undecodable, undecodable)


ENCODING_NAME = "an encoding name (a str) such as 'utf-8' or 'cp932'"
"""What an encoding argument takes, as messages say it."""


@functools.lru_cache(maxsize=64)
def resolve_encoding(name: str, argument: Argument = ENCODING) -> str:
    """Return Python's name for the encoding *name* (``utf8`` gives ``utf-8``), or raise :class:`InputError` naming
    the *argument* that gave it.

    Files are split into lines byte by byte, so an encoding in which ASCII (and so the line break) is not
    itself, such as UTF-16, is refused rather than read as garbage.
    """
    if not isinstance(name, str):  # bytes, say: codecs' own TypeError would not name the argument
        raise wrong_type(argument.current().name, name, ENCODING_NAME)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise InputError(
            f"{argument.given(name)}: unknown encoding; give a name such as utf-8, utf-8-sig or cp932"
        ) from None
    try:
        ascii_compatible = _ASCII.decode("ascii").encode(codec).removeprefix(codecs.BOM_UTF8) == _ASCII
    except (LookupError, UnicodeError, TypeError):  # a bytes-to-bytes codec (hex, base64) or one without ASCII
        ascii_compatible = False
    if not ascii_compatible:
        raise InputError(f"{argument.given(name)}: {SINGLE_BYTE_LINES}; convert the file to UTF-8 first")
    return codec


def check_not_wide(head: bytes, source: Path, noun: str = "file") -> None:
    """Raise :class:`InputError` if *head* (the first bytes of *source*, a *noun*: ``file``, ``input``) starts
    with the byte-order mark of UTF-16 or UTF-32, such as Excel's "Unicode テキスト" export, or is UTF-16 without
    one (:func:`~taikai.io._binary_data.utf16_without_bom`, as ``iconv -t UTF-16LE`` writes it): say so and what to
    do (the iconv command, naming LE or BE where no mark tells), rather than that it decodes neither as UTF-8 nor as
    CP932, or is binary data."""
    for bom, name in _WIDE_BOMS:
        if head.startswith(bom):
            marks = " ".join(f"{b:02X}" for b in bom)
            excel = bom == codecs.BOM_UTF16_LE  # what Excel's "Unicode テキスト" (Unicode Text) export writes
            made = ', as Excel writes its "Unicode テキスト" export' if excel else ""
            advice = 'In Excel save it as "CSV UTF-8 (コンマ区切り)" instead, or convert' if excel else "Convert"
            raise _wide_error(source, noun, name, f"it starts with the byte-order mark {marks}{made}", advice)
    order = utf16_without_bom(head)
    if order is not None:  # iconv -f UTF-16 would take it as big-endian: the order is named
        half = "second" if order.endswith("LE") else "first"
        how = f"without a byte-order mark: each ASCII character is two bytes, the {half} a NUL"
        raise _wide_error(source, noun, order, how, "Convert")


def _wide_error(source: Path, noun: str, name: str, how: str, advice: str) -> InputError:
    """Return the error for *source*, a *noun* in the encoding *name* (``UTF-16``, ``UTF-16LE``), told by *how*."""
    return InputError(
        f"{source}: the {noun} is {name} ({how}), and {SINGLE_BYTE_LINES}. {advice} it to UTF-8 (iconv -f {name} "
        "-t UTF-8 old > new, or save it as UTF-8 in a text editor)"
    )


def check_text_head(path: Path) -> None:
    """Raise :class:`InputError` if the first bytes of *path*, to be read in an encoding given (so never detected by
    :func:`detect_encoding`, which checks them itself), are UTF-16 or UTF-32 (:func:`check_not_wide`) or binary data
    (:func:`~taikai.io._binary_data.looks_binary`): no encoding makes reviews of them, latin-1 would read mojibake."""
    _check_head(_read_head(path, BINARY_SAMPLE), path)


def _read_head(path: Path, size: int) -> bytes:
    """Return the first *size* bytes of *path*, or raise :class:`InputError` saying why it cannot be read."""
    try:
        with open(path, "rb") as f:
            return f.read(size)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _check_head(head: bytes, path: Path) -> None:
    """Refuse *head*, the first bytes of *path*, when it is UTF-16/32 or binary data: no encoding makes text of it."""
    check_not_wide(head, path)
    if looks_binary(head):  # latin-1 would read it, as mojibake
        raise binary_data_error(path, head)


def check_encoding_errors(value: str) -> str:
    """Return *value* if it is one of :data:`ENCODING_ERROR_MODES`, or raise :class:`InputError` naming the option."""
    check_str(ENCODING_ERRORS_ARGUMENT, value, f"one of {', '.join(map(repr, ENCODING_ERROR_MODES))}")
    if value not in ENCODING_ERROR_MODES:
        raise InputError(f"{ENCODING_ERRORS_ARGUMENT} must be one of {', '.join(ENCODING_ERROR_MODES)}, not {value!r}")
    return value


def detect_encoding(path: Path, sample_bytes: int = SAMPLE_BYTES, errors: str = "strict") -> str:
    """Return ``utf-8-sig`` or ``cp932`` for *path*, judged on its first bytes, or raise :class:`InputError`.

    A sample that fails as UTF-8 but whose non-ASCII bytes are overwhelmingly valid UTF-8 (see
    :class:`Utf8Evidence`) is UTF-8 with damage, never guessed CP932 (which decodes most such bytes into
    mojibake): it stops with the line of the first bad byte, or with ``errors="replace"`` is read as UTF-8.
    A sample that looks like EUC-JP (see :func:`~taikai.io._euc.euc_jp_reading`), or that decodes neither as UTF-8
    nor as CP932 but as EUC-JP Japanese (see :func:`~taikai.io._euc.euc_jp_text`), is refused whatever *errors*:
    the error says to pass ``--encoding euc-jp``, never to read it as mojibake. A sample of binary data (mostly
    control bytes: :func:`~taikai.io._binary_data.looks_binary`) is refused whatever *errors*.
    With ``errors="replace"`` a sample that neither decodes cleanly gets the one with fewer undecodable bytes.
    """
    path = Path(path)
    sample = _read_head(path, sample_bytes)
    _check_head(sample, path)
    whole = len(sample) < sample_bytes
    failed: dict[str, int] = {}
    for encoding in ENCODINGS:
        if encoding != "utf-8-sig" and "utf-8-sig" in failed:
            # UTF-8 with a cut character or a stray byte: CP932 would read it, and the text around it, as mojibake
            evidence = utf8_evidence(sample, final=whole)
            if evidence.damaged:
                if errors == "replace":
                    return "utf-8-sig"
                raise _damaged_utf8_error(path, sample, failed["utf-8-sig"], evidence, whole)
            reading = euc_jp_reading(sample, final=whole)
            if reading is not None:  # CP932 would read it as half-width katakana mojibake
                raise euc_jp_error(path, reading, "file")
        try:
            # A multi-byte character may be cut at the end of the sample: an incremental decoder keeps that tail.
            text = codecs.getincrementaldecoder(encoding)().decode(sample, final=whole)
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
    euc_jp = euc_jp_text(sample, final=whole) if "cp932" in failed else None
    if euc_jp is not None:  # neither reads it, EUC-JP does: read "replaced", it would be mojibake
        raise euc_jp_error(path, euc_jp, "file")
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
        f"(utf-8, utf-8-sig or cp932) with {ENCODING}, or {REPLACE} to read undecodable bytes as U+FFFD"
    )


def _damaged_utf8_error(path: Path, sample: bytes, offset: int, evidence: Utf8Evidence, whole: bool) -> InputError:
    """Say that the file is UTF-8 damaged at byte *offset* of *sample* (*whole*: all of it), on what evidence."""
    return damaged_utf8_error(
        path,
        _line_of(sample, offset),
        f"byte {sample[offset]:#04x}",
        evidence,
        "file",
        f"or {REPLACE} to read undecodable bytes as U+FFFD",
        "" if whole else "in its first MiB, ",
    )


def damaged_utf8_error(
    source: Path, line: int, what: str, evidence: Utf8Evidence, noun: str, replace_hint: str, where: str = ""
) -> InputError:
    """Return the error for *what* (``byte 0xe7``) on *line* of *source*, a *noun* (``file``, ``input``) otherwise
    overwhelmingly valid UTF-8 (*evidence*, read *where*): UTF-8 damaged there, not CP932; *replace_hint* ends it."""
    return InputError(
        f"{source}:{line}: {what} is not valid UTF-8, but the rest of the {noun} is ({where}{evidence.describe()}): "
        f"it is most likely UTF-8 damaged on line {line}, which read as CP932 would be mojibake; fix that line, "
        f"pass {ENCODING.either(['cp932'])} if the {noun} is CP932, {replace_hint}"
    )


def _undecodable(sample: bytes, encoding: str) -> int:
    """Return how many bytes of *sample* *encoding* cannot decode (each read as one U+FFFD), private-use
    characters counted as such bytes for CP932 (see :func:`detect_encoding`)."""
    literal = sample.count("\ufffd".encode()) if encoding.startswith("utf-8") else 0
    text = codecs.decode(sample, encoding, "replace")
    private = len(PRIVATE_USE.findall(text)) if encoding == "cp932" else 0
    return text.count("\ufffd") - literal + private
