"""One file a model was trained on, as its metadata records it (``inputs``): read field by field, refusing a field
that was edited into something training never writes (a role other than ``base`` or ``added``, a count that is no
whole number)."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from typing import Any

from taikai.model._fields import Fields, nonnegative_int, number, text

ROLES = ("base", "added")
"""The roles of a model's input files: the training data (the first file), and the labels added with ``--add``."""
_COUNT = "a whole number of 0 or more"


@dataclass(frozen=True)
class InputFile:
    """One file a model was trained on, and what became of its rows.

    ``role`` is ``base`` (the training data) or ``added`` (labels added with ``train --add``). ``rows`` counts the
    data rows read; ``used`` those trained on; ``blank`` rows without labels, ``bad`` unusable rows (skipped) and
    ``duplicates`` added rows whose text is already in the base data or in a later added file (dropped), so that
    ``rows == used + blank + bad + duplicates``. ``weight`` is the sample weight of its rows. ``file`` is the file
    as training was given it (relative to the folder training ran in, when given so; ``<frame>`` for a DataFrame);
    ``path`` is its absolute path, so that a retrain command names it from any folder (``""``: a DataFrame, or a
    model saved before it was recorded).
    """

    role: str
    file: str
    sha256: str
    rows: int
    used: int
    blank: int = 0
    bad: int = 0
    duplicates: int = 0
    weight: float = 1.0
    path: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready values, as written to ``metadata.json`` (``inputs``) and read by :meth:`from_dict`;
        ``path`` only when recorded (a model saved before it was is written back as it was read)."""
        values = asdict(self)
        if not self.path:
            del values["path"]
        return values

    @classmethod
    def from_dict(cls, values: dict[str, Any], source: str = "input file") -> InputFile:
        """Read an entry written by :meth:`to_dict`; raise :class:`~taikai.errors.ModelError` naming a field that
        is missing or of another kind (*source*: where the entry was read, for the message)."""
        return read_input(Fields(values, source))


def read_input(f: Fields) -> InputFile:
    """Return the input file whose fields *f* holds; raise :class:`~taikai.errors.ModelError` naming a bad one."""
    return InputFile(
        role=f.get("role", _role, " or ".join(map(repr, ROLES))),
        file=f.get("file", text, "a file name"),
        sha256=f.get("sha256", text, "a sha256 in hex"),
        rows=f.get("rows", nonnegative_int, _COUNT),
        used=f.get("used", nonnegative_int, _COUNT),
        blank=f.optional("blank", nonnegative_int, _COUNT, 0),
        bad=f.optional("bad", nonnegative_int, _COUNT, 0),
        duplicates=f.optional("duplicates", nonnegative_int, _COUNT, 0),
        weight=f.optional("weight", _weight, "a number above 0", 1.0),
        path=f.optional("path", _absolute, "an absolute path", ""),
    )


def read_inputs(f: Fields, key: str) -> tuple[InputFile, ...]:
    """Return the input files listed in field *key* of *f*: the training data first (``base``), then the files of
    added labels; raise :class:`~taikai.errors.ModelError` for a list in another order."""
    inputs = f.items(key, read_input, "a list of input files", "an input file (an object)")
    for n, found in enumerate(inputs):
        if (found.role == "base") != (n == 0):
            raise f.error(
                f"'{f.path(key)}[{n}].role' is {found.role!r}, but the first input file (the training data) is "
                "'base' and the others (added labels) are 'added'"
            )
    return inputs


def _role(value: object) -> str:
    if value not in ROLES:
        raise ValueError(value)
    return str(value)


def _absolute(value: object) -> str:
    if not isinstance(value, str) or not os.path.isabs(value):  # a relative one: relative to no folder known
        raise ValueError(value)
    return value


def _weight(value: object) -> float:
    if number(value) <= 0:
        raise ValueError(value)
    return number(value)
