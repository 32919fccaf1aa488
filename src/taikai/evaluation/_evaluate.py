"""Evaluate a model on labelled data: classify the rows, score them, and check which ones it was trained on."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from taikai._argument_order import argument_order
from taikai._frame_rows import shown_id
from taikai._masked_messages import errors_masked
from taikai._warn import warn_user
from taikai.errors import (
    ID_COLUMN,
    REASONS_COLUMN,
    SENTIMENT_COLUMN,
    SPLIT,
    TEXT_COLUMN,
    DataWarning,
    InputError,
    check_bool,
    check_label_columns,
    check_str,
    wrong_type,
)
from taikai.evaluation._evaluated_rows import evaluated_rows
from taikai.evaluation._misclassified import misclassified_rows
from taikai.evaluation._nothing_scored import nothing_to_score
from taikai.evaluation._overlap import training_overlap
from taikai.evaluation._result import SCORED_TWICE, EvaluationReport, unpredictable
from taikai.evaluation._row_hashes import rows_by_hashes
from taikai.evaluation._scores import score_multi, score_single
from taikai.evaluation._unknown_labels import known_label_options
from taikai.evaluation._unlabelled import check_labels_there
from taikai.evaluation._unscored import Unscored
from taikai.labels import REASON_IDS, SENTIMENTS, own_labels
from taikai.model import Classified, ModelMetadata, column_label, columns_read, find_column, load_model, trained_noted
from taikai.text import LabelConflicts, Status, label_conflicts, picked_rows, row_labels

if TYPE_CHECKING:
    import pandas as pd

    from taikai.io import BadRow


class Classifier(Protocol):
    """What :func:`evaluate` needs of a model: its labels and :meth:`taikai.Model.classify`."""

    @property
    def reason_labels(self) -> list[str]: ...

    @property
    def sentiment_labels(self) -> list[str]: ...

    def classify(self, values: Sequence[object]) -> Classified: ...


@argument_order
@errors_masked
def evaluate(
    model: Classifier | str | Path | None,
    data: str | Path | pd.DataFrame,
    text_column: Hashable = "text",
    reasons_column: Hashable = "reasons",
    sentiment_column: Hashable | None = "sentiment",
    encoding: str | None = None,
    *,
    split: str = "all",
    free_labels: bool = False,
    encoding_errors: str = "strict",
    sheet: str | int | None = None,
    mask_pii: bool = False,
    id_column: Hashable | None = None,
) -> EvaluationReport:
    """Classify the labelled frame or file *data* with *model* and score it (*encoding*: of a text file; *sheet*, a
    name or 1-based number: of an xlsx workbook, by default the sheet named ``labels``, else the first).

    *model* is a :class:`~taikai.Model` (or any :class:`Classifier`) or the directory of a model (``None``: the
    default model, or ``$TAIKAI_MODEL``), as for :func:`taikai.check_drift`.

    Rows whose text cannot be classified are listed in ``unscored`` (with their data row and file line), not
    dropped silently; rows without any label (a ``taikai suggest`` sheet filled in part) are skipped and counted in
    ``n_blank``; a row with reasons and no sentiment has its reasons scored, not its sentiment (``n_sentiment``
    counts the rows whose sentiment was), and a row with a sentiment and no reason its sentiment (``n_reason``).
    *split* (``test``, ``train`` or ``all``) scores only the rows of a ``split`` column with that value; without
    such a column, the rows a saved model was not fitted on (``test``: the rows it held out, when *data* is its
    training data) or was fitted on (``train``), told by its row hashes (``report.split_by`` says so). Gold
    labels outside the model's labels are an error unless ``free_labels`` (they then count as misses, and a
    :class:`~taikai.errors.DataWarning` and ``report.unpredictable`` name them with their rows). Gold labels are
    read as the model's are: as written for a model with labels of its own (``その他`` stays ``その他``), as the
    taxonomy's (an id in any case, a Japanese name) for a model of taxonomy ids, ``free_labels`` or not.
    ``report.overlap`` says how many rows the model was trained on, and a :class:`~taikai.errors.DataWarning`
    says so when any were. A column argument left at its standard name (``text``, ``reasons``, ``sentiment``) that
    *data* lacks reads the column the model was trained on (``text_column='本文'``) when *data* has it, with a
    :class:`~taikai.errors.DataWarning` saying so; a column given another name is read as given.
    *id_column* names the column of each row's id (``review_id``): every message, warning and listed row names a
    row by it after its file line (``team.csv:5 (id R-2026-00004)``, ``(its id cell is blank)`` for a blank one),
    as ``taikai batch --id-column`` does, and ``to_dict`` gives it as ``id``; a column *data* lacks is an error.
    Without it, the first column named as ids are (``review_id``, ``id``, ``回答ID``, ``ID``, ``response_id``) whose
    values name the rows is, as ``suggest`` finds it (``report.id_column``, ``report.id_by_name``).
    ``mask_pii=True`` masks personal data in the texts before the model reads them, and in every error and warning.
    ``report.predictions`` holds the rows evaluated with the model's columns (``pred_reason``, …), as
    ``predict_frame(prefix="pred_")`` gives them: ``analysis.misclassified`` lists the errors without a second run.
    """
    from taikai.io import (
        SPLITS,
        check_labelled,
        id_column_by_name,
        prose_columns,
        read_labelled_file,
        refuse_header_rows,
        select_split,
        split_column,
        unescape_sheet,
    )

    check_str(SPLIT, split, f"one of {', '.join(map(repr, SPLITS))}")
    if split not in SPLITS:  # first: a wrong value is not to be told as missing rows of that split
        raise InputError(f"{SPLIT} must be one of {', '.join(SPLITS)}, not {split!r}")
    default = model is None  # its labels checked against the default model's: perhaps a --free-labels model's
    if model is None or isinstance(model, (str, Path)):
        model = load_model(model)
    elif not all(hasattr(model, a) for a in ("reason_labels", "sentiment_labels", "classify")):
        raise wrong_type("model", model, "a Model (or any Classifier), the directory of one, or None")
    from taikai.io import check_labelled_data

    check_labelled_data(data)
    check_bool("free_labels", free_labels)
    check_bool("mask_pii", mask_pii)
    check_label_columns(text_column, reasons_column, sentiment_column)
    if sentiment_column is not None and not model.sentiment_labels:
        sentiment_column = None
    options: dict[str, Any] = {
        "require_text": False,
        "skip_blank": True,  # a sheet filled in part: counted
        "on_bad_rows": "skip",  # a row labelled in part (no primary reason): skipped with a warning
        "reasons_only": True,  # a row coded with reasons only: its reasons scored, not its sentiment
        "sentiments_only": bool(sentiment_column),  # one coded with a sentiment only: its sentiment, not its reasons
        "check_split": split != "all",  # wrong split values named at their line
        # labels of one's own (a --free-labels model's) are read as written, as training read them
        "reasons_as_written": own_labels(model.reason_labels, REASON_IDS),
        "sentiments_as_written": own_labels(model.sentiment_labels, SENTIMENTS),
    }
    if not free_labels:
        own = options["reasons_as_written"] or options["sentiments_as_written"]
        options |= known_label_options(model.reason_labels, model.sentiment_labels, own, default)
    source = str(data) if isinstance(data, (str, Path)) else "<frame>"
    lines: list[int] | None = None
    wanted = [(text_column, TEXT_COLUMN), (reasons_column, REASONS_COLUMN), (sentiment_column, SENTIMENT_COLUMN)]
    if isinstance(data, (str, Path)):
        table = read_labelled_file(
            Path(data), encoding=encoding, encoding_errors=encoding_errors, sheet=sheet, wanted=wanted
        )
        frame, lines = table.frame, table.lines
        options |= {"sheet": table.sheet, "sheet_given": sheet is not None, "blank_lines": table.blank}
    elif sheet is not None:
        raise InputError("sheet= applies to an xlsx file of labelled data, not to a DataFrame; leave it out")
    else:  # a suggest sheet read with pandas: its formula escapes are taken off, as of the same CSV file
        frame = unescape_sheet(data)
        for name, told in wanted:  # a column made the index (df.set_index("text")) is said to be, before it is lost
            if name is not None and name in frame.index.names:
                find_column(frame.columns, name, told, source=source, index=frame.index.names)
    if id_column is not None:  # refused, with the columns there are (and a frame's index named as one), as batch does
        id_column = find_column(frame.columns, id_column, ID_COLUMN, source=source, index=frame.index.names)
    labels = None if isinstance(data, (str, Path)) else list(frame.index)  # a frame's own, for its unscored rows
    given_index = None if labels is None else frame.index  # and for report.predictions
    frame = frame.reset_index(drop=True)  # the index is then each row's position: its data row and line
    # named as predict_frame finds a column: "0" is the label 0 of a frame read with header=None
    text_column, reasons_column, sentiment_column = (
        column_label(frame.columns, c) for c in (text_column, reasons_column, sentiment_column)
    )
    trained = metadata.columns if isinstance(metadata := getattr(model, "metadata", None), ModelMetadata) else None
    read = columns_read(frame.columns, (text_column, reasons_column, sentiment_column), trained, source)
    text_column, reasons_column, sentiment_column = read
    by_name = id_column is None and (id_column := id_column_by_name(frame, text_column, source)) is not None
    if lines is not None and len(lines) != len(frame):
        lines = None
    options |= {"index": labels, "id_column": id_column}  # a frame's rows named by their index labels too; and ids
    with trained_noted(frame.columns, read, trained):  # the model's own columns, named when one is missing
        if options.get("sheet") is None:  # a workbook's other sheets are named when a column is missing
            prose = prose_columns(frame)  # a dump's column of reviews named 退会理由 holds no reasons
            check_labels_there(frame.columns, source, reasons_column, sentiment_column, prose, text_column)  # a dump
        labelled = check_labelled(frame, source, text_column, reasons_column, sentiment_column, lines=lines, **options)
    refuse_header_rows(labelled.bad, source, "evaluate again")  # as a file's header repeated stops it
    if labelled.bad:
        warn_user(skipped_rows(labelled.bad), DataWarning)
    df = labelled.frame
    columns = [text_column, reasons_column] + ([sentiment_column] if sentiment_column is not None else [])
    whole = df
    chosen_by = None
    if (
        split != "all"
        and split_column(df) is None
        and isinstance(metadata, ModelMetadata)
        and metadata.training_data.recorded()
    ):
        df, chosen_by = rows_by_hashes(metadata, df, split, source, text_column, data)
    else:
        df = select_split(df, split, source)
    texts = df[text_column].tolist()
    from taikai.privacy import default_masker  # its finders compile on import: only masking needs them

    seen = default_masker().mask_values(texts, run=True)[0] if mask_pii else texts  # what the model reads
    result = model.classify(seen)
    ok = [i for i, status in enumerate(result.statuses) if status is Status.OK]
    rows = [int(r) for r in df.index]
    index = None if given_index is None else given_index.take(rows)
    ids = None if id_column is None else [shown_id(v) for v in df[id_column]]
    places = [  # each row's data row, file line, index label and id, as the rows listed name it
        (r, None if lines is None else lines[r], None if labels is None else labels[r], None if ids is None else ids[i])
        for i, r in enumerate(rows)
    ]
    unscored = [
        Unscored(places[i][0], places[i][1], status, result.messages[i], source, *places[i][2:])
        for i, status in enumerate(result.statuses)
        if status is not Status.OK
    ]
    if not ok:
        raise nothing_to_score(
            source, split, len(df), unscored, labelled.blank, len(labelled.bad), text_column, df[text_column]
        )
    reasoned = [i for i in ok if df["label_set"].iloc[i]]  # those coded with a sentiment only have no reason
    if not reasoned:
        split_note = "" if split == "all" else f" in split {split!r}"
        raise InputError(
            f"{source}: no row with a reason to score{split_note}: the {len(ok):,} scorable row(s) have a sentiment "
            "only; label the reasons of some rows (the primary one first) and evaluate again"
        )
    gold_sets = [df["label_set"].iloc[i] for i in reasoned]
    pred_sets = [list(result.reasons[i]) for i in reasoned]
    report = EvaluationReport(
        n_rows=len(df),
        n_scored=len(ok),
        n_blank=labelled.blank,
        n_skipped=len(labelled.bad),
        unscored=unscored,
        reason=score_single([g[0] for g in gold_sets], [p[0] for p in pred_sets], model.reason_labels),
        reasons=score_multi(gold_sets, pred_sets, model.reason_labels),
        n_reason=len(reasoned),
        n_read=labelled.rows,
        misclassified=misclassified_rows([places[i] for i in reasoned], gold_sets, pred_sets, source),
        predictions=evaluated_rows(frame.iloc[rows], index, result, text_column, seen if mask_pii else None),
        picked=picked_rows(df, ok),  # a suggest sheet's rows its model was least sure of: the scores understate
        id_column=None if id_column is None else str(id_column),
        id_by_name=by_name,
    )
    if sentiment_column is not None:  # on the rows with a sentiment: those coded with reasons only have none to score
        felt = [i for i in ok if df[sentiment_column].iloc[i] != ""]
        report.n_sentiment = len(felt)
        if felt:
            sentiments = [result.sentiments[i] or "" for i in felt]
            gold = [df[sentiment_column].iloc[i] for i in felt]
            report.sentiment = score_single(gold, sentiments, model.sentiment_labels)
            report.unpredictable += unpredictable("sentiment", [[g] for g in gold], model.sentiment_labels)
    report.unpredictable[:0] = unpredictable("reason", gold_sets, model.reason_labels)
    for found in report.unpredictable:
        warn_user(f"{source}: {found.warning()}", DataWarning)
    report.conflicts = _conflicts(df, labelled.frame.index, labelled.places, text_column, sentiment_column)
    if said := report.conflicts.warning(SCORED_TWICE, source):
        warn_user(said, DataWarning)
    report.split = split
    report.split_by = chosen_by
    if isinstance(metadata, ModelMetadata) and metadata.training_data.recorded():
        path = getattr(model, "path", None)  # named in the advice's taikai info -m
        scored = df.iloc[ok]  # rows not scored (an empty text) are no evaluated rows the model saw
        report.overlap = training_overlap(metadata, data, whole, scored, columns, text_column, split, path)
        warning = report.overlap.warning()
        if warning:
            warn_user(f"{source}: {warning}", DataWarning)
    if report.picked is not None:  # the rows its model was least sure of: after the rows it was trained on
        warn_user(f"{source}: {report.picked.warning()}", DataWarning)
    return report


def _conflicts(
    df: pd.DataFrame, read: pd.Index, places: Sequence[str], text: Hashable, sentiment: Hashable | None
) -> LabelConflicts:
    """Return the texts the rows *df* evaluates (of the labelled rows *read*, at their *places*) label differently."""
    where = dict(zip(read, places, strict=True))
    felt = None if sentiment is None else df[sentiment].tolist()
    labels = row_labels(df["label_set"].tolist(), felt)
    return label_conflicts(df[text].tolist(), labels, [where[r] for r in df.index])


def skipped_rows(bad: Sequence[BadRow]) -> str:
    """Return the warning about rows labelled in part: their count and the first few, at their file line."""
    from taikai.io import list_rows

    lines = list_rows(f"{len(bad):,} row(s) labelled in part cannot be scored and were skipped:", bad)
    lines.append("fill in their reasons (the primary one first) to score them, or leave both empty")
    return "\n".join(lines)
