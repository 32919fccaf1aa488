"""Read the folder of parts the Dask engine writes (``taikai batch --engine dask``) as one predictions file.

The folder holds ``part.NNNNN.{parquet,csv,tsv,jsonl}`` files, in input order, and a ``_taikai.json`` manifest
that lists them and says their format, the run's counts, the ``--prefix`` and the model. The commands that read
predictions (report, suggest, drift) read such a folder through :class:`PartsReader`: its parts one after the
other, as if they were one file, and the manifest as the run's summary.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taikai.errors import InputError
from taikai.io._file_argument import FileKind, check_file
from taikai.io._records import Chunk, Position, Reader, bad_line_error

PARTS_MANIFEST = "_taikai.json"
"""The manifest of a Dask engine's output folder."""


@dataclass(frozen=True)
class Manifest:
    """What a Dask engine's output folder holds: its parts in order, their format, and the run's values."""

    folder: Path
    format: str
    parts: tuple[Path, ...]
    values: dict[str, Any]
    """The whole manifest, as JSON values (rows, statuses, prefix, model, …)."""


def is_parts_folder(path: Path) -> bool:
    """Return whether *path* is a folder with a Dask engine manifest."""
    return Path(path).is_dir() and (Path(path) / PARTS_MANIFEST).is_file()


def read_manifest(folder: Path) -> Manifest:
    """Return the manifest of the Dask engine's output *folder*; raise :class:`InputError` when it is malformed or
    lists a part that is not there."""
    check_file("folder", folder, FileKind.PARTS)
    path = Path(folder) / PARTS_MANIFEST
    redo = "run taikai batch --engine dask again to write the folder anew"
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
        fmt, names = str(values["format"]), [str(name) for name in values["parts"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a readable taikai manifest ({exc!r}); {redo}") from exc
    parts = tuple(Path(folder) / name for name in names)
    missing = [p.name for p in parts if not p.is_file()]
    if missing:
        raise InputError(f"{path} lists {len(missing)} part(s) that are not in {folder}: {missing[:3]}; {redo}")
    return Manifest(Path(folder), fmt, parts, values)


class PartsReader:
    """Read the parts of a Dask engine's output folder one after the other, as one file of their columns.

    Rows are named by their place in the whole (no file line: each part has its own lines); a malformed record
    stops the reading with its part's file and line. A row that did not decode cleanly keeps its note (its line
    is that of its part).
    """

    def __init__(self, folder: Path, open_part: Callable[[Path, str], Reader]):
        """Read *folder*, opening each part with ``open_part(part, format)`` (:func:`taikai.io.open_reader`)."""
        self.path = Path(folder)
        self.manifest = read_manifest(self.path)
        self.open_part = open_part
        if not self.manifest.parts:
            raise InputError(f"{self.path}: its manifest lists no part; run taikai batch --engine dask again")
        first = self._open(self.manifest.parts[0])
        self._first = first  # its chunks are read with it: a JSONL part is read whole for its keys once, not twice
        self.columns: list[str] = first.columns
        self.total: int | None = None
        self._schema = getattr(first, "schema", None)

    @property
    def schema(self) -> Any:
        """Return the Arrow schema of the first part (Parquet parts), else ``None``."""
        return self._schema

    def _open(self, part: Path) -> Reader:
        return self.open_part(part, self.manifest.format)

    def chunks(self, chunk_size: int, position: Position | None = None) -> Iterator[Chunk]:
        """Yield chunks of up to *chunk_size* rows of each part in turn (a saved *position* is not supported)."""
        if position:
            raise InputError(f"{self.path}: a folder of parts is read from its start only")
        done = 0
        for index, part in enumerate(self.manifest.parts):
            reader = self._first if index == 0 else self._open(part)
            if reader.columns != self.columns:
                raise InputError(
                    f"{part}: the columns {reader.columns} differ from those of {self.manifest.parts[0].name} "
                    f"{self.columns}; run taikai batch --engine dask again to write the folder anew"
                )
            for chunk in reader.chunks(chunk_size):
                if chunk.bad:
                    raise bad_line_error(part, chunk.bad[0], "run taikai batch --engine dask again to write it anew")
                done += chunk.rows
                position = {"records": done, "done": done}
                yield Chunk(chunk.data, chunk.rows, blank=chunk.blank, position=position, notes=chunk.notes)
