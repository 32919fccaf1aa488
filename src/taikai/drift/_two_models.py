"""Refuse, in one message, a dump and a reference file whose batch summaries name two different models.

Drift compares both files with one model. The dump's predictions were checked first against the model given; the
reference's were then refused with the advice to name their model with ``--model``, and naming it refused the
dump with the advice to name the first one: each message sent the analyst to the other. The way out is to give one
of the two raw dumps (drift classifies it with the model given), or to check each file against its own model.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from taikai.errors import InputError
from taikai.io import RunSummary, read_summary

if TYPE_CHECKING:
    import pandas as pd


def summary_of(data: str | Path | pd.DataFrame) -> RunSummary | None:
    """Return the batch summary beside the file *data* (``None``: a frame, or no summary), read without its warnings."""
    if not isinstance(data, (str, Path)):
        return None
    with warnings.catch_warnings():  # what reading the summary warns of is said when the file is counted
        warnings.simplefilter("ignore")
        return read_summary(Path(data))


def check_one_model(dump: str | Path | pd.DataFrame, reference: str | Path | pd.DataFrame) -> None:
    """Raise :class:`InputError` when the batch summaries of *dump* and of the *reference* file name models of
    different sha256s: no ``--model`` can read both files' predictions."""
    ours, theirs = summary_of(dump), summary_of(reference)
    if ours is None or theirs is None or ours.model is None or theirs.model is None:
        return
    if not ours.model.sha256 or not theirs.model.sha256 or ours.model.sha256 == theirs.model.sha256:
        return
    raw = f" ({raw_input(theirs)})" if theirs.input else ""
    raise InputError(
        f"{reference} (the reference) says its predictions were made by model {theirs.model.name} (sha256 "
        f"{theirs.model.sha256[:12]}…), and {dump} (the dump) by model {ours.model.name} (sha256 "
        f"{ours.model.sha256[:12]}…): drift compares both files with one model, so no model= (--model on the command "
        f"line) reads both; give as reference= (--reference on the command line) the dump taikai batch read to write "
        f"{reference}{raw}, which drift classifies with the model that made the dump's predictions "
        f"({ours.model.name}), or check each file against its own model's training statistics (leave out the "
        "reference)"
    )


def raw_input(run: RunSummary) -> str:
    """Return the path of the dump taikai batch read, as its summary *run* records it (as given to batch, in the
    folder batch ran in), from the folder this runs in: a relative path is looked for beside the summary first (the
    output was written beside the folder batch ran in), then here; the one found is named so that it reads from
    here (``../oct.jsonl`` for ``oct.jsonl`` recorded by a batch run one folder up), else it is named as recorded."""
    recorded = Path(str(run.input))
    if recorded.is_absolute():
        return str(recorded)
    beside = Path(run.path).parent / recorded
    return str(beside if beside.is_file() else recorded)
