"""Write a command's results to standard output whatever its encoding: a character the encoding cannot hold (an
emoji or 𠮷 in CP932, ``PYTHONIOENCODING=cp932`` or a Japanese Windows console redirected to a file) is written as
``?``, as ``taikai batch --output-encoding cp932`` writes it, and said once on standard error; in JSON it is written
as its ``\\uXXXX`` escape instead, which any JSON reader turns back into the character: nothing is lost. The few
characters outside CP932 that taikai's own messages hold (· in figure lines, – in "Jensen–Shannon" and line ranges,
— ) are written as their CP932 look-alikes (・, -, ―) instead, which loses nothing worth a warning."""

from __future__ import annotations

import errno
import json
import sys

import click

from taikai._cut import cut_list

REPLACEMENT = "?"
"""What a character standard output's encoding cannot hold is written as (outside JSON)."""
WARNED_KEY = "taikai.unencodable-warned"
"""Set in the click context's ``meta`` once a command has said that it wrote characters as ``?``."""
LOOKALIKES = {
    "\u00b7": "\u30fb",  # · middle dot (``cv: reason macro-F1 0.913 · …``) -> ・ katakana middle dot
    "\u2013": "-",  # – en dash (``Jensen–Shannon``, ``rows 2–5``)
    "\u2014": "\u2015",  # — em dash -> ― horizontal bar, as Windows writes it in CP932
}
"""Characters of taikai's own output that CP932 cannot hold, and what they are written as in an encoding that holds
the look-alike (outside JSON): not counted as lost."""


def echo_encodable(message: str, *, as_json: bool = False) -> None:
    """Write *message* and a newline to standard output; characters its encoding cannot hold are written as ``?``
    (said once per command on standard error), or with *as_json* as ``\\uXXXX`` escapes (*message* is JSON).
    Standard output closed when the command started (``>&-``) raises :class:`OSError` (EBADF): click would write
    nothing, without a word, and the command end as if it had shown its results."""
    if sys.stdout is None:  # what Python makes of a closed file descriptor 1 at start-up
        raise OSError(errno.EBADF, "it is closed")
    try:
        click.echo(message)
        return
    except UnicodeEncodeError as exc:  # the stream encodes the whole text before it writes any of it
        encoding = exc.encoding
    fitted, lost = fit_encoding(message, encoding, as_json)
    click.echo(fitted)
    if not lost:  # only look-alikes (or JSON escapes) were written
        return
    ctx = click.get_current_context(silent=True)
    if as_json or (ctx is not None and ctx.meta.get(WARNED_KEY)):
        return
    if ctx is not None:
        ctx.meta[WARNED_KEY] = True
    shown = cut_list([f"U+{ord(ch):04X}" for ch in lost], 5)
    click.echo(
        f"taikai: warning: standard output's encoding ({encoding}) cannot hold {len(lost):,} character(s) of the "
        f"output ({shown}): written as {REPLACEMENT}; to keep every character, have it written as UTF-8 "
        "(PYTHONIOENCODING=utf-8 or PYTHONUTF8=1)",
        err=True,
    )


def echo_to_stderr(message: str) -> None:
    """Write *message* and a newline to standard error, taikai's own characters its encoding cannot hold (· – —,
    :data:`LOOKALIKES`) written as their look-alikes, as on standard output: a summary or report moved there (``train``,
    ``--json -``) reads the same on a CP932 console. Any other such character is written as the stream writes it
    (Python's ``backslashreplace`` on standard error: ``\\U0001f600``), which loses nothing."""
    encoding = getattr(sys.stderr, "encoding", None)
    if encoding:
        for ch, lookalike in LOOKALIKES.items():
            if ch in message and not _holds(ch, encoding) and _holds(lookalike, encoding):
                message = message.replace(ch, lookalike)
    click.echo(message, err=True)


def fit_encoding(text: str, encoding: str, as_json: bool = False) -> tuple[str, list[str]]:
    """Return *text* with each character *encoding* cannot hold written as its look-alike (:data:`LOOKALIKES`, when
    *encoding* holds that) or as ``?`` (or, with *as_json*, as its JSON escape, which is valid only inside a JSON
    string, where JSON text holds its only non-ASCII characters), and the distinct characters written as ``?``, in
    order (none are lost in JSON, but they are returned all the same)."""
    out: list[str] = []
    lost: dict[str, None] = {}
    for ch in text:
        try:
            ch.encode(encoding)
        except UnicodeEncodeError:
            if as_json:
                lost[ch] = None
                ch = json.dumps(ch)[1:-1]
            elif _holds(LOOKALIKES.get(ch), encoding):
                ch = LOOKALIKES[ch]
            else:
                lost[ch] = None
                ch = REPLACEMENT
        out.append(ch)
    return "".join(out), list(lost)


def _holds(text: str | None, encoding: str) -> bool:
    """Return whether *text* is given and *encoding* can encode it."""
    if text is None:
        return False
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def write_advice(exc: OSError) -> str:
    """Return what to do about *exc*, a failed write to standard output: open it (EBADF), or look at where it goes."""
    if exc.errno == errno.EBADF:
        return "run it with standard output open (> FILE to keep what it writes, or > /dev/null to discard it)"
    return "check the file or device it is redirected to (and that its disk has room)"
