"""The thresholds of the drift check, each set in docs/drift.md: measured on held-out splits of the corpus, on the
sample dump (whole and per month and week) and on clearly drifted text, each between the two groups with a margin.
"""

from __future__ import annotations

MIN_ROWS = 30
"""A dump, period or reference with fewer classified rows is reported but not judged: its figures are too noisy."""
CHANCE = 0.001
"""A part of a dump (a period, or the whole) is judged past a limit only when it is past it by more than chance at its
number of rows gives with this probability (:mod:`taikai.drift._chance`): one period in a thousand at the limit."""
CHANCE_DRAWS = 20_000
"""Seeded draws from the reference's label mix that measure the chance of a label-mix divergence at a size."""
UNCLASSIFIABLE_MARGIN = 0.05
"""Alert when the share of empty, non-Japanese or unreadable rows exceeds the reference's by this much."""
OOV_MARGIN = 0.05
"""Alert when the token OOV rate exceeds the reference's by this much (absolute)."""
LENGTH_RATIO = 2.5
"""Alert when the mean number of tokens per row is this many times the reference's, or this many times fewer."""
CONFIDENCE_DROP = 0.2
"""Alert when the mean top reason probability is this much below the reference's."""
LOW_CONFIDENCE_MARGIN = 0.4
"""Alert when the share of rows whose top reason probability is below 0.5 exceeds the reference's by this much."""
REASON_JS = 0.2
"""Alert when the Jensen–Shannon divergence (bits) of the predicted reason mix from the reference passes this."""
SENTIMENT_JS = 0.1
"""The same for the predicted sentiment mix."""
REASON_SHARE_MARGIN = 0.25
"""Alert when one predicted reason's share of the classified rows exceeds its share in the reference by this much
(absolute): the reason-mix divergence cannot see one reason rising from 9 % to 51 % (a fee hike)."""
ONE_TEXT_SHARE = 0.2
"""A part (the whole dump, or a period of at least ``MIN_ROWS`` rows) at least this share of whose rows hold one
text (as the duplicate count reads texts) is said to be filled by it: a paste or spam, not a change in reviewers."""
NEW_WORD_MIN_SHARE = 0.02
"""A new word is in at least this share of the rows (and at least ``NEW_WORD_MIN_ROWS`` rows) ..."""
NEW_WORD_MIN_ROWS = 5
NEW_WORD_RATIO = 10.0
"""... and in at most one tenth of that share of the reference's rows."""
NEW_WORD_SHARE = 0.15
"""Alert when new words make up more than this share of the content words' row counts (see :func:`new_word_share`)."""
NEW_WORDS_SHOWN = 20
"""The most frequent new words listed per dump or period."""
FIGURE_NAMES = (
    "unclassifiable_share",
    "oov_rate",
    "tokens_per_row",
    "mean_confidence",
    "low_confidence_share",
    "reason_shift",
    "reason_share",
    "sentiment_shift",
    "new_word_share",
)
"""The figures shown per period (``short_rows`` is the lower limit of ``tokens_per_row``), in report order;
``sentiment_shift`` only for a model with a sentiment head."""
