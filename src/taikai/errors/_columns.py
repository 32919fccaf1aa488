"""The error of a column not found (:func:`no_column_error`) and the hints that end it: the columns that read as
reviews, a frame's index levels, and the separator of a file read as one column."""

from __future__ import annotations

from collections.abc import Sequence

from taikai._argument_names import Argument
from taikai._column_names import Head, column_meant, listed
from taikai._exceptions import InputError
from taikai.errors._arguments import INPUT_FORMAT, TEXT_COLUMN


def no_column_error(
    missing: Sequence[tuple[object, Argument]],
    columns: Sequence[object],
    source: object = None,
    of: str = "",
    *,
    input_format: bool = False,
    hint: str = "",
    head: Head | None = None,
) -> InputError:
    """Return the error for the columns *missing* (each with the argument that named it) among *columns* of
    *source* (a file, ``<frame>``; ``None``: not named) *of* (`` of sheet 'x'``): the names given and the columns
    there are, what to give to which argument, and whether the file looks read with the wrong separator (see
    :func:`separator_hint`; *input_format*: the caller takes ``input_format=``/``--input-format``); *hint* ends the
    advice (``; or read another sheet with …``). A close name is suggested (``text`` for ``Text``); a name in the file's
    *head* below its first row is said to be a header under a title (see :mod:`taikai._column_names`)."""
    names = list(map(str, columns))
    shown = names if all(isinstance(c, str) for c in columns) else list(columns)  # a frame's int labels as they are
    where = f"{source}: " if source is not None else ""
    sheet = (head is not None and head.unit == "row") or str(source).lower().endswith((".xlsx", ".xlsm"))
    given = " nor ".join(repr(column) + column_meant(str(column), names, sheet) for column, _ in missing)
    arguments = listed([str(argument) for _, argument in missing])
    options = [argument.option for _, argument in missing]
    if len(missing) > 1 and all(options):  # one bracket for all: text_column= and … (--text-column and …)
        names_given = listed([f"{argument.name}=" for _, argument in missing])
        arguments = f"{names_given} ({listed([str(option) for option in options])} on the command line)"
    below = head.title_advice([str(c) for c, _ in missing]) if head is not None else ""
    advice = below or f"; give the right {'ones' if len(missing) > 1 else 'one'} to {arguments}"
    return InputError(
        f"{where}no column {given}; the columns{of} are {shown}{advice}{hint}"
        f"{separator_hint(columns, input_format=input_format, frame=source is None or str(source).startswith('<'))}"
    )


def reviews_hint(reviews: Sequence[str], argument: Argument = TEXT_COLUMN, *, option_only: bool = False) -> str:
    """Return the end of a message that names the columns *reviews* read as reviews (their cells mostly sentences)
    and how to read one with *argument*: ``; '口コミ' reads as reviews: text_column='口コミ' (--text-column '口コミ' on
    the command line)``; with *option_only* (a message of the command line's own) the option alone,
    ``--text-column '口コミ'``; ``""`` for no *reviews*. The one wording of the batch run's error and of a labelled
    file's without a text column."""
    if not reviews:
        return ""
    shell = argument.on_command_line(reviews)
    how = shell if option_only and shell else argument.either(reviews)
    return f"; {' and '.join(map(repr, reviews))} {'reads' if len(reviews) == 1 else 'read'} as reviews: {how}"


def index_hint(names: Sequence[object], index: Sequence[object]) -> str:
    """Return the end of a message that names which of the column *names* not found are levels of a frame's *index*
    (the names of its levels, ``df.index.names``: ``df.set_index("text")`` made one), and how to make them columns
    again; else ``""``."""
    levels = [level for level in index if level is not None]
    held = [name for name in names if name is not None and name in levels]
    if not held:
        return ""
    told, them = ("are", "them columns") if len(held) > 1 else ("is", "it a column")
    return f"; {' and '.join(map(repr, held))} {told} the frame's index: make {them} again with df.reset_index()"


def separator_hint(columns: Sequence[object], *, input_format: bool = False, frame: bool = False) -> str:
    """Return the end of a message that lists the columns, saying what separates the columns of a file read as one
    column whose name holds tabs, semicolons or commas (``. The one column name holds tabs: …``); else ``""``.

    Only remedies the caller takes are named: another name for the file always, ``input_format=`` (``--input-format``)
    only with *input_format*; for a *frame*, reading its file again with the right separator.
    """
    if len(columns) != 1 or not isinstance(columns[0], str):  # a frame's ('a', 'b') or 3 names no line of a file
        return ""
    found = next((kind for kind in _SEPARATORS if kind[0] in columns[0]), None)
    if found is None:
        return ""
    mark, marks, fmt, sep = found
    looks = f". The one column name holds {marks}: the {'frame' if frame else 'file'} looks {sep}"
    if fmt is None:
        return f"{looks}, which taikai does not read; save it as CSV (comma-separated) or as tab-separated text (.tsv)"
    if frame:
        return f"{looks}; read its file with pandas.read_csv(path, sep={mark!r})"
    named = INPUT_FORMAT.current()
    told = f"read it as {fmt.upper()} ({named.name}={fmt!r}, {named.option} {fmt} on the command line) or "
    return f"{looks}; {told if input_format else ''}give it a .{fmt} name"


_SEPARATORS = (
    ("\t", "tabs", "tsv", "tab-separated"),
    (";", "semicolons", None, "semicolon-separated"),
    (",", "commas", "csv", "comma-separated"),
)
"""What may separate the columns of a file read as one column: the mark, named, its format and how it looks."""
