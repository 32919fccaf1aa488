"""A class weighting per label (``FeatureConfig(class_weight={...})``) checked against the labels of the rows a model
is fitted on, before anything is fitted: a key that labels none of them is named (else the fit would fail with
scikit-learn's message, which blames the rows and names no key)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from taikai.errors import InputError
from taikai.labels import label_list
from taikai.training._checks import labelled

if TYPE_CHECKING:
    import pandas as pd

    from taikai.model import FeatureConfig


def check_class_weights(
    config: FeatureConfig, fit_df: pd.DataFrame, test_df: pd.DataFrame, sentiment_column: Hashable | None
) -> None:
    """Raise :class:`InputError` for the first key of a dict ``class_weight`` (reason head) or
    ``sentiment_class_weight`` that is no primary reason, or sentiment, of the rows fitted on (*fit_df*): named as
    a label only the held-out test rows (*test_df*) have, or as no label of the data at all."""
    heads: list[tuple[str, object, Hashable, str]] = [("class_weight", config.class_weight, "primary", "reasons")]
    if sentiment_column:
        heads.append(("sentiment_class_weight", config.sentiment_class_weight, sentiment_column, "sentiments"))
    for name, weights, column, kind in heads:
        if not isinstance(weights, dict):
            continue
        fitted = sorted(map(str, labelled(fit_df, column).unique()))
        held = set(map(str, labelled(test_df, column).unique())) if len(test_df) else set()
        for key in weights:
            if key in fitted:
                continue
            if key in held:
                raise InputError(
                    f"{name}[{key!r}]: {key!r} labels only rows held out for the test, none of the {len(fit_df):,} "
                    f"training rows (their {kind}: {label_list(fitted)}), so that head cannot weigh it: leave it "
                    f"out of {name}, or label more rows with it"
                )
            raise InputError(f"{name}[{key!r}] is not a label of the training rows ({kind}: {label_list(fitted)})")
