"""Whether a batch run's input only grew since the run was saved (the next day's rows appended to a dump): then
``--resume`` keeps the rows saved and classifies the rows appended, and the output is the one a fresh run of the
grown input writes. Anything else (an edit in place, rows removed, a last line the append carried on, a Parquet or
xlsx input) stays refused, saying why."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taikai._cut import cut_list
from taikai.batch._fingerprint import COLUMNS, NOTES
from taikai.batch._input_kept import head
from taikai.batch._resaved import resaved
from taikai.batch._state import ResumeState
from taikai.errors import RESUME, InputError
from taikai.io import TEXT_FORMATS, BadLine, LineProblem, Position

if TYPE_CHECKING:
    import pyarrow as pa

_CUT = (LineProblem.UNCLOSED_QUOTE, LineProblem.FIELD_TOO_LARGE, None)
"""The kinds of bad record the file's end may have made one (a quote left open, read on to the end; a kind this
taikai does not know): the bytes appended would carry it on."""


@dataclass(frozen=True)
class Grown:
    """An input that only grew since its run was saved: the *size* in bytes the saved rows were read from, the
    *lines* those bytes hold (each ended by a line break), and the bytes *added* after them (*read*: see below)."""

    size: int
    lines: int
    added: int
    read: int = 0
    """The lines of the input a run stopped by a bad record read (:attr:`ResumeState.read_lines`): rows on them were
    in it then, not appended since (the record fixed in place)."""

    @property
    def position(self) -> Position:
        """Where the rows appended start, as a text reader's position."""
        return {"offset": self.size, "line": self.lines, "done": self.size}

    def appended(self, starts: Iterable[int]) -> int:
        """Return how many of the rows starting on the file lines *starts* are rows appended."""
        last = max(self.lines, self.read)
        return sum(1 for line in starts if line > last)


def growth(path: Path, old: dict[str, Any], new: dict[str, Any], state: ResumeState) -> Grown | str | None:
    """Return how the input *path* changed between the fingerprint *old* of the saved run (of *state*) and *new*:
    ``None`` when it did not grow (unchanged, or changed as :func:`~taikai.batch._fingerprint.describe_changes`
    says); a :class:`Grown` when it only grew and ``--resume`` can classify the rows appended (a Parquet or xlsx
    output's types are checked then: :func:`types_changed`); else a sentence saying why it cannot, for the refusal."""
    before, after = (str(f.get("input", "::")).split(":", 2) for f in (old, new))
    if len(before) < 3 or len(after) < 3 or not (before[0].isdigit() and after[0].isdigit()):
        return None
    size, now = int(before[0]), int(after[0])
    if now < size:
        return resaved(path, size, before[2]) or (
            "The input is smaller than the saved rows were read from (rows removed, or the file written again)"
        )
    if now == size:
        return None
    options = json.loads(str(old.get("options") or "{}"))
    grew = f"The input grew by {now - size:,} bytes, but"
    if options.get("input_format") not in TEXT_FORMATS:
        return (
            f"{grew} a {options.get('input_format')} input is saved whole, not appended to: only a CSV, TSV or JSONL "
            "input that grew resumes"
        )
    digest, lines, edge = head(path, size)
    if digest != before[2]:
        return resaved(path, size, before[2]) or (
            f"{grew} its first {size:,} bytes, the ones the saved rows were read from, changed too (rows edited or "
            "removed, not only appended)"
        )
    if edge == b"\r\n":  # a CR LF cut between them: the run read a CR alone, a fresh run reads one break
        return (
            f"{grew} they begin with the line feed of a CR LF whose CR ended its last line (line {lines}) as the "
            "saved run read it: the lines after it would be counted otherwise"
        )
    if edge[:1] not in (b"\n", b"\r"):
        return (
            f"{grew} its last line (line {lines + 1}) went on in the bytes appended: it had no line break at its end "
            "as the saved run read it"
        )
    if state.finished is not None:
        return (
            f"{grew} the saved run had classified every row of the input as it was, and was putting its output in place"
        )
    if state.position.get("offset", size) >= size and state.cut_short is not False:
        why = (
            "they end with a record the file's end cut short (a quote left open, read to the end), which the bytes "
            "appended carry on"
            if state.cut_short
            else "the taikai that saved them did not record whether the file's end cut their last record short"
        )
        return f"{grew} the saved rows reach the end of the input as it was, and {why}"
    columns = [json.loads(str(f.get(NOTES) or "{}")).get(COLUMNS) for f in (old, new)]
    if columns[0] is None:
        return (
            f"{grew} the taikai that saved the run did not record the input's columns, which the rows appended may "
            "change"
        )
    if columns[0] != columns[1]:
        return f"{grew} the rows appended bring keys no row had before: the output's columns would change"
    return Grown(size, lines, now - size, state.read_lines or 0)


def cut_short(bad: Iterable[BadLine]) -> bool:
    """Return whether the bad records *bad* of a chunk may include one the file's end cut short (see
    :attr:`~taikai.batch._state.ResumeState.cut_short`)."""
    return any(b.kind in _CUT for b in bad)


def read_so_far(path: Path, state: ResumeState, read: str | None = None) -> ResumeState:
    """Return *state*, saved from the input *path* as it is now, with the input's fingerprint of the bytes its rows
    were read from (to its position): bytes after them edited (a bad record fixed) are then bytes appended. The file
    went on after them, so their last record was not cut short by its end. *read* is the fingerprint of the input as
    the stopped run read it (``SIZE:MTIME:SHA256``): the lines of its first SIZE bytes are recorded
    (:attr:`~taikai.batch._state.ResumeState.read_lines`), so that the rows on them are not said to be appended."""
    offset = state.position["offset"]
    digest = head(path, offset)[0]
    print_ = f"{offset}:{path.stat().st_mtime_ns}:{digest}"
    size = str(read or "").split(":", 1)[0]
    lines = None
    if size.isdigit():
        _, lines, edge = head(path, int(size))
        lines += edge[:1] not in (b"\n", b"\r", b"")  # a last line without a break: in the input too
    return replace(state, fingerprint={**state.fingerprint, "input": print_}, cut_short=False, read_lines=lines)


class KeptError(InputError):
    """An input error that stops a resumed run with the rows it saved kept (its partial folder is not removed)."""


def check_types(
    was: pa.Schema, now: pa.Schema, text: tuple[frozenset[str], frozenset[str]], output: Path, fmt: str
) -> None:
    """Refuse (:class:`KeptError`) a resume of a Parquet or xlsx *output* (*fmt*) whose input grew when the rows
    appended change the types of its columns, which the whole input sets (:func:`types_changed`)."""
    changed = types_changed(was, now, text)
    if changed is not None:
        folder = output.with_name(output.name + ".taikai-partial")
        raise KeptError(
            f"cannot resume {output}: the rows appended to the input since the saved run change the {fmt} output's "
            f"column types, which the whole input sets ({changed}): the rows saved, kept in {folder}, hold them as "
            f"they were. Start over without resume (delete {folder} first)"
        )


def types_changed(was: pa.Schema, now: pa.Schema, text: tuple[frozenset[str], frozenset[str]]) -> str | None:
    """Return the columns of a Parquet or xlsx output whose types the whole input sets, *was* of the input as the
    saved run read it and *now* of the grown input (*text*: the columns written as text, of each), that the rows
    appended change (``score: int64 → string``), or ``None``."""
    changed = []
    for name, a, b in zip(was.names, was, now, strict=False):
        texts = [name in t for t in text]
        if a.type != b.type:
            changed.append(f"{name}: {a.type} → {b.type}")
        elif texts[0] != texts[1]:  # the same type, one written as text
            changed.append(f"{name}: {'as text' if texts[0] else a.type} → {'as text' if texts[1] else b.type}")
    return cut_list(changed, 3, sep="; ") if changed else None


def bad_line_hint(kept: int | None, folder: Path, report: str) -> str:
    """Return what to do about a bad record that stopped a run (*report*: the option that sets such records aside),
    its *kept* rows saved in *folder* (``None``: none kept)."""
    if kept is None:
        return f"fix it, or pass {report} to set such lines aside in a side file and go on"
    return (
        f"the {kept:,} rows saved are kept in {folder}: fix it and run it again with {RESUME.given(True)} to go on "
        f"from them (to set such lines aside instead, start over with {report}: delete {folder} first)"
    )


def check_appended(reader: object, grown: Grown, output: Path, folder: Path, rows: int) -> None:
    """Refuse (:class:`InputError`) a resume of an input that *grown* whose rows appended do not decode in the
    encoding the saved rows (*rows* of them, kept in *folder*) were read in, before any row is classified: the
    whole input would have been refused so, and another encoding would be another run."""
    check = getattr(reader, "check_decoding", None)
    if check is None:
        return
    try:
        check(grown.position)
    except InputError as exc:
        where = str(exc).split(", ", 1)[0]  # FILE:LINE: byte 0x.. is not valid ENCODING
        raise InputError(
            f"cannot resume {output}: the rows appended to the input since the saved run do not decode as the rows "
            f"saved were read ({where}). The {rows:,} rows saved are kept in {folder}: save the rows appended in the "
            f"input's encoding and run it again with {RESUME.given(True)}, or start over without resume (delete "
            f"{folder} first)"
        ) from None
