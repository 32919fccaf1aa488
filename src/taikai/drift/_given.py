"""Check the paths given to :func:`~taikai.drift.check_drift` before anything is read: an empty ``dump`` or
``reference`` (``Path("")`` would be the current folder) is said to be empty, and a ``reference`` that is standard
input, a pipe, a folder or missing is named as given to ``reference`` (``--reference``), as the dump is named by its
path alone (it is the command's one file argument). A dump that is no file is said first, as a user reads the
command: ``taikai drift nosuch.csv --reference nosuch2.csv`` named the reference only, and the missing dump next."""

from __future__ import annotations

from pathlib import Path

from taikai.errors import REFERENCE_INPUT_FORMAT, Argument, InputError, missing_path_hint

REFERENCE = Argument("reference", "--reference")
_GIVE_REFERENCE = (
    "give a dump or predictions file to compare with by its path, or leave it out to compare with the model's "
    "training statistics"
)


def check_given_paths(
    dump: object, reference: object, reference_format: str | None = None, dump_format: str | None = None
) -> None:
    """Raise :class:`InputError` when *dump* or *reference* is an empty (or blank) string, or *reference* a path
    that is no file to read, naming it as given to ``reference``: a ``.txt`` file whose format was not named
    (*reference_format*) is told to name it with ``reference_input_format``; frames and ``None`` pass. A *dump*
    that is no file is said first, as reading it says it (*dump_format*: its ``input_format``)."""
    from taikai.io import check_given_file, check_not_empty, check_regular_file, format_of

    check_not_empty(dump, "dump", "give the path of a data file (CSV, TSV, JSONL, Parquet or xlsx)")
    if isinstance(dump, (str, Path)):  # as reading it says it: standard input, a pipe, missing, a folder
        path = Path(dump)
        check_regular_file(path, dump_format)  # the format given says how to save standard input or a pipe
        if not path.exists():
            raise InputError(f"{path}: no such file{missing_path_hint(path)}")
        if path.is_dir():
            format_of(path)  # the folder error of every data file read (a model's said to be one); parts pass
    if isinstance(reference, (str, Path)):
        check_given_file(
            reference, REFERENCE, _GIVE_REFERENCE, tables=not reference_format, format_option=REFERENCE_INPUT_FORMAT
        )
