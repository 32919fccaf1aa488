"""A model's recorded figures in words, not dicts: its scores, thresholds, configuration, dictionary and data.

:mod:`taikai.model._describe` puts them together into what ``taikai info`` and ``taikai train`` print.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from taikai.labels import counted_label

if TYPE_CHECKING:
    from taikai.model._feature_config import FeatureConfig
    from taikai.model._input_file import InputFile
    from taikai.model._metadata import ModelMetadata
    from taikai.model._versions import DictionaryInfo

METRIC_NAMES = {
    "reason_macro_f1": "reason macro-F1",
    "reason_accuracy": "reason accuracy",
    "reasons_micro_f1": "all reasons micro-F1",
    "reasons_macro_f1": "all reasons macro-F1",
    "sentiment_macro_f1": "sentiment macro-F1",
    "sentiment_accuracy": "sentiment accuracy",
}
"""What each metric key of a model's ``metrics`` (and of a before/after comparison) is called on screen."""


def count(value: object) -> str:
    """Return a count as every command prints one, with thousands separators (``8,536``); else as it is."""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def describe_figures(figures: Mapping[str, object]) -> str:
    """Return the float figures of *figures* as ``reason macro-F1 0.913 · reason accuracy 0.905 · …``.

    Keys without a name in :data:`METRIC_NAMES` are shown as they are; counts and other non-floats are left out,
    but a named score is shown whatever kind of number it is (an edited ``1`` as ``1.000``).
    """
    shown = [f"{METRIC_NAMES.get(key, key)} {value:.3f}" for key, value in figures.items() if _score(key, value)]
    return (" · ".join(shown) or "-") + _few_rows(figures.get("rows"))


FEW_TESTED = 50
"""Below this many test rows, the test figures are said to be rough (as ``taikai evaluate`` says of its scores)."""


def _few_rows(rows: object) -> str:
    """Return, after the figures of *rows* test rows when they are fewer than :data:`FEW_TESTED`, that they are
    rough (one row moves an accuracy by 1/rows) and where their interval is; ``""`` otherwise."""
    if not isinstance(rows, int) or isinstance(rows, bool) or not 0 < rows < FEW_TESTED:
        return ""
    return (
        f" (on {rows:,} test rows, where one row moves an accuracy by {1 / rows:.3f}: rough; taikai evaluate "
        "DATA --split test gives the accuracy's 95 % interval)"
    )


def _score(key: str, value: object) -> bool:
    return isinstance(value, float) or (key in METRIC_NAMES and isinstance(value, int) and not isinstance(value, bool))


def describe_thresholds(thresholds: Mapping[str, float], order: Sequence[str]) -> str:
    """Return each reason's threshold in *order* (the model's reasons), as ``low_pay 0.10, fees 0.10, …``."""
    shown = [f"{counted_label(reason)} {thresholds[reason]:.2f}" for reason in order if reason in thresholds]
    return ", ".join(shown) or "-"


def describe_dictionary(dictionary: DictionaryInfo | None) -> str:
    """Return the tokenizer dictionary a model records, as ``unidic-lite 1.0.8 (sys.dic 187,680,870 bytes)``
    (``? ?``: none recorded)."""
    if dictionary is None:
        return "? ?"
    size = dictionary.sys_dic_bytes
    name = f"{_or_unknown(dictionary.name)} {_or_unknown(dictionary.version)}"
    return f"{name} (sys.dic {size:,} bytes)" if size is not None else name


def _or_unknown(value: str | None) -> str:
    return "?" if value is None else value


def describe_config(config: FeatureConfig | None, sentiment: bool = True) -> str:
    """Return a model's feature configuration (:meth:`ModelMetadata.feature_config`) as ``word 1-2-grams (base
    forms) + word vectors 'chive' (the table must be installed); min_df 2, C 30/30 (reasons/sentiment), class
    weight balanced``; ``-`` when none is recorded (a word-n-gram model says ``, no word vectors`` instead).
    Without *sentiment* (a model trained with --no-sentiment) only the reasons' C and class weight are shown."""
    if config is None:
        return "-"
    features = []
    for kind, span in (("word", config.word_ngrams), ("char", config.char_ngrams)):
        if span is not None and len(span) == 2:
            folded = ", CP932 look-alikes folded" if config.cp932_fold else ""  # 〜 and ～ one word (cp932_fold)
            forms = f" ({config.token_form} forms{folded})" if kind == "word" else ""
            features.append(f"{kind} {span[0]}-{span[1]}-grams{forms}")
    if config.vectors:
        features.append(f"word vectors {config.vectors!r} (the table must be installed)")
    shown = " + ".join(features) + ("" if config.vectors else ", no word vectors")
    values = (config.reason_c, config.sentiment_c) if sentiment else (config.reason_c,)
    c = "/".join(f"{v:g}" if isinstance(v, float) else str(v) for v in values)
    weight, sentiment_weight = config.class_weight, config.sentiment_class_weight
    if not sentiment:  # a --no-sentiment model: no sentiment head, so neither its C nor its weight
        return f"{shown}; min_df {config.min_df}, C {c}, class weight {weight} (reasons only: no sentiment)"
    weights = f"{weight}" if weight == sentiment_weight else f"{weight}/{sentiment_weight} (reasons/sentiment)"
    return f"{shown}; min_df {config.min_df}, C {c} (reasons/sentiment), class weight {weights}"


def describe_data(meta: ModelMetadata) -> str:
    """Return the base data of a model as ``reviews.csv: 8,536 rows (6,823 train, 1,713 test)``, or, when rows of it
    were skipped, ``data.csv: 600 rows read, 6 skipped; 594 used (475 train, 119 test)``; then its sha256.

    Only the base file's own rows are counted: rows skipped in an added file are on its ``added:`` line
    (:func:`describe_input`). The base file's record (``inputs``) says how many were its own; a model without one
    (formats 2 and 3) had no added files, so all its skipped rows were the base file's. What is not recorded (a
    model fitted by hand) is said to be so.
    """
    data = meta.trained_on()
    base = next((f for f in meta.inputs if f.role == "base"), None)
    used = data.rows
    skipped = data.skipped_rows if base is None else base.bad
    blank = 0 if base is None else base.blank
    rows = f"{count(used)} rows ({describe_rows(meta)})"
    if used is not None and (skipped or blank):
        read = used + skipped + blank
        left = "".join(f", {count(n)} {what}" for n, what in ((blank, "blank"), (skipped, "skipped")) if n)
        rows = f"{count(read)} rows read{left}; {count(used)} used ({describe_rows(meta)})"
    sha256 = data.file_sha256 or data.content_sha256
    if used is None:  # a model fitted by hand (Model(pipeline)): training recorded nothing
        rows = "rows not recorded"
        if data.file is None and sha256 is None:
            return "not recorded (not trained by taikai train)"
    file = "<frame>" if data.file is None else data.file
    return f"{file}: {rows}, " + (f"sha256 {sha256}" if sha256 else "sha256 not recorded")


def describe_input(f: InputFile) -> str:
    """Return one input file of a model as ``small.csv  (426 rows, 400 used, 26 blank, weight 2)``."""
    counts = f"{f.rows:,} rows, {f.used:,} used"
    counts += "".join(
        f", {n:,} {what}" for n, what in ((f.blank, "blank"), (f.bad, "skipped"), (f.duplicates, "duplicates")) if n
    )
    weight = f", weight {f.weight:g}" if f.role == "added" else ""
    return f"{f.file}  ({counts}{weight})"


def describe_heads(meta: ModelMetadata) -> str | None:
    """Return what each head of a model was fitted on when some rows were coded with one kind of label only, as
    ``reason head 358 rows (not the 20 with a sentiment only), sentiment head 318 (not the 40 with reasons only)``
    (each note, of the rows left out of that head, only when there are such rows); ``None`` when every row trained
    both."""
    data = meta.trained_on()
    rows, felt = data.reason_rows, data.sentiment_rows
    if rows is None or felt is None:
        return None
    fitted = rows if data.fitted_rows is None else data.fitted_rows
    heads = [f"reason head {count(rows)} rows", f"sentiment head {count(felt)}"]
    for k, (n, only) in enumerate(((fitted - rows, "a sentiment only"), (fitted - felt, "reasons only"))):
        heads[k] += f" (not the {count(n)} with {only})" if n else ""
    return ", ".join(heads)


def describe_rows(meta: ModelMetadata) -> str:
    """Return the rows of the base data a model split, and those it was fitted on with the added files', as
    ``318 train + 40 added = 358 trained on, 82 test`` (``318 train, 82 test`` without added files)."""
    data = meta.trained_on()
    train, test = data.train_rows, data.test_rows
    added = sum(f.used for f in meta.inputs if f.role == "added")
    rows = f"{count(train)} train"
    if added:
        fitted = f" = {count(train + added)} trained on" if train is not None else ""
        rows = f"{count(train)} train + {count(added)} added{fitted}"
    refit = "; then refitted on all of them" if meta.refit_on_all_rows else ""
    return f"{rows}, {count(test)} test{refit}"
