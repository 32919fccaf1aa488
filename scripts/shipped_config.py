"""The feature configuration the analysis scripts train: the shipped one (word n-grams + chiVe vectors) by default.

Shared by ``ablate_batches.py``, ``learning_curve.py`` and ``active_learning.py``, which each take ``--vectors
none|chive`` with the name and choices of ``taikai train --vectors``; its default is ``chive``, as
``models/default`` is trained (``FeatureConfig.shipped()``, the library's one statement of it), so that the tables
those scripts write describe the shipped model unless asked for the words-only one. ``select_model.py`` takes no
``--vectors``: it compares configurations with and without vectors of its own, and uses only ``token_block``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any

from taikai.errors import ModelError
from taikai.model import DEFAULT_VECTORS, FeatureConfig, build_pipeline, check_vectors

SHIPPED_VECTORS = FeatureConfig.shipped().vectors or "none"
VECTOR_CHOICES = ("none", DEFAULT_VECTORS)


def add_vectors_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--vectors none|chive`` (default ``chive``, the shipped configuration) to *parser*."""
    parser.add_argument(
        "--vectors",
        choices=VECTOR_CHOICES,
        default=SHIPPED_VECTORS,
        help=f"pooled word vectors beside the word n-grams, as `taikai train --vectors` (default: {SHIPPED_VECTORS}, "
        "the shipped configuration; none: words only)",
    )


def feature_config(vectors: str) -> FeatureConfig:
    """Return the shipped configuration with the word vectors *vectors* (``none``: words only), the table checked.

    Exits with the library's message (which says how to build the table) when the table cannot be read, before
    any corpus is read or tokenised.
    """
    if vectors not in VECTOR_CHOICES:
        sys.exit(f"--vectors must be one of {', '.join(VECTOR_CHOICES)}, not {vectors!r}")
    config = replace(FeatureConfig.shipped(), vectors=None if vectors == "none" else vectors)
    if config.vectors is not None:
        try:
            check_vectors(config.vectors)
        except ModelError as error:
            sys.exit(f"--vectors {vectors}: {error}")
    return config


def describe(config: FeatureConfig) -> str:
    """Return the configuration's features in a few words, for the scripts' tables."""
    return f"words + {config.vectors} vectors" if config.vectors else "words only"


def token_block(config: FeatureConfig) -> Any:
    """Return the unfitted part of *config*'s features that reads tokens (TF-IDF, and the vectors beside it)."""
    union = build_pipeline(config).named_steps["features"]
    [(_, words)] = union.transformer_list  # the scripts' configurations have the one word block
    return words[-1]
