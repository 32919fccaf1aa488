"""The report's section on coding rules: hits per rule, rule label × model label, and conflicting reviews.

It reads the columns rules add to predictions (``rule_names``, ``rule_reasons``, ``rule_conflict``, and
``model_reason`` under ``--rules-mode override``), plain or prefixed, from a frame or as read back from any output
format (``taikai.io.read_predictions`` gives CSV's ``True``/``False`` as booleans; the text is read too). Predictions
without ``rule_reasons`` have no such section.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from taikai.analysis._blanks import blank_as_missing, blank_name
from taikai.analysis._review_tables import shown_columns
from taikai.analysis._tables import classified, plain_predictions, reason_labels
from taikai.errors import check_int
from taikai.labels import REASON_IDS, label_order, parse_reasons
from taikai.rules import MODEL_REASON


@dataclass(frozen=True)
class RulesSection:
    """What the rules said about classified rows, next to the model.

    ``hits``: per rule (most hits first), its label (when the predictions show it unambiguously), its rules file
    (when the rules came from several files, see :func:`rules_section`), hits,
    share of the classified rows and rows in conflict. ``matrix``: rows where rules fired, counted per
    rule label (rows) and the model's own reason (columns); off the diagonal are the disagreements.
    ``examples``: conflicting rows, the model's surest disagreements first, spread over the rule labels (and their
    rules files, when the rules came from several).
    """

    rows: int
    ruled: int
    conflicts: int
    override: bool
    hits: pd.DataFrame
    matrix: pd.DataFrame
    examples: pd.DataFrame


def _flag(value: object) -> bool:
    """Return whether a ``rule_conflict`` cell is true: ``True``, ``1`` or the text ``true`` (CSV); missing is not."""
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return isinstance(value, (bool, int, float)) and value == 1


def _split(values: pd.Series) -> pd.Series:
    return values.map(lambda v: tuple(parse_reasons(v)) if isinstance(v, str) else ())


def rules_section(
    df: pd.DataFrame,
    text_column: Hashable = "text",
    examples: int = 20,
    context: str | list[str] | None = None,
    *,
    prefix: str | None = None,
    rules: Sequence[str] | Mapping[str, str | None] = (),
    files: Mapping[str, str] | None = None,
) -> RulesSection | None:
    """Return the rules section of the predictions *df*, or ``None`` when it has no ``rule_reasons`` column.

    Prefixed predictions (``predict_frame(prefix="pred_")``, ``taikai batch --prefix pred_``: ``pred_rule_reasons``)
    are read as :func:`~taikai.analysis.plain_predictions` reads them; *prefix* chooses among several sets.
    *context* names further columns to show with the examples (an id, the date, the platform; one not in *df* is
    refused, as *text_column* is, and as ``representative_reviews`` refuses them); a blank cell of theirs reads
    :data:`~taikai.analysis._blanks.MISSING_SEGMENT`, as in ``representative_reviews``.
    *rules* names the rules that ran, or maps each to its label (the batch summary lists them, with their labels
    since it records them): those that never fired are in ``hits`` with 0, and a label given is a rule's ``label``.
    *files* maps each rule to the rules file it came from (the batch summary's ``rule_files``, of a run given several
    ``--rules``): when they are several, ``hits`` has a ``file`` column after ``label`` (missing for a rule not
    mapped), and ``examples`` one after ``rule_names``, each row's files; of one file, or none given, neither has.
    """
    check_int("examples", examples, 0)
    plain = plain_predictions(df, prefix)
    if "rule_reasons" not in plain.columns:
        return None
    text_column, shown = shown_columns(df, plain, text_column, context)  # a typo refused, as review tables do
    df = plain
    rows = classified(df)
    labels = _split(rows["rule_reasons"])
    names = _split(rows["rule_names"]) if "rule_names" in rows.columns else labels
    model = rows[MODEL_REASON if MODEL_REASON in rows.columns else "reason"].astype(str)
    if "rule_conflict" in rows.columns:
        conflict = rows["rule_conflict"].map(_flag).astype(bool)
    else:
        conflict = pd.Series([bool(ls) and m not in ls for ls, m in zip(labels, model, strict=True)], rows.index)
    conflict &= labels.map(bool)  # a conflict needs a rule that fired
    per_rule: dict[str, list[int]] = {name: [0, 0] for name in rules}  # name -> [hits, conflicts]
    given = {name: label for name, label in rules.items() if label} if isinstance(rules, Mapping) else {}
    common: dict[str, set[str]] = {}  # name -> the labels on every row where it fired
    pairs: Counter[tuple[str, str]] = Counter()
    for row_names, row_labels, m, c in zip(names, labels, model, conflict, strict=True):
        for name in row_names:
            counts = per_rule.setdefault(name, [0, 0])
            counts[0] += 1
            counts[1] += bool(c)
            common[name] = common.get(name, set(row_labels)) & set(row_labels)
        pairs.update((label, m) for label in row_labels)
    rule_labels = label_order({label for row in labels for label in row}, REASON_IDS)
    columns = list(dict.fromkeys([*reason_labels(df), *(m for _, m in pairs)]))
    matrix = pd.DataFrame(
        [[pairs[(label, m)] for m in columns] for label in rule_labels],
        index=pd.Index(rule_labels, name="rule label"),
        columns=pd.Index(columns, name="model"),
    )
    hits = pd.DataFrame(
        {
            "label": [given.get(n) or _common(common.get(n, set())) for n in per_rule],
            "hits": [h for h, _ in per_rule.values()],
            "share": [h / max(len(rows), 1) for h, _ in per_rule.values()],
            "conflicts": [c for _, c in per_rule.values()],
        },
        index=pd.Index(list(per_rule), name="rule"),
    ).sort_values("hits", ascending=False, kind="stable")
    several = files if files is not None and len(set(files.values())) > 1 else None
    if several is not None:  # which file to edit, when the rules are of several
        hits.insert(1, "file", hits.index.map(lambda n: several.get(n)))
    return RulesSection(
        rows=len(rows),
        ruled=int(labels.map(bool).sum()),
        conflicts=int(conflict.sum()),
        override=MODEL_REASON in rows.columns,
        hits=hits,
        matrix=matrix,
        examples=_examples(rows[conflict], labels, names, model, text_column, examples, shown, several),
    )


def _common(labels: set[str]) -> str | None:
    """The label on every row where a rule fired, when there is one only (``None``: none, or several)."""
    return next(iter(labels)) if len(labels) == 1 else None


def _examples(
    rows: pd.DataFrame,
    labels: pd.Series,
    names: pd.Series,
    model: pd.Series,
    text_column: Hashable,
    n: int,
    context: list[Hashable],
    files: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Return up to *n* conflicting rows: per first rule label in turn, the model's surest disagreement first; with
    *files* (the rules of several files), each row's rules files after its rules (``file``: each once, in the order
    of its rules; missing when the summary names none of them)."""
    p_model = [_proba(rows, i, model[i]) for i in rows.index]
    p_rule = [_proba(rows, i, labels[i][0]) for i in rows.index]
    table = pd.DataFrame(
        {"rule_reasons": rows["rule_reasons"], "model": model[rows.index], "p_model": p_model, "p_rule": p_rule},
        index=rows.index,
    )
    if "rule_names" in rows.columns:
        table.insert(0, "rule_names", rows["rule_names"])
    if files is not None:
        ruled = names[rows.index].map(lambda row: " · ".join(dict.fromkeys(files[r] for r in row if r in files)))
        table.insert(int("rule_names" in table.columns), "file", ruled.where(ruled != "", None))
    table = table.sort_values("p_model", ascending=False, kind="stable")
    first = labels[table.index].map(lambda row: row[0])
    turn = first.groupby(first, sort=False).cumcount()
    picked = turn.sort_values(kind="stable").index[:n]
    keep = [c for c in dict.fromkeys(context) if c != text_column]
    shown = rows.loc[picked, keep]
    for column in keep:  # a blank platform reads as in segment_breakdown, as in the other tables of reviews
        shown[column] = blank_as_missing(shown[column], blank_name(rows[column]))
    return pd.concat([shown, table.loc[picked], rows.loc[picked, [text_column]]], axis=1)


def _proba(rows: pd.DataFrame, i: object, label: str) -> float:
    column = f"p_reason_{label}"
    return float(rows.at[i, column]) if column in rows.columns else float("nan")
