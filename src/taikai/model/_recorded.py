"""What training recorded in a model's metadata, checked part by part when it is read: the data it was trained on
(``training_data``), its figures (``metrics``) and its tokenizer dictionary (``dictionary``).

Every part the code reads later (``taikai info``, a batch summary, :meth:`taikai.Model.training_summary`) must be
of the kind training writes, else the model is refused at load as malformed, naming the field
(``'metrics.test' is 5, but should be …``), rather than shown wrongly or failing in the middle of a run. Fields
this code does not read are left as they are: a later taikai of the same format may add some.
"""

from __future__ import annotations

from taikai.model._fields import Fields, flag, nonnegative_int, score, str_tuple, text
from taikai.model._figures import METRIC_NAMES
from taikai.model._metrics import Metrics
from taikai.model._training_record import TrainingRecord
from taikai.model._versions import DictionaryInfo

_COUNT = "a whole number of 0 or more"
_SCORES = "an object of scores (numbers between 0 and 1, as training wrote them)"
_SCORE = "a score from 0 to 1"
_HELD_OUT = ("reason_accuracy", "reason_macro_f1", "sentiment_accuracy", "sentiment_macro_f1")
"""The scores of each side of the comparison of added labels (:class:`~taikai.model.HeldOutScores`)."""
_MOVES = ("reason_now_right", "reason_now_wrong", "sentiment_now_right", "sentiment_now_wrong")
"""The rows each head of the comparison of added labels gets right now, and wrong now."""


def read_training_data(f: Fields) -> TrainingRecord:
    """Return ``training_data`` (in *f*) as a :class:`TrainingRecord`, once its counts, file names, hashes and
    examples are checked."""
    for key in ("rows", "train_rows", "test_rows"):
        f.get(key, nonnegative_int, _COUNT)
    for key in ("skipped_rows", "added_rows", "added_disagreeing_duplicates", "added_disagreeing_repeats"):
        f.optional(key, nonnegative_int, _COUNT, 0)
    for key in ("reason_rows", "sentiment_rows", "fitted_rows"):
        f.optional(key, nonnegative_int, _COUNT, 0)
    for key, expected in (("file", "a file name"), ("file_sha256", "a sha256"), ("content_sha256", "a sha256")):
        f.optional(key, text, expected, "")
    f.optional("skipped_examples", str_tuple, "a list of strings", None)
    f.optional("id_column", text, "a column name", "")
    f.optional("id_found_by_name", flag, "true or false", False)
    f.optional_part("added_disagreeing_in", _disagreeing, "an object with 'duplicates' and 'repeats'", None)
    f.optional_part("added_disagreeing_at", _places, "an object with lists 'duplicates' and 'repeats'", None)
    f.optional_part("row_hashes", _unread, "an object (the row hashes)", None)
    return TrainingRecord.from_dict(f.values)


def read_metrics(f: Fields) -> Metrics:
    """Return ``metrics`` (in *f*) as :class:`Metrics`, once its cross-validation and test scores, the comparison
    of added labels and the note are checked."""
    f.optional_part("cv", _scores, _SCORES, None)
    f.optional_part("test", _test, _SCORES, None)
    f.optional_part("added", _added, "an object with rows, folds, 'without' and 'with' scores", None)
    f.optional("note", text, "a string", "")
    return Metrics.from_dict(f.values)


def read_dictionary(f: Fields) -> DictionaryInfo | None:
    """Return ``dictionary`` (in *f*) as a :class:`DictionaryInfo`, once its name, version and size are checked;
    ``None`` for an empty object (nothing recorded)."""
    f.optional("name", text, "a dictionary name, such as 'unidic-lite'", "")
    f.optional("version", text, "a version string", "")
    f.optional("sys_dic_bytes", nonnegative_int, "a size in bytes (a whole number)", 0)
    return DictionaryInfo.from_dict(f.values) if f.values else None


def _scores(f: Fields) -> None:
    for key in METRIC_NAMES:
        f.optional(key, score, _SCORE, 0.0)
    for key in ("folds", "rows", "reason_rows", "sentiment_rows"):
        f.optional(key, nonnegative_int, _COUNT, 0)
    f.optional("note", text, "a string", "")


def _test(f: Fields) -> None:
    _scores(f)
    f.optional_part("report", _unread, "an object (the evaluation report)", None)


def _added(f: Fields) -> None:
    for key in ("rows", "folds"):
        f.get(key, nonnegative_int, _COUNT)
    for key in ("reason_rows", "sentiment_rows", "near_copies", *_MOVES):
        f.optional(key, nonnegative_int, _COUNT, 0)
    for side in ("without", "with"):
        f.part(side, _held_out, _SCORES)


def _held_out(f: Fields) -> None:
    for n, key in enumerate(_HELD_OUT):
        if n < 2 and key not in f.values:  # the reason's scores are always written (null: no added row has one)
            raise f.error(f"{f.named(key)} is missing")
        f.optional(key, score, f"{_SCORE} (or null: not scored)", 0.0)


def _disagreeing(f: Fields) -> None:
    for part in ("duplicates", "repeats"):
        f.optional_part(part, _label_counts, "an object of counts", None)


def _places(f: Fields) -> None:
    for part in ("duplicates", "repeats"):
        f.optional(part, str_tuple, "a list of strings (FILE:LINE places)", None)


def _label_counts(f: Fields) -> None:
    for key in ("reasons", "sentiment"):
        f.optional(key, nonnegative_int, _COUNT, 0)


def _unread(f: Fields) -> None:
    """Check nothing more of an object read elsewhere (row hashes, when evaluating) or never (a report)."""
