"""Count a dump file chunk by chunk (a raw dump is classified on the fly, a ``taikai batch`` output read as it is),
or a data frame: each read as chunks of rows for :func:`taikai.drift._chunk_counts.count_chunks`."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taikai._frame_rows import index_labels
from taikai._masked_messages import errors_masked
from taikai._warn import warn_user
from taikai.drift._chunk_counts import FileStatistics, count_chunks
from taikai.drift._file_columns import check_file_columns
from taikai.drift._model_text import dump_text_column, trial_rows
from taikai.drift._periods import CHUNK_ROWS
from taikai.drift._rows import RAW_DUMP
from taikai.drift._stray import StrayPeriods, StrayRow
from taikai.errors import (
    DATE_COLUMN,
    INPUT_FORMAT,
    TEXT_COLUMN,
    Argument,
    DataWarning,
)
from taikai.io import (
    BadLine,
    FileKind,
    ReadOptions,
    bad_line_error,
    check_made_by,
    dates_told,
    escaped_count,
    format_of,
    is_predictions,
    mark_columns_read,
    read_summary,
    record_hint,
    summary_path,
    trial_run,
    unescape_cells,
    unescape_formula,
    unrecorded_escapes,
    warn_decoding,
)
from taikai.model import Model, column_label, find_column, find_prefix, unprefixed
from taikai.text import reviews_told

if TYPE_CHECKING:
    import pandas as pd


@errors_masked
def file_statistics(
    path: Path,
    model: Model,
    *,
    text_column: Hashable | None = None,
    date_column: Hashable | None = None,
    freq: str | None = None,
    read_options: ReadOptions | None = None,
    progress: Callable[[int], None] | None = None,
    prefix: str | None = None,
    model_named: bool = True,
    text_argument: Argument = TEXT_COLUMN,
    mask_pii: bool = False,
    input_format: bool = True,
    tz: str | None = None,
) -> FileStatistics:
    """Count every row of *path* for *model*; with *date_column*, also per period (*freq*: ``M``, months, or ``W``).

    *read_options* say how to read the file (format, encoding, sheet, encoding errors; default: from its
    extension, encoding detected). The file is read and classified a chunk at a time, so memory stays bounded; a
    malformed record stops the count with its file and line. *progress* is called with the rows of each chunk.
    Predictions written with a prefix (``taikai batch --prefix pred_``) are found (*prefix* chooses among several
    sets; default: the one the batch summary beside *path* recorded, or the only one). Predictions whose batch
    summary says another model made them are refused, as ``taikai report`` refuses them (*model_named*: *model*
    was named with ``--model``; else it is the default model). *text_argument* is the argument an error about a
    missing *text_column* names (``reference_text_column`` for a reference file); *text_column* defaults to the
    one batch classified, as its summary recorded, else ``text``. *freq* (and the time zone *tz* the periods are
    counted in) without *date_column* is refused.
    *mask_pii* masks personal data in the texts before they are counted (:func:`taikai.mask_pii`), and in a
    malformed record's error. *input_format*: the caller takes ``input_format=`` for *path*, for errors to suggest.
    """
    path = Path(path)
    options = read_options or ReadOptions()
    fmt = format_of(path, options.input_format, INPUT_FORMAT, kind=FileKind.DUMP)  # a .txt file: said to be no dump
    reader = options.open(path)
    run = read_summary(path)
    escaped = run is not None and run.excel_safe and fmt in ("csv", "tsv")  # batch --excel-safe: apostrophes put
    if escaped:  # the column names too: --date-column @date names the column written '@date
        reader.columns = [unescape_formula(name) for name in reader.columns]
    found = find_prefix(reader.columns, str(path), prefix, run.prefix if run is not None else None)
    text_column, text_argument = dump_text_column(run, text_column, text_argument, reader.columns, model, str(path))
    notes: list[Any] = []
    blank = [0]
    lines: list[Any] = []  # each chunk's file lines (8 bytes a row), to name a stray end's rows by their line

    def chunks() -> Iterator[list[list[Any]]]:
        for chunk in reader.chunks(CHUNK_ROWS):
            if chunk.bad:
                raise bad_line_error(
                    path, chunk.bad[0], _bad_line_hint(chunk.bad[0], fmt, reader.columns, input_format), mask_pii
                )
            notes.extend(note for _, note in sorted(chunk.notes.items()))
            blank[0] += chunk.blank
            if unsaid is not None:  # a column holding a text escape_formula escapes was not escaped: None from then
                for j, column in enumerate(chunk.data):
                    n, before = escaped_count(column), unsaid[j]
                    unsaid[j] = None if n is None or before is None else before + n
            lines.append(_line_array(chunk.lines, chunk.rows))
            yield [unescape_cells(column) for column in chunk.data] if escaped else chunk.data
            if progress is not None:
                progress(chunk.rows)

    def date_columns(index: int) -> Iterator[list[Any]]:
        # a second pass for the date column only, nothing classified (malformed records are the first pass's to stop)
        for chunk in reader.chunks(CHUNK_ROWS):
            yield unescape_cells(chunk.data[index]) if escaped else chunk.data[index]

    columns = unprefixed(reader.columns, found)
    check_file_columns(reader, columns, text_column, text_argument, date_column, str(path), input_format=input_format)
    if not is_predictions(columns):  # a dump's text and dates (of predictions, all): hidden in Excel, said if read
        mark_columns_read(reader, [column_label(columns, text_column), date_column])
    unchecked, unsaved = False, None
    # batch's CSV/TSV predictions of which no summary says whether --excel-safe put an apostrophe first: counted, said
    unsaid: list[int | None] | None = (
        [0] * len(reader.columns) if run is None and fmt in ("csv", "tsv") and is_predictions(columns) else None
    )
    if is_predictions(columns):
        artifact = model.metadata.artifact
        name = "(in memory)" if model.path is None else model.path.name if model_named else str(model.path)
        sha256 = artifact.sha256 if artifact is not None else ""
        check_made_by(run, name, sha256, named=model_named, raw=RAW_DUMP)
        unchecked = run is None or run.model is None or not sha256
        if unchecked and run is not None and run.model is not None:
            unsaved = run.model.name
    counted = count_chunks(
        str(path),
        columns,
        chunks(),
        model,
        text_column,
        date_column,
        freq,
        text_argument,
        mask_pii,
        input_format,
        shown=reader.columns,
        date_columns=date_columns,
        tz=tz,
        lines=lines,
    )
    if notes:
        warn_decoding(path, notes)
    counts = dict(zip(map(str, reader.columns), unsaid or (), strict=False))
    if said := unrecorded_escapes(path, counts, summary_path(path).name):
        warn_user(said, DataWarning)
    set_aside = None
    if is_predictions(columns) and run is not None and run.bad_lines:
        side = path.with_name(Path(run.bad_lines_file).name) if run.bad_lines_file else None  # beside it
        set_aside = f"{run.bad_lines:,}" + (f" ({side})" if side is not None and side.is_file() else "")
    return replace(
        counted,
        blank_lines=blank[0],
        bad_lines=set_aside,
        trial_run=trial_rows(trial_run(run)),
        unchecked=unchecked,
        unsaved_model=unsaved,
        strays=_with_lines(counted.strays, lines),
    )


def _line_array(lines: list[int], rows: int) -> Any:
    """A chunk's file lines as an array, or an array of -1 when the format has none (Parquet)."""
    import numpy as np

    return np.asarray(lines, dtype=np.int64) if len(lines) == rows else np.full(rows, -1, dtype=np.int64)


def _with_lines(strays: tuple[StrayPeriods, ...], lines: list[Any]) -> tuple[StrayPeriods, ...]:
    """*strays* with their rows' file lines put in, from *lines* (each chunk's)."""
    if not strays:
        return strays
    import numpy as np

    every = np.concatenate(lines) if lines else np.empty(0, dtype=np.int64)

    def line(row: StrayRow) -> StrayRow:
        found = int(every[row.position]) if row.position < len(every) else -1
        return replace(row, line=found) if found >= 0 else row

    return tuple(replace(s, shown=tuple(line(r) for r in s.shown)) for s in strays)


def _bad_line_hint(bad: BadLine, fmt: str, columns: list[str], input_format: bool) -> str:
    """What to do about the malformed record *bad* (of a file in format *fmt*): fix it (as the format and its kind
    need, :func:`taikai.io.record_hint`), or have ``taikai batch`` set such records aside and check its predictions
    file (drift has no ``--on-bad-lines``)."""
    fix = record_hint(fmt, bad.kind, columns, input_format=input_format)
    return (
        f"{fix}; or classify it with on_bad_lines='report' of classify_file (taikai batch --on-bad-lines report on "
        "the command line), which sets malformed records aside in OUTPUT_STEM.bad_lines.csv, and check drift on its "
        "predictions file"
    )


@errors_masked
def frame_statistics(
    frame: pd.DataFrame,
    model: Model,
    text_column: Hashable | None = None,
    date_column: Hashable | None = None,
    freq: str | None = None,
    source: str = "<frame>",
    prefix: str | None = None,
    text_argument: Argument = TEXT_COLUMN,
    mask_pii: bool = False,
    tz: str | None = None,
) -> FileStatistics:
    """Count the rows of a data frame (raw reviews, or predictions made by *model*) as :func:`file_statistics`;
    its columns are named by their labels (``0`` for a frame read with ``header=None``) or as str (``"0"``)."""
    columns = unprefixed(frame.columns, find_prefix(frame.columns, source, prefix))
    data = (
        [frame.iloc[start : start + CHUNK_ROWS, j].tolist() for j in range(len(columns))]
        for start in range(0, len(frame), CHUNK_ROWS)
    )
    text, text_argument = dump_text_column(None, text_column, text_argument, list(frame.columns), model, source)
    # the text or a date made the frame's index is said to be, before anything is counted
    shown, index = list(frame.columns), frame.index.names
    told = reviews_told(frame, text, text_argument)  # not there: the columns that read as reviews are named
    find_column(columns, text, text_argument, source=source, shown=shown, index=index, hint=told)
    if date_column is not None:  # not there: the columns that read as dates are named
        told = dates_told(frame, date_column)
        find_column(columns, date_column, DATE_COLUMN, source=source, shown=shown, index=index, hint=told)

    def date_columns(index: int) -> Iterator[list[Any]]:
        yield frame.iloc[:, index].tolist()

    counted = count_chunks(
        source,
        columns,
        data,
        model,
        text,
        date_column,
        freq,
        text_argument,
        mask_pii,
        shown=list(frame.columns),
        date_columns=date_columns,
        labels=index_labels(frame.index),
        tz=tz,
    )
    # a frame has no batch summary to say which model made it; read_predictions marks a trial run's (--limit N)
    return replace(counted, unchecked=counted.predictions, trial_run=trial_rows(trial_run(None, frame)))
