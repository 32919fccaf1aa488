"""Decode a text given as a command-line argument (``taikai predict TEXT``) as standard input's bytes are decoded.

Python decodes the arguments in the locale's encoding (UTF-8 nearly everywhere) and keeps each byte it cannot
decode as a lone surrogate (U+DC80-U+DCFF, "surrogateescape"): CP932 text typed in a UTF-8 terminal, or a stray
byte, would otherwise be classified as mojibake or carry a character that is no text. Such an argument's bytes are
recovered and decoded by the detection that reads standard input (UTF-8, then CP932; damaged UTF-8 refused).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from taikai.io._encoding import check_encoding_errors
from taikai.io._stdin import decode_input

ARGUMENT = Path("<argument>")
"""What messages call a text given as an argument, in place of a file name."""
_ESCAPED = re.compile("[\udc80-\udcff]")
"""The lone surrogates by which Python keeps the bytes of an argument it could not decode."""


def argument_source(number: int) -> Path:
    """Return what messages call the *number*-th (1-based) text given as an argument: ``<argument 2>``."""
    return Path(f"<argument {number}>")


def decode_argument(value: str, encoding: str | None = None, errors: str = "strict", source: Path = ARGUMENT) -> str:
    """Return the text of the command-line argument *value*, its bytes decoded as :func:`decode_text` decodes.

    An argument the system decoded cleanly is text already and is returned as it is (*encoding* would only turn
    it into mojibake). One holding bytes it could not decode has its bytes (:func:`os.fsencode`) decoded in
    *encoding*, or by detection. Raises :class:`~taikai.errors.InputError` naming *source*, as for standard
    input, when they do not decode (``errors="strict"``).
    """
    check_encoding_errors(errors)
    if not _ESCAPED.search(value):
        return value
    return decode_text(os.fsencode(value), encoding, errors, source)


def decode_text(data: bytes, encoding: str | None = None, errors: str = "strict", source: Path = ARGUMENT) -> str:
    """Return *data* decoded as one text, line breaks kept, in *encoding* or the one detected as
    :func:`~taikai.io.decode_input` detects it (which checks the bytes, warns and raises as it says)."""
    decoded = decode_input(data, encoding, errors, source, one_text=True)
    return data.decode(decoded.encoding, errors)
