"""The Dask engine's output folder moved into place: an earlier output replaced, never a `.taikai-old` left."""

from __future__ import annotations

import pytest

from taikai.batch._dask_output import MANIFEST, move_into_place
from taikai.errors import InputError


def _finished(tmp_path):
    tmp = tmp_path / "out.csv.taikai-dask-partial"
    tmp.mkdir()
    (tmp / MANIFEST).write_text("{}", encoding="utf-8")
    (tmp / "part.00000.csv").write_text("new\n", encoding="utf-8")
    return tmp


@pytest.mark.parametrize("earlier", [None, "taikai output", "empty folder"])
def test_the_output_replaces_an_earlier_taikai_output_and_leaves_nothing_beside_it(tmp_path, earlier):
    tmp, out = _finished(tmp_path), tmp_path / "out.csv"
    if earlier is not None:
        out.mkdir()
        if earlier == "taikai output":
            (out / MANIFEST).write_text("{}", encoding="utf-8")
            (out / "part.00000.csv").write_text("old\n", encoding="utf-8")
    move_into_place(tmp, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    assert (out / "part.00000.csv").read_text(encoding="utf-8") == "new\n"


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_file_or_folder_that_took_the_name_during_the_run_is_left_and_refused(tmp_path, kind):
    """A local run, or anything else, wrote OUTPUT while the Dask run lived: it is not lost, and no .taikai-old."""
    tmp, out = _finished(tmp_path), tmp_path / "out.csv"
    if kind == "file":
        out.write_text("id,text\n", encoding="utf-8")
    else:
        out.mkdir()
        (out / "mine.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        move_into_place(tmp, out)
    assert str(caught.value) == (
        f"{out}: appeared during the run and is not a taikai output directory; it is left as it is and nothing was "
        "written: move it away or choose another output name, then run again"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "out.csv.taikai-dask-partial"]
    assert out.is_file() if kind == "file" else (out / "mine.txt").is_file()


def test_a_stale_taikai_old_file_is_removed(tmp_path):
    tmp, out = _finished(tmp_path), tmp_path / "out.csv"
    (tmp_path / "out.csv.taikai-old").write_text("left by an older taikai", encoding="utf-8")
    move_into_place(tmp, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
