"""Whether a batch run's input was saved again by Excel or another program since the run was saved: a UTF-8 byte
order mark added or removed, its line ends changed (LF to CR LF, or back). Its rows may read the same, but the saved
rows were read from byte offsets of the file as it was, so ``--resume`` refuses it; the refusal says what it looks
like and what to do (:func:`resaved`)."""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from taikai.errors import RESUME

_READ = 1 << 20
_BOM = codecs.BOM_UTF8
_LONE_LF = re.compile(rb"(?<!\r)\n")


@dataclass
class _Undone:
    """One way the file may have been saved again, undone on its bytes as they are read: *bom* ``-1`` strips the BOM
    it begins with, ``1`` puts one back, ``0`` leaves it; *eol* ``"lf"`` makes its CR LF line ends LF, ``"crlf"``
    its LF ones CR LF, ``""`` leaves them. The first *left* bytes of the result are hashed."""

    bom: int
    eol: str
    left: int
    digest: hashlib._Hash = field(default_factory=hashlib.sha256)
    more: bool = False
    carry: bytes = b""
    first: bool = True

    def feed(self, block: bytes, last: bool) -> None:
        """Undo the change on the next *block* of the file (*last*: the file ends after it) and hash the result."""
        data, self.carry = self.carry + block, b""
        if self.first:
            self.first = False
            data = data[len(_BOM) :] if self.bom < 0 else _BOM + data if self.bom > 0 else data
        if not last and data.endswith(b"\r"):  # a CR LF across two blocks: undone with the next
            data, self.carry = data[:-1], b"\r"
        if self.eol == "lf":
            data = data.replace(b"\r\n", b"\n")
        elif self.eol == "crlf":
            data = _LONE_LF.sub(b"\r\n", data)
        taken = data[: self.left]
        self.digest.update(taken)
        self.left -= len(taken)
        self.more = self.more or len(data) > len(taken)

    def said(self) -> tuple[list[str], list[str]]:
        """Return what this change is (``a UTF-8 BOM added at its start``) and how to undo it (``without a BOM``)."""
        what, how = [], []
        if self.bom:
            what.append("a UTF-8 byte order mark (BOM) added at its start" if self.bom < 0 else "its UTF-8 BOM removed")
            how.append("without a BOM" if self.bom < 0 else "with a UTF-8 BOM")
        if self.eol:
            what.append(f"its line ends changed from {'LF to CR LF' if self.eol == 'lf' else 'CR LF to LF'}")
            how.append(f"with {'LF' if self.eol == 'lf' else 'CR LF'} line ends")
        return what, how


def resaved(path: Path, size: int, digest: str) -> str | None:
    """Return why the input *path* cannot be resumed when its first *size* bytes as the saved run read them, which
    hash to *digest* (sha256), are its bytes now with a BOM added or removed or its line ends changed undone: the
    sentence says what it looks like and what to do; ``None`` when no such change makes them (edited otherwise)."""
    try:
        with open(path, "rb") as f:
            block = f.read(_READ)
            bom = -1 if block.startswith(_BOM) else 1
            ways = [_Undone(b, e, size) for b in (0, bom) for e in ("", "lf", "crlf") if b or e]
            while True:
                after = f.read(_READ)
                for way in ways:
                    way.feed(block, not after)
                if not after or all(way.left <= 0 for way in ways):
                    break
                block = after
    except OSError:
        return None
    for way in ways:
        if way.left == 0 and way.digest.hexdigest() == digest:
            what, how = way.said()
            grew = " and rows appended after them" if way.more or after else ""
            return (
                f"The input looks saved again by Excel or another program since the run was saved ({', '.join(what)}"
                f"{grew}): its rows may read the same, but the saved rows were read from its bytes as they were, at "
                f"other places in the file. To resume, put back the input as it was (a copy from before, or saved "
                f"again {' and '.join(how)}) and run it again with {RESUME.given(True)}; to classify it as it is now"
            )
    return None
