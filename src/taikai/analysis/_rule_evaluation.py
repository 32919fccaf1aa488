"""Score a rules file against a labelled file (``taikai rules test``): per rule hits, precision, recall, misfires."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from taikai._argument_order import argument_order
from taikai._frame_rows import index_labels, shown_id
from taikai._masked_messages import errors_masked
from taikai._warn import warn_user
from taikai.errors import (
    ID_COLUMN,
    REASONS_COLUMN,
    TEXT_COLUMN,
    DataWarning,
    InputError,
    check_bool,
    check_int,
    wrong_type,
)
from taikai.io import (
    check_labelled,
    check_labelled_data,
    id_column_by_name,
    list_rows,
    read_labelled_file,
    unescape_sheet,
)
from taikai.model import (
    Model,
    checked_rules,
    column_label,
    columns_read,
    default_model_labels,
    find_column,
    resolve_model,
    trained_noted,
)
from taikai.rules import RuleMatcher, RuleSet, RulesScore, score_rules
from taikai.text import RULES_SCORES, label_conflicts, picked_rows, row_labels

if TYPE_CHECKING:
    import pandas as pd

RULES_SCORED_TWICE = (
    "Each row is scored against its own reasons, so a rule of one of their labels is counted right on one row and "
    "wrong on the other"
)
"""What texts labelled in different ways do to a rules test (:class:`~taikai.text.LabelConflicts`)."""


@argument_order
@errors_masked
def evaluate_rules(
    rules: RuleSet | RuleMatcher | str | Path | Sequence[str | Path | RuleSet],
    data: str | Path | pd.DataFrame,
    model: Model | str | Path | None = None,
    text_column: Hashable = "text",
    reasons_column: Hashable = "reasons",
    encoding: str | None = None,
    examples: int = 5,
    encoding_errors: str = "strict",
    mask_pii: bool = False,
    sheet: str | int | None = None,
    id_column: Hashable | None = None,
) -> RulesScore:
    """Match *rules* on the labelled file *data* (CSV, TSV, JSONL, Parquet or xlsx with text and reasons, or a
    DataFrame with those columns, as :func:`taikai.evaluate` takes) and score each rule against the gold reasons
    (see :data:`taikai.rules.DEFINITION`).

    Reasons may be ids or Japanese display names, as for ``taikai train --add``; rows without reasons (a sheet
    labelled in part) are skipped and counted (``skipped``), so are rows with further reasons but no primary one
    (``in_part``, with a warning naming them), and a label the model does not know stops with its row. The
    rules' labels are checked against *model*'s reasons (default: the shipped model), as when they run next
    to it. Misfires carry the file line their row starts on (CSV, TSV, JSONL, counting the header; an xlsx
    sheet's row number) and its 0-based data row (:class:`taikai.rules.Misfire`). Rows whose text cannot be
    classified are counted as not matched, not dropped silently.

    ``mask_pii=True`` replaces personal data in the texts by placeholders (:func:`taikai.mask_pii`) first, as
    ``predict --mask-pii`` does before its rules run: the rules are matched on the masked texts, and the misfires
    quote them masked; the score's ``masks`` counts what was masked, per kind. *sheet* (a name or 1-based number)
    chooses the sheet of an xlsx *data* (default: the one
    named ``labels``, else the first). A column argument left at its standard name (``text``, ``reasons``) that
    *data* lacks reads the column *model* was trained on (``text_column='本文'``) when *data* has it, with a
    :class:`~taikai.errors.DataWarning` saying so. *id_column* (``review_id``) names each row listed (misfires, rows
    labelled in part, unknown labels) by its id after its place (``line 5 (id R-17)``), as ``taikai batch`` does, and
    gives it as each misfire's ``id``; a column *data* lacks is an error. Without it, the first column named as ids
    are (``review_id``, ``id``, ``回答ID``, ``ID``, ``response_id``) whose values name the rows is, as ``suggest`` and
    ``evaluate`` find it (``score.id_column``, ``score.id_by_name``).
    """
    import pandas as pd

    several = isinstance(rules, Sequence) and not isinstance(rules, str) and len(rules) > 0
    several = several and all(isinstance(r, (str, Path, RuleSet)) for r in rules)  # type: ignore[union-attr]
    if not several and not isinstance(rules, (RuleSet, RuleMatcher, str, Path)):  # None: nothing to score
        raise wrong_type("rules", rules, "the path of a rules file, a RuleSet (taikai.load_rules) or a list of them")
    check_labelled_data(data)
    if isinstance(data, pd.DataFrame) and sheet is not None:
        raise InputError("sheet= applies to an xlsx file of labelled data, not to a DataFrame; leave it out")
    check_int("examples", examples, 0)
    check_bool("mask_pii", mask_pii)
    resolved = resolve_model(model)
    matcher = checked_rules(rules, resolved, model)
    assert matcher is not None
    labels = None
    if isinstance(data, pd.DataFrame):  # a suggest sheet read with pandas: unescaped as the same CSV file would be
        labels = index_labels(data.index)  # its rows named by their labels too, when not their positions
        frame, source, lines, read = unescape_sheet(data).reset_index(drop=True), "<frame>", None, None
        skipped = 0
    else:
        wanted = [(text_column, TEXT_COLUMN), (reasons_column, REASONS_COLUMN)]  # a header below a title: said so
        table = read_labelled_file(
            Path(data),
            encoding=encoding,
            encoding_errors=encoding_errors,
            sheet=sheet,
            wanted=wanted,
            mask_pii=mask_pii,
        )
        frame, source, lines, read, skipped = table.frame, table.source, table.lines, table.sheet, table.blank
    # named as predict_frame finds a column: "0" is the label 0 of a frame read with header=None
    text_column, reasons_column = (column_label(frame.columns, c) for c in (text_column, reasons_column))
    trained = resolved.metadata.columns
    text_column, reasons_column, _ = columns_read(frame.columns, (text_column, reasons_column, None), trained, source)
    if id_column is not None:  # refused, with the columns there are, as batch refuses it
        id_column = find_column(frame.columns, id_column, ID_COLUMN, source=source, index=frame.index.names)
    by_name = id_column is None and (id_column := id_column_by_name(frame, text_column, source)) is not None
    masks: dict[str, int] | None = {} if mask_pii else None  # per kind, as drift counts them
    if mask_pii and text_column in frame.columns:  # before a warning quotes one, cut (a row labelled in part)
        from taikai.privacy import default_masker, sum_counts

        frame = frame.copy()
        frame[text_column], found = default_masker().mask_values(frame[text_column].tolist(), run=True)
        masks = sum_counts([found])
    with trained_noted(frame.columns, (text_column, reasons_column, None), trained):  # named when one is missing
        labelled = check_labelled(
            frame,
            source,
            text_column,
            reasons_column,
            None,
            lines=lines,
            require_text=False,
            skip_blank=True,
            blank_lines=skipped,  # a sheet's empty rows: counted with the rows without reasons
            known_reasons=resolved.reason_labels,
            sheet=read,
            sheet_given=sheet is not None,
            on_bad_rows="skip",  # a row labelled in part (only more_reasons): skipped with a warning, as evaluate does
            unknown_hint=default_model_labels("a sheet") if model is None else "",  # perhaps a --free-labels model's
            index=labels,
            id_column=id_column,
        )
    if labelled.bad:
        head = f"{len(labelled.bad):,} row(s) labelled in part cannot be scored and were skipped:"
        tail = "fill in their reasons (the primary) to score them, or leave the row empty"
        warn_user("\n".join([*list_rows(head, labelled.bad), tail]), DataWarning)
    kept = labelled.frame
    if kept.empty:
        raise InputError(
            f"{source}: no row to score: {labelled.rows:,} row(s), {labelled.blank:,} of them without reasons "
            f"skipped; label some rows (reasons) and test the rules again"
        )
    conflicts = label_conflicts(
        kept[text_column].tolist(), row_labels([sorted(s) for s in kept["label_set"]]), labelled.places
    )
    # two labellers' sheets put together: a rule is right on one of the rows and wrong on another (reasons as a set:
    # a rule is scored against any of them, so their order does not matter)
    if said := conflicts.warning(RULES_SCORED_TWICE, source):
        warn_user(said, DataWarning)
    positions = [frame.index.get_loc(i) for i in kept.index]
    texts = kept[text_column].tolist()  # masked above with mask_pii
    score = score_rules(
        matcher,
        texts,
        kept["label_set"].tolist(),
        [lines[p] for p in positions] if lines is not None else None,
        examples=examples,
        source=source,
        rows=positions,
        index=None if labels is None else [labels[p] for p in positions],
    )
    if id_column is not None:  # each misfire named by its id too
        ids = frame[id_column].tolist()
        rules_named = tuple(
            replace(r, examples=tuple(replace(m, id=shown_id(ids[m.row])) for m in r.examples)) for r in score.rules
        )
        score = replace(score, rules=rules_named)
    picked = picked_rows(frame, positions)  # a suggest sheet's rows its model was least sure of, as evaluate warns
    if picked is not None:
        warn_user(f"{source}: {picked.warning(RULES_SCORES)}", DataWarning)
    named = None if id_column is None else str(id_column)
    score = replace(score, id_column=named, id_by_name=by_name)
    return replace(score, skipped=labelled.blank, in_part=len(labelled.bad), masks=masks, picked=picked)
