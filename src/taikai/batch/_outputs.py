"""The columns a batch run adds and what its summary says of the model: Arrow types of the model's output
columns, the check that an input has the text and id columns and none of the output's, the model's stamp, and the
check that the files written beside the output (its summary, its bad lines) overwrite neither an input nor the
summary of another output; and where an output named by a link is written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, cast

import taikai.io as tio
from taikai._warn import warn_user
from taikai.batch._label_encoding import check_labels_held
from taikai.batch._options import BatchOptions
from taikai.batch._side_files import stale_bad_lines
from taikai.batch._workdir import STATE, SUFFIX
from taikai.errors import ID_COLUMN, PREFIX, TEXT_COLUMN, DataWarning, InputError, no_column_error, reviews_hint
from taikai.model import Model, check_prefix, free_prefix, model_display_name, model_sha256
from taikai.rules import RulesMode


def model_stamp(model: Model) -> tio.ModelStamp:
    """Return what a batch summary records of the model: name (:func:`taikai.model.model_display_name`: the shipped
    model's only for it, however it was chosen), directory (absolute, so that the report and ``drift`` find it from
    any folder), artifact hash, creation, test metrics (the numeric ones, as the metadata holds them)."""
    meta = model.metadata
    sha256 = model_sha256(model)
    return tio.ModelStamp(
        name=model_display_name(model.path, sha256),
        path=str(model.path.resolve()) if model.path is not None else "",
        sha256=sha256,
        created_at=meta.created_at,
        reasons=tuple(model.reason_labels),
        test_metrics={} if meta.metrics.test is None else meta.metrics.test.numbers(),
        refit_on_all_rows=meta.refit_on_all_rows,
    )


def output_types(model: Model, rules_mode: RulesMode | None = None, prefix: str = "") -> dict[str, Any]:
    """Return the Arrow type of each column the model (and rules in *rules_mode*) add, named with *prefix*:
    float64 probabilities, boolean ``rule_conflict``, strings otherwise."""
    import pyarrow as pa

    check_prefix(prefix)
    proba = set(model.proba_columns())
    kinds = {c: pa.float64() for c in proba} | {"rule_conflict": pa.bool_()}
    return {prefix + c: kinds.get(c, pa.string()) for c in model.output_columns(rules_mode)}


def check_columns(
    source: Path,
    columns: list[str],
    model: Model,
    options: BatchOptions,
    reader: object = None,
    row: str | None = None,
    later: bool = False,
    again: bool = False,
) -> None:
    """Raise :class:`InputError` unless the text and id columns exist and no output column does (see
    :func:`check_added_columns`); *reader*: the one that read *columns*, for a missing column: the sheet read and
    how to read another (see :func:`taikai.io.sheet_read`), and the file's first rows, whose header may be below a
    title (see :func:`taikai.io.head_rows`). With *later*, *columns* are the first JSONL file's keys: a text or id
    column not among them may be a later file's key, and is checked once all files' keys are read; *again*: that
    check, of columns each checked as read (see :func:`taikai.batch._label_encoding.check_labels_held`)."""
    for argument, name in ((TEXT_COLUMN, options.text_column), (ID_COLUMN, options.id_column)):
        if name is not None and name not in columns and not later:
            of, hint = tio.sheet_read(reader, [name])
            head = tio.head_rows(reader)
            reviews = _reviews(reader) if argument is TEXT_COLUMN else ""
            hint = hint + reviews if reviews or not of else tio.sheet_advice(reader, hint)
            raise no_column_error([(name, argument)], columns, source, of, input_format=True, hint=hint, head=head)
    if not again:
        warn_objects(source, options.text_column, reader)
        tio.mark_columns_read(reader, [options.text_column, options.id_column])  # hidden in Excel: said if read
        warn_float_ids(source, options.id_column, reader)
    check_added_columns(source, columns, model, options, row, again=again)


def _reviews(reader: object) -> str:
    """Name the columns of the file *reader* reads whose cells read as reviews, with how to read one (see
    :func:`taikai.errors.reviews_hint`), for the error of a text column not there, as evaluate and train name them;
    ``""`` without a reader of chunks (a frame) or such a column."""
    if not callable(getattr(reader, "chunks", None)):
        return ""
    return reviews_hint(tio.review_columns(cast("tio.Reader", reader)))


def warn_objects(source: Path, text_column: str | None, reader: object) -> None:
    """Warn (:class:`DataWarning`) when the text column of a JSONL file holds objects in its first lines
    (``{"review": {"text": …}}``): each such row is an error; say how to copy the key holding the text (``text``
    if it is one, else the first) up to a key of its own, as the hint of a missing column does."""
    if getattr(reader, "schema", None) is not None:  # Parquet: a struct column of the text is not warned of here
        return
    nested: dict[str, str] = getattr(reader, "nested", None) or {}
    keys = [k for k, outer in nested.items() if outer == text_column and not k.startswith(f"{outer}.")]  # no path
    if not keys:
        return
    key = "text" if "text" in keys else keys[0]
    _, hint = tio.sheet_read(reader, [key])
    warn_user(
        f"{source}: column {text_column!r} ({TEXT_COLUMN}) will be an error in each row holding an object, not "
        f"text{hint} with {TEXT_COLUMN.either([key])}",
        DataWarning,
    )


def warn_float_ids(source: Path, id_column: str | None, reader: object) -> None:
    """Warn (:class:`DataWarning`) when the id column of a Parquet file is of floats, as pandas writes a column of
    ints that holds a missing value: its ids are written back as floats (``123.0``), and one of 2**53 or more may
    have lost its last digits before the file held it (``9007199254740993`` as ``9007199254740992.0``)."""
    import pyarrow as pa

    schema = getattr(reader, "schema", None)
    if id_column is None or not isinstance(schema, pa.Schema) or id_column not in schema.names:
        return
    kind = schema.field(id_column).type
    if pa.types.is_floating(kind):
        warn_user(
            f"{source}: column {id_column!r} ({ID_COLUMN}) is of floats ({kind}), as pandas writes a column of ints "
            "holding a missing value: its ids are written back as floats (123.0), and one of 2**53 or more may have "
            "lost its last digits before the file held it; write the column as ints "
            f"(df[{id_column!r}].astype('Int64')) or as text, then read that file",
            DataWarning,
        )


def check_added_columns(
    source: Path, columns: list[str], model: Model, options: BatchOptions, row: str | None = None, again: bool = False
) -> None:
    """Raise :class:`InputError` when input *columns* of *source* are output columns too: the model's (with the
    prefix), or *row*, the column of row numbers the Dask engine adds when no id column is named; or when the output
    encoding cannot hold their names (:func:`~taikai.batch._label_encoding.check_labels_held`, with *again*)."""
    added = model.output_columns(options.applied_rules_mode)
    ours = [options.prefix + c for c in added]
    labels = [*model.reason_labels, *model.sentiment_labels]
    named = {"text column": options.text_column, "id column": options.id_column}
    check_labels_held(source, options.output_encoding, labels, ours, columns, named, again=again)
    clash = [c for c in ours if c in columns]
    if clash:
        free = free_prefix(columns, added)  # not the --prefix given, which makes the clash
        raise InputError(
            f"{source}: already has output column(s) {clash}; name the model's columns with a prefix "
            f"({PREFIX.either([free])} gives {free}reason, …), or rename or drop them first"
        )
    if row is not None and options.id_column is None and row in columns:
        raise InputError(f"{source}: has a column {row!r}; name the rows' id column with {ID_COLUMN}")


def check_side_files(
    output: Path, bad_output: Path | None, inputs: dict[str, Path | None], resume: bool = False
) -> None:
    """Raise :class:`InputError`, before anything is written, when a file batch writes or removes beside *output*
    (its summary, its side file of bad lines *bad_output*, or the earlier run's that a run writing none removes)
    would overwrite or remove one of *inputs* (a description per path), or when the summary beside *output* is that
    of another output that exists (``x.csv`` and ``x.parquet`` share ``x.summary.json``): with *resume* and chunks
    saved for *output*, moving that summary comes first, since another output name would start over."""
    summary = tio.summary_path(output)
    sides = {f"its summary {summary.name} would overwrite": summary}
    if bad_output is not None:
        sides[f"its side file of bad lines {bad_output.name} would overwrite"] = bad_output
    elif (stale := stale_bad_lines(output)) is not None:
        sides[f"the run would remove the earlier run's side file of bad lines {stale.name}, which is"] = stale
    for side, path in sides.items():
        for what, source in inputs.items():
            if source is not None and tio.same_path(path, source):
                raise InputError(
                    f"{output}: {side} {what} ({source}); choose another output name, or copy or rename the input "
                    "first (nothing was written)"
                )
    owner = tio.summary_owner(summary) if summary.is_file() else None
    if owner is not None and owner.name != output.name and owner.exists():
        saved = output.with_name(output.name + SUFFIX)
        if resume and (saved / STATE).is_file():  # another name would leave the saved rows behind
            raise InputError(
                f"{output}: its summary {summary} is that of {owner}, which resuming would overwrite ({owner.name} and "
                f"{output.name} share it); delete or move {summary} (with {owner.name}, if it still needs it), then "
                f"resume: the rows saved in {saved} are kept. Another output name would start over without them "
                "(nothing was written)"
            )
        raise InputError(
            f"{output}: its summary {summary} is that of {owner}, which this run would overwrite ({owner.name} and "
            f"{output.name} share it); choose another output name, or delete {summary} if {owner.name} no longer "
            "needs it (nothing was written)"
        )


def written_through(output: Path) -> Path:
    """Return where a run writes *output*: when it is a symbolic link, the file or folder it points to (where it
    would be, for a link to none yet), as ``cp``, ``rsync`` and a shell's ``>`` write through a link (``-o results``
    linked to a larger disk writes there); the run's side files go beside it. Else *output* as given. A run that
    renamed its finished output onto the link replaced the link by a file or folder of its own."""
    return Path(os.path.realpath(output)) if output.is_symlink() else output
