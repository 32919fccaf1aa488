"""What a model knows of the rows it was fitted on: a content hash, and a sorted array of truncated row hashes.

The row hashes let :func:`taikai.evaluate` say how many evaluated rows the model has already seen
("312 of 734 rows (43 %) were in this model's training data"). A row is keyed by its text as the model sees
it (normalised, cut to its length limit) with the characters a CP932 round trip changes folded
(:func:`taikai.text.same_text_key`, version 3), so the same review in another file, encoding or column order
matches. They are saved in ``metadata.json`` as ``training_data.row_hashes``, a versioned addition that older
metadata lacks (:meth:`ModelMetadata.fitted_rows` is then ``None``). Older versions are still read, and compared
with the key they were made with: version 2 keyed the text normalised without decoding HTML character references
(``&#12289;`` stayed as written), version 1 that text without the CP932 fold either. A new way of keying a row
needs a new version here, or a model trained before it finds its own rows new.

Beside the hashes, ``placeholders`` counts the fitted texts that hold a placeholder of masked personal data
(``[人名]``, ``[電話番号]``: a ``taikai suggest --mask-pii`` sheet), an addition older metadata lacks (``None``)
and older taikai ignores. With none, no row can be one of the fitted rows once masked, and
:meth:`RowHashes.contains` masks nothing (masking costs about 0.13 ms a row).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from taikai.errors import ModelError
from taikai.model._fields import DAMAGED_HINT, TRAIN_COMMAND, said
from taikai.privacy import ANY_PLACEHOLDER
from taikai.text import MAX_CHARS, Status, check_text, near_text_key, same_text_key

ROW_HASHES_VERSION = 3
"""The version of the text key that row hashes are made with (older versions are still matched as they were made)."""
ROW_HASH_BYTES = 8
METHODS = {
    1: "sha256 of the normalised text (UTF-8), first 8 bytes as a big-endian uint64; sorted, unique",
    2: "sha256 of the normalised text with CP932 round-trip characters folded (UTF-8), first 8 bytes as a big-endian "
    "uint64; sorted, unique",
    3: "sha256 of the normalised text (HTML character references decoded) with CP932 round-trip characters folded "
    "(UTF-8), first 8 bytes as a big-endian uint64; sorted, unique",
}
"""How each row-hash version keyed a row, as saved with its hashes (1 and 2 did not decode references)."""
ROW_HASH_METHOD = METHODS[ROW_HASHES_VERSION]
NEAR_METHOD = (
    "sha256 of the key of version 3 without punctuation and spaces (Unicode categories P and Z; "
    "taikai.text.near_text_key), first 8 bytes as a big-endian uint64; sorted, unique"
)
"""How the hashes of near-copies (``near``, beside the row hashes of version 3) key a row."""
READ_VERSIONS = tuple(METHODS)
"""The row-hash versions this taikai reads, each compared with its own key."""


def content_sha256(rows: Iterable[Sequence[object]]) -> str:
    """Return a sha256 of the rows' values (cells joined by U+001F, rows ended by U+001E), whatever the file (a
    lone surrogate, which a frame's object column may hold, as its UTF-8 bytes: ``surrogatepass``)."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update("\x1f".join(map(str, row)).encode("utf-8", "surrogatepass") + b"\x1e")
    return digest.hexdigest()


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:ROW_HASH_BYTES], "big")


def _keys(values: Iterable[object], max_chars: int | None, version: int) -> list[str | None]:
    """Return the text key of each value as row hashes of *version* make it (``None``: no classifiable text)."""
    out: list[str | None] = []
    limit = MAX_CHARS if max_chars is None else max_chars
    references = version >= 3  # versions 1 and 2 were made before references were decoded
    for value in values:
        checked = check_text(value, limit, references=references)
        key = checked.text if version == 1 else same_text_key(checked.text)
        out.append(key if checked.status is Status.OK else None)
    return out


def text_hashes(
    values: Iterable[object], max_chars: int | None = None, version: int = ROW_HASHES_VERSION
) -> npt.NDArray[np.uint64]:
    """Return the row hash of each value, in order (0 for a value that is no classifiable text), keyed as row
    hashes of *version* key them."""
    return np.array([0 if k is None else _hash(k) for k in _keys(values, max_chars, version)], dtype=np.uint64)


@dataclass(frozen=True)
class RowHashes:
    """The sorted, unique row hashes of the texts a model was fitted on, and how many of those texts hold a
    placeholder of masked personal data (``None``: not recorded, as in metadata written before taikai did)."""

    hashes: npt.NDArray[np.uint64]
    version: int = ROW_HASHES_VERSION
    placeholders: int | None = None
    near: npt.NDArray[np.uint64] | None = None
    """The sorted, unique hashes of the fitted texts' near-copy keys (:func:`taikai.text.near_text_key`: the same
    review with other punctuation or spacing); ``None``: not recorded (metadata written before taikai did)."""

    @classmethod
    def of(cls, values: Iterable[object], max_chars: int | None = None) -> RowHashes:
        """Return the row hashes of the classifiable texts among *values*, counting those holding a placeholder."""
        keys = {_hash(k): bool(ANY_PLACEHOLDER.search(k)) for k in _keys(values, max_chars, ROW_HASHES_VERSION) if k}
        hashes = np.unique(np.array(list(keys), dtype=np.uint64))
        near = {_hash(near_text_key(k)) for k in _keys(values, max_chars, ROW_HASHES_VERSION) if k}
        return cls(hashes, placeholders=sum(keys.values()), near=np.unique(np.array(list(near), dtype=np.uint64)))

    def __len__(self) -> int:
        return len(self.hashes)

    def contains(
        self, values: Iterable[object], max_chars: int | None = None, *, masked: bool = False
    ) -> npt.NDArray[np.bool_]:
        """Return, for each value, whether its text is one of these rows.

        With *masked*, a value also is when its text with personal data masked (:func:`taikai.mask_pii`) is: a
        model trained on a ``taikai suggest --mask-pii`` sheet was fitted on the masked texts. Only the values not
        found as they are get masked (masking costs about 0.13 ms a row), and none when no fitted text holds a
        placeholder (``placeholders`` is 0; when it is not recorded, they are masked). The reverse cannot be told:
        a masked value of a row fitted unmasked, as the hashes do not hold the texts that would have to be masked.
        """
        values = list(values)
        wanted = text_hashes(values, max_chars, self.version)
        if not len(self.hashes):
            return np.zeros(len(wanted), dtype=bool)
        at = np.minimum(np.searchsorted(self.hashes, wanted), len(self.hashes) - 1)
        found: npt.NDArray[np.bool_] = (self.hashes[at] == wanted) & (wanted != 0)
        rest = [n for n in np.flatnonzero(~found & (wanted != 0)).tolist() if isinstance(values[n], str)]
        if masked and rest and self.placeholders != 0:
            from taikai.privacy import default_masker

            texts, _ = default_masker().mask_each([values[n] for n in rest])
            changed = [(n, t) for n, t in zip(rest, texts, strict=True) if t != values[n]]
            if changed:
                found[[n for n, _ in changed]] = self.contains([t for _, t in changed], max_chars)
        return found

    def near_copies(self, values: Iterable[object], max_chars: int | None = None) -> npt.NDArray[np.bool_] | None:
        """Return, for each value, whether its text's near-copy key is that of a fitted text (``None`` when those
        keys are not recorded): the same review with other punctuation or spacing, or the very text."""
        if self.near is None:
            return None
        keys = _keys(values, max_chars, self.version)
        wanted = np.array([0 if k is None else _hash(near_text_key(k)) for k in keys], dtype=np.uint64)
        found: npt.NDArray[np.bool_] = np.isin(wanted, self.near) & (wanted != 0)
        return found

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form saved in the metadata."""
        data = self.hashes.astype(">u8").tobytes()
        out: dict[str, Any] = {
            "version": self.version,
            "method": METHODS[self.version],
            "count": len(self.hashes),
            "data": base64.b64encode(data).decode("ascii"),
        }
        if self.placeholders is not None:
            out["placeholders"] = self.placeholders
        if self.near is not None:
            near = base64.b64encode(self.near.astype(">u8").tobytes()).decode("ascii")
            out["near"] = {"method": NEAR_METHOD, "count": len(self.near), "data": near}
        return out

    @classmethod
    def from_dict(
        cls, values: object, source: str = "metadata", retrain: str | Callable[[], str] = TRAIN_COMMAND
    ) -> RowHashes:
        """Read what :meth:`to_dict` wrote; raise :class:`ModelError` for another version or damaged data, saying to
        restore the model or to retrain it with *retrain* (the model's ``retrain_command``, or what makes it)."""

        def damaged() -> str:
            return DAMAGED_HINT.replace(TRAIN_COMMAND, said(retrain))

        version = values.get("version") if isinstance(values, dict) else None
        if not isinstance(values, dict) or version not in READ_VERSIONS:
            newer = isinstance(version, int) and not isinstance(version, bool) and version > max(READ_VERSIONS)
            raise ModelError(
                f"{source}: row hashes of version {version!r}, but this taikai reads version(s) "
                f"{', '.join(map(str, READ_VERSIONS))}; "
                + (
                    f"a newer taikai saved the model: upgrade taikai, or retrain it with this one: {said(retrain)}"
                    if newer
                    else damaged()
                )
            )
        try:
            data = base64.b64decode(values["data"], validate=True)
            hashes = np.frombuffer(data, dtype=">u8").astype(np.uint64)
        except KeyError as exc:
            raise ModelError(f"{source}: damaged row hashes (they lack {exc.args[0]!r}); {damaged()}") from exc
        except (TypeError, ValueError) as exc:
            raise ModelError(f"{source}: damaged row hashes (not base64-encoded hashes: {exc}); {damaged()}") from exc
        if len(hashes) != values.get("count") or (len(hashes) > 1 and not (np.diff(hashes) > 0).all()):
            raise ModelError(f"{source}: damaged row hashes (count or order does not match); {damaged()}")
        placeholders = values.get("placeholders")
        # type(), not isinstance(): true is no count
        if placeholders is not None and (type(placeholders) is not int or not 0 <= placeholders <= len(hashes)):
            raise ModelError(
                f"{source}: damaged row hashes (placeholders is {placeholders!r}, not a count from 0 to "
                f"{len(hashes):,}); {damaged()}"
            )
        return cls(hashes, int(version), placeholders, _near(values.get("near"), source, damaged))


def _near(values: object, source: str, damaged: Callable[[], str]) -> npt.NDArray[np.uint64] | None:
    """Read the ``near`` hashes :meth:`RowHashes.to_dict` wrote (``None`` when not written)."""
    if values is None:
        return None
    if not isinstance(values, dict):
        raise ModelError(f"{source}: damaged near-copy hashes (not an object); {damaged()}")
    try:
        near = np.frombuffer(base64.b64decode(values["data"], validate=True), dtype=">u8").astype(np.uint64)
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{source}: damaged near-copy hashes ({exc}); {damaged()}") from exc
    if len(near) != values.get("count") or (len(near) > 1 and not (np.diff(near) > 0).all()):
        raise ModelError(f"{source}: damaged near-copy hashes (count or order does not match); {damaged()}")
    return near
