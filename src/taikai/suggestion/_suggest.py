"""``suggest``: from a predictions file, the rows a person should label next, as a sheet to fill in."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from taikai._argument_order import argument_order
from taikai._masked_messages import errors_masked
from taikai.errors import (
    EXCLUDE,
    Argument,
    InputError,
    check_bool,
    check_int,
    check_path,
    parse_choice,
    separator_hint,
    wrong_type,
)
from taikai.labels import (
    REASON_IDS,
    SENTIMENTS,
    OwnLabels,
    label_order,
)
from taikai.privacy import mask_text_column, sum_counts
from taikai.suggestion._draw import draw
from taikai.suggestion._exclude import exclude_items, match_excluded, read_excluded
from taikai.suggestion._frame_ids import frame_ids, named_ids, naming_ids
from taikai.suggestion._how_to import Earlier
from taikai.suggestion._predicting_model import warn_replaced
from taikai.suggestion._result import Suggestion, nothing_left
from taikai.suggestion._select import Strategy, random_scores, reason_matrix, select, uncertainty
from taikai.suggestion._sheet import SheetLosses, sheet_format, write_sheet
from taikai.suggestion._sheet_out import check_sheet_out
from taikai.suggestion._sheet_rows import SHEET_TEXT, sheet_rows
from taikai.suggestion._trained_rows import warn_trained
from taikai.text import Status, reviews_told

if TYPE_CHECKING:
    import pandas as pd

    from taikai.io import RunSummary


def _frame(
    predictions: str | Path | pd.DataFrame,
    encoding: str | None,
    encoding_errors: str,
    prefix: str | None,
    mask_pii: bool = False,
    sheet: str | int | None = None,
) -> tuple[pd.DataFrame, str, list[Any], RunSummary | None, str | None]:
    """Return the predictions with their predicted columns under their plain names, where they come from, the
    columns as the file or frame names them (before the renaming, for messages), the batch summary beside the
    file, and the id column a frame's named index was made (the ids, as the report shows them; else ``None``)."""
    from taikai.model import predictions_frame

    if isinstance(predictions, (str, Path)):
        from taikai.io import check_predictions_header, check_predictions_sheet, read_predictions, read_summary

        path = Path(predictions)
        check_predictions_header(path, sheet)  # a workbook not classified yet: said before its rows are read
        frame = read_predictions(path, encoding, encoding_errors, mask_pii, sheet=sheet)  # a missing file: said first
        run = read_summary(path)
        check_predictions_sheet(frame, path, sheet)
        renamed = predictions_frame(frame, str(path), prefix, run.prefix if run is not None else None, mask_pii)
        return renamed, str(path), list(map(str, frame.columns)), run, None
    if sheet is not None:
        raise InputError("sheet= applies to an xlsx file of predictions, not to a DataFrame; leave it out")
    framed, index_id = frame_ids(predictions)  # an index that names the rows: the sheet's ids, as the report's
    frame = predictions_frame(framed.set_axis(predictions.index), "<frame>", prefix, mask_pii=mask_pii)
    return frame.reset_index(drop=True) if index_id else frame, "<frame>", list(framed.columns), None, index_id


def _not_predictions(source: str, columns: list[str]) -> InputError:
    """The error of a file or frame of *source* (its *columns*) without the probabilities ``taikai batch`` writes."""
    return InputError(
        f"{source}: not a predictions file: no p_reason_* columns, nor prefixed ones such as pred_p_reason_*; "
        f"classify it first with taikai batch or predict_frame{separator_hint(columns, frame=source == '<frame>')}"
    )


def _labels(df: pd.DataFrame, prefix: str, preferred: tuple[str, ...]) -> list[str]:
    return label_order([str(c)[len(prefix) :] for c in df.columns if str(c).startswith(prefix)], preferred)


@argument_order
@errors_masked
def suggest(
    predictions: str | Path | pd.DataFrame,
    out: str | Path | None = None,
    *,
    n: int = 200,
    strategy: Strategy | str = Strategy.MARGIN,
    seed: int = 0,
    text_column: Hashable | None = None,
    id_column: Hashable | None = None,
    encoding: str | None = None,
    output_encoding: str | None = None,
    mask_pii: bool = False,
    encoding_errors: str = "strict",
    prefix: str | None = None,
    overwrite: bool = False,
    exclude: Sequence[str | Path | pd.DataFrame] | str | Path | pd.DataFrame | None = (),
    sheet: str | int | None = None,
) -> Suggestion:
    """Choose *n* rows of a predictions file or frame (as ``taikai batch`` or ``predict_frame`` wrote it) to label.

    ``margin`` (default) and ``entropy`` take the rows the model is least sure of, spread over the predicted
    reasons (see :func:`taikai.suggestion.allocate`); a text repeated or nearly repeated counts once. ``random``
    draws *n* rows uniformly, for a baseline or an unbiased check: every row is as likely, and every row drawn is
    on the sheet (a text drawn twice twice, side by side), so that a common text comes as often as it occurs and
    the sheet's labels estimate the dump's. Rows whose status is not ``ok`` are left out and counted;
    every row read is counted once in the :class:`Suggestion`. Deterministic for a *seed* (ties in uncertainty are
    broken by a seeded shuffle). With *out* (``.xlsx`` or ``.csv``) the sheet is written. When no row is left to
    label (none classified, or every one handed out before), :class:`~taikai.errors.InputError` says so, and no
    sheet is written.
    ``mask_pii=True`` masks personal data in the chosen texts (:func:`taikai.mask_pii`) before the sheet holds them.
    Predicted columns written with a prefix (``taikai batch --prefix pred_``) are found as the report finds them
    (:func:`taikai.model.find_prefix`); *prefix* chooses among several sets. An existing *out* (perhaps a sheet a
    person has filled) is refused before anything is read, saying how many labels it holds, unless ``overwrite``.
    An *out* that is a file read (the predictions, their batch summary, a file of *exclude*) is refused even so.
    The texts are in *text_column* and the ids in *id_column* (default: those batch was given, as the batch summary
    beside the file recorded; a frame's named index (of a MultiIndex, its level that names each row, as the report
    shows it), or its unnamed one not its positions (filtered) as ``index``, unless it gives one value to rows of
    different texts (dates: a :class:`~taikai.errors.DataWarning` says so); else the first column named as ids are,
    ``review_id``, ``id``, ``回答ID``, ``ID``, ``response_id``, whose values name the rows (as the report finds it);
    else ``text``, and row numbers).
    Rows already handed out are not picked again: *exclude* takes sheets filled before, or labelled files (paths
    or frames; a Dask engine's output folder is read as the one file of its parts); a row whose id (where the file
    has the id column) or normalised text (masked, for a sheet written with ``mask_pii``) is in one of them is left
    out, near-duplicates of their texts too. Every row of such a file counts, labelled or left blank. A file that
    matches no row gets a :class:`~taikai.errors.DataWarning`. The xlsx sheet's how_to names the files given: the
    train command adds the earlier sheets again, and the next round excludes them all again. ``exclude=None``
    excludes none, as the default does.
    Of an xlsx workbook of predictions, *sheet* (a name or 1-based number, as ``--sheet``) is read, else the first.
    """
    strategy = parse_choice(Strategy, "strategy", strategy)
    if check_int("n", n) < 1:
        raise InputError(f"{Argument('n', '--n').given(n)} must be at least 1")
    check_int("seed", seed, 0)  # numpy seeds are non-negative
    check_bool("mask_pii", mask_pii)
    check_bool("overwrite", overwrite)
    import pandas as pd

    if not isinstance(predictions, str | Path | pd.DataFrame):
        raise wrong_type("predictions", predictions, "the path of a predictions file, or a pandas DataFrame")
    from taikai.io import check_not_empty

    check_not_empty(
        predictions, "predictions", "give the path of a predictions file (taikai batch output), or a pandas DataFrame"
    )
    if out is not None:
        check_path("out", out)
    to_exclude = exclude_items(exclude)
    if out is not None:
        sheet_format(Path(out))
        from taikai.io import check_not_input, with_summary

        read = with_summary("the predictions", Path(predictions)) if isinstance(predictions, (str, Path)) else {}
        for item in to_exclude:  # a sheet filled before, which --force would replace by a blank one
            if isinstance(item, (str, Path)):
                read[f"{item}, given to {EXCLUDE}"] = Path(item)
        check_not_input(Path(out), read)
        check_sheet_out(Path(out), overwrite)
    df, source, columns, run, index_id = _frame(predictions, encoding, encoding_errors, prefix, mask_pii, sheet)
    if not any("p_reason_" in str(c) for c in df.columns):  # a dump (ID, 口コミ): said so before its columns
        raise _not_predictions(source, columns)
    from taikai.io import PICKED_BY_COLUMN, id_column_of, text_column_of
    from taikai.model import find_column

    text_name, text_argument = text_column_of(run, text_column)
    id_name, id_argument = id_column_of(run, index_id if id_column is None else id_column)
    at = {"source": source, "shown": columns, "index": df.index.names}
    told = reviews_told(df, text_name, text_argument)  # not there: the columns that read as reviews are named
    text_label = find_column(df.columns, text_name, text_argument, **at, hint=told)
    id_label = None if id_name is None else find_column(df.columns, id_name, id_argument, **at)
    if id_column is None and index_id is not None and id_label is not None:  # an index of dates names no row
        id_label = naming_ids(df, id_label, text_label)
    elif id_name is None:  # none given nor recorded: a column named as ids are (回答ID, response_id), as report finds
        id_label = named_ids(df, text_label, source)
    reasons = _labels(df, "p_reason_", REASON_IDS)
    if not reasons:
        raise _not_predictions(source, columns)
    sentiments = _labels(df, "p_sentiment_", SENTIMENTS)
    from taikai.analysis import reason_labels

    if isinstance(reason_labels(df), OwnLabels) or not set(reasons) <= set(REASON_IDS):  # a --free-labels model's
        reasons, sentiments = OwnLabels(reasons), OwnLabels(sentiments)  # labels, sentiments too, as train reads them
    status = df["status"].astype(str) if "status" in df.columns else None
    ok = np.ones(len(df), dtype=bool) if status is None else (status == Status.OK.value).to_numpy(copy=True)
    proba = reason_matrix(df, reasons)
    ok &= ~np.isnan(proba).any(axis=1)
    not_ok = {} if status is None else {str(k): int(v) for k, v in status[~ok].value_counts().items()}
    if status is None and (~ok).any():
        not_ok = {"unclassified": int((~ok).sum())}
    positions = np.flatnonzero(ok)
    shuffle = random_scores(len(positions), seed)  # before the exclusion: the rows left keep their order
    excluded, near_texts, earlier = None, [], Earlier.of(run, predictions).warned(source)
    warn_replaced(source, run)  # predictions of a model trained again into its folder since
    if to_exclude:
        files = read_excluded(to_exclude, id_label, text_label, mask_pii)
        given = [
            (f, str(item))
            for f, item in zip(files, to_exclude, strict=True)
            if isinstance(item, (str, Path)) and f.same_as is None  # a file given again is named once
        ]
        frames = sum(isinstance(item, pd.DataFrame) for item in to_exclude)  # no path: the how_to says so
        earlier = earlier.given(tuple(n for _, n in given), tuple(n for f, n in given if f.sheet), frames)
        held = match_excluded(
            files,
            None if id_label is None else df[id_label].to_numpy()[positions].tolist(),
            [str(t) for t in df[text_label].to_numpy()[positions]],
        )
        excluded, near_texts = held.per_file, held.texts
        positions, shuffle = positions[held.keep], shuffle[held.keep]
    texts = [str(t) for t in df[text_label].to_numpy()[positions]]
    if strategy is Strategy.RANDOM:  # the shuffle is the order of a uniform draw
        chosen = draw(texts, shuffle, n, excluded=near_texts)
    else:  # a tiny seeded jitter breaks exact ties without reordering the rest
        predicted = [reasons[j] for j in proba[positions].argmax(axis=1)]
        scores = uncertainty(proba[positions], strategy) + shuffle * 1e-9
        chosen = select(texts, predicted, scores, n, excluded=near_texts)
    if not chosen.picked:
        raise nothing_left(source, len(df), not_ok, excluded, chosen.near_excluded)
    picked = [int(positions[i]) for i in chosen.picked]
    earlier = replace(earlier, id_column=None if id_label is None else str(id_label))  # the sheet's id column
    warn_trained(source, run, [texts[i] for i in chosen.picked], earlier, out is not None)  # labelled already
    rows = sheet_rows(df, picked, chosen.similar, (id_label, text_label), (reasons, sentiments))
    rows[PICKED_BY_COLUMN] = strategy.value  # how: evaluate warns that scores on the least sure rows understate
    per_reason = {r: int((rows["model_reason"] == r).sum()) for r in reasons}
    masks = None
    if mask_pii:
        rows, per_row = mask_text_column(rows, SHEET_TEXT)
        masks = sum_counts(per_row)
    lost = SheetLosses() if out is None else write_sheet(rows, Path(out), reasons, sentiments, output_encoding, earlier)
    return Suggestion(
        rows,
        strategy,
        seed,
        len(df),
        not_ok,
        chosen.duplicates,
        per_reason,
        None if out is None else Path(out),
        lost.replaced,
        masks,
        excluded,
        chosen.near_excluded,
        chosen.not_chosen,
        lost.folds,
    )
