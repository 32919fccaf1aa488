"""How much of a labelled file a model saw in training: the same file, the same content, the rows fitted on; and
what the evaluation report says of it (:class:`TrainingOverlap`)."""

from __future__ import annotations

import shlex
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taikai.errors import REFIT_ALL, SPLIT
from taikai.model import ModelMetadata, content_sha256, sha256_file
from taikai.text import percent

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class TrainingOverlap:
    """How much of the evaluated data the model was trained on: scores on those rows measure memory."""

    rows: int
    """Rows evaluated."""
    seen: int | None
    """Of them, rows whose text the saved model was fitted on; ``None`` when its metadata has no row hashes."""
    same_file: bool = False
    """The evaluated file is byte for byte the file the model was trained on."""
    same_content: bool = False
    """The evaluated rows hold the same texts and labels as the model's training data (in any file)."""
    refit_on_all_rows: bool = False
    split: str = "all"
    """The split scored (``test``, ``train`` or ``all``): the advice never names the one already given."""
    testable: bool = True
    """``split="test"`` has rows to score in the data: it has a ``split`` column, or rows the model was not fitted
    on; when not (a sheet every row of which was trained on), the advice does not offer it."""
    model_dir: str | None = None
    """The directory of the model evaluated, named in the ``taikai info -m`` the advice gives (``None``: not saved)."""
    near: int | None = None
    """Of the rows not ``seen``, those whose text is a fitted text's but for punctuation and spacing (a near-copy:
    :func:`taikai.text.near_text_key`, an added ``。`` or another comma); ``None``: the metadata does not record
    the keys of near-copies (a model trained before taikai did)."""

    @property
    def share(self) -> float | None:
        """Return the share of evaluated rows the model was fitted on (``None`` when unknown)."""
        return None if self.seen is None or not self.rows else self.seen / self.rows

    def warning(self) -> str | None:
        """Return the warning to print above the scores, or ``None`` when the rows are unseen (or unknown)."""
        advice = f"Such scores say how well the model remembers, not how well it does on new reviews: {self._advice()}"
        near = (
            f"{self.near:,} {'more' if self.seen else f'of {self.rows:,}'} row(s) ({percent(self.near / self.rows)}) "
            "are near-copies of rows in this model's training data: the same text but for punctuation or spacing "
            "(another comma, an added 。), which the model reads almost as it read them. "
            if self.near and self.rows
            else ""
        )
        if self.seen:
            share = percent(self.share or 0.0)
            return f"{self.seen:,} of {self.rows:,} rows ({share}) were in this model's training data. {near}{advice}"
        if near:
            return f"{near}{advice}"
        if self.seen is None and self.same_file and self.split == "test" and not self.refit_on_all_rows:
            return None  # its training file's split column: these test rows are the ones it held out
        if self.seen is None and (self.same_file or self.same_content):
            what = "file" if self.same_file else "data (the same texts and labels)"
            rows = "all its rows" if self.refit_on_all_rows else "its train rows (which ones is not recorded)"
            return f"this is the very {what} this model was trained on, and it was fitted on {rows}. {advice}"
        return None

    def _advice(self) -> str:
        """Return how to score rows the model was not trained on: a model refit on all rows has no split that holds
        any out (its held-out figures are in its metadata); ``test`` rows it was fitted on are another split's."""
        if self.refit_on_all_rows:
            return (
                f"this model was trained with {REFIT_ALL.given(True)}: refit on all the rows of its training data, "
                "so no split holds out rows for it; its held-out figures, scored before the refit, are in its "
                f"metadata's metrics (taikai info -m {shlex.quote(self.model_dir or 'MODEL_DIR')} prints them); or "
                "score other labelled data."
            )
        if self.split == "test" and self.same_file:  # its held-out rows, some with the text of a training row
            return (
                "these are the test rows its training file held out, but the ones counted have the same text as a "
                "row it was trained on (a review written twice); score other labelled data."
            )
        if self.split == "test":
            return (
                "the test rows of this file's split column are not the rows the model held out; score other "
                "labelled data, or its training file's own test rows."
            )
        if not self.testable:  # no split column, and every row fitted on: --split test would have none to score
            return (
                "it was fitted on every row of this data, which has no split column, so no row of it is held out: "
                "score labelled rows it was not trained on (a sheet labelled after it was trained, before training "
                "on it)."
            )
        return (
            f"score rows it was not trained on: {SPLIT.either(['test'])} scores the test rows of a split column, or "
            "without one the rows the model held out; or score other labelled data."
        )

    def note(self) -> str | None:
        """Return a note when the overlap cannot be measured (a model saved without row hashes)."""
        if self.seen is None and not (self.same_file or self.same_content):
            return (
                "this model's metadata records no row hashes (it was saved before taikai recorded them), so "
                "whether these rows were in its training data cannot be checked; retrain it to record them"
            )
        return None

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values."""
        return {
            "rows": self.rows,
            "seen_in_training": self.seen,
            "share_seen": self.share,
            "same_file": self.same_file,
            "same_content": self.same_content,
            "near_copies_of_training": self.near,
            "warning": self.warning(),
        }


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
    found = None if fitted is None else fitted.contains(rows[text_column], meta.max_chars, masked=True)
    seen = None if found is None else int(found.sum())
    near_found = None if fitted is None else fitted.near_copies(rows[text_column], meta.max_chars)
    near = None if near_found is None or found is None else int((near_found & ~found).sum())
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
        near,
    )
