"""Whether a batch run's input stayed the file it fingerprinted while the run read it: a nightly export still being
written, or the next night's rows appended, grows the file under a run reading it; one written again in place
changes the bytes it had."""

from __future__ import annotations

import hashlib
from pathlib import Path

from taikai.errors import InputError

_READ = 1 << 20
_LINE_BREAKS = b"\r\n"


def file_identity(path: Path) -> tuple[int, int] | None:
    """Return which file *path* names (its device and inode), to tell later whether another file took its name;
    ``None`` where it cannot be told."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else None


def input_kept(
    path: Path, fingerprint: str, identity: tuple[int, int] | None, read: int | None, line: int | None, output: Path
) -> str | None:
    """Check that *path*, fingerprinted ``SIZE:MTIME:SHA256`` (*fingerprint*, see
    :func:`~taikai.batch.input_fingerprint`) as the run started, is still the file the run read, once it read it.

    Return ``None`` when it is; a warning when the file only grew (bytes appended after its first SIZE: the run
    read it as it was, *read* being the bytes its reader reads, ``None`` for a format read whole), or when another
    file took its name (*identity*: :func:`file_identity` as the run started), or none did, while the run read the
    one it opened. Raise :class:`InputError`, saying that nothing was written, when its bytes changed (a file
    written again in place: the rows read would mix both), or when the bytes appended carry on its last line
    (line *line*: read cut short, as an export still wrote it)."""
    size, mtime, digest = fingerprint.split(":", 2)
    now = file_identity(path)
    if identity is not None and now != identity:  # renamed over, or removed: the file opened was read whole
        return (
            f"{path}: {'another file took its name' if now else 'the file was removed'} while the run read it: "
            f"{output} holds the rows of the file as it was when the run started; run again to classify the new one"
        )
    try:
        st = path.stat()
    except OSError:
        return None  # no file to tell by: the one opened was read
    if (str(st.st_size), str(st.st_mtime_ns)) == (size, mtime):
        return None
    known = int(size)
    head_digest, _, edge = head(path, known)
    if head_digest == digest and st.st_size == known:  # touched, or copied over by the same bytes
        return None
    redo = f"run again once it is written (nothing was written to {output})"
    if head_digest != digest or read != known:
        rewritten = ", its first bytes no longer those read" if head_digest != digest and st.st_size >= known else ""
        raise InputError(
            f"{path}: the file changed while the run read it (its size {known:,} → {st.st_size:,} bytes{rewritten}, "
            f"as when an export writes it again in place): the rows read may mix the file as it was and as it is; "
            f"{redo}"
        )
    if line is not None and len(edge) == 2 and not any(b in _LINE_BREAKS for b in edge):
        raise InputError(  # neither the last byte read nor the first appended ends a line: one line, cut between
            f"{path}:{line}: the file grew while the run read it, and its last line went on past the {known:,} bytes "
            f"it held when the run started (an export still writing it): that line was read cut short; {redo}"
        )
    return (
        f"{path}: the file grew by {st.st_size - known:,} bytes while the run read it (rows appended, or an export "
        f"still writing): {output} holds its rows as it was when the run started (its first {known:,} bytes); run "
        "again to classify the rows added since"
    )


def head(path: Path, size: int) -> tuple[str, int, bytes]:
    """Return the sha256 of the first *size* bytes of *path*, the line breaks they hold (CR LF, LF or a lone CR, as
    the readers break lines), and their last byte with the one after it."""
    digest, lines, left, last, cr = hashlib.sha256(), 0, size, b"", False
    with open(path, "rb") as f:
        while left:
            block = f.read(min(_READ, left))
            if not block:
                break
            digest.update(block)
            lines += block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")
            lines -= cr and block.startswith(b"\n")  # a CR LF across two blocks: one break, counted twice
            left, last, cr = left - len(block), block[-1:], block.endswith(b"\r")
        return digest.hexdigest(), lines, last + f.read(1)
