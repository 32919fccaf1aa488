"""What to say when scikit-learn cannot fit the features on the rows given: its own message names settings
(``max_df``) that taikai does not offer, so the words that apply to a taikai user are said instead."""

from __future__ import annotations

from taikai.errors import InputError
from taikai.model import FeatureConfig

_NO_WORDS = ("After pruning, no terms remain", "empty vocabulary")


def fit_failure(exc: ValueError, rows: int, config: FeatureConfig) -> InputError:
    """Return the error to raise for *exc*, raised while fitting *config*'s features and heads on *rows* rows."""
    said = str(exc)
    if not any(part in said for part in _NO_WORDS):
        return InputError(f"cannot train on {rows:,} rows: {said}")
    if config.min_df > 1:
        why = (
            f"no word or word pair is in at least {config.min_df} of the texts (the features keep only those, "
            f"min_df={config.min_df}), so there is nothing to learn from"
        )
        fix = (
            "give more labelled rows (a few dozen of each reason is a start), or, in Python, train with a config "
            "whose min_df is 1, such as config=dataclasses.replace(FeatureConfig.shipped(), min_df=1), to keep the "
            "words only one text has"
        )
    else:
        why = "the texts hold no word the features can use"
        fix = "give labelled rows of Japanese text"
    return InputError(f"cannot train on {rows:,} rows: {why}; {fix}")
