"""The model: the scikit-learn pipeline, its saved artifact and metadata, and :class:`Model`, which classifies.

Classes inside a saved pipeline are pickled under the public names of this package and of :mod:`taikai.text`
(``taikai.model.FastTfidfVectorizer``, ``taikai.model.WordVectors``, ``taikai.model.WordFeatures``,
``taikai.model.ReasonSentimentClassifier``,
``taikai.text.JapaneseTokenizer``), so the private modules behind them can move without breaking saved models.
"""

from taikai._lazy import public_dir as _public_dir

# A name imported as itself (`x as x`) is shared: taikai's other packages import it from here, but it is not the
# API (not in __all__ nor dir(); docs/api.md names it only in this package's closing index).
from taikai.model._added import AddedComparison, HeldOutScores
from taikai.model._artifact import ARTIFACT_NAME as ARTIFACT_NAME
from taikai.model._artifact import METADATA_NAME as METADATA_NAME
from taikai.model._artifact import artifact_problems as artifact_problems
from taikai.model._artifact import load_artifact
from taikai.model._artifact import model_directory as model_directory
from taikai.model._artifact import read_metadata as read_metadata
from taikai.model._artifact import read_metadata_json as read_metadata_json
from taikai.model._artifact import sha256_file as sha256_file
from taikai.model._artifact_info import ArtifactInfo
from taikai.model._classified import LABEL_COLUMNS as LABEL_COLUMNS
from taikai.model._classified import Classified, output_columns
from taikai.model._classified import check_prefix as check_prefix
from taikai.model._classified import free_prefix as free_prefix
from taikai.model._classified import proba_columns as proba_columns
from taikai.model._classified import reason_sets as reason_sets
from taikai.model._columns_read import columns_read as columns_read
from taikai.model._columns_read import trained_noted as trained_noted
from taikai.model._default_labels import checked_rules as checked_rules
from taikai.model._default_labels import checked_ruleset as checked_ruleset
from taikai.model._default_labels import default_model_labels as default_model_labels
from taikai.model._default_model import default_model_dir, shipped_model_dir
from taikai.model._describe import ModelStatus, describe_model, training_summary
from taikai.model._describe import skipped_rows_block as skipped_rows_block
from taikai.model._disagreeing import Disagreeing, LabelCounts
from taikai.model._display_name import IN_MEMORY_NAME, SHIPPED_NAME
from taikai.model._display_name import model_display_name as model_display_name
from taikai.model._edited_cells import STATUSES as STATUSES
from taikai.model._edited_cells import edited_cell as edited_cell
from taikai.model._edited_cells import not_a_label as not_a_label
from taikai.model._edited_cells import not_a_status as not_a_status
from taikai.model._env_named import default_model
from taikai.model._env_named import or_default as or_default
from taikai.model._feature_config import ClassWeight, FeatureConfig
from taikai.model._features import Block, WordVocabulary
from taikai.model._features import centred_coefficients as centred_coefficients
from taikai.model._features import feature_blocks as feature_blocks
from taikai.model._features import ngram_spans as ngram_spans
from taikai.model._features import vector_word_spans as vector_word_spans
from taikai.model._features import word_vocabulary as word_vocabulary
from taikai.model._fields import TRAIN_COMMAND
from taikai.model._formats import FORMAT_VERSION, READABLE_FORMATS, RETRAIN_HINT
from taikai.model._frame_columns import plain_columns as plain_columns
from taikai.model._input_file import InputFile
from taikai.model._inputs import column_label as column_label
from taikai.model._inputs import find_column as find_column
from taikai.model._key import metadata_settings
from taikai.model._key import model_key as model_key
from taikai.model._key import model_sha256 as model_sha256
from taikai.model._key import settings_json as settings_json
from taikai.model._metadata import DEFAULT_THRESHOLD as DEFAULT_THRESHOLD
from taikai.model._metadata import NO_DRIFT_STATISTICS, ModelMetadata
from taikai.model._metrics import Metrics, Scores
from taikai.model._model import Model, load_model
from taikai.model._model import resolve_model as resolve_model
from taikai.model._moved import MovedRow
from taikai.model._pipeline import SEED as SEED
from taikai.model._pipeline import ReasonSentimentClassifier, build_pipeline
from taikai.model._prediction import Prediction
from taikai.model._prefixed import find_prefix as find_prefix
from taikai.model._prefixed import predicted_column as predicted_column
from taikai.model._prefixed import prediction_prefixes as prediction_prefixes
from taikai.model._prefixed import predictions_frame as predictions_frame
from taikai.model._prefixed import probabilities as probabilities
from taikai.model._prefixed import unprefixed as unprefixed
from taikai.model._provenance import ROW_HASHES_VERSION, RowHashes, text_hashes
from taikai.model._provenance import content_sha256 as content_sha256
from taikai.model._python_retrain import python_arguments as python_arguments
from taikai.model._python_retrain import train_call as train_call
from taikai.model._recorded_config import RecordedConfig
from taikai.model._retrain import TrainedAs
from taikai.model._retrain import added_files as added_files
from taikai.model._retrain import retrain_command as retrain_command
from taikai.model._retrain import retrain_options as retrain_options
from taikai.model._retrain import trained_base as trained_base
from taikai.model._save import check_model_dir as check_model_dir
from taikai.model._save import check_out_given as check_out_given
from taikai.model._save import save_model as save_model
from taikai.model._save_files import save_artifact
from taikai.model._statistics import CONFIDENCE_BINS as CONFIDENCE_BINS
from taikai.model._statistics import DriftStatistics
from taikai.model._trained_columns import TrainedColumns
from taikai.model._trained_on import TrainingData
from taikai.model._trained_with import FOLDS
from taikai.model._trained_with import TEST_SIZE as TEST_SIZE
from taikai.model._training_record import TrainingRecord
from taikai.model._vectorizer import FastTfidfVectorizer
from taikai.model._vectors import DEFAULT_VECTORS, WordVectors
from taikai.model._vectors import check_vectors as check_vectors
from taikai.model._vectors import located_vectors as located_vectors
from taikai.model._vectors import table_missing as table_missing
from taikai.model._versions import DictionaryInfo, check_versions, library_versions
from taikai.model._word_block import FeatureBlocks, WordFeatures

__all__ = [
    "DEFAULT_VECTORS",
    "FOLDS",
    "FORMAT_VERSION",
    "IN_MEMORY_NAME",
    "NO_DRIFT_STATISTICS",
    "READABLE_FORMATS",
    "RETRAIN_HINT",
    "ROW_HASHES_VERSION",
    "SHIPPED_NAME",
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
    "build_pipeline",
    "check_versions",
    "default_model",
    "default_model_dir",
    "describe_model",
    "library_versions",
    "load_artifact",
    "load_model",
    "metadata_settings",
    "output_columns",
    "save_artifact",
    "shipped_model_dir",
    "text_hashes",
    "training_summary",
]
__dir__ = _public_dir(globals(), __all__)  # what the package offers, not what it imports for itself
