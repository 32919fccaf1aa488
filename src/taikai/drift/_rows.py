"""Where a chunk's texts, statuses and probabilities are, for a raw dump (classified) or a predictions file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np

from taikai.errors import MODEL, TEXT_COLUMN, Argument, InputError
from taikai.io import is_predictions
from taikai.model import (
    STATUSES,
    Model,
    edited_cell,
    find_column,
    not_a_label,
    not_a_status,
    proba_columns,
    probabilities,
)
from taikai.privacy import PiiKind, default_masker
from taikai.rules import MODEL_REASON
from taikai.text import Status, is_missing, normalize

_STATUSES = {s.value: s for s in Status}
RAW_DUMP = "give the dump taikai batch read instead (drift classifies a raw dump with the model it is given)"
"""The way out of predictions another model made, when the dump and the reference were classified by different
models (naming one model leaves the other file refused): the raw dump, classified with the model drift uses."""


def _status(value: Any) -> Status:
    """A status cell's status: a missing one (``None``, and so ``pandas.NA`` of a nullable column or a NaN) reads
    as empty, as ``None`` of an object column always did (its unclassifiable kind is told apart)."""
    return Status.EMPTY if is_missing(value) else _STATUSES.get(str(value).strip(), Status.ERROR)


def _edited(value: Any) -> bool:
    """Whether a status cell holds something batch never writes (a blank or missing one is read as before)."""
    return not is_missing(value) and str(value).strip() not in (*STATUSES, "")


class Rows:
    """Where a chunk's texts, statuses and probabilities are, for a raw dump or a predictions file."""

    def __init__(
        self,
        model: Model,
        path: str,
        columns: list[str],
        text_column: Hashable,
        text_argument: Argument = TEXT_COLUMN,
        mask_pii: bool = False,
        input_format: bool = False,
        shown: Sequence[object] | None = None,
        index: Sequence[Hashable] = (),
        labels: Sequence[Hashable] | None = None,
    ) -> None:
        """*index*: the names of a frame's index (a text column made the index is said to be); *labels*: its rows'
        labels, which errors name a row by beside its data row when they are not its position (``None``: a file)."""
        found = find_column(
            columns, text_column, text_argument, source=path, shown=shown, input_format=input_format, index=index
        )
        self.model = model
        self.mask_pii = mask_pii
        self.masks: Counter[PiiKind] = Counter()
        self.hashes: list[np.ndarray[Any, Any]] = []  # of each text read, normalised (see duplicates)
        self.keys: list[int] = []  # of each row of the last chunk read: its text's hash, 0 for a blank one
        self.path = path
        self.columns = columns
        self.done = 0  # data rows read before the chunk
        self.labels = labels
        self.text = columns.index(str(found))
        reason_columns = [c for c in columns if c.startswith("p_reason_")]
        self.predictions = is_predictions(columns)
        self.status = columns.index("status") if self.predictions else -1
        if self.predictions:
            wanted = proba_columns(model.reason_labels, model.sentiment_labels)
            missing = [c for c in wanted if c not in columns]
            if missing or len(reason_columns) != len(model.reason_labels):
                raise InputError(
                    f"{path}: the predictions were made by a model with other labels (columns {reason_columns}, "
                    f"missing {missing}); give the model that classified them with {MODEL}, or the raw texts"
                )
        self.reason = [columns.index(c) for c in proba_columns(model.reason_labels, ())] if self.predictions else []
        self.sentiment = (
            [columns.index(c) for c in proba_columns((), model.sentiment_labels)] if self.predictions else []
        )
        kinds = {"reason": "reason", MODEL_REASON: "reason", "reasons": "reason", "sentiment": "sentiment"}
        self.labelled = [(columns.index(c), kind) for c, kind in kinds.items() if self.predictions and c in columns]
        both = self.predictions and "reason" in columns and MODEL_REASON in columns  # batch --rules-mode override
        self.override = (columns.index("reason"), columns.index(MODEL_REASON)) if both else None
        self.overridden = 0  # rows whose reason column the rules set apart from the model's own (model_reason)

    def read(self, data: list[list[Any]]) -> tuple[list[Any], list[Status], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """Return the texts, statuses and probability rows of one chunk (classifying it if it is a raw dump)."""
        texts = data[self.text]
        if self.mask_pii:  # before anything reads them: the new words are shown
            texts, found = default_masker().mask_values(texts)
            self.masks.update(found)
        # the texts as the model reads them, masked under mask_pii: a row batch --mask-pii masked and the same row
        # masked here are one text (shared with a reference, or repeated), as 090-… and 080-… after 田中さん are
        said = [normalize(t) if isinstance(t, str) and t.strip() else "" for t in texts]
        self.keys = [hash(t) or 1 if t else 0 for t in said]  # hash() may be 0: no blank text
        self.hashes.append(np.fromiter((k for k in self.keys if k), dtype=np.int64, count=-1))
        if not self.predictions:
            done = self.model.classify(texts)
            return texts, done.statuses, done.reason_proba, done.sentiment_proba
        cells = data[self.status]
        odd = next((at for at, v in enumerate(cells) if _edited(v)), None)
        if odd is not None:  # a status put there by hand, refused as report and suggest refuse it (never shown)
            raise not_a_status(
                self.path, self.columns[self.status], self.done + odd, cells[odd], self.mask_pii, self.labels
            )
        statuses = [_status(v) for v in cells]
        for j, kind in self.labelled:
            self._check_labels(data[j], j, kind)
        reason = np.array([self._numbers(data, j) for j in self.reason], dtype=float).T.reshape(len(texts), -1)
        sentiment = np.array([self._numbers(data, j) for j in self.sentiment], dtype=float).T.reshape(len(texts), -1)
        self._check_filled(statuses, reason, sentiment)
        if self.override is not None:  # the figures count the model's own reasons (p_reason_*), as its statistics do
            given, own = (data[j] for j in self.override)
            self.overridden += sum(not (is_missing(a) or is_missing(b) or a == b) for a, b in zip(given, own))
        self.done += len(texts)
        return texts, statuses, reason, sentiment

    def text_keys(self) -> np.ndarray[Any, Any]:
        """Return the hash of each non-blank text read, as the model reads it (:func:`taikai.text.normalize`), in
        order: what tells the rows of a dump holding a reference's texts (hashes of one process only)."""
        return np.concatenate(self.hashes) if self.hashes else np.empty(0, dtype=np.int64)

    def repeats(self) -> tuple[int, int]:
        """Return, of the rows read, how many hold a text, as the model reads it (:func:`taikai.text.normalize`),
        that an earlier row holds (a dump exported twice over counts each twice in every figure; blank texts are no
        duplicates), and how many hold the most common text (1 when every text differs, 0 when none was read)."""
        hashes = self.text_keys()
        if not len(hashes):
            return 0, 0
        counts = np.unique(hashes, return_counts=True)[1]
        return len(hashes) - len(counts), int(counts.max())

    def _check_labels(self, cells: list[Any], j: int, kind: str) -> None:
        """Refuse a label of column *j* (a *kind*, ``reason`` or ``sentiment``; a reason column split at ``|``) that
        has no ``p_KIND_`` column, as report and suggest refuse it: the row would be shown under a label the model
        has not got. Blank and missing cells (rows set aside) are let be; the few distinct cells are looked at."""
        labels = self.model.reason_labels if kind == "reason" else self.model.sentiment_labels
        split = "|" if kind == "reason" else None
        wrong: dict[str, str] = {}
        for value in {v for v in cells if isinstance(v, str)}:
            odd = [x for x in (value.split(split) if split else [value.strip()]) if x and x not in labels]
            if odd:
                wrong[value] = odd[0]
        if wrong:
            at = next(i for i, v in enumerate(cells) if v in wrong)
            shown = wrong[cells[at]]
            raise not_a_label(
                self.path,
                self.columns[j],
                self.done + at,
                kind,
                shown,
                labels,
                mask_pii=self.mask_pii,
                index=self.labels,
            )

    def _check_filled(self, statuses: list[Status], reason: np.ndarray, sentiment: np.ndarray) -> None:
        """Refuse a row whose status is ok and a probability cell empty: batch fills every one of such a row, and
        the row would drop out of the classified rows (and the confidence and label mix) without a word."""
        ok = np.array([status is Status.OK for status in statuses], dtype=bool)
        gaps = np.argwhere(np.isnan(np.hstack((reason, sentiment))) & ok[:, None])
        if len(gaps):
            at, j = (int(v) for v in gaps[0])
            column = self.columns[(self.reason + self.sentiment)[j]]
            said = (
                "empty, but the row's status is ok (taikai batch writes a probability in every p_* cell of such a row)"
            )
            raise edited_cell(self.path, column, self.done + at, said, self.labels)

    def _numbers(self, data: list[list[Any]], j: int) -> np.ndarray:
        """The probabilities of column *j*: a cell that holds none stops the count with the file, column and row
        (it was counted as missing, and the row dropped from the classified ones without a word); the cell quoted
        masked with ``mask_pii``."""
        return probabilities(data[j], self.path, self.columns[j], self.done, self.mask_pii, self.labels)
