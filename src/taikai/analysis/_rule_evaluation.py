"""Score a rules file against a labelled file (``taikai rules test``): per rule hits, precision, recall, misfires."""

from __future__ import annotations

from pathlib import Path

from taikai.io import read_table, validate_labelled
from taikai.model import Model, resolve_model
from taikai.rules import RuleMatcher, RuleSet, RulesScore, score_rules


def evaluate_rules(
    rules: RuleSet | RuleMatcher | str | Path,
    data: str | Path,
    model: Model | str | Path | None = None,
    text_column: str = "text",
    reasons_column: str = "reasons",
    encoding: str | None = None,
    examples: int = 5,
) -> RulesScore:
    """Match *rules* on the labelled file *data* (CSV, TSV, JSONL, Parquet or xlsx with text and reasons) and
    score each rule against the gold reasons (see :data:`taikai.rules.DEFINITION`).

    The rules' labels are checked against *model*'s reasons (default: the shipped model), as when they run
    next to it. Misfires name the file line of their row (CSV, TSV, JSONL). Rows whose text cannot be
    classified are counted as not matched, not dropped silently.
    """
    matcher = resolve_model(model).prepare_rules(rules)
    assert matcher is not None
    table = read_table(Path(data), encoding=encoding)
    df = validate_labelled(
        table.frame, table.source, text_column, reasons_column, None, require_text=False, lines=table.lines
    )
    return score_rules(
        matcher,
        df[text_column].tolist(),
        df["label_set"].tolist(),
        table.lines,
        examples=examples,
        source=table.source,
    )
