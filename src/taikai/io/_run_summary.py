"""The small JSON summary ``taikai batch`` writes beside its output, for the report to read back.

``OUTPUT_STEM.summary.json`` holds the run's counts (rows, statuses, bad and blank lines set aside, the side file
of bad lines), the ``--prefix`` of the predicted columns, the ``--text-column`` and ``--id-column``, and a stamp of
the model that made the predictions (directory name, artifact sha256, creation time, its test-split metrics), so
that a report of the output can say what was set aside and which model spoke, and the commands that read the
output find its text column without being told again. It also records what identifies the output file
(:mod:`taikai.io._summary_owner`), so that a summary renamed with its output is still its own, and one beside
another file (or a newer output of the same name) is noticed. The Dask engine's output folder holds the same values
in its manifest.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taikai._warn import warn_user
from taikai.errors import DataWarning, InputError
from taikai.io._file_argument import FileKind, check_file
from taikai.io._model_stamp import ModelStamp
from taikai.io._parts import PARTS_MANIFEST, is_parts_folder
from taikai.io._summary_owner import IDENTITY, ignored_summary, output_identity, summary_path

SUMMARY_FORMAT = 1


def with_summary(what: str, path: Path | None) -> dict[str, Path | None]:
    """Return *path*, described as *what* (``"the predictions"``), the batch summary beside it and the lines batch
    set aside beside it (``OUTPUT_STEM.bad_lines.csv``, which the report quotes, and the only copy of those lines):
    the files a command reads from a batch output, which none of its own outputs may overwrite."""
    owner = f"{what}'" if what.endswith("s") else f"{what}'s"
    named = Path(path) if path is not None and Path(path).name else None  # ".": a folder, which the reader refuses
    side = named.with_name(named.stem + ".bad_lines.csv") if named is not None else None
    return {
        what: path,
        f"{owner} batch summary": summary_path(Path(path)) if path is not None else None,
        f"{owner} lines set aside by batch ({side.name if side else ''})": side,
    }


@dataclass(frozen=True)
class RanRule:
    """A coding rule batch applied (``--rules``), as its summary records it."""

    name: str
    label: str | None = None
    """The rule's label, as the model's reasons read it (``None``: a summary written before labels were recorded)."""
    source: str | None = None
    """The rules file the rule came from, when batch applied the rules of several (``None``: of one, or older)."""


@dataclass(frozen=True)
class RunSummary:
    """What a batch run wrote into its summary: counts, what it set aside, and the model."""

    path: str
    rows: int
    statuses: dict[str, int]
    bad_lines: int
    blank_lines: int
    bad_lines_file: str | None
    model: ModelStamp | None
    prefix: str | None = None
    """The ``--prefix`` of the predicted columns (``None``: a summary written before batch recorded it)."""
    text_column: str | None = None
    """The ``--text-column`` batch classified (``None``: a summary written before batch recorded it)."""
    id_column: str | None = None
    """The ``--id-column`` batch was given (``None``: none, or a summary written before batch recorded it)."""
    limit: int | None = None
    """The ``--limit`` batch was given: it classified the input's first rows only (``None``: none, or older)."""
    more_rows: bool | None = None
    """With ``--limit``: whether the input held more than the rows read (``None``: not recorded, or no limit)."""
    mask_pii: bool | None = None
    """Whether batch masked the texts (``--mask-pii``; ``None``: a summary that does not say)."""
    masks: dict[str, int] | None = None
    """What batch masked, per kind (``{"name": 3}``; ``None``: a summary that does not say)."""
    masker_version: int | None = None
    """The version of the masking batch did (:data:`taikai.privacy.MASKER_VERSION`; ``None``: no masking, or a
    summary written before batch recorded it): two masked runs whose versions differ masked some texts otherwise."""
    rules: tuple[RanRule, ...] = ()
    """The rules batch applied (``--rules``) in file order, unfired ones too (none: none, or an older summary)."""
    rules_files: tuple[str, ...] = ()
    """The rules files batch read, in the order their rules applied (one ``--rules`` each; none: no rules)."""
    input: str | None = None
    """The input batch read, as it was given (``None``: a summary that does not say)."""
    excel_safe: bool = False
    """``--excel-safe``: texts Excel would read as formulas were written with an apostrophe first (CSV, TSV)."""


def write_summary(output: Path, values: dict[str, Any], model: ModelStamp | None = None) -> Path:
    """Write *values* (a batch summary's JSON) and the stamp of the *model* that made the predictions (under
    ``model``, as :func:`read_summary` reads it) beside *output*, with the identity of *output* when it is a file
    (:func:`output_identity`: write the summary once the output is final), and return the summary's path."""
    path = summary_path(output)
    tmp = path.with_name(path.name + ".tmp")
    stamp = {"model": model.to_dict()} if model is not None else {}
    identity = {IDENTITY: output_identity(output)} if output.is_file() else {}
    tmp.write_text(
        json.dumps({"format": SUMMARY_FORMAT, **values, **stamp, **identity}, ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    tmp.replace(path)
    return path


def read_summary(predictions: Path) -> RunSummary | None:
    """Return the batch summary beside *predictions*, ``None`` without one; a malformed one is an error.

    A summary records what identifies its output (:func:`output_identity`): it is used when *predictions* is that
    file, whatever its name (an output renamed with its summary), and otherwise ignored with a
    :class:`~taikai.DataWarning` saying which file it describes (``x.csv`` and ``x.parquet`` share
    ``x.summary.json``; a newer output beside an older summary). A summary written before the identity was recorded
    is ignored only when its ``output`` is another file that exists beside it. For the output folder of the Dask
    engine, it is the folder's manifest (:data:`~taikai.io.PARTS_MANIFEST`).
    """
    check_file("predictions", predictions, FileKind.SUMMARY)
    folder = is_parts_folder(Path(predictions))
    path = Path(predictions) / PARTS_MANIFEST if folder else summary_path(predictions)
    if not path.is_file():
        return None
    what = "taikai manifest" if folder else "taikai batch summary"
    if not folder:
        with contextlib.suppress(OSError, ValueError):
            values = json.loads(path.read_text(encoding="utf-8"))
            ignored = ignored_summary(path, Path(predictions), values) if isinstance(values, dict) else None
            if ignored is not None:
                warn_user(ignored, DataWarning)
                return None
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
        # a summary holds the stamp under "model"; a manifest under "model_stamp", its "model" being the artifact's
        # hash alone (all that a manifest written before the stamp holds)
        stamp = values.get("model_stamp" if folder else "model")
        if folder and stamp is None and isinstance(values.get("model"), str):  # written before the stamp was
            stamp = {"name": values["model"][:12], "path": "", "sha256": values["model"], "created_at": ""}
        model = ModelStamp.from_dict(stamp) if stamp else None
        return RunSummary(
            path=str(path),
            rows=int(values["rows"]),
            statuses={str(k): int(v) for k, v in values.get("statuses", {}).items()},
            bad_lines=int(values.get("bad_lines", 0)),
            blank_lines=int(values.get("blank_lines", 0)),
            bad_lines_file=values.get("bad_lines_file"),
            model=model,
            prefix=None if values.get("prefix") is None else str(values["prefix"]),
            text_column=None if values.get("text_column") is None else str(values["text_column"]),
            id_column=_id_column(values, folder),
            limit=None if values.get("limit") is None else int(values["limit"]),
            more_rows=None if values.get("more_rows") is None else bool(values["more_rows"]),
            mask_pii=None if values.get("mask_pii") is None else bool(values["mask_pii"]),
            masks=None if values.get("masks") is None else {str(k): int(v) for k, v in values["masks"].items()},
            masker_version=None if values.get("masker_version") is None else int(values["masker_version"]),
            rules=_ran_rules(values),
            rules_files=_rules_files(values),
            input=None if values.get("input") is None else str(values["input"]),
            excel_safe=values.get("excel_safe") is True,
        )
    except KeyError as exc:
        raise InputError(f"{path}: not a {what} (it lacks {exc.args[0]!r}); delete or rename it") from exc
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(
            f"{path}: not a {what} (a field has the wrong kind of value: {exc}); delete or rename it"
        ) from exc


def _id_column(values: dict[str, Any], folder: bool) -> str | None:
    """Return the id column a summary (or a Dask engine's manifest, of a *folder*) *values* names; a manifest of a
    run without one names the ``row`` column the engine put first, so that a sheet or report of the folder names each
    row by the number it holds there (0-based), not by another count of the rows."""
    if values.get("id_column") is not None:
        return str(values["id_column"])
    columns = values.get("columns") if folder else None
    return "row" if isinstance(columns, list) and columns[:1] == ["row"] else None


def _ran_rules(values: dict[str, Any]) -> tuple[RanRule, ...]:
    """Return the rules a summary (or manifest) *values* lists: names with hits under ``rules`` (when it has a
    ``rules_file``), labels under ``rule_labels`` (none: an older summary), files under ``rule_files`` (several)."""
    labels, files = ({str(k): str(v) for k, v in (values.get(f) or {}).items()} for f in ("rule_labels", "rule_files"))
    names = map(str, values.get("rules") or {}) if values.get("rules_file") else ()
    return tuple(RanRule(name, labels.get(name), files.get(name)) for name in dict.fromkeys([*names, *labels]))


def _rules_files(values: dict[str, Any]) -> tuple[str, ...]:
    """Return the rules files a summary *values* names: ``rules_files``, else ``rules_file`` (a manifest: ``rules``)."""
    ran = values["rules"] if isinstance(values.get("rules"), dict) else {}  # a summary's: names → hits, no files
    listed, one = values.get("rules_files", ran.get("files")), values.get("rules_file", ran.get("file"))
    return tuple(map(str, listed)) if isinstance(listed, list) else (str(one),) if isinstance(one, str) else ()
