"""The shape of the report's words (``Phrases``) and how a template with a plural choice is filled."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Any

_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")
"""``{count|review|reviews}`` in a template: the first word when the value of ``count`` is 1, else the second."""


def fill(template: str, **values: Any) -> str:
    """Return *template* filled with *values*, choosing between ``{name|one|many}`` by whether ``name`` is 1.

    A value counts as 1 whether given as a number or formatted (``"1"``); the Japanese templates need no such
    choice and have none.
    """

    def choose(match: re.Match[str]) -> str:
        value = str(values[match.group(1)]).replace(",", "").strip()
        return match.group(2) if value == "1" else match.group(3)

    return _PLURAL.sub(choose, template).format(**values)


@dataclass(frozen=True)
class Phrases:
    """The report's headings, labels and sentences in one language; ``{name}`` fields are filled by ``format``."""

    lang: str
    heading: str
    input_line: str
    trial_run: str
    pii_masked: str
    pii_count: str
    pii_none: str
    pii_none_more: str
    pii_input_batch: str
    pii_version: str
    pii_input_placeholders: str
    pii_not_masked: str
    pii_join: str
    summary: str
    summary_rows: str
    summary_top: str
    summary_top_tied: str
    summary_tied_join: str
    summary_sentence_join: str
    summary_top_override: str
    summary_top_override_tied: str
    summary_model_join: str
    summary_sentiment: str
    summary_up: str
    summary_down: str
    summary_segment_up: str
    summary_segment_down: str
    summary_segment_pooled_only: str
    summary_no_change: str
    summary_against_previous: str
    summary_against: str
    summary_no_comparison: str
    summary_no_comparison_one_reason: str
    summary_no_comparison_one_reason_large: str
    summary_no_segment_change: str
    summary_no_segment_comparison: str
    summary_no_segment_comparison_one_reason: str
    summary_method: str
    summary_method_periods: str
    summary_method_segments: str
    summary_method_and: str
    summary_drift: dict[str, str]
    """The summary's line on drift, by the drift check's verdict (``yes``, ``no``, ``not judged``; ``unchecked``: it
    could not be made): ``{verdict}`` as the drift section says it, ``{title}`` that section's title."""
    model: str
    model_name: str
    model_sha: str
    model_created: str
    model_accuracy: str
    model_macro_f1: str
    model_test_rows: str
    model_refit: str
    model_no_test: str
    model_from_summary: str
    model_from_option: str
    model_assumed: str
    model_unknown: str
    model_assumed_frame: str
    model_unknown_frame: str
    model_assumed_stale: str
    model_unknown_stale: str
    model_assumed_prefix: str
    """The summary's model wrote the columns prefixed ``{recorded}``, the page reads the ``{prefix}`` ones."""
    model_unknown_prefix: str
    status: str
    status_note: str
    status_messages: str
    status_cut: str
    set_aside: str
    set_aside_counts: str
    set_aside_spans: str
    set_aside_none: str
    set_aside_sample: str
    set_aside_no_summary: str
    summary_ignored: str
    reasons: str
    reasons_note: str
    reasons_note_override: str
    reasons_per_review: str
    primary: str
    stated: str
    share: str
    count: str
    total: str
    reason: str
    name: str
    sentiment: str
    sentiment_overall: str
    sentiment_over_time: str
    sentiment_per_reason: str
    sentiment_none: str
    sentiment_no_rows: str
    trend: str
    trend_none: str
    trend_dated: str
    trend_note: str
    trend_out_of_range: str
    trend_stray: str
    trend_order_untold: str
    trend_fiscal: str
    trend_zone: str
    trend_zone_written: str
    trend_counts: str
    trend_shares: str
    segments: str
    segments_none: str
    segments_note: str
    words: str
    words_note: str
    words_none: str
    words_weak: str
    representative: str
    representative_note: str
    uncertain: str
    uncertain_note: str
    rest_segments: str
    """The row of the segments summed past the largest, ``{n}`` how many: ``ほか {n} 件の値``."""
    rest_labels: str
    """The bar of the reasons a chart pools past the most frequent (``_top_labels``): ``ほか {n} 件の理由``."""
    charts_pooled: str
    """Under a chart that pooled reasons: ``{top}`` drawn, ``{rest}`` pooled into the bar named ``{other}``."""
    no_rows: str
    same_text_note: str
    model_reason_note: str
    """Under ``--rules-mode override``: the reviews are the model's, the reason column the rule's label."""
    blank: str
    blank_cells: str
    """The blanks' name in a column holding a value written as *blank* (``(blank)``, as Excel pivot tables write)."""
    review_columns: dict[str, str]
    rules: str
    rules_note: str
    rules_flag: str
    rules_override: str
    rules_none: str
    rules_matrix_note: str
    rules_examples_note: str
    rules_columns: dict[str, str]
    churn_words: tuple[tuple[str, str], ...] = ()
    """The words that name the churn taxonomy's subject and what :meth:`for_own_labels` writes instead."""

    def for_own_labels(self) -> Phrases:
        """Return these phrases for a model of labels of its own (``train --free-labels`` on news topics, say): its
        reasons are no churn reasons, so the page is no 退会理由レポート."""
        words: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                for churn, own in self.churn_words:
                    value = value.replace(churn, own)
                words[f.name] = value
        return replace(self, **words)
