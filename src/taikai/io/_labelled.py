"""Read and check labelled review files (text, reasons, sentiment): every problem named with its file and line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from taikai.errors import InputError
from taikai.io._frames import read_table
from taikai.labels import parse_reasons
from taikai.text import Status, check_text

if TYPE_CHECKING:
    import pandas as pd

MAX_SHOWN = 20


def _row_names(source: str, lines: Sequence[int] | None) -> Callable[[int], str]:
    """Return a function naming row *pos* of *source*: ``source:LINE`` if every row's line is known."""
    if lines is not None:
        return lambda pos: f"{source}:{lines[pos]}"
    return lambda pos: f"{source}: row {pos + 1} (data row, 1-based)"


def validate_labelled(
    df: pd.DataFrame,
    source: str = "<data>",
    text_column: str = "text",
    reasons_column: str = "reasons",
    sentiment_column: str | None = "sentiment",
    require_text: bool = True,
    lines: Sequence[int] | None = None,
) -> pd.DataFrame:
    """Check a labelled frame and return it with ``primary`` and ``label_set`` columns added.

    Every problem is reported, never dropped: at its file line when *lines* gives the line of every row, else as
    ``row N (data row, 1-based)``. With ``require_text=False`` rows whose text cannot be classified pass
    (evaluation reports them as unscored).
    """
    needed = [c for c in (text_column, reasons_column, sentiment_column) if c]
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise InputError(f"{source}: missing column(s) {missing}; the columns are {list(map(str, df.columns))}")
    problems = []
    for pos, (text, reasons) in enumerate(zip(df[text_column], df[reasons_column], strict=True)):
        checked = check_text(text)
        if require_text and checked.status is not Status.OK:
            problems.append((pos, f"{text_column}: {checked.message}"))
        if not parse_reasons(reasons if isinstance(reasons, str) else ""):
            problems.append((pos, f"{reasons_column}: no label"))
        if sentiment_column:
            value = df[sentiment_column].iloc[pos]
            if not isinstance(value, str) or not value.strip():
                problems.append((pos, f"{sentiment_column}: no label"))
    if problems:
        where = _row_names(source, lines if lines is not None and len(lines) == len(df) else None)
        shown = "\n  ".join(f"{where(pos)}: {problem}" for pos, problem in problems[:MAX_SHOWN])
        more = f"\n  … and {len(problems) - MAX_SHOWN} more" if len(problems) > MAX_SHOWN else ""
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
    """Read and validate a labelled file (``text,reasons,sentiment``; ``reasons`` ``|``-separated, primary first).

    Any format taikai reads: CSV, TSV, JSONL, Parquet or xlsx, through the same readers as ``taikai batch``.
    """
    table = read_table(Path(path), encoding=encoding)
    return validate_labelled(
        table.frame,
        table.source,
        text_column,
        reasons_column,
        sentiment_column,
        require_text=require_text,
        lines=table.lines,
    )
