"""Looking into the model and its predictions: explanations, keywords, tables, charts and the HTML report.

The charts need the ``report`` extra (matplotlib, matplotlib-fontja), imported when a chart is drawn.
"""

from taikai.analysis._charts import (
    confusion_plot,
    japanese_font,
    reason_bars,
    segment_bars,
    sentiment_bars,
    to_data_uri,
    trend_lines,
    use_japanese_font,
)
from taikai.analysis._drift_section import DriftSection, drift_section
from taikai.analysis._explain import Contribution, Explanation, HeadExplanation, explain, render_text
from taikai.analysis._keywords import Keyword, Keywords, distinctive_words, keywords
from taikai.analysis._report import (
    SECTIONS,
    ReportContext,
    ReportOptions,
    Section,
    build_report,
    html_table,
    write_report,
)
from taikai.analysis._tables import (
    FREQUENCIES,
    classified,
    least_confident,
    reason_distribution,
    reason_labels,
    reasons_over_time,
    representative_reviews,
    segment_breakdown,
    sentiment_by_reason,
    status_counts,
    top_probability,
)
from taikai.io import parse_dates
from taikai.text import content_words

__all__ = [
    "FREQUENCIES",
    "SECTIONS",
    "Contribution",
    "DriftSection",
    "Explanation",
    "HeadExplanation",
    "Keyword",
    "Keywords",
    "ReportContext",
    "ReportOptions",
    "Section",
    "build_report",
    "classified",
    "confusion_plot",
    "content_words",
    "distinctive_words",
    "drift_section",
    "explain",
    "html_table",
    "japanese_font",
    "keywords",
    "least_confident",
    "parse_dates",
    "reason_bars",
    "reason_distribution",
    "reason_labels",
    "reasons_over_time",
    "render_text",
    "representative_reviews",
    "segment_bars",
    "segment_breakdown",
    "sentiment_bars",
    "sentiment_by_reason",
    "status_counts",
    "to_data_uri",
    "top_probability",
    "trend_lines",
    "use_japanese_font",
    "write_report",
]
