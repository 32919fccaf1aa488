"""What training records beside the model: the statistics ``taikai drift`` compares with, and the training data."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taikai.drift import HeldOut, training_statistics
from taikai.io import SHOWN_BAD_ROWS
from taikai.model import DriftStatistics, Model
from taikai.training._columns import Columns
from taikai.training._cv import frame_sha256
from taikai.training._inputs import TrainingInputs

if TYPE_CHECKING:
    import pandas as pd

SHOWN_SKIPPED = SHOWN_BAD_ROWS
"""How many skipped rows the metadata (and the command's summary) quote."""


def drift_statistics(
    model: Model, train_df: pd.DataFrame, test_df: pd.DataFrame, text_column: Hashable, held_out: HeldOut | None
) -> DriftStatistics:
    """Return what ``taikai drift`` compares with: counted on held-out rows (cross-validation, else the test
    split), or on the training rows themselves when nothing was held out (then the model's confidence is
    higher than on new text, which the source says); the word table always on the training rows."""
    if held_out is not None:
        return training_statistics(model, train_df[text_column].tolist(), held_out)
    if len(test_df):
        source = (
            f"predictions on the {len(test_df):,} test rows of a model fitted on the training rows "
            f"(content words: its {len(train_df):,} training rows)"
        )
        training = train_df[text_column].tolist()
        return training_statistics(model, test_df[text_column].tolist(), None, source, training=training)
    source = f"predictions on its own {len(train_df):,} training rows (nothing held out: confidence is optimistic)"
    return training_statistics(model, train_df[text_column].tolist(), None, source)


def training_source(inputs: TrainingInputs, columns: Columns) -> dict[str, Any]:
    """Return the ``training_data`` metadata: the base file, its hashes and row counts, and what was skipped."""
    base = inputs.files[0]
    source: dict[str, Any] = (
        {} if base.file == "<frame>" else {"file": Path(base.file).name, "file_sha256": base.sha256}
    )
    source |= {"content_sha256": frame_sha256(inputs.base, columns.labelled()), "rows": len(inputs.base)}
    if inputs.skipped:
        source |= {
            "skipped_rows": len(inputs.skipped),
            "skipped_examples": [str(r) for r in inputs.skipped[:SHOWN_SKIPPED]],
        }
    if inputs.ids.column is not None:  # the rows of its messages were named by them
        source |= {"id_column": str(inputs.ids.column), "id_found_by_name": inputs.ids.by_name}
    if len(inputs.files) > 1:
        source |= {
            "added_rows": len(inputs.added),
            "added_disagreeing_duplicates": inputs.disagreeing_duplicates,
            "added_disagreeing_repeats": inputs.disagreeing_repeats,
            "added_disagreeing_in": {
                name: {"reasons": d.reasons, "sentiment": d.sentiment}
                for name, d in (("duplicates", inputs.differing_duplicates), ("repeats", inputs.differing_repeats))
            },
            "added_disagreeing_at": {"duplicates": list(inputs.duplicates_at), "repeats": list(inputs.repeats_at)},
        }
    return source
