"""Texts given as command-line arguments: bytes the system could not decode are decoded as standard input's are."""

from __future__ import annotations

import os
import warnings

import pytest

from taikai.errors import DataWarning, InputError
from taikai.io import argument_source, decode_argument
from taikai.io._arguments import ARGUMENT, decode_text

TEXT = "手数料が高すぎて辞めました"


def as_argv(data: bytes) -> str:
    """Return *data* as Python hands a command-line argument to a program (undecodable bytes kept as surrogates)."""
    return os.fsdecode(data)


@pytest.mark.parametrize(
    ("value", "encoding", "expected"),
    [
        (TEXT, None, TEXT),
        (TEXT, "cp932", TEXT),  # decoded cleanly by the system: text already, never made mojibake
        (as_argv(TEXT.encode("cp932")), None, TEXT),  # CP932 typed in a UTF-8 terminal
        (as_argv(TEXT.encode("cp932")), "cp932", TEXT),
        (as_argv(TEXT.encode("euc-jp")), "euc-jp", TEXT),
        (as_argv("単価が安い\r\n手数料".encode("cp932")), None, "単価が安い\r\n手数料"),  # one text, breaks kept
    ],
)
def test_arguments_are_decoded_from_their_bytes(value, encoding, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing to warn about
        assert decode_argument(value, encoding) == expected


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        (
            b"\xff" + "手数料が高い".encode(),
            None,
            "<argument 2>:1: byte 0xff is not valid UTF-8, but the rest of the input is (6 multi-byte characters",
        ),
        (
            b"\xfe\xfe" + "手".encode(),  # not FF FE: that is UTF-16's byte-order mark, refused as such
            None,
            "<argument 2>: cannot decode as UTF-8 or CP932 (utf-8: byte 0xfe on line 1; "
            "cp932: byte 0x8b on line 1); pass its encoding with encoding= (--encoding on the command line)",
        ),
        (
            TEXT.encode("cp932"),
            "utf-8",
            "<argument 2>:1: byte 0x8e is not valid utf-8, the encoding given with encoding= (--encoding on the "
            "command line); pass the input's encoding, or give no encoding to detect UTF-8 or CP932",
        ),
    ],
    ids=["damaged-utf8", "neither", "wrong-encoding-given"],
)
def test_bytes_that_do_not_decode_stop_naming_the_argument(data, encoding, message):
    with pytest.raises(InputError) as caught:
        decode_argument(as_argv(data), encoding, source=argument_source(2))
    assert str(caught.value).startswith(message)
    assert "or pass encoding_errors='replace' (--encoding-errors replace on the command line) to read" in str(
        caught.value
    )  # what to do


def test_replace_reads_a_stray_byte_as_fffd_and_warns_naming_the_argument():
    with pytest.warns(DataWarning, match=r"^<argument 1> holds 1 undecodable byte read as U\+FFFD$"):
        got = decode_argument(as_argv(b"\xff" + "手数料が高い".encode()), errors="replace", source=argument_source(1))
    assert got == "\ufffd手数料が高い"  # the byte is not dropped silently


def test_bad_encoding_errors_are_refused_even_for_clean_text():
    with pytest.raises(
        InputError,
        match=r"encoding_errors="
        r" \(--encoding-errors on the command line\) must be one of strict, replace, not 'ignore'",
    ):
        decode_argument(TEXT, errors="ignore")


def test_decode_text_reads_bytes_as_one_text():
    assert decode_text("単価が安い\n手数料\n".encode("cp932")) == "単価が安い\n手数料\n"
    assert str(ARGUMENT) == "<argument>" and str(argument_source(3)) == "<argument 3>"
