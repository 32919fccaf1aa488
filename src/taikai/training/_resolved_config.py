"""The feature configuration a training uses: the one given, or the shipped one, once its word-vector table is
known to load (a missing table fails before any data is read), a table given by a relative path made absolute."""

from __future__ import annotations

from dataclasses import replace

from taikai.errors import ModelError, wrong_type
from taikai.model import FeatureConfig, check_vectors, located_vectors


def resolve_config(config: FeatureConfig | None) -> FeatureConfig:
    """Return *config*, or the shipped configuration when it is ``None``, once the word-vector table it names
    is known to load (a missing table fails here, before any data is read). A table given by a relative path is
    recorded by its absolute one: the model then finds it from any working directory, not only the training's."""
    if config is not None and not isinstance(config, FeatureConfig):
        raise wrong_type("config", config, "a FeatureConfig (FeatureConfig.shipped(), …) or None")
    chosen = FeatureConfig.shipped() if config is None else config
    if chosen.vectors is not None:
        try:
            check_vectors(chosen.vectors)
        except ModelError as exc:
            if config is not None:
                raise
            raise ModelError(
                f"training defaults to the shipped configuration, which pools word vectors: {exc}"
            ) from exc
        chosen = replace(chosen, vectors=located_vectors(chosen.vectors))
    return chosen
