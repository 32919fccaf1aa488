"""The exceptions with a message for the user (what went wrong, what to do; defined in :mod:`taikai._exceptions`
and re-exported here, their public path), the arguments messages name, and the argument checks that raise them."""

from __future__ import annotations

import numbers
import os
from collections.abc import Collection, Hashable, Sequence
from enum import Enum
from typing import TypeVar

from taikai._argument_names import Argument as Argument
from taikai._argument_names import named_as as named_as
from taikai._column_names import Head, column_meant, listed, no_label
from taikai._exceptions import DataWarning as DataWarning
from taikai._exceptions import InputError as InputError
from taikai._exceptions import MissingExtraError as MissingExtraError
from taikai._exceptions import ModelError as ModelError
from taikai._exceptions import ModelNotFoundError as ModelNotFoundError
from taikai._exceptions import RulesError as RulesError
from taikai._exceptions import TaikaiError as TaikaiError
from taikai._exceptions import UnknownRuleLabelError as UnknownRuleLabelError
from taikai._freq import FREQ_SPELLINGS as FREQ_SPELLINGS
from taikai._freq import canonical_freq

E = TypeVar("E", bound=Enum)

TEXT_COLUMN = Argument("text_column", "--text-column")
ID_COLUMN = Argument("id_column", "--id-column")
REASONS_COLUMN = Argument("reasons_column", "--reasons-column")
SENTIMENT_COLUMN = Argument("sentiment_column", "--sentiment-column")
DATE_COLUMN = Argument("date_column", "--date-column")
SPLIT = Argument("split", "--split")
REFIT_ALL = Argument("refit_all", "--refit-all")
ENCODING = Argument("encoding", "--encoding")
OUTPUT_ENCODING = Argument("output_encoding", "--output-encoding")
EXCEL_SAFE = Argument("excel_safe", "--excel-safe")
ENCODING_ERRORS = Argument("encoding_errors", "--encoding-errors")
INPUT_FORMAT = Argument("input_format", "--input-format")
OUTPUT_FORMAT = Argument("output_format", "--output-format")
SHEET = Argument("sheet", "--sheet")
REFERENCE_ENCODING = Argument("reference_encoding", "--reference-encoding")
REFERENCE_INPUT_FORMAT = Argument("reference_input_format", "--reference-input-format")
REFERENCE_SHEET = Argument("reference_sheet", "--reference-sheet")
RESUME = Argument("resume", "--resume")
ON_BAD_LINES = Argument("on_bad_lines", "--on-bad-lines")
PARTITIONS = Argument("partitions", "--partitions")
PREFIX = Argument("prefix", "--prefix")
ADD = Argument("add", "--add")
EXCLUDE = Argument("exclude", "--exclude")
ON_BAD_ROWS = Argument("on_bad_rows", "--on-bad-rows")
MODEL = Argument("model", "--model")
FREQ = Argument("freq", "--freq")
TZ = Argument("tz", "--tz")
TOP = Argument("top", "--top")
NO_SENTIMENT = Argument("sentiment_column", "--no-sentiment")
"""Data without sentiment: ``NO_SENTIMENT.given(None)`` names ``sentiment_column=None`` and ``--no-sentiment``."""
FREE_LABELS = Argument("free_labels", "--free-labels")
OVERWRITE = Argument("overwrite", "--force")
DASK_ENGINE = "the Dask engine (taikai.dask.classify_files in Python, --engine dask on the command line)"
"""How messages name the Dask engine to a Python user (its own function) and on the command line (an option)."""


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
    """Say which columns *reviews* read as reviews (their cells mostly sentences) and how to read one with
    *argument*: ``; '口コミ' reads as reviews: text_column='口コミ' (--text-column '口コミ' on the command line)``;
    with *option_only* (a message of the command line's own) the option alone, ``--text-column '口コミ'``; ``""``
    for no *reviews*. The one wording of the batch run's error and of a labelled file's without a text column."""
    if not reviews:
        return ""
    shell = argument.on_command_line(reviews)
    how = shell if option_only and shell else argument.either(reviews)
    return f"; {' and '.join(map(repr, reviews))} {'reads' if len(reviews) == 1 else 'read'} as reviews: {how}"


def index_hint(names: Sequence[object], index: Sequence[object]) -> str:
    """Say which of the column *names* not found are levels of a frame's *index* (the names of its levels,
    ``df.index.names``: ``df.set_index("text")`` made one), and how to make them columns again; else ``""``."""
    levels = [level for level in index if level is not None]
    held = [name for name in names if name is not None and name in levels]
    if not held:
        return ""
    told, them = ("are", "them columns") if len(held) > 1 else ("is", "it a column")
    return f"; {' and '.join(map(repr, held))} {told} the frame's index: make {them} again with df.reset_index()"


def separator_hint(columns: Sequence[object], *, input_format: bool = False, frame: bool = False) -> str:
    """Say what separates the columns of a file read as one column whose name holds tabs, semicolons or commas
    (``. The one column name holds tabs: …``), or ``""``; for the end of a message that lists the columns.

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


def wrong_type(name: str, value: object, accepted: str) -> TypeError:
    """Return the error of a public function given *value*, of a type it does not take, for argument *name*."""
    shown = repr(value)
    if value is None:
        given = "None"
    elif len(shown) > 60 or "\n" in shown:  # a frame or another large object: its type says enough
        given = f"a {type(value).__name__}"
    elif shown.startswith(f"{type(value).__name__}("):  # PosixPath('a.csv'): its repr names its type already
        given = shown
    else:
        given = f"{type(value).__name__} {shown}"
    return TypeError(f"{name} must be {accepted}, not {given}")


def check_str(name: object, value: object, accepted: str, *, none: bool = False) -> str | None:
    """Return *value*, given to argument *name* (a str or an :class:`Argument`), if it is a str (or ``None`` when
    *none*); else raise :func:`wrong_type`'s ``TypeError`` saying it takes *accepted*: checked before *value* is
    compared, so that a pandas Series or ``pd.NA`` is not met by pandas' "truth value … is ambiguous"."""
    if isinstance(value, str) or (none and value is None):
        return value
    raise wrong_type(name.current().name if isinstance(name, Argument) else str(name), value, accepted)


def as_int(value: object) -> int | None:
    """Return *value* as an int if it is a Python or numpy integer (not a bool), else ``None``."""
    return int(value) if isinstance(value, numbers.Integral) and not isinstance(value, bool) else None


def as_float(value: object) -> float | None:
    """Return *value* as a float if it is a Python or numpy real number (not a bool), else ``None``."""
    return float(value) if isinstance(value, numbers.Real) and not isinstance(value, bool) else None


def check_int(name: str, value: object, least: int | None = None, most: int | None = None) -> int:
    """Return argument *name* if it is an int (not a bool; a numpy integer as a Python int) of at least *least* and
    at most *most*; else raise ``TypeError`` or :class:`InputError` naming it, what was given and what is accepted."""
    checked = as_int(value)
    if checked is None:
        raise wrong_type(name, value, "an int")
    if least is not None and most is not None and not least <= checked <= most:
        raise InputError(f"{name} must be from {least} to {most:,}, not {checked:,}")
    if least is not None and checked < least:
        raise InputError(f"{name} must be at least {least}, not {checked}")
    if most is not None and checked > most:
        raise InputError(f"{name} must be at most {most}, not {checked}")
    return checked


def check_at_least(argument: Argument, value: object, least: int) -> int:
    """Return *value* if it is an int (:func:`check_int`) of at least *least*; else raise naming the argument and its
    option, which refuses such a value alike: ``top=0 (--top on the command line) must be at least 1``."""
    checked = check_int(argument.name, value)
    if checked < least:
        raise InputError(f"{argument.given(value)} must be at least {least}")
    return checked


def check_bool(name: str, value: object) -> bool:
    """Return argument *name* if it is a bool (``True`` or ``False``); else raise ``TypeError`` naming it and what was
    given: a flag given ``'no'`` or ``0`` must not be read as its truth value (``'no'`` would turn it on)."""
    import numpy as np

    if not isinstance(value, bool | np.bool_):
        raise wrong_type(name, value, "a bool (True or False)")
    return bool(value)


def check_label_columns(text_column: object, reasons_column: object, sentiment_column: object) -> None:
    """Raise ``TypeError`` naming the argument unless each names a column of labelled data: a column label (not
    ``None``, a bool or a list), ``sentiment_column`` also ``None`` (data without sentiment)."""
    label = "a column label (a str, or an int for a frame read with header=None)"
    for argument, value in ((TEXT_COLUMN, text_column), (REASONS_COLUMN, reasons_column)):
        if value is None or isinstance(value, bool) or not isinstance(value, Hashable) or no_label(value):
            raise wrong_type(argument.name, value, label)
    if isinstance(sentiment_column, bool) or not isinstance(sentiment_column, Hashable) or no_label(sentiment_column):
        raise wrong_type(SENTIMENT_COLUMN.name, sentiment_column, f"{label}, or None for data without sentiment")


def check_path(name: str, value: object) -> None:
    """Raise ``TypeError`` naming argument *name* unless *value* is a path (a str or ``os.PathLike``), and
    :class:`InputError` for one under a ``~`` that is not there (see :func:`unexpanded_home`): not a folder ``~``
    made in the current one."""
    if not isinstance(value, str | os.PathLike):
        raise wrong_type(name, value, "a str or pathlib.Path")
    hint = unexpanded_home(value)
    if hint:
        raise InputError(f"{name}={os.fspath(value)!r} begins with ~, which is not expanded{hint}")


def unexpanded_home(path: object) -> str:
    """Return how to give a *path* that begins with ``~`` (``~/m``, ``~user/m``) when no such file or folder is in
    the current one: taikai, as Python's ``open`` and ``pathlib``, reads ``~`` as it is (the shell expands an
    unquoted one on the command line); ``""`` for any other path."""
    text = os.fspath(path) if isinstance(path, str | os.PathLike) else ""
    if not isinstance(text, str) or not text.startswith("~") or os.path.lexists(text.split(os.sep, 1)[0]):
        return ""
    if os.path.expanduser(text) == text:  # no home of that name: ~$dump.csv, Excel's lock of dump.csv
        return ""
    return (
        f" (taikai, as Python's open and pathlib, reads a path as it is; a shell expands an unquoted ~): give the "
        f"full path, or in Python Path({text!r}).expanduser() for the path in your home folder"
    )


def check_freq(freq: object, name: object = "freq") -> str:
    """Return the period length *freq* (a pandas spelling or offset, given to argument *name*) as taikai writes it,
    ``M``, ``W``, ``Q``, ``Y`` or a fiscal ``Q-MAR``/``Y-MAR`` (:func:`taikai._freq.canonical_freq`); else raise
    :class:`InputError` listing them (``W-MON`` is no ISO week, as ``2026-W12`` is); a non-str ``TypeError``."""
    if (read := canonical_freq(freq)) is not None:
        return read
    listed = (
        "one of M (months; pandas' ME or MS alike), W (weeks, Monday to Sunday; pandas' W-SUN alike), Q (quarters; "
        "QE, QS alike) or Y (years; YE, YS alike), or a quarter or year of a fiscal year ending in another month "
        "(Q-MAR, Y-MAR: from April, as 年度)"
    )
    weeks = str(check_str(name, getattr(freq, "freqstr", freq), listed)).upper().startswith("W-")  # a list: TypeError
    why = ": taikai's weeks run Monday to Sunday (ISO weeks, named 2026-W12)" if weeks else ""
    raise InputError(f"{name} must be {listed}, not {freq!r}{why}")


def period_freq(freq: object, date_column: object, name: object = "freq") -> str:
    """Return the period length *freq* of a *date_column* (``None``: ``M``, months) as :func:`check_freq` writes it;
    refuse one given without a *date_column*, which has no periods for it to set (the command line refuses
    ``--freq`` without ``--date-column`` alike)."""
    if freq is None:
        return "M"
    if date_column is None:
        raise InputError(f"{FREQ.either([freq])} applies to periods: give the column of dates with {DATE_COLUMN}")
    return check_freq(freq, name)


def check_choice(name: object, value: object, choices: Collection[str]) -> str:
    """Return *value*, given to argument *name* (a str or an :class:`Argument`), if it is one of *choices*; else
    raise :class:`InputError` naming the argument, the choices (``one of ja, en``, as every such message lists them)
    and what was given; a non-str (a list, a Series, ``pd.NA``) is :func:`check_str`'s ``TypeError``."""
    if isinstance(value, str) and value in choices:
        return value
    check_str(name, value, f"one of {', '.join(choices)}")  # not Python's "unhashable type", nor a Series' repr
    raise InputError(f"{name} must be one of {', '.join(choices)}, not {value!r}")


def parse_choice(kind: type[E], name: str, value: object) -> E:
    """Return *value* as a member of the str enum *kind* (given as one or as its value); else raise
    :class:`InputError` naming argument *name*, what was given and the choices (a non-str: ``TypeError``, as above)."""
    check_str(name, value, f"one of {', '.join(str(m.value) for m in kind)}")  # a member is a str
    try:
        return kind(value)
    except ValueError:
        raise InputError(f"{name} must be one of {', '.join(str(m.value) for m in kind)}, not {value!r}") from None
