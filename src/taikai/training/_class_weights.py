"""A class weighting per label (``FeatureConfig(class_weight={...})``) read as the training rows' labels are read,
and checked against the labels of the rows a model is fitted on, before anything is fitted: a key that labels none
of them is named (else the fit would fail with scikit-learn's message, which blames the rows and names no key)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import TYPE_CHECKING

from taikai.errors import InputError
from taikai.labels import label_list, reason_id, sentiment_id
from taikai.training._checks import labelled

if TYPE_CHECKING:
    import pandas as pd

    from taikai.model import FeatureConfig


def read_class_weights(
    config: FeatureConfig,
    fit_df: pd.DataFrame,
    test_df: pd.DataFrame,
    sentiment_column: Hashable | None,
    free_labels: bool = False,
) -> FeatureConfig:
    """Return *config* with the keys of a dict ``class_weight`` (reason head) or ``sentiment_class_weight`` read as
    label cells are read: the taxonomy's Japanese display names and ids in any case are its ids (``手数料が高い``
    and ``Fees`` are ``fees``, ``ネガティブ`` is ``negative``), unless *free_labels* (labels of one's own, kept as
    written). Raise :class:`InputError` for the first key that is no primary reason, or sentiment, of the rows
    fitted on (*fit_df*): named as a label only the held-out test rows (*test_df*) have, or as no label of the data
    at all; and for two keys that name one label."""
    heads: list[tuple[str, Hashable, str, Callable[[str], str]]] = [("class_weight", "primary", "reasons", reason_id)]
    if sentiment_column is not None:
        heads.append(("sentiment_class_weight", sentiment_column, "sentiments", sentiment_id))
    read: dict[str, dict[str, float]] = {}
    for name, column, kind, label_of in heads:
        weights = getattr(config, name)
        if not isinstance(weights, dict):
            continue
        fitted = sorted(map(str, labelled(fit_df, column).unique()))
        held = set(map(str, labelled(test_df, column).unique())) if len(test_df) else set()
        read[name] = {}
        written: dict[str, str] = {}
        for key, weight in weights.items():
            label = key if free_labels else label_of(key)
            named = repr(key) if label == key else f"{key!r} ({label})"
            if label in written:
                raise InputError(
                    f"{name} has the keys {written[label]!r} and {key!r}, which name one label, {label!r} (as "
                    "label cells are read): give it one weight"
                )
            written[label], read[name][label] = key, weight
            if label in fitted:
                continue
            if label in held:
                raise InputError(
                    f"{name}[{key!r}]: {named} labels only rows held out for the test, none of the {len(fit_df):,} "
                    f"training rows (their {kind}: {label_list(fitted)}), so that head cannot weigh it: leave it "
                    f"out of {name}, or label more rows with it"
                )
            raise InputError(f"{name}[{key!r}] is not a label of the training rows ({kind}: {label_list(fitted)})")
    if not read:
        return config
    return replace(
        config,
        class_weight=read.get("class_weight", config.class_weight),
        sentiment_class_weight=read.get("sentiment_class_weight", config.sentiment_class_weight),
    )
