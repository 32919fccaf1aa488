"""What ``--mask-pii`` masks in the predictions before the report reads them: every text of the input the page
quotes, counts words of or shows beside a review (the text column, the ``--by`` values, the date column's values
that are no dates), and the names of the files the page shows; the id column is shown as written, to find the row
by."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from taikai.analysis._report._by_names import mask_whole_names
from taikai.analysis._report._masked_segments import number_masked
from taikai.io import TrialRun, read_date_column
from taikai.privacy import PiiKind, mask_pii, mask_text_column, sum_counts


def mask_report_frame(
    df: Any, text_column: str, by: str | None, date_column: str | None = None
) -> tuple[Any, dict[str, int]]:
    """Mask personal data in the text column, in the *by* column's text and in the values of *date_column* that
    do not read as dates; return the frame and the masks per kind.

    Those are the columns whose values the page quotes, counts words of, or shows beside each review (a date cell
    ``田中一郎さんに連絡`` is shown as it is: it is no date); the dates themselves, the id column and columns of
    numbers are left as they are. A *by* value that is a person's name as a whole is masked as a name
    (:func:`mask_whole_names`: ``佐藤``, ``Taro Yamada``). Distinct values of *by* masked alike are numbered
    (:func:`number_masked`: ``[人名1]``, ``[人名2]``, … in order of first appearance), so that the segments are
    those of the unmasked column.
    """

    counts: list[dict[PiiKind, int]] = []
    wanted = dict.fromkeys(c for c in (text_column, by) if c and c in df.columns)
    for column in (c for c in wanted if _holds_text(df[c].dtype)):
        original = df[column]
        df, per_row = mask_text_column(df, column)
        counts += per_row
        if column == by and by != text_column:  # a bare name in a cell has no context masking can find it by
            named, found = mask_whole_names(original, df[column])
            counts += [{PiiKind.NAME: found}] if found else []
            df[column] = number_masked(original, named)
    if date_column is not None and date_column not in wanted and date_column in df.columns:
        df, per_row = _mask_unread_dates(df, date_column)
        counts += per_row
    return df, sum_counts(counts)


_EXTENSION = re.compile(r"(?:\.(?:summary|bad_lines))?\.[A-Za-z0-9]{1,8}(?:/_taikai\.json)?$")
"""The end of a file name the page shows that is no one's data: its extension, with the ``.summary`` or
``.bad_lines`` of batch's files before it and a Dask output folder's ``/_taikai.json`` after it."""


def mask_file_name(name: str) -> tuple[str, dict[PiiKind, int]]:
    """Mask personal data in the file name *name* the page shows (its title, its header, the batch summary's and
    the bad lines' files): ``佐藤花子様_10月.csv`` as ``[人名]様_10月.csv``; return it with the masks per kind.

    The name is masked without its extension (:data:`_EXTENSION`), so that an address before it
    (``tanaka@example.com.csv``) is found whole without taking the extension with it, and a summary's name
    (``佐藤花子様_10月.summary.json``) reads as its predictions file's; a name without personal data comes back as
    it is."""
    found = _EXTENSION.search(name)
    stem = name[: found.start()] if found is not None else name
    masked = mask_pii(stem)
    if not masked.spans:
        return name, {}
    return masked.text + name[len(stem) :], masked.counts()


def mask_file_names(
    source: str, summary_file: str, trial: TrialRun | None, masks: dict[str, int]
) -> tuple[str, str, TrialRun | None, dict[str, int]]:
    """Mask the names the page shows of the predictions file *source*, of its batch summary *summary_file* and of
    the input of its *trial* run (:func:`mask_file_name`); return them with *masks* counting what was masked in
    the file names (the summary's name is the predictions file's, masked alike, and counted once)."""
    source, found = mask_file_name(source)
    counts = [found]
    if trial is not None and trial.input:
        shown, found = mask_file_name(trial.input)
        trial, counts = replace(trial, input=shown), [*counts, found]
    total = Counter(masks) + Counter(sum_counts(counts))
    return source, mask_file_name(summary_file)[0], trial, dict(total)


def _holds_text(dtype: Any) -> bool:
    """Whether a column of *dtype* may hold texts: strings, objects, or categories (a frame's text column
    ``astype("category")``, a Parquet dictionary column), whose categories are masked as values are."""
    import pandas as pd

    return pd.api.types.is_string_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype)


def _mask_unread_dates(df: Any, column: str) -> tuple[Any, list[dict[PiiKind, int]]]:
    """Mask the texts of the date column *column* that do not read as dates (as the page reads the column)."""
    import pandas as pd

    values = df[column]
    texts = values.map(lambda v: isinstance(v, str) and bool(v.strip())).to_numpy(dtype=bool)
    unread = texts & read_date_column(values, column).read.isna().to_numpy(dtype=bool)
    if not unread.any():
        return df, []
    masked, counts = mask_text_column(df.loc[unread, [column]], column)
    shown = values.astype(object).where(~unread, masked[column].astype(object))
    out = df.copy(deep=False)
    out[column] = shown.astype(values.dtype) if pd.api.types.is_string_dtype(values.dtype) else shown
    return out, counts
