"""Ways to spoil a copy of a model directory, which the tests of its refusals share (importable as
``support_models``: ``tests`` is on the tests' path)."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any


def flip_a_byte(model_dir: Path) -> None:
    """Change a byte in the middle of *model_dir*'s ``model.joblib``, leaving its size: only its sha256 tells."""
    path = model_dir / "model.joblib"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))


def edited_metadata(change: Callable[[dict[str, Any]], object]) -> Callable[[Path], None]:
    """Return a spoiler that applies *change* to the values of a model directory's ``metadata.json``."""

    def spoil(model_dir: Path) -> None:
        path = model_dir / "metadata.json"
        values = json.loads(path.read_text(encoding="utf-8"))
        change(values)
        path.write_text(json.dumps(values), encoding="utf-8")

    return spoil
