"""The checks of what :class:`~taikai.Model` is given: its pipeline, the texts to classify, and the frame and its
column that holds them. A wrong argument is refused here, naming it, rather than classified piece by piece."""

from __future__ import annotations

import os
import sys
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from taikai._column_names import Head, no_label
from taikai.errors import Argument, InputError, ModelError, index_hint, no_column_error, wrong_type
from taikai.text import is_missing

if TYPE_CHECKING:
    import pandas as pd

TEXTS = "a str or an iterable of texts (a list, a pandas Series, …)"
"""What :meth:`~taikai.Model.predict` and :meth:`~taikai.Model.classify` take."""


def masked_values(values: list[object]) -> list[object]:
    """Return *values* with personal data in their strings replaced by placeholders (``mask_pii=True``), as one run:
    a name found in one of them is masked in all."""
    from taikai.privacy import default_masker  # its finders compile on import: only masking needs them

    return default_masker().mask_values(values, run=True)[0]


def series_index(values: object) -> pd.Index | None:
    """Return the index of *values* if it is a pandas Series, whose rows :class:`~taikai.Classified` keeps on their
    labels; else ``None`` (a list, a tuple, an array, a pandas Index, …: rows 0 to n-1)."""
    pandas = sys.modules.get("pandas")  # not imported: *values* cannot be a Series, and classifying needs no pandas
    if pandas is None or not isinstance(values, pandas.Series):
        return None
    index: pd.Index = values.index
    return index


def text_values(name: str, values: object) -> list[object]:
    """Return the texts of argument *name* as a list: a str is one text, and so is a missing value (``None``,
    NaN, ``pandas.NA``, ``pandas.NaT``: one text of status ``empty``, as in a list); an iterable gives one text per
    item (a pyarrow array its values, as Python gives them: a str, or ``None`` for a null).

    Refuse with ``TypeError`` what would be classified piece by piece: bytes (byte by byte), a data frame (its
    column names), a mapping (its keys), an array of more than one dimension (its rows), and a non-iterable; and a
    set, whose rows would come in no order the caller knows, and a file's path (classify_file reads a file).
    """
    if isinstance(values, str) or is_missing(values):  # a Series' missing cell, as series.map(...) passes it
        return [values]
    if isinstance(values, list):
        return values
    if isinstance(values, bytes | bytearray | memoryview):
        raise TypeError(f"{wrong_type(name, values, TEXTS)}: decode them first (.decode('utf-8'), or .decode('cp932'))")
    if hasattr(values, "columns"):  # a pandas, Polars or Dask DataFrame: iterating gives its column names
        raise TypeError(
            f"{wrong_type(name, values, TEXTS)}: classify a frame with model.predict_frame(df, text_column=…), "
            "or pass its text column (df['text'])"
        )
    if isinstance(values, Mapping):
        raise TypeError(f"{wrong_type(name, values, TEXTS)}: pass its values (list(d.values())) or its keys")
    to_pylist = getattr(values, "to_pylist", None)
    if callable(to_pylist):  # a pyarrow array: iterating it gives pyarrow scalars, not a str or None
        return list(to_pylist())
    if isinstance(values, set | frozenset):  # its order is Python's (d.keys() keeps d's): no row is told its text
        raise TypeError(f"{wrong_type(name, values, TEXTS)}: a set has no order; pass a list of its texts (sorted(s))")
    if isinstance(values, os.PathLike):  # a file's path: iterating gives nothing or its path's parts
        raise TypeError(
            f"{wrong_type(name, values, TEXTS)}: classify a file with taikai.classify_file(path, out), or read it "
            "with taikai.io.read_table(path).frame and pass its text column"
        )
    if getattr(values, "ndim", 1) != 1:
        raise TypeError(f"{wrong_type(name, values, TEXTS)}: pass a one-dimensional array (one text per item)")
    if not isinstance(values, Iterable):
        raise wrong_type(name, values, TEXTS)
    return list(values)


def find_column(
    columns: Iterable[Hashable],
    name: object,
    told: Argument,
    *,
    source: object = None,
    shown: Sequence[object] | None = None,
    input_format: bool = False,
    of: str = "",
    hint: str = "",
    head: Head | None = None,
    index: Sequence[Hashable] = (),
) -> Hashable:
    """Return the label of *columns* that argument *name* names: the label itself (``3`` for a frame read with
    ``header=None``), else the one label written as *name* (``"3"``); raise :class:`InputError` naming the
    argument *told* (with its command-line option, see :class:`~taikai.errors.Argument`), *source* (a file,
    ``<frame>``) and the labels (or *shown*: the columns as the file names them) when there is none (the error may
    suggest ``input_format=`` with *input_format*: the caller takes it; *of* and *hint*: the sheet read and how to
    read another, and *head*: the file's first rows, whose header may be below a title, see
    :func:`~taikai.errors.no_column_error`); a *name* among *index*, the names of a frame's index levels
    (``df.set_index("posted_at")``), is said to be the index, and how to make it a column again."""
    labels = list(columns)
    if not isinstance(name, Hashable) or isinstance(name, bool) or no_label(name):
        raise wrong_type(told.name, name, "a column label (a str, or an int for a frame read with header=None)")
    found = _named(labels, name)
    if len(found) == 1:
        return found[0]
    if found:  # pandas allows duplicate labels: the column would be a frame
        raise InputError(
            f"{len(found)} columns are named {name!r} ({found!r}); rename them so that {told.name}= names one column"
        )
    hint += index_hint([name], index)
    raise no_column_error(
        [(name, told)], labels if shown is None else shown, source, of, input_format=input_format, hint=hint, head=head
    )


def _named(labels: list[Hashable], name: Hashable) -> list[Hashable]:
    """The labels *name* names: itself, else the ones written as it (``3`` for ``"3"``, ``"3"`` for ``3``)."""
    found = [label for label in labels if label == name and not isinstance(label, bool)]
    return found or [label for label in labels if str(label) == str(name)]


def column_label(columns: Iterable[Hashable], name: Hashable | None) -> Hashable | None:
    """Return the label of *columns* that *name* names as :func:`find_column` finds it (``0`` for ``"0"``: a frame
    read with ``header=None``), else *name* as it is (``None``, a bool, a column not there or named twice: the
    caller checks the columns and says what is wrong), so that every function taking column names reads them
    alike."""
    if name is None or isinstance(name, bool) or not isinstance(name, Hashable) or no_label(name):
        return name
    found = _named(list(columns), name)
    return found[0] if len(found) == 1 else name


_PIPELINE = "a taikai pipeline (normalize, features, classify), as taikai.train fits and taikai.load_model loads"


def fitted_classifier(pipeline: object) -> Any:
    """Return the heads of *pipeline*; refuse what is not a taikai pipeline, or one not fitted, saying what
    :class:`~taikai.Model` wants."""
    steps = getattr(pipeline, "named_steps", None)
    if not isinstance(steps, Mapping) or list(steps) != ["normalize", "features", "classify"]:
        raise wrong_type("pipeline", pipeline, _PIPELINE)
    classifier = steps["classify"]
    if not hasattr(classifier, "reason_classes_"):
        raise ModelError(
            "the pipeline is not fitted: train it (taikai.train(data), or pipeline.fit(texts, labels)), or load a "
            "trained model with taikai.load_model(path)"
        )
    return classifier


_FRAME_OF_SERIES = 'series.to_frame("text")'
_READ_FRAME = "taikai.io.read_table(path).frame"


def not_a_frame(df: object) -> TypeError:
    """Return the error of :meth:`~taikai.Model.predict_frame` given *df*, not a data frame: what to pass instead."""
    import pandas as pd

    error = wrong_type("df", df, "a pandas DataFrame")
    if isinstance(df, pd.Series):
        return TypeError(
            f"{error}: classify a Series of texts with model.classify(series) (its .to_frame() is on the Series' "
            f"index), or pass {_FRAME_OF_SERIES}"
        )
    if isinstance(getattr(df, "frame", None), pd.DataFrame):  # a taikai.io.Table, which this layer cannot import
        return TypeError(f"{error}: pass its frame (table.frame)")
    if hasattr(df, "columns"):  # a frame of another library (Dask, Polars, pyarrow): the error says how to convert it
        return error
    if isinstance(df, Mapping):  # columns by name: {'text': [...]}
        return TypeError(f"{error}: pass it as a frame, pd.DataFrame(d)")
    if isinstance(df, Iterable) and not isinstance(df, str | bytes | bytearray | os.PathLike):
        # texts (a list, a tuple, an array, a generator): not a file to read
        return TypeError(
            f"{error}: classify texts with model.classify(texts) (its .to_frame() gives the columns, rows 0 to "
            "n-1), or pass a frame of them: pd.DataFrame({'text': texts})"
        )
    return TypeError(f"{error}: read a file with {_READ_FRAME}, or classify it with taikai.classify_file")
