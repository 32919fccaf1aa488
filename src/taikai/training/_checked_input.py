"""Read and check one labelled input of training, the base data or a file of ``--add``: by its columns (an added
file's may be named the standard way, and may lack a sentiment column), against the labels it may use, renamed as
the base data's columns are so that the rows can be put together, with its name and sha256 for the metadata."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd  # loaded with taikai.training already (its _cv): the alias below is a type at run time

from taikai.errors import ID_COLUMN, REASONS_COLUMN, SENTIMENT_COLUMN, TEXT_COLUMN, InputError, no_column_error
from taikai.io import LabelledTable, OnBadRows, check_labelled, read_labelled_file, unescape_sheet
from taikai.model import sha256_file
from taikai.training._columns import ADDED_COLUMNS_HINT, Columns, labels_renamed, unfilled_sheet
from taikai.training._cv import frame_sha256
from taikai.training._label_forms import warn_nfkc_changes

LabelledData: TypeAlias = str | Path | pd.DataFrame
"""What ``train`` reads as its *data* and each of its *add*: the path of a labelled file (CSV, TSV, JSONL, Parquet
or xlsx with text, reasons and sentiment) or a labelled pandas DataFrame."""


def read_checked(
    data: LabelledData,
    columns: Columns,
    encoding: str | None,
    on_bad_rows: OnBadRows,
    skip_blank: bool = False,
    known: tuple[Collection[str] | None, Collection[str] | None] = (None, None),
    encoding_errors: str = "strict",
    sheet: str | int | None = None,
    unknown_hint: str = "",
    far_hint: str = "",
    frame_name: str = "<frame>",
    ids: Hashable | None = None,
    find_ids: bool = False,
) -> tuple[LabelledTable, str, str, bool, Hashable | None]:
    """Return the checked table of *data*, its name for the metadata, its sha256, and whether it is an added file
    without a sentiment column. An added file (*skip_blank*) may name its columns the standard way instead (see
    :meth:`Columns.found_in`), and may have no sentiment column (a ``taikai suggest`` sheet of a model without a
    sentiment head): its rows are coded with reasons only, sentiment ``""``. *unknown_hint* ends the error about
    a label outside *known* (see ``check_labelled``); *far_hint* ends it when such a label is close to no known
    one (a category of one's own rather than a typo). *frame_name* names a DataFrame *data* (``<frame 2 of add>``).
    *ids*: the id column naming each row in messages, where *data* has it (see :func:`check_id_column`). With
    *find_ids* (no id column given), *ids* is the one found in an earlier file, taken where *data* holds it and its
    values name the rows; ``None``: the first column named as ids are whose values name the rows
    (:func:`taikai.io.id_column_by_name`, as ``evaluate`` and ``suggest`` find it). Returned last: the label of
    *data*'s column that names its rows (``None``: none)."""
    import pandas as pd

    options: dict[str, Any] = {
        "on_bad_rows": on_bad_rows,
        "skip_blank": skip_blank,
        "known_reasons": known[0],
        "known_sentiments": known[1],
        "free_labels_hint": not skip_blank,  # the base data may use labels of its own; added files may not
        "unknown_hint": unknown_hint,
        "check_split": not skip_blank,  # the base data's split column decides the test rows; added rows all train
        "sentiment_only_hint": not skip_blank,  # data of sentiments alone: said how to train them, as labels
        **({"free_labels_hint": None, "free_labels_advice": far_hint} if far_hint else {}),
        "reasons_only": True,  # a row coded with reasons only trains the reason head (sentiment "")
        "sentiments_only": True,  # a row coded with a sentiment only trains the sentiment head (primary "")
        "unread_sentiment": None if columns.sentiment else "sentiment",  # --no-sentiment: such a row trains nothing
    }
    if not skip_blank:  # the base data: labels of one's own (free labels) are kept as written
        options |= {"reasons_as_written": known[0] is None, "sentiments_as_written": known[1] is None}
    if isinstance(data, pd.DataFrame):
        if sheet is not None:
            raise InputError("sheet= applies to an xlsx file of data, not to a DataFrame; leave it out")
        # a suggest sheet read with pandas: its formula escapes are taken off, as of the same CSV file
        frame, source, lines, name, read = unescape_sheet(data), frame_name, None, frame_name, None
    else:
        path = Path(data)
        wanted = [] if skip_blank else list(zip(columns.labelled(), (TEXT_COLUMN, REASONS_COLUMN, SENTIMENT_COLUMN)))
        table = read_labelled_file(path, encoding=encoding, encoding_errors=encoding_errors, sheet=sheet, wanted=wanted)
        frame, source, lines, name, read = table.frame, table.source, table.lines, str(path), table.sheet
        options["blank_lines"] = table.blank  # a sheet's empty rows: counted with the rows without any label
    names = [str(c).strip() for c in frame.columns]
    mine = (columns.found_in(names) if skip_blank else columns).resolved(frame.columns)  # "0" is header=None's 0
    fill = [c for c in (mine.reasons, mine.sentiment) if c is not None]
    if skip_blank and "model_reason" in names and not any(str(c) in names for c in fill) and not labels_renamed(names):
        raise InputError(unfilled_sheet(name, len(frame), columns))  # Suggestion.rows: no column to fill in yet
    unfelt = skip_blank and mine.sentiment is not None and str(mine.sentiment) not in names
    if unfelt:  # rows with reasons only, as a row with a blank sentiment cell: they train the reason head
        mine = replace(mine, sentiment=None)
    if skip_blank:  # an added file: the column options name DATA's columns, so they cannot mend it
        options["columns_hint"] = ADDED_COLUMNS_HINT
    if find_ids:  # none given: a column named as ids are, as evaluate and suggest find theirs, checked in each file
        from taikai.io import id_column_by_name

        held = id_label(frame.columns, ids)
        among = None if ids is None else [] if held is None else [held]  # found before: that one, where held
        ids = id_column_by_name(frame, mine.text, name, among=among)
    checked = check_labelled(
        frame,
        source,
        mine.text,
        mine.reasons,
        mine.sentiment,
        lines=lines,
        sheet=read,
        sheet_given=sheet is not None,
        id_column=id_label(frame.columns, ids),
        **options,
    )
    if not skip_blank and known[0] is None:  # labels of one's own (--free-labels): say which NFKC changed
        warn_nfkc_changes(frame, (mine.reasons, mine.sentiment), name)
    if mine != columns:  # the frame as the base data's names say (its 0 as "0"), so that rows can be put together
        pairs = zip((mine.text, mine.reasons, mine.sentiment), (columns.text, columns.reasons, columns.sentiment))
        renames = {a: b for a, b in pairs if a is not None and a != b}
        renamed = checked.frame.drop(columns=list(renames.values()), errors="ignore").rename(columns=renames)
        if unfelt:
            renamed[columns.sentiment] = ""
        checked = replace(checked, frame=renamed)
    sha = frame_sha256(checked.frame, columns.labelled()) if name == frame_name else sha256_file(Path(name))
    return checked, name, sha, unfelt, id_label(frame.columns, ids)


def id_label(columns: Sequence[Hashable], name: Hashable | None) -> Hashable | None:
    """Return the label of *columns* that the id column *name* names (``"3"`` the label 3), ``None`` when none does."""
    if name is None:
        return None
    found = [c for c in columns if c == name] or [c for c in columns if str(c).strip() == str(name).strip()]
    return found[0] if found else None


def check_id_column(name: Hashable | None, tables: Sequence[LabelledTable], base_name: str) -> None:
    """Raise :class:`InputError` when no table read (the base data's first, then the added files') holds the id
    column *name*, with the base data's columns, as ``taikai batch`` refuses a missing ``--id-column``."""
    if name is None or any(id_label(list(t.frame.columns), name) is not None for t in tables):
        return
    columns = [c for c in tables[0].frame.columns if c not in ("label_set", "primary")]
    added = " (no file of --add, add=, has it either)" if len(tables) > 1 else ""
    raise no_column_error([(name, ID_COLUMN)], columns, base_name, hint=added)
