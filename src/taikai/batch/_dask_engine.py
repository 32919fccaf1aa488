"""Classify a Dask DataFrame of reviews on a Dask cluster, with the same columns and statuses as a local run.

The model goes to the workers as :mod:`taikai.batch._dask_models` ships and caches it. Each worker process makes
its own tokenizer (it is lazy per process). Rules travel with the tasks as a small :class:`~taikai.rules.RuleSet`
and are compiled once per process (cached by their digest).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

import pyarrow as pa

from taikai._masked_messages import errors_masked
from taikai.errors import MissingExtraError, check_bool, wrong_type

try:
    import dask.dataframe as dd
    import pandas as pd
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise MissingExtraError("the Dask engine", "dask and distributed", "dask", exc) from exc

from taikai.batch._dask_arguments import check_client, check_loaded
from taikai.batch._dask_bad_lines import mask_set_aside
from taikai.batch._dask_models import LOAD_LOCK, ModelRef, ship_model
from taikai.batch._dask_models import held_models as held_models  # tests ask the workers with it
from taikai.batch._outputs import output_types
from taikai.model import Model, check_prefix, checked_ruleset, resolve_model
from taikai.privacy import PiiKind, RunNames, default_masker, mask_text_column
from taikai.rules import RuleMatcher, RuleSet, RulesGiven, RulesMode, compile_rules

STRING = "str"
"""The pandas dtype of the text columns the model adds: ``str``, as :meth:`taikai.Model.predict_frame` gives them
(a missing one NaN)."""
BOOLEAN = "boolean"
"""The pandas dtype of ``rule_conflict``: the nullable ``boolean`` that :meth:`taikai.Model.predict_frame` gives
when a row was not classified (a partition's rows are not known when the frame's dtypes are)."""

MASK_COUNT_COLUMNS = {kind: f"__taikai_pii_{kind.value}" for kind in PiiKind}
"""The columns that count each row's masks per kind, for the file engine's summary (never written)."""

_MATCHERS: dict[str, RuleMatcher] = {}
_RUN_LOCK = threading.Lock()


def output_dtypes(model: Model, rules_mode: RulesMode | None = None, prefix: str = "") -> dict[str, object]:
    """Return the pandas dtype of each column the model (and rules in *rules_mode*) add, named with *prefix*: those
    of :func:`taikai.batch.output_types`, as :meth:`taikai.Model.predict_frame` gives them: ``str``, ``float64``,
    and ``rule_conflict`` the nullable ``boolean`` (``bool`` in a local frame whose every row was classified)."""
    check_loaded(model)
    pandas_dtype = {pa.float64(): "float64", pa.string(): STRING, pa.bool_(): BOOLEAN}
    return {c: pandas_dtype[t] for c, t in output_types(model, rules_mode, prefix).items()}


def _matcher(rules: RuleSet) -> RuleMatcher:
    """Return this process's compiled *rules* (compiled on first use)."""
    key = rules.digest()
    with LOAD_LOCK:
        if key not in _MATCHERS:
            _MATCHERS[key] = compile_rules(rules)
        return _MATCHERS[key]


def mask_partition(
    part: pd.DataFrame, text_column: Hashable, count_columns: bool = False, names: RunNames | None = None
) -> pd.DataFrame:
    """Return *part* with personal data in *text_column* masked (see :func:`taikai.mask_pii`), the run's *names*
    (:func:`run_names`) too where a row writes them bare; without them, the partition is the run.

    With *count_columns*, one ``int64`` column per kind (:data:`MASK_COUNT_COLUMNS`) counts each row's masks. The
    malformed records a file engine's partition holds (``on_bad_lines="report"``) are masked too, and counted apart.
    """
    masker = default_masker().knowing(names) if names is not None else None
    out, counts = mask_text_column(part, text_column, masker)
    out = mask_set_aside(out, masker or default_masker())  # the lines set aside, if any: their raw text
    if count_columns:
        for kind, column in MASK_COUNT_COLUMNS.items():
            out[column] = pd.Series([c.get(kind, 0) for c in counts], index=part.index, dtype="int64")
    return out


def cells_as_read(part: pd.DataFrame, text_column: Hashable) -> pd.DataFrame:
    """Return *part* with its *text_column*, when of an Arrow type (``pd.ArrowDtype``: a Parquet column of dates,
    durations, lists, ...), holding the Python values Arrow gives, as the local engine reads them: pandas gives a
    ``Timestamp`` or ``Timedelta`` where Arrow gives a ``datetime`` or ``timedelta``, and a row's message names
    the type of a value that is no text."""
    if not isinstance(part[text_column].dtype, pd.ArrowDtype):
        return part
    out = part.copy(deep=False)
    out[text_column] = pd.Series(pa.array(part[text_column]).to_pylist(), index=part.index, dtype=object)
    return out


def _predict_partition(
    part: pd.DataFrame,
    ref: ModelRef,
    text_column: Hashable,
    dtypes: dict[str, Any],
    rules: RuleSet | None = None,
    rules_mode: RulesMode = RulesMode.FLAG,
    mask: bool = False,
    count_masks: bool = False,
    prefix: str = "",
    names: RunNames | None = None,
) -> pd.DataFrame:
    """Classify one partition with this process's model (and rules) and give the added columns their dtypes.

    With *mask*, personal data in the text column is masked first (and counted per row with *count_masks*), the
    run's *names* too.
    """
    model = ref.get()
    matcher = _matcher(rules) if rules is not None else None
    read = cells_as_read(part, text_column)
    with _RUN_LOCK:  # one tokenizer per process: never run it from two threads at once
        if mask:
            read = mask_partition(read, text_column, count_masks, names)
        out = model.predict_frame(read, text_column, matcher, rules_mode, prefix=prefix)
    if not mask and read is not part:  # written as it was
        out[text_column] = part[text_column]
    typed: pd.DataFrame = out.astype(dtypes)
    return typed


def _current_client() -> Any:
    try:
        from distributed import default_client

        return default_client()
    except ValueError:
        return None


@errors_masked
def classify(
    ddf: dd.DataFrame,
    text_column: str = "text",
    model: Model | str | Path | None = None,
    client: Any = None,
    rules: RulesGiven = None,
    rules_mode: RulesMode | str = RulesMode.FLAG,
    mask_pii: bool = False,
    prefix: str = "",
) -> dd.DataFrame:
    """Return *ddf* with the model's columns appended to every partition; every row is kept, in order.

    *model* is a :class:`~taikai.Model`, a model directory, or ``None`` for the default model. With a
    distributed *client* (default: the current one, if any) the model is shipped to each worker once;
    without one, each process of the local scheduler loads it from its directory once. *rules* (a rules file
    or :class:`~taikai.rules.RuleSet`) add the rule columns, as :meth:`taikai.Model.predict_frame` does.
    ``mask_pii=True`` masks personal data in the text column first: the rules and the model read, and the
    result holds, the masked text. *prefix* goes before the name of every column the model adds.

    The input's own columns keep the dtypes of *ddf*, as ``predict_frame`` keeps a pandas frame's: Dask makes a
    column of text ``string[pyarrow]`` (missing ``<NA>``, where pandas reads ``NaN``) unless its
    ``dataframe.convert-string`` option is off. The files :func:`classify_files` writes hold the same cells as
    ``taikai batch`` writes for the same input.
    """
    mask_pii = check_bool("mask_pii", mask_pii)  # "no" would mask
    if not isinstance(ddf, dd.DataFrame):
        accepted = "a Dask DataFrame (for a pandas one, call Model.predict_frame, or dask.dataframe.from_pandas it)"
        raise wrong_type("ddf", ddf, accepted)
    check_prefix(prefix)
    check_client(client)
    return classify_frame(ddf, text_column, model, client, rules, rules_mode, mask_pii, prefix=prefix)


def classify_frame(
    ddf: dd.DataFrame,
    text_column: str,
    model: Model | str | Path | None,
    client: Any,
    rules: RulesGiven,
    rules_mode: RulesMode | str,
    mask_pii: bool,
    count_masks: bool = False,
    prefix: str = "",
    shipped: bool = False,
    computed: Callable[[Any], Any] | None = None,
) -> dd.DataFrame:
    """Do :func:`classify`; with *count_masks*, also add the :data:`MASK_COUNT_COLUMNS` (for the file engine).

    *shipped* says that the caller has shipped the model to *client*'s workers already (under a name of its own).
    With *mask_pii*, the run's names are collected first (:func:`run_names`), the pass computed by *computed* if
    given (the file engine's, which hears a stop and a cluster left without workers).
    """
    given, model = model, resolve_model(model)
    applied = RulesMode.for_rules(rules_mode, rules)  # override without rules is refused
    ruleset = checked_ruleset(rules, model, given)  # compiled on the workers
    mode = applied if ruleset is not None else None
    column = model.check_columns(ddf.columns, text_column, mode, prefix)  # 3 for "3" in a frame without header
    client = client if client is not None else _current_client()
    if client is not None and not shipped:
        ship_model(model, client)
    dtypes = output_dtypes(model, mode, prefix)
    counted = MASK_COUNT_COLUMNS.values() if mask_pii and count_masks else ()
    empty = ddf._meta.index
    meta = ddf._meta.assign(**{c: pd.Series([], dtype="int64", index=empty) for c in counted})
    if mask_pii and pd.api.types.is_numeric_dtype(meta[column].dtype):  # numbers masked as their masked text
        meta[column] = pd.Series([], dtype=object, index=empty)
    meta = meta.assign(**{c: pd.Series([], dtype=t, index=empty) for c, t in dtypes.items()})
    ref = ModelRef(model, shipped=client is not None)
    mode = mode or RulesMode.FLAG
    names = run_names(ddf, column, client, computed) if mask_pii else None  # a pass before: every partition masks all
    args = (ref, column, dtypes, ruleset, mode, mask_pii, count_masks, prefix, names)
    return ddf.map_partitions(_predict_partition, *args, meta=meta)


def _partition_names(part: pd.DataFrame, text_column: Hashable) -> pd.Series:
    with _RUN_LOCK:  # one tagger per process
        names = default_masker().run_names(cells_as_read(part, text_column)[text_column].tolist()).names
    return pd.Series([sorted(names)], dtype=object)


def run_names(
    ddf: dd.DataFrame, text_column: Hashable, client: Any, computed: Callable[[Any], Any] | None = None
) -> RunNames:
    """Return the names masking finds as persons in every partition of *ddf*: a pass over the input before the one
    that masks and classifies it, so that a name found in one partition is masked in all (per partition, a name
    would be masked or left by where the input was cut). It reads the input twice; holding every partition until
    the names are known would read it once, but keep the whole input in memory. The names are never written."""
    lists = ddf.map_partitions(_partition_names, text_column, meta=pd.Series([], dtype=object))
    if computed is not None:
        found = computed(lists)
    else:
        found = client.compute(lists).result() if client is not None else lists.compute()
    return RunNames(name for names in found for name in names)
