"""Gather the training rows: the base data plus labelled files, each checked, deduplicated and recorded."""

from __future__ import annotations

import os
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING

from taikai._warn import warn_user
from taikai.errors import (
    ADD,
    FREE_LABELS,
    DataWarning,
    InputError,
    parse_choice,
    wrong_type,
)
from taikai.io import BadRow, OnBadRows
from taikai.labels import REASON_IDS, SENTIMENTS, OwnLabels
from taikai.model import InputFile
from taikai.text import LabelConflicts, label_conflicts, row_labels
from taikai.training._added_file import check_added_files
from taikai.training._added_split import warn_added_tests
from taikai.training._checked_input import LabelledData, check_id_column, id_label, read_checked
from taikai.training._columns import Columns, no_labelled_row
from taikai.training._cv import WEIGHT
from taikai.training._dropped import KEY, PLACE, Differences, differences, kept_rows
from taikai.training._edited_texts import edited_texts, id_values
from taikai.training._masked_copies import added_keys
from taikai.training._sheet_copies import sheet_copies
from taikai.training._text_keys import text_keys

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class IdsUsed:
    """The id column naming the rows of a training run's messages (``None``: none) and whether it was found by its
    name (``review_id``, ``回答ID``), not given: recorded in ``training_data``, said by the summary."""

    column: Hashable | None
    by_name: bool


TRAINED_TWICE = "Each row is trained with its own labels, so the model learns both for one text"
"""What texts labelled in different ways in the base data do to training (:class:`~taikai.text.LabelConflicts`)."""


@dataclass(frozen=True)
class TrainingInputs:
    """The rows to train on and what became of every input row.

    ``base`` holds the usable base rows, ``added`` the usable labelled rows that are not duplicates (with a
    sample-weight column); ``files`` records every file, ``skipped`` every unusable row that was left out.
    """

    base: pd.DataFrame
    added: pd.DataFrame
    files: tuple[InputFile, ...]
    skipped: tuple[BadRow, ...]
    disagreeing_duplicates: int = 0
    """Added rows dropped as duplicates of a base row whose labels differ (the base labels were kept)."""
    disagreeing_repeats: int = 0
    """Added rows dropped as repeated by a later added row (a later file's, or later in the file) with other labels."""
    differing_duplicates: Differences = field(default_factory=Differences)
    """What differs in the ``disagreeing_duplicates``: how many have other reasons, how many another sentiment."""
    differing_repeats: Differences = field(default_factory=Differences)
    """What differs in the ``disagreeing_repeats``, counted the same way."""
    duplicates_at: tuple[str, ...] = ()
    """The first few ``disagreeing_duplicates`` at their ``FILE:LINE``, each with DATA's row kept."""
    repeats_at: tuple[str, ...] = ()
    """The first few ``disagreeing_repeats`` at their ``FILE:LINE``, each with the added row kept."""
    base_conflicts: LabelConflicts = field(default_factory=LabelConflicts)
    """The texts of the base data that its rows label in different ways (the same review labelled twice): all kept,
    each row trained with its own labels."""
    added_places: tuple[str, ...] = ()
    """Each of the ``added`` rows at its ``FILE:LINE`` (its id too, with ``id_column``), in order: the rows the
    before/after comparison names."""
    ids: IdsUsed = field(default_factory=lambda: IdsUsed(None, False))
    """The id column that named the rows (given, else found by its name in the base data), and how it was chosen."""


def added_labels_hint(base_name: str) -> str:
    """Say why a file given to ``--add`` may not use a label of its own that DATA (*base_name*) lacks under
    ``--free-labels`` too, and what to do: the model's labels are DATA's."""
    base = "the base data" if base_name == "<frame>" else base_name
    return (
        f"a file given to {ADD} can only use labels {base} has, even with {FREE_LABELS.given(True)}: "
        f"to train a label of your own, label rows with it in {base} too"
    )


def new_label_hint(base_name: str) -> str:
    """Say what to do with a label of an ``--add`` file close to no known one, a category of one's own (without
    ``--free-labels``): the model's labels are DATA's (*base_name*), read as one's own under ``--free-labels``."""
    base = "DATA" if base_name == "<frame>" else f"DATA ({base_name})"
    return (
        f"for a category of your own, label rows with it in {base} too, since a file given to {ADD} can only use "
        f"labels DATA has, and train with {FREE_LABELS.given(True)}, which reads DATA's labels as written, as "
        "your own (the taxonomy's then show no Japanese name); give it as many training rows as --folds (5 by "
        "default), DATA's and the added ones together, or cross-validation uses fewer folds (below 2 rows it is "
        "skipped)"
    )


def _known(labels: set[str], taxonomy: Sequence[str], free: bool) -> Collection[str]:
    """Return the labels added rows may use: the base data's (as written if *free*), plus the taxonomy it is of."""
    return OwnLabels(sorted(labels)) if free else labels | set(taxonomy) if labels <= set(taxonomy) else labels


def read_inputs(
    data: LabelledData,
    add: LabelledData | Sequence[LabelledData] | None = (),
    *,
    columns: Columns,
    encoding: str | None = None,
    on_bad_rows: OnBadRows | str = OnBadRows.SKIP,
    add_weight: float = 1.0,
    free_labels: bool = False,
    encoding_errors: str = "strict",
    sheet: str | int | None = None,
    id_column: Hashable | None = None,
) -> TrainingInputs:
    """Read and check the base *data* and every labelled file in *add* (one file or frame, or a list of them).

    *sheet* (a name or 1-based number) is the sheet read of an xlsx *data*; of an xlsx file in *add*, the sheet
    named ``labels`` is read when it has one, else the first.

    Labelled files may leave rows blank (skipped and counted) and use Japanese display names; a label the base
    data does not have stops with the file, row and value, and so does a base label outside the taxonomy unless
    *free_labels*. An added row whose normalised text is in the base data is dropped as a duplicate (a copy with
    personal data masked, or one whose masked copy is there, and one without the control characters an xlsx sheet
    cannot hold, or the reverse, too), as is one repeated by a later added row (the later one is kept). A labelled
    file without any usable labelled row (a sheet saved before it was filled), or whose every labelled row is in
    the base data, is refused (:class:`InputError`), before anything is trained. *id_column* names the rows of each
    file holding it by their id in every message; one that no file holds is refused, with *data*'s columns. Without
    it, the first column of *data* named as ids are whose values name the rows does (``TrainingInputs.ids``), in the
    files of *add* that hold it too; else the first such column of the first file of *add* that has one, in it and
    the later ones; in each file only where its values name the file's rows (else passed over with a
    :class:`~taikai.errors.DataWarning`, as ``suggest`` passes over a ``user_id``).
    """
    import pandas as pd

    on_bad_rows = parse_choice(OnBadRows, "on_bad_rows", on_bad_rows)
    data_types = str | Path | pd.DataFrame
    from taikai.io import check_labelled_data

    check_labelled_data(data)
    given = add = () if add is None else add  # None: nothing to add, as the default and the command line's
    add = [add] if isinstance(add, data_types) else add  # one file or frame, as exclude= of suggest takes one
    if not isinstance(add, Sequence) or not all(isinstance(a, data_types) for a in add):
        raise wrong_type("add", given, "a labelled file (str or pathlib.Path) or DataFrame, or a list of them")
    items = check_added_files(add, given is not add)  # before the base data is read, which may take a while
    taxonomy = (None, None) if free_labels else (REASON_IDS, SENTIMENTS)
    find = id_column is None  # none given: found by its name, in DATA, else in the first file of add having one
    base_table, base_name, base_sha, _, found = read_checked(
        data,
        columns,
        encoding,
        on_bad_rows,
        known=taxonomy,
        encoding_errors=encoding_errors,
        sheet=sheet,
        ids=id_column,
        find_ids=find,
    )
    # found in DATA: the added files' too, where it names their rows
    ids_used = IdsUsed(found, found is not None) if find else IdsUsed(id_column, False)
    named = [base_table]  # the tables read, for an id column none of them holds
    base = base_table.frame
    skipped = list(base_table.bad)
    base_counts = (base_table.rows, len(base), base_table.blank, len(base_table.bad))  # its blank lines too
    files = [InputFile("base", base_name, base_sha, *base_counts, path=_absolute(data))]
    felt = base[columns.sentiment].tolist() if columns.sentiment else None
    conflicts = label_conflicts(
        base[columns.text].tolist(), row_labels(base["label_set"].tolist(), felt), base_table.places
    )
    if not add:
        check_id_column(id_column, named, base_name)
        return TrainingInputs(base, base.iloc[:0], tuple(files), tuple(skipped), base_conflicts=conflicts, ids=ids_used)
    known_reasons = _known({x for s in base["label_set"] for x in s}, REASON_IDS, free_labels)
    known_sentiments = _known(set(base[columns.sentiment]), SENTIMENTS, free_labels) if columns.sentiment else None
    tables = []
    given_frames = sum(isinstance(item, pd.DataFrame) for item in add)  # several: each named by its place in add
    for position, item in items:
        table, name, sha, unfelt, labelled_by = read_checked(
            item,
            columns,
            encoding,
            on_bad_rows,
            skip_blank=True,
            known=(known_reasons, known_sentiments),
            encoding_errors=encoding_errors,
            unknown_hint=added_labels_hint(base_name) if free_labels else "",
            far_hint="" if free_labels else new_label_hint(base_name),
            frame_name=f"<frame {position + 1} of add>" if given_frames > 1 else "<frame>",
            ids=ids_used.column,
            find_ids=find,  # the one found before where this file's names rows, else this file's for the later ones
        )
        if ids_used.column is None and labelled_by is not None:
            ids_used = IdsUsed(labelled_by, True)
        named.append(table)
        if table.frame.empty:  # a sheet saved before it was filled: training would add nothing (and take minutes)
            labels = "reasons, sentiments or both" if columns.sentiment else "reasons"
            counted = f"{table.rows:,} row(s): {table.blank:,} without any label, {len(table.bad):,} unusable"
            raise InputError(no_labelled_row(name, counted, labels))
        if unfelt:
            from taikai.io import likely_labels

            felt = repr(columns.sentiment)  # a column of a near name (Sentiment, sentimet) is to be renamed
            others = [str(c) for c in table.frame.columns if c != columns.sentiment]  # the reader's own, empty
            near = get_close_matches(str(columns.sentiment), others, 1, 0.8)
            # else a column whose name says sentiment (感情, tone; not one of reviews)
            near = near or [c for c, kind in likely_labels(others).items() if kind == "sentiment"][:1]
            fix = f"add a {felt} column to the file and fill it in"
            fix = f"rename its column {near[0]!r} to {felt}" if near else fix
            warn_user(
                f"{name}: no {felt} column, so its {len(table.frame):,} labelled row(s) train the reason head only "
                f"(as rows with reasons only do); to train the sentiment head on them too, {fix}",
                DataWarning,
            )
        skipped.extend(table.bad)
        tables.append((table, name, sha, _absolute(item), labelled_by))
    check_id_column(id_column, named, base_name)
    keys = text_keys(base[columns.text])
    base_keys = kept_rows(base.assign(**{KEY: keys, PLACE: base_table.places}), columns.sentiment)
    frames = [table.frame.assign(_taikai_file=i, **{PLACE: table.places}) for i, (table, *_) in enumerate(tables)]
    added = pd.concat(frames, ignore_index=True)
    texts = added[columns.text].tolist()  # a masked copy of a base row is a duplicate of it, and the reverse
    added[KEY] = added_keys(base[columns.text].tolist(), keys, texts, text_keys(added[columns.text]))
    added[KEY] = sheet_copies(base[columns.text].tolist(), keys, texts, added[KEY].tolist())  # \x0b lost in xlsx
    if ids_used.column is not None:  # one id, two texts: a text edited in a sheet is still the review its id names
        ids = [i for table, *_, by in tables for i in id_values(table.frame, id_label(table.frame.columns, by))]
        edited = edited_texts(added[KEY].tolist(), ids, added[PLACE].tolist())
        added[KEY] = list(edited.keys)
        if said := edited.warning(ids_used.column):
            warn_user(said, DataWarning)
    in_base = added[KEY].isin(base_keys)
    disagreeing, duplicates_at = differences(added[in_base], base_keys, columns.sentiment)
    repeated = added.duplicated(KEY, keep="last") & ~in_base
    kept = kept_rows(added[~in_base].drop_duplicates(KEY, keep="last"), columns.sentiment)
    repeats, repeats_at = differences(added[repeated], kept, columns.sentiment)
    dropped = in_base | repeated
    for i, (table, name, sha, path, _) in enumerate(tables):
        mine = added["_taikai_file"] == i
        duplicates = int((dropped & mine).sum())
        used = int(mine.sum()) - duplicates
        if (in_base | ~mine).all():  # nothing of it would be trained on (and training takes minutes)
            differ = differences(added[mine], base_keys, columns.sentiment)[0].rows
            other = f", {differ:,} of them labelled otherwise there: DATA's labels are kept" if differ else ""
            counted = f"{duplicates:,} duplicate{'s' if duplicates != 1 else ''}{other}"
            # two frames are both <frame>: named by their arguments ("of <frame> is already in <frame>" read as one)
            added_as = f"the frame given to {ADD.name}=" if name == "<frame>" else name
            base_as = "the base data frame" if base_name == "<frame>" else base_name
            raise InputError(
                f"every labelled row of {added_as} is already in {base_as} ({counted}): it adds nothing to train on; "
                f"label rows that are not in {base_as}, or leave it out of {ADD}"
            )
        files.append(
            InputFile("added", name, sha, table.rows, used, table.blank, len(table.bad), duplicates, add_weight, path)
        )
    warn_added_tests(added, ~dropped, [name for _, name, *_ in tables], "_taikai_file")
    rows = added[~dropped].drop(columns=["_taikai_file", KEY, PLACE]).assign(**{WEIGHT: float(add_weight)})
    return TrainingInputs(
        base,
        rows,
        tuple(files),
        tuple(skipped),
        disagreeing.rows,
        repeats.rows,
        disagreeing,
        repeats,
        duplicates_at,
        repeats_at,
        conflicts,
        tuple(added.loc[~dropped, PLACE]),
        ids_used,
    )


def _absolute(data: object) -> str:
    """Return the absolute path of the file *data* (a str or a path) for the metadata, so that a retrain command
    names it from any folder (:attr:`~taikai.model.InputFile.path`); ``""`` for a DataFrame."""
    return os.path.abspath(data) if isinstance(data, str | Path) else ""
