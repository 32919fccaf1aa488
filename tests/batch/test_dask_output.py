"""The Dask engine's output folder moved into place: an earlier output replaced, never a `.taikai-old` left."""

from __future__ import annotations

import pytest

from taikai.batch._dask_output import MANIFEST, check_output, move_into_place
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


def _earlier(out, *others: str) -> None:
    """Make *out* an earlier Dask output (manifest and two parts) holding the files *others* too."""
    out.mkdir()
    (out / MANIFEST).write_text("{}", encoding="utf-8")
    for name in ("part.00000.csv", "part.00001.csv", *others):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("old\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("others", "named"),
    [
        (["report.html"], "report.html"),
        (["to_label.xlsx", "report.html"], "report.html, to_label.xlsx"),
        (["analysis/chart.png"], "analysis"),
        (["part.00002.csv.bak"], "part.00002.csv.bak"),
        (["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"], "a.txt, b.txt, c.txt, and 2 more"),
    ],
)
def test_an_earlier_output_holding_other_files_is_refused_before_any_work(tmp_path, others, named):
    """A report or a labelling sheet saved into the output folder would go with the folder the run replaces."""
    out = tmp_path / "out.csv"
    _earlier(out, *others)
    with pytest.raises(InputError) as caught:
        check_output(out)
    them = "it" if named.count(",") == 0 and "more" not in named else "them"
    assert str(caught.value) == (
        f"{out}: holds {named} besides an earlier output's manifest and parts, which the run would delete with the "
        f"folder it replaces; move {them} out of the folder, or choose another output, then run again (nothing was "
        "written)"
    )
    assert all((out / name).is_file() for name in others)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet"])
def test_an_earlier_output_of_its_manifest_and_parts_alone_is_accepted(tmp_path, fmt):
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text("{}", encoding="utf-8")
    (out / f"part.00000.{fmt}").write_text("old\n", encoding="utf-8")
    check_output(out)


def test_a_file_saved_into_the_earlier_output_during_the_run_is_kept_and_refused(tmp_path):
    tmp, out = _finished(tmp_path), tmp_path / "out.csv"
    _earlier(out, "to_label.xlsx")
    with pytest.raises(InputError) as caught:
        move_into_place(tmp, out)
    assert str(caught.value) == (
        f"{out}: to_label.xlsx appeared in it during the run, which replacing it would delete; it is left as it is "
        "and nothing was written: move it out of the folder or choose another output name, then run again"
    )
    assert (out / "to_label.xlsx").is_file() and (out / "part.00001.csv").is_file()


LITTER = [".DS_Store", "Thumbs.db", "desktop.ini", "Desktop.ini", ".directory", "._part.00000.csv"]
LITTER += ["~$part.00000.csv", ".~lock.part.00000.csv#"]  # Excel's and LibreOffice's lock of a part opened


@pytest.mark.parametrize("earlier", ["taikai output", "folder without a manifest"])
@pytest.mark.parametrize("litter", [*LITTER, ".ipynb_checkpoints/x-checkpoint.ipynb"])
def test_file_manager_litter_is_neither_refused_nor_deleted(tmp_path, earlier, litter):
    """Regression: touch outd/.DS_Store (Finder writes it whenever a Mac user opens the folder), then a rerun into
    outd said "outd: holds .DS_Store besides an earlier output's manifest and parts"; the litter is kept."""
    tmp, out = _finished(tmp_path), tmp_path / "out.csv"
    if earlier == "taikai output":
        _earlier(out, litter)
    else:
        (out / litter).parent.mkdir(parents=True)
        (out / litter).write_text("old\n", encoding="utf-8")
    check_output(out)
    move_into_place(tmp, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    assert (out / "part.00000.csv").read_text(encoding="utf-8") == "new\n"
    assert (out / litter).read_text(encoding="utf-8") == "old\n"  # kept, as it was
    assert not (out / "part.00001.csv").exists()  # the earlier output's own files went


@pytest.mark.parametrize("litter", [".DS_Store", ".ipynb_checkpoints/x-checkpoint.ipynb", "Thumbs.db"])
def test_litter_beside_a_report_is_not_named_and_the_report_is_still_refused(tmp_path, litter):
    out = tmp_path / "out.csv"
    _earlier(out, litter, "report.html")
    with pytest.raises(InputError) as caught:
        check_output(out)
    assert str(caught.value).startswith(f"{out}: holds report.html besides an earlier output's manifest and parts")
    with pytest.raises(InputError) as caught:
        move_into_place(_finished(tmp_path), out)
    assert str(caught.value).startswith(f"{out}: report.html appeared in it during the run")
    assert (out / litter).is_file() and (out / "report.html").is_file()


def test_a_folder_of_someone_s_files_and_litter_is_still_not_an_output(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in (".DS_Store", "mine.txt"):
        (out / name).write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="exists and is not a taikai output directory"):
        check_output(out)
