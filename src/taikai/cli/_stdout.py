"""Write a command's results to standard output whatever its encoding: a character the encoding cannot hold (an
emoji or 𠮷 in CP932, ``PYTHONIOENCODING=cp932`` or a Japanese Windows console redirected to a file) is written as
``?``, as ``taikai batch --output-encoding cp932`` writes it, and said once on standard error; in JSON it is written
as its ``\\uXXXX`` escape instead, which any JSON reader turns back into the character: nothing is lost."""

from __future__ import annotations

import json

import click

REPLACEMENT = "?"
"""What a character standard output's encoding cannot hold is written as (outside JSON)."""
WARNED_KEY = "taikai.unencodable-warned"
"""Set in the click context's ``meta`` once a command has said that it wrote characters as ``?``."""


def echo_encodable(message: str, *, as_json: bool = False) -> None:
    """Write *message* and a newline to standard output; characters its encoding cannot hold are written as ``?``
    (said once per command on standard error), or with *as_json* as ``\\uXXXX`` escapes (*message* is JSON)."""
    try:
        click.echo(message)
        return
    except UnicodeEncodeError as exc:  # the stream encodes the whole text before it writes any of it
        encoding = exc.encoding
    fitted, lost = fit_encoding(message, encoding, as_json)
    click.echo(fitted)
    ctx = click.get_current_context(silent=True)
    if as_json or (ctx is not None and ctx.meta.get(WARNED_KEY)):
        return
    if ctx is not None:
        ctx.meta[WARNED_KEY] = True
    shown = ", ".join(f"U+{ord(ch):04X}" for ch in lost[:5]) + (", …" if len(lost) > 5 else "")
    click.echo(
        f"taikai: warning: standard output's encoding ({encoding}) cannot hold {len(lost):,} character(s) of the "
        f"output ({shown}): written as {REPLACEMENT}; to keep every character, have it written as UTF-8 "
        "(PYTHONIOENCODING=utf-8 or PYTHONUTF8=1)",
        err=True,
    )


def fit_encoding(text: str, encoding: str, as_json: bool = False) -> tuple[str, list[str]]:
    """Return *text* with each character *encoding* cannot hold written as ``?`` (or, with *as_json*, as its JSON
    escape, which is valid only inside a JSON string, where JSON text holds its only non-ASCII characters), and the
    distinct characters so written, in order."""
    out: list[str] = []
    lost: dict[str, None] = {}
    for ch in text:
        try:
            ch.encode(encoding)
        except UnicodeEncodeError:
            lost[ch] = None
            ch = json.dumps(ch)[1:-1] if as_json else REPLACEMENT
        out.append(ch)
    return "".join(out), list(lost)
