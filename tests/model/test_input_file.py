"""An input file of a model's metadata (``inputs``) reads back as written, and an edited one is refused naming the
field, rather than read as something training never writes."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from taikai.errors import ModelError
from taikai.model import InputFile

_WRITTEN = InputFile("added", "filled.xlsx", "ab" * 32, 200, 179, blank=20, bad=1, weight=2.0)


@pytest.mark.parametrize(
    ("path", "written"),
    [("", False), (os.path.abspath("filled.xlsx"), True)],
    ids=["not recorded", "absolute"],
)
def test_the_absolute_path_is_written_only_when_recorded(path, written):
    """A model saved before paths were recorded is written back as it was read (no ``"path": ""``)."""
    recorded = replace(_WRITTEN, path=path)
    assert ("path" in recorded.to_dict()) is written
    assert InputFile.from_dict(recorded.to_dict()) == recorded


def test_an_input_file_reads_back_as_written():
    assert InputFile.from_dict(_WRITTEN.to_dict()) == _WRITTEN
    older = {k: v for k, v in _WRITTEN.to_dict().items() if k not in ("blank", "bad", "duplicates", "weight")}
    assert InputFile.from_dict(older) == InputFile("added", "filled.xlsx", "ab" * 32, 200, 179)


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        ({"role": "weird"}, "'role' is 'weird', but should be 'base' or 'added'"),
        ({"rows": "200"}, "'rows' is '200', but should be a whole number of 0 or more"),
        ({"used": 179.5}, "'used' is 179.5, but should be a whole number of 0 or more"),
        ({"bad": -1}, "'bad' is -1, but should be a whole number of 0 or more"),
        ({"weight": 0}, "'weight' is 0, but should be a number above 0"),
        ({"file": None}, "'file' is None, but should be a file name"),
        ({"sha256": 5}, "'sha256' is 5, but should be a sha256 in hex"),
        ({"path": "filled.xlsx"}, "'path' is 'filled.xlsx', but should be an absolute path"),
        ({"path": 3}, "'path' is 3, but should be an absolute path"),
    ],
)
def test_an_edited_input_file_is_refused_naming_the_field(edit, problem):
    """Regression: a role other than base or added loaded (and the file vanished from taikai info); "200" rows read
    as 200 and 179.5 as 179."""
    with pytest.raises(ModelError) as caught:
        InputFile.from_dict(_WRITTEN.to_dict() | edit, "m/metadata.json inputs[1]")
    assert str(caught.value).startswith(f"m/metadata.json inputs[1]: malformed model metadata: {problem}")
