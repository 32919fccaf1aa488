"""Read a whole data file into a data frame through the one reader of its format (train, evaluate, report)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taikai._column_names import id_like
from taikai._cut import cut_list
from taikai._masked_messages import errors_masked
from taikai._warn import warn_user
from taikai.errors import DataWarning, check_bool
from taikai.io._column_types import PREDICTED_TEXT, typed_column
from taikai.io._file_argument import FileKind, check_file
from taikai.io._formats import TEXT_FORMATS, format_of, open_reader
from taikai.io._formula_cells import escaped_count, unescape_formula, unrecorded_escapes
from taikai.io._head_rows import check_header_row, title_above
from taikai.io._line_problems import record_hint
from taikai.io._records import bad_line_error
from taikai.io._review_sheets import reviews_elsewhere
from taikai.io._table_readers import mark_columns_read, sheet_argument
from taikai.io._trial_run import mark_trial_run

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    import pandas as pd

    from taikai.errors import Argument

_CHUNK_ROWS = 50_000


@dataclass(frozen=True)
class Table:
    """A whole file as a frame, with the file line on which each row starts (``None`` for Parquet)."""

    frame: pd.DataFrame
    lines: list[int] | None
    source: str
    format: str
    notes: tuple[Any, ...] = ()
    """A ``DecodeNote`` for each row whose bytes did not all decode cleanly."""
    sheet: str | None = None
    """The name of the sheet read (xlsx)."""
    blank: int = 0
    """The blank lines skipped (a sheet's empty rows, ``,,`` in a CSV): no row of the frame, counted."""


@errors_masked
def read_table(
    path: Path,
    fmt: str | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
    encoding_errors: str = "strict",
    mask_pii: bool = False,
    wanted: Sequence[tuple[object, Argument]] = (),
) -> Table:
    """Read every row of *path*: CSV and TSV cells as text, other formats with their own types.

    *wanted*: the columns read, with their arguments, for a header below a title to be said so (check_header_row);
    given, of an xlsx sheet only they and a ``split`` column are warned of when hidden in Excel
    (:func:`mark_columns_read`).

    A malformed record stops the reading with its file and line (as ``taikai batch --on-bad-lines error`` does);
    with *mask_pii* the error shows the record's text masked. Blank lines are skipped. Rows whose bytes did not
    all decode cleanly (U+FFFD with ``encoding_errors="replace"``, CP932's private-use characters) are in
    ``Table.notes``, and a :class:`~taikai.errors.DataWarning` names them.
    """
    import pandas as pd

    check_file("path", path)
    path = Path(path)
    check_bool("mask_pii", mask_pii)
    fmt = format_of(path, fmt)
    reader = open_reader(path, fmt, encoding, sheet, encoding_errors)
    check_header_row(reader, wanted, path)
    if wanted:  # the command's columns, and a labelled file's split (train and evaluate read it): see mark_columns_read
        mark_columns_read(reader, [*(column for column, _ in wanted), "split"])
    text = fmt in TEXT_FORMATS[:2]
    # CSV and TSV cells are text: each chunk becomes a compact column piece as it is read (Arrow-backed with
    # pandas' ``str``) and its Python strings go; other formats keep their values whole, for pandas to infer one
    # type over each column.
    pieces: list[list[Any]] = [[] for _ in reader.columns]
    lines: list[int] = []
    notes: list[Any] = []
    blank = 0
    for chunk in reader.chunks(_CHUNK_ROWS):
        if chunk.bad:
            # as drift advises (drift/_files.py); the header below a title, whose empty cells the record filled
            hint = record_hint(fmt, chunk.bad[0].kind, reader.columns) + title_above(reader)
            hint += reviews_elsewhere(reader)  # a workbook's cover read as its first sheet: the answers' sheet
            raise bad_line_error(path, chunk.bad[0], hint, mask_pii)
        notes.extend(note for _, note in sorted(chunk.notes.items()))
        for column, values in zip(pieces, chunk.data, strict=True):
            if text:
                column.append(pd.Series(values, dtype="str"))
            else:
                column.extend(values)
        lines.extend(chunk.lines)
        blank += chunk.blank
        del chunk
    frame = pd.DataFrame({name: _column(values, text) for name, values in zip(reader.columns, pieces, strict=True)})
    del pieces
    rows = len(frame)
    if notes:
        warn_decoding(path, notes)
    lines_or_none = lines if len(lines) == rows and fmt != "parquet" else None
    return Table(frame, lines_or_none, str(path), fmt, tuple(notes), getattr(reader, "title", None), blank)


def _column(values: list[Any], text: bool) -> pd.Series:
    """Return one column: the text pieces of a CSV or TSV column joined, or the values of another format's."""
    import pandas as pd

    if not text:
        return _whole_numbers(pd.Series(values, dtype=None if values else "object"), values)
    if not values:
        return pd.Series([], dtype="str")
    joined = pd.concat(values, ignore_index=True) if len(values) > 1 else values[0]
    values.clear()  # the pieces go as soon as they are joined
    return joined


def _whole_numbers(column: pd.Series, values: list[Any]) -> pd.Series:
    """Return *column* (of *values*) as pandas' nullable ``Int64`` when its values are whole numbers (Python ints)
    with some missing, which pandas makes floats (an id or a store code 1 shown as ``1.0``); else as it is."""
    import pandas as pd

    if column.dtype != "float64" or not column.hasnans or not {*map(type, values)} <= {int, type(None)}:
        return column
    try:
        return pd.Series(pd.array(values, dtype="Int64"))
    except OverflowError:  # beyond 64 bits: the floats pandas made
        return column


def warn_decoding(path: Path, notes: list[Any], one_text: bool = False) -> None:
    """Warn (:class:`DataWarning`) about the rows whose bytes did not all decode cleanly, naming their lines; for
    *one_text* (a text given as an argument), about that text, which has no rows."""
    replaced = sum(n.replaced for n in notes)
    private = sum(n.private_use for n in notes)
    shown = cut_list([n.line for n in notes], 10)
    if one_text:
        parts = [f"{replaced:,} undecodable {_plural(replaced, 'byte')} read as U+FFFD"] if replaced else []
        if private:
            characters = _plural(private, "private-use character")
            parts.append(f"{private:,} {characters} (bytes {notes[0].encoding} maps to no real text)")
        message = f"{path} holds {' and '.join(parts)}"
    else:
        parts = [f"{replaced:,} undecodable byte(s) read as U+FFFD"] if replaced else []
        if private:
            parts.append(f"{private:,} private-use character(s) (bytes {notes[0].encoding} maps to no real text)")
        message = f"{path}: {len(notes):,} row(s) hold {' and '.join(parts)}: line(s) {shown}"
    warn_user(message, DataWarning)


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"


ID_COLUMNS = ("review_id", "id")
"""The id columns a predictions file is known to hold; besides them, the ``--id-column`` its batch summary records."""


@errors_masked
def read_predictions(
    path: str | Path,
    encoding: str | None = None,
    encoding_errors: str = "strict",
    mask_pii: bool = False,
    text_columns: Collection[str] = (),
    sheet: str | int | None = None,
) -> pd.DataFrame:
    """Read a predictions file (as ``taikai batch`` or ``predict_frame`` wrote it) for analysis; of an xlsx
    workbook, *sheet* (a name or 1-based number, as ``--sheet``), else the first sheet.

    Text columns are of pandas' ``str`` dtype with empty cells missing (NaN), from every format alike (an empty string
    of Parquet or JSONL too, as a CSV cell cannot tell it from a missing one), as :meth:`taikai.Model.predict_frame`
    gives them. CSV and TSV cells are text: columns of numbers become numbers (the probabilities, counts; whole numbers
    with a blank cell pandas' nullable ``Int64``, as Parquet, JSONL and xlsx give ints with a missing value, not floats:
    a store code 1 is not ``1.0``) and columns of only ``True`` and ``False`` (``rule_conflict``, any case) become
    booleans, as a spreadsheet would read them and as Parquet, JSONL and xlsx give them back; an input column batch
    wrote as text into those (a CSV's ``score``, a 20-digit id) is read as a CSV cell is, so that every output format of
    one run reads back with the same dtypes (``score`` ``float64`` from each), and a column they hold typed keeps its
    type. taikai's own text columns (``status``, ``message``, ``reason``, ``reason_ja``, ``reasons``, ``sentiment``,
    ``rule_names``, ``rule_reasons``, ``model_reason``, under the summary's ``--prefix``) and the reviews' (the
    summary's ``--text-column``, else ``text``) are text whatever they hold. A column of booleans has one dtype from
    every format: ``bool``, or pandas' nullable ``boolean`` where a cell is missing (a row not classified), so that
    ``df[~df.rule_conflict]`` selects the same rows from any file. Every column is typed so except the columns kept as
    written, as ``taikai report`` keeps them, as text (``str``) from every format (a Parquet, JSONL or xlsx column of
    ints too, as a CSV's cells are: ``df.review_id.astype("int64")`` joins them to ints): the id columns
    (:data:`ID_COLUMNS`, every column named as ids are, ``回答ID``, ``ID``, ``response_id``, and the ``--id-column``
    the batch summary beside *path* records), the *text_columns* (a
    column to break down by, such as a store code), and every
    column that holds a number written with a leading zero (``007``, ``01``: codes, whose ``01`` and ``1`` differ) or a
    whole number too long for a float to hold exactly (a 20-digit id), unless the column reads as exact integers
    (``int64``, ``uint64``). The columns keep their names: the readers of predictions give prefixed ones (``batch
    --prefix pred_``) their plain names with :func:`taikai.model.predictions_frame`. With *mask_pii*, a malformed
    record's error shows its text masked. A *sheet* the workbook does not have is an :class:`InputError` naming its
    sheets; *sheet* for a file of another format is refused, as ``taikai batch --sheet`` refuses it. Predictions of a
    trial run (``taikai batch --limit N``, as the summary records it) carry it in ``attrs["taikai_trial_run"]``, so
    that a report, drift check or sheet made of the frame says so. pandas keeps ``attrs`` through a filter, ``loc``,
    ``drop``, ``assign``, ``sort_values``, ``set_index``, ``groupby(...).head`` and ``Model.predict_frame``, but not
    through ``merge``, ``join``, ``pd.concat`` with another frame (or ``axis=1``) nor ``pd.DataFrame(df)``: copy it
    over (``merged.attrs = df.attrs``) before such a frame is reported, checked or sampled.
    """
    import pandas as pd

    check_file("path", path, FileKind.PREDICTIONS)
    chosen = sheet_argument(sheet)  # checked before the file's format is: a bool is refused for a CSV too
    check_bool("mask_pii", mask_pii)
    format_of(Path(path), kind=FileKind.PREDICTIONS)  # a .txt file: said not to be a predictions file
    table = read_table(Path(path), None, encoding, chosen, encoding_errors, mask_pii)
    frame, fmt = table.frame, table.format
    del table
    if frame.empty:  # an empty frame stays as read
        return frame
    keep, recorded = _kept_columns(Path(path), text_columns, frame.columns)
    written = fmt in TEXT_FORMATS[:2]  # CSV and TSV cells are text; the other formats' cells have types
    escaped = (
        recorded is True and written
    )  # batch --excel-safe: an apostrophe before each text Excel reads as a formula
    if recorded is None and written:  # no summary to say whether batch put them there: said, and kept as written
        _warn_unrecorded(Path(path), frame)
    # one column at a time, each text column dropped as its typed one is made: the data is never held three times
    typed: dict[str, pd.Series] = {}
    for name in list(frame.columns):
        column = frame.pop(name)
        if escaped and (column.dtype == object or str(column.dtype) in ("string", "str")):
            column = column.map(unescape_formula, na_action="ignore")
        named = unescape_formula(name) if escaped else name
        typed[named] = typed_column(column, named in keep, written)
        del column
    typed_frame = pd.DataFrame(typed)
    mark_trial_run(typed_frame, Path(path))  # --limit N: the first N rows of the input, said by what reads it
    return typed_frame


def _kept_columns(
    path: Path, text_columns: Collection[str] = (), columns: Collection[object] = ()
) -> tuple[set[str], bool | None]:
    """Return the columns :func:`read_predictions` keeps as text for *path*: the id columns, those of *columns* (the
    file's) named as ids are (``回答ID``, ``ID``: :func:`taikai._column_names.id_like`), the summary's
    ``--id-column``, *text_columns*, and taikai's text columns (:data:`PREDICTED_TEXT`, under the summary's
    ``--prefix``) and the reviews' (the summary's ``--text-column``, else ``text``); and whether the summary says
    batch wrote it ``--excel-safe`` (``None``: no summary of it says)."""
    from taikai.io._run_summary import read_summary

    with warnings.catch_warnings():  # a summary of another output: those that use the summary read it and say so
        warnings.simplefilter("ignore", DataWarning)
        run = read_summary(path)
    recorded = [run.id_column] if run is not None and run.id_column is not None else []
    prefix = run.prefix if run is not None and run.prefix else ""
    texts = [run.text_column if run is not None and run.text_column is not None else "text"]
    predicted = [prefix + name for name in PREDICTED_TEXT]
    return {
        *ID_COLUMNS,
        *(str(c) for c in columns if id_like(str(c))),  # 回答ID: its 1e3 and 1000 are two ids, not one number
        *recorded,
        *map(str, text_columns),
        *texts,
        *predicted,
    }, None if run is None else run.excel_safe


_MARKED = "['=+\\-@\t\r]"
"""The first characters :func:`~taikai.io.escaped_count` looks at: a formula's, or the apostrophe before one."""


def _warn_unrecorded(path: Path, frame: pd.DataFrame) -> None:
    """Warn when the text cells of *frame*, read from the CSV/TSV predictions *path* that no batch summary
    describes, look escaped by ``batch --excel-safe`` (:func:`~taikai.io.unrecorded_escapes`)."""
    from taikai.io._summary_owner import summary_path

    counts = {}
    for name in frame.columns:
        column = frame[name]
        if column.dtype == object or str(column.dtype) in ("string", "str"):  # only a formula's first is looked at
            counts[str(name)] = escaped_count(column[column.str.match(_MARKED, na=False)].tolist())
    said = unrecorded_escapes(path, counts, summary_path(path).name)
    if said is not None:
        warn_user(said, DataWarning)
