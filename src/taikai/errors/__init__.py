"""The exceptions with a message for the user (what went wrong, what to do; defined in :mod:`taikai._exceptions`
and re-exported here, their public path), the arguments messages name, and the argument checks that raise them.

Every name is imported from here; the modules of this package hold them by job: the arguments messages name
(:mod:`taikai.errors._arguments`), the error of a column not found and its hints (:mod:`taikai.errors._columns`),
the checks of arguments (:mod:`taikai.errors._checks`), and what to add to the error of a file that is not there
(:mod:`taikai.errors._missing_paths`: the name meant, the folder missing) or that could not be replaced
(:mod:`taikai.errors._locked_files`: open in Excel)."""

from __future__ import annotations

# A name imported as itself (`x as x`) is shared: taikai's other packages import it from here, but it is not the
# API (not in __all__ nor dir(); docs/api.md names it only in this package's closing index).
from taikai._argument_names import Argument
from taikai._argument_names import named_as as named_as
from taikai._argument_names import shell_quote as shell_quote
from taikai._exceptions import (
    DataWarning,
    InputError,
    MissingExtraError,
    ModelError,
    ModelNotFoundError,
    RulesError,
    TaikaiError,
    UnknownRuleLabelError,
)
from taikai._freq import FREQ_SPELLINGS
from taikai.errors._arguments import ADD as ADD
from taikai.errors._arguments import DASK_ENGINE as DASK_ENGINE
from taikai.errors._arguments import DATE_COLUMN as DATE_COLUMN
from taikai.errors._arguments import ENCODING as ENCODING
from taikai.errors._arguments import ENCODING_ERRORS as ENCODING_ERRORS
from taikai.errors._arguments import EXCEL_SAFE as EXCEL_SAFE
from taikai.errors._arguments import EXCLUDE as EXCLUDE
from taikai.errors._arguments import FREE_LABELS as FREE_LABELS
from taikai.errors._arguments import FREQ as FREQ
from taikai.errors._arguments import ID_COLUMN as ID_COLUMN
from taikai.errors._arguments import INPUT_FORMAT as INPUT_FORMAT
from taikai.errors._arguments import MODEL as MODEL
from taikai.errors._arguments import NO_SENTIMENT as NO_SENTIMENT
from taikai.errors._arguments import ON_BAD_LINES as ON_BAD_LINES
from taikai.errors._arguments import ON_BAD_ROWS as ON_BAD_ROWS
from taikai.errors._arguments import OUTPUT_ENCODING as OUTPUT_ENCODING
from taikai.errors._arguments import OUTPUT_FORMAT as OUTPUT_FORMAT
from taikai.errors._arguments import OVERWRITE as OVERWRITE
from taikai.errors._arguments import PARTITIONS as PARTITIONS
from taikai.errors._arguments import PREFIX as PREFIX
from taikai.errors._arguments import REASONS_COLUMN as REASONS_COLUMN
from taikai.errors._arguments import REFERENCE_ENCODING as REFERENCE_ENCODING
from taikai.errors._arguments import REFERENCE_INPUT_FORMAT as REFERENCE_INPUT_FORMAT
from taikai.errors._arguments import REFERENCE_SHEET as REFERENCE_SHEET
from taikai.errors._arguments import REFIT_ALL as REFIT_ALL
from taikai.errors._arguments import RESUME as RESUME
from taikai.errors._arguments import SENTIMENT_COLUMN as SENTIMENT_COLUMN
from taikai.errors._arguments import SHEET as SHEET
from taikai.errors._arguments import SPLIT as SPLIT
from taikai.errors._arguments import TEXT_COLUMN as TEXT_COLUMN
from taikai.errors._arguments import TOP as TOP
from taikai.errors._arguments import TZ as TZ
from taikai.errors._checks import as_float as as_float
from taikai.errors._checks import as_int as as_int
from taikai.errors._checks import check_at_least as check_at_least
from taikai.errors._checks import check_bool as check_bool
from taikai.errors._checks import check_choice as check_choice
from taikai.errors._checks import check_freq
from taikai.errors._checks import check_int as check_int
from taikai.errors._checks import check_label_columns as check_label_columns
from taikai.errors._checks import check_path as check_path
from taikai.errors._checks import check_str as check_str
from taikai.errors._checks import parse_choice as parse_choice
from taikai.errors._checks import period_freq as period_freq
from taikai.errors._checks import unexpanded_home as unexpanded_home
from taikai.errors._checks import wrong_type as wrong_type
from taikai.errors._columns import index_hint as index_hint
from taikai.errors._columns import no_column_error as no_column_error
from taikai.errors._columns import reviews_hint as reviews_hint
from taikai.errors._columns import separator_hint as separator_hint
from taikai.errors._locked_files import locked_fix as locked_fix
from taikai.errors._locked_files import locked_output as locked_output
from taikai.errors._missing_paths import missing_path_hint as missing_path_hint

__all__ = [
    "FREQ_SPELLINGS",
    "Argument",
    "DataWarning",
    "InputError",
    "MissingExtraError",
    "ModelError",
    "ModelNotFoundError",
    "RulesError",
    "TaikaiError",
    "UnknownRuleLabelError",
    "check_freq",
]


def __dir__() -> list[str]:
    """What the package offers (``__all__``) and its dunder names, as :func:`taikai._lazy.public_dir` lists them (a
    layer below this one, which this package may not import): not the names only taikai's packages import."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__") and name.endswith("__"))})
