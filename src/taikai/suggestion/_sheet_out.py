"""Where a labelling sheet may be written, checked before any row is chosen: a folder that is there, and no existing
file that would be lost (a sheet a person has filled, said with how many labels, or another file taikai reads)."""

from __future__ import annotations

from pathlib import Path

from taikai.errors import Argument, InputError
from taikai.io import check_output_dir
from taikai.suggestion._sheet import TO_FILL
from taikai.text import is_missing


def check_sheet_out(out: Path, overwrite: bool) -> None:
    """Refuse an *out* whose folder is missing (a link's: the folder of the file it points to), and an existing *out*
    unless *overwrite*: it may be a sheet a person has filled (say how many labels), or another file taikai reads
    (say which kind)."""
    check_output_dir(out)  # before any work, rather than failing to write once the rows are chosen
    if overwrite or not out.exists():
        return
    filled, sheet = filled_labels(out)
    if isinstance(filled, str):
        held = f"already exists ({filled})"
    elif filled:
        on = f" on its sheet {sheet!r}" if sheet else ""
        held = f"already exists and holds {filled:,} filled reasons/sentiment cell(s){on}: the labels would be lost"
    else:
        held = "already exists (a sheet with no reasons/sentiment filled in)"
    raise InputError(
        f"{Argument('out', '--output').given(str(out))}: {held}; choose another file, or pass "
        f"{Argument('overwrite', '--force').given(True)} to replace it"
    )


def filled_labels(path: Path) -> tuple[int | str, str | None]:
    """Return the filled ``reasons`` and ``sentiment`` cells of the labelling sheet *path* (as :func:`write_sheet`
    writes it, read as ``train --add`` reads it), or what the file is when it is no such sheet; and, for a
    workbook whose labelling sheet is not the one read first (saved with another sheet first, renamed), its name."""
    from taikai.io import format_of, sheet_names

    filled = _filled_cells(path)
    if isinstance(filled, str) and format_of(path) == "xlsx":  # the labels may be on another sheet of it
        for name in sheet_names(path):
            if isinstance(on := _filled_cells(path, name), int):
                return on, name
    return filled, None


def _filled_cells(path: Path, sheet: str | None = None) -> int | str:
    """Return the filled label cells of *path* (its *sheet*, else the one read by default), or what it is."""
    from taikai.errors import TaikaiError
    from taikai.io import is_predictions, read_labelled_file

    try:
        frame = read_labelled_file(path, sheet=sheet).frame
    except (TaikaiError, OSError, ValueError):  # whatever the file is, it is not a sheet taikai can read
        return "not a labelling sheet taikai can read"
    frame = frame.rename(columns=lambda c: str(c).strip())
    names = list(map(str, frame.columns))
    if is_predictions(names):
        return "a predictions file, as taikai batch writes, not a labelling sheet"
    if not {"model_reason", "reasons"} <= set(names):  # a predictions file has reasons too
        if "reasons" in names:
            return f"labelled data of {len(frame):,} row(s) with a reasons column, not a labelling sheet"
        return "not a labelling sheet taikai can read"
    cells = frame[[c for c in TO_FILL[:2] if c in frame.columns]].astype(object)  # no sentiment: a model without
    return int(cells.map(lambda v: not is_missing(v) and str(v).strip() != "").to_numpy().sum())
