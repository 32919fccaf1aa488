"""The model: the scikit-learn pipeline, its saved artifact and metadata, and :class:`Model`, which classifies.

Classes inside a saved pipeline are pickled under the public names of this package and of :mod:`taikai.text`
(``taikai.model.FastTfidfVectorizer``, ``taikai.model.WordVectors``, ``taikai.model.WordFeatures``,
``taikai.model.ReasonSentimentClassifier``,
``taikai.text.JapaneseTokenizer``), so the private modules behind them can move without breaking saved models.
"""

from taikai.model._added import AddedComparison, HeldOutScores
from taikai.model._artifact import (
    ARTIFACT_NAME,
    METADATA_NAME,
    artifact_problems,
    load_artifact,
    model_directory,
    read_metadata,
    read_metadata_json,
    sha256_file,
)
from taikai.model._artifact_info import ArtifactInfo
from taikai.model._classified import (
    LABEL_COLUMNS,
    Classified,
    check_prefix,
    free_prefix,
    output_columns,
    proba_columns,
    reason_sets,
)
from taikai.model._columns_read import columns_read, trained_noted
from taikai.model._default_labels import checked_rules, checked_ruleset, default_model_labels
from taikai.model._default_model import default_model_dir, shipped_model_dir
from taikai.model._describe import ModelStatus, describe_model, skipped_rows_block, training_summary
from taikai.model._disagreeing import Disagreeing, LabelCounts
from taikai.model._display_name import IN_MEMORY_NAME, SHIPPED_NAME, model_display_name
from taikai.model._edited_cells import STATUSES, edited_cell, not_a_label, not_a_status
from taikai.model._env_named import default_model, or_default
from taikai.model._feature_config import ClassWeight, FeatureConfig
from taikai.model._features import (
    Block,
    WordVocabulary,
    centred_coefficients,
    feature_blocks,
    ngram_spans,
    vector_word_spans,
    word_vocabulary,
)
from taikai.model._fields import TRAIN_COMMAND
from taikai.model._formats import FORMAT_VERSION, READABLE_FORMATS, RETRAIN_HINT
from taikai.model._frame_columns import plain_columns
from taikai.model._input_file import InputFile
from taikai.model._inputs import column_label, find_column
from taikai.model._key import metadata_settings, model_key, model_sha256, settings_json
from taikai.model._metadata import DEFAULT_THRESHOLD, NO_DRIFT_STATISTICS, ModelMetadata
from taikai.model._metrics import Metrics, Scores
from taikai.model._model import (
    Model,
    load_model,
    resolve_model,
)
from taikai.model._moved import MovedRow
from taikai.model._pipeline import SEED, ReasonSentimentClassifier, build_pipeline
from taikai.model._prediction import Prediction
from taikai.model._prefixed import (
    find_prefix,
    predicted_column,
    prediction_prefixes,
    predictions_frame,
    probabilities,
    unprefixed,
)
from taikai.model._provenance import ROW_HASHES_VERSION, RowHashes, content_sha256, text_hashes
from taikai.model._python_retrain import python_arguments, train_call
from taikai.model._recorded_config import RecordedConfig
from taikai.model._retrain import TrainedAs, added_files, retrain_command, retrain_options, trained_base
from taikai.model._save import check_model_dir, check_out_given, save_model
from taikai.model._save_files import save_artifact
from taikai.model._statistics import CONFIDENCE_BINS, DriftStatistics
from taikai.model._trained_columns import TrainedColumns
from taikai.model._trained_on import TrainingData
from taikai.model._trained_with import FOLDS, TEST_SIZE
from taikai.model._training_record import TrainingRecord
from taikai.model._vectorizer import FastTfidfVectorizer
from taikai.model._vectors import DEFAULT_VECTORS, WordVectors, check_vectors, located_vectors, table_missing
from taikai.model._versions import DictionaryInfo, check_versions, library_versions
from taikai.model._word_block import FeatureBlocks, WordFeatures

__all__ = [
    "ARTIFACT_NAME",
    "CONFIDENCE_BINS",
    "DEFAULT_THRESHOLD",
    "DEFAULT_VECTORS",
    "FOLDS",
    "FORMAT_VERSION",
    "IN_MEMORY_NAME",
    "LABEL_COLUMNS",
    "METADATA_NAME",
    "NO_DRIFT_STATISTICS",
    "READABLE_FORMATS",
    "RETRAIN_HINT",
    "ROW_HASHES_VERSION",
    "SEED",
    "SHIPPED_NAME",
    "STATUSES",
    "TEST_SIZE",
    "TRAIN_COMMAND",
    "AddedComparison",
    "ArtifactInfo",
    "Block",
    "ClassWeight",
    "Classified",
    "DictionaryInfo",
    "Disagreeing",
    "DriftStatistics",
    "FastTfidfVectorizer",
    "FeatureBlocks",
    "FeatureConfig",
    "HeldOutScores",
    "InputFile",
    "LabelCounts",
    "Metrics",
    "Model",
    "ModelMetadata",
    "ModelStatus",
    "MovedRow",
    "Prediction",
    "ReasonSentimentClassifier",
    "RecordedConfig",
    "RowHashes",
    "Scores",
    "TrainedAs",
    "TrainedColumns",
    "TrainingData",
    "TrainingRecord",
    "WordFeatures",
    "WordVectors",
    "WordVocabulary",
    "added_files",
    "artifact_problems",
    "build_pipeline",
    "centred_coefficients",
    "check_model_dir",
    "check_out_given",
    "check_prefix",
    "check_vectors",
    "check_versions",
    "checked_rules",
    "checked_ruleset",
    "column_label",
    "columns_read",
    "content_sha256",
    "default_model",
    "default_model_dir",
    "default_model_labels",
    "describe_model",
    "edited_cell",
    "feature_blocks",
    "find_column",
    "find_prefix",
    "free_prefix",
    "library_versions",
    "load_artifact",
    "load_model",
    "located_vectors",
    "metadata_settings",
    "model_directory",
    "model_display_name",
    "model_key",
    "model_sha256",
    "ngram_spans",
    "not_a_label",
    "not_a_status",
    "or_default",
    "output_columns",
    "plain_columns",
    "predicted_column",
    "prediction_prefixes",
    "predictions_frame",
    "proba_columns",
    "probabilities",
    "python_arguments",
    "read_metadata",
    "read_metadata_json",
    "reason_sets",
    "resolve_model",
    "retrain_command",
    "retrain_options",
    "save_artifact",
    "save_model",
    "settings_json",
    "sha256_file",
    "shipped_model_dir",
    "skipped_rows_block",
    "table_missing",
    "text_hashes",
    "train_call",
    "trained_base",
    "trained_noted",
    "training_summary",
    "unprefixed",
    "vector_word_spans",
    "word_vocabulary",
]
