"""The files the Dask engine's input names (a file, a folder or a glob), in sorted order, and their one format;
file-manager litter among them (:mod:`taikai.batch._litter`) is not read, and said to be skipped. Each CSV or TSV
file is opened with the first one's columns, each JSONL file with every file's keys (:func:`open_listed`)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import taikai.io as tio
from taikai._warn import warn_user
from taikai.batch._dask_globs import fixed_folder, fixed_parts, globbed, is_glob, walked
from taikai.batch._dask_output import OLD, PARTIAL
from taikai.batch._litter import WHAT_LITTER_IS, is_litter, listed
from taikai.batch._workdir import SUFFIX
from taikai.errors import INPUT_FORMAT, DataWarning, InputError


@dataclass(frozen=True)
class InputFiles:
    """The files to read (absolute, sorted), their format, the litter skipped (as found, sorted), and the folder
    they were found below (absolute: the folder given, a glob's fixed part, a file's own folder): Hive keys
    (``year=2024/``) are read from the folders below it only, never from those above (``/data/run=1/dump/``)."""

    files: list[Path]
    format: str
    skipped: list[str]
    base: Path
    empty: list[str]
    """The empty (0-byte) CSV, TSV or JSONL files skipped, below :attr:`base` (none when every file is empty)."""
    twice: list[str] = field(default_factory=list)
    """The files skipped as another name of a file read (a link), each with that name, below :attr:`base`."""

    def first(self, pattern: str | Path) -> str | Path:
        """Return what a message on the columns of the first file (every other has them) names: *pattern* when it
        is that file, else the file."""
        return pattern if Path(pattern).is_file() else self.files[0]

    def named(self, pattern: str | Path) -> list[str]:
        """Return the files a row's place names (``FILE:LINE``), in order: none when *pattern* is the one file read,
        whose rows are named by their line alone (``line 3 (id 7)``), as a local run names them."""
        return [] if Path(pattern).is_file() else [str(f) for f in self.files]

    def warn_skipped(self, pattern: str | Path) -> None:
        """Say (:class:`DataWarning`) which files of *pattern* were skipped as litter or as empty, if any: never
        silently."""
        if self.skipped:
            warn_user(
                f"{pattern}: skipped {listed(self.skipped)} ({WHAT_LITTER_IS}); rename a data file whose name looks "
                "like one of them to have it read",
                DataWarning,
            )
        if self.empty:
            warn_user(f"{pattern}: skipped {listed(self.empty)}: empty (0 bytes), no row to read", DataWarning)
        if self.twice:
            warn_user(f"{pattern}: skipped {listed(self.twice)}: each file is read once, by one name", DataWarning)
        folders = (p for f in self.files for p in f.relative_to(self.base).parent.parts if "=" in p)
        if self.format != "parquet" and (keys := list(dict.fromkeys(p.partition("=")[0] for p in folders))):
            warn_user(
                f"{pattern}: the folders' names hold Hive keys ({listed(keys)}: {keys[0]}=...), which are read as "
                f"columns of Parquet input only: the {self.format.upper()} files' rows do not get them; write the "
                "value into the files as a column, or convert them to Parquet, to keep it",
                DataWarning,
            )


@contextmanager
def said_as_given(pattern: str | Path) -> Iterator[None]:
    """Name the file *pattern* names alone, in an :class:`InputError` raised within, as *pattern* names it
    (``bad.csv:4: …``, as a local run names it), not by the absolute path its readers open (on a worker too)."""
    try:
        yield
    except InputError as exc:
        shown, whole = str(pattern), str(Path(pattern).absolute())
        if shown != whole and Path(pattern).is_file():
            exc.args = tuple(a.replace(whole, shown) if isinstance(a, str) else a for a in exc.args)
        raise


def _base(pattern: str | Path) -> Path:
    """Return the folder the files of *pattern* are found below (see :class:`InputFiles`), absolute."""
    root = Path(pattern)
    if root.is_dir():
        return root.absolute()
    if is_glob(pattern):
        return Path(*root.parts[: fixed_parts(pattern)]).absolute()
    return root.absolute().parent


def _listed(pattern: str | Path) -> tuple[list[Path], list[str]]:
    """Return the files of the folder or glob *pattern* that are no litter (:func:`is_litter_path`), and the litter
    skipped, named below the folder or the glob's fixed part; a file named alone is itself, whatever its name. In a
    folder, another file or folder whose name starts with ``_`` or ``.`` is passed over too, unsaid, as no data
    (``_SUCCESS``, Spark's ``_temporary/`` of a failed job, ``.Trash-1000/``, ``.git/``), as Dask and Spark pass
    them over."""
    root = Path(pattern)
    if root.is_dir():
        found = [(p, p.relative_to(root).parts) for p in walked(root)]
        found = [(p, parts) for p, parts in found if is_litter_path(parts) or not any(map(_unread, parts))]
    elif is_glob(pattern):
        fixed = fixed_parts(pattern)
        found = [(p, p.parts[fixed:]) for p in globbed(pattern)]
    else:
        found = [(root, ())] if os.path.lexists(root) else []  # named alone: read whatever its name
    skipped = sorted(str(Path(*parts)) for _, parts in found if is_litter_path(parts))
    return [p for p, parts in found if not is_litter_path(parts)], skipped


def _unread(name: str) -> bool:
    """Say whether a file or folder called *name* in an input folder is passed over as no data (see :func:`_listed`)."""
    return name.startswith(("_", "."))


def is_litter_path(parts: tuple[str, ...]) -> bool:
    """Say whether a file whose path below the folder or glob read is *parts* is litter or lies in litter."""
    return any(is_litter(part) for part in parts)


def input_files(pattern: str | Path, input_format: str | None = None, output: Path | None = None) -> InputFiles:
    """Return the files a directory or glob names, in sorted order, their one format, and the litter skipped
    (said by :meth:`InputFiles.warn_skipped`); refuse them when the run's *output* folder is among them."""
    tio.check_not_stream(pattern, "batch", input_format)
    found, skipped = _listed(pattern)
    if output is not None:
        check_not_read(output, pattern, found)
    files, twice = _once(sorted(p.absolute() for p in found))
    if not files and Path(pattern).is_dir():  # "give a directory" would not help: one was given
        but = f" (only {listed(skipped)}: {WHAT_LITTER_IS})" if skipped else ""
        raise InputError(
            f"{pattern}: the folder holds no data file{but}; put the Parquet, CSV, TSV or JSONL files to classify "
            "in it, or give another folder, a file or a quoted glob like 'dump/*.csv'"
        )
    if not files:
        but = f" but {listed(skipped)} ({WHAT_LITTER_IS}, not read)" if skipped else ""
        raise InputError(
            f"{pattern}: no file matches{but}; give a directory, a file or a quoted glob like 'dump/*.csv'"
        )
    for p in files:  # a pipe among them would be read twice (schema, then rows) or skipped: refused by name, first
        tio.check_regular_file(p, input_format)
    formats = _formats(pattern, files, input_format)
    if len(formats) > 1:
        raise InputError(f"{pattern}: the files mix formats {sorted(formats)}; give files of one format")
    fmt = formats.pop()
    if fmt == "xlsx":
        raise InputError("the Dask engine reads Parquet, CSV, TSV and JSONL; use the local engine for xlsx")
    base = _base(pattern)
    # an empty CSV, TSV or JSONL file beside others (a day without reviews) holds no row: not read, and said
    empty = [p for p in files if fmt != "parquet" and p.stat().st_size == 0]
    if len(empty) == len(files):  # none to read the columns from: each is refused as the local engine refuses it
        empty = []
    files = [p for p in files if p not in empty]
    below = [f"{_named(p, base)} (the same file as {_named(kept, base)})" for p, kept in twice]
    return InputFiles(files, fmt, skipped, base, [str(p.relative_to(base)) for p in empty], below)


def _named(path: Path, base: Path) -> str:
    """Return *path* as named below *base* when it is, else whole."""
    return str(path.relative_to(base)) if path.is_relative_to(base) else str(path)


def _once(files: list[Path]) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """Return *files* with each file once, though several names reach it (``latest.parquet``, a link to
    ``2024-12.parquet``, would have its rows classified twice): by its own name, else the first; and each name left
    out with the one kept."""
    real = {p: os.path.realpath(p) for p in files}  # resolved once: a few system calls per name
    names: dict[str, list[Path]] = {}
    for p in files:
        names.setdefault(real[p], []).append(p)
    kept = {r: next((p for p in same if not p.is_symlink()), same[0]) for r, same in names.items()}
    once = [p for p in files if kept[real[p]] == p]
    return once, [(p, kept[real[p]]) for p in files if kept[real[p]] != p]


def _data_glob(pattern: str | Path, files: list[Path], suffix: str) -> str:
    """Return a glob like the folder or glob *pattern* that matches its *files* with the extension *suffix* only."""
    if is_glob(pattern):
        last = Path(pattern).name
        return str(Path(pattern).with_name(last + suffix if last.endswith("*") else "*" + suffix))
    nested = any(f.parent != Path(pattern).absolute() for f in files)
    return str(Path(pattern, "**" if nested else "", "*" + suffix))


def _formats(pattern: str | Path, files: list[Path], input_format: str | None) -> set[str]:
    """Return the formats of *files*; refuse one whose extension names none, saying, when other files of the folder
    or glob *pattern* have one, to leave it out (not to name a format, which would apply to every file)."""
    formats: dict[str, Path] = {}
    for p in files:
        try:
            formats.setdefault(tio.format_of(p, input_format, INPUT_FORMAT), p)
        except InputError:
            if input_format is not None or len(files) == 1:
                raise
            other = next((f for f in files if tio.likely_format(f) not in (None, "xlsx")), None)
            if other is None:  # no data file among them: what the file's own error says is the advice
                raise
            raise InputError(
                f"{p}: its extension {p.suffix!r} names no format the Dask engine reads (Parquet, CSV, TSV, JSONL), "
                f"unlike {other.name}'s; move it out of {fixed_folder(pattern)}, or give a quoted glob that matches "
                f"the data files only, like '{_data_glob(pattern, files, other.suffix)}'"
            ) from None
    return set(formats)


def check_not_read(output: Path, pattern: str | Path, files: list[Path]) -> None:
    """Refuse an *output* folder among the *files* the input *pattern* names: in an input folder (or matched by a
    recursive glob), the run would read its lock file, its partial parts or an earlier output as input."""
    # resolved: an output given with ``..`` or reached through a link still names the folder it writes in
    where = output.absolute().parent.resolve()
    ours = [where / (output.name + suffix) for suffix in ("", PARTIAL, SUFFIX, OLD)] + [output.resolve()]
    read = next((f for f in files for folder in ours if f.resolve().is_relative_to(folder)), None)
    if read is not None:
        raise InputError(
            f"{pattern}: would read {read}, a file of this run's output {output} (or of its working folder beside "
            "it), as input; write the output outside the input folder (or give a glob that does not match it), then "
            "run again (nothing was written)"
        )


def open_listed(
    path: Path, fmt: str, encoding: str | None, names: list[str], errors: str = "strict", first: str = ""
) -> tio.Reader:
    """Open one CSV/TSV/JSONL file, refusing it unless its columns are *names* (those of the *first* file); *errors*
    is the ``encoding_errors`` of :func:`taikai.io.open_reader`. What its header says (unnamed columns) is left
    unsaid: a worker opens it; the client said it of the first file
    (:func:`~taikai.batch._dask_input.read_input`).

    A JSONL file's records are read by key, as the local engine reads them: one whose records have some of the
    keys, in any order, is read with *names* (a missing key is null; *names* hold every file's keys, see
    :func:`~taikai.batch._dask_jsonl.input_types`, which read them: the file is not read for them again); a record
    with a key not among them (the file changed since) is a bad line, which the reading stops at, saying so."""
    keys = list(names) if fmt == "jsonl" else None  # read for them already: not again
    reader = tio.open_reader(path, fmt, encoding, None, errors, warn=False, keys=keys)
    of = f"the first file, {first}" if first else "the first file"
    if reader.columns != names:
        head = tio.head_rows(reader)  # the first one's header below a title: said as the local engine says it
        title = head.header_below(names) if head is not None else ""
        do = (
            "every file must have the first one's columns, in the same order: make the headers alike, or classify "
            "the files apart"
        )
        raise InputError(f"{path}: its columns {reader.columns} are not those of {of}: {names}{title or '; ' + do}")
    return reader
