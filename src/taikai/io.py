"""Read labelled review files: encoding detection and validation with file, column and line in every error."""

from __future__ import annotations

import codecs
import csv
import functools
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from taikai.errors import InputError, TaikaiError
from taikai.labels import parse_reasons
from taikai.text import STATUS_OK, check_text

ENCODINGS = ("utf-8-sig", "cp932")
"""Encodings tried, in order, when none is given: UTF-8 (with or without BOM), then CP932/Shift_JIS."""
SAMPLE_BYTES = 1 << 20
_ASCII = bytes(range(128))


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


def detect_encoding(path: Path, sample_bytes: int = SAMPLE_BYTES) -> str:
    """Return ``utf-8-sig`` or ``cp932`` for *path*, judged on its first bytes, or raise :class:`InputError`."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            sample = f.read(sample_bytes)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    errors = []
    for encoding in ENCODINGS:
        try:
            # A multi-byte character may be cut at the end of the sample: an incremental decoder keeps that tail.
            codecs.getincrementaldecoder(encoding)().decode(sample, final=len(sample) < sample_bytes)
            return encoding
        except UnicodeDecodeError as exc:
            errors.append(f"{encoding}: byte {sample[exc.start]:#04x} at offset {exc.start}")
    raise InputError(f"{path}: cannot decode as UTF-8 or CP932 ({'; '.join(errors)}); pass the right --encoding")


def _separator(path: Path) -> str:
    return "\t" if path.suffix.lower() in (".tsv", ".tab") else ","


def read_csv_file(path: Path, encoding: str | None = None, **kwargs) -> pd.DataFrame:
    """Read a whole CSV/TSV file as strings, detecting the encoding; errors name the file and line."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"--encoding {encoding!r}: unknown encoding; give a name such as utf-8 or cp932") from None
    encoding = encoding or detect_encoding(path)
    try:
        return pd.read_csv(path, encoding=encoding, dtype=str, keep_default_na=False, sep=_separator(path), **kwargs)
    except UnicodeDecodeError as exc:
        # pandas gives the offset within its buffer: read the lines again to name the line of the bad byte.
        from taikai.formats import record_lines

        record_lines(path, encoding, _separator(path))
        raise InputError(f"{path}: not valid {encoding} ({exc.reason}); pass --encoding") from exc
    except (pd.errors.ParserError, csv.Error) as exc:
        raise InputError(f"{path}: malformed CSV: {exc}") from exc
    except pd.errors.EmptyDataError as exc:
        raise InputError(f"{path}: the file is empty") from exc


def _row_names(source: str, rows: int, lines: Callable[[], Sequence[int]] | None) -> Callable[[int], str]:
    """Return a function naming row *pos* of *source*: ``source:LINE`` if every row's line is known."""
    found = None
    if lines is not None:
        try:
            found = lines()
        except TaikaiError:  # the file cannot be scanned line by line as it was read: name rows by number
            found = None
    if found is not None and len(found) == rows:
        return lambda pos: f"{source}:{found[pos]}"
    return lambda pos: f"{source}: row {pos + 1} (data row, 1-based)"


def validate_labelled(
    df: pd.DataFrame,
    source: str = "<data>",
    text_column: str = "text",
    reasons_column: str = "reasons",
    sentiment_column: str | None = "sentiment",
    require_text: bool = True,
    lines: Callable[[], Sequence[int]] | None = None,
) -> pd.DataFrame:
    """Check a labelled frame and return it with ``primary`` and ``label_set`` columns added.

    Every problem is reported, never dropped: at its file line when *lines* (called only if there is a
    problem) gives the line of every row, else as ``row N (data row, 1-based)``.
    With ``require_text=False`` rows whose text cannot be classified pass (evaluation reports them as unscored).
    """
    needed = [c for c in (text_column, reasons_column, sentiment_column) if c]
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise InputError(f"{source}: missing column(s) {missing}; the columns are {list(map(str, df.columns))}")
    problems = []
    for pos, (text, reasons) in enumerate(zip(df[text_column], df[reasons_column], strict=True)):
        checked = check_text(text)
        if require_text and checked.status != STATUS_OK:
            problems.append((pos, f"{text_column}: {checked.message}"))
        if not parse_reasons(reasons if isinstance(reasons, str) else ""):
            problems.append((pos, f"{reasons_column}: no label"))
        if sentiment_column:
            value = df[sentiment_column].iloc[pos]
            if not isinstance(value, str) or not value.strip():
                problems.append((pos, f"{sentiment_column}: no label"))
    if problems:
        where = _row_names(source, len(df), lines)
        shown = "\n  ".join(f"{where(pos)}: {problem}" for pos, problem in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise InputError(f"{source}: {len(problems)} row(s) cannot be used:\n  {shown}{more}")
    out = df.copy()
    out["label_set"] = [parse_reasons(v) for v in df[reasons_column]]
    out["primary"] = [labels[0] for labels in out["label_set"]]
    if sentiment_column:
        out[sentiment_column] = out[sentiment_column].str.strip()
    return out


def read_labelled(
    path: Path,
    text_column: str = "text",
    reasons_column: str = "reasons",
    sentiment_column: str | None = "sentiment",
    encoding: str | None = None,
    require_text: bool = True,
) -> pd.DataFrame:
    """Read and validate a labelled CSV (``text,reasons,sentiment``; ``reasons`` ``|``-separated, primary first)."""
    from taikai.formats import record_lines

    path = Path(path)
    df = read_csv_file(path, encoding=encoding)
    return validate_labelled(
        df,
        str(path),
        text_column,
        reasons_column,
        sentiment_column,
        require_text=require_text,
        lines=lambda: record_lines(path, encoding, _separator(path)),
    )
