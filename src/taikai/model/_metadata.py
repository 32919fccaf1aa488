"""The typed, versioned metadata saved beside a model's artifact (``metadata.json``); its format versions, and how
to bump one, are in :mod:`taikai.model._formats`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar

from taikai.errors import InputError, ModelError
from taikai.labels import label_list
from taikai.model._added import AddedComparison
from taikai.model._artifact_info import ArtifactInfo, read_artifact_info
from taikai.model._fields import (
    TRAIN_COMMAND,
    Fields,
    flag,
    iso_time,
    nonnegative_int,
    positive_int,
    str_tuple,
    strings,
    text,
    thresholds,
)
from taikai.model._formats import FORMAT_VERSION, check_format
from taikai.model._input_file import InputFile, read_inputs
from taikai.model._metrics import Metrics
from taikai.model._provenance import RowHashes
from taikai.model._recorded import read_dictionary, read_metrics, read_training_data
from taikai.model._recorded_config import RecordedConfig
from taikai.model._retrain import retrain_command
from taikai.model._salvaged import damaged_hint
from taikai.model._statistics import DriftStatistics
from taikai.model._trained_columns import TrainedColumns, read_trained_columns
from taikai.model._trained_on import TrainingData
from taikai.model._trained_with import FOLDS, TEST_SIZE, share
from taikai.model._training_record import TrainingRecord
from taikai.model._versions import DictionaryInfo, dictionary_info, library_versions

if TYPE_CHECKING:
    from taikai.model._feature_config import FeatureConfig

DEFAULT_THRESHOLD = 0.3
"""The probability past which a reason other than the primary is stated, for a model without tuned thresholds."""
NO_DRIFT_STATISTICS = (
    f"this model was trained before drift statistics were stored; retrain it ({TRAIN_COMMAND}) or give reference data "
    "with reference= (--reference FILE on the command line)"
)
"""What to do with a model saved before drift statistics were stored."""
_ROW_HASHES = "metadata training_data.row_hashes"


@dataclass(frozen=True)
class ModelMetadata:
    """What a model knows about itself: labels, thresholds, features, data, metrics, versions, artifact hash, and
    the statistics ``taikai drift`` compares dumps with (``drift``; ``None`` for a model of format 2).

    ``to_dict()`` is the JSON written to ``metadata.json``; ``from_dict()`` reads it back and refuses other formats.
    """

    taikai_version: str
    created_at: str
    reasons: tuple[str, ...]
    sentiments: tuple[str, ...]
    reason_thresholds: dict[str, float]
    max_chars: int
    config: RecordedConfig
    seed: int
    training_data: TrainingRecord
    metrics: Metrics
    refit_on_all_rows: bool = False
    versions: dict[str, str] = field(default_factory=dict)
    dictionary: DictionaryInfo | None = None
    """The tokenizer's dictionary the model was saved with (``None``: not recorded)."""
    artifact: ArtifactInfo | None = None
    drift: DriftStatistics | None = None
    inputs: tuple[InputFile, ...] = ()
    format: int = FORMAT_VERSION
    warnings: tuple[str, ...] = ()
    """What training found weak in the data (too few examples to cross-validate, …), as the summary said it."""
    free_labels: bool = False
    """The labels are the user's own (``train --free-labels``): shown as written even when spelt as taxonomy ids."""
    columns: TrainedColumns = field(default_factory=TrainedColumns)
    """The columns trained on (``--text-column``…), which the retrain commands give again; standard when unrecorded."""
    mask_pii: bool = False
    """The texts were masked before training (``--mask-pii``): the retrain commands mask them again."""
    folds: int = FOLDS
    """The cross-validation folds that tuned the thresholds (``--folds``); the default when unrecorded."""
    test_size: float = TEST_SIZE
    """The share of rows held out for the test (``--test-size``); the default when unrecorded or a split column
    decided."""
    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # dicts of settings and scores: not hashable, so hash() is not offered

    def __repr__(self) -> str:
        """Return the format, labels and training rows on one line: the fields hold the hashes of every training row
        and the drift statistics' words, too many to show in a notebook (``Model.describe()`` says the rest)."""
        if not self.taikai_version:
            return "ModelMetadata(none: a pipeline fitted by hand, not by taikai.train)"
        return (
            f"ModelMetadata(format {self.format}, taikai {self.taikai_version}, created {self.created_at}; "
            f"reasons {label_list(self.reasons)}; sentiments {label_list(self.sentiments) or '-'}{self._fitted()})"
        )

    def _fitted(self) -> str:
        """Say the rows the model was fitted on (``; trained on 40 rows: 30 of a.csv and 10 added, 8 more held out
        for the test``): the base data's training rows (all of them when refitted) and the added files' rows used;
        ``""`` when not recorded."""
        data = self.trained_on()
        if data.rows is None:
            return ""
        split = data.train_rows is not None and not self.refit_on_all_rows
        base = data.train_rows if split and data.train_rows is not None else data.rows
        added = sum(f.used for f in self.inputs if f.role == "added")
        of = f" of {data.file}" if data.file else ""
        fitted = base + added
        said = f"; trained on {fitted:,} row{'s' * (fitted != 1)}"
        said += f": {base:,}{of} and {added:,} added" if added else of
        return said + (f", {data.test_rows:,} more held out for the test" if split and data.test_rows else "")

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready metadata (the layout of ``metadata.json``)."""
        out: dict[str, Any] = {
            "format": self.format,
            "taikai_version": self.taikai_version,
            "created_at": self.created_at,
            "labels": {"reasons": list(self.reasons), "sentiments": list(self.sentiments)},
            "reason_thresholds": dict(self.reason_thresholds),
            "max_chars": self.max_chars,
            "config": self.config.to_dict(),
            "seed": self.seed,
            "training_data": self.training_data.to_dict(),
            "inputs": [f.to_dict() for f in self.inputs],
            "metrics": self.metrics.to_dict(),
        }
        if self.refit_on_all_rows:
            out["refit_on_all_rows"] = True
        if self.free_labels:
            out["free_labels"] = True
        if not self.columns.standard():
            out["columns"] = self.columns.to_dict()
        if self.mask_pii:
            out["mask_pii"] = True
        if self.folds != FOLDS:
            out["folds"] = self.folds
        if self.test_size != TEST_SIZE:
            out["test_size"] = self.test_size
        if self.versions:
            out["versions"] = dict(self.versions)
        if self.dictionary is not None:
            out["dictionary"] = self.dictionary.to_dict()
        if self.artifact is not None:
            out["artifact"] = asdict(self.artifact)
        if self.drift is not None:
            out["drift_statistics"] = self.drift.to_dict()
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out

    @classmethod
    def from_dict(cls, values: object, source: str = "metadata") -> ModelMetadata:
        """Read metadata written by :meth:`to_dict`; raise :class:`ModelError` for another format or a bad field."""
        values, version = check_format(values, source)
        f = Fields(values, source, hint=lambda: damaged_hint(values))
        f.same("dictionary", "version", "versions", "unidic-lite")
        labels = f.get("labels", _labels, "an object with lists 'reasons' and 'sentiments'")
        return cls(
            taikai_version=f.get("taikai_version", text, "a version string"),
            created_at=f.get("created_at", iso_time, "a time such as 2026-01-31T09:00:00+00:00, as training wrote it"),
            reasons=labels[0],
            sentiments=labels[1],
            reason_thresholds=f.get("reason_thresholds", thresholds, "an object of numbers"),
            max_chars=f.get("max_chars", positive_int, "a whole number above 0 (the longest text classified)"),
            config=f.get("config", _config, "an object"),
            seed=f.get("seed", nonnegative_int, "a whole number of 0 or more (as training takes it)"),
            training_data=f.part("training_data", read_training_data, "an object"),
            metrics=f.part("metrics", read_metrics, "an object"),
            refit_on_all_rows=f.optional("refit_on_all_rows", flag, "true or false", False),
            versions=f.optional("versions", strings, "an object of version strings", {}),
            dictionary=f.optional_part("dictionary", read_dictionary, "an object", None),
            artifact=f.optional_part("artifact", read_artifact_info, "an object with file, sha256 and bytes", None),
            drift=f.optional("drift_statistics", DriftStatistics.from_dict, "drift statistics", None)
            if version >= 3
            else None,
            inputs=read_inputs(f, "inputs") if version >= 4 else (),
            format=int(version),
            warnings=f.optional("warnings", str_tuple, "a list of strings", ()),
            free_labels=f.optional("free_labels", flag, "true or false", False),
            columns=f.optional_part("columns", read_trained_columns, "an object of column names", TrainedColumns()),
            mask_pii=f.optional("mask_pii", flag, "true or false", False),
            folds=f.optional("folds", nonnegative_int, "a whole number of 0 or more (as training takes it)", FOLDS),
            test_size=f.optional("test_size", share, "a number from 0 up to, not including, 1", TEST_SIZE),
        )

    @classmethod
    def unsaved(cls) -> ModelMetadata:
        """Return the metadata of a pipeline fitted by hand, not by :func:`taikai.train`: nothing known."""
        from taikai.text import MAX_CHARS

        return cls("", "", (), (), {}, MAX_CHARS, RecordedConfig(), 0, TrainingRecord(), Metrics())

    def fitted_rows(self) -> RowHashes | None:
        """Return the row hashes of the texts the saved pipeline was fitted on, or ``None`` if not recorded."""
        values = self.training_data.row_hashes
        return None if values is None else RowHashes.from_dict(values, _ROW_HASHES, lambda: retrain_command(self))

    def feature_config(self) -> FeatureConfig | None:
        """Return ``config`` as a :class:`~taikai.model.FeatureConfig`, or ``None`` when none is recorded; raise
        :class:`ModelError` for a configuration this taikai cannot read."""
        from taikai.model._feature_config import FeatureConfig, unsupported_error

        values = self.config.to_dict()
        if not values:
            return None
        try:
            return FeatureConfig.from_dict(values)
        except (TypeError, ValueError, InputError) as exc:  # a key or value this taikai does not know
            raise unsupported_error(values, self.taikai_version, exc, retrain_command(self)) from exc

    def trained_on(self) -> TrainingData:
        """Return ``training_data`` as a :class:`~taikai.model.TrainingData`: the base data and its row counts."""
        return TrainingData.from_record(self.training_data)

    def added_comparison(self) -> AddedComparison | None:
        """Return ``metrics.added`` as an :class:`~taikai.model.AddedComparison`, or ``None`` without added
        files (or with too few added rows to compare)."""
        return self.metrics.added

    def with_artifact(self, artifact: ArtifactInfo) -> ModelMetadata:
        """Return this metadata for a saved artifact: with its hash, the installed library versions and the
        current format (the artifact was just pickled by this code, whatever format the metadata was read in)."""
        return replace(
            self,
            artifact=artifact,
            versions=library_versions(),
            dictionary=dictionary_info(),
            format=FORMAT_VERSION,
        )

    def drift_statistics(self) -> DriftStatistics:
        """Return the stored drift statistics, or raise :class:`ModelError` saying how to get them."""
        if self.drift is None:
            raise ModelError(NO_DRIFT_STATISTICS.replace(TRAIN_COMMAND, retrain_command(self)))
        return self.drift


def _config(values: Any) -> RecordedConfig:
    if not isinstance(values, dict):
        raise TypeError(values)
    return RecordedConfig.from_dict(values)


def _labels(values: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return str_tuple(values["reasons"]), str_tuple(values["sentiments"])
