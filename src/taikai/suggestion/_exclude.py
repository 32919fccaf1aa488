"""Leave out of a suggestion the rows already handed out: those of earlier sheets or labelled files (``--exclude``).

A candidate row is left out when its id (where the file has the id column the sheet is made with) or its text, as
the duplicate checks compare texts (:func:`taikai.text.same_text_key`), is in a file given. Every row of such a file
counts, labelled or left blank: a row handed out and left blank was perhaps skipped on purpose, and is not offered
again. Texts masked by ``suggest --mask-pii`` match the candidates' texts masked the same way; only the candidates
that could match a masked text are masked (:class:`taikai.privacy.MaskedScreen`), as masking costs about 0.13 ms a row.

A row matched by id whose text differs from the file's (compared normalised, masked for a masked file, and as a CSV
sheet written in CP932 holds it, with ``?`` for the characters CP932 cannot hold) is still left out, since an id
names a row whose text may since have been edited, but warned of with the count and an example id: a sheet of
another dump whose ids restart (R00001, …) would otherwise leave out unrelated rows unseen.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from taikai._warn import warn_user
from taikai.errors import EXCLUDE, DataWarning, InputError, wrong_type
from taikai.io import XLSX_LOST, XLSX_MAX_CELL
from taikai.privacy import ANY_PLACEHOLDER, MaskedScreen
from taikai.text import (
    CP932_REPLACEMENT,
    cp932_unencodable,
    cp932_written,
    edited,
    is_missing,
    normalize,
    same_text_key,
)

if TYPE_CHECKING:
    import pandas as pd

EXCLUDE_TEXT = "text"
"""The text column looked for first in a file to exclude: a suggest sheet's, and a labelled file's default."""
_GIVE = "give the sheets handed out before, or labelled files, by their paths"
"""What to give ``exclude`` instead of a path that is no file to read (empty, a folder, missing, …)."""


@dataclass(frozen=True)
class Excluded:
    """The ids and normalised texts of one file to exclude (``source``: its path, or ``<frame N>``), and the text of
    each id (``text_of``) where a row has both."""

    source: str
    ids: frozenset[str]
    texts: frozenset[str]
    masked: bool
    rows: int
    text_of: Mapping[str, str] = field(default_factory=dict, compare=False)
    sheet: bool = False
    """The file is a sheet ``taikai suggest`` wrote (its labels are trained on with ``--add``), not a labelled file."""
    same_as: str | None = None
    """The name an earlier item of ``exclude`` gave the same file under (``s1.csv`` for ``./s1.csv``, or for
    ``s1.csv`` given twice): its rows are counted there, once."""


@dataclass(frozen=True)
class Exclusion:
    """Which candidates are kept (``keep``), how many each file matched (``per_file``; a row matched by several
    files counts for the first, so that every row is counted once) and the texts of all files, for the
    near-duplicate check."""

    keep: npt.NDArray[np.bool_]
    per_file: dict[str, int]
    texts: list[str]


def _wrong_item(name: str, value: object, accepted: str) -> TypeError:
    """Return the error of *value* given as *name*: what is accepted, and for a :class:`Suggestion` what to pass."""
    from taikai.suggestion._result import Suggestion

    if not isinstance(value, Suggestion):
        return wrong_type(name, value, accepted)
    error = f"{name} must be {accepted}, not a Suggestion"  # its one-line repr would repeat the type
    if value.out is None:
        return TypeError(f"{error}; pass its rows instead (s.rows of a Suggestion s; it wrote no sheet)")
    return TypeError(
        f"{error}; pass the path of the sheet it wrote instead, {str(value.out)!r} (s.out of a Suggestion s), so "
        "that the next sheet's how_to names it, or its rows (s.rows)"
    )


def exclude_items(exclude: Any) -> list[str | Path | pd.DataFrame]:
    """Return *exclude* (one path or frame, or a list of them; ``None``: none, as the default ``()`` and the command
    line's default) as a list; raise :class:`TypeError` for others, naming the position of a wrong item in a list."""
    import pandas as pd

    if exclude is None:
        return []

    one = (str, Path, pd.DataFrame)
    if isinstance(exclude, one):
        items = [exclude]
    elif isinstance(exclude, (list, tuple)):
        items = list(exclude)
    else:
        raise _wrong_item("exclude", exclude, "a path or DataFrame, or a list of them (sheets or labelled files)")
    for position, item in enumerate(items):
        if not isinstance(item, one):
            raise _wrong_item(f"item {position + 1} of exclude", item, "a path or DataFrame (a sheet or labelled file)")
    from taikai.io import check_given_file

    listed = isinstance(exclude, (list, tuple))
    for position, item in enumerate(items):
        if isinstance(item, (str, Path)):  # named by its position in a list
            check_given_file(item, EXCLUDE, _GIVE, position if listed else None)
    return list(items)


def id_key(value: Any) -> str | None:
    """Return an id as the text compared (``12.0`` read from a sheet is ``12``), ``None`` when missing."""
    if is_missing(value):  # None, NaN, pandas.NA (a nullable or pyarrow column)
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def text_key(value: Any) -> str | None:
    """Return a text as the texts compared, the key of the duplicate checks (:func:`taikai.text.same_text_key`:
    normalised, and a sheet's trip through CP932, 〜 as ～, folded back; as an xlsx sheet holds it: without the
    control characters a cell cannot hold, :data:`taikai.io.XLSX_LOST`, cut to a cell's length, so that such a row
    matches its text on the sheet); ``None`` when missing or blank."""
    if is_missing(value):
        return None
    text = same_text_key(normalize(str(value).translate(XLSX_LOST)[:XLSX_MAX_CELL]))
    return text or None


def read_excluded(
    items: Sequence[str | Path | pd.DataFrame], id_name: Hashable | None, text_name: Hashable, mask_pii: bool = False
) -> list[Excluded]:
    """Read every file (or frame) of *items*: the ids in column *id_name* (when given and there) and the texts of
    column ``text``, else *text_name*; raise :class:`InputError` for a file with neither (or, quoting its text
    masked with *mask_pii*, for a malformed record)."""
    from taikai.io import is_sheet, labelled_sheet_read, read_labelled_file, unescape_sheet

    out: list[Excluded] = []
    seen: dict[str, Excluded] = {}
    for number, item in enumerate(items, start=1):
        if isinstance(item, (str, Path)):
            if (before := seen.get(os.path.realpath(item))) is not None:  # read once
                out.append(replace(before, source=str(item), same_as=before.source))
                continue
            table = read_labelled_file(Path(item), mask_pii=mask_pii)
            frame, source, sheet_read = table.frame, str(item), table.sheet
        else:
            # a suggest sheet read with pandas: its formula escapes are taken off, as of the same CSV file
            frame, source, sheet_read = unescape_sheet(item), f"<frame {number}>", None
        frame = frame.rename(columns=lambda c: str(c).strip())
        id_col = None if id_name is None or str(id_name) not in frame.columns else str(id_name)
        text_col = next((c for c in (EXCLUDE_TEXT, str(text_name)) if c in frame.columns), None)
        if id_col is None and text_col is None:
            named = dict.fromkeys(str(c) for c in (text_name, id_name) if c is not None)  # the predictions' own
            nor = [repr(c) for c in named if c != EXCLUDE_TEXT]
            looked = f"column {EXCLUDE_TEXT!r}" + (f" (nor {' nor '.join(nor)})" if nor else "")
            # of a workbook, the sheet read and, when not the labels sheet, how to have the sheet's own read
            of, other_sheet = labelled_sheet_read(source, sheet_read, added=True)
            raise InputError(
                f"{source}, given to {EXCLUDE}: no {looked} to match rows by (its columns{of}: "
                f"{', '.join(map(repr, frame.columns[:12]))}); give a sheet taikai suggest wrote, or rename the column "
                f"of its texts to {EXCLUDE_TEXT!r}{other_sheet}"
            )
        id_list = [id_key(k) for k in (frame[id_col].tolist() if id_col else [])]
        text_list = [text_key(t) for t in (frame[text_col].tolist() if text_col else [])]
        ids = {k for k in id_list if k is not None}
        texts = {k for k in text_list if k is not None}
        text_of = {i: t for i, t in zip(id_list, text_list) if i is not None and t is not None}
        masked = any(ANY_PLACEHOLDER.search(t) for t in texts)
        sheet = isinstance(item, (str, Path)) and is_sheet(frame.columns)
        out.append(Excluded(source, frozenset(ids), frozenset(texts), masked, len(frame), text_of, sheet))
        if isinstance(item, (str, Path)):
            seen[os.path.realpath(item)] = out[-1]
    return out


def _other_keys(
    files: Sequence[Excluded], id_keys: list[str | None], keys: list[str | None], texts: Sequence[str]
) -> dict[int, tuple[str, ...]]:
    """Return, by position, the other keys a candidate's text may have in the files: masked (for masked files) and
    as CP932 wrote it (when a file's text holds a ``?``), and both; only for the candidates that need them."""
    lossy = any(CP932_REPLACEMENT in t for f in files for t in f.texts)
    written = {n: text_key(cp932_written(str(texts[n]))) for n in (cp932_unencodable(texts) if lossy else [])}
    out: dict[int, tuple[str, ...]] = {n: (k,) for n, k in written.items() if k is not None}
    masked_files = [f for f in files if f.masked]
    if not masked_files:
        return out
    screen = MaskedScreen(t for f in masked_files for t in f.texts)
    need = [
        n
        for n, (i, k) in enumerate(zip(id_keys, keys, strict=True))
        if k is not None
        and (
            screen.may_match(k)
            or (written.get(n) is not None and screen.may_match(str(written[n])))
            or any(f.text_of.get(i or "", k) != k for f in masked_files)
        )
    ]
    if not need:
        return out
    from taikai.privacy import default_masker

    masked, _ = default_masker().mask_each([str(texts[n]) for n in need])
    for n, t in zip(need, masked, strict=True):
        keys_of_masked = (text_key(t), text_key(cp932_written(str(t))) if n in written else None)
        out[n] = tuple(k for k in (*keys_of_masked, *out.get(n, ())) if k is not None)
    return out


def match_excluded(files: Sequence[Excluded], ids: Sequence[Any] | None, texts: Sequence[str]) -> Exclusion:
    """Return which of the candidates (*ids*, or ``None`` without an id column, and *texts*) no file holds.

    A file that matches no candidate gets a :class:`~taikai.errors.DataWarning` (the wrong file?), and so does one
    whose rows match candidates by id but not by text (a sheet of another dump?), and a file given again (under the
    same name or another, :attr:`Excluded.same_as`), whose rows are counted once, under the first. Texts are compared as
    :func:`text_key` makes them, and also masked (for a masked file) and as a CP932 sheet holds them (when a file's
    text holds a ``?``: characters CP932 cannot hold were written so). A row held by several files counts for the
    first (``per_file``), so that every row is counted once.
    """
    keys = [text_key(t) for t in texts]
    id_keys: list[str | None] = [None] * len(texts) if ids is None else [id_key(i) for i in ids]
    other_keys = _other_keys(files, id_keys, keys, texts)
    keep = np.ones(len(texts), dtype=bool)
    per_file = {}
    for f in files:
        if f.same_as is not None:
            again = " twice" if f.same_as == f.source else f": the same file as {f.same_as}, given before"
            warn_user(
                f"{f.source}, given to {EXCLUDE}{again}; its rows are counted once, under {f.same_as}", DataWarning
            )
            continue
        hit = np.zeros(len(texts), dtype=bool)
        differ: list[str] = []
        edits: list[str] = []
        for n, (i, t) in enumerate(zip(id_keys, keys, strict=True)):
            others = other_keys.get(n, ())
            if i is not None and i in f.ids:
                hit[n] = True
                theirs = f.text_of.get(i)
                if t is not None and theirs is not None and theirs != t and theirs not in others:
                    (edits if edited(theirs, t) else differ).append(i)
            elif (t is not None and t in f.texts) or any(k in f.texts for k in others):
                hit[n] = True
        per_file[f.source] = int((hit & keep).sum())  # a row held by an earlier file counts for that one
        keep &= ~hit
        if not hit.any():
            warn_user(
                f"{f.source}, given to {EXCLUDE}: none of its {f.rows:,} row(s) is a row of the predictions, by id "
                "or text; is it a sheet or labelled file of this data?",
                DataWarning,
            )
        elif differ or edits:
            if differ:
                warn_user(
                    f"{f.source}, given to {EXCLUDE}: {len(differ):,} row(s) match a prediction by id but their texts "
                    f"differ (e.g. id {differ[0]}): is the sheet from another dump? They are left out by id all the "
                    "same; give the sheets of these predictions, or drop the file's id column to match by text only",
                    DataWarning,
                )
            if edits:  # a typo fixed in the sheet: the same review, rightly left out by its id
                warn_user(
                    f"{f.source}, given to {EXCLUDE}: {len(edits):,} row(s) match a prediction by id with their text "
                    f"edited in the sheet (e.g. id {edits[0]}): left out by id, as handed out before; train --add "
                    "trains them as the sheet's text",
                    DataWarning,
                )
    return Exclusion(keep, per_file, sorted({t for f in files for t in f.texts}))
