"""What a model knows of the rows it was fitted on: a content hash, and a sorted array of truncated row hashes.

The row hashes let :func:`taikai.evaluate` say how many evaluated rows the model has already seen
("312 of 734 rows (43 %) were in this model's training data"). A row is keyed by its text as the model sees
it (normalised, cut to its length limit), so the same review in another file, encoding or column order matches.
They are saved in ``metadata.json`` as ``training_data.row_hashes``, a versioned addition that older metadata
lacks (:meth:`ModelMetadata.fitted_rows` is then ``None``).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from taikai.errors import ModelError
from taikai.model._fields import DAMAGED_HINT
from taikai.text import Status, check_text

ROW_HASHES_VERSION = 1
ROW_HASH_BYTES = 8
ROW_HASH_METHOD = "sha256 of the normalised text (UTF-8), first 8 bytes as a big-endian uint64; sorted, unique"


def content_sha256(rows: Iterable[Sequence[object]]) -> str:
    """Return a sha256 of the rows' values (cells joined by U+001F, rows ended by U+001E), whatever the file."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update("\x1f".join(map(str, row)).encode("utf-8") + b"\x1e")
    return digest.hexdigest()


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:ROW_HASH_BYTES], "big")


def text_hashes(values: Iterable[object], max_chars: int | None = None) -> npt.NDArray[np.uint64]:
    """Return the row hash of each value, in order (0 for a value that is no classifiable text)."""
    out = []
    for value in values:
        checked = check_text(value) if max_chars is None else check_text(value, max_chars)
        out.append(_hash(checked.text) if checked.status is Status.OK else 0)
    return np.array(out, dtype=np.uint64)


@dataclass(frozen=True)
class RowHashes:
    """The sorted, unique row hashes of the texts a model was fitted on."""

    hashes: npt.NDArray[np.uint64]

    @classmethod
    def of(cls, values: Iterable[object], max_chars: int | None = None) -> RowHashes:
        """Return the row hashes of the classifiable texts among *values*."""
        hashes = text_hashes(values, max_chars)
        return cls(np.unique(hashes[hashes != 0]))

    def __len__(self) -> int:
        return len(self.hashes)

    def contains(self, values: Iterable[object], max_chars: int | None = None) -> npt.NDArray[np.bool_]:
        """Return, for each value, whether its text is one of these rows."""
        wanted = text_hashes(values, max_chars)
        if not len(self.hashes):
            return np.zeros(len(wanted), dtype=bool)
        at = np.minimum(np.searchsorted(self.hashes, wanted), len(self.hashes) - 1)
        found: npt.NDArray[np.bool_] = (self.hashes[at] == wanted) & (wanted != 0)
        return found

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form saved in the metadata."""
        data = self.hashes.astype(">u8").tobytes()
        return {
            "version": ROW_HASHES_VERSION,
            "method": ROW_HASH_METHOD,
            "count": len(self.hashes),
            "data": base64.b64encode(data).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, values: object, source: str = "metadata") -> RowHashes:
        """Read what :meth:`to_dict` wrote; raise :class:`ModelError` for another version or damaged data."""
        if not isinstance(values, dict) or values.get("version") != ROW_HASHES_VERSION:
            version = values.get("version") if isinstance(values, dict) else None
            raise ModelError(
                f"{source}: row hashes of version {version!r}, but this taikai reads version {ROW_HASHES_VERSION}"
            )
        try:
            data = base64.b64decode(values["data"], validate=True)
            hashes = np.frombuffer(data, dtype=">u8").astype(np.uint64)
        except KeyError as exc:
            raise ModelError(f"{source}: damaged row hashes (they lack {exc.args[0]!r}); {DAMAGED_HINT}") from exc
        except (TypeError, ValueError) as exc:
            raise ModelError(
                f"{source}: damaged row hashes (not base64-encoded hashes: {exc}); {DAMAGED_HINT}"
            ) from exc
        if len(hashes) != values.get("count") or (len(hashes) > 1 and not (np.diff(hashes) > 0).all()):
            raise ModelError(f"{source}: damaged row hashes (count or order does not match); {DAMAGED_HINT}")
        return cls(hashes)
