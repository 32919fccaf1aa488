"""Check a path given to a function or option before anything is read: an empty one (``Path("")`` would be the
current folder, read as ``.: is a directory``) is said to be empty, and a file given to an option (``exclude``,
``add``, ``reference``) that is standard input, a pipe, a folder or missing is said to be what it is, as the main
input is, named as given to that option."""

from __future__ import annotations

import os
from pathlib import Path

from taikai.errors import Argument, InputError, missing_path_hint, unexpanded_home, wrong_type
from taikai.io._paths import STDIN, check_regular_file
from taikai.text import empty_or_blank


def check_not_empty(value: object, named: str, give: str, option: Argument | None = None) -> None:
    """Raise :class:`InputError` when *value*, given as *named* (``data``, ``item 2 of add=``) to *option*, if any,
    is an empty or blank string, saying so and what to *give* (``give the path of …``) instead of reading the
    current folder: ``add is empty (add= (--add on the command line)); give …``."""
    said = empty_or_blank(value)
    if said is not None:
        raise InputError(f"{named} is {said}{f' ({option})' if option else ''}; {give}")


def check_labelled_data(data: object) -> None:
    """Raise ``TypeError`` unless *data*, the labelled data given to ``train``, ``evaluate`` or ``evaluate_rules``, is
    a path (a str or ``pathlib.Path``) or a pandas DataFrame, and :class:`InputError` when it is an empty or blank
    string (:func:`check_not_empty`), which would read the current folder."""
    import pandas as pd

    if not isinstance(data, str | Path | pd.DataFrame):
        raise wrong_type("data", data, "the path of a labelled file (str or pathlib.Path), or a pandas DataFrame")
    check_not_empty(
        data, "data", "give the path of a labelled data file (CSV, TSV, JSONL, Parquet or xlsx), or a pandas DataFrame"
    )


def check_given_file(
    item: str | Path,
    option: Argument,
    give: str,
    position: int | None = None,
    *,
    tables: bool = True,
    format_option: Argument | None = None,
) -> None:
    """Raise :class:`InputError` unless *item*, given to *option* (at *position* of its list, from 0, said from 1;
    ``None``: the option is that one path), is a file to read, saying what to *give* instead (``give the labelled
    files … by their paths``): an empty or blank string (``item 2 of add= (…) is empty``), ``-`` (standard input),
    a pipe or a device, a folder (a model's said to be one) and a missing file, each named as given (``x.csv, given
    to add= …``).
    A Dask engine's output folder passes: it is read as the one file of its parts (``taikai.io.PartsReader``).
    *tables*: the option's files are read by their extension, so a ``.txt`` file is said to be no table (not with
    the main input's advice to classify its lines); ``False`` when the format of *item* was named. *format_option*:
    the argument that names it (``reference_input_format``), which a ``.txt`` table is told to be read with, as a
    workbook named ``.txt`` is; ``None``: the option takes none, so they are told to be renamed.
    """
    from taikai.io._formats import format_of

    if position is None:
        check_not_empty(item, option.current().name, give, option)
    else:  # counted from 1, as a person counts the files given
        check_not_empty(item, f"item {position + 1} of {option}", give)
    path = Path(item)
    given = f"{item}, given to {option}"
    if str(item) == STDIN and not os.path.lexists(path):  # a file named - in the folder is read as one
        raise InputError(f"{given}: standard input is not read here; {give}")
    try:
        check_regular_file(path)
        if path.is_dir():
            format_of(path)  # the folder error of every data file read (a model's said to be one); parts pass
    except InputError as error:  # said of the path alone, as of the main input: named as given to the option
        raise InputError(f"{given}: {str(error).removeprefix(f'{path}: ')}") from None
    if not os.path.exists(path):
        hint = missing_path_hint(path)  # the name meant, a folder missing; a ~ not expanded says what to do itself
        raise InputError(f"{given}: no such file{hint if unexpanded_home(path) else f'{hint}; {give}'}")
    if tables and path.suffix.lower() == ".txt":  # said of this option, not with the main input's advice
        _refuse_text_file(path, given, give, format_option)


def _refuse_text_file(path: Path, given: str, give: str, format_option: Argument | None) -> None:
    """Raise :class:`InputError` for the ``.txt`` file *path*, *given* to an option whose files are tables: a
    workbook or Parquet file of that name is said to be one, any other what the option takes (*give*); both are
    told to name their format with *format_option*, if any, else to be renamed."""
    from taikai.io._sniff import misread_error

    misread = misread_error(path, "txt", format_option)
    if misread is not None:
        raise InputError(f"{given}: {str(misread).removeprefix(f'{path} ')}") from None
    rename = "give it the extension .csv or .tsv"
    table = f"name its format with {format_option}: csv or tsv" if format_option else rename
    raise InputError(
        f"{given}: a .txt file is plain text, not one of the tables read here (CSV, TSV, xlsx, JSONL, Parquet): "
        f"{give}; if it holds a table (a header, then one row per line), {table}"
    )
