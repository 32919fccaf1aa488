"""How much of a labelled file a model saw in training: the same file, the same content, the rows fitted on."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING

from taikai.evaluation._result import TrainingOverlap
from taikai.model import ModelMetadata, content_sha256, sha256_file

if TYPE_CHECKING:
    import pandas as pd


def training_overlap(
    meta: ModelMetadata,
    data: object,
    whole: pd.DataFrame,
    rows: pd.DataFrame,
    columns: list[Hashable],
    text_column: Hashable,
    split: str = "all",
    model_dir: Path | None = None,
) -> TrainingOverlap:
    """Return how much of *rows* (of the labelled file or frame *data*, all of it *whole*; of *split*) *meta*'s
    model (saved in *model_dir*) saw."""
    trained = meta.training_data
    same_file = isinstance(data, (str, Path)) and trained.file_sha256 == sha256_file(Path(data))
    same_content = trained.content_sha256 == content_sha256(whole[columns].itertuples(index=False))
    fitted = meta.fitted_rows()
    # a row masked for a model trained on a masked sheet is one it was trained on (the reverse cannot be told)
    seen = None if fitted is None else int(fitted.contains(rows[text_column], meta.max_chars, masked=True).sum())
    # --split test has rows to score: a split column's, or rows the model was not fitted on (counted once all
    # the rows scored were fitted on, in the whole data)
    testable = "split" in whole.columns or fitted is None or seen != len(rows)
    if not testable and fitted is not None:
        testable = not fitted.contains(whole[text_column], meta.max_chars, masked=True).all()
    return TrainingOverlap(
        len(rows),
        seen,
        bool(same_file),
        bool(same_content),
        meta.refit_on_all_rows,
        split,
        testable,
        None if model_dir is None else str(model_dir),
    )
