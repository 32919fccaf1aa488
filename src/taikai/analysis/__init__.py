"""Looking into the model and its predictions: explanations, keywords, tables, charts and the HTML report.

The charts need the ``report`` extra (matplotlib, matplotlib-fontja), imported when a chart is drawn.

Four names were renamed, as other packages hold the old ones (``from taikai.analysis import *`` beside
``from taikai.io import *`` bound one of the two): the report's blocks :class:`Chart` (was ``Figure``, as
``taikai.drift.Figure``), :class:`ReportTable` (``Table``, as ``taikai.io.Table``) and :data:`ReportBlock`
(``Block``, as ``taikai.model.Block``), and :data:`FREQUENCY_NAMES_JA` (``FREQUENCIES``, as
``taikai.drift.FREQUENCIES``). :func:`register_japanese_font` was ``japanese_font``, a noun for a call that
registers the charts' font with matplotlib. The old names still read, with a ``DeprecationWarning``.
"""

from taikai._lazy import public_dir as _public_dir
from taikai._lazy import renamed as _renamed

# A name imported as itself (`x as x`) is shared: taikai's other packages import it from here, but it is not the
# API (not in __all__ nor dir(); docs/api.md names it only in this package's closing index).
from taikai.analysis._changes import Change, biggest, period_changes, segment_changes
from taikai.analysis._chart_fonts import register_japanese_font, use_japanese_font
from taikai.analysis._charts import (
    reason_bars,
    segment_bars,
    sentiment_bars,
    stated_bars,
    to_data_uri,
    trend_counts,
    trend_shares,
)
from taikai.analysis._confusion_plot import confusion_plot
from taikai.analysis._drift_section import DriftSection, drift_section
from taikai.analysis._explain import explain
from taikai.analysis._explain_text import render_text as render_text
from taikai.analysis._explain_words import WordPart
from taikai.analysis._explanation import Contribution, Explanation, HeadExplanation
from taikai.analysis._keywords import Keyword, Keywords, distinctive_words, keywords, words_by_label
from taikai.analysis._matplotlib_home import use_writable_matplotlib_home as _use_writable_matplotlib_home
from taikai.analysis._misclassified_rows import misclassified
from taikai.analysis._repo_data import RepoData, find_repo_data
from taikai.analysis._report import (
    SECTIONS,
    Bullets,
    Cell,
    Chart,
    Column,
    ColumnKind,
    CountShare,
    Heading,
    ModelInfo,
    Note,
    Origin,
    Paragraph,
    ReportBlock,
    ReportContext,
    ReportOptions,
    ReportTable,
    Section,
    SectionBuilder,
    Share,
    Steps,
    build_report,
    html_table,
    write_report,
)
from taikai.analysis._report import index_as_column as index_as_column
from taikai.analysis._review_tables import least_confident, representative_reviews, top_probability
from taikai.analysis._rule_evaluation import evaluate_rules
from taikai.analysis._rules_section import RulesSection, rules_section
from taikai.analysis._segment_breakdown import segment_breakdown
from taikai.analysis._tables import (
    FREQUENCY_NAMES_JA,
    classified,
    period_label,
    plain_predictions,
    reason_distribution,
    reasons_over_time,
    reasons_per_review,
    sentiment_by_reason,
    sentiment_distribution,
    sentiment_over_time,
    shares_over_time,
    stated_reasons,
    status_counts,
)
from taikai.analysis._tables import reason_labels as reason_labels
from taikai.io import parse_dates
from taikai.text import content_words

__all__ = [
    "FREQUENCY_NAMES_JA",
    "SECTIONS",
    "Bullets",
    "Cell",
    "Change",
    "Chart",
    "Column",
    "ColumnKind",
    "Contribution",
    "CountShare",
    "DriftSection",
    "Explanation",
    "HeadExplanation",
    "Heading",
    "Keyword",
    "Keywords",
    "ModelInfo",
    "Note",
    "Origin",
    "Paragraph",
    "RepoData",
    "ReportBlock",
    "ReportContext",
    "ReportOptions",
    "ReportTable",
    "RulesSection",
    "Section",
    "SectionBuilder",
    "Share",
    "Steps",
    "WordPart",
    "biggest",
    "build_report",
    "classified",
    "confusion_plot",
    "content_words",
    "distinctive_words",
    "drift_section",
    "evaluate_rules",
    "explain",
    "find_repo_data",
    "html_table",
    "keywords",
    "least_confident",
    "misclassified",
    "parse_dates",
    "period_changes",
    "period_label",
    "plain_predictions",
    "reason_bars",
    "reason_distribution",
    "reasons_over_time",
    "reasons_per_review",
    "register_japanese_font",
    "representative_reviews",
    "rules_section",
    "segment_bars",
    "segment_breakdown",
    "segment_changes",
    "sentiment_bars",
    "sentiment_by_reason",
    "sentiment_distribution",
    "sentiment_over_time",
    "shares_over_time",
    "stated_bars",
    "stated_reasons",
    "status_counts",
    "to_data_uri",
    "top_probability",
    "trend_counts",
    "trend_shares",
    "use_japanese_font",
    "words_by_label",
    "write_report",
]
__dir__ = _public_dir(globals(), __all__)  # what the package offers, not what it imports for itself

# The old names: four that other packages hold too, and one that did not say it registers (see the docstring).
__getattr__ = _renamed(
    __name__,
    {
        "Figure": "Chart",
        "Table": "ReportTable",
        "Block": "ReportBlock",
        "FREQUENCIES": "FREQUENCY_NAMES_JA",
        "japanese_font": "register_japanese_font",
    },
)

# Before matplotlib is first imported (a chart, the report): a home it cannot write gets a folder that it can.
_use_writable_matplotlib_home()
