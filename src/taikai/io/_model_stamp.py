"""The stamp of the model that made a batch output's predictions, as its summary or Dask manifest records it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ModelStamp:
    """Which model made the predictions, as far as its metadata says."""

    name: str
    path: str
    sha256: str
    created_at: str
    reasons: tuple[str, ...] = ()
    test_metrics: dict[str, float] = field(default_factory=dict)
    refit_on_all_rows: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the stamp as a batch summary (under ``model``) and a Dask manifest (under ``model_stamp``) hold it;
        :meth:`from_dict` reads it back. The metrics are written as given (a count such as ``rows`` stays an int)."""
        return {
            "name": self.name,
            "path": self.path,
            "sha256": self.sha256,
            "created_at": self.created_at,
            "reasons": list(self.reasons),
            "test_metrics": dict(self.test_metrics),
            "refit_on_all_rows": self.refit_on_all_rows,
        }

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> ModelStamp:
        """Return the stamp *values* (as :meth:`to_dict` writes it) hold; ``reasons``, ``test_metrics`` and
        ``refit_on_all_rows`` may be absent (older summaries). A missing field raises :class:`KeyError`, a value of
        the wrong kind :class:`ValueError`, :class:`TypeError` or :class:`AttributeError`."""
        return cls(
            name=str(values["name"]),
            path=str(values["path"]),
            sha256=str(values["sha256"]),
            created_at=str(values["created_at"]),
            reasons=tuple(map(str, values.get("reasons", ()))),
            test_metrics={str(k): float(v) for k, v in (values.get("test_metrics") or {}).items()},
            refit_on_all_rows=bool(values.get("refit_on_all_rows", False)),
        )
