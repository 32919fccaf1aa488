"""The Dask engine's ``on_bad_lines="report"``: the malformed records each partition met, gathered into one side file
of bad lines (``OUTPUT_STEM.bad_lines.csv``) in input order, as the local engine writes it.

Each CSV, TSV or JSONL file is read whole into one partition (before any repartition), so its records' lines are
those of the whole file; the reader holds them on the file's first row (:data:`BAD_COLUMN`), the classifying task
masks their raw text with the run's names (``mask_pii``, :func:`mask_set_aside`), and the task that writes a part
takes them into its :class:`~taikai.batch.ChunkResult` (:func:`set_aside_in`), which a stopped run saves with its
partitions for ``--resume``. Once every part is written, the driver sorts them by file and line and writes the one
side file (:func:`write_side_file`): the same bytes, however the input was split, resumed or not.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

import taikai.io as tio
from taikai._whole_file import write_whole
from taikai.batch._chunk import ChunkResult
from taikai.batch._dask_text_files import BAD_COLUMN, SetAside
from taikai.batch._side_files import bad_lines_path
from taikai.errors import InputError
from taikai.io import PARTS_MANIFEST, BadLine


def mask_set_aside(part: Any, masker: Any) -> Any:
    """Return the pandas frame *part* with the raw text of the records of its :data:`BAD_COLUMN` masked by
    *masker* (a :class:`~taikai.privacy.PiiMasker`, knowing the run's names), each cell's masks counted per kind,
    as the local engine masks and counts the lines it sets aside; *part* itself without that column."""
    if BAD_COLUMN not in part.columns:
        return part
    cells = part[BAD_COLUMN].tolist()
    for i, cell in enumerate(cells):
        if isinstance(cell, SetAside):
            raws, counts = masker.mask_values([b.raw for b in cell.lines])
            lines = tuple(BadLine(b.line, b.error, str(raw), b.last, b.kind) for b, raw in zip(cell.lines, raws))
            cells[i] = SetAside(cell.file, lines, tuple((kind.value, n) for kind, n in counts.items() if n))
    out = part.copy(deep=False)
    out[BAD_COLUMN] = type(part[BAD_COLUMN])(cells, index=part.index, dtype=object)
    return out


def set_aside_in(part: Any) -> tuple[tuple[tuple[int, BadLine], ...], dict[str, int]]:
    """Return the malformed records the pandas frame *part* holds (each with the index of its file), in order, and
    the personal data masked in them per kind."""
    if BAD_COLUMN not in part.columns:
        return (), {}
    held = [cell for cell in part[BAD_COLUMN].tolist() if isinstance(cell, SetAside)]
    masks: Counter[str] = Counter()
    for cell in held:
        masks.update(dict(cell.masks))
    return tuple((cell.file, line) for cell in held for line in cell.lines), dict(masks)


def in_input_order(results: Iterable[ChunkResult]) -> list[tuple[int, BadLine]]:
    """Return the malformed records of every partition's *results*, by file (their index in the run's files) and
    file line: input order, whatever order the partitions were computed or resumed in."""
    return sorted((found for result in results for found in result.bad), key=lambda found: (found[0], found[1].line))


def side_file_bytes(bad: Sequence[tuple[int, BadLine]], files: Sequence[str], escape: bool = False) -> bytes:
    """Return the side file of *bad* (UTF-8 CSV, :data:`~taikai.io.BAD_LINES_COLUMNS`, as the local engine writes it;
    *escape*: ``excel_safe``). With *files* (a run of several files: those the records' indexes number), a
    ``file`` column last names each record's file; a file named alone needs none."""
    named = [files[index] for index, _ in bad] if files else None
    return tio.bad_lines_csv([line for _, line in bad], True, escape, named)


def check_side_file(output: Path, inputs: Iterable[Path]) -> None:
    """Refuse (:class:`InputError`, before anything is written) a side file of bad lines of *output* that is one of
    the run's *inputs* (a glob of ``*.csv`` over the folder the output is written beside)."""
    side = bad_lines_path(output)
    for path in inputs:
        if tio.same_path(side, path):
            raise InputError(
                f"{output}: its side file of bad lines {side.name} would overwrite the input file {path}; choose "
                "another output name, or move the input first (nothing was written)"
            )


def earlier_side_file(output: Path) -> Path | None:
    """Return the side file of bad lines that the manifest of the earlier output folder *output* names, if any:
    a run writing none removes it, as a local run removes the one its earlier summary names."""
    with suppress(OSError, ValueError, AttributeError, TypeError):
        named = json.loads((output / PARTS_MANIFEST).read_text(encoding="utf-8")).get("bad_lines_file")
        side = bad_lines_path(output)
        if isinstance(named, str) and Path(named).name == side.name:
            return side
    return None


def write_side_file(output: Path, results: Iterable[ChunkResult], files: Sequence[str], escape: bool) -> None:
    """Write the one side file of bad lines of the Dask output folder *output*, beside it, from every partition's
    *results* (in any order), whole or not at all."""
    write_whole(bad_lines_path(output), side_file_bytes(in_input_order(results), files, escape))
