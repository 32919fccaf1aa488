"""What identifies a local batch run, for ``--resume``: the options that shape its output as the partial folder saves
them, and the fingerprint compared when it is resumed (the input's own is added as the folder is opened)."""

from __future__ import annotations

import hashlib
import json
from importlib import metadata as importlib_metadata
from typing import Any

import taikai.io as tio
from taikai.batch._fingerprint import COLUMNS, NOTES, SHEETS, sheet_names
from taikai.batch._options import BatchOptions
from taikai.batch._rules_change import rules_notes
from taikai.batch._unvouched import MASKING, SETTINGS, WRITER
from taikai.model import Model, model_sha256, settings_json
from taikai.rules import RuleMatcher, RulesMode


def run_options(options: BatchOptions, reader: Any, in_fmt: str, out_fmt: str, out_encoding: str) -> dict[str, object]:
    """Return the options of a run that its output depends on, as its fingerprint and its partial folder's README
    save them (*reader*: the input's, for its encoding and the sheet it reads)."""
    sheet, _ = _sheets(reader, options.mask_pii)
    return {
        "text_column": options.text_column,
        "id_column": options.id_column,
        "chunk_size": options.chunk_size,
        "input_format": in_fmt,
        "encoding": getattr(reader, "encoding", None),
        "sheet": sheet,  # the sheet read, by name: --sheet 2 resumes a run of --sheet reviews (the same sheet)
        "output_format": out_fmt,
        "output_encoding": out_encoding,
        "on_bad_lines": options.on_bad_lines,
        "mask_pii": options.mask_pii,
        "encoding_errors": options.encoding_errors,
        "prefix": options.prefix,
        "taikai": importlib_metadata.version("taikai"),
        **({"limit": options.limit} if options.limit else {}),  # absent without one: runs saved before still resume
        **({"excel_safe": True} if options.excel_safe else {}),  # so too
    }


def run_fingerprint(
    saved: dict[str, object],
    options: BatchOptions,
    reader: Any,
    model: Model,
    rules: RuleMatcher | None,
    rules_mode: RulesMode | None,
    masker_version: int | None,
) -> dict[str, str | None]:
    """Return the fingerprint of a run of the options *saved* (:func:`run_options`): the model, its settings, the
    masker's version (*masker_version*, ``None`` without masking), the writer's, the rules and their mode; and its
    notes, not compared: how the encoding was chosen, the rules' file, the sheets, and a digest of the input's
    columns (compared only when the input grew, :mod:`taikai.batch._grown`)."""
    _, sheets = _sheets(reader, options.mask_pii)
    columns = hashlib.sha256(json.dumps(list(reader.columns), ensure_ascii=False).encode()).hexdigest()[:16]
    return {
        "model": model_sha256(model),
        SETTINGS: settings_json(model),  # thresholds and max_chars: metadata.json, outside the artifact's sha256
        "options": json.dumps(saved, sort_keys=True),
        MASKING: str(masker_version) if masker_version is not None else None,  # the masked text changes with it
        WRITER: str(tio.WRITER_VERSION),  # how a value is written (a boolean true): a resume writes the rest alike
        "rules": rules.rules.digest() if rules is not None else None,
        "rules mode": rules_mode.value if rules_mode is not None else None,
        NOTES: json.dumps(
            {
                "encoding": "given" if options.encoding else "detected",
                "rules": rules.rules.source if rules is not None else None,
                **(rules_notes(rules.rules) if rules is not None else {}),  # what changed in them, if they did
                SHEETS: sheets,  # for the sheet option a run of an earlier taikai saved
                COLUMNS: columns,  # a JSONL input's keys: rows appended may bring new ones
            }
        ),
    }


def _sheets(reader: Any, mask: bool) -> tuple[str | None, list[str] | None]:
    return sheet_names(getattr(reader, "title", None), getattr(reader, "sheets", None), mask)
