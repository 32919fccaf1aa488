"""What the Dask engine's output folder holds: how its parts are written (their columns and types), and the
manifest, ``_taikai.json``, that says what the run wrote, with which model, rules and options."""

from __future__ import annotations

import json
from importlib import metadata as importlib_metadata
from pathlib import Path

import pyarrow as pa

import taikai.io as tio
from taikai.batch._dask_output import MANIFEST
from taikai.batch._dask_parts import ROW_COLUMN
from taikai.batch._options import BatchOptions
from taikai.batch._outputs import model_stamp, output_types
from taikai.batch._summary import BatchSummary
from taikai.model import Model, model_sha256
from taikai.rules import RuleSet, RulesMode


def parts_spec(schema: pa.Schema, model: Model, options: BatchOptions, fmt: str, encoding: str) -> tio.OutputSpec:
    """Return how the parts are written in *fmt* and *encoding*: a :data:`ROW_COLUMN` (without ``id_column``; never
    missing, so ``int64`` as CSV and JSONL parts read back, not the nullable ``Int64`` of an input's ints), the
    input's columns (its *schema*, with the pandas types of a Parquet input) and those *model* adds."""
    if options.mask_pii:  # a number of the text column is written as its masked text
        schema = tio.numbers_as_text(schema, options.text_column)
    fields = [*([pa.field(ROW_COLUMN, pa.int64())] if options.id_column is None else []), *schema]
    added = [pa.field(c, t) for c, t in output_types(model, options.applied_rules_mode, options.prefix).items()]
    # the pandas types of a Parquet input's columns, named by its metadata
    table = tio.with_pandas_types(pa.schema([*fields, *added], metadata=schema.metadata), filled=[ROW_COLUMN])
    return tio.OutputSpec(fmt, tuple(table.names), encoding, table, escape=options.excel_safe)


def write_manifest(
    folder: Path,
    summary: BatchSummary,
    spec: tio.OutputSpec,
    parts: list[str],
    model: Model,
    options: BatchOptions,
    ruleset: RuleSet | None,
    rules_mode: RulesMode | None,
) -> None:
    """Write the manifest of the output *folder*: the *parts* (as *spec* writes them) and what *summary* counted,
    the *model*, the *ruleset* applied in *rules_mode*, and the *options* a reader of the folder needs."""
    rules: dict[str, object] | None = None
    if ruleset is not None:
        rules = {"file": ruleset.source, "sha256": ruleset.digest(), "mode": str(rules_mode)}
        if len(ruleset.sources) > 1:  # the rules of several files (--rules a --rules b): each named, in order
            rules["files"] = list(ruleset.sources)
    # on_bad_lines="report": the records set aside and their side file, beside the folder (named as a local run's)
    set_aside = (
        {"bad_lines": summary.bad_lines, "bad_lines_file": summary.bad_lines_file} if summary.bad_lines_file else {}
    )
    manifest = {
        "taikai": importlib_metadata.version("taikai"),
        "rows": summary.rows,
        "blank_lines": summary.blank_lines,
        "format": spec.fmt,
        "columns": list(spec.columns),
        "parts": parts,
        "model": model_sha256(model),
        "model_stamp": model_stamp(model).to_dict(),
        "prefix": options.prefix,
        "text_column": options.text_column,
        "id_column": options.id_column,
        "rules": rules,
        "rule_labels": summary.rule_labels,
        "statuses": summary.statuses,
        "mask_pii": options.mask_pii,
        "masker_version": summary.masker_version,
        "masks": summary.masks,
        **({"excel_safe": True} if options.excel_safe else {}),  # read back without the apostrophes
        **set_aside,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
